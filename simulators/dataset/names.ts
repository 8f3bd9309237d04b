/**
 * Name pools for a mixed UK population: English names (the ones nicknames apply to) and names
 * carrying diacritics (which legacy systems often store stripped or mangled).
 */
import { NICKNAMES } from './nicknames';

export const ENGLISH_GIVEN_NAMES: readonly string[] = [
  ...Object.keys(NICKNAMES),
  'Oliver', 'Emily', 'Jack', 'Sophie', 'Grace', 'Amelia', 'Lucy', 'George', 'Oscar', 'Hannah',
  'Megan', 'Ryan', 'Laura', 'Emma', 'Sarah', 'Rachel', 'Paul', 'Mark', 'David', 'Helen',
  'Claire', 'Joanne', 'Gareth', 'Rhys', 'Fiona', 'Alison', 'Priya', 'Aisha', 'Mohammed', 'Imran',
];

export const DIACRITIC_GIVEN_NAMES: readonly string[] = [
  'José', 'Zoë', 'François', 'Łukasz', 'Chloë', 'Renée', 'Søren', 'Björn', 'Jürgen', 'Zoltán',
  'Małgorzata', 'Iñaki', 'Noémie', 'Hélène', 'André', 'Siobhán', 'Seán', 'Raphaël', 'Paweł',
  'Bartłomiej', 'Göran', 'Åsa', 'Núria', 'Ángel', 'Inés', 'Anaïs', 'Benoît', 'Jérôme', 'Cécile',
  'Tomáš', 'Ondřej', 'Thérèse', 'Mónica', 'Sofía', 'João', 'Dóra', 'Ülkü', 'Kübra',
];

export const ENGLISH_FAMILY_NAMES: readonly string[] = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson',
  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson',
  'Clarke', 'Hughes', 'Edwards', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward', 'Morris', 'King',
  'Baker', 'Harris', 'Lewis', 'Martin', 'Young', 'Allen', 'Mitchell', 'Carter', 'Phillips',
  'Bennett', 'Shaw', 'Lloyd', 'Price', 'Fletcher', 'Marshall', 'Chapman', 'Patel', 'Khan', 'Singh',
  'Ahmed', 'Ali', 'Begum', 'Shah', "O'Brien", "O'Connor", 'MacDonald', 'McLeod', 'Fitzgerald',
  'Campbell', 'Stewart', 'Murray', 'Smith-Jones', 'Lloyd-Webber', 'Featherstonehaugh',
  'Cholmondeley-Warner', 'Montgomery-Fitzwilliam',
];

export const DIACRITIC_FAMILY_NAMES: readonly string[] = [
  'Müller', 'Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik', 'Dvořák', 'Novák', 'Fernández', 'García',
  'Pérez', 'Gómez', 'Núñez', 'Muñoz', 'Lefèvre', 'Dupré', 'Côté', 'Brontë', 'Gößling', 'Schröder',
  'Jäger', 'Björklund', 'Ångström', 'Søndergaard', 'Łukaszewicz', 'Kovač', 'Horváth', 'Szabó',
  'Ó Súilleabháin', 'Ní Bhriain', 'Gonçalves', 'Conceição', 'Çelik', 'Yılmaz', 'Öztürk',
  'Wolfeschlegelsteinhausen-Bergerdorff',
];

/** Share of the population whose given (resp. family) name comes from the diacritic pool. */
export const DIACRITIC_NAME_SHARE = 0.3;
