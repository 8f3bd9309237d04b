import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet period before reacting: one save is often several fs events (truncate, write, rename). */
  debounceMs?: number;
  onError?(error: Error): void;
}

/**
 * Calls `onChange` after the file at `path` may have changed.
 *
 * Watches the directory, not the file: tools replace files atomically (write a temp file,
 * rename over) and Kubernetes ConfigMaps swap a `..data` symlink, and a watch on the old
 * inode would miss both. Events for other names in the directory are kept for the same
 * reason (the symlink swap names `..data`), so the callback must be cheap and idempotent:
 * the caller re-reads the file and compares content.
 */
export function watchFileForChanges(path: string, onChange: () => void, options: WatchOptions = {}): FileWatcher {
  const debounceMs = options.debounceMs ?? 50;
  const fileName = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, debounceMs);
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      // Skip editor swap files of other names only when the platform names the file; a
      // missing name (some platforms) or a symlink swap still triggers a re-read.
      if (changed && changed !== fileName && !changed.startsWith('..') && !changed.includes(fileName)) return;
      schedule();
    });
  } catch (error) {
    options.onError?.(error as Error);
    return { close: () => undefined };
  }
  watcher.on('error', (error) => options.onError?.(error));

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
