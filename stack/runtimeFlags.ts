/**
 * Node/V8 flags the product's one-process stack runs with (`npm start`, and `npm run bench`,
 * which measures it as `npm start` runs it). package.json's scripts spell them out (a script
 * cannot import this list); runtimeFlags.test.ts keeps the two the same, and the split bench's
 * one-process product is started with them.
 *
 * --max-semi-space-size=32 (MiB; V8's default is 16 on 64-bit): a customerList(first: 50)
 * allocates ~18 MiB in one process, so with the default young generation every request ran
 * several scavenges and garbage collection was a fifth of the process's CPU. Doubling it cut the
 * list's CPU per request by about a sixth (BENCHMARKS.md, "Subgraph calls in-process"), for at most
 * 3 x 16 MiB more memory. Processes deployed one by one (gateway/main.ts, a subgraph's main) take
 * it through NODE_OPTIONS (docs/scaling.md).
 */
export const PRODUCT_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
