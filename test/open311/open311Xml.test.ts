import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { xmlDocument, xmlText } from '../../server/open311/open311Xml.ts';
import { asXmlWouldSay, parseXml, sparkValue } from './xmlTree.ts';

describe('[CC8] the Open311 XML writer', () => {
  it('[CC8] escapes the five markup characters and reads back to the same text', () => {
    const text = `Tom & Jerry's "pipe" <burst> at 5 > 4`;
    expect(xmlText(text)).toBe('Tom &amp; Jerry&apos;s &quot;pipe&quot; &lt;burst&gt; at 5 &gt; 4');
    const xml = xmlDocument('service_requests', [{ status_notes: text }]);
    expect(sparkValue(parseXml(xml))).toEqual([{ status_notes: text }]);
  });

  it('[CC8] writes the UTF-8 declaration first, lists as the standard names their items, null as an empty element', () => {
    const xml = xmlDocument('service_definition', { service_code: 'WATER-BURST', attributes: [{ code: 'meter_number', required: false, order: 1, datatype_description: null }] });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<service_definition>')).toBe(true);
    expect(xml).toContain('<attributes>\n    <attribute>\n      <code>meter_number</code>');
    expect(xml).toContain('<datatype_description/>');
    expect(sparkValue(parseXml(xml))).toEqual({ service_code: 'WATER-BURST', attributes: [{ code: 'meter_number', required: 'false', order: '1', datatype_description: null }] });
    expect(sparkValue(parseXml(xmlDocument('services', [])))).toEqual([]);
  });

  it('[CC8] replaces characters XML cannot carry (controls, lone surrogates), keeps tabs, line breaks and emoji', () => {
    expect(xmlText('a\u0000b\u0008c\u001Fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(xmlText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(xmlText('tab\tline\nrow 🚰')).toBe('tab\tline\nrow 🚰');
  });

  it('[CC8] any text survives the round trip: what is read back is the text, with only unwritable characters replaced', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const read = sparkValue(parseXml(xmlDocument('errors', [{ code: 400, description: text }])));
        const expected = [...text].map((c) => {
          const code = c.codePointAt(0) ?? 0;
          const isXml = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
          return isXml ? c : '\uFFFD';
        });
        // A carriage return survives as written; an empty description is an empty element.
        expect(read).toEqual(asXmlWouldSay([{ code: 400, description: expected.join('') }]));
      }),
      { numRuns: 300 },
    );
  });

  it('[CC8] the test reader refuses what is not well formed, so a writer slip cannot pass unseen', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(() => parseXml('<a/>')).toThrow(/declaration/);
    expect(() => parseXml(`${head}<a>x & y</a>`)).toThrow(/bare &/);
    expect(() => parseXml(`${head}<a>&nbsp;</a>`)).toThrow(/unknown entity/);
    expect(() => parseXml(`${head}<a><b></a></b>`)).toThrow(/closes/);
    expect(() => parseXml(`${head}<a x="1"/>`)).toThrow(/attributes/);
    expect(() => parseXml(`${head}<a/><b/>`)).toThrow(/second root/);
    expect(() => parseXml(`${head}<a>text<b/></a>`)).toThrow(/mixed/);
    expect(() => parseXml(`${head}<a>`)).toThrow(/never closed/);
  });
});
