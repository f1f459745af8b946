/** The report page on its own: months, escaping, empty months, and the CSP that lets its style in. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addMonths, monthLabel, previousMonth } from '../../src/report/months.js';
import { REPORT_CSP, renderReport, type ReportFigures } from '../../src/report/render.js';

const figures: ReportFigures = {
  aanbieder: { agb: '98041733', naam: 'Zorg & <Co> "Jeugd"' },
  maand: '2026-10',
  gemaakt: '2026-11-01T05:00:00.000Z',
  verloop: [
    { maand: '2026-09', berichten: 0, eersteKeerGoed: 0, defecten: 0 },
    { maand: '2026-10', berichten: 8, eersteKeerGoed: 6, defecten: 3 },
  ],
  perType: [{ code: 'JW305', betekenis: '', aantal: 3 }],
  perRegel: [{ code: 'CS058', betekenis: 'Status <mag> niet', aantal: 3 }],
  perRetourcode: [{ code: '0001', betekenis: 'Technisch', aantal: 3 }],
  termijnen: [],
};

describe('months', () => {
  it('count across year ends', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-10', -5)).toBe('2026-05');
    expect(monthLabel('2026-03')).toBe('maart 2026');
  });

  it('take the month before in Dutch time', () => {
    expect(previousMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12'); // 00:30 on 1 January in Amsterdam
    expect(previousMonth(new Date('2026-12-31T22:30:00Z'))).toBe('2026-11');
    expect(previousMonth(new Date('2026-05-01T05:00:00Z'))).toBe('2026-04');
  });
});

describe('renderReport', () => {
  const html = renderReport(figures);

  it('escapes every text it is given', () => {
    expect(html).toContain('Zorg &#38; &#60;Co&#62; &#34;Jeugd&#34;');
    expect(html).toContain('Status &#60;mag&#62; niet');
    expect(html).not.toContain('<Co>');
  });

  it('shows the month in figures, a dash for a share of nothing, and says when a table is empty', () => {
    expect(html).toContain('data-cijfer="berichten">8<');
    expect(html).toContain('data-cijfer="aandeel">75%<');
    expect(html).toMatch(/<td>september 2026<\/td><td class="num">0<\/td><td class="num">–<\/td>/);
    expect(html).toContain('Geen termijnen voor u in deze maand.');
  });

  it('has no script and one style block, which its CSP allows by hash', () => {
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!).digest('base64');
    expect(REPORT_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(REPORT_CSP).toContain("default-src 'none'");
  });
});
