import { z } from 'zod/v4';
import { nonEmptyChanges } from '../kit/nonEmptyChanges';
import type { AdvisorRecord, ContactRecord } from '../dataset/records';
import { ChangeFeed } from '../kit/changeFeed';
import type { Random } from '../kit/faults';
import { AdminInputError, startSimulator, type RunningSimulator, type SimRequest, type SimResponse, type SimulatorDefinition } from '../kit/simulatorServer';
import { ENDPOINT_PATH, OPERATIONS, type FaultCode, type OperationName } from './callCenterProtocol';
import { operations, type OperationContext } from './callCenterOperations';
import { CallCenterStore } from './callCenterStore';
import { buildSoapFault, buildSoapResponse, parseSoapRequest, SoapFaultError, SoapParseError, type SoapRequest } from './soapEnvelope';

export interface CallCenterRecords {
  contacts: ContactRecord[];
  advisors: AdvisorRecord[];
}

export interface CallCenterSimulatorOptions {
  /** The simulator's clock (bookings, edits); injectable so tests are deterministic. */
  now?: () => Date;
}

const XML_TYPE = 'text/xml; charset=utf-8';

function fault(status: number, faultcode: 'Client' | 'Server', code: FaultCode, message: string): SimResponse {
  return { status, contentType: XML_TYPE, body: buildSoapFault({ faultcode, code, message }) };
}

/**
 * SOAP 1.1 names the operation in the `SOAPAction` header (`"urn:...:v1/GetContactsByIds"`).
 * Many clients send it empty, so the body's element is the fallback.
 */
function actionOf(req: SimRequest): string | undefined {
  const header = req.headers.soapaction;
  const raw = (Array.isArray(header) ? header[0] : header)?.trim().replace(/^"|"$/g, '');
  if (!raw) return undefined;
  return raw.split(/[/#]/).pop();
}

/** `POST /__admin/records` body: an edit of one contact's master data. */
const editSchema = z
  .object({
    contactId: z.string().min(1).max(64),
    changes: nonEmptyChanges(z
      .object({
        firstName: z.string().min(1).max(100).nullable(),
        lastName: z.string().min(1).max(100).nullable(),
        phone: z.string().min(1).max(64),
        email: z.string().min(3).max(254).nullable(),
        advisorId: z.string().regex(/^A\d{4}$/).nullable(),
      })
      .partial()
      .strict()),
  })
  .strict();

/**
 * The call center's SimulatorDefinition (for the shared kit server) and its change feed.
 * Bookings append `slot` and `appointment` changes; operator edits append `party` changes.
 */
export function createCallCenterSimulator(
  records: CallCenterRecords,
  options: CallCenterSimulatorOptions = {},
): { definition: SimulatorDefinition; feed: ChangeFeed; store: CallCenterStore } {
  const store = new CallCenterStore(records.contacts, records.advisors);
  const feed = new ChangeFeed('CALL_CENTER');
  const now = options.now ?? (() => new Date());
  const context: OperationContext = { store, feed, now };

  // The kit asks every route whether it matches; parse a body at most once per request.
  const parsed = new WeakMap<SimRequest, SoapRequest | SoapParseError>();
  const envelopeOf = (req: SimRequest): SoapRequest | SoapParseError => {
    let result = parsed.get(req);
    if (!result) {
      try {
        result = parseSoapRequest(req.body);
      } catch (error) {
        if (!(error instanceof SoapParseError)) throw error;
        result = error;
      }
      parsed.set(req, result);
    }
    return result;
  };
  const operationOf = (req: SimRequest): string | undefined => {
    const action = actionOf(req);
    if (action) return action;
    const envelope = envelopeOf(req);
    return envelope instanceof SoapParseError ? undefined : envelope.operation;
  };

  const handle = (name: OperationName, req: SimRequest): SimResponse => {
    const envelope = envelopeOf(req);
    try {
      if (envelope instanceof SoapParseError) throw new SoapFaultError('Client', 'MalformedRequest', envelope.message);
      if (envelope.operation !== name) {
        throw new SoapFaultError('Client', 'ActionMismatch', 'SOAPAction does not match the body element');
      }
      const content = operations[name](envelope.payload, context);
      return { status: 200, contentType: XML_TYPE, body: buildSoapResponse(name, content) };
    } catch (error) {
      if (error instanceof SoapFaultError) return fault(500, error.faultcode, error.code, error.message);
      throw error;
    }
  };

  const definition: SimulatorDefinition = {
    system: 'CALL_CENTER',
    routes: OPERATIONS.map((name) => ({
      operation: name,
      match: (req) => req.method === 'POST' && req.path === ENDPOINT_PATH && operationOf(req) === name,
      handle: (req) => handle(name, req),
    })),
    serverError: () => fault(500, 'Server', 'ServiceUnavailable', 'the contact center service is temporarily unavailable'),
    notFound(req) {
      if (req.path !== ENDPOINT_PATH) return fault(404, 'Client', 'UnknownOperation', 'no such endpoint');
      if (req.method !== 'POST') return fault(405, 'Client', 'UnknownOperation', 'SOAP requests must be POSTed');
      const envelope = envelopeOf(req);
      if (envelope instanceof SoapParseError && !actionOf(req)) return fault(500, 'Client', 'MalformedRequest', envelope.message);
      return fault(500, 'Client', 'UnknownOperation', 'unknown operation');
    },
    editRecord(body) {
      const edit = editSchema.safeParse(body);
      if (!edit.success) throw new AdminInputError(`invalid contact edit: ${edit.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`);
      const edited = store.editContact(edit.data.contactId, edit.data.changes, now());
      if (!edited) throw new AdminInputError('no such contact');
      return { entity: 'party', localId: edited.contactId };
    },
    reset: () => store.reset(),
  };
  return { definition, feed, store };
}

export interface StartCallCenterOptions extends CallCenterRecords, CallCenterSimulatorOptions {
  port?: number;
  host?: string;
  random?: Random;
}

/** Starts the call-center simulator on `port` (0: a free port) behind the kit's operator API. */
export async function startCallCenterSimulator(options: StartCallCenterOptions): Promise<RunningSimulator> {
  const { definition, feed } = createCallCenterSimulator({ contacts: options.contacts, advisors: options.advisors }, { now: options.now });
  return startSimulator(definition, feed, { port: options.port, host: options.host, random: options.random });
}
