import { describe, expect, it } from 'vitest';
import { shortenNames, translateXsdError } from '../../src/validate/xsd-messages.js';

const NS = 'http://www.istandaarden.nl/ijw/3_2/jw301/schema';
const BASIS = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';

describe('translateXsdError', () => {
  it('shortens namespaces to the standard prefixes', () => {
    expect(shortenNames(`Element '{${NS}}Client' and '{${BASIS}}LDT_Datum'`)).toBe("Element 'jw301:Client' and 'ijw:LDT_Datum'");
  });

  it.each([
    [`Element '{${NS}}Afzender': [facet 'pattern'] The value '123' is not accepted by the pattern '[0-9]{4}'.`, /voldoet niet aan het patroon '\[0-9\]\{4\}'/],
    [`Element '{${BASIS}}Identificatie': [facet 'maxLength'] The value 'ABCDEFGHIJKLM' has a length of '13'; this exceeds the allowed maximum length of '12'.`, /13 tekens lang; maximaal 12/],
    [`Element '{${NS}}Geslacht': [facet 'enumeration'] The value '7' is not an element of the set {'0', '1', '2'}.`, /'7' komt niet voor in de codelijst/],
    [`Element '{${BASIS}}Volume': [facet 'maxInclusive'] The value '100000000' is greater than the maximum value allowed ('99999999').`, /groter dan het maximum 99999999/],
    [`Element '{${NS}}Foo': This element is not expected. Expected is ( {${NS}}Bsn ).`, /jw301:Foo staat hier niet op zijn plaats; verwacht: jw301:Bsn/],
    [`Element '{${NS}}Client': Missing child element(s). Expected is ( {${NS}}Contactgegevens ).`, /mist een verplicht element: jw301:Contactgegevens/],
  ])('%s', (raw, dutch) => {
    const t = translateXsdError(raw);
    expect(t.message).toMatch(dutch);
    expect(t.detail).not.toContain('{http');
  });

  it('falls back to a generic Dutch sentence, keeping the English detail', () => {
    const t = translateXsdError(`Element '{${NS}}Client': something libxml2 says rarely.`);
    expect(t.message).toBe('Het bericht voldoet niet aan het XSD-schema bij element jw301:Client.');
    expect(t.detail).toContain('something libxml2 says rarely');
  });

  it('masks values of personal-data elements in both texts', () => {
    const t = translateXsdError(`Element '{${NS}}Bsn': [facet 'pattern'] The value '99999999' is not accepted by the pattern '[0-9]{9}'.`);
    expect(t.message + t.detail).not.toContain('99999999');
    const d = translateXsdError(`Element '{${BASIS}}Datum': '1999-02-30' is not a valid value of the atomic type '{${BASIS}}LDT_Datum'.`);
    expect(d.message + d.detail).not.toContain('1999-02-30');
  });

  it('keeps values of non-personal elements, which help the sender', () => {
    const t = translateXsdError(`Element '{${NS}}Afzender': [facet 'pattern'] The value '123' is not accepted by the pattern '[0-9]{4}'.`);
    expect(t.message).toContain("'123'");
  });
});
