/** Characters a spreadsheet may take as the start of a formula (OWASP CSV injection guidance). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A cell value that a spreadsheet shows as text, never runs: a string beginning with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading single quote (OWASP's recommendation), so
 * `=HYPERLINK("http://evil","click")` held in a legacy record reaches the auditor's Excel as
 * text. Quoting of separators and quotes is the CSV writer's job (csv-stringify). Other values
 * pass unchanged; the cost is that a phone held as `+44 ...` reads `'+44 ...`.
 */
export function neutraliseCsvCell(value: unknown): unknown {
  if (typeof value !== 'string' || value.length === 0) return value;
  return FORMULA_TRIGGERS.has(value[0]) ? `'${value}` : value;
}
