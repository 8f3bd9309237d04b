import type { Database, SessionLock } from '../../db/database';

export interface Leadership {
  /** Whether this process holds the lock now. */
  isLeader(): boolean;
  /**
   * Settles when the first try to take the lock has (leading set up, the lock held by another
   * process, or leading failed); never rejects.
   */
  firstAttempt: Promise<void>;
  stop(): Promise<void>;
}

export interface LeadershipOptions {
  database: Database;
  lockKey: number;
  /** How often a standby tries to take the lock (default 1000 ms). */
  retryMs?: number;
  /** Called when this process becomes the leader; the returned function is called when it stops being one. */
  onLead(): Promise<() => Promise<void>>;
  onError?: (error: unknown) => void;
}

/**
 * Exactly one process leads: the one holding the PostgreSQL session advisory lock `lockKey`.
 * A standby tries to take it every `retryMs`; the lock goes with the leader's session, so when
 * the leader dies (even by SIGKILL: its connection closes) a standby takes over within about
 * `retryMs`. A leader whose session is lost stops leading at once.
 */
export function startLeadership(options: LeadershipOptions): Leadership {
  const retryMs = options.retryMs ?? 1000;
  let lock: SessionLock | null = null;
  let stopLeading: (() => Promise<void>) | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let attempt: Promise<void> = Promise.resolve();

  const tryLead = async (): Promise<void> => {
    if (stopped || lock) return;
    try {
      const taken = await options.database.tryLock(options.lockKey);
      if (!taken) return;
      if (stopped) return void (await taken.release());
      lock = taken;
      stopLeading = await options.onLead();
      void taken.lost.then(async () => {
        if (lock !== taken) return;
        lock = null;
        const stop = stopLeading;
        stopLeading = null;
        await stop?.().catch(options.onError);
        schedule();
      });
    } catch (error) {
      options.onError?.(error);
      // Leading failed half way (e.g. the initial load): give the lock back for another try.
      const held = lock as SessionLock | null;
      lock = null;
      await held?.release().catch(() => undefined);
    }
  };

  const schedule = () => {
    if (stopped || lock) return;
    timer = setTimeout(() => {
      attempt = tryLead().finally(schedule);
    }, retryMs);
    timer.unref();
  };

  attempt = tryLead().finally(schedule);
  const firstAttempt = attempt;
  return {
    isLeader: () => lock !== null,
    firstAttempt,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await attempt;
      const stop = stopLeading;
      stopLeading = null;
      await stop?.();
      const held = lock as SessionLock | null;
      lock = null;
      await held?.release();
    },
  };
}
