import { SaxesParser } from 'saxes';

/**
 * A well-formed XML document read in one strict pass (saxes) into plain objects: an element's
 * children by local name (namespace prefixes dropped: they vary by server toolkit), a repeated
 * name as a list, a leaf as its text trimmed (`''` when empty), attributes ignored. Anything not
 * well-formed (an unclosed, mismatched or stray tag, text or a second root after the root, an
 * undefined entity), a DOCTYPE, or nesting deeper than `MAX_DEPTH` gives undefined.
 *
 * It replaced fast-xml-parser's validation pass and parse: on a page of 500 contacts (128 KB)
 * those took 14.3 ms, this 1.5 ms, for the same objects (issue 16; BENCHMARKS.md).
 */

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue;
}

/** Deeper than this is refused (a SOAP envelope from the call center nests about 6 deep). */
export const MAX_DEPTH = 32;

interface OpenElement {
  children: XmlObject | undefined;
  text: string;
}

export function readXmlDocument(xml: string): XmlObject | undefined {
  const root: OpenElement = { children: undefined, text: '' };
  const open: OpenElement[] = [root];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('doctype', () => {
    throw new Error('a DOCTYPE'); // never read: it can declare entities
  });
  parser.on('opentag', () => {
    if (open.length > MAX_DEPTH) throw new Error('nested too deep');
    open.push({ children: undefined, text: '' });
  });
  parser.on('text', (text) => {
    open[open.length - 1].text += text;
  });
  parser.on('cdata', (text) => {
    open[open.length - 1].text += text;
  });
  parser.on('closetag', (tag) => {
    const element = open.pop()!;
    const parent = open[open.length - 1];
    const children = (parent.children ??= {});
    const name = localName(tag.name);
    const value: XmlValue = element.children ?? element.text.trim();
    const before = children[name];
    if (before === undefined) children[name] = value;
    else if (Array.isArray(before)) before.push(value);
    else children[name] = [before, value];
  });
  try {
    parser.write(xml).close(); // saxes throws on the first well-formedness error
  } catch {
    return undefined; // its message may quote the document: never passed on
  }
  return root.children;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
