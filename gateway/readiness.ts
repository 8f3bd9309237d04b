export interface SubgraphTarget {
  name: string;
  url: string | undefined;
}

export interface SubgraphProbe {
  name: string;
  up: boolean;
  url?: string;
  /** Why it is down: `timeout`, `HTTP 503`, `ECONNREFUSED`, ... */
  reason?: string;
}

export interface ReadinessReport {
  ready: boolean;
  /** Set when the gateway itself is not ready (no supergraph, shutting down). */
  reason?: string;
  subgraphs: SubgraphProbe[];
}

const PROBE_BODY = JSON.stringify({ query: '{ __typename }' });

/**
 * Asks one subgraph the cheapest question there is. Any answer other than a GraphQL result
 * naming the root type within `timeoutMs` counts as down.
 */
export async function probeSubgraph(target: SubgraphTarget, timeoutMs: number): Promise<SubgraphProbe> {
  const { name, url } = target;
  if (!url) return { name, up: false, reason: 'no url' };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: PROBE_BODY,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { name, url, up: false, reason: `HTTP ${response.status}` };
    }
    const body = (await response.json()) as { data?: { __typename?: unknown } };
    return typeof body?.data?.__typename === 'string'
      ? { name, url, up: true }
      : { name, url, up: false, reason: 'unexpected response' };
  } catch (error) {
    return { name, url, up: false, reason: probeFailureReason(error) };
  }
}

interface FetchFailure {
  name?: string;
  code?: string;
  message?: string;
  cause?: FetchFailure & { errors?: FetchFailure[] };
}

/** undici hides the socket error in `cause` (or in `cause.errors` when several addresses were tried). */
function probeFailureReason(error: unknown): string {
  const err = error as FetchFailure;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timeout';
  const cause = err?.cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? err?.code ?? cause?.message ?? err?.message ?? 'error';
}

export async function probeSubgraphs(targets: readonly SubgraphTarget[], timeoutMs: number): Promise<ReadinessReport> {
  const subgraphs = await Promise.all(targets.map((t) => probeSubgraph(t, timeoutMs)));
  return { ready: subgraphs.every((s) => s.up), subgraphs };
}

/**
 * The /ready body. Production names the subgraphs that are down and nothing else (no urls,
 * no socket errors that name internal hosts); development adds urls and reasons.
 */
export function readinessBody(report: ReadinessReport, options: { production: boolean }) {
  const down = report.subgraphs.filter((s) => !s.up).map((s) => s.name);
  const base = { status: report.ready ? 'ready' : 'unavailable', ...(report.reason ? { reason: report.reason } : {}), down };
  if (options.production) return base;
  return { ...base, subgraphs: report.subgraphs };
}
