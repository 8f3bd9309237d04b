/** The global customer id format (identity's `cust_` + base32). */
export const CUSTOMER_ID_PATTERN = /^cust_[A-Za-z0-9]{4,64}$/;

/** More ids than this in one request are still audited, but the list is cut (the event stays bounded). */
export const MAX_AUDITED_IDS = 10_000;

/**
 * Adds to `found` every string shaped like a customer id anywhere in `value` (an argument's
 * value: a string, a list, an input object, at any depth), first-seen order.
 */
export function addCustomerIdStrings(value: unknown, found: Set<string>): void {
  // An explicit stack: a deeply nested input must not blow the call stack.
  const stack: unknown[] = [value];
  while (stack.length && found.size < MAX_AUDITED_IDS) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (CUSTOMER_ID_PATTERN.test(node)) found.add(node);
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i -= 1) stack.push(node[i]);
    } else if (node !== null && typeof node === 'object') {
      const children = Object.values(node);
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
    }
  }
}
