import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMappings } from '../../src/mappings/load.js';
import { deadlineFacts, NO_DEADLINE_FACTS, qualityFacts, refusalFacts } from '../../src/quality/facts.js';
import { checkMessage } from '../../src/validate/rules/run.js';
import { fixture } from '../support/fixtures.js';
import { mappingsCopy } from '../support/gateway.js';

/** The sample mappings with Food Valley buying `variant`. */
function withVariant(variant: string): string {
  const dir = mappingsCopy();
  const file = join(dir, 'regios.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { regios: Record<string, unknown>[] };
  json.regios[0]!.uitvoeringsvariant = variant;
  writeFileSync(file, JSON.stringify(json));
  return dir;
}

describe('qualityFacts', () => {
  const directory = loadMappings(withVariant('outputgericht'));
  const party = (id: string) => directory.partyById(id)!;

  it('takes regio and variant from the gemeente side of the header', () => {
    expect(qualityFacts(directory, party('aanbieder:98041733'), { afzender: '98041733', ontvanger: '0345' }, NO_DEADLINE_FACTS)).toEqual({
      sender: '98041733',
      regio: 'Food Valley',
      variant: 'outputgericht',
      eventDate: null,
      woonplaats: false,
    });
    expect(qualityFacts(directory, party('gemeente:0546'), { afzender: '0546', ontvanger: '98090127' }, NO_DEADLINE_FACTS)).toMatchObject({ regio: 'Holland-Rijnland', variant: null });
  });

  it('falls back on the sending party when no header could be read', () => {
    expect(qualityFacts(directory, party('aanbieder:98041733'), null, NO_DEADLINE_FACTS)).toMatchObject({ sender: '98041733', regio: null });
    expect(qualityFacts(directory, party('gemeente:0228'), null, NO_DEADLINE_FACTS)).toMatchObject({ sender: '0228', regio: 'Food Valley' });
    expect(refusalFacts(directory, party('factuurbureau:food-valley'))).toMatchObject({ sender: 'factuurbureau:food-valley', regio: 'Food Valley' });
    expect(refusalFacts(directory, null)).toMatchObject({ sender: '', regio: null });
  });

  it('accepts only the three uitvoeringsvarianten in regios.json', () => {
    expect(() => loadMappings(withVariant('resultaatgericht'))).toThrow(/uitvoeringsvariant/);
  });
});

describe('deadlineFacts', () => {
  // Three starts (StatusAanlevering 1), from 2026-03-02, 2026-03-02 and 2026-03-03.
  const starts = fixture('jw305/valid-start-three-products.xml').toString('utf8');
  const read = (text: string) => deadlineFacts('JW305', checkMessage('JW305', text).message);

  it('counts the term of a JW305 from its earliest start', () => {
    const begins = [...starts.matchAll(/<jw305:Begindatum>([^<]+)</g)].map((m) => m[1]!).sort();
    expect(begins.length).toBeGreaterThan(1);
    expect(read(starts)).toEqual({ eventDate: begins[0], woonplaats: false });
  });

  it('starts no term from a date outside 0001–9999, which the schema takes but the calendar cannot count from', () => {
    const far = starts.replace(/<jw305:Begindatum>(\d{4})/g, '<jw305:Begindatum>1$1');
    expect(far).toContain('<jw305:Begindatum>12026');
    expect(read(far)).toEqual({ eventDate: null, woonplaats: false });
    const past = starts.replace(/<jw305:Begindatum>(\d{4})/g, '<jw305:Begindatum>-$1');
    expect(read(past)).toEqual({ eventDate: null, woonplaats: false });
  });
});
