/**
 * [CC8] GeoReport v2's XML form. The standard's JSON is a mapping of its XML (the "Spark convention"): a list is an
 * element holding one child per item (`<services><service>…</service></services>`), a field an element of its name,
 * `null` an empty element. This writer produces exactly that for the few documents the endpoint answers.
 */

export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | { readonly [name: string]: XmlValue };

/** The element each item of a list is written as, by the list's name (GeoReport v2 and Service Discovery). */
export const OPEN311_ITEM_ELEMENTS: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

/** Whether XML 1.0 can carry the code point (no controls but tab and line breaks, no lone surrogates, no U+FFFE/U+FFFF). */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Anything outside the plain range (rare: controls, astral characters, lone surrogates) takes the slow path. */
const MAYBE_NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;

/** Characters XML cannot hold replaced by U+FFFD, so that text typed into a note never makes a document unreadable. */
function xmlSafe(text: string): string {
  if (!MAYBE_NOT_XML.test(text)) return text;
  let safe = '';
  for (const character of text) safe += isXmlChar(character.codePointAt(0) ?? 0) ? character : '\uFFFD';
  return safe;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as element content: the five markup characters escaped, characters XML cannot hold replaced by U+FFFD. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a number XML can hold: ${value}`);
  return xmlText(String(value));
}

function element(name: string, value: XmlValue, indent: string): string {
  if (value === undefined) return '';
  if (value === null) return `${indent}<${name}/>\n`;
  if (Array.isArray(value)) {
    const item = OPEN311_ITEM_ELEMENTS[name];
    if (!item) throw new Error(`no item element for the list ${name}`);
    const children = value.map((entry: XmlValue) => element(item, entry, `${indent}  `)).join('');
    return children === '' ? `${indent}<${name}/>\n` : `${indent}<${name}>\n${children}${indent}</${name}>\n`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value)
      .map(([field, entry]) => element(field, entry, `${indent}  `))
      .join('');
    return children === '' ? `${indent}<${name}/>\n` : `${indent}<${name}>\n${children}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${scalar(value)}</${name}>\n`;
}

/** A whole document: the UTF-8 declaration the standard requires, then `root` holding `value`. */
export function xmlDocument(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, '')}`;
}
