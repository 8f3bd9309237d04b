import { MAX_DEPTH, readXmlDocument } from './xmlDocument';

describe('readXmlDocument', () => {
  // Written down by hand: what each shape reads as.
  it.each<[string, string, unknown]>([
    ['a leaf as its text, trimmed', '<a>  x  </a>', { a: 'x' }],
    ['an empty element as empty text', '<a><b/><c></c></a>', { a: { b: '', c: '' } }],
    ['leading zeros kept (values are text)', '<a><n>007</n></a>', { a: { n: '007' } }],
    ['a repeated name as a list, in order', '<a><c>1</c><c>2</c><c>3</c></a>', { a: { c: ['1', '2', '3'] } }],
    ['one element of a name as itself, not a list', '<a><c><id>1</id></c></a>', { a: { c: { id: '1' } } }],
    ['namespace prefixes dropped', '<s:E xmlns:s="urn:x"><s:B><Op xmlns="urn:y">v</Op></s:B></s:E>', { E: { B: { Op: 'v' } } }],
    ['attributes ignored', '<a x="1"><b y="2">v</b></a>', { a: { b: 'v' } }],
    ['the five predefined entities and character references decoded', '<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</a>', { a: '<>&"\'AB' }],
    ['CDATA as text', '<a><![CDATA[x < y]]></a>', { a: 'x < y' }],
    ['the XML declaration and comments', '<?xml version="1.0" encoding="utf-8"?><!-- c --><a>v</a>', { a: 'v' }],
  ])('reads %s', (_case, xml, expected) => {
    expect(readXmlDocument(xml)).toEqual(expected);
  });

  it.each([
    ['empty', ''],
    ['an unclosed element', '<a><b>x</b>'],
    ['mismatched tags', '<a><b>x</c></a>'],
    ['text after the root', '<a/>junk'],
    ['a second root', '<a/><a/>'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a DOCTYPE (it can declare entities)', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['a DOCTYPE without entities', '<!DOCTYPE a><a/>'],
    ['a bare < in text', '<a>1 < 2</a>'],
  ])('refuses %s', (_case, xml) => {
    expect(readXmlDocument(xml)).toBeUndefined();
  });

  it(`reads ${MAX_DEPTH} levels and refuses one more`, () => {
    const nested = (depth: number) => '<e>'.repeat(depth) + 'v' + '</e>'.repeat(depth);
    expect(readXmlDocument(nested(MAX_DEPTH))).toBeDefined();
    expect(readXmlDocument(nested(MAX_DEPTH + 1))).toBeUndefined();
  });
});
