import { z } from 'zod/v4';
import { nonEmptyChanges } from '../kit/nonEmptyChanges';
import { ChangeFeed } from '../kit/changeFeed';
import { AdminInputError, startSimulator, type RunningSimulator, type SimulatorDefinition } from '../kit/simulatorServer';
import type { Random } from '../kit/faults';
import type { BusinessPartnerRecord } from '../dataset/records';
import { DEFAULT_PAGE_SIZE, PARTNER_ID_PATTERN } from './gatewayService';
import { erpRoutes } from './erpRoutes';
import { ERROR_CODES, odataError } from './odataResponses';
import { PartnerStore } from './partnerStore';
import { SequentialPager } from './sequentialPager';

export interface ErpSimulatorOptions {
  /** Entities per page before the server adds a `__next` link (default 1000). */
  pageSize?: number;
  /**
   * Serves the unfiltered `A_BusinessPartner` collection (the bulk extract) from this stream,
   * restarted per pass, instead of from `records`; key reads and filters still use `records`.
   */
  extractSource?: () => AsyncIterable<BusinessPartnerRecord>;
}

const optionalText = (max: number) => z.string().max(max).nullable().optional();

/** `POST /__admin/records` body: which partner, and the fields to change (see PROTOCOL.md). */
export const partnerEditSchema = z
  .object({
    partnerId: z.string().regex(PARTNER_ID_PATTERN, 'partnerId must be 10 digits'),
    changes: nonEmptyChanges(z
      .object({
        firstName: z.string().min(1).max(40).optional(),
        lastName: z.string().min(1).max(40).optional(),
        email: optionalText(241),
        phone: optionalText(30),
        street: optionalText(60),
        houseNumber: optionalText(10),
        city: optionalText(40),
        postalCode: optionalText(10),
        country: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
      })
      .strict()),
  })
  .strict();

export type PartnerEdit = z.infer<typeof partnerEditSchema>;

/** The ERP simulator's definition and change feed, for `startSimulator` or a combined launcher. */
export function createErpSimulator(
  records: BusinessPartnerRecord[],
  options: ErpSimulatorOptions = {},
): { definition: SimulatorDefinition; feed: ChangeFeed; close(): Promise<void> } {
  const store = new PartnerStore(records);
  const feed = new ChangeFeed('ERP');
  const extract = options.extractSource ? new SequentialPager(options.extractSource) : null;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError('pageSize must be a positive integer');

  const definition: SimulatorDefinition = {
    system: 'ERP',
    routes: erpRoutes({ store, feed, pageSize, extract }),
    serverError: () => odataError(500, ERROR_CODES.internal, 'An exception was raised in the backend system'),
    notFound: () => odataError(404, ERROR_CODES.notFound, 'Resource not found for the requested segment'),
    editRecord(body) {
      const parsed = partnerEditSchema.safeParse(body);
      if (!parsed.success) {
        // Name the offending fields, never their values (they may be customer data).
        const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
        throw new AdminInputError(`invalid ERP record edit (${where})`);
      }
      const { partnerId, changes } = parsed.data;
      if (!store.edit(partnerId, changes, new Date().toISOString())) throw new AdminInputError('unknown business partner');
      return { entity: 'party', localId: partnerId };
    },
    reset() {
      store.reset();
      void extract?.closeAll();
    },
  };
  return { definition, feed, close: async () => extract?.closeAll() };
}

export interface StartErpSimulatorOptions extends ErpSimulatorOptions {
  records: BusinessPartnerRecord[];
  port?: number;
  host?: string;
  random?: Random;
}

/** Starts the ERP simulator on `port` (0: a free port). */
export async function startErpSimulator(options: StartErpSimulatorOptions): Promise<RunningSimulator> {
  const { definition, feed, close } = createErpSimulator(options.records, options);
  const running = await startSimulator(definition, feed, { port: options.port, host: options.host, random: options.random });
  return {
    ...running,
    close: async () => {
      await close();
      await running.close();
    },
  };
}
