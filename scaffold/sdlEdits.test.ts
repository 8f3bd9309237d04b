import { addObjectField, addProfileRecords, addSourceSystemValue } from './sdlEdits';
import { ScaffoldError } from './scaffoldErrors';

describe('addSourceSystemValue', () => {
  it('appends the value with its description to every SourceSystem enum, nothing else', () => {
    const sdl = [
      '"Systems."',
      'enum SourceSystem {',
      '  "The first."',
      '  ONE',
      '  TWO',
      '}',
      '',
      'enum Other {',
      '  X',
      '}',
      '',
    ].join('\n');
    expect(addSourceSystemValue(sdl, 'DEMO', 'Demo: "quoted" records.')).toBe(
      ['"Systems."', 'enum SourceSystem {', '  "The first."', '  ONE', '  TWO', '  "Demo: \\"quoted\\" records."', '  DEMO', '}', '', 'enum Other {', '  X', '}', ''].join('\n'),
    );
  });

  it('leaves an SDL without the enum unchanged', () => {
    const sdl = 'type Query {\n  a: Int\n}\n';
    expect(addSourceSystemValue(sdl, 'DEMO', 'x')).toBe(sdl);
  });

  it('refuses a value the enum already has, and an SDL that does not parse', () => {
    expect(() => addSourceSystemValue('enum SourceSystem {\n  DEMO\n}\n', 'DEMO', 'x')).toThrow(ScaffoldError);
    expect(() => addSourceSystemValue('enum SourceSystem {', 'DEMO', 'x')).toThrow(ScaffoldError);
  });
});

describe('addObjectField', () => {
  it('adds the field after the type’s last field, before its closing brace', () => {
    const sdl = 'type SourceLinks {\n  "A ids."\n  aIds: [String!]!\n}\n\ntype Other {\n  x: Int\n}\n';
    expect(addObjectField(sdl, 'SourceLinks', ['"Demo ids."', 'demoIds: [String!]!'])).toBe(
      'type SourceLinks {\n  "A ids."\n  aIds: [String!]!\n  "Demo ids."\n  demoIds: [String!]!\n}\n\ntype Other {\n  x: Int\n}\n',
    );
  });

  it('refuses a missing type', () => {
    expect(() => addObjectField('type Query {\n  a: Int\n}\n', 'SourceLinks', ['x: Int'])).toThrow('no type SourceLinks');
  });
});

describe('addProfileRecords', () => {
  const profile = [
    'type Customer @key(fields: "id") {',
    '  id: ID!',
    '  aRecords: [Party!] @external',
    '  bRecords: [Party!] @external',
    '  "The golden profile."',
    '  profile: GoldenProfile @requires(fields: "aRecords { system localId address { line1 } } bRecords { system localId address { line1 } }")',
    '}',
    '',
  ].join('\n');

  it('declares the records @external after the others and requires them with the first system’s selection', () => {
    expect(addProfileRecords(profile, 'demoRecords', 'aRecords')).toBe(
      [
        'type Customer @key(fields: "id") {',
        '  id: ID!',
        '  aRecords: [Party!] @external',
        '  bRecords: [Party!] @external',
        '  demoRecords: [Party!] @external',
        '  "The golden profile."',
        '  profile: GoldenProfile @requires(fields: "aRecords { system localId address { line1 } } bRecords { system localId address { line1 } } demoRecords { system localId address { line1 } }")',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('refuses a profile whose requires does not name the first system', () => {
    expect(() => addProfileRecords(profile, 'demoRecords', 'zRecords')).toThrow('does not require zRecords');
    expect(() => addProfileRecords('type Customer {\n  id: ID!\n  a: Int @external\n}\n', 'demoRecords', 'aRecords')).toThrow('has no @requires');
  });
});
