import path from 'node:path';
import type { SourceSystem } from '../adapters/canonical';
import { createCallCenterAdapter } from '../adapters/call-center';
import { createCardsAdapter } from '../adapters/cards';
import { createCoreBankingAdapter } from '../adapters/core-banking';
import { createErpAdapter } from '../adapters/erp';
import { systemConfigFromEnv, type SystemClientConfig } from '../adapters/kit/config';
import { createGateway, type GatewayHandle } from '../gateway/createGateway';
import type { Logger } from 'pino';
import type { Dataset } from '../simulators/dataset/loadDataset';
import { startAllSimulators, type RunningSimulators } from '../simulators/startAllSimulators';
import { startCallCenterSubgraph } from '../subgraphs/call-center/service';
import { startCardsSubgraph } from '../subgraphs/cards/service';
import { startCoreBankingSubgraph } from '../subgraphs/core-banking/service';
import { startErpSubgraph } from '../subgraphs/erp/service';
import { IdentityService } from '../subgraphs/identity/identityService';
import { snapshotStoreFromEnv } from '../subgraphs/identity/snapshotStore';
import { startIdentitySubgraph } from '../subgraphs/identity/service';
import { startProfileSubgraph } from '../subgraphs/profile/service';
import type { RunningSubgraph } from '../subgraphs/runtime/serveSubgraph';
import { SUBGRAPHS } from '../schema/subgraphList';

export interface StackOptions {
  dataset: Dataset;
  /** `default`: the documented ports; `free`: OS-chosen ports (tests, benchmarks). */
  ports?: 'default' | 'free';
  /** Adjusts each system client's config (e.g. short timeouts in tests). */
  tuneClient?: (config: SystemClientConfig) => SystemClientConfig;
  gatewayLogger?: Logger;
  production?: boolean;
}

export interface RunningStack {
  simulators: RunningSimulators;
  identity: IdentityService;
  subgraphs: Record<string, RunningSubgraph>;
  gateway: GatewayHandle;
  close(): Promise<void>;
}

/**
 * Starts the whole product on one machine: the four simulators over a population, the adapters
 * pointed at them, identity resolution over their extracts, the six subgraphs, and the gateway.
 * Every piece is its own HTTP service; this only wires their URLs together.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const ports = options.ports ?? 'default';
  const port = (name: string) => (ports === 'free' ? 0 : (SUBGRAPHS.find((s) => s.name === name)?.defaultPort ?? 0));
  const closers: Array<() => Promise<void> | void> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const simulators = await startAllSimulators(options.dataset, ports);
    closers.push(() => simulators.close());
    const config = (system: SourceSystem) => {
      const base = { ...systemConfigFromEnv(system), baseUrl: simulators[system].url };
      return options.tuneClient ? options.tuneClient(base) : base;
    };
    const coreBanking = createCoreBankingAdapter(config('CORE_BANKING'));
    const cards = createCardsAdapter(config('CARDS'));
    const erp = createErpAdapter({ config: config('ERP') });
    const callCenter = createCallCenterAdapter(config('CALL_CENTER'));
    const adapters = [coreBanking, cards, erp, callCenter];
    closers.push(() => adapters.forEach((adapter) => adapter.close()));

    const identityService = await IdentityService.start({ adapters, store: snapshotStoreFromEnv() });
    identityService.startFollowing(Number(process.env.IDENTITY_POLL_MS ?? 500));
    closers.push(() => identityService.close());
    const identity = await startIdentitySubgraph({ port: port('identity'), service: identityService });
    closers.push(() => identity.close());
    const started = await Promise.all([
      startCoreBankingSubgraph({ port: port('core-banking'), adapter: coreBanking }),
      startCardsSubgraph({ port: port('cards'), adapter: cards }),
      startErpSubgraph({ port: port('erp'), adapter: erp }),
      startCallCenterSubgraph({ port: port('call-center'), adapter: callCenter, identityUrl: identity.url }),
      startProfileSubgraph({ port: port('profile') }),
    ]);
    for (const subgraph of started) closers.push(() => subgraph.close());
    const subgraphs: Record<string, RunningSubgraph> = Object.fromEntries([identity, ...started].map((s) => [s.name, s]));

    const gateway = await createGateway({
      port: ports === 'free' ? 0 : Number(process.env.PORT ?? 4000),
      host: '127.0.0.1',
      supergraphPath: path.join(__dirname, '..', 'schema', 'supergraph.graphql'),
      subgraphUrlOverrides: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
      logger: options.gatewayLogger,
      production: options.production,
    });
    closers.push(() => gateway.close());
    return { simulators, identity: identityService, subgraphs, gateway, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
