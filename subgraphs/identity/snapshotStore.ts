import Redis from 'ioredis';
import type { IdentitySnapshot } from './identitySnapshot';

/** Where the identity snapshot lives: memory by default, Redis when configured (survives restarts). */
export interface SnapshotStore {
  load(): Promise<IdentitySnapshot | null>;
  save(snapshot: IdentitySnapshot): Promise<void>;
  close(): Promise<void>;
}

export function memorySnapshotStore(): SnapshotStore {
  let saved: IdentitySnapshot | null = null;
  return {
    load: async () => saved,
    save: async (snapshot) => {
      saved = snapshot;
    },
    close: async () => undefined,
  };
}

export function redisSnapshotStore(redisUrl: string, keyPrefix = 'uv:'): SnapshotStore {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const key = `${keyPrefix}identity:snapshot`;
  return {
    async load() {
      const text = await redis.get(key);
      return text ? (JSON.parse(text) as IdentitySnapshot) : null;
    },
    async save(snapshot) {
      await redis.set(key, JSON.stringify(snapshot));
    },
    async close() {
      redis.disconnect();
    },
  };
}

export function snapshotStoreFromEnv(env: NodeJS.ProcessEnv = process.env): SnapshotStore {
  return env.REDIS_URL ? redisSnapshotStore(env.REDIS_URL, env.CACHE_KEY_PREFIX ?? 'uv:') : memorySnapshotStore();
}
