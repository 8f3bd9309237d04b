/**
 * What `npm run new:system` refuses, as typed errors: the CLI prints the message and exits 2,
 * having written nothing (every check runs before the first file is written).
 */
export type ScaffoldErrorCode = 'UNSUPPORTED_DIALECT' | 'INVALID_NAME' | 'NAME_CLASH' | 'FILE_EXISTS' | 'TEMPLATE_ERROR' | 'SOURCE_FORMAT';

export class ScaffoldError extends Error {
  constructor(
    readonly code: ScaffoldErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

/** The dialects the scaffold can generate a complete, tested system for. */
export const SUPPORTED_DIALECTS = ['rest'] as const;
export type SupportedDialect = (typeof SUPPORTED_DIALECTS)[number];

/** Every dialect the registry knows (systems/registry.ts `SystemDialect`). */
const KNOWN_DIALECTS = ['fixed-width', 'rest', 'odata', 'soap', 'file-drop'];

/**
 * The dialect asked for, when the scaffold supports it. A dialect the registry knows but the
 * scaffold has no templates for is refused rather than generated half-working.
 */
export function supportedDialect(dialect: string): SupportedDialect {
  if ((SUPPORTED_DIALECTS as readonly string[]).includes(dialect)) return dialect as SupportedDialect;
  const known = KNOWN_DIALECTS.includes(dialect);
  throw new ScaffoldError(
    'UNSUPPORTED_DIALECT',
    known
      ? `the scaffold has no templates for the ${dialect} dialect yet; supported: ${SUPPORTED_DIALECTS.join(', ')} (write such a system by hand from adapters/README.md)`
      : `unknown dialect "${dialect}"; supported: ${SUPPORTED_DIALECTS.join(', ')}`,
  );
}
