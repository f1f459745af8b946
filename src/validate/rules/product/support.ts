/**
 * Helpers for the product rules: one uniform view of the product lines of JW301, JW315 and JW317
 * (each class names its period and its parts a little differently), the 2020 transition date the
 * Omvang conditions hinge on, and the sweep that finds stacked (overlapping) products.
 */
import type { Located } from '../../../standard/located.js';
import type { Berichten, CDT_Omvang, CDT_Product } from '../../../standard/types.generated.js';
import type { Reporter } from '../rule.js';
import { dateBefore, isPlainDate } from '../support.js';

export type LineClass = 'ToegewezenProduct' | 'AangevraagdProduct' | 'NieuwProduct' | 'TeWijzigenProduct';

/** One product line of a toewijzing, verzoek om toewijzing or verzoek om wijziging. */
export interface Line {
  readonly at: Located;
  readonly cls: LineClass;
  /** False for TeWijzigenProduct, which names its product by ToewijzingNummer only. */
  readonly hasProductElement: boolean;
  readonly product: CDT_Product | undefined;
  readonly start: string;
  readonly startName: string;
  readonly end: string | undefined;
  readonly endName: string;
  readonly omvang: CDT_Omvang | undefined;
  readonly budget: string | undefined;
}

/**
 * Conditions CD080/CD095/CD096 and CS338/CS343 apply to toewijzingen that end after this date or
 * have no end (the 2021 switch to the new Omvang rules).
 */
export const TRANSITION = '2020-12-31';

/** True when a line's end lies after the transition date or is open. */
export function endsAfterTransition(end: string | undefined): boolean {
  return end === undefined || dateBefore(TRANSITION, end);
}

// One view per message, shared by every rule of the group that reads it (Reporter.shared).
export function toegewezen(m: Berichten['JW301'], r: Reporter): readonly Line[] {
  return r.shared(toegewezenLines, m);
}

export function aangevraagd(m: Berichten['JW315'], r: Reporter): readonly Line[] {
  return r.shared(aangevraagdLines, m);
}

/** TeWijzigenProduct lines first, then NieuwProduct lines, each in message order. */
export function verzoekLines(m: Berichten['JW317'], r: Reporter): readonly Line[] {
  return r.shared(verzoekLinesOf, m);
}

function toegewezenLines(m: Berichten['JW301']): Line[] {
  return m.Client.ToegewezenProducten.ToegewezenProduct.map((p) => ({
    at: p,
    cls: 'ToegewezenProduct',
    hasProductElement: true,
    product: p.Product,
    start: p.Ingangsdatum,
    startName: 'Ingangsdatum',
    end: p.Einddatum,
    endName: 'Einddatum',
    omvang: p.Omvang,
    budget: p.Budget,
  }));
}

function aangevraagdLines(m: Berichten['JW315']): Line[] {
  return m.Client.AangevraagdeProducten.AangevraagdProduct.map((p) => ({
    at: p,
    cls: 'AangevraagdProduct',
    hasProductElement: true,
    product: p.Product,
    start: p.ToewijzingIngangsdatum,
    startName: 'ToewijzingIngangsdatum',
    end: p.ToewijzingEinddatum,
    endName: 'ToewijzingEinddatum',
    omvang: p.Omvang,
    budget: p.Budget,
  }));
}

function verzoekLinesOf(m: Berichten['JW317']): Line[] {
  const v = m.Client.Verzoek;
  const out: Line[] = [];
  for (const p of v.TeWijzigenProducten?.TeWijzigenProduct ?? []) {
    out.push({
      at: p,
      cls: 'TeWijzigenProduct',
      hasProductElement: false,
      product: undefined,
      start: p.GewensteIngangsdatum,
      startName: 'GewensteIngangsdatum',
      end: p.Einddatum,
      endName: 'Einddatum',
      omvang: p.Omvang,
      budget: p.Budget,
    });
  }
  for (const p of v.NieuweProducten?.NieuwProduct ?? []) {
    out.push({
      at: p,
      cls: 'NieuwProduct',
      hasProductElement: true,
      product: p.Product,
      start: p.GewensteIngangsdatum,
      startName: 'GewensteIngangsdatum',
      end: p.Einddatum,
      endName: 'Einddatum',
      omvang: p.Omvang,
      budget: p.Budget,
    });
  }
  return out;
}

