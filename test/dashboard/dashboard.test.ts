/**
 * The dashboard end to end: a real gateway with a realistic mix of messages over two months, the
 * page in Debian's headless Chromium, and every number on it compared with what the API answers
 * the same caller for the same slice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP, STATIC_DIR } from '../../src/dashboard/routes.js';
import { OTHERS } from '../../src/quality/visibility.js';
import { KEY, startTestGateway, type TestGateway } from '../support/gateway.js';
import { repoRoot } from '../support/paths.js';
import { hasChromium, launchChromium, outputDir, warnIfNoChromium } from './browser.js';
import { personalData, sendBatches, testClock, type Sent } from './traffic.js';

/** Ede ↔ Jeugdhulp Gelderse Vallei, most of it; Veenendaal ↔ Kompas, a little (two defects: a small cell for Ede). */
const BATCHES = [
  {
    at: '2026-10-20T10:00:00.000Z',
    fixtures: [
      'jw301/valid-specific-hours-per-week-after-vot.xml',
      'jw301/valid-generic-budget-guardian-organisation.xml',
      'jw301/cd005-landcode-without-postcode.xml',
      'jw301/cs003-contact-periode-reversed.xml',
      'jw301/tr006-contact-without-phone-or-address.xml',
      'jw301/xsd-bsn-8-digits.xml',
      'jw305/valid-start-specific-hours.xml',
      'jw305/cs058-status-2-changed.xml',
      'jw315/valid-two-products-huisarts-referral.xml',
      'jw315/cd043-beschikkingnummer-without-datum.xml',
      'jw323/tr358-total-off-by-one-cent.xml',
      'jw301/valid-veenendaal-initial-two-products.xml',
      'jw301/cd007-interpreter-without-taal.xml',
    ],
  },
  {
    at: '2026-11-10T10:00:00.000Z',
    fixtures: [
      'jw301/cd025-dutch-address-without-huis.xml',
      'jw301/tr101-relatie-nummer-twice.xml',
      'jw301/valid-aspecific-etmaal-euro-total.xml',
      'jw301/xsd-missing-bsn.xml',
      'jw301/cd005-postcode-without-landcode.xml',
      'jw307/tr018-einddatum-before-begindatum.xml',
      'jw307/valid-stop-definitive-goals-reached.xml',
      'jw323/valid-february-single-client.xml',
      'jw305/tr134-begindatum-after-dagtekening.xml',
      'jw317/valid-change-volume-and-new-product.xml',
      'jw317/cd041-nieuw-code-without-omvang.xml',
    ],
  },
];
const PERIOD = { from: '2026-10', to: '2026-11', van: '2026-10-01', tot: '2026-12-01' };
const TOP = 10;

const NUMBER = new Intl.NumberFormat('nl-NL');
const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** How the page writes a value of the API: numbers in Dutch notation, masked cells as given. */
function shown(value: number | string | null, percent = false): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  return percent ? PERCENT.format(value) : NUMBER.format(value);
}

const suffix = (own: boolean) => (own ? '' : '-overig');

let gw: TestGateway;
let sent: Sent[];

beforeAll(async () => {
  const clock = testClock(BATCHES[0]!.at);
  gw = await startTestGateway({ clock: clock.now });
  sent = await sendBatches(gw, clock, BATCHES);
}, 120_000);

afterAll(async () => {
  await gw?.close();
});

