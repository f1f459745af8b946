/**
 * The reaction terms of iJw 3.2 and whether one was kept.
 *
 * Which date a term runs from is part of the rule: receipt of the heen-bericht for retour and
 * answers ("na ontvangst"), the Dagtekening of the verzoek for "in onderzoek" (OP346: "binnen acht
 * weken na dagtekening van het verzoek"), and the event itself for start/stop. Receipt is the
 * Europe/Amsterdam date of the moment the gateway took the message in (`toAmsterdamDate`).
 */
import { addWeeks, toDayNumber } from './iso-date.js';
import { addWerkdagen, werkdagOnOrAfter } from './werkdagen.js';

export type DeadlineKind = 'retour' | 'antwoord' | 'startstop' | 'declaratieantwoord' | 'woonplaats' | 'onderzoek';

export interface DeadlineRule {
  /** The rules that set the term, as published. */
  readonly rules: readonly string[];
  readonly amount: number;
  readonly unit: 'werkdagen' | 'weken';
  /**
   * ontvangst: the day the heen-bericht was received; dagtekening: the Dagtekening of the verzoek;
   * gebeurtenis: the day the care actually started or stopped, or, for a toewijzing with
   * terugwerkende kracht, the day its JW301 was received (OP271), or for a definitive stop after a
   * temporary one, the day that became known (OP272).
   */
  readonly from: 'ontvangst' | 'dagtekening' | 'gebeurtenis';
}

export const DEADLINES = {
  // JW302/306/308/316/318/320 on a JW301/305/307/315/317/319 (OP090).
  retour: { rules: ['OP090'], amount: 3, unit: 'werkdagen', from: 'ontvangst' },
  // JW301 or JW319 on a JW315 (per aangevraagd product, OP274) or on a JW317 (OP346).
  antwoord: { rules: ['OP274', 'OP346'], amount: 5, unit: 'werkdagen', from: 'ontvangst' },
  // JW305 (OP271) and JW307 (OP272).
  startstop: { rules: ['OP271', 'OP272'], amount: 5, unit: 'werkdagen', from: 'gebeurtenis' },
  // JW325 on a JW323.
  declaratieantwoord: { rules: ['OP090x4'], amount: 10, unit: 'werkdagen', from: 'ontvangst' },
  // JW319 rejecting a JW315 on the woonplaatsbeginsel. OP359 calls it "de wettelijke termijn van 2
  // weken", its explanation counts it from receipt, and the FAQ's table of terms says 14 dagen.
  woonplaats: { rules: ['OP359'], amount: 2, unit: 'weken', from: 'ontvangst' },
  // JW301 or JW319 with VerzoekAntwoord 1 after a JW319 "in onderzoek" (VerzoekAntwoord 2). OP346
  // and the FAQ's table count it from the verzoek's Dagtekening, for a VOT as for a VOW.
  onderzoek: { rules: ['OP274', 'OP346'], amount: 8, unit: 'weken', from: 'dagtekening' },
} as const satisfies Readonly<Record<DeadlineKind, DeadlineRule>>;

/**
 * The last day on which the answer of `kind` is on time, counted from `reference` (see
 * `DeadlineRule.from`). Werkdagen terms end on a werkdag by construction. A term in weeks ends on
 * the same weekday; when that is a Saturday, Sunday or feestdag it runs on to the next werkdag, as
 * Atw art. 1 lid 1 does for a term set by law – OP359 calls its term "wettelijk", and the 8 weeks
 * mirror the Awb's beslistermijn (art. 4:13) – so our deadline is never earlier than the law's.
 */
export function dueDate(kind: DeadlineKind, reference: string): string {
  const rule: DeadlineRule = DEADLINES[kind];
  if (rule.unit === 'werkdagen') return addWerkdagen(reference, rule.amount);
  return werkdagOnOrAfter(addWeeks(reference, rule.amount));
}

export type DeadlineStatus = 'open' | 'met' | 'breached';

/**
 * met: answered on or before `due`; breached: answered after it, or unanswered while `today` is
 * past it; open: unanswered and `due` not passed. Pass `undefined` for an unanswered one: the
 * parameter is not optional so that no caller forgets it.
 */
export function status(due: string, answeredOn: string | undefined, today: string): DeadlineStatus {
  const last = toDayNumber(due);
  if (answeredOn !== undefined) return toDayNumber(answeredOn) <= last ? 'met' : 'breached';
  return toDayNumber(today) <= last ? 'open' : 'breached';
}
