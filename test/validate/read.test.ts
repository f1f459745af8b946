/**
 * The one-pass reader on the shapes of XML a schema-valid message may take: prefixes or a default
 * namespace, comments, processing instructions and CDATA, entity and character references,
 * attributes, self-closing elements; and the XPaths and lines rules report with.
 */
import { describe, expect, it } from 'vitest';
import { NODE, type ElementRef, type Located } from '../../src/standard/located.js';
import type { Berichten } from '../../src/standard/types.generated.js';
import { LineIndex, lineOf, readMessage, xpathOf } from '../../src/validate/read.js';
import { defineRule, RuleRun } from '../../src/validate/rules/rule.js';
import { DEFAULT_RULE_OPTIONS } from '../../src/validate/rules/run.js';

const NS = 'http://www.istandaarden.nl/ijw/3_2/jw301/schema';
const BASIS = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';

const header = (p: string, b: string) => `<${p}Header>
  <${p}BerichtCode>436</${p}BerichtCode>
  <${p}BerichtIdentificatie>
    <${b}Identificatie>ID-1</${b}Identificatie>
    <${b}Dagtekening>2026-02-13</${b}Dagtekening>
  </${p}BerichtIdentificatie>
</${p}Header>`;

/** A JW301 with two Contacts and three products, with prefixes jw301/ijw or in default namespaces. */
function jw301(prefixed: boolean, client = ''): string {
  const p = prefixed ? 'jw301:' : '';
  const b = prefixed ? 'ijw:' : '';
  const xmlns = prefixed ? `xmlns:jw301="${NS}" xmlns:ijw="${BASIS}"` : `xmlns="${NS}"`;
  const basis = prefixed ? '' : ` xmlns="${BASIS}"`;
  const product = (nummer: string) => `<${p}ToegewezenProduct>
      <${p}ToewijzingNummer>${nummer}</${p}ToewijzingNummer>
      <${p}Product${basis}><${b}Categorie>45</${b}Categorie></${p}Product>
    </${p}ToegewezenProduct>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}Bericht ${xmlns}>
${header(p, prefixed ? b : '')}
<${p}Client>
  <${p}Bsn>999948246</${p}Bsn>
  ${client}
  <${p}Contactgegevens>
    <${p}Contact><${p}Soort>01</${p}Soort></${p}Contact>
    <${p}Contact><${p}Soort>02</${p}Soort><${p}Adres${basis}><${b}Postcode>6717CN</${b}Postcode></${p}Adres></${p}Contact>
  </${p}Contactgegevens>
  <${p}ToegewezenProducten>
    ${product('1')}
    ${product('2')}
    ${product('3')}
  </${p}ToegewezenProducten>
</${p}Client>
</${p}Bericht>`;
}

const ref = (obj: unknown): ElementRef => {
  const r = (obj as Located)[NODE];
  if (r === undefined) throw new Error('not read from a message');
  return r;
};

