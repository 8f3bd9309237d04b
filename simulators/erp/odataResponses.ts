import type { SimResponse } from '../kit/simulatorServer';

/** Error codes the simulated gateway answers with (SAP Gateway message ids). */
export const ERROR_CODES = {
  /** Malformed `$filter`, `$top`, `$skip`, key or other query option. */
  badRequest: '/IWBEP/CM_MGW_RT/004',
  /** More comparisons in one `$filter` than the service allows. */
  tooManyComparisons: '/IWBEP/CM_MGW_RT/005',
  /** Unknown entity set or no entity under the key. */
  notFound: '/IWBEP/CM_MGW_RT/020',
  /** The backend failed (the error fault). */
  internal: '/IWBEP/CM_MGW_RT/000',
} as const;

/** A collection envelope: `{ d: { results, __next?, __count?, __delta? } }`. */
export interface CollectionBody<T> {
  results: T[];
  __next?: string;
  __count?: string;
  __delta?: string;
}

const JSON_TYPE = 'application/json;charset=utf-8';
const ODATA_HEADERS = { dataserviceversion: '2.0' };

export function odataError(status: number, code: string, message: string): SimResponse {
  const body = { error: { code, message: { lang: 'en', value: message } } };
  return { status, body: JSON.stringify(body), contentType: JSON_TYPE, headers: ODATA_HEADERS };
}

export function odataEntity(entity: unknown): SimResponse {
  return { status: 200, body: JSON.stringify({ d: entity }), contentType: JSON_TYPE, headers: ODATA_HEADERS };
}

export function odataCollection<T>(d: CollectionBody<T>): SimResponse {
  return { status: 200, body: JSON.stringify({ d }), contentType: JSON_TYPE, headers: ODATA_HEADERS };
}
