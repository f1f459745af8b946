/**
 * Validates the parsed JSON of the three mapping files and reports every problem at once, each as
 * file + JSON path + problem. No I/O: load.ts reads the files, directory.ts builds on the result.
 */
import type { z } from 'zod';
import {
  GEMEENTEN_FILE,
  PARTIES_FILE,
  REGIOS_FILE,
  gemeentenFileSchema,
  mappingsErrorMap,
  partiesEnvelope,
  partySchema,
  regioSchema,
  regiosEnvelope,
  type GemeentenFile,
  type PartyConfig,
  type RegioConfig,
} from './schema.js';

export interface MappingsIssue {
  readonly file: string;
  /** JSONPath into the file, e.g. '$.parties[3].delivery.url'. */
  readonly path: string;
  readonly message: string;
}

export interface RawMappings {
  readonly gemeenten: unknown;
  readonly parties: unknown;
  readonly regios: unknown;
}

export interface ValidMappings {
  readonly gemeenten: GemeentenFile;
  readonly parties: readonly PartyConfig[];
  readonly regios: readonly RegioConfig[];
}

export type ValidationResult =
  | { readonly ok: true; readonly mappings: ValidMappings }
  | { readonly ok: false; readonly issues: readonly MappingsIssue[] };

type Path = readonly PropertyKey[];

export function jsonPath(path: Path): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The order in which problems are listed: by file, then as they appear in the file. */
export const FILE_ORDER: readonly string[] = [GEMEENTEN_FILE, PARTIES_FILE, REGIOS_FILE];

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    // Object keys have no order we could recover after parsing; keep the order of discovery.
    return 0;
  }
  return a.length - b.length;
}

class Issues {
  private readonly found: { readonly file: string; readonly keys: Path; readonly message: string }[] = [];

  get size(): number {
    return this.found.length;
  }

  add(file: string, path: Path, message: string): void {
    this.found.push({ file, keys: path, message });
  }

  sorted(): MappingsIssue[] {
    return this.found
      .map((issue, seq) => ({ issue, seq }))
      .sort(
        (a, b) =>
          FILE_ORDER.indexOf(a.issue.file) - FILE_ORDER.indexOf(b.issue.file) ||
          comparePaths(a.issue.keys, b.issue.keys) ||
          a.seq - b.seq,
      )
      .map(({ issue }) => ({ file: issue.file, path: jsonPath(issue.keys), message: issue.message }));
  }

  /** Parses with zod; on failure records every issue under `prefix` and returns undefined. */
  parse<S extends z.ZodType>(schema: S, value: unknown, file: string, prefix: Path): z.output<S> | undefined {
    const result = schema.safeParse(value, { error: mappingsErrorMap });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = [...prefix, ...issue.path];
      // One line per unknown field, with the field in the path, reads better than one joined list.
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) this.add(file, [...path, key], 'unknown field');
      else this.add(file, path, issue.message);
    }
    return undefined;
  }
}

interface Indexed<T> {
  readonly index: number;
  readonly value: T;
}

/** Parses the entries of an array one by one, so a broken entry does not hide checks on the others. */
function parseEach<S extends z.ZodType>(
  issues: Issues,
  schema: S,
  entries: readonly unknown[],
  file: string,
  key: string,
): Indexed<z.output<S>>[] {
  const out: Indexed<z.output<S>>[] = [];
  entries.forEach((entry, index) => {
    const value = issues.parse(schema, entry, file, [key, index]);
    if (value !== undefined) out.push({ index, value });
  });
  return out;
}

/** A string field of each entry that has one, broken entries included: such checks need no more. */
function stringField(entries: readonly unknown[], key: string): Indexed<string>[] {
  return entries.flatMap((entry, index) => {
    const value = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? [{ index, value }] : [];
  });
}

function checkUnique(issues: Issues, file: string, key: string, field: string, values: readonly Indexed<string>[]): void {
  const first = new Map<string, number>();
  for (const { index, value } of values) {
    const seen = first.get(value);
    if (seen !== undefined) issues.add(file, [key, index, field], `duplicate ${field} ${JSON.stringify(value)}, also at ${jsonPath([key, seen])}`);
    else first.set(value, index);
  }
}

/** The id an entry claims, even when the entry is otherwise broken: references to it are then not reported twice. */
function claimedIds(entries: readonly unknown[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, kind } = entry as { id?: unknown; kind?: unknown };
    if (typeof id === 'string' && !ids.has(id)) ids.set(id, typeof kind === 'string' ? kind : '');
  }
  return ids;
}

