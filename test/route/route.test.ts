import { describe, expect, it } from 'vitest';
import { defaultMappingsDir, loadMappings } from '../../src/mappings/load.js';
import type { Party } from '../../src/mappings/types.js';
import { mayActFor, route, sides, typesSentByFactuurbureau, type Route } from '../../src/route/route.js';
import { MESSAGE_TYPES, MESSAGES, type MessageType } from '../../src/standard/catalogue.js';

const dir = loadMappings(defaultMappingsDir());
const FOOD_VALLEY = ['0203', '0228', '0267', '0279', '0339', '0340', '0345'];
const AGB = '98041733';

function routed(type: MessageType, Afzender: string, Ontvanger: string): Route {
  const r = route(type, { Afzender, Ontvanger }, dir);
  if (!r.ok) throw new Error(`unroutable: ${JSON.stringify(r)}`);
  return r;
}

function party(id: string): Party {
  const p = dir.partyById(id);
  if (p === undefined) throw new Error(`no party ${id}`);
  return p;
}

describe('route: centrale facturatie in Food Valley', () => {
  it('sends JW323 for every Food Valley gemeente to the factuurbureau, keeping the gemeente as recipientCode', () => {
    for (const code of FOOD_VALLEY) {
      const r = routed('JW323', AGB, code);
      expect(r).toMatchObject({ senderCode: AGB, senderSide: 'aanbieder', recipientCode: code, factuurbureau: true });
      expect(r.recipient.id).toBe('factuurbureau:food-valley');
    }
  });

  it('keeps the JW315 → JW301 flow with Ede itself', () => {
    const jw315 = routed('JW315', AGB, '0228');
    expect(jw315).toMatchObject({ senderCode: AGB, recipientCode: '0228', factuurbureau: false });
    expect(jw315.recipient.id).toBe('gemeente:0228');

    const jw301 = routed('JW301', '0228', AGB);
    expect(jw301).toMatchObject({ senderCode: '0228', senderSide: 'gemeente', recipientCode: AGB, factuurbureau: false });
    expect(jw301.recipient.id).toBe(`aanbieder:${AGB}`);
  });

  it('sends the factuurbureau’s JW325 (Afzender: the gemeente) to the aanbieder', () => {
    const r = routed('JW325', '0228', AGB);
    expect(r).toMatchObject({ senderCode: '0228', recipientCode: AGB, factuurbureau: false });
    expect(r.recipient.id).toBe(`aanbieder:${AGB}`);
  });
});

describe('route: Holland-Rijnland has no central billing office', () => {
  it('sends JW323 to the gemeente, configured or not', () => {
    expect(routed('JW323', '98090127', '0546').recipient.id).toBe('gemeente:0546');
    const hillegom = routed('JW323', '98090127', '0534');
    expect(hillegom).toMatchObject({ factuurbureau: false, recipient: { id: 'gemeente:0534', name: 'Hillegom', delivery: { mode: 'mailbox' } } });
  });
});

describe('route: retour-berichten travel against their copied header', () => {
  it('sends JW316 (header of the JW315: aanbieder → gemeente) from Ede back to the aanbieder', () => {
    const r = routed('JW316', AGB, '0228');
    expect(r).toMatchObject({ senderCode: '0228', senderSide: 'gemeente', recipientCode: AGB, factuurbureau: false });
    expect(r.recipient.id).toBe(`aanbieder:${AGB}`);
  });

  it('sends JW302 (header of the JW301: gemeente → aanbieder) from the aanbieder back to Ede, not to the factuurbureau', () => {
    const r = routed('JW302', '0228', AGB);
    expect(r).toMatchObject({ senderCode: AGB, senderSide: 'aanbieder', recipientCode: '0228', factuurbureau: false });
    expect(r.recipient.id).toBe('gemeente:0228');
  });

  it('makes every retour travel opposite to its heen-bericht', () => {
    for (const type of MESSAGE_TYPES) {
      const heen = MESSAGES[type].answers;
      if (heen === undefined) expect(sides(type).sender, type).toBe(MESSAGES[type].afzender);
      else expect(sides(type), type).toEqual({ sender: sides(heen).recipient, recipient: sides(heen).sender });
    }
  });
});

