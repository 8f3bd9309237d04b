/** The global customer id format (identity's `cust_` + base32). */
export const CUSTOMER_ID_PATTERN = /^cust_[A-Za-z0-9]{4,64}$/;

/** More ids than this in one response are still audited, but the list is cut (the event stays bounded). */
export const MAX_AUDITED_IDS = 10_000;

/**
 * Every customer id a request touched: each `id` field holding a customer id anywhere in the
 * response data (customer360, a customer list, a reverse lookup), plus every customer id
 * passed as a variable (a lookup that found nothing is still an access attempt).
 * First-seen order, no duplicates.
 */
export function customerIdsTouched(data: unknown, variables: unknown): string[] {
  const found = new Set<string>();
  collectIdFields(data, found);
  collectIdValues(variables, found);
  return [...found];
}

function collectIdFields(value: unknown, found: Set<string>): void {
  // An explicit stack: a deep response must not blow the call stack.
  const stack: unknown[] = [value];
  while (stack.length && found.size < MAX_AUDITED_IDS) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i -= 1) stack.push(node[i]);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const id = record.id;
      if (typeof id === 'string' && CUSTOMER_ID_PATTERN.test(id)) found.add(id);
      const children = Object.values(record).filter((v) => v !== null && typeof v === 'object');
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
    }
  }
}

function collectIdValues(value: unknown, found: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length && found.size < MAX_AUDITED_IDS) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (CUSTOMER_ID_PATTERN.test(node)) found.add(node);
    } else if (Array.isArray(node)) {
      stack.push(...[...node].reverse());
    } else if (node !== null && typeof node === 'object') {
      stack.push(...Object.values(node).reverse());
    }
  }
}