function checkGemeenten(issues: Issues, data: GemeentenFile): void {
  const f = GEMEENTEN_FILE;
  const byCode = new Map<string, number>();
  data.gemeenten.forEach((g, i) => {
    const first = byCode.get(g.code);
    if (first !== undefined) issues.add(f, ['gemeenten', i, 'code'], `duplicate code ${g.code}, also at ${jsonPath(['gemeenten', first])}`);
    else byCode.set(g.code, i);
  });
  const regioNames = new Set<string>();
  const listedIn = new Map<string, string>();
  data.jeugdregios.forEach((r, i) => {
    if (regioNames.has(r.naam)) issues.add(f, ['jeugdregios', i, 'naam'], `duplicate regio ${JSON.stringify(r.naam)}`);
    regioNames.add(r.naam);
    r.gemeenten.forEach((code, j) => {
      const at = ['jeugdregios', i, 'gemeenten', j];
      const g = data.gemeenten[byCode.get(code) ?? -1];
      const other = listedIn.get(code);
      if (g === undefined) issues.add(f, at, `${code} is not in $.gemeenten`);
      else if (other !== undefined) issues.add(f, at, `${code} is already listed in regio ${JSON.stringify(other)}`);
      else if (g.jeugdregio !== r.naam) issues.add(f, at, `${code} ${g.naam} has jeugdregio ${JSON.stringify(g.jeugdregio)} in $.gemeenten`);
      listedIn.set(code, r.naam);
    });
  });
  data.gemeenten.forEach((g, i) => {
    if (!listedIn.has(g.code)) {
      issues.add(f, ['gemeenten', i, 'jeugdregio'], `${g.code} ${g.naam} is in no regio of $.jeugdregios (its jeugdregio is ${JSON.stringify(g.jeugdregio)})`);
    }
  });
}