describe('readMessage', () => {
  it('reads prefixed elements and records each prefix', () => {
    const m = readMessage('JW301', jw301(true));
    expect(m.Header.BerichtIdentificatie.Dagtekening).toBe('2026-02-13');
    expect(m.Client.ToegewezenProducten.ToegewezenProduct.map((p) => p.ToewijzingNummer)).toEqual(['1', '2', '3']);
    expect(ref(m.Header).prefix).toBe('jw301');
    expect(ref(m.Header).childPrefix).toBe('jw301');
    expect(ref(m.Header.BerichtIdentificatie).childPrefix).toBe('ijw');
  });

  it('reads a message in default namespaces the same, with empty prefixes', () => {
    const m = readMessage('JW301', jw301(false));
    const prefixed = readMessage('JW301', jw301(true));
    expect(JSON.stringify(m)).toBe(JSON.stringify(prefixed));
    expect(ref(m).prefix).toBe('');
    expect(ref(m.Client).childPrefix).toBe('');
    const product = m.Client.ToegewezenProducten.ToegewezenProduct[1];
    expect(xpathOf(ref(product?.Product), 'Categorie')).toBe('/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Product/Categorie');
  });

  it('keeps the prefix of each element when siblings use different prefixes for one namespace', () => {
    const text = jw301(true).replace(
      '<ijw:Dagtekening>2026-02-13</ijw:Dagtekening>',
      `<b:Dagtekening xmlns:b="${BASIS}">2026-02-13</b:Dagtekening>`,
    );
    const m = readMessage('JW301', text);
    expect(m.Header.BerichtIdentificatie.Dagtekening).toBe('2026-02-13');
    expect(ref(m.Header.BerichtIdentificatie).childPrefix).toBe('ijw');
  });

  it('joins the text around comments, processing instructions and CDATA inside a leaf', () => {
    const m = readMessage('JW301', jw301(true, '<jw301:Commentaar>a<!-- not this -->b<?pi x?>c<![CDATA[<d> & e]]>f</jw301:Commentaar>'));
    expect(m.Client.Commentaar).toBe('abc<d> & ef');
  });

  it('skips comments, processing instructions and white-space CDATA between elements', () => {
    const text = jw301(true).replace('<jw301:Bsn>', '<!-- <jw301:Bsn>1</jw301:Bsn> --><?pi <x>?><![CDATA[ ]]><jw301:Bsn>');
    expect(readMessage('JW301', text).Client.Bsn).toBe('999948246');
  });

  it('decodes entity and character references, also after an & in an attribute', () => {
    const text = jw301(true, '<jw301:Commentaar>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233;&#xE9;&#x1F600;</jw301:Commentaar>').replace(
      '<jw301:Client>',
      '<jw301:Client note="x &amp; y">',
    );
    const m = readMessage('JW301', text);
    expect(m.Client.Commentaar).toBe(`<a> & "b" 'c' éé😀`);
    expect(m.Client.Bsn).toBe('999948246');
  });

  it('finds the end of a start tag whose attribute values contain > and /', () => {
    const text = jw301(true)
      .replace('<jw301:Header>', `<jw301:Header a="1 > 0" b='/>'>`)
      .replace('<jw301:Bsn>', '<jw301:Bsn c=">">');
    const m = readMessage('JW301', text);
    expect(m.Header.BerichtCode).toBe('436');
    expect(m.Client.Bsn).toBe('999948246');
  });

  it('reads self-closing leaves as empty and self-closing classes as objects without children', () => {
    const m = readMessage('JW301', jw301(true, '<jw301:Commentaar/><jw301:Relaties />'));
    expect(m.Client.Commentaar).toBe('');
    expect(Object.keys(m.Client.Relaties ?? { missing: true })).toEqual([]);
    expect(ref(m.Client.Relaties).name).toBe('Relaties');
    expect(m.Client.Contactgegevens.Contact).toHaveLength(2);
  });

  it('collapses white space in dates and numbers, not in strings', () => {
    const text = jw301(true, '<jw301:Commentaar>  twee  spaties </jw301:Commentaar>').replace(
      '<ijw:Dagtekening>2026-02-13<',
      '<ijw:Dagtekening>\n  2026-02-13\n<',
    );
    const m = readMessage('JW301', text);
    expect(m.Header.BerichtIdentificatie.Dagtekening).toBe('2026-02-13');
    expect(m.Client.Commentaar).toBe('  twee  spaties ');
  });

  it('accepts white space before the > of an end tag', () => {
    const text = jw301(true).replace('</jw301:Bsn>', '</jw301:Bsn\n>').replace('</jw301:Header>', '</jw301:Header >');
    const m = readMessage('JW301', text);
    expect(m.Client.Bsn).toBe('999948246');
    expect(m.Client.Contactgegevens.Contact).toHaveLength(2);
  });

  it('refuses an element the model does not have', () => {
    expect(() => readMessage('JW301', jw301(true, '<jw301:Onbekend>1</jw301:Onbekend>'))).toThrow(/no element Onbekend here \(Client\)/);
  });
});

