/**
 * Nickname groups: each group lists a canonical given name followed by the short and familiar
 * forms people and agents type for it (upper case, ASCII, as produced by `normaliseNameText`).
 *
 * A form may belong to several groups (ALEX is ALEXANDER or ALEXANDRA), so lookups return every
 * canonical name a form can stand for; two given names are compatible when those sets meet.
 * The table is data, not logic: extend it here, the matcher reads it through `canonicalGivenNames`.
 */
export const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['WILLIAM', 'BILL', 'BILLY', 'WILL', 'WILLY', 'WILLIE', 'LIAM'],
  ['ROBERT', 'BOB', 'BOBBY', 'ROB', 'ROBBIE', 'BERT'],
  ['RICHARD', 'RICK', 'RICKY', 'DICK', 'RICH', 'RICHIE'],
  ['JAMES', 'JIM', 'JIMMY', 'JAMIE', 'JIMMIE'],
  ['JOHN', 'JACK', 'JOHNNY', 'JON'],
  ['JONATHAN', 'JON', 'JONNY', 'NATHAN'],
  ['MICHAEL', 'MIKE', 'MICK', 'MICKEY', 'MIKEY'],
  ['THOMAS', 'TOM', 'TOMMY'],
  ['CHRISTOPHER', 'CHRIS', 'KIT'],
  ['CHRISTINA', 'CHRIS', 'TINA', 'CHRISSY'],
  ['CHRISTINE', 'CHRIS', 'CHRISSY'],
  ['DANIEL', 'DAN', 'DANNY'],
  ['DAVID', 'DAVE', 'DAVY'],
  ['JOSEPH', 'JOE', 'JOEY'],
  ['CHARLES', 'CHARLIE', 'CHUCK', 'CHAS'],
  ['EDWARD', 'ED', 'EDDIE', 'TED', 'TEDDY', 'NED'],
  ['ANTHONY', 'TONY'],
  ['ANDREW', 'ANDY', 'DREW'],
  ['MATTHEW', 'MATT', 'MATTY'],
  ['NICHOLAS', 'NICK', 'NICKY'],
  ['STEPHEN', 'STEVE', 'STEVIE'],
  ['STEVEN', 'STEVE', 'STEVIE'],
  ['PETER', 'PETE'],
  ['BENJAMIN', 'BEN', 'BENNY'],
  ['SAMUEL', 'SAM', 'SAMMY'],
  ['SAMANTHA', 'SAM', 'SAMMY'],
  ['ALEXANDER', 'ALEX', 'AL', 'ALEC', 'SANDY'],
  ['ALEXANDRA', 'ALEX', 'ALEXA', 'SANDRA', 'SANDY', 'LEXI', 'LEXIE'],
  ['TIMOTHY', 'TIM', 'TIMMY'],
  ['PATRICK', 'PAT', 'PADDY'],
  ['PATRICIA', 'PAT', 'PATTY', 'TRISH'],
  ['GEORGE', 'GEORDIE'],
  ['THEODORE', 'THEO', 'TED', 'TEDDY'],
  ['PENELOPE', 'PENNY', 'PEN'],
  ['HENRY', 'HARRY', 'HANK', 'HAL'],
  ['FREDERICK', 'FRED', 'FREDDIE', 'FREDDY'],
  ['GERALD', 'GERRY', 'JERRY'],
  ['LAWRENCE', 'LARRY'],
  ['RAYMOND', 'RAY'],
  ['RONALD', 'RON', 'RONNIE'],
  ['DONALD', 'DON', 'DONNIE'],
  ['KENNETH', 'KEN', 'KENNY'],
  ['PHILIP', 'PHIL'],
  ['GREGORY', 'GREG'],
  ['JOSHUA', 'JOSH'],
  ['ZACHARY', 'ZACH', 'ZAK'],
  ['NATHANIEL', 'NATE', 'NAT', 'NATHAN'],
  ['OLIVER', 'OLLIE'],
  ['LEONARD', 'LEN', 'LENNY', 'LEO'],
  ['VINCENT', 'VINCE', 'VINNY'],
  ['DOUGLAS', 'DOUG'],
  ['EUGENE', 'GENE'],
  ['ELIZABETH', 'LIZ', 'LIZZIE', 'BETH', 'BETTY', 'ELIZA', 'LIBBY', 'BETSY', 'LISA', 'ELSIE'],
  ['MARGARET', 'MAGGIE', 'MEG', 'PEGGY', 'MARGE', 'MADGE', 'GRETA'],
  ['CATHERINE', 'CATH', 'CATHY', 'KATE', 'KATIE', 'KAT', 'CAT', 'KITTY'],
  ['KATHERINE', 'KATH', 'KATHY', 'KATE', 'KATIE', 'KAT', 'KITTY'],
  ['JENNIFER', 'JEN', 'JENNY', 'JENNI'],
  ['REBECCA', 'BECKY', 'BECCA', 'BEX'],
  ['VICTORIA', 'VICKY', 'VICKI', 'TORI'],
  ['SUSAN', 'SUE', 'SUSIE', 'SUZY'],
  ['DEBORAH', 'DEBBIE', 'DEB', 'DEBBY'],
  ['JESSICA', 'JESS', 'JESSIE'],
  ['ABIGAIL', 'ABBY', 'ABBIE', 'GAIL'],
  ['AMANDA', 'MANDY'],
  ['BARBARA', 'BARB', 'BABS'],
  ['DOROTHY', 'DOT', 'DOTTY', 'DOTTIE', 'DOLLY'],
  ['EMILY', 'EM', 'EMMY', 'MILLY'],
  ['EMMA', 'EM', 'EMMY'],
  ['ELEANOR', 'ELLIE', 'NELL', 'NELLIE', 'NORA'],
  ['HELEN', 'NELL', 'NELLIE'],
  ['JACQUELINE', 'JACKIE', 'JACQUI'],
  ['JOANNA', 'JO', 'JOANNE'],
  ['JOSEPHINE', 'JO', 'JOSIE'],
  ['JUDITH', 'JUDY'],
  ['KIMBERLY', 'KIM'],
  ['LOUISE', 'LOU', 'LULU'],
  ['MARY', 'MOLLY', 'POLLY', 'MAMIE'],
  ['NATALIE', 'NAT', 'NATTY'],
  ['NICOLA', 'NICKY', 'NIKKI'],
  ['OLIVIA', 'LIV', 'LIVVY', 'OLLIE'],
  ['PAMELA', 'PAM'],
  ['RACHEL', 'RACH'],
  ['SARAH', 'SALLY', 'SADIE', 'SARA'],
  ['SOPHIA', 'SOPHIE'],
  ['STEPHANIE', 'STEPH', 'STEFFI'],
  ['TERESA', 'TERRI', 'TESS', 'TESSA'],
  ['THERESA', 'TERRI', 'TESS', 'TESSA'],
  ['VALERIE', 'VAL'],
  ['ANNE', 'ANNIE', 'NAN', 'NANCY'],
  ['ANN', 'ANNIE', 'NAN', 'NANCY'],
  ['CHARLOTTE', 'CHARLIE', 'LOTTIE', 'LOTTE'],
  ['FRANCES', 'FRAN', 'FRANNIE', 'FRANKIE'],
  ['FRANCIS', 'FRANK', 'FRANKIE'],
  ['ISABELLA', 'BELLA', 'IZZY', 'ISSY'],
  ['ISABEL', 'BELLA', 'IZZY', 'ISSY'],
  ['GABRIEL', 'GABE'],
  ['GABRIELLA', 'GABBY', 'ELLA'],
  ['HANNAH', 'ANNA'],
  ['ANGELA', 'ANGIE'],
  ['CAROLINE', 'CAROL', 'CARRIE', 'CARO'],
  ['CYNTHIA', 'CINDY'],
  ['LUCY', 'LU'],
  ['MADELEINE', 'MADDIE', 'MADDY'],
  ['AMELIA', 'MILLIE', 'AMY'],
  ['MATILDA', 'TILLY', 'TILDA'],
  ['JOHANNES', 'HANS', 'JOHANN'],
  ['FRANCESCO', 'FRANCO', 'CESCO'],
  ['GIUSEPPE', 'BEPPE', 'PINO'],
  ['ALEKSANDR', 'SASHA', 'SASHA'],
  ['MOHAMMED', 'MOHAMMAD', 'MUHAMMAD', 'MO'],
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
