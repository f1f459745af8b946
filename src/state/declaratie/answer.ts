/**
 * The JW325 the gateway writes for a JW323, from the claim's facts and the cross-message findings
 * on it (process.md §2.4, IV087, TR342), so that it can be built on the store's writer thread:
 *
 * - a finding on the header: header only, with its code(s);
 * - a finding on the Declaratie (9333, 8214): header 0200, DeclaratieAntwoord with that code,
 *   TotaalToegekendBedrag 0 and no clients; the claim counts as not sent;
 * - findings below the Declaratie: header 0200, DeclaratieAntwoord 0200, TotaalToegekendBedrag the
 *   sum of the approved prestaties; only clients with rejected prestaties, each client 0200 with its
 *   rejected prestaties and their codes, or a client-level code with all its prestaties 0233;
 * - no findings: header 0200, DeclaratieAntwoord 8001, TotaalToegekendBedrag = TotaalIngediendBedrag.
 */
import { XSD_VERSIONS } from '../../standard/catalogue.js';
import { XSLT_VERSIE } from '../../retour/build.js';
import { MessageWriter } from '../../retour/serialize.js';
import type { Fout } from '../../validate/report.js';
import type { ClientFacts, Jw323Facts, PrestatieFact } from '../facts.js';

/**
 * The Dagtekening of a JW325: today, but never before the claim it answers (a claim may carry a
 * Dagtekening later than our clock).
 */
export function answerDagtekening(claimDagtekening: string, today: string): string {
  return claimDagtekening > today ? claimDagtekening : today;
}

export interface Jw325Ids {
  /** The JW325's own Identificatie (≤ 12 characters) and Dagtekening. */
  readonly identificatie: string;
  readonly dagtekening: string;
}

export interface Findings {
  /** Codes on the header: the claim is refused before its content is judged. */
  readonly header: readonly string[];
  /** Codes on the Declaratie: the claim is rejected as a whole. */
  readonly declaratie: readonly string[];
  /** Codes per Client (by XPath): the client and all its prestaties are rejected. */
  readonly clients: ReadonlyMap<string, readonly string[]>;
  /** Codes per Prestatie (by XPath). */
  readonly prestaties: ReadonlyMap<string, readonly string[]>;
}

export interface BuiltJw325 {
  readonly xml: string;
  /** The codes of the answer in short: the header's or Declaratie's codes, the codes of rejected classes, or 8001. */
  readonly retourcodes: readonly string[];
  /** ReferentieNummers of the rejected prestaties (only when the claim is judged per prestatie). */
  readonly rejected: ReadonlySet<string>;
  /** True when the claim was rejected as a whole: it counts as not sent. */
  readonly whole: boolean;
}

function add(map: Map<string, string[]>, key: string, code: string): void {
  const codes = map.get(key);
  if (codes === undefined) map.set(key, [code]);
  else if (!codes.includes(code)) codes.push(code);
}

function isHeader(location: string): boolean {
  return location === '/' || location === '' || /(^|\/)([\w]+:)?Header(\[\d+\])?$/.test(location);
}

/** Sorts findings onto the classes of the claim by the XPath each names. */
export function findingsOf(facts: Jw323Facts, violations: readonly Fout[]): Findings {
  const clientPaths = new Set<string>();
  const prestatiePaths = new Set<string>();
  for (const c of facts.clienten) {
    clientPaths.add(c.path);
    for (const p of c.prestaties) prestatiePaths.add(p.path);
  }
  const header: string[] = [];
  const declaratie: string[] = [];
  const clients = new Map<string, string[]>();
  const prestaties = new Map<string, string[]>();
  for (const v of violations) {
    if (prestatiePaths.has(v.location)) add(prestaties, v.location, v.retourcode);
    else if (clientPaths.has(v.location)) add(clients, v.location, v.retourcode);
    // In-message rejection (0001) and findings on the header refuse the claim unread.
    else if (v.retourcode === '0001' || isHeader(v.location)) {
      if (!header.includes(v.retourcode)) header.push(v.retourcode);
    }
    // The Declaratie, or any class we cannot place: the claim as a whole.
    else if (!declaratie.includes(v.retourcode)) declaratie.push(v.retourcode);
  }
  return { header, declaratie, clients, prestaties };
}

/** True when the findings reject the claim as a whole (header or Declaratie). */
export function rejectsWhole(f: Findings): boolean {
  return f.header.length > 0 || f.declaratie.length > 0;
}

function totaal(cents: number): { TotaalBedrag: string; DebetCredit: 'D' | 'C' } {
  // CS325: zero is debet.
  return { TotaalBedrag: String(Math.abs(cents)), DebetCredit: cents < 0 ? 'C' : 'D' };
}

function signed(p: PrestatieFact): number {
  return p.debetCredit === 'C' ? -p.bedrag : p.bedrag;
}

