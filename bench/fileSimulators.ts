/**
 * The simulators over a population on disk, for benches at a million persons, without
 * reading the population whole (parsing 3 GB of JSON into the bench's simulators took 250 to
 * 300 s and several GB of heap): each simulator is a process of its own, as each system is a
 * server of its own (`fileSimulatorProcess.ts`: extracts streamed from the files, lookups served
 * for the first `persons` persons of the truth). The bench's own copy of the population (to
 * choose its edits) is those persons and their records.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SourceSystem } from '../adapters/canonical';
import { readManifest, type Dataset } from '../simulators/dataset/loadDataset';
import { readJsonLines } from '../simulators/dataset/readJsonLines';
import type { CoreBankingCustomerRecord, TruePerson } from '../simulators/dataset/records';
import type { RunningSimulator } from '../simulators/kit/simulatorServer';
import type { RunningSimulators } from '../simulators/startAllSimulators';
import { SYSTEM_NAMES } from '../systems/registry';

const SYSTEMS: readonly SourceSystem[] = SYSTEM_NAMES;

async function startChild(system: SourceSystem, dir: string, persons: number): Promise<RunningSimulator> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'fileSimulatorProcess.ts'), system, dir, String(persons)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${system} simulator exited with ${String(code)}`);
  });
  const firstLine = (async () => {
    let text = '';
    for await (const chunk of child.stdout!) {
      text += String(chunk);
      if (text.includes('\n')) return JSON.parse(text.slice(0, text.indexOf('\n'))) as { url: string; port: number };
    }
    throw new Error(`${system} simulator printed no URL`);
  })();
  const { url, port } = await Promise.race([firstLine, exited]);
  exited.catch(() => undefined);
  const unavailable = () => {
    throw new Error('a file simulator runs in its own process: its feed, stats and faults are not reachable from here');
  };
  // Only the URL is used by the benches (and the stack); the rest lives in the child.
  return {
    url,
    port,
    get feed() {
      return unavailable();
    },
    get stats() {
      return unavailable();
    },
    setFaults: unavailable,
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  } as RunningSimulator;
}

export async function startFileSimulators(dir: string, persons: number): Promise<{ simulators: RunningSimulators; dataset: Dataset }> {
  const file = (name: string) => path.join(dir, name);
  const manifest = await readManifest(dir);
  if (!manifest) throw new Error(`${dir} holds no dataset`);
  const sims = await Promise.allSettled(SYSTEMS.map((system) => startChild(system, dir, persons)));
  const started = sims.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = sims.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((sim) => sim.close()));
    throw failed.reason;
  }
  const simulators = Object.fromEntries(SYSTEMS.map((system, n) => [system, started[n]])) as Record<SourceSystem, RunningSimulator>;
  const truth: TruePerson[] = [];
  for await (const person of readJsonLines<TruePerson>(file('truth.jsonl'))) {
    truth.push(person);
    if (truth.length === persons) break;
  }
  const cifs = new Set(truth.flatMap((p) => p.keys.cifs));
  const coreBanking: CoreBankingCustomerRecord[] = [];
  for await (const line of createInterface({ input: createReadStream(file('core-banking.jsonl'), { encoding: 'utf8' }), crlfDelay: Infinity })) {
    const cif = /^\{"cif":"([^"]*)"/.exec(line)?.[1];
    if (cif !== undefined && cifs.has(cif)) coreBanking.push(JSON.parse(line) as CoreBankingCustomerRecord);
  }
  return {
    simulators: { ...simulators, close: async () => void (await Promise.all(started.map((sim) => sim.close()))) },
    dataset: { manifest, truth, coreBanking, cards: [], erp: [], callCenter: [], mortgages: [], advisors: [] },
  };
}
