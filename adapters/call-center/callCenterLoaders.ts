import type DataLoader from 'dataloader';
import type { Appointment, Case, Interaction } from '../canonical';
import { createBatchLoader, type KeyCheck } from '../kit/batchLoader';
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

const contactCheck = (operation: string): KeyCheck<string> => ({
  isValid: (key) => CONTACT_ID.test(key),
  invalid: () => new InvalidIdError('CALL_CENTER', operation, 'a contact id (C + 9 digits)'),
});

/** Per-request loaders: every `load(contactId)` of one tick becomes one call of at most 100 ids. */
export function createCallCenterLoaders(adapter: CallCenterAdapter): CallCenterLoaders {
  return {
    parties: createBatchLoader(CALL_CENTER_MAX_IDS, (ids) => adapter.getParties(ids), contactCheck('GetContactsByIds')),
    interactions: createBatchLoader(CALL_CENTER_MAX_IDS, (ids) => adapter.getInteractions(ids), contactCheck('GetInteractions')),
    openCases: createBatchLoader(CALL_CENTER_MAX_IDS, (ids) => adapter.getOpenCases(ids), contactCheck('GetOpenCases')),
    appointments: createBatchLoader(CALL_CENTER_MAX_IDS, (ids) => adapter.getAppointments(ids), contactCheck('GetAppointments')),
  };
}
