/** The order history is seeded in: Dagtekening, then the step in the process, then name. */
import { describe, expect, it } from 'vitest';
import { compareKeys, sortKey } from '../../src/cli/seed-order.js';

function head(type: string, dagtekening: string, prefix = 'x:'): string {
  return `<?xml version="1.0"?><${prefix}Bericht xmlns${prefix === '' ? '' : `:${prefix.slice(0, -1)}`}="http://www.istandaarden.nl/ijw/3_2/${type}/schema">
    <${prefix}Header><${prefix}BerichtIdentificatie><ijw:Identificatie>A</ijw:Identificatie><ijw:Dagtekening>${dagtekening}</ijw:Dagtekening>`;
}

function ordered(files: Record<string, string>): string[] {
  return Object.entries(files)
    .map(([name, text]) => sortKey(name, text))
    .sort(compareKeys)
    .map((k) => k.name);
}

describe('seed order', () => {
  it('reads the type from the namespace and the first Dagtekening, with or without a prefix', () => {
    expect(sortKey('a.xml', head('jw301', '2026-01-16'))).toEqual({ dagtekening: '2026-01-16', step: 4, name: 'a.xml' });
    expect(sortKey('b.xml', head('jw325', '2026-02-01', ''))).toMatchObject({ dagtekening: '2026-02-01', step: 9 });
    expect(sortKey('c.xml', 'not xml at all')).toEqual({ dagtekening: '', step: -1, name: 'c.xml' });
  });

  it('sorts by Dagtekening, then verzoek → antwoord → toewijzing → start/stop → declaratie → antwoord, each retour after its heen-bericht', () => {
    const day = '2026-01-16';
    expect(
      ordered({
        'z-325.xml': head('jw325', day),
        'y-323.xml': head('jw323', day),
        'x-305.xml': head('jw305', day),
        'w-302.xml': head('jw302', day),
        'v-301.xml': head('jw301', day),
        'u-320.xml': head('jw320', day),
        't-319.xml': head('jw319', day),
        's-316.xml': head('jw316', day),
        'r-317.xml': head('jw317', day),
        'q-earlier-325.xml': head('jw325', '2026-01-15'),
        'p-unreadable.xml': '',
      }),
    ).toEqual(['p-unreadable.xml', 'q-earlier-325.xml', 'r-317.xml', 's-316.xml', 't-319.xml', 'u-320.xml', 'v-301.xml', 'w-302.xml', 'x-305.xml', 'y-323.xml', 'z-325.xml']);
  });
});