describe('dashboard files', () => {
  it('redirects /dashboard to the page, which loads only its own files under a strict CSP', async () => {
    const redirect = await fetch(`${gw.url}/dashboard`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(new URL(redirect.headers.get('location')!, `${gw.url}/dashboard`).pathname).toBe('/dashboard/');

    const page = await gw.get('/dashboard/', null);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).not.toContain('unsafe-inline');
    // CSP friendly: no inline script, style or event handler, and nothing from elsewhere.
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(page.text).not.toMatch(/(src|href)="(https?:)?\/\//);

    const assets = [...page.text.matchAll(/(?:src|href)="(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(expect.arrayContaining(['assets/app.js', 'assets/style.css', 'assets/chart.umd.min.js']));
    for (const asset of assets) {
      const reply = await gw.get(`/dashboard/${asset}`, null);
      expect(reply.status, asset).toBe(200);
      expect(reply.headers.get('content-type'), asset).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    }
    // Chart.js as installed, less the source-map comment that would make a browser ask for a file we do not serve.
    const chart = await gw.get('/dashboard/assets/chart.umd.min.js', null);
    expect(chart.text).toContain('Chart');
    expect(chart.text).not.toContain('sourceMappingURL');
  });

  it('is copied to dist/ by the build, so `npm start` serves the same files', () => {
    const dist = join(repoRoot, 'dist', 'dashboard', 'static');
    expect(readdirSync(dist).sort()).toEqual(readdirSync(STATIC_DIR).sort());
    for (const name of readdirSync(STATIC_DIR)) expect(readFileSync(join(dist, name)).equals(readFileSync(join(STATIC_DIR, name))), name).toBe(true);
  });

  it('serves nothing else from under /dashboard/', async () => {
    for (const path of ['/dashboard/assets/index.html', '/dashboard/assets/nope.js', '/dashboard/assets/..%2F..%2Fpackage.json', '/dashboard/assets/routes.ts']) {
      expect([400, 404], path).toContain((await gw.get(path, null)).status);
    }
  });
});

warnIfNoChromium('dashboard in Chromium');

// Generous: the browser shares two cores with the rest of the suite.
describe.skipIf(!hasChromium)('dashboard in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  interface Session {
    readonly page: Page;
    /** Requests to anywhere but the gateway, and console errors: both must stay empty. */
    readonly foreign: string[];
    readonly errors: string[];
  }

  /** A fresh browser context (so an empty sessionStorage), logged in with `key`, showing PERIOD. */
  async function login(key: string): Promise<Session> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(`${gw.url}/`)) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${gw.url}/dashboard`);
    await page.fill('#api-sleutel', key);
    await page.click('#inlog-form button[type=submit]');
    await page.waitForSelector('body[data-status="klaar"]');
    await page.fill('#filter-van', PERIOD.from);
    await page.fill('#filter-tot', PERIOD.to);
    await apply(page);
    return { page, foreign, errors };
  }

  async function apply(page: Page): Promise<void> {
    await page.click('#filters button[type=submit]');
    await page.waitForSelector('body[data-status="klaar"]');
  }

  async function textOf(page: Page, testId: string): Promise<string> {
    return (await page.getByTestId(testId).textContent()) ?? '';
  }

  async function api<T = any>(path: string, key: string): Promise<T> {
    const reply = await gw.get(path, key);
    expect(reply.status, path).toBe(200);
    return reply.json<T>();
  }

  /** Every number the page shows for the slice equals the API's, and the API has numbers to show. */
  async function expectPageEqualsApi(page: Page, key: string, filters = ''): Promise<void> {
    const slice = `van=${PERIOD.van}&tot=${PERIOD.tot}${filters}`;
    let numbers = 0;

    const months = await api(`/kwaliteit/defecten?${slice}&per=maand`, key);
    expect(await textOf(page, 'defecten-totaal')).toBe(shown(months.totaal));
    for (const dim of ['maand', 'gemeente']) {
      const result = dim === 'maand' ? months : await api(`/kwaliteit/defecten?${slice}&per=${dim}`, key);
      expect(result.rijen.length, dim).toBeGreaterThan(0);
      for (const row of result.rijen) {
        expect(await textOf(page, `defecten-${dim}-${row[dim]}${suffix(row.eigen)}`), `${dim} ${row[dim]}`).toBe(shown(row.aantal));
        numbers += 1;
      }
    }

    // The tables show the top ten values; each count shown is the API's and the meaning is /kwaliteit/codes'.
    const codes = await api('/kwaliteit/codes', key);
    for (const dim of ['regel', 'retourcode'] as const) {
      const result = await api(`/kwaliteit/defecten?${slice}&per=${dim}`, key);
      const rows = new Map<string, string>(result.rijen.map((r: any) => [`defecten-${dim}-${r[dim]}${suffix(r.eigen)}`, shown(r.aantal)]));
      const onPage = await page.locator(`[data-testid^="defecten-${dim}-"]`).evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid'), e.textContent]));
      expect(onPage.length, dim).toBeGreaterThan(0);
      for (const [id, text] of onPage) expect(text, id!).toBe(rows.get(id!));
      const values = new Set(result.rijen.map((r: any) => r[dim]));
      expect(await page.locator(`#tabel-${dim} tbody tr`).count()).toBe(Math.min(TOP, values.size));
      for (const value of values) {
        if ((await page.getByTestId(`betekenis-${dim}-${value}`).count()) === 0) continue;
        const meaning = (dim === 'regel' ? codes.regels : codes.retourcodes)[value as string] ?? 'Onbekende code';
        expect(await textOf(page, `betekenis-${dim}-${value}`)).toBe(meaning);
      }
      numbers += onPage.length;
    }

    const firstTime = await api(`/kwaliteit/eerste-keer?${slice}&per=afzender`, key);
    expect(firstTime.rijen.length).toBeGreaterThan(0);
    for (const row of firstTime.rijen) {
      const id = `eerste-keer-${row.afzender}${suffix(row.eigen)}`;
      expect(await textOf(page, `${id}-berichten`)).toBe(shown(row.berichten));
      expect(await textOf(page, `${id}-goed`)).toBe(shown(row.eersteKeerGoed));
      expect(await textOf(page, `${id}-aandeel`)).toBe(shown(row.aandeel, true));
      numbers += 3;
    }

    const terms = await api(`/kwaliteit/termijnen?van=${PERIOD.van}&tot=${PERIOD.tot}`, key);
    for (const row of terms.rijen) {
      const id = `termijnen-${row.maand}-${row.soort}-${row.partij}${suffix(row.eigen)}`;
      for (const field of ['opTijd', 'teLaat', 'open']) expect(await textOf(page, `${id}-${field}`), `${id}-${field}`).toBe(shown(row[field]));
      numbers += 3;
    }
    expect(numbers).toBeGreaterThan(10);
  }

  it('a gemeente sees its own figures in full, other gemeenten aggregated, and their small cells as "<5"', async () => {
    const { page, foreign, errors } = await login(KEY.ede);
    expect(await textOf(page, 'partij')).toBe('gemeente:0228');
    await expectPageEqualsApi(page, KEY.ede);

    // Veenendaal's two defects reach Ede only as the aggregate of the other gemeenten, masked.
    const perGemeente = await api(`/kwaliteit/defecten?van=${PERIOD.van}&tot=${PERIOD.tot}&per=gemeente`, KEY.ede);
    const others = perGemeente.rijen.filter((r: any) => !r.eigen);
    expect(others).toEqual([expect.objectContaining({ gemeente: OTHERS, aantal: '<5' })]);
    const masked = page.getByTestId(`defecten-gemeente-${OTHERS}-overig`);
    expect(await masked.textContent()).toBe('<5');
    expect(await masked.evaluate((e) => e.tagName)).toBe('SPAN');
    expect(await page.locator('#tabel-gemeente').textContent()).not.toContain('0345');
    // Charts, not only tables: Chart.js drew on each canvas.
    for (const id of ['grafiek-maand', 'grafiek-gemeente', 'grafiek-regel', 'grafiek-retourcode', 'grafiek-afzender', 'grafiek-termijnen']) {
      expect(await page.evaluate((canvasId) => Boolean((globalThis as any).Chart?.getChart(canvasId)), id), id).toBe(true);
    }

    await page.screenshot({ path: join(outputDir, 'dashboard-gemeente.png'), fullPage: true });
    const body = (await page.textContent('body')) ?? '';
    for (const value of personalData(sent.map((s) => s.fixture))) expect(body).not.toContain(value);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the type filter narrows every figure the way the API does', async () => {
    const { page } = await login(KEY.ede);
    await page.selectOption('#filter-type', 'JW301');
    await apply(page);
    await expectPageEqualsApi(page, KEY.ede, '&type=JW301');
    const all = await api(`/kwaliteit/defecten?van=${PERIOD.van}&tot=${PERIOD.tot}`, KEY.ede);
    const jw301 = await api(`/kwaliteit/defecten?van=${PERIOD.van}&tot=${PERIOD.tot}&type=JW301`, KEY.ede);
    expect(jw301.totaal).toBeLessThan(all.totaal);
    await page.context().close();
  });

  it('the ketenbureau sees national figures, every gemeente exact', async () => {
    const { page, foreign, errors } = await login(KEY.beheer);
    await expectPageEqualsApi(page, KEY.beheer);
    const perGemeente = await api(`/kwaliteit/defecten?van=${PERIOD.van}&tot=${PERIOD.tot}&per=gemeente`, KEY.beheer);
    expect(perGemeente.rijen.map((r: any) => r.gemeente)).toEqual(expect.arrayContaining(['0228', '0345']));
    expect(perGemeente.rijen.every((r: any) => typeof r.aantal === 'number')).toBe(true);
    expect(await page.locator('#tabel-gemeente .onderdrukt').count()).toBe(0);
    await page.screenshot({ path: join(outputDir, 'dashboard-ketenbureau.png'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  /** The ids the API lists behind a count for `key`, over the months of PERIOD. */
  async function apiMessages(key: string, filter: string): Promise<string[]> {
    const ids: string[] = [];
    for (const month of ['2026-11', '2026-10']) {
      const page = await api(`/kwaliteit/berichten?${filter}&maand=${month}&limit=500`, key);
      ids.push(...page.items.map((i: any) => i.id));
    }
    return ids;
  }

  it('clicking a count lists the messages behind it that the caller may see, with their details', async () => {
    const { page } = await login(KEY.ede);
    const rules = await api(`/kwaliteit/defecten?van=${PERIOD.van}&tot=${PERIOD.tot}&per=regel`, KEY.ede);
    const top = rules.rijen.filter((r: any) => r.eigen && typeof r.aantal === 'number').sort((a: any, b: any) => b.aantal - a.aantal)[0];
    expect(top).toBeDefined();
    await page.getByTestId(`defecten-regel-${top.regel}`).click();
    await page.waitForSelector('body[data-status="klaar"]');
    const listed = await page.getByTestId('bericht-link').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    const expected = await apiMessages(KEY.ede, `regel=${top.regel}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(listed).toEqual(expected);
    for (const id of listed) expect((await gw.get(`/berichten/${id}`, KEY.ede)).status).toBe(200);

    await page.getByTestId('bericht-link').first().click();
    await page.waitForSelector('body[data-status="klaar"]');
    expect(await textOf(page, 'detail-id')).toBe(listed[0]);
    expect(await page.getByTestId('detail-fouten').textContent()).toContain(top.regel);
    await page.screenshot({ path: join(outputDir, 'dashboard-drill-down.png'), fullPage: true });
    await page.context().close();
  });

  it("another party's defect cannot be opened by a gemeente; the ketenbureau opens it", async () => {
    // CD007 was broken only by Veenendaal: Ede sees it as others' figure, masked, not as a link.
    const veenendaal = sent.find((s) => s.fixture === 'jw301/cd007-interpreter-without-taal.xml')!;
    expect(veenendaal.codes).toEqual(['CD007']);
    // Within JW301 the table of top rules has room for every rule.
    const ede = await login(KEY.ede);
    await ede.page.selectOption('#filter-type', 'JW301');
    await apply(ede.page);
    expect(await ede.page.getByTestId('defecten-regel-CD005').count()).toBe(1);
    expect(await ede.page.getByTestId('defecten-regel-CD007').count()).toBe(0);
    const cell = ede.page.getByTestId('defecten-regel-CD007-overig');
    expect(await cell.textContent()).toBe('<5');
    expect(await cell.evaluate((e) => e.tagName)).toBe('SPAN');
    expect((await gw.get(`/berichten/${veenendaal.id}`, KEY.ede)).status).toBe(404);
    await ede.page.context().close();

    const beheer = await login(KEY.beheer);
    await beheer.page.selectOption('#filter-type', 'JW301');
    await apply(beheer.page);
    await beheer.page.getByTestId('defecten-regel-CD007').click();
    await beheer.page.waitForSelector('body[data-status="klaar"]');
    const listed = await beheer.page.getByTestId('bericht-link').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(listed).toEqual([veenendaal.id]);
    await beheer.page.context().close();
  });

  it('a wrong key is refused and the page asks again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${gw.url}/dashboard/`);
    await page.fill('#api-sleutel', 'geen-geldige-sleutel');
    await page.click('#inlog-form button[type=submit]');
    await page.waitForSelector('body[data-status="fout"]');
    expect(await page.isVisible('#inloggen')).toBe(true);
    expect(await page.textContent('#inlog-fout')).toContain('niet (meer) geldig');
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
    await context.close();
  });
});

// Keeps the fixture list honest: each file exists and is what the plan says it is.
it('sends what the plan names, valid and rule-breaking, from four parties', () => {
  expect(sent).toHaveLength(BATCHES.flatMap((b) => b.fixtures).length);
  expect(new Set(sent.map((s) => s.afzender))).toEqual(new Set(['0228', '98041733', '0345', '98062519']));
  expect(sent.some((s) => s.outcome === 'accepted' && s.codes.length === 0)).toBe(true);
  expect(sent.filter((s) => s.codes.length > 0).length).toBeGreaterThan(10);
});