/** "Foodvalley" → "foodvalley": to suggest the right spelling of a regio name. */
function loose(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function checkParties(
  issues: Issues,
  parties: readonly Indexed<PartyConfig>[],
  claimed: ReadonlyMap<string, string>,
  gemeenten: GemeentenFile | undefined,
): void {
  const f = PARTIES_FILE;
  const hashes = { apiKeySha256: new Map<string, Path>(), certificateSha256: new Map<string, Path>() };
  const cbs = gemeenten === undefined ? undefined : new Set(gemeenten.gemeenten.map((g) => g.code));

  for (const { index, value: p } of parties) {
    if (p.kind === 'gemeente' && cbs !== undefined && !cbs.has(p.code)) {
      issues.add(f, ['parties', index, 'code'], `${p.code} is not a gemeente in ${GEMEENTEN_FILE}`);
    }

    for (const field of ['apiKeySha256', 'certificateSha256'] as const) {
      p[field].forEach((hash, j) => {
        const at = ['parties', index, field, j];
        const seen = hashes[field].get(hash);
        // One key or certificate for two parties would make authentication ambiguous.
        if (seen !== undefined) issues.add(f, at, `the same hash is already configured at ${jsonPath(seen)}`);
        else hashes[field].set(hash, at);
      });
    }

    const targets = new Set<string>();
    p.actsFor.forEach((target, j) => {
      const at = ['parties', index, 'actsFor', j];
      const gemeenteCode = /^gemeente:(\d{4})$/.exec(target)?.[1];
      const kind = claimed.get(target) ?? (gemeenteCode !== undefined && (cbs === undefined || cbs.has(gemeenteCode)) ? 'gemeente' : undefined);
      if (target === p.id) issues.add(f, at, 'a party always acts for itself; remove this entry');
      else if (targets.has(target)) issues.add(f, at, `${JSON.stringify(target)} is listed twice`);
      else if (kind === undefined) {
        issues.add(f, at, `unknown party ${JSON.stringify(target)}: not an id in ${PARTIES_FILE}, nor "gemeente:<CBS code>" of a gemeente`);
      } else if (kind !== 'gemeente' && kind !== 'aanbieder') {
        issues.add(f, at, `${JSON.stringify(target)} is a ${kind}; actsFor may only name gemeenten and aanbieders`);
      }
      targets.add(target);
    });
  }
}

function checkRegios(
  issues: Issues,
  regios: readonly Indexed<RegioConfig>[],
  names: readonly Indexed<string>[],
  parties: readonly Indexed<PartyConfig>[],
  claimed: ReadonlyMap<string, string> | undefined,
  gemeenten: GemeentenFile | undefined,
  regiosComplete: boolean,
): void {
  const f = REGIOS_FILE;
  const known = gemeenten === undefined ? undefined : gemeenten.jeugdregios.map((r) => r.naam);
  const servedBy = new Map<string, number>();

  for (const { index, value: name } of names) {
    if (known === undefined || known.includes(name)) continue;
    const guess = known.find((k) => loose(k) === loose(name));
    const hint = guess === undefined ? `names are those of $.jeugdregios[*].naam there` : `did you mean ${JSON.stringify(guess)}?`;
    issues.add(f, ['regios', index, 'name'], `unknown jeugdregio ${JSON.stringify(name)} in ${GEMEENTEN_FILE}; ${hint}`);
  }

  for (const { index, value: r } of regios) {
    if (r.factuurbureau === undefined) continue;
    const { partyId, types } = r.factuurbureau;
    const seen = new Set<string>();
    types.forEach((type, j) => {
      if (seen.has(type)) issues.add(f, ['regios', index, 'factuurbureau', 'types', j], `${type} is listed twice`);
      seen.add(type);
    });
    const at = ['regios', index, 'factuurbureau', 'partyId'];
    if (claimed === undefined) continue;
    const kind = claimed.get(partyId);
    if (kind === undefined) issues.add(f, at, `unknown party ${JSON.stringify(partyId)}: not an id in ${PARTIES_FILE}`);
    else if (kind !== 'factuurbureau') issues.add(f, at, `${JSON.stringify(partyId)} is a ${kind || 'party without kind'}, not a factuurbureau`);
    else {
      const other = servedBy.get(partyId);
      // Party.regio holds one regio; an office serving two would need that to become a list.
      if (other !== undefined) issues.add(f, at, `${JSON.stringify(partyId)} already serves ${jsonPath(['regios', other])}; a factuurbureau serves one regio`);
      else servedBy.set(partyId, index);
    }
  }

  for (const { index, value: p } of parties) {
    // Only when every regio entry parsed: a broken one may be the entry that names this office.
    if (p.kind === 'factuurbureau' && !servedBy.has(p.id) && regiosComplete) {
      issues.add(PARTIES_FILE, ['parties', index], `factuurbureau ${JSON.stringify(p.id)} serves no regio; name it in ${REGIOS_FILE} or remove it`);
    }
  }
}

export function validateMappings(raw: RawMappings): ValidationResult {
  const issues = new Issues();

  const gemeenten = issues.parse(gemeentenFileSchema, raw.gemeenten, GEMEENTEN_FILE, []);
  if (gemeenten !== undefined) checkGemeenten(issues, gemeenten);
  // Cross-file checks against a broken gemeenten file would only add noise.
  const gemeentenOk = gemeenten !== undefined && issues.size === 0 ? gemeenten : undefined;

  const partiesFile = issues.parse(partiesEnvelope, raw.parties, PARTIES_FILE, []);
  const partyEntries = partiesFile?.parties ?? [];
  const parties = parseEach(issues, partySchema, partyEntries, PARTIES_FILE, 'parties');
  const claimed = claimedIds(partyEntries);
  checkUnique(issues, PARTIES_FILE, 'parties', 'id', stringField(partyEntries, 'id'));
  checkParties(issues, parties, claimed, gemeentenOk);
  // With parties.json unreadable, every factuurbureau reference would be reported as unknown.
  const knownIds = partiesFile === undefined ? undefined : claimed;

  const regiosFile = issues.parse(regiosEnvelope, raw.regios, REGIOS_FILE, []);
  const regioEntries = regiosFile?.regios ?? [];
  const regios = parseEach(issues, regioSchema, regioEntries, REGIOS_FILE, 'regios');
  const regioNames = stringField(regioEntries, 'name');
  checkUnique(issues, REGIOS_FILE, 'regios', 'name', regioNames);
  const regiosComplete = regiosFile !== undefined && regios.length === regiosFile.regios.length;
  checkRegios(issues, regios, regioNames, parties, knownIds, gemeentenOk, regiosComplete);

  if (issues.size > 0 || gemeenten === undefined) return { ok: false, issues: issues.sorted() };
  return {
    ok: true,
    mappings: { gemeenten, parties: parties.map((p) => p.value), regios: regios.map((r) => r.value) },
  };
}
