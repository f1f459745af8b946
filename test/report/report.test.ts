/**
 * The monthly report of an aanbieder: written by the gateway's scheduled job (run here at once,
 * with the gateway's clock on the morning of the 1st), served over HTTP to whom may see it, and
 * printable to PDF in Chromium. Expected figures come from what the gateway answered each message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cron, { type ScheduledTask } from 'node-cron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { reportFile } from '../../src/report/schedule.js';
import { REPORT_CSP } from '../../src/report/render.js';
import { DEMO_API_KEYS } from '../../src/mappings/demo-keys.js';
import { hasChromium, launchChromium, outputDir, warnIfNoChromium } from '../dashboard/browser.js';
import { personalData, sendBatches, testClock, type Sent } from '../dashboard/traffic.js';
import { KEY, startTestGateway, type TestGateway } from '../support/gateway.js';

const JGV = '98041733';
const MONTH = '2026-10';
const BATCHES = [
  { at: '2026-09-25T10:00:00.000Z', fixtures: ['jw307/tr018-einddatum-before-begindatum.xml'] },
  {
    at: '2026-10-20T10:00:00.000Z',
    fixtures: [
      'jw305/valid-start-specific-hours.xml',
      'jw305/cs058-status-2-changed.xml',
      'jw305/tr134-begindatum-after-dagtekening.xml',
      'jw315/valid-two-products-huisarts-referral.xml',
      'jw315/cd043-beschikkingnummer-without-datum.xml',
      'jw323/tr358-total-off-by-one-cent.xml',
      'jw307/valid-stop-definitive-goals-reached.xml',
      // Others' traffic: Ede's JW301 starts a retour term for the aanbieder; its own defect and Kompas's stay out.
      'jw301/valid-specific-hours-per-week-after-vot.xml',
      'jw301/cd005-landcode-without-postcode.xml',
      'jw317/cd041-nieuw-code-without-omvang.xml',
    ],
  },
  { at: '2026-11-05T10:00:00.000Z', fixtures: ['jw323/valid-february-single-client.xml'] },
];
/** 06:00 in Amsterdam (CET) on the 1st: when the default schedule runs. */
const FIRST_OF_NOVEMBER = '2026-11-01T05:00:00.000Z';

const NUMBER = new Intl.NumberFormat('nl-NL');

function figure(html: string, name: string): string {
  const match = new RegExp(`data-cijfer="${name}">([^<]*)<`).exec(html);
  if (match === null) throw new Error(`no figure ${name} in the report`);
  return match[1]!;
}

/** Rows of the report's table under `heading`: [code, meaning, count]. */
function tableRows(html: string, heading: string): string[][] {
  const start = html.indexOf(`<h2>${heading}</h2>`);
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr><td class="code">([^<]*)<\/td>(?:<td>([^<]*)<\/td>)?<td class="num">([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2] ?? '', m[3]!]);
}

function reportTask(dataDir: string): ScheduledTask | undefined {
  return [...cron.getTasks().values()].find((t) => t.name === `ijw-rapporten:${dataDir}`);
}

let gw: TestGateway;
let sent: Sent[];
const clock = testClock(BATCHES[0]!.at);

beforeAll(async () => {
  gw = await startTestGateway({ clock: clock.now });
  sent = await sendBatches(gw, clock, BATCHES);
  clock.set(FIRST_OF_NOVEMBER);
  await reportTask(gw.dataDir)!.execute();
}, 120_000);

afterAll(async () => {
  await gw?.close();
});

describe('the monthly job', () => {
  it("writes each configured aanbieder's report for the month before", () => {
    for (const id of Object.keys(DEMO_API_KEYS).filter((k) => k.startsWith('aanbieder:'))) {
      expect(existsSync(reportFile(gw.dataDir, id.slice('aanbieder:'.length), MONTH)), id).toBe(true);
    }
    expect(existsSync(join(gw.dataDir, 'rapporten', JGV, '2026-11.html'))).toBe(false);
  });

  it("holds the aanbieder's own messages, first-time-right share and defects with their meaning", async () => {
    const html = readFileSync(reportFile(gw.dataDir, JGV, MONTH), 'utf8');
    const own = sent.filter((s) => s.afzender === JGV && BATCHES[1]!.fixtures.includes(s.fixture));
    const clean = own.filter((s) => s.outcome === 'accepted' && s.codes.length === 0);
    const defects = own.flatMap((s) => s.codes);
    expect(clean.length).toBeGreaterThan(0);
    expect(defects.length).toBeGreaterThan(2);
    expect(figure(html, 'berichten')).toBe(NUMBER.format(own.length));
    expect(figure(html, 'eerste-keer-goed')).toBe(NUMBER.format(clean.length));
    expect(figure(html, 'defecten')).toBe(NUMBER.format(defects.length));
    expect(figure(html, 'aandeel')).toBe(new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 }).format(clean.length / own.length));

    const codes = (await gw.get('/kwaliteit/codes', KEY.jgv)).json<{ regels: Record<string, string> }>();
    const perRule = new Map<string, number>();
    for (const code of defects) perRule.set(code, (perRule.get(code) ?? 0) + 1);
    expect(tableRows(html, 'Defecten per regel').sort()).toEqual(
      [...perRule].map(([code, n]) => [code, codes.regels[code], NUMBER.format(n)]).sort(),
    );
    // Others' defects (Ede's CD005, Kompas's CD041) and other months' (September's TR018) stay out.
    for (const code of ['CD005', 'CD041', 'TR018']) expect(html).not.toContain(`>${code}<`);
    for (const value of personalData(sent.map((s) => s.fixture))) expect(html).not.toContain(value);
  });

  it('shows the months before and the terms the aanbieder had to meet, as the API counts them', async () => {
    const html = readFileSync(reportFile(gw.dataDir, JGV, MONTH), 'utf8');
    const september = sent.filter((s) => s.afzender === JGV && BATCHES[0]!.fixtures.includes(s.fixture));
    expect(html).toMatch(new RegExp(`<td>september 2026</td><td class="num">${september.length}</td>`));

    const terms = (await gw.get(`/kwaliteit/termijnen?van=${MONTH}-01&tot=2026-11-01`, KEY.jgv)).json<{ rijen: any[] }>();
    const mine = terms.rijen.filter((r) => r.eigen && r.partij === JGV);
    expect(mine.length).toBeGreaterThan(0);
    const late = mine.reduce((n, r) => n + r.teLaat, 0);
    const onTime = mine.reduce((n, r) => n + r.opTijd, 0);
    const rows = [...html.slice(html.indexOf('<h2>Termijnen</h2>')).matchAll(/<tr><td>[^<]*<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g)];
    expect(rows.reduce((n, m) => n + Number(m[1]), 0)).toBe(onTime);
    expect(rows.reduce((n, m) => n + Number(m[2]), 0)).toBe(late);
  });
});

