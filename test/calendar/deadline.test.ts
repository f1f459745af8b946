import { describe, expect, it } from 'vitest';
import { DEADLINES, dueDate, status } from '../../src/calendar/deadline.js';
import { werkdagenBetween } from '../../src/calendar/werkdagen.js';

describe('DEADLINES', () => {
  it('holds the terms of the standard', () => {
    expect(DEADLINES.retour).toMatchObject({ amount: 3, unit: 'werkdagen', from: 'ontvangst', rules: ['OP090'] });
    expect(DEADLINES.antwoord).toMatchObject({ amount: 5, unit: 'werkdagen', from: 'ontvangst' });
    expect(DEADLINES.startstop).toMatchObject({ amount: 5, unit: 'werkdagen', from: 'gebeurtenis' });
    expect(DEADLINES.declaratieantwoord).toMatchObject({ amount: 10, unit: 'werkdagen', rules: ['OP090x4'] });
    expect(DEADLINES.woonplaats).toMatchObject({ amount: 2, unit: 'weken', rules: ['OP359'] });
    expect(DEADLINES.onderzoek).toMatchObject({ amount: 8, unit: 'weken', from: 'dagtekening' });
  });
});

describe('dueDate', () => {
  it('retour: the third werkdag after receipt (OP090)', () => {
    expect(dueDate('retour', '2026-03-09')).toBe('2026-03-12');
    expect(dueDate('retour', '2026-03-13')).toBe('2026-03-18');
    expect(dueDate('retour', '2026-03-14')).toBe('2026-03-18');
  });

  it('retour across Easter: Goede Vrijdag and Tweede Paasdag do not count', () => {
    expect(dueDate('retour', '2026-04-02')).toBe('2026-04-09');
    expect(dueDate('retour', '2027-03-25')).toBe('2027-04-01');
  });

  it('retour across Christmas and New Year', () => {
    expect(dueDate('retour', '2026-12-23')).toBe('2026-12-29');
    expect(dueDate('retour', '2025-12-30')).toBe('2026-01-06');
    expect(dueDate('retour', '2027-12-23')).toBe('2027-12-28');
  });

  it('antwoord: the fifth werkdag after the JW315/JW317, skipping Hemelvaart and the Friday after it', () => {
    expect(dueDate('antwoord', '2026-03-09')).toBe('2026-03-16');
    expect(dueDate('antwoord', '2026-05-13')).toBe('2026-05-22');
  });

  it('startstop: the fifth werkdag after the start, skipping Koningsdag', () => {
    expect(dueDate('startstop', '2026-04-24')).toBe('2026-05-04');
    expect(dueDate('startstop', '2026-04-30')).toBe('2026-05-08');
  });

  it('declaratieantwoord: the tenth werkdag after the JW323, over Christmas and New Year', () => {
    expect(dueDate('declaratieantwoord', '2026-12-18')).toBe('2027-01-05');
    expect(werkdagenBetween('2026-12-18', '2027-01-05')).toBe(10);
  });

  it('woonplaats: two calendar weeks, run on to a werkdag when they end on a weekend or feestdag', () => {
    expect(dueDate('woonplaats', '2026-03-11')).toBe('2026-03-25');
    expect(dueDate('woonplaats', '2026-03-14')).toBe('2026-03-30');
    expect(dueDate('woonplaats', '2026-04-13')).toBe('2026-04-28');
    expect(dueDate('woonplaats', '2026-12-11')).toBe('2026-12-28');
  });

  it('onderzoek: eight weeks after the Dagtekening, run on past Bevrijdingsdag', () => {
    expect(dueDate('onderzoek', '2026-03-11')).toBe('2026-05-06');
    expect(dueDate('onderzoek', '2026-03-10')).toBe('2026-05-06');
    expect(dueDate('onderzoek', '2026-01-06')).toBe('2026-03-03');
  });
});

describe('status', () => {
  const due = dueDate('retour', '2026-04-02');

  it('is met when answered on or before the due date', () => {
    expect(status(due, '2026-04-02', '2026-04-20')).toBe('met');
    expect(status(due, '2026-04-09', '2026-04-20')).toBe('met');
  });

  it('is breached when answered after the due date, whatever today is', () => {
    expect(status(due, '2026-04-10', '2026-04-10')).toBe('breached');
    expect(status(due, '2026-04-10', '2026-04-01')).toBe('breached');
  });

  it('is open while unanswered up to and including the due date, breached after it', () => {
    expect(status(due, undefined, '2026-04-02')).toBe('open');
    expect(status(due, undefined, '2026-04-09')).toBe('open');
    expect(status(due, undefined, '2026-04-10')).toBe('breached');
  });

  it('refuses a malformed date', () => {
    expect(() => status('2026-04-31', undefined, '2026-04-01')).toThrow(RangeError);
    expect(() => status(due, '9 april', '2026-04-01')).toThrow(RangeError);
  });
});
