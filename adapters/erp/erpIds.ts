import { InvalidIdError } from '../kit';
import { PARTNER_ID_PATTERN } from './erpProtocol';

/** A business partner number is 10 digits; anything else cannot exist, so it is never sent. */
export function isPartnerId(id: unknown): id is string {
  return typeof id === 'string' && PARTNER_ID_PATTERN.test(id);
}

export function invalidPartnerId(operation: string): InvalidIdError {
  return new InvalidIdError('ERP', operation, 'a business partner number of 10 digits');
}

/** Throws the kit's InvalidIdError when any id is not a partner number. */
export function assertPartnerIds(ids: readonly unknown[], operation: string): asserts ids is readonly string[] {
  if (!ids.every(isPartnerId)) throw invalidPartnerId(operation);
}
