import type { SourceSystem } from '../canonical';

/**
 * `e:{SYSTEM:localId}:entity`: the braces are a Redis Cluster hash tag, so every entity cached for
 * one record sits in one slot (one node) and evicting a record touches one node.
 */
export function entryKey(system: SourceSystem, entity: string, localId: string): string {
  return `e:{${system}:${localId}}:${entity}`;
}

/** `x:{SYSTEM:entity:id}`: which record owns a secondary id (e.g. a card id -> its cardholder). */
export function indexKey(system: SourceSystem, entity: string, secondaryId: string): string {
  return `x:{${system}:${entity}:${secondaryId}}`;
}

/** Identity of one record across systems, for in-process maps. */
export function recordKey(system: SourceSystem, localId: string): string {
  return `${system}\u0000${localId}`;
}
