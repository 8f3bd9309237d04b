import type DataLoader from 'dataloader';
import type { Appointment, Case, Interaction } from '../canonical';
import { createBatchLoader } from '../kit/batchLoader';
import { InvalidIdError } from '../kit/errors';
import { CALL_CENTER_MAX_IDS, type CallCenterAdapter } from './callCenterAdapter';
import { CONTACT_ID } from './callCenterIds';
import type { CallCenterContact } from './callCenterMapping';

export interface CallCenterLoaders {
  parties: DataLoader<string, CallCenterContact | null>;
  interactions: DataLoader<string, Interaction[] | null>;
  openCases: DataLoader<string, Case[] | null>;
  appointments: DataLoader<string, Appointment[] | null>;
}

/**
 * Fetches the valid keys in one call and fails only the malformed ones: DataLoader rejects exactly
 * the keys whose batch value is an Error, so one bad id does not null its batch neighbours.
 */
function perKeyValidated<V>(operation: string, fetch: (ids: string[]) => Promise<Map<string, V | null>>) {
  return async (keys: readonly string[]): Promise<Map<string, V | null>> => {
    const valid = keys.filter((key) => CONTACT_ID.test(key));
    const found = valid.length > 0 ? await fetch(valid) : new Map<string, V | null>();
    for (const key of keys) {
      if (!CONTACT_ID.test(key)) found.set(key, new InvalidIdError('CALL_CENTER', operation, 'a contact id (C + 9 digits)') as unknown as V);
    }
    return found;
  };
}

/** Per-request loaders: every `load(contactId)` of one tick becomes one call of at most 100 ids. */
export function createCallCenterLoaders(adapter: CallCenterAdapter): CallCenterLoaders {
  return {
    parties: createBatchLoader(CALL_CENTER_MAX_IDS, perKeyValidated('GetContactsByIds', (ids) => adapter.getParties(ids))),
    interactions: createBatchLoader(CALL_CENTER_MAX_IDS, perKeyValidated('GetInteractions', (ids) => adapter.getInteractions(ids))),
    openCases: createBatchLoader(CALL_CENTER_MAX_IDS, perKeyValidated('GetOpenCases', (ids) => adapter.getOpenCases(ids))),
    appointments: createBatchLoader(CALL_CENTER_MAX_IDS, perKeyValidated('GetAppointments', (ids) => adapter.getAppointments(ids))),
  };
}
