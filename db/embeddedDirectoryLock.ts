import fs from 'node:fs';
import path from 'node:path';

export class EmbeddedDatabaseInUseError extends Error {
  override readonly name = 'EmbeddedDatabaseInUseError';
  constructor(readonly dataDir: string, readonly ownerPid: number) {
    super(`the embedded database in ${dataDir} is open in process ${ownerPid}; set DATABASE_URL to share one PostgreSQL between processes`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims an embedded database directory for this process (`<dir>.owner` holds the pid), or
 * throws EmbeddedDatabaseInUseError when a live process holds it. A claim left by a dead process
 * is taken over. Returns the release function.
 */
export function claimEmbeddedDirectory(dataDir: string): () => void {
  const file = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.owner`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) throw new EmbeddedDatabaseInUseError(dataDir, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new EmbeddedDatabaseInUseError(dataDir, -1);
}
