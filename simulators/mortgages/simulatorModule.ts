import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ChangeFeed } from '../kit/changeFeed';
import { RequestStats } from '../kit/stats';
import type { RunningSimulator } from '../kit/simulatorServer';
import type { SimulatorModule } from '../simulatorModules';
import { writeNightlyDrop } from './nightlyDrop';

/** Where `npm start` drops the files (relative to the working directory); MORTGAGES_DROP_DIR overrides. */
export const DEFAULT_DROP_DIR = 'data/drops/mortgages';

/** Yesterday (UTC): the business date whose files are in the drop by this morning. */
function yesterday(now = Date.now()): string {
  return new Date(now - 86_400_000).toISOString().slice(0, 10);
}

/**
 * How the stack "starts" mortgage servicing (simulators/simulatorModules.ts loads it by the
 * registry's slug). The system has no online interface: it writes last night's files into its drop
 * folder and its address is that folder, as a `file:` URL (what `MORTGAGES_URL` names). With a free
 * port asked for (tests) the folder is a fresh temporary one, removed on close; otherwise
 * MORTGAGES_DROP_DIR or data/drops/mortgages. MORTGAGES_BUSINESS_DATE sets the business date
 * (default yesterday).
 */
export const simulatorModule: SimulatorModule = {
  start: async ({ dataset, port }): Promise<RunningSimulator> => {
    const env = process.env;
    const temporary = port === 0 && !env.MORTGAGES_DROP_DIR;
    const folder = temporary ? await mkdtemp(path.join(os.tmpdir(), 'uv-mortgage-drop-')) : path.resolve(env.MORTGAGES_DROP_DIR ?? DEFAULT_DROP_DIR);
    const businessDate = env.MORTGAGES_BUSINESS_DATE ?? yesterday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(businessDate)) throw new Error('MORTGAGES_BUSINESS_DATE must be a date, YYYY-MM-DD');
    await writeNightlyDrop(folder, dataset.mortgages, businessDate);
    return {
      url: pathToFileURL(folder + path.sep).href,
      port: 0,
      // Nothing is served online: no change feed, no requests, no faults to inject (a bad file is
      // the fault of a file drop: see writeDropFiles and PROTOCOL.md).
      feed: new ChangeFeed('MORTGAGES'),
      stats: new RequestStats(),
      setFaults: () => undefined,
      close: async () => {
        if (temporary) await rm(folder, { recursive: true, force: true });
      },
    };
  },
};
