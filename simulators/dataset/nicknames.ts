/**
 * English given names and the nicknames people (and agents) commonly record instead.
 *
 * A matcher needs the same table to see that "Bill Smith" and "William Smith" may be one
 * person, so it lives in its own module and is exported as data.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  William: ['Bill', 'Will', 'Billy', 'Liam'],
  Robert: ['Bob', 'Rob', 'Bobby', 'Bert'],
  Elizabeth: ['Liz', 'Beth', 'Lizzie', 'Betty'],
  Margaret: ['Maggie', 'Peggy', 'Meg'],
  James: ['Jim', 'Jimmy', 'Jamie'],
  Richard: ['Rick', 'Rich', 'Dick'],
  Katherine: ['Kate', 'Kathy', 'Katie'],
  Catherine: ['Cathy', 'Kate', 'Cat'],
  Thomas: ['Tom', 'Tommy'],
  Michael: ['Mike', 'Mick'],
  Christopher: ['Chris', 'Kit'],
  Jennifer: ['Jen', 'Jenny'],
  Jonathan: ['Jon', 'Jonny'],
  Alexander: ['Alex', 'Sandy'],
  Alexandra: ['Alex', 'Sandra', 'Lexi'],
  Edward: ['Ed', 'Eddie', 'Ted', 'Ned'],
  Anthony: ['Tony'],
  Daniel: ['Dan', 'Danny'],
  Matthew: ['Matt'],
  Samuel: ['Sam', 'Sammy'],
  Benjamin: ['Ben', 'Benny'],
  Joseph: ['Joe', 'Joey'],
  Patricia: ['Pat', 'Patty', 'Trish'],
  Susan: ['Sue', 'Susie'],
  Deborah: ['Debbie', 'Deb'],
  Rebecca: ['Becky', 'Becca'],
  Victoria: ['Vicky', 'Tori'],
  Jessica: ['Jess', 'Jessie'],
  Charlotte: ['Charlie', 'Lottie'],
  Nicholas: ['Nick', 'Nicky'],
  Timothy: ['Tim'],
  Stephen: ['Steve'],
  Andrew: ['Andy', 'Drew'],
  Peter: ['Pete'],
  Charles: ['Charlie', 'Chas'],
  Henry: ['Harry', 'Hal'],
  Frederick: ['Fred', 'Freddie'],
  Abigail: ['Abby'],
  Eleanor: ['Ellie', 'Nell'],
  Dorothy: ['Dot', 'Dotty'],
  Gregory: ['Greg'],
  Philip: ['Phil'],
  Kenneth: ['Ken', 'Kenny'],
  Ronald: ['Ron', 'Ronnie'],
  Samantha: ['Sam', 'Sammy'],
  Josephine: ['Jo', 'Josie'],
  Jacqueline: ['Jackie'],
  Christine: ['Chris', 'Chrissy'],
  Theodore: ['Theo', 'Ted'],
  Isabella: ['Bella', 'Izzy'],
  Penelope: ['Penny'],
};

/** The nicknames recorded for a given name (empty when it has none). */
export function nicknamesOf(givenName: string): readonly string[] {
  return Object.prototype.hasOwnProperty.call(NICKNAMES, givenName) ? NICKNAMES[givenName] : [];
}