// ---- stacked products (TR302, TR386, TR410) ----

/** Sorts after every date: an open end. */
const OPEN = '~';

export interface Spell<T> {
  readonly item: T;
  readonly product: CDT_Product | undefined;
  readonly start: string;
  readonly end: string | undefined;
}

export interface Stacked<T> {
  /** The later-starting (or later-listed) item of the pair. */
  readonly item: T;
  /** An earlier item it overlaps. */
  readonly other: T;
}

interface Sweepable<T> {
  readonly spell: Spell<T>;
  readonly end: string;
  readonly order: number;
}

/**
 * Pairs of items whose periods overlap although they may not: the same product (Categorie and
 * Code), or the same Categorie when either has no Code, or anything when either has no Product.
 * Periods are inclusive; an absent end is open. Items whose dates cannot be compared, or whose end
 * lies before their start (CS003), take no part. Each item is reported at most once, against an
 * earlier item it overlaps. O(n log n).
 */
export function stackedSpells<T>(spells: readonly Spell<T>[]): Stacked<T>[] {
  // Most toewijzingen hold one to three products: skip the levels when nothing can pair up.
  if (spells.length < 2) return [];
  const usable: Sweepable<T>[] = [];
  spells.forEach((spell, order) => {
    if (!isPlainDate(spell.start)) return;
    if (spell.end !== undefined && (!isPlainDate(spell.end) || spell.end < spell.start)) return;
    usable.push({ spell, end: spell.end ?? OPEN, order });
  });
  usable.sort((a, b) => (a.spell.start < b.spell.start ? -1 : a.spell.start > b.spell.start ? 1 : a.order - b.order));
  // Every level pairs periods that overlap; when none does at all, no level finds anything.
  if (!anyOverlap(usable)) return [];

  const found = new Map<number, Stacked<T>>();
  // Level 1: a line without Product may share time with no other line.
  sweep(usable, (s) => s.spell.product === undefined, found);
  // Level 2: within a Categorie, a line without Code may share time with no other line.
  const byCategorie = new Map<string, Sweepable<T>[]>();
  const byCode = new Map<string, Sweepable<T>[]>();
  for (const s of usable) {
    const p = s.spell.product;
    if (p === undefined) continue;
    push(byCategorie, p.Categorie, s);
    if (p.Code !== undefined) push(byCode, `${p.Categorie}\u0000${p.Code}`, s);
  }
  for (const group of byCategorie.values()) sweep(group, (s) => s.spell.product?.Code === undefined, found);
  // Level 3: the same product may not share time with itself.
  for (const group of byCode.values()) sweep(group, () => true, found);
  if (found.size === 0) return [];
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function anyOverlap<T>(sorted: readonly Sweepable<T>[]): boolean {
  let maxEnd: string | undefined;
  for (const s of sorted) {
    if (maxEnd !== undefined && maxEnd >= s.spell.start) return true;
    if (maxEnd === undefined || s.end > maxEnd) maxEnd = s.end;
  }
  return false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Over items sorted by start: an item overlaps an earlier one when that one ends on or after its
 * start. A pair counts only when at least one of the two is "wild" for this level.
 */
function sweep<T>(sorted: readonly Sweepable<T>[], wild: (s: Sweepable<T>) => boolean, found: Map<number, Stacked<T>>): void {
  let maxAll: Sweepable<T> | undefined;
  let maxWild: Sweepable<T> | undefined;
  for (const s of sorted) {
    const isWild = wild(s);
    const against = isWild ? maxAll : maxWild;
    if (against !== undefined && against.end >= s.spell.start && !found.has(s.order)) {
      found.set(s.order, { item: s.spell.item, other: against.spell.item });
    }
    if (maxAll === undefined || s.end > maxAll.end) maxAll = s;
    if (isWild && (maxWild === undefined || s.end > maxWild.end)) maxWild = s;
  }
}
