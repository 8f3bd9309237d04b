import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toSalesOrder } from './erpMapping';
import { salesOrderEntitySchema } from './erpWire';

const golden = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'simulators', 'erp', 'golden', 'salesOrder.golden.json'), 'utf8'));

it('reads the hand-written A_SalesOrder entity as the golden canonical order', () => {
  expect(toSalesOrder(salesOrderEntitySchema.parse(golden.wire))).toEqual(golden.canonical);
});
