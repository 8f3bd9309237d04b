/** Display formats. Money stays a decimal string end to end (never a float), times in UTC. */

export interface Money {
  amount: string;
  currency: string;
}

/** `-1234567.5` GBP -> `-1,234,567.5 GBP` (digit grouping on the string, no arithmetic). */
export function formatMoney(money: Money | null | undefined): string {
  if (!money) return '';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(money.amount);
  if (!match) return `${money.amount} ${money.currency}`;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction} ${money.currency}`;
}

/** ISO 8601 instant -> `2026-11-27 08:00 UTC`; anything else as given. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

/** `TERM_DEPOSIT` -> `Term deposit`; a numeric range keeps its dash (`AGE_28_60` -> `Age 28-60`). */
export function formatEnum(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().replace(/(\d)_(\d)/g, '$1-$2').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
