/** Helpers the levering group's rules share: keys for duplicate detection and retour walking. */
import type { Located } from '../../../standard/located.js';
import type { CDT_Product } from '../../../standard/types.generated.js';
import type { Checks, Reporter } from '../rule.js';

/**
 * ToewijzingNummer is an xs:integer: '0012' and '12' are the same number. Values are at most
 * 999,999,999, so Number() is exact; an absent number (task-based start/stop) keys as ''.
 */
export function numberKey(value: string | undefined): string {
  if (value === undefined) return '';
  const n = Number(value);
  return Number.isFinite(n) ? String(n) : value;
}

/** Categorie and Code of a product; an absent product or code keys as ''. */
export function productKey(p: CDT_Product | undefined): string {
  return p === undefined ? '' : `${p.Categorie}/${p.Code ?? ''}`;
}

/** The RetourCodes class every retour class ends with. */
export interface WithRetourCodes extends Located {
  readonly RetourCodes: Located & { readonly RetourCode: readonly string[] };
}

/**
 * Every class object below (and including) `root` that carries RetourCodes, depth first in
 * document order. Retours hold one client, so a generic walk over the typed object is cheap.
 */
export function retourClasses(root: object): WithRetourCodes[] {
  const out: WithRetourCodes[] = [];
  const visit = (obj: object): void => {
    if ('RetourCodes' in obj) out.push(obj as WithRetourCodes);
    for (const [key, value] of Object.entries(obj)) {
      if (key === 'RetourCodes' || typeof value !== 'object' || value === null) continue;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (typeof item === 'object' && item !== null) visit(item);
      } else visit(value as object);
    }
  };
  visit(root);
  return out;
}

/** 0200 (no remarks) and 0233 (not assessed) say a class was not rejected. */
export function isStatusCode(code: string): boolean {
  return code === '0200' || code === '0233';
}

/**
 * Calls `found(item, index, firstIndex)` for every item whose key an earlier item already had;
 * one pass, one Map.
 */
export function forEachDuplicate<T>(items: readonly T[], key: (item: T) => string, found: (item: T, index: number, first: number) => void): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else found(item, i, first);
  }
}

/** What every answering header (retours and JW325) says about a rejection. */
export interface AnswerHeader extends Located {
  readonly XsltVersie?: string;
  readonly RetourCodes?: Located & { readonly RetourCode: readonly string[] };
}

/** The header fields of a retour (JW302/306/308/316/318/320) the retour rules read. */
export interface RetourHeader extends AnswerHeader {
  readonly BerichtIdentificatie: Located & { readonly Dagtekening: string };
  readonly DagtekeningRetour: string;
}

export type RetourType = 'JW302' | 'JW306' | 'JW308' | 'JW316' | 'JW318' | 'JW320';

/** A retour's header and its copied body class (the Client; the Antwoord in a JW320), if any. */
export interface RetourParts {
  readonly type: RetourType;
  readonly header: RetourHeader;
  readonly body: WithRetourCodes | undefined;
}

/** One check on the header and body of every retour type; the JW320's body is its Antwoord. */
export function retourChecks(check: (parts: RetourParts, r: Reporter) => void): Checks {
  return {
    JW302: (m, r) => check({ type: 'JW302', header: m.Header, body: m.Client }, r),
    JW306: (m, r) => check({ type: 'JW306', header: m.Header, body: m.Client }, r),
    JW308: (m, r) => check({ type: 'JW308', header: m.Header, body: m.Client }, r),
    JW316: (m, r) => check({ type: 'JW316', header: m.Header, body: m.Client }, r),
    JW318: (m, r) => check({ type: 'JW318', header: m.Header, body: m.Client }, r),
    JW320: (m, r) => check({ type: 'JW320', header: m.Header, body: m.Antwoord }, r),
  };
}
