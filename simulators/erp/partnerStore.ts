import type { BusinessPartnerRecord, SalesOrderRecord } from '../dataset/records';

/** The fields of a business partner an operator may change through `POST /__admin/records`. */
export type PartnerChanges = Partial<
  Pick<BusinessPartnerRecord, 'firstName' | 'lastName' | 'email' | 'phone' | 'street' | 'houseNumber' | 'city' | 'postalCode' | 'country'>
>;

export interface OrderRow {
  order: SalesOrderRecord;
  partnerId: string;
}

/**
 * The ERP's tables, indexed by key. The initial population is never mutated: edits live in an
 * overlay, so `reset` is instant and no copy of a large population is made.
 */
export class PartnerStore {
  private readonly byId = new Map<string, BusinessPartnerRecord>();
  private readonly orderById = new Map<string, OrderRow>();
  private readonly ordersInOrder: OrderRow[] = [];
  private edited = new Map<string, BusinessPartnerRecord>();

  constructor(private readonly pristine: readonly BusinessPartnerRecord[]) {
    for (const record of pristine) {
      this.byId.set(record.partnerId, record);
      for (const order of record.orders) {
        const row = { order, partnerId: record.partnerId };
        this.orderById.set(order.orderId, row);
        this.ordersInOrder.push(row);
      }
    }
  }

  get size(): number {
    return this.pristine.length;
  }

  get(partnerId: string): BusinessPartnerRecord | undefined {
    return this.edited.get(partnerId) ?? this.byId.get(partnerId);
  }

  /** The current version of a record (edits win), for records from outside the store too. */
  current(record: BusinessPartnerRecord): BusinessPartnerRecord {
    return this.edited.get(record.partnerId) ?? record;
  }

  /** Every partner in load order, current versions. */
  *partners(): Iterable<BusinessPartnerRecord> {
    for (const record of this.pristine) yield this.current(record);
  }

  /** Partners [start, end) in load order, current versions: a page without scanning. */
  slice(start: number, end: number): BusinessPartnerRecord[] {
    return this.pristine.slice(start, end).map((record) => this.current(record));
  }

  order(orderId: string): OrderRow | undefined {
    return this.orderById.get(orderId);
  }

  ordersOf(partnerId: string): OrderRow[] {
    return (this.byId.get(partnerId)?.orders ?? []).map((order) => ({ order, partnerId }));
  }

  orders(): readonly OrderRow[] {
    return this.ordersInOrder;
  }

  /** Applies changes and stamps the change time; false when the partner does not exist. */
  edit(partnerId: string, changes: PartnerChanges, changedAt: string): boolean {
    const record = this.get(partnerId);
    if (!record) return false;
    this.edited.set(partnerId, { ...record, ...changes, changedAt });
    return true;
  }

  reset(): void {
    this.edited = new Map();
  }
}
