import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import type { Logger } from 'pino';
import { listSupergraphSubgraphs, type SupergraphSubgraph } from './supergraphSubgraphs';
import { watchFileForChanges, type FileWatcher } from './supergraphWatcher';

export interface LoadedSupergraph {
  /** sha256 of the SDL, the same id ApolloGateway uses as its composition id. */
  id: string;
  sdl: string;
  subgraphs: SupergraphSubgraph[];
}

export type SupergraphEvent =
  | { type: 'loaded'; supergraph: LoadedSupergraph }
  | { type: 'rejected'; reason: string };

export type SupergraphListener = (event: SupergraphEvent) => void;

/** The initial supergraph file could not be read (missing, unreadable). */
export class SupergraphLoadError extends Error {
  override readonly name = 'SupergraphLoadError';
}

export interface SupergraphFileSource {
  /** Pass as ApolloGateway's `supergraphSdl`: reads the file, then watches it for changes. */
  readonly hook: SupergraphSdlHook;
  /** Tell the source what the gateway actually applied (wire to gateway.onSchemaLoadOrUpdate). */
  applied(supergraphSdl: string): void;
  current(): LoadedSupergraph | undefined;
  onEvent(listener: SupergraphListener): () => void;
  /** Re-read the file now (the watcher calls this; also handy for SIGHUP). */
  reload(): Promise<void>;
  close(): void;
}

export function supergraphId(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex');
}

/**
 * A supergraph loaded from a file and hot-reloaded when the file changes.
 *
 * The gateway validates a new supergraph inside `update()` and throws if it is not valid,
 * before touching its current schema; so a bad file is logged and reported as `rejected`
 * while the last good supergraph keeps serving. `loaded` is emitted from `applied()`, i.e.
 * only once the gateway has actually switched.
 */
export function createSupergraphFileSource(options: {
  path: string;
  log: Logger;
  debounceMs?: number;
}): SupergraphFileSource {
  const { path, log } = options;
  const listeners = new Set<SupergraphListener>();
  let update: SupergraphSdlUpdateFunction | undefined;
  let watcher: FileWatcher | undefined;
  let loaded: LoadedSupergraph | undefined;
  let lastSeenId: string | undefined;
  let closed = false;
  // Reloads run one at a time so a slow read can never apply an older file after a newer one.
  let queue: Promise<void> = Promise.resolve();

  const emit = (event: SupergraphEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error }, 'supergraph listener threw');
      }
    }
  };

  const reject = (reason: string) => {
    log.warn({ path, reason }, 'supergraph rejected; still serving the last good supergraph');
    emit({ type: 'rejected', reason });
  };

  const reloadOnce = async () => {
    if (closed || !update) return;
    let sdl: string;
    try {
      sdl = await readFile(path, 'utf8');
    } catch (error) {
      reject(`cannot read supergraph file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return;
    }
    const id = supergraphId(sdl);
    // Directory watches fire for unrelated and repeated events; only new content counts.
    if (id === lastSeenId) return;
    lastSeenId = id;
    try {
      update(sdl);
    } catch (error) {
      reject(oneLine((error as Error).message));
    }
  };

  const reload = () => {
    queue = queue.then(reloadOnce, reloadOnce);
    return queue;
  };

  const hook: SupergraphSdlHook = async ({ update: gatewayUpdate }) => {
    let sdl: string;
    try {
      sdl = await readFile(path, 'utf8');
    } catch (error) {
      throw new SupergraphLoadError(
        `cannot read supergraph file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    update = gatewayUpdate;
    lastSeenId = supergraphId(sdl);
    watcher = watchFileForChanges(path, () => void reload(), {
      debounceMs: options.debounceMs,
      onError: (error) => log.error({ path, reason: error.message }, 'supergraph watcher failed; hot reload is off'),
    });
    return { supergraphSdl: sdl, cleanup: async () => close() };
  };

  const close = () => {
    closed = true;
    watcher?.close();
    watcher = undefined;
  };

  return {
    hook,
    applied(sdl) {
      let subgraphs: SupergraphSubgraph[] = [];
      try {
        subgraphs = listSupergraphSubgraphs(sdl);
      } catch {
        // The gateway has just accepted this SDL, so it parses; keep going with no list if not.
      }
      loaded = { id: supergraphId(sdl), sdl, subgraphs };
      log.info({ path, id: loaded.id, subgraphs: subgraphs.map((s) => s.name) }, 'supergraph loaded');
      emit({ type: 'loaded', supergraph: loaded });
    },
    current: () => loaded,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    close,
  };
}

/** Validation errors span lines ("... Caused by:\n<the cause>"); keep one bounded log field. */
function oneLine(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 1000 ? `${line.slice(0, 1000)}...` : line;
}
