/**
 * The call center's SOAP 1.1 contract, shared by its operations and documented in PROTOCOL.md.
 * The simulator keeps these in one place so the documented limits are the enforced ones.
 */

/** The one endpoint every operation is posted to. */
export const ENDPOINT_PATH = '/ContactCenterService';

/** Target namespace of the service's request and response elements. */
export const SERVICE_NAMESPACE = 'urn:unifiedview:contact-center:v1';

/** SOAP 1.1 envelope namespace. */
export const SOAP_ENV_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

export const OPERATIONS = [
  'GetContactsByPhone',
  'GetContactsByIds',
  'GetInteractions',
  'GetOpenCases',
  'GetAdvisor',
  'GetAdvisorCalendar',
  'GetAppointments',
  'ScheduleCallback',
  'GetChanges',
  'ExtractContacts',
] as const;
export type OperationName = (typeof OPERATIONS)[number];

/** Most contact ids one batch request may carry; more is a soap:Client fault (TooManyIds). */
export const MAX_IDS_PER_REQUEST = 100;

/** Bulk extract page size: default and ceiling. */
export const DEFAULT_EXTRACT_PAGE_SIZE = 200;
export const MAX_EXTRACT_PAGE_SIZE = 1000;

/** Change feed page size: default and ceiling. */
export const DEFAULT_CHANGES_LIMIT = 500;
export const MAX_CHANGES_LIMIT = 1000;

/** Codes carried in a fault's `<detail><CallCenterFault><code>`, so clients need not parse prose. */
export const FAULT_CODES = [
  'MalformedRequest',
  'UnknownOperation',
  'ActionMismatch',
  'InvalidArgument',
  'TooManyIds',
  'InvalidCursor',
  'ContactNotFound',
  'SlotNotFound',
  'SlotUnavailable',
  'IdempotencyKeyReused',
  'ServiceUnavailable',
] as const;
export type FaultCode = (typeof FAULT_CODES)[number];
