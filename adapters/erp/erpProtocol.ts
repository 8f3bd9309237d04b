/**
 * The ERP's wire contract in one place: service paths, entity set names and the limits both the
 * simulator enforces and the adapter respects (see simulators/erp/PROTOCOL.md).
 */

export const BUSINESS_PARTNER_SERVICE = '/sap/opu/odata/sap/API_BUSINESS_PARTNER';
export const SALES_ORDER_SERVICE = '/sap/opu/odata/sap/API_SALES_ORDER_SRV';
/** A custom (Z) service: SAP has no standard cursor feed, so the bank's ERP team built one. */
export const CHANGE_FEED_SERVICE = '/sap/opu/odata/sap/ZUV_CHANGE_FEED_SRV';

export const BUSINESS_PARTNER_SET = 'A_BusinessPartner';
export const SALES_ORDER_SET = 'A_SalesOrder';
export const CHANGE_EVENT_SET = 'ChangeEventSet';

export const BUSINESS_PARTNER_PATH = `${BUSINESS_PARTNER_SERVICE}/${BUSINESS_PARTNER_SET}`;
export const SALES_ORDER_PATH = `${SALES_ORDER_SERVICE}/${SALES_ORDER_SET}`;
export const CHANGE_EVENT_PATH = `${CHANGE_FEED_SERVICE}/${CHANGE_EVENT_SET}`;

/** Most comparisons one `$filter` may hold: keeps a batch lookup's URL well under 8 KB. */
export const MAX_FILTER_COMPARISONS = 40;
/** Entities per response page when the client does not ask for fewer (server-driven paging). */
export const DEFAULT_PAGE_SIZE = 1000;
/** Most change events one change-feed page returns. */
export const MAX_CHANGE_PAGE = 500;

/** A business partner number: 10 digits. */
export const PARTNER_ID_PATTERN = /^\d{10}$/;
