/**
 * @apollo/gateway (2.x) collects "data" about the host it runs on unless told not to: when an
 * `ApolloGateway` is built it probes the cloud metadata services (AWS, Azure, GCP, Alibaba:
 * 169.254.169.254, metadata.google.internal, 100.100.100.200) and every hour, and once more when it
 * stops, posts the host's OS, architecture, CPU count and frequency, memory and cloud provider to
 * https://usage-reporting.api.apollographql.com. A bank's gateway sends nothing to a third party
 * that its operators did not choose, and a network that drops those packets makes the probes wait.
 * The package's only switch is the environment variable below, read in the constructor.
 */
export const APOLLO_TELEMETRY_VARIABLE = 'APOLLO_TELEMETRY_DISABLED';

/**
 * The value the gateway's constructor must see: the operator's own setting when there is one
 * (`false` turns Apollo's collection back on, on purpose), otherwise `true` (off).
 */
export function apolloTelemetrySetting(env: NodeJS.ProcessEnv): string {
  const chosen = env[APOLLO_TELEMETRY_VARIABLE]?.trim();
  return chosen ? chosen : 'true';
}

/**
 * Builds an ApolloGateway (`build`) with Apollo's data collection decided by `env`
 * (apolloTelemetrySetting). The package reads process.env synchronously in its constructor, so
 * the variable is set for that call only and restored after: nothing else in the process sees it.
 */
export function withApolloTelemetryDecided<T>(env: NodeJS.ProcessEnv, build: () => T): T {
  const before = process.env[APOLLO_TELEMETRY_VARIABLE];
  process.env[APOLLO_TELEMETRY_VARIABLE] = apolloTelemetrySetting(env);
  try {
    return build();
  } finally {
    if (before === undefined) delete process.env[APOLLO_TELEMETRY_VARIABLE];
    else process.env[APOLLO_TELEMETRY_VARIABLE] = before;
  }
}
