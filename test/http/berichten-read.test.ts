/**
 * The read side of /berichten: detail with report, history, deliveries and correlation links; the
 * raw message; what each caller may see; filters and paging; who may replay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { KEY, startTestGateway, type TestGateway } from '../support/gateway.js';

// After the last Dagtekening of the fixtures below (2026-05-15): nothing is dated in the gateway's future (TR135).
const T0 = Date.parse('2026-05-18T08:00:00.000Z');
const HOUR = 3_600_000;

interface Summary {
  id: string;
  receivedAt: string;
  type: string | null;
  afzender: string | null;
  ontvanger: string | null;
  status: string;
  senderId: string;
  recipientId: string | null;
}

describe('GET /berichten and /berichten/:id', () => {
  let gw: TestGateway;
  let now = T0;
  /** Message ids by a short name, in the order sent. */
  const ids: Record<string, string> = {};

  async function send(name: string, key: string, file: string, hour: number, status = 202): Promise<Record<string, any>> {
    now = T0 + hour * HOUR;
    const r = await gw.post(key, fixture(file));
    expect(r.status, file).toBe(status);
    ids[name] = r.json().id;
    return r.json();
  }

  async function list(key: string, query = ''): Promise<{ berichten: Summary[]; volgende: string | null }> {
    const r = await gw.get(`/berichten${query}`, key);
    expect(r.status, r.text).toBe(200);
    return r.json();
  }

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => new Date(now) });
    // One scenario, Ede ↔ Jeugdhulp Gelderse Vallei: request, its retour, the toewijzing that answers
    // it and the toewijzing's retour; then a claim, which the gateway answers for the factuurbureau
    // (centrale facturatie), and the factuurbureau's own answer, refused: the claim has its answer.
    await send('jw315', KEY.jgv, 'jw315/valid-two-products-huisarts-referral.xml', 0); // JGV-315-0001
    await send('jw316', KEY.ede, 'jw316/valid-accepted-vot-two-products.xml', 1); // EDE-316-0001
    await send('jw301', KEY.ede, 'jw301/valid-specific-hours-per-week-after-vot.xml', 2); // EDE-301-0001
    await send('jw302', KEY.jgv, 'jw302/valid-accepted-specific-after-vot.xml', 3); // JGV-302-0001
    ids.jw323antwoord = (await send('jw323', KEY.jgv, 'jw323/valid-february-single-client.xml', 4)).antwoord.id; // JGV-323-0001
    await send('jw325', KEY.factuurbureau, 'jw325/valid-fully-approved-february.xml', 5); // EDE-325-0001
    // Veenendaal ↔ Kompas.
    await send('kmp315', KEY.kompas, 'jw315/valid-unknown-birthday-veenendaal.xml', 6);
    await send('vnd301', KEY.veenendaal, 'jw301/valid-veenendaal-initial-two-products.xml', 7);
    // Refused and rejected messages of Ede.
    await send('invalid', KEY.ede, 'jw301/xsd-missing-bsn.xml', 8, 422);
    const rejected = await send('rejected', KEY.ede, 'jw301/cd005-landcode-without-postcode.xml', 9);
    ids.generated = rejected.antwoord.id;
    // A change request and the functional answer to it.
    await send('kmp317', KEY.kompas, 'jw317/valid-change-volume-and-new-product.xml', 10); // KMP-V-2026-0001
    await send('vnd319', KEY.veenendaal, 'jw319/valid-vow-in-onderzoek.xml', 11);
    // EDE-301-0001 once more, with other content: refused (TR056) and never forwarded.
    now = T0 + 12 * HOUR;
    const conflict = await gw.post(KEY.ede, Buffer.concat([fixture('jw301/valid-specific-hours-per-week-after-vot.xml'), Buffer.from('\n')]));
    expect(conflict.status).toBe(409);
    ids.conflict = conflict.json().id;
    ids.conflictRetour = conflict.json().antwoord.id;
  });
  afterAll(async () => {
    await gw.close();
  });

  it('links each message to what it answers: JW315 ← JW301 (answers), JW301 ← JW302 (retour-of), JW323 ← JW325 (declaratie-antwoord)', async () => {
    const jw301 = (await gw.get(`/berichten/${ids.jw301}`, KEY.ede)).json();
    expect(jw301.related).toEqual(
      expect.arrayContaining([
        { id: ids.jw315, kind: 'answers', direction: 'to', type: 'JW315' },
        { id: ids.jw302, kind: 'retour-of', direction: 'from', type: 'JW302' },
      ]),
    );
    const jw315 = (await gw.get(`/berichten/${ids.jw315}`, KEY.jgv)).json();
    expect(jw315.related).toEqual(
      expect.arrayContaining([
        { id: ids.jw301, kind: 'answers', direction: 'from', type: 'JW301' },
        { id: ids.jw316, kind: 'retour-of', direction: 'from', type: 'JW316' },
      ]),
    );
    const jw323 = (await gw.get(`/berichten/${ids.jw323}`, KEY.jgv)).json();
    // Its answer is the gateway's (for the factuurbureau); the factuurbureau's own, refused, is not shown to the aanbieder.
    expect(jw323.related).toEqual([{ id: ids.jw323antwoord, kind: 'generated-for', direction: 'from', type: 'JW325' }]);
    const jw325 = (await gw.get(`/berichten/${ids.jw325}`, KEY.factuurbureau)).json();
    expect(jw325.related).toEqual([{ id: ids.jw323, kind: 'declaratie-antwoord', direction: 'to', type: 'JW323' }]);
    const jw317 = (await gw.get(`/berichten/${ids.kmp317}`, KEY.veenendaal)).json();
    expect(jw317.related).toEqual([{ id: ids.vnd319, kind: 'answers', direction: 'from', type: 'JW319' }]);
  });

  it('shows the validation report, the status history, the deliveries and a link to the raw message', async () => {
    const r = await gw.get(`/berichten/${ids.jw301}`, KEY.jgv);
    expect(r.status).toBe(200);
    const d = r.json();
    expect(d).toMatchObject({
      id: ids.jw301,
      type: 'JW301',
      origin: 'received',
      senderId: 'gemeente:0228',
      recipientId: 'aanbieder:98041733',
      afzender: '0228',
      ontvanger: '98041733',
      identificatie: 'EDE-301-0001',
      dagtekening: '2026-01-16',
      status: 'accepted',
      receivedAt: new Date(T0 + 2 * HOUR).toISOString(),
      report: { type: 'JW301', wellFormed: true, xsdValid: true, valid: true, fouten: [] },
      history: [{ at: new Date(T0 + 2 * HOUR).toISOString(), status: 'accepted', note: null }],
      deliveries: [{ partyId: 'aanbieder:98041733', mode: 'mailbox', state: 'pending', attempts: 0, attemptLog: [] }],
      xml: `/berichten/${ids.jw301}/xml`,
    });
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.size).toBe(fixture('jw301/valid-specific-hours-per-week-after-vot.xml').length);

    const raw = await gw.get(d.xml, KEY.jgv);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(Buffer.compare(raw.bytes, fixture('jw301/valid-specific-hours-per-week-after-vot.xml'))).toBe(0);

    const invalid = (await gw.get(`/berichten/${ids.invalid}`, KEY.ede)).json();
    expect(invalid).toMatchObject({ status: 'invalid', recipientId: null, deliveries: [] });
    expect(invalid.report.fouten[0]).toMatchObject({ code: 'XSD' });
  });

  it('shows a party only what it sent or received: others get 404, as for an id that does not exist', async () => {
    for (const path of [`/berichten/${ids.jw301}`, `/berichten/${ids.jw301}/xml`]) {
      const kompas = await gw.get(path, KEY.kompas);
      expect(kompas.status, path).toBe(404);
      expect(kompas.json().code).toBe('IJW_ERR_NOT_FOUND');
    }
    const missing = await gw.get('/berichten/doesnotexist', KEY.kompas);
    expect(missing.status).toBe(404);
    // The factuurbureau handles Ede's claims, not Ede's toewijzingen.
    expect((await gw.get(`/berichten/${ids.jw301}`, KEY.factuurbureau)).status).toBe(404);
    expect((await gw.get(`/berichten/${ids.jw301}`, KEY.beheer)).status).toBe(200);
    expect((await gw.get(`/berichten/${ids.jw301}`, null)).status).toBe(401);
  });

  it('lists only the caller\'s own messages; an intermediary also those of the parties it acts for; an operator all', async () => {
    const kompasOwn = [ids.kmp315, ids.vnd301, ids.kmp317, ids.vnd319].sort();
    const kompas = (await list(KEY.kompas)).berichten.map((b) => b.id);
    expect(kompas.sort()).toEqual(kompasOwn);
    const brug = (await list(KEY.brug)).berichten.map((b) => b.id);
    expect(brug.sort()).toEqual(kompasOwn);

    const ede = (await list(KEY.ede)).berichten;
    for (const b of ede) expect([b.senderId, b.recipientId]).toContain('gemeente:0228');
    expect(ede.map((b) => b.id)).toEqual(
      expect.arrayContaining([ids.jw315, ids.jw316, ids.jw301, ids.jw302, ids.invalid, ids.rejected, ids.generated, ids.conflict, ids.conflictRetour]),
    );
    expect(ede.map((b) => b.id)).not.toContain(ids.jw323); // routed to the factuurbureau

    const all = (await list(KEY.beheer)).berichten;
    expect(all).toHaveLength(Object.keys(ids).length);
    // Newest first.
    expect(all.map((b) => b.receivedAt)).toEqual([...all.map((b) => b.receivedAt)].sort().reverse());
  });

  it('shows a refused message only to its sender: the addressee never received it', async () => {
    for (const id of [ids.rejected, ids.conflict]) {
      expect((await gw.get(`/berichten/${id}`, KEY.ede)).status).toBe(200);
      expect((await gw.get(`/berichten/${id}`, KEY.jgv)).status).toBe(404);
      expect((await gw.get(`/berichten/${id}/xml`, KEY.jgv)).status).toBe(404);
    }
    const jgv = (await list(KEY.jgv)).berichten.map((b) => b.id);
    expect(jgv).toContain(ids.jw301);
    expect(jgv).not.toContain(ids.rejected);
    expect(jgv).not.toContain(ids.conflict);
  });

  it('hides correlation links to messages the caller may not see', async () => {
    const ede = (await gw.get(`/berichten/${ids.rejected}`, KEY.ede)).json();
    expect(ede.related).toEqual([{ id: ids.generated, kind: 'generated-for', direction: 'from', type: 'JW302' }]);
    const link = { id: ids.conflict, kind: 'conflicts-with', direction: 'from', type: 'JW301' };
    expect((await gw.get(`/berichten/${ids.jw301}`, KEY.ede)).json().related).toContainEqual(link);
    const jgv = (await gw.get(`/berichten/${ids.jw301}`, KEY.jgv)).json().related;
    expect(jgv).not.toContainEqual(link);
    expect(jgv).toContainEqual(expect.objectContaining({ id: ids.jw302, kind: 'retour-of' }));
  });

  it('filters on type, afzender, ontvanger, status and period', async () => {
    const byType = (await list(KEY.beheer, '?type=JW301')).berichten;
    expect(byType.map((b) => b.id).sort()).toEqual([ids.jw301, ids.vnd301, ids.invalid, ids.rejected, ids.conflict].sort());
    expect(byType.every((b) => b.type === 'JW301')).toBe(true);

    const fromKompas = (await list(KEY.beheer, '?afzender=98062519')).berichten;
    expect(fromKompas.map((b) => b.id)).toEqual([ids.kmp317, ids.kmp315]);
    const toKompas = (await list(KEY.beheer, '?ontvanger=98062519')).berichten;
    expect(toKompas.map((b) => b.id)).toEqual([ids.vnd319, ids.vnd301]);

    expect((await list(KEY.ede, '?status=invalid')).berichten.map((b) => b.id)).toEqual([ids.invalid]);
    expect((await list(KEY.ede, '?status=generated')).berichten.map((b) => b.id)).toEqual([ids.conflictRetour, ids.generated]);

    const van = new Date(T0 + 2 * HOUR).toISOString();
    const tot = new Date(T0 + 4 * HOUR).toISOString();
    const period = (await list(KEY.beheer, `?van=${van}&tot=${tot}`)).berichten;
    expect(period.map((b) => b.id)).toEqual([ids.jw302, ids.jw301]);
    // Filters combine, and stay within what the caller may see.
    expect((await list(KEY.kompas, `?type=JW301&afzender=0228`)).berichten).toEqual([]);
  });

  it('pages with limit and the `volgende` cursor, without gaps or repeats', async () => {
    const all = (await list(KEY.beheer)).berichten.map((b) => b.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { berichten: Summary[]; volgende: string | null } = await list(KEY.beheer, `?limit=3${cursor === null ? '' : `&na=${cursor}`}`);
      expect(page.berichten.length).toBeLessThanOrEqual(3);
      seen.push(...page.berichten.map((b) => b.id));
      cursor = page.volgende;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it('refuses bad query parameters with 400', async () => {
    for (const q of ['?limit=0', '?limit=501', '?type=JW999', '?status=lost', '?van=yesterday', '?limit=ten']) {
      const r = await gw.get(`/berichten${q}`, KEY.beheer);
      expect(r.status, q).toBe(400);
      expect(r.json().code).toBe('IJW_ERR_BAD_REQUEST');
    }
  });

  it('lets only an operator replay, and only messages that were queued', async () => {
    const ede = await gw.send('POST', `/berichten/${ids.jw301}/replay`, KEY.ede);
    expect(ede.status).toBe(403);
    expect(ede.json().code).toBe('IJW_ERR_NOT_OPERATOR');
    expect((await gw.send('POST', `/berichten/${ids.rejected}/replay`, KEY.beheer)).status).toBe(400);
    expect((await gw.send('POST', `/berichten/${ids.invalid}/replay`, KEY.beheer)).status).toBe(404);
    expect((await gw.send('POST', '/berichten/doesnotexist/replay', KEY.beheer)).status).toBe(404);
  });
});
