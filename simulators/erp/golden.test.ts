import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SalesOrderRecord } from '../dataset/records';
import { toSalesOrderEntity } from './erpEntities';

const golden = JSON.parse(readFileSync(path.join(__dirname, 'golden', 'salesOrder.golden.json'), 'utf8'));

it('renders the golden order as the hand-written A_SalesOrder entity', () => {
  expect(toSalesOrderEntity(golden.record as SalesOrderRecord, golden.partnerId, golden.baseUrl)).toEqual(golden.wire);
});