describe('GET /kwaliteit/rapport/:aanbieder/:maand', () => {
  it('gives the aanbieder the same report the job wrote, under a CSP that allows only its own style', async () => {
    const reply = await gw.get(`/kwaliteit/rapport/${JGV}/${MONTH}`, KEY.jgv);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.headers.get('content-security-policy')).toBe(REPORT_CSP);
    expect(reply.text).toBe(readFileSync(reportFile(gw.dataDir, JGV, MONTH), 'utf8'));
    expect(reply.text).not.toMatch(/<script|\sstyle=/i);
  });

  it('is for the aanbieder, a party acting for it and the ketenbureau only', async () => {
    const status = async (agb: string, key: string | null) => (await gw.get(`/kwaliteit/rapport/${agb}/${MONTH}`, key)).status;
    expect(await status(JGV, KEY.beheer)).toBe(200);
    expect(await status(JGV, KEY.kompas)).toBe(404);
    expect(await status(JGV, KEY.ede)).toBe(404);
    expect(await status(JGV, KEY.factuurbureau)).toBe(404);
    expect(await status(JGV, KEY.brug)).toBe(404);
    expect(await status('98062519', KEY.brug)).toBe(200);
    expect(await status(JGV, null)).toBe(401);
    expect((await gw.get(`/kwaliteit/rapport/${JGV}/2026-13`, KEY.jgv)).status).toBe(400);
    expect((await gw.get(`/kwaliteit/rapport/9804173/${MONTH}`, KEY.jgv)).status).toBe(400);
  });
});

describe('the schedule', () => {
  it('runs at the configured time in Amsterdam and stops with the gateway', async () => {
    const other = await startTestGateway({ env: { IJW_REPORT_SCHEDULE: '30 7 2 * *' } });
    const task = reportTask(other.dataDir);
    expect(task?.getPattern()).toBe('30 7 2 * *');
    const next = task!.getNextRun()!;
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
        .formatToParts(next)
        .map((p) => [p.type, p.value]),
    );
    expect(parts).toMatchObject({ day: '02', hour: '07', minute: '30' });
    expect(next.getTime() - Date.now()).toBeLessThan(32 * 86_400_000);
    await other.close();
    expect(reportTask(other.dataDir)).toBeUndefined();
    expect(reportTask(gw.dataDir)).toBeDefined();
  });

  it('defaults to 06:00 on the 1st and refuses a schedule that is no cron expression', () => {
    expect(loadConfig({}).reportSchedule).toBe('0 6 1 * *');
    expect(() => loadConfig({ IJW_REPORT_SCHEDULE: 'elke maand' })).toThrow(/reportSchedule \(IJW_REPORT_SCHEDULE\)/);
  });
});

warnIfNoChromium('report in Chromium');

describe.skipIf(!hasChromium)('report in Chromium', { timeout: 120_000 }, () => {
  it('prints to an A4 PDF with its style applied', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ extraHTTPHeaders: { 'x-api-key': KEY.jgv } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const response = await page.goto(`${gw.url}/kwaliteit/rapport/${JGV}/${MONTH}`);
      expect(response?.status()).toBe(200);
      // The style sheet passed the CSP by its hash: the heading has the report's colour.
      expect(await page.locator('h1').evaluate((h1) => (globalThis as any).getComputedStyle(h1).color)).toBe('rgb(31, 95, 139)');
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(outputDir, `rapport-${JGV}-${MONTH}.png`), fullPage: true });
      const pdf = await page.pdf({ path: join(outputDir, `rapport-${JGV}-${MONTH}.pdf`), format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