describe('route: unknown parties', () => {
  it('gives an unknown aanbieder a mailbox party', () => {
    const r = routed('JW301', '0228', '12345678');
    expect(r.recipient).toMatchObject({ id: 'aanbieder:12345678', delivery: { mode: 'mailbox' } });
  });

  it('reports a gemeentecode that is no gemeente as unroutable', () => {
    expect(route('JW315', { Afzender: AGB, Ontvanger: '0999' }, dir)).toEqual({
      ok: false,
      reason: 'unknown-gemeente',
      senderCode: AGB,
      senderSide: 'aanbieder',
      recipientCode: '0999',
    });
  });
});

describe('typesSentByFactuurbureau', () => {
  it('is JW325 for an office that receives JW323', () => {
    expect(typesSentByFactuurbureau(['JW323'])).toEqual(['JW325']);
  });

  it('includes retours and functional answers for an office that would handle JW315', () => {
    expect(typesSentByFactuurbureau(['JW315'])).toEqual(['JW301', 'JW316', 'JW319']);
  });
});

describe('mayActFor', () => {
  const ede = party('gemeente:0228');
  const aanbieder = party(`aanbieder:${AGB}`);
  const intermediair = party('intermediair:berichtenbrug');
  const office = party('factuurbureau:food-valley');

  it('lets a party send as itself, on the side the type is sent from', () => {
    expect(mayActFor(ede, '0228', 'JW301', dir)).toBe(true);
    expect(mayActFor(ede, '0228', 'JW316', dir)).toBe(true);
    expect(mayActFor(aanbieder, AGB, 'JW315', dir)).toBe(true);
    expect(mayActFor(aanbieder, AGB, 'JW323', dir)).toBe(true);
    expect(mayActFor(aanbieder, AGB, 'JW302', dir)).toBe(true);
    // An aanbieder never sends a JW301, whatever code it claims.
    expect(mayActFor(aanbieder, AGB, 'JW301', dir)).toBe(false);
  });

  it('lets an intermediary send for the aanbieders in its actsFor only', () => {
    expect(mayActFor(intermediair, '98062519', 'JW315', dir)).toBe(true);
    expect(mayActFor(intermediair, '98085402', 'JW323', dir)).toBe(true);
    expect(mayActFor(intermediair, AGB, 'JW315', dir)).toBe(false);
  });

  it('lets the factuurbureau send JW325 for the gemeenten of its regio, and nothing else', () => {
    for (const code of FOOD_VALLEY) expect(mayActFor(office, code, 'JW325', dir), code).toBe(true);
    expect(mayActFor(office, '0546', 'JW325', dir)).toBe(false);
    expect(mayActFor(office, '0228', 'JW301', dir)).toBe(false);
    expect(mayActFor(office, '0228', 'JW323', dir)).toBe(false);
  });

  it('refuses strangers: another gemeente, an aanbieder for a gemeente, the operator', () => {
    expect(mayActFor(party('gemeente:0546'), '0228', 'JW301', dir)).toBe(false);
    expect(mayActFor(ede, '0345', 'JW325', dir)).toBe(false);
    expect(mayActFor(aanbieder, '98062519', 'JW315', dir)).toBe(false);
    expect(mayActFor(party('ketenbureau:beheer'), '0228', 'JW301', dir)).toBe(false);
    expect(mayActFor(party('ketenbureau:beheer'), AGB, 'JW323', dir)).toBe(false);
  });

  it('works with the party found by API key, as the HTTP layer will use it', () => {
    const actor = dir.byApiKey('demo-factuurbureau-food-valley-not-secret');
    expect(actor).toBeDefined();
    const r = routed('JW325', '0345', '98062519');
    expect(mayActFor(actor as Party, r.senderCode, 'JW325', dir)).toBe(true);
  });
});