describe('xpathOf', () => {
  const m: Berichten['JW301'] = readMessage('JW301', jw301(true));

  it('numbers an element only where its name repeats', () => {
    const products = m.Client.ToegewezenProducten.ToegewezenProduct;
    expect(products.map((p) => xpathOf(ref(p)))).toEqual([
      '/jw301:Bericht/jw301:Client/jw301:ToegewezenProducten/jw301:ToegewezenProduct[1]',
      '/jw301:Bericht/jw301:Client/jw301:ToegewezenProducten/jw301:ToegewezenProduct[2]',
      '/jw301:Bericht/jw301:Client/jw301:ToegewezenProducten/jw301:ToegewezenProduct[3]',
    ]);
    expect(xpathOf(ref(products[2]?.Product), 'Code')).toBe('/jw301:Bericht/jw301:Client/jw301:ToegewezenProducten/jw301:ToegewezenProduct[3]/jw301:Product/ijw:Code');
    expect(xpathOf(ref(m.Client), 'Commentaar', 0)).toBe('/jw301:Bericht/jw301:Client/jw301:Commentaar[1]');
  });

  it('gives a single item of a repeating element no position', () => {
    const one = readMessage('JW301', jw301(true).replace(/<jw301:Contact><jw301:Soort>02[\s\S]*?<\/jw301:Contact>/, ''));
    expect(xpathOf(ref(one.Client.Contactgegevens.Contact[0]))).toBe('/jw301:Bericht/jw301:Client/jw301:Contactgegevens/jw301:Contact');
  });
});

describe('lineOf', () => {
  const text = jw301(true);
  const m = readMessage('JW301', text);
  const lineOfText = (needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

  it('gives the line of an element or of its n-th child, not of a longer name that begins with it', () => {
    const lines = new LineIndex(text);
    const contacts = ref(m.Client.Contactgegevens);
    expect(lineOf(text, contacts)).toBe(lineOfText('<jw301:Contactgegevens>'));
    expect(lineOf(text, contacts, 'Contact', 1)).toBe(lineOfText('<jw301:Contact><jw301:Soort>02'));
    const products = ref(m.Client.ToegewezenProducten);
    for (const i of [0, 1, 2]) {
      expect(lineOf(text, products, 'ToegewezenProduct', i, lines)).toBe(lineOf(text, products, 'ToegewezenProduct', i));
    }
    expect(lines.lineAt(0)).toBe(1);
    expect(lines.lineAt(text.length)).toBe(text.split('\n').length);
  });

  it('numbers lines the same whatever order a LineIndex is asked in', () => {
    const offsets = [text.length, 0, 57, 56, 300, text.indexOf('\n'), text.indexOf('\n') + 1, 120, text.length - 1];
    const index = new LineIndex(text);
    for (const offset of offsets) expect(index.lineAt(offset), `offset ${offset}`).toBe(text.slice(0, offset).split('\n').length);
  });

  it('reports an absent child on the line of its parent, not on a later element that has one', () => {
    const rule = defineRule({ code: 'XX001', kind: 'CS', retourcode: '0001', nl: 'nl', en: 'en' }, {});
    const run = new RuleRun(text, DEFAULT_RULE_OPTIONS);
    run.use(rule.meta);
    const [first, second] = m.Client.Contactgegevens.Contact;
    // The first Contact has no Adres; the second one does, on a later line.
    run.report(first as Located, 'Adres');
    run.report(second as Located, 'Adres');
    const [absent, present] = run.violations;
    expect(absent?.line).toBe(lineOfText('<jw301:Contact><jw301:Soort>01'));
    expect(absent?.location).toBe('/jw301:Bericht/jw301:Client/jw301:Contactgegevens/jw301:Contact[1]/jw301:Adres');
    expect(present?.line).toBe(lineOfText('<jw301:Adres'));
    expect(present?.location).toBe('/jw301:Bericht/jw301:Client/jw301:Contactgegevens/jw301:Contact[2]/jw301:Adres');
  });
});
