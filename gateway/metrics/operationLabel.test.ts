import { createOperationLabeler } from './operationLabel';

describe('createOperationLabeler', () => {
  it('keeps GraphQL names, labels unnamed operations "unnamed", and caps distinct names', () => {
    const label = createOperationLabeler(2);
    expect(label('Customer360')).toBe('Customer360');
    expect(label(undefined)).toBe('unnamed');
    expect(label('')).toBe('unnamed');
    expect(label('CustomerList')).toBe('CustomerList');
    expect(label('Third')).toBe('other');
    expect(label('Customer360')).toBe('Customer360');
  });

  it('refuses names that are not GraphQL names', () => {
    const label = createOperationLabeler();
    expect(label('a"b')).toBe('other');
    expect(label('x'.repeat(65))).toBe('other');
  });
});
