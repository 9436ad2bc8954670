/**
 * A strict reader for the XML the Open311 endpoint writes, so the tests check it is well formed on their own terms
 * rather than trusting the writer: an XML declaration, elements without attributes, text with the five predefined
 * entities and character references only, no mixed content, one root. Anything else throws with the offset.
 */

export interface XmlNode {
  name: string;
  children: XmlNode[];
  /** The element's text with entities resolved ('' for an empty or self-closing element). */
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeText(raw: string, at: number): string {
  return raw.replace(/&([^;]*);|&/g, (match, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`a bare & at ${at}`);
    if (ref in PREDEFINED) return PREDEFINED[ref] ?? '';
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!numeric) throw new Error(`unknown entity &${ref}; at ${at}`);
    return String.fromCodePoint(numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]));
  });
}

/** Parses a whole document; throws on anything this subset of XML does not allow. */
export function parseXml(xml: string): XmlNode {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\r?\n?/.exec(xml);
  if (!declaration) throw new Error('no XML declaration with encoding="UTF-8" first');
  let at = declaration[0].length;
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let pendingText = '';
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    const textEnd = open < 0 ? xml.length : open;
    const raw = xml.slice(at, textEnd);
    if (raw.includes('>')) throw new Error(`a bare > in text at ${at}`);
    if (stack.length === 0) {
      if (raw.trim() !== '') throw new Error(`text outside the root element at ${at}`);
    } else {
      pendingText += unescapeText(raw, at);
    }
    if (open < 0) break;
    const close = xml.indexOf('>', open);
    if (close < 0) throw new Error(`an unclosed tag at ${open}`);
    const tag = xml.slice(open + 1, close);
    at = close + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1);
      const node = stack.pop();
      if (!node || node.name !== name) throw new Error(`</${name}> closes ${node ? `<${node.name}>` : 'nothing'} at ${open}`);
      if (node.children.length > 0 && pendingText.trim() !== '') throw new Error(`mixed content in <${name}>`);
      node.text = node.children.length > 0 ? '' : pendingText;
      pendingText = '';
      continue;
    }
    const isEmpty = tag.endsWith('/');
    const name = isEmpty ? tag.slice(0, -1) : tag;
    if (NAME.exec(name)?.[0] !== name) throw new Error(`<${tag}> is not an element without attributes at ${open}`);
    const parent = stack.at(-1);
    if (parent && pendingText.trim() !== '') throw new Error(`mixed content in <${parent.name}>`);
    pendingText = '';
    const node: XmlNode = { name, children: [], text: '' };
    if (parent) parent.children.push(node);
    else if (root) throw new Error(`a second root <${name}> at ${open}`);
    else root = node;
    if (!isEmpty) stack.push(node);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name ?? ''}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The list elements of GeoReport v2 and Service Discovery and the element each item is (the Spark convention). */
const LISTS: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

export type Plain = string | null | Plain[] | { [name: string]: Plain };

/** An XML element as plain data by the Spark convention: lists by their known names, empty elements as null. */
export function sparkValue(node: XmlNode): Plain {
  const item = LISTS[node.name];
  if (item !== undefined) {
    if (node.text.trim() !== '') throw new Error(`the list <${node.name}> holds text`);
    return node.children.map((child) => {
      if (child.name !== item) throw new Error(`<${node.name}> holds <${child.name}>, not <${item}>`);
      return sparkValue(child);
    });
  }
  if (node.children.length > 0) {
    const object: Record<string, Plain> = {};
    for (const child of node.children) {
      if (child.name in object) throw new Error(`<${node.name}> has <${child.name}> twice`);
      object[child.name] = sparkValue(child);
    }
    return object;
  }
  return node.text === '' ? null : node.text;
}

/** JSON as the XML can say it: numbers and booleans as their text, empty strings as null (an empty element). */
export function asXmlWouldSay(value: unknown): Plain {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.map(asXmlWouldSay);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asXmlWouldSay(v)]));
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`not JSON: ${typeof value}`);
}
