/**
 * The quality API end to end on a real gateway: what each role sees (Ede, Veenendaal, an aanbieder,
 * the Food Valley billing office, the ketenbureau), "<5" masking, CSV, first-time-right shares,
 * transport refusals, the messages behind a count, the code list, and reaction terms across a
 * weekend and public holidays on a controlled clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixtures } from '../support/fixtures.js';
import { KEY, startTestGateway, type TestGateway } from '../support/gateway.js';

const EDE_301 = 'jw301/valid-specific-hours-per-week-after-vot.xml'; // EDE-301-0001, 0228 → 98041733
const CD005 = 'jw301/cd005-landcode-without-postcode.xml'; // EDE-301-9107, breaks CD005
const VND_301 = 'jw301/valid-veenendaal-initial-two-products.xml'; // 0345 → 98062519

/** The CD005 message sent by Veenendaal under its own Identificatie. */
function veenendaalCd005(i: number): string {
  return fixture(CD005).toString('utf8').replace(/>0228</g, '>0345<').replace('EDE-301-9107', `VND-301-91${i}`);
}

type Row = Record<string, unknown>;

function find(rows: Row[], match: Row): Row | undefined {
  return rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));
}

describe('quality API: who sees what', () => {
  let gw: TestGateway;
  const MARCH = 'van=2026-03-01&tot=2026-04-01';

  beforeAll(async () => {
    gw = await startTestGateway({ env: { IJW_MAX_BYTES: '100000' }, clock: () => new Date('2026-03-10T09:00:00.000Z') });
    const expectStatus = async (p: Promise<{ status: number }>, status: number) => expect((await p).status).toBe(status);
    // The VOT the toewijzing honours comes first (TR379): one clean message of the aanbieder's.
    await expectStatus(gw.post(KEY.jgv, fixture('jw315/valid-two-products-huisarts-referral.xml')), 202);
    await expectStatus(gw.post(KEY.ede, fixture(EDE_301)), 202);
    await expectStatus(gw.post(KEY.ede, fixture(CD005)), 202);
    await expectStatus(gw.post(KEY.ede, fixture('jw301/xsd-bsn-8-digits.xml')), 422);
    await expectStatus(gw.post(KEY.ede, Buffer.concat([fixture(EDE_301), Buffer.from('\n')])), 409); // TR056: 9056
    await expectStatus(gw.post(KEY.ede, fixture(VND_301)), 403); // not Ede's to send
    await expectStatus(gw.post(KEY.ede, Buffer.alloc(150_000, 0x20)), 413);
    await expectStatus(gw.post(KEY.ede, 'x', { 'content-type': 'text/plain' }), 415);
    await expectStatus(gw.post('wrong-key', fixture(EDE_301)), 401);
    for (let i = 0; i < 3; i++) await expectStatus(gw.post(KEY.veenendaal, veenendaalCd005(i)), 202);
    await expectStatus(gw.post(KEY.veenendaal, fixture(VND_301)), 202);
    await expectStatus(gw.post(KEY.jgv, fixture('jw305/valid-start-specific-hours.xml')), 202);
    await expectStatus(gw.post(KEY.jgv, fixture('jw305/xsd-statusaanlevering-4.xml')), 422);
  });
  afterAll(async () => {
    await gw.close();
  });

  it('needs a key', async () => {
    expect((await gw.get('/kwaliteit/defecten', null)).status).toBe(401);
    expect((await gw.get('/kwaliteit/codes', 'nope')).status).toBe(401);
  });

  it('shows a gemeente its own defects in full and other gemeenten aggregated, small cells as "<5"', async () => {
    const r = await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel,afzender`, KEY.ede);
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ perspectief: { partij: 'gemeente:0228', rol: 'gemeente' }, drempel: 5, van: '2026-03-01', tot: '2026-04-01', per: ['regel', 'afzender'] });
    const rows = body.rijen as Row[];
    expect(find(rows, { regel: 'CD005', afzender: '0228' })).toEqual({ regel: 'CD005', afzender: '0228', aantal: 1, eigen: true });
    expect(find(rows, { regel: 'TR056', afzender: '0228' })).toMatchObject({ aantal: 1, eigen: true });
    for (const http of ['HTTP403', 'HTTP413', 'HTTP415']) expect(find(rows, { regel: http, afzender: '0228' }), http).toMatchObject({ aantal: 1, eigen: true });
    expect((find(rows, { regel: 'XSD', afzender: '0228' })?.aantal as number) ?? 0).toBeGreaterThanOrEqual(1);
    // Veenendaal's three CD005 and everyone else's: one row per rule, party hidden, masked.
    expect(find(rows, { regel: 'CD005', afzender: '(overig)' })).toEqual({ regel: 'CD005', afzender: '(overig)', aantal: '<5', eigen: false });
    expect(find(rows, { regel: 'HTTP401', afzender: '(overig)' })).toMatchObject({ aantal: '<5', eigen: false });
    expect(rows.filter((x) => x.eigen === false).every((x) => x.afzender === '(overig)')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/0345|98062519/);
  });

  it('shows Veenendaal the mirror image', async () => {
    const rows = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel,afzender`, KEY.veenendaal)).json().rijen as Row[];
    expect(find(rows, { regel: 'CD005', afzender: '0345' })).toMatchObject({ aantal: 3, eigen: true });
    expect(find(rows, { regel: 'CD005', afzender: '(overig)' })).toMatchObject({ aantal: '<5', eigen: false });
    expect(JSON.stringify(rows)).not.toMatch(/0228/);
  });

  it('keeps other gemeenten per regio for a gemeente, and a party filter returns own rows only', async () => {
    const rows = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regio,gemeente&regel=CD005`, KEY.ede)).json().rijen as Row[];
    expect(rows).toContainEqual({ regio: 'Food Valley', gemeente: '0228', aantal: 1, eigen: true });
    expect(rows).toContainEqual({ regio: 'Food Valley', gemeente: '(overig)', aantal: '<5', eigen: false });
    const filtered = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel&afzender=0345`, KEY.ede)).json();
    expect(filtered.rijen).toEqual([]);
    expect(filtered.totaal).toBe(0);
  });

  it('shows an aanbieder its own traffic and only national aggregates of the rest', async () => {
    const body = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel,afzender,regio`, KEY.jgv)).json();
    expect(body.perspectief).toEqual({ partij: 'aanbieder:98041733', rol: 'aanbieder' });
    const rows = body.rijen as Row[];
    // Its own XSD-invalid JW305 is counted under its AGB code, though the header could not be read.
    expect(find(rows, { regel: 'XSD', afzender: '98041733' })).toMatchObject({ eigen: true });
    // Ede's rejected JW301 was addressed to it: its own traffic.
    expect(find(rows, { regel: 'CD005', afzender: '0228', regio: 'Food Valley' })).toMatchObject({ aantal: 1, eigen: true });
    expect(rows.filter((x) => x.eigen === false).every((x) => x.afzender === '(overig)' && x.regio === '(overig)')).toBe(true);
  });

  it('shows the billing office its regio in full, and the ketenbureau everything', async () => {
    const fb = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel,gemeente&regel=CD005`, KEY.factuurbureau)).json().rijen as Row[];
    expect(fb).toEqual(
      expect.arrayContaining([
        { regel: 'CD005', gemeente: '0228', aantal: 1, eigen: true },
        { regel: 'CD005', gemeente: '0345', aantal: 3, eigen: true },
      ]),
    );
    const all = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel,afzender,ontvanger`, KEY.beheer)).json();
    expect(all.perspectief.rol).toBe('beheerder');
    expect(all.rijen.every((x: Row) => x.eigen === true)).toBe(true);
    expect(find(all.rijen, { regel: 'CD005', afzender: '0345', ontvanger: '98041733' })).toMatchObject({ aantal: 3 });
    expect(find(all.rijen, { regel: 'HTTP401', afzender: 'onbekend' })).toMatchObject({ aantal: 1 });
    expect(all.totaalVolledig).toBe(true);
    expect(all.totaal).toBe((all.rijen as { aantal: number }[]).reduce((s, x) => s + x.aantal, 0));
  });

  it('never gives a single masked cell away through the total', async () => {
    // Ede: own rows exact, one masked row for everyone else's CD005 (3).
    const body = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel&regel=CD005`, KEY.ede)).json();
    expect(body.rijen).toEqual([
      { regel: 'CD005', aantal: 1, eigen: true },
      { regel: 'CD005', aantal: '<5', eigen: false },
    ]);
    expect(body).toMatchObject({ totaal: '<5' });
    // JW301 only: Ede's own rows and one masked row (Veenendaal's three CD005): the total leaves it out.
    const jw301 = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel&type=JW301`, KEY.ede)).json();
    const rows = jw301.rijen as { aantal: number | string; eigen: boolean }[];
    expect(rows.filter((x) => typeof x.aantal === 'string')).toEqual([{ regel: 'CD005', aantal: '<5', eigen: false }]);
    expect(jw301).toMatchObject({ totaal: rows.reduce((s, x) => s + (typeof x.aantal === 'number' ? x.aantal : 0), 0), totaalVolledig: false });
    const beheer = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel&type=JW301`, KEY.beheer)).json();
    expect(beheer.totaal).toBe(jw301.totaal + 3);
  });

  it('answers CSV for ?format=csv and for Accept: text/csv, semicolon-separated with a header row', async () => {
    const r = await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel,afzender&format=csv`, KEY.ede);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = r.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('regel;afzender;aantal;eigen');
    expect(lines).toContain('CD005;0228;1;ja');
    expect(lines).toContain('CD005;(overig);<5;nee');
    const json = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel,afzender`, KEY.ede)).json();
    expect(lines).toHaveLength(json.rijen.length + 1);
    const accept = await gw.get(`/kwaliteit/termijnen?${MARCH}`, KEY.ede, { accept: 'text/csv' });
    expect(accept.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('partij;maand;soort;open;opTijd;teLaat;eigen');
  });

  it('refuses unknown dimensions and bad dates with 400', async () => {
    expect((await gw.get('/kwaliteit/defecten?per=bsn', KEY.ede)).status).toBe(400);
    expect((await gw.get('/kwaliteit/eerste-keer?per=regel', KEY.ede)).status).toBe(400);
    expect((await gw.get('/kwaliteit/defecten?van=2026-02-30', KEY.ede)).status).toBe(400);
    expect((await gw.get('/kwaliteit/defecten?van=2026-03-02&tot=2026-03-01', KEY.ede)).status).toBe(400);
  });

  it('gives the share accepted first time per sender', async () => {
    const rows = (await gw.get(`/kwaliteit/eerste-keer?${MARCH}`, KEY.ede)).json().rijen as Row[];
    // Ede: 301 accepted clean, CD005 rejected, XSD invalid, TR056 conflict: 4 stored, 1 clean.
    expect(find(rows, { afzender: '0228' })).toEqual({ afzender: '0228', berichten: 4, eersteKeerGoed: 1, aandeel: 0.25, eigen: true });
    const all = (await gw.get(`/kwaliteit/eerste-keer?${MARCH}`, KEY.beheer)).json().rijen as Row[];
    expect(find(all, { afzender: '0345' })).toMatchObject({ berichten: 4, eersteKeerGoed: 1, aandeel: 0.25 });
    // The VOT and the start clean, the start with StatusAanlevering 4 XSD-invalid.
    expect(find(all, { afzender: '98041733' })).toMatchObject({ berichten: 3, eersteKeerGoed: 2, aandeel: 0.6667 });
  });

  it('lists the messages behind a count that the caller may see, each linking to its detail', async () => {
    const mine = (await gw.get('/kwaliteit/berichten?regel=CD005&maand=2026-03', KEY.ede)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ type: 'JW301', afzender: '0228', ontvanger: '98041733', status: 'rejected', regels: ['CD005'], retourcodes: ['0001'] });
    expect(mine.items[0].bericht).toBe(`/berichten/${mine.items[0].id}`);
    expect((await gw.get(mine.items[0].bericht, KEY.ede)).status).toBe(200);
    // The addressee never received the refused message, so it cannot open it.
    expect((await gw.get('/kwaliteit/berichten?regel=CD005', KEY.jgv)).json().items).toEqual([]);
    const xsd = (await gw.get('/kwaliteit/berichten?regel=XSD', KEY.jgv)).json().items as Row[];
    expect(xsd).toHaveLength(1);
    expect(xsd[0]).toMatchObject({ afzender: null, status: 'invalid' });
    const page = (await gw.get('/kwaliteit/berichten?regel=CD005&limit=2', KEY.beheer)).json();
    expect(page.items).toHaveLength(2);
    const rest = (await gw.get(`/kwaliteit/berichten?regel=CD005&limit=2&after=${page.next}`, KEY.beheer)).json();
    expect(rest.items).toHaveLength(2);
    expect(rest.next).toBeNull();
    expect((await gw.get('/kwaliteit/berichten?retourcode=9056&afzender=0228', KEY.beheer)).json().items).toHaveLength(1);
  });

  it('explains every code it counts', async () => {
    const { retourcodes, regels } = (await gw.get('/kwaliteit/codes', KEY.jgv)).json();
    expect(retourcodes['9056']).toBe('Identificatie moet uniek zijn.');
    for (const code of ['XSD', 'CD005', 'TR056', 'TR378', 'HTTP401', 'HTTP403', 'HTTP413', 'HTTP415', 'EMPTY']) expect(regels[code], code).toMatch(/\w/);
    const all = (await gw.get(`/kwaliteit/defecten?${MARCH}&per=regel,retourcode`, KEY.beheer)).json().rijen as Row[];
    for (const r of all) {
      expect(regels[r.regel as string], String(r.regel)).toBeDefined();
      if (r.retourcode !== 'onbekend') expect(retourcodes[r.retourcode as string], String(r.retourcode)).toBeDefined();
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await gw.get('/docs/json', null)).json();
    for (const path of ['/kwaliteit/defecten', '/kwaliteit/eerste-keer', '/kwaliteit/termijnen', '/kwaliteit/berichten', '/kwaliteit/codes']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

describe('quality API: no personal data', () => {
  it('holds no BSN or birth date of the messages in any tally, answer or CSV', async () => {
    const gw = await startTestGateway({ clock: () => new Date('2026-03-10T09:00:00.000Z') });
    try {
      const bsns = new Set<string>();
      const births = new Set<string>();
      const keyFor = (afzender: string) => ({ '0228': KEY.ede, '0345': KEY.veenendaal, '98041733': KEY.jgv, '98062519': KEY.kompas })[afzender];
      for (const f of [...fixtures('valid-'), ...fixtures('cd0'), ...fixtures('xsd-')]) {
        const xml = f.bytes.toString('utf8');
        for (const m of xml.matchAll(/<(?:\w+:)?Bsn>(\d{9})</g)) bsns.add(m[1]!);
        for (const m of xml.matchAll(/Geboortedatum>\s*<(?:\w+:)?Datum>(\d{4}-\d{2}-\d{2})</g)) births.add(m[1]!);
        const afzender = /<(?:\w+:)?Afzender>(\d+)</.exec(xml)?.[1] ?? '';
        const type = f.type ?? '';
        // Retours are sent by the Ontvanger of the copied header.
        const sender = ['JW302', 'JW306', 'JW308', 'JW316', 'JW318', 'JW320'].includes(type) ? /<(?:\w+:)?Ontvanger>(\d+)</.exec(xml)?.[1] ?? '' : afzender;
        const key = keyFor(sender);
        if (key !== undefined) await gw.post(key, f.bytes);
      }
      expect(bsns.size).toBeGreaterThanOrEqual(5);
      expect(births.size).toBeGreaterThanOrEqual(3);
      const answers: string[] = [];
      for (const key of [KEY.ede, KEY.jgv, KEY.factuurbureau, KEY.beheer]) {
        for (const path of [
          '/kwaliteit/defecten?van=2026-01-01&tot=2027-01-01&per=dag,regel,retourcode,type,afzender,ontvanger,gemeente,regio,variant',
          '/kwaliteit/eerste-keer?van=2026-01-01&tot=2027-01-01&per=dag,type,afzender,ontvanger,gemeente,regio,variant',
          '/kwaliteit/termijnen?van=2020-01-01&tot=2030-01-01',
          '/kwaliteit/berichten?limit=500',
          '/kwaliteit/codes',
        ]) {
          for (const format of ['', path.includes('?') ? '&format=csv' : '?format=csv']) {
            const r = await gw.get(`${path}${format}`, key);
            expect(r.status, path).toBe(200);
            answers.push(r.text);
          }
        }
      }
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(`${gw.dataDir}/ijw-gateway.sqlite`, { readonly: true });
      try {
        for (const table of ['quality_counts', 'quality_defects', 'quality_deadlines', 'refusals']) {
          answers.push(JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()));
        }
        expect(db.prepare('SELECT COUNT(*) AS n FROM quality_counts').get()).not.toEqual({ n: 0 });
      } finally {
        db.close();
      }
      const all = answers.join('\n');
      for (const bsn of bsns) expect(all.includes(bsn), `BSN ${bsn}`).toBe(false);
      for (const date of births) expect(all.includes(date), `birth date ${date}`).toBe(false);
    } finally {
      await gw.close();
    }
  });
});

describe('quality API: reaction terms in werkdagen', () => {
  let gw: TestGateway;
  let now = new Date('2026-04-02T08:00:00.000Z');
  const at = (day: string) => {
    now = new Date(`${day}T08:00:00.000Z`);
  };
  const terms = async (key: string, query = '') =>
    (await gw.get(`/kwaliteit/termijnen?van=2026-01-01&tot=2027-01-01${query}`, key)).json().rijen as Row[];

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now });
    const send = async (key: string, name: string, status = 202) => expect((await gw.post(key, fixture(name))).status, name).toBe(status);
    // Thursday 2 April 2026, before Goede Vrijdag (3 April) and Tweede Paasdag (6 April): three
    // werkdagen run to Thursday 9 April, five to Monday 13 April.
    at('2026-04-02');
    await send(KEY.jgv, 'jw315/valid-two-products-huisarts-referral.xml'); // two verzoeken to Ede
    // The VOTs the other two toewijzingen honour (TR379), each honoured the same day.
    await send(KEY.jgv, 'jw315/valid-aspecific-budget-with-beschikking.xml');
    await send(KEY.jgv, 'jw315/valid-generic-budget-gi-referral.xml');
    await send(KEY.ede, EDE_301); // honours JGV-R-2026-0001 the same day
    await send(KEY.ede, 'jw301/valid-aspecific-etmaal-euro-total.xml'); // EDE-301-0002
    await send(KEY.ede, 'jw301/valid-generic-budget-guardian-organisation.xml'); // EDE-301-0003, never answered
    await send(KEY.ede, CD005); // rejected: the gateway answered at once
    await send(KEY.jgv, 'jw305/valid-start-specific-hours.xml'); // care started Monday 2 February: due 9 February
    at('2026-04-09');
    await send(KEY.jgv, 'jw302/valid-accepted-specific-after-vot.xml'); // retour on EDE-301-0001: the last day
    at('2026-04-10');
    await send(KEY.jgv, 'jw302/valid-accepted-aspecific-etmaal-euro.xml'); // retour on EDE-301-0002: a day late
    // Woonplaatsbeginsel: JW315 on Thursday 16 April; two weeks run to Thursday 30 April, where ten
    // werkdagen would run to Friday 1 May (Koningsdag, 27 April, is no werkdag).
    at('2026-04-16');
    await send(KEY.kompas, 'jw315/valid-unknown-birthday-veenendaal.xml');
    at('2026-05-01');
    await send(KEY.veenendaal, 'jw319/valid-vot-rejected-woonplaatsbeginsel.xml');
  });
  afterAll(async () => {
    await gw.close();
  });

  it('counts retour terms met on the last werkdag, breached a day later, and rejected messages as answered at once', async () => {
    at('2026-04-09');
    const rows = await terms(KEY.beheer, '&soort=retour');
    expect(find(rows, { partij: '98041733', maand: '2026-04', soort: 'retour' })).toEqual({
      partij: '98041733',
      maand: '2026-04',
      soort: 'retour',
      open: 1, // EDE-301-0003, due 9 April, still today
      opTijd: 2, // EDE-301-0001 on 9 April, and the rejected CD005 message
      teLaat: 1, // EDE-301-0002 answered on 10 April
      eigen: true,
    });
  });

  it('turns an open term past its due date into a breach at the query\'s now', async () => {
    at('2026-04-10');
    const rows = await terms(KEY.beheer, '&soort=retour');
    expect(find(rows, { partij: '98041733', soort: 'retour' })).toMatchObject({ open: 0, opTijd: 2, teLaat: 2 });
    // Ede never sent the three JW316 and the JW306 for what it received on 2 April: all due 9 April.
    expect(find(rows, { partij: '0228', soort: 'retour' })).toMatchObject({ open: 0, opTijd: 0, teLaat: 4 });
  });

  it('counts the answer on a verzoek per verzoek, across Easter', async () => {
    at('2026-04-13');
    const rows = await terms(KEY.ede, '&soort=antwoord');
    // JGV-R-2026-0001, -0003 and -0004 honoured the same day; JGV-R-2026-0002 open until Monday 13 April.
    expect(find(rows, { partij: '0228', soort: 'antwoord' })).toMatchObject({ opTijd: 3, open: 1, teLaat: 0, eigen: true });
    at('2026-04-14');
    expect(find(await terms(KEY.ede, '&soort=antwoord'), { partij: '0228', soort: 'antwoord' })).toMatchObject({ opTijd: 3, open: 0, teLaat: 1 });
  });

  it('judges a start against its Begindatum', async () => {
    const rows = await terms(KEY.jgv, '&soort=startstop');
    expect(rows).toEqual([{ partij: '98041733', maand: '2026-02', soort: 'startstop', open: 0, opTijd: 0, teLaat: 1, eigen: true }]);
  });

  it('gives a woonplaatsbeginsel rejection two calendar weeks, not ten werkdagen', async () => {
    const rows = await terms(KEY.veenendaal, '&soort=woonplaats');
    expect(rows).toEqual([{ partij: '0345', maand: '2026-04', soort: 'woonplaats', open: 0, opTijd: 0, teLaat: 1, eigen: true }]);
  });

  it('shows other parties\' terms aggregated and masked', async () => {
    at('2026-04-10');
    const rows = await terms(KEY.veenendaal, '&soort=retour');
    const others = rows.filter((r) => r.eigen === false);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.partij === '(overig)')).toBe(true);
    // Ede's four late retours and the aanbieder's two together reach the threshold; the two on time do not.
    expect(find(others, { maand: '2026-04' })).toMatchObject({ teLaat: 6, opTijd: '<5' });
  });
});
