import os from 'node:os';

export interface MachineDescription {
  cpuModel: string;
  cpuCount: number;
  totalMemoryGb: number;
  node: string;
  platform: string;
}

/** What the figures were measured on: they mean nothing without it. */
export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
