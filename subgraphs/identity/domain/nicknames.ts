/**
 * The matcher's own nickname groups: a canonical English given name followed by the short and
 * familiar forms in everyday use for it (upper case, ASCII, as produced by `normaliseNameText`).
 *
 * Compiled for the matcher from common English usage, independently of the data generator's
 * table (simulators/dataset/nicknames.ts): a matcher graded on noise made from its own table
 * would be graded on its own answers. `npx tsx bench/nicknameOverlap.ts` reports how much of the
 * generator's table this one happens to know. Forms that are mostly given names in their own
 * right (Liam, Drew, Nathan, Ella, Anna, Lisa, Amy) are left out: read as nicknames, they would
 * make different people look alike.
 *
 * A form may belong to several groups (ALEX is ALEXANDER or ALEXANDRA), so lookups return every
 * canonical name a form can stand for; two given names are compatible when those sets meet.
 * The table is data, not logic: the model gives a nickname agreement the weight it learns.
 */
export const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['ALBERT', 'AL', 'BERT', 'BERTIE'],
  ['ALEXANDER', 'ALEX', 'ALEC', 'SANDY'],
  ['ALEXANDRA', 'ALEX', 'SANDY', 'SASHA'],
  ['ANDREW', 'ANDY'],
  ['ANTHONY', 'TONY'],
  ['ARTHUR', 'ART', 'ARTIE'],
  ['BARBARA', 'BARB', 'BABS'],
  ['BENJAMIN', 'BEN', 'BENNY', 'BENJI'],
  ['CAROLINE', 'CARRIE', 'CARO'],
  ['CATHERINE', 'CATH', 'CATHY', 'KATE', 'KATIE', 'CAT'],
  ['KATHERINE', 'KATH', 'KATHY', 'KATE', 'KATIE', 'KAT'],
  ['CHARLES', 'CHARLIE', 'CHUCK'],
  ['CHRISTINE', 'CHRIS', 'CHRISSIE', 'TINA'],
  ['CHRISTOPHER', 'CHRIS', 'TOPHER'],
  ['DANIEL', 'DAN', 'DANNY'],
  ['DAVID', 'DAVE', 'DAVY'],
  ['DEBORAH', 'DEB', 'DEBBIE'],
  ['DONALD', 'DON', 'DONNIE'],
  ['DOUGLAS', 'DOUG'],
  ['EDWARD', 'ED', 'EDDIE', 'TED', 'TEDDY'],
  ['ELIZABETH', 'LIZ', 'LIZZIE', 'BETH', 'BETTY', 'LIBBY', 'BESS'],
  ['EMILY', 'EM', 'EMMY'],
  ['FREDERICK', 'FRED', 'FREDDIE', 'FREDDY'],
  ['GEOFFREY', 'GEOFF'],
  ['GERALD', 'GERRY'],
  ['GREGORY', 'GREG'],
  ['HENRY', 'HARRY', 'HANK'],
  ['ISABELLA', 'BELLA', 'IZZY'],
  ['JACQUELINE', 'JACKIE'],
  ['JAMES', 'JIM', 'JIMMY', 'JAMIE'],
  ['JENNIFER', 'JEN', 'JENNY'],
  ['JESSICA', 'JESS', 'JESSIE'],
  ['JOHN', 'JACK', 'JOHNNY'],
  ['JONATHAN', 'JON', 'JONNY'],
  ['JOSEPH', 'JOE', 'JOEY'],
  ['JOSHUA', 'JOSH'],
  ['JUDITH', 'JUDY'],
  ['KENNETH', 'KEN', 'KENNY'],
  ['LAWRENCE', 'LARRY'],
  ['LEONARD', 'LEN', 'LENNY'],
  ['MARGARET', 'MAGGIE', 'MEG', 'PEGGY', 'MARGE'],
  ['MATTHEW', 'MATT'],
  ['MICHAEL', 'MIKE', 'MICK', 'MICKEY'],
  ['NICHOLAS', 'NICK', 'NICKY'],
  ['NICOLA', 'NICKY', 'NIKKI'],
  ['PATRICIA', 'PAT', 'PATTY', 'TRISH'],
  ['PATRICK', 'PAT', 'PADDY'],
  ['PETER', 'PETE'],
  ['PHILIP', 'PHIL'],
  ['RAYMOND', 'RAY'],
  ['REBECCA', 'BECKY', 'BECCA'],
  ['RICHARD', 'RICK', 'RICKY', 'RICH', 'DICK'],
  ['ROBERT', 'ROB', 'ROBBIE', 'BOB', 'BOBBY'],
  ['RONALD', 'RON', 'RONNIE'],
  ['SAMANTHA', 'SAM', 'SAMMY'],
  ['SAMUEL', 'SAM', 'SAMMY'],
  ['STEPHEN', 'STEVE', 'STEVIE'],
  ['STEVEN', 'STEVE', 'STEVIE'],
  ['SUSAN', 'SUE', 'SUSIE', 'SUZY'],
  ['THOMAS', 'TOM', 'TOMMY'],
  ['TIMOTHY', 'TIM', 'TIMMY'],
  ['VICTORIA', 'VICKY', 'VICKI'],
  ['WILLIAM', 'WILL', 'WILLIE', 'BILL', 'BILLY'],
];

const byForm: Map<string, string[]> = buildIndex(NICKNAME_GROUPS);

function buildIndex(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const group of groups) {
    const canonical = group[0];
    for (const form of group) {
      const list = index.get(form) ?? [];
      if (!list.includes(canonical)) list.push(canonical);
      index.set(form, list);
    }
  }
  return index;
}

for (const list of byForm.values()) list.sort();

const NONE: readonly string[] = Object.freeze([]);

/**
 * Every canonical given name a normalised form may stand for, sorted; empty when the form is not
 * in the table (it then stands for itself only). The arrays are shared: do not modify them.
 */
export function canonicalGivenNames(form: string): readonly string[] {
  return byForm.get(form) ?? NONE;
}
