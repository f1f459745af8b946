/**
 * Helpers for the claim rules (JW323 declaratie, JW325 declaratie-antwoord): walking the
 * prestaties without building lists, amounts with their sign, calendar months and the meaning of
 * the retourcodes a JW325 carries per class.
 */
import type {
  Berichten,
  CDT_BedragMetDC,
  CDT_TotaalBedragMetDC,
  JW323_Client,
  JW323_Prestatie,
  JW325_Client,
  JW325_Prestatie,
  LDT_RetourCode,
} from '../../../standard/types.generated.js';
import { isPlainDate, monthBounds } from '../support.js';

export type JW323 = Berichten['JW323'];
export type JW325 = Berichten['JW325'];

/** Eenheid 83: euros; GeleverdVolume then is an amount in cents and there is no ProductTarief. */
export const EENHEID_EURO = '83';

/** CS100: no claim periods before the iJw 3.x declaration regime started. */
export const EERSTE_DECLARATIEDATUM = '2021-01-01';

/** Every Prestatie of a JW323 with its Client, in message order (a 25 MB claim has ~37,000). */
export function forEachPrestatie(m: JW323, fn: (p: JW323_Prestatie, client: JW323_Client) => void): void {
  for (const client of m.Declaratie.Clienten.Client) for (const p of client.Prestaties.Prestatie) fn(p, client);
}

/** Every returned Prestatie of a JW325 with its Client; none when the answer has no Clienten. */
export function forEachPrestatie325(m: JW325, fn: (p: JW325_Prestatie, client: JW325_Client) => void): void {
  for (const client of m.DeclaratieAntwoord?.Clienten?.Client ?? []) for (const p of client.Prestaties.Prestatie) fn(p, client);
}

/** An amount in cents with DebetCredit as its sign: debet positive, credit negative. */
export function signedBedrag(b: CDT_BedragMetDC): number {
  const v = Number(b.Bedrag);
  return b.DebetCredit === 'C' ? -v : v;
}

export function signedTotaal(b: CDT_TotaalBedragMetDC): number {
  const v = Number(b.TotaalBedrag);
  return b.DebetCredit === 'C' ? -v : v;
}

/** A signed amount written the way a message would: cents and D or C. */
export function showSigned(cents: number): string {
  return cents < 0 ? `${-cents} C` : `${cents} D`;
}

/** True when begin..end is exactly one whole calendar month: the 1st up to and including its last day. */
export function isWholeCalendarMonth(begin: string, end: string): boolean {
  if (!isPlainDate(begin) || !isPlainDate(end) || !begin.endsWith('-01')) return false;
  return monthBounds(begin).last === end;
}

/**
 * Before 2021-01-01. The schema lets through negative years ('-2026-04-01', before any 2021) and
 * years of five digits (after it); plain dates compare as strings.
 */
export function beforeFirstClaimDate(date: string): boolean {
  if (date.startsWith('-')) return true;
  return isPlainDate(date) && date < EERSTE_DECLARATIEDATUM;
}

// The retourcodes a JW325 uses per class (IV087): 0200 "no remark on this class", 8001 "claim
// fully approved" (DeclaratieAntwoord only), 0233 "class not assessed" (a Prestatie under a
// rejected Client). Every other code rejects the class it sits on.
export const GEEN_OPMERKING: LDT_RetourCode = '0200';
export const VOLLEDIG_TOEGEKEND: LDT_RetourCode = '8001';
export const NIET_BEOORDEELD: LDT_RetourCode = '0233';

const NOT_A_REJECTION: ReadonlySet<string> = new Set([GEEN_OPMERKING, VOLLEDIG_TOEGEKEND]);

/** True when the codes reject their class: at least one code other than 0200 and 8001 (0233 counts). */
export function rejects(codes: readonly string[]): boolean {
  for (const c of codes) if (!NOT_A_REJECTION.has(c)) return true;
  return false;
}

/** 0200 or 8001 together with any other code: a class cannot be both without remark and rejected. */
export function mixesVerdicts(codes: readonly string[]): boolean {
  return codes.length > 1 && codes.some((c) => NOT_A_REJECTION.has(c));
}

export function isOnly(codes: readonly string[], code: string): boolean {
  return codes.length === 1 && codes[0] === code;
}
