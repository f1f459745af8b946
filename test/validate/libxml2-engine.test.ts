import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES } from '../../src/standard/catalogue.js';
import { validateWithLibxml2 } from '../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import { SchemaSet } from '../../src/validate/schema-set.js';
import { fixture, fixtures } from '../support/fixtures.js';

const schemas = SchemaSet.ours();
const check = (bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES) => validateWithLibxml2(bytes, { schemas, maxBytes });
const codes = (bytes: Uint8Array) => check(bytes).fouten.map((f) => f.code);

describe('valid fixtures', () => {
  const valid = fixtures('valid-');

  it('cover all 14 message types', () => {
    expect(new Set(valid.map((f) => f.type))).toEqual(new Set(MESSAGE_TYPES));
  });

  it.each(valid.map((f) => [f.name, f] as const))('%s is valid and typed from its namespace', (_, f) => {
    const r = check(f.bytes);
    expect(r.fouten).toEqual([]);
    expect(r).toMatchObject({ type: f.type, wellFormed: true, xsdValid: true, valid: true });
    expect(r.berichtIdentificatie?.identificatie).toMatch(/\S/);
    expect(r.berichtIdentificatie?.dagtekening).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('XSD-invalid fixtures', () => {
  it.each(fixtures('xsd-').map((f) => [f.name, f] as const))('%s is rejected with located XSD errors', (_, f) => {
    const r = check(f.bytes);
    expect(r).toMatchObject({ type: f.type, wellFormed: true, xsdValid: false, valid: false });
    expect(r.fouten.length).toBeGreaterThan(0);
    for (const e of r.fouten) {
      expect(e.code).toBe('XSD');
      expect(e.retourcode).toBe('0001');
      expect(e.line).toBeGreaterThan(0);
      expect(e.location).toMatch(/^\/[A-Za-z]/);
      expect(e.message).not.toBe(e.detail);
    }
  });
});

describe('hostile and non-iJw input is a result, never a crash', () => {
  it.each([
    ['empty.xml', 'EMPTY'],
    ['not-xml.xml', 'XML'],
    ['truncated.xml', 'XML'],
    ['doctype-billion-laughs.xml', 'DOCTYPE'],
    ['doctype-xxe.xml', 'DOCTYPE'],
    ['xinclude.xml', 'XINCLUDE'],
    ['other-release.xml', 'RELEASE'],
    ['not-ijw.xml', 'NAMESPACE'],
  ])('%s → %s', (file, code) => {
    const r = check(fixture(`hostile/${file}`));
    expect(r.valid).toBe(false);
    expect(r.fouten.map((f) => f.code)).toEqual([code]);
    expect(r.fouten[0]?.message).toMatch(/[a-z]/);
    expect(r.fouten[0]?.detail).toMatch(/[a-z]/);
  });

  it('reports a BOM but still checks the rest of the message', () => {
    const r = check(fixture('hostile/bom.xml'));
    expect(r).toMatchObject({ type: 'JW301', wellFormed: true, xsdValid: true, valid: false });
    expect(r.fouten.map((f) => f.code)).toEqual(['BOM']);
  });

  it('refuses input above the size limit before parsing it', () => {
    const bytes = fixtures('valid-')[0]!.bytes;
    expect(codes(bytes)).toEqual([]);
    const r = check(bytes, bytes.byteLength - 1);
    expect(r.fouten.map((f) => f.code)).toEqual(['SIZE']);
    expect(r.wellFormed).toBe(false);
  });

  it('refuses UTF-16 input', () => {
    const text = fixtures('valid-')[0]!.bytes.toString('utf8').replace('UTF-8', 'UTF-16');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(codes(utf16)).toEqual(['ENCODING']);
  });

  it('never expands an entity, even one hidden behind a comment in the prolog', () => {
    const doc = `<?xml version="1.0"?><!-- x --><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>`;
    const r = check(Buffer.from(doc));
    expect(r.fouten.map((f) => f.code)).toEqual(['DOCTYPE']);
    expect(JSON.stringify(r)).not.toContain('root:');
  });
});

describe('locations and privacy', () => {
  const jw301 = fixtures('valid-').find((f) => f.type === 'JW301')!;

  it('never echoes a BSN in the Dutch message or the English detail', () => {
    const text = jw301.bytes.toString('utf8').replace(/(<(\w+:)?Bsn>)[^<]*/, '$1123456A89');
    const r = check(Buffer.from(text));
    expect(r.xsdValid).toBe(false);
    const bsnError = r.fouten.find((f) => f.location.endsWith('Bsn'));
    expect(bsnError).toBeDefined();
    expect(JSON.stringify(r.fouten)).not.toContain('123456A89');
    expect(bsnError?.message).toContain('***');
  });

  it('writes locations with the prefixes the message uses, or none for a default namespace', () => {
    const prefixed = check(Buffer.from(jw301.bytes.toString('utf8').replace(/(<(\w+:)?Bsn>)[^<]*/, '$1x')));
    expect(prefixed.fouten[0]?.location).toMatch(/^\/\w+:Bericht\/\w+:Client\/\w+:Bsn$/);
    const plain = jw301.bytes
      .toString('utf8')
      .replace(/<(\/?)jw301:/g, '<$1')
      .replace('xmlns:jw301=', 'xmlns=')
      .replace(/(<Bsn>)[^<]*/, '$1x');
    const r = check(Buffer.from(plain));
    expect(r.type).toBe('JW301');
    expect(r.fouten.map((f) => f.location)).toEqual(['/Bericht/Client/Bsn']);
  });
});
