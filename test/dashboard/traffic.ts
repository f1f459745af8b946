/**
 * Message traffic for the dashboard and report tests: fixtures sent by the party in their header,
 * at moments the test's clock chooses, with what the gateway answered.
 */
import { DEMO_API_KEYS } from '../../src/mappings/demo-keys.js';
import { fixture } from '../support/fixtures.js';
import type { TestGateway } from '../support/gateway.js';

/** A clock the test moves: the gateway reads it for every message it receives. */
export function testClock(start: string): { now: () => Date; set: (iso: string) => void } {
  let current = new Date(start);
  return { now: () => current, set: (iso) => (current = new Date(iso)) };
}

export interface Sent {
  readonly fixture: string;
  readonly afzender: string;
  readonly status: number;
  readonly outcome: string;
  readonly codes: readonly string[];
  readonly id: string | null;
}

/** The demo key of the party whose code is the message's Afzender. */
export function afzenderKey(xml: string): { afzender: string; key: string } {
  const afzender = /<(?:\w+:)?Afzender>(\d+)</.exec(xml)?.[1];
  const key = afzender === undefined ? undefined : (DEMO_API_KEYS[`gemeente:${afzender}`] ?? DEMO_API_KEYS[`aanbieder:${afzender}`]);
  if (afzender === undefined || key === undefined) throw new Error(`no demo key for the Afzender ${afzender ?? '(none)'}`);
  return { afzender, key };
}

/** Sends each batch at its moment, one message after the other, and returns every answer. */
export async function sendBatches(gw: TestGateway, clock: { set: (iso: string) => void }, batches: readonly { at: string; fixtures: readonly string[] }[]): Promise<Sent[]> {
  const sent: Sent[] = [];
  for (const batch of batches) {
    clock.set(batch.at);
    for (const name of batch.fixtures) {
      const bytes = fixture(name);
      const { afzender, key } = afzenderKey(bytes.toString('utf8'));
      const reply = await gw.post(key, bytes);
      const body = reply.json<{ id: string | null; outcome: string; fouten?: { code: string }[] }>();
      // 409: an Identificatie used before for other content (TR056), traffic like any other.
      if (![202, 409, 422].includes(reply.status)) throw new Error(`${name}: unexpected ${reply.status} ${reply.text}`);
      sent.push({ fixture: name, afzender, status: reply.status, outcome: body.outcome, codes: (body.fouten ?? []).map((f) => f.code), id: body.id });
    }
  }
  return sent;
}

/** Personal data in the fixtures (BSNs, surnames, birth dates, postcodes), to prove none leaks into figures. */
export function personalData(names: readonly string[]): string[] {
  const values = new Set<string>();
  const element = /<(?:\w+:)?(Bsn|Achternaam|Voornamen|Straatnaam|Postcode)>([^<]+)</g;
  const birth = /<(?:\w+:)?Geboortedatum>\s*<(?:\w+:)?Datum>([^<]+)</g;
  for (const name of names) {
    const xml = fixture(name).toString('utf8');
    for (const m of xml.matchAll(element)) values.add(m[2]!);
    for (const m of xml.matchAll(birth)) values.add(m[1]!);
  }
  return [...values];
}
