/**
 * The simulated SAP gateway's own service configuration: where its OData services live and the
 * limits it enforces (PROTOCOL.md). Written for the simulator, not imported from the adapter:
 * a path or limit the two disagree on must fail a contract test, not agree silently.
 */

export const BUSINESS_PARTNER_PATH = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner';
export const SALES_ORDER_PATH = '/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder';
/** The bank's custom (Z) change-feed service. */
export const CHANGE_EVENT_PATH = '/sap/opu/odata/sap/ZUV_CHANGE_FEED_SRV/ChangeEventSet';

/** Most comparisons the gateway accepts in one `$filter`. */
export const MAX_FILTER_COMPARISONS = 40;
/** Entities per page before the gateway adds `__next`. */
export const DEFAULT_PAGE_SIZE = 1000;
/** Most change events one change-feed page returns. */
export const MAX_CHANGE_PAGE = 500;

/** A business partner number as the ERP stores it: 10 digits. */
export const PARTNER_ID_PATTERN = /^\d{10}$/;

/** Edm.DateTime in OData v2 JSON: `/Date(<ms since the epoch, UTC>)/`. */
export function odataDateOf(isoOrDate: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? `${isoOrDate}T00:00:00.000Z` : isoOrDate);
  if (Number.isNaN(ms)) throw new RangeError('not an ISO date or instant');
  return `/Date(${ms})/`;
}

/** A key predicate's string literal: `O'Brien` -> `'O''Brien'`. */
export function quotedKey(key: string): string {
  return `'${key.split("'").join("''")}'`;
}
