import type { SourceSystem } from '../../adapters/canonical';

/** One resolved person: the global id and the source records that belong to them. */
export interface CustomerCluster {
  customerId: string;
  members: Array<{ system: SourceSystem; localId: string }>;
}

export interface SourceLinks {
  cifs: string[];
  cardholderIds: string[];
  partnerIds: string[];
  contactIds: string[];
}

const LINK_FIELD: Record<SourceSystem, keyof SourceLinks> = {
  CORE_BANKING: 'cifs',
  CARDS: 'cardholderIds',
  ERP: 'partnerIds',
  CALL_CENTER: 'contactIds',
};

const sourceKey = (system: SourceSystem, localId: string) => `${system}:${localId}`;

/**
 * The crosswalk: global customer id <-> every system's local keys. Read-only once built;
 * identity resolution builds a new one (or applies changes) and swaps it in whole, so a
 * request never sees half an update.
 */
export class Crosswalk {
  private readonly byCustomer = new Map<string, CustomerCluster>();
  private readonly bySourceKey = new Map<string, string>();
  /** Customer ids in a stable order, for paging. */
  readonly orderedIds: string[];

  constructor(clusters: Iterable<CustomerCluster>) {
    for (const cluster of clusters) {
      this.byCustomer.set(cluster.customerId, cluster);
      for (const member of cluster.members) this.bySourceKey.set(sourceKey(member.system, member.localId), cluster.customerId);
    }
    this.orderedIds = [...this.byCustomer.keys()].sort();
  }

  has(customerId: string): boolean {
    return this.byCustomer.has(customerId);
  }

  size(): number {
    return this.orderedIds.length;
  }

  members(customerId: string): CustomerCluster['members'] {
    return this.byCustomer.get(customerId)?.members ?? [];
  }

  links(customerId: string): SourceLinks {
    const links: SourceLinks = { cifs: [], cardholderIds: [], partnerIds: [], contactIds: [] };
    for (const member of this.members(customerId)) links[LINK_FIELD[member.system]].push(member.localId);
    for (const list of Object.values(links)) list.sort();
    return links;
  }

  customerOf(system: SourceSystem, localId: string): string | null {
    return this.bySourceKey.get(sourceKey(system, localId)) ?? null;
  }

  clusters(): IterableIterator<CustomerCluster> {
    return this.byCustomer.values();
  }
}
