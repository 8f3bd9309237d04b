import { ScaffoldError } from './scaffoldErrors';

/** Every spelling of a new system's name the generated code needs, derived from one `--name`. */
export interface SystemNames {
  /** `LOAN_BOOK`: the `SourceSystem` value, environment prefix, source-key prefix. */
  name: string;
  /** `loan-book`: folders, subgraph name, SDL file. */
  slug: string;
  /** `loanBook`: the adapter's field in the cache layer, the prefix of its record fields. */
  handle: string;
  /** `LoanBook`: type and function names (`LoanBookAdapter`, `createLoanBookAdapter`). */
  pascal: string;
  /** `Loan book`: what people read. */
  label: string;
  /** `LB`: the prefix of its local record ids (`LB` + 8 digits). */
  keyPrefix: string;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const CAMEL = /^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$/;
const MAX_LENGTH = 32;

/**
 * Words a handle may not be (JavaScript reserved words): it names variables and fields in the
 * generated code.
 */
const RESERVED_WORDS = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield'.split(' '),
);

/** Splits `loan-book`, `LOAN_BOOK` or `loanBook` into lower-case words (`loan`, `book`). */
function wordsOf(raw: string): string[] {
  if (KEBAB.test(raw)) return raw.split('-');
  if (UPPER_SNAKE.test(raw)) return raw.toLowerCase().split('_');
  if (CAMEL.test(raw)) return raw.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
  throw new ScaffoldError(
    'INVALID_NAME',
    `"${raw}" is not a system name: use kebab case (loan-book), upper snake case (LOAN_BOOK) or camel case (loanBook), letters and digits, starting with a letter`,
  );
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The key prefix: a multi-word name's initials (`LB`), else a one-word name's first three letters (`DEM`). */
function keyPrefixOf(words: readonly string[]): string {
  const letters = words.length > 1 ? words.map((word) => word.charAt(0)).join('') : words[0].slice(0, 3);
  return letters.toUpperCase();
}

/** Derives every spelling from a name given in any of the accepted forms; refuses anything else. */
export function deriveSystemNames(raw: string): SystemNames {
  const trimmed = raw.trim();
  if (trimmed.length < 2 || trimmed.length > MAX_LENGTH) {
    throw new ScaffoldError('INVALID_NAME', `a system name has 2 to ${MAX_LENGTH} characters`);
  }
  const words = wordsOf(trimmed);
  // A word that starts with a digit would make `CORE_2B` but `core2b`, which do not round-trip.
  if (words.some((word) => !/^[a-z]/.test(word))) {
    throw new ScaffoldError('INVALID_NAME', `"${raw}": every word of a system name starts with a letter`);
  }
  const handle = words[0] + words.slice(1).map(capitalised).join('');
  if (RESERVED_WORDS.has(handle)) throw new ScaffoldError('INVALID_NAME', `"${raw}" is a reserved word in JavaScript`);
  return {
    name: words.join('_').toUpperCase(),
    slug: words.join('-'),
    handle,
    pascal: words.map(capitalised).join(''),
    label: capitalised(words.join(' ')),
    keyPrefix: keyPrefixOf(words),
  };
}
