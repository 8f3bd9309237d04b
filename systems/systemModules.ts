import path from 'node:path';
import { systemEntry, type SourceSystemName } from './registry';

/**
 * A loader of one kind of per-system module: every registered system's folder under `folder`
 * (`<folder>/<slug>/<file>.ts`) exports `<file>`, an object with the function `requiredFunction`.
 * Loaded by the slug in the system's registry entry, once, so the code that starts adapters,
 * subgraphs and simulators holds no list of systems; a missing or malformed module fails loudly
 * when its system is first asked for.
 */
export function systemModuleLoader<M>(folder: string, file: string, requiredFunction: keyof M & string): (system: SourceSystemName) => M {
  const loaded = new Map<SourceSystemName, M>();
  return (system) => {
    let found = loaded.get(system);
    if (!found) {
      const modulePath = path.join(folder, systemEntry(system).slug, file);
      found = (require(modulePath) as Record<string, M | undefined>)[file];
      if (!found || typeof found[requiredFunction] !== 'function') throw new Error(`${modulePath} exports no ${file} with ${requiredFunction}()`);
      loaded.set(system, found);
    }
    return found;
  };
}
