import type { SourceSystem } from '../../adapters/canonical';
import { createCallCenterAdapter } from '../../adapters/call-center';
import { createCardsAdapter } from '../../adapters/cards';
import { createCoreBankingAdapter } from '../../adapters/core-banking';
import { createErpAdapter } from '../../adapters/erp';
import { systemConfigFromEnv } from '../../adapters/kit/config';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';

/** The four systems' adapters as identity reads them (extracts, change feeds, changed records), configured by `<SYSTEM>_URL` etc. */
export function identityAdaptersFromEnv(env: NodeJS.ProcessEnv = process.env): SourceAdapter[] {
  const config = (system: SourceSystem) => systemConfigFromEnv(system, env);
  return [
    createCoreBankingAdapter(config('CORE_BANKING')),
    createCardsAdapter(config('CARDS')),
    createErpAdapter({ config: config('ERP') }),
    createCallCenterAdapter(config('CALL_CENTER')),
  ];
}
