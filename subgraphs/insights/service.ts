import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { INSIGHT_THRESHOLDS } from './domain/insightThresholds';
import type { InsightThresholds } from './domain/insightTypes';
import { insightsResolvers, type InsightsContext } from './resolvers';

export interface InsightsOptions {
  port?: number;
  /**
   * What "today" is for the rules (default: the wall clock). A stack over a simulated population
   * passes the population's as-of instant, so that "the last 90 days" are the data's last 90 days.
   */
  clock?: () => Date;
  /** The rule thresholds (default: domain/insightThresholds.ts). */
  thresholds?: InsightThresholds;
}

/** The insights subgraph: segment, relationship value, lifecycle stage and next best actions, pure computation over @requires data. */
export function startInsightsSubgraph(options: InsightsOptions = {}): Promise<RunningSubgraph> {
  const clock = options.clock ?? (() => new Date());
  const thresholds = options.thresholds ?? INSIGHT_THRESHOLDS;
  return serveSubgraph<InsightsContext>({
    name: 'insights',
    sdlFile: 'insights.graphql',
    resolvers: insightsResolvers,
    context: () => ({ asOf: clock().toISOString(), thresholds }),
    port: options.port,
  });
}