function prestatie(p: PrestatieFact, codes: readonly string[]): Record<string, unknown> {
  return {
    ProductReferentie: {
      ReferentieNummer: p.referentieNummer,
      ...(p.vorigReferentieNummer === null ? {} : { VorigReferentieNummer: p.vorigReferentieNummer }),
    },
    ToewijzingNummer: p.toewijzingNummer,
    ProductCategorie: p.categorie,
    ProductCode: p.code,
    ProductPeriode: { Begindatum: p.begindatum, Einddatum: p.einddatum },
    GeleverdVolume: String(p.volume),
    Eenheid: p.eenheid,
    ...(p.tarief === null ? {} : { ProductTarief: String(p.tarief) }),
    IngediendBedrag: { Bedrag: String(p.bedrag), DebetCredit: p.debetCredit },
    RetourCodes: { RetourCode: [...codes] },
  };
}

export function buildJw325(facts: Jw323Facts, violations: readonly Fout[], ids: Jw325Ids): BuiltJw325 {
  const f = findingsOf(facts, violations);
  const technical = f.header.includes('0001');
  const headerCodes = technical ? ['0001'] : f.header.length > 0 ? f.header : ['0200'];
  const header = {
    BerichtCode: '491',
    BerichtVersie: facts.berichtVersie,
    BerichtSubversie: facts.berichtSubversie,
    // The gemeente that received the claim answers the aanbieder that sent it.
    Afzender: facts.header.ontvanger,
    Ontvanger: facts.header.afzender,
    BerichtIdentificatie: { Identificatie: ids.identificatie, Dagtekening: ids.dagtekening },
    XsdVersie: { BasisschemaXsdVersie: XSD_VERSIONS.BasisschemaXsdVersie, BerichtXsdVersie: XSD_VERSIONS.BerichtXsdVersie },
    DeclaratieIdentificatie: { Identificatie: facts.header.identificatie, Dagtekening: facts.header.dagtekening },
    ...(technical ? { XsltVersie: XSLT_VERSIE } : {}),
    XsdVersieDeclaratie: { BasisschemaXsdVersie: facts.xsdVersie.basisschema, BerichtXsdVersie: facts.xsdVersie.bericht },
    RetourCodes: { RetourCode: headerCodes },
  };
  const writer = new MessageWriter('JW325');
  const d = facts.declaratie;
  const ingediend = { TotaalBedrag: String(d.totaal), DebetCredit: d.debetCredit };
  const none = new Set<string>();

  if (f.header.length > 0) {
    return { xml: writer.document({ Header: header }), retourcodes: headerCodes, rejected: none, whole: true };
  }
  if (f.declaratie.length > 0) {
    const antwoord = {
      DeclaratieNummer: d.nummer,
      TotaalIngediendBedrag: ingediend,
      TotaalToegekendBedrag: totaal(0),
      RetourCodes: { RetourCode: [...f.declaratie] },
    };
    return { xml: writer.document({ Header: header, DeclaratieAntwoord: antwoord }), retourcodes: [...f.declaratie], rejected: none, whole: true };
  }

  const rejected = new Set<string>();
  const codes = new Set<string>();
  const clienten: Record<string, unknown>[] = [];
  let toegekend = 0;
  const judge = (c: ClientFacts) => {
    const clientCodes = f.clients.get(c.path);
    if (clientCodes !== undefined) {
      for (const code of clientCodes) codes.add(code);
      for (const p of c.prestaties) rejected.add(p.referentieNummer);
      clienten.push({ Bsn: c.bsn, Prestaties: { Prestatie: c.prestaties.map((p) => prestatie(p, ['0233'])) }, RetourCodes: { RetourCode: [...clientCodes] } });
      return;
    }
    const returned: Record<string, unknown>[] = [];
    for (const p of c.prestaties) {
      const pc = f.prestaties.get(p.path);
      if (pc === undefined) {
        toegekend += signed(p);
        continue;
      }
      for (const code of pc) codes.add(code);
      rejected.add(p.referentieNummer);
      returned.push(prestatie(p, pc));
    }
    if (returned.length > 0) clienten.push({ Bsn: c.bsn, Prestaties: { Prestatie: returned }, RetourCodes: { RetourCode: ['0200'] } });
  };
  for (const c of facts.clienten) judge(c);

  const all = clienten.length === 0;
  const antwoord = {
    DeclaratieNummer: d.nummer,
    TotaalIngediendBedrag: ingediend,
    TotaalToegekendBedrag: all ? ingediend : totaal(toegekend),
    ...(all ? {} : { Clienten: { Client: clienten } }),
    RetourCodes: { RetourCode: [all ? '8001' : '0200'] },
  };
  const xml = writer.document({ Header: header, DeclaratieAntwoord: antwoord });
  return { xml, retourcodes: all ? ['8001'] : [...codes], rejected, whole: false };
}
