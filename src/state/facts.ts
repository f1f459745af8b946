/**
 * What a message contributes to, and is checked against, the state the standard keeps across
 * messages (process.md §5–§6): plain data read from the typed message in the analysing worker, so
 * it crosses to the store's writer thread cheaply and the checks never touch XML. Every item keeps
 * the XPath of its class, so a violation found on it lands on that class in the retour.
 */
import { clampToPlainRange as date } from '../calendar/iso-date.js';
import { NODE, type Located } from '../standard/located.js';
import type { MessageType } from '../standard/catalogue.js';
import type { Berichten, CDT_Omvang, CDT_Product } from '../standard/types.generated.js';
import { xpathOf } from '../validate/read.js';
import type { CheckedMessage } from '../validate/rules/run.js';

/** A class of the message: where a cross-message violation is reported. */
export interface At {
  /** XPath of the class element, as in validation reports. */
  readonly path: string;
}

export interface ProductFact {
  readonly categorie: string | null;
  readonly code: string | null;
}

export interface OmvangFact {
  readonly volume: number;
  readonly eenheid: string;
  readonly frequentie: string;
}

export interface Header {
  readonly afzender: string;
  readonly ontvanger: string;
  readonly identificatie: string;
  readonly dagtekening: string;
}

export interface ToewijzingFact extends At {
  readonly nummer: string;
  readonly referentieAanbieder: string | null;
  readonly product: ProductFact | null;
  readonly toewijzingsdatum: string;
  readonly toewijzingstijd: string;
  readonly ingangsdatum: string;
  readonly einddatum: string | null;
  readonly redenWijziging: string | null;
  readonly omvang: OmvangFact | null;
  /** Cents. */
  readonly budget: number | null;
}

export interface Jw301Facts {
  readonly type: 'JW301';
  readonly header: Header;
  readonly client: At & { readonly bsn: string };
  readonly toewijzingen: readonly ToewijzingFact[];
}

export interface StartFact extends At {
  readonly toewijzingNummer: string | null;
  readonly product: ProductFact | null;
  readonly toewijzingIngangsdatum: string | null;
  readonly begindatum: string;
  /** '1' first delivery, '3' deletion (CS058 allows no other). */
  readonly status: string;
}

export interface StopFact extends StartFact {
  readonly redenBeeindiging: string;
  readonly einddatum: string;
}

export interface Jw305Facts {
  readonly type: 'JW305';
  readonly header: Header;
  readonly client: At & { readonly bsn: string };
  readonly starts: readonly StartFact[];
}

export interface Jw307Facts {
  readonly type: 'JW307';
  readonly header: Header;
  readonly client: At & { readonly bsn: string };
  readonly stops: readonly StopFact[];
}

export interface AangevraagdFact extends At {
  readonly referentieAanbieder: string;
  readonly product: ProductFact | null;
  readonly ingangsdatum: string;
  readonly einddatum: string | null;
  readonly omvang: OmvangFact | null;
  readonly budget: number | null;
}

export interface Jw315Facts {
  readonly type: 'JW315';
  readonly header: Header;
  readonly client: At & { readonly bsn: string };
  readonly producten: readonly AangevraagdFact[];
}

export interface WijzigingFact extends At {
  /** TeWijzigenProduct: the toewijzing it changes; NieuwProduct: null. */
  readonly toewijzingNummer: string | null;
  readonly product: ProductFact | null;
  readonly gewensteIngangsdatum: string;
  readonly einddatum: string | null;
  readonly omvang: OmvangFact | null;
  readonly budget: number | null;
}

export interface Jw317Facts {
  readonly type: 'JW317';
  readonly header: Header;
  readonly client: At & { readonly bsn: string };
  readonly verzoek: At & { readonly referentieAanbieder: string; readonly redenVerzoek: string };
  readonly ongewijzigd: readonly (At & { readonly toewijzingNummer: string })[];
  readonly teWijzigen: readonly WijzigingFact[];
  readonly nieuw: readonly WijzigingFact[];
}

export interface Jw319Facts {
  readonly type: 'JW319';
  readonly header: Header;
  readonly antwoord: At & {
    readonly referentieAanbieder: string;
    readonly verzoekAntwoord: string;
    readonly redenAfwijzing: string | null;
    readonly woonplaatsGemeente: string | null;
  };
}

export interface PrestatieFact extends At {
  readonly referentieNummer: string;
  readonly vorigReferentieNummer: string | null;
  readonly toewijzingNummer: string;
  readonly categorie: string;
  readonly code: string;
  readonly begindatum: string;
  readonly einddatum: string;
  readonly volume: number;
  readonly eenheid: string;
  /** Cents per unit; absent for Eenheid 83. */
  readonly tarief: number | null;
  /** Cents, always positive; see debetCredit. */
  readonly bedrag: number;
  readonly debetCredit: 'D' | 'C';
}

export interface ClientFacts extends At {
  readonly bsn: string;
  readonly prestaties: readonly PrestatieFact[];
}

export interface Jw323Facts {
  readonly type: 'JW323';
  readonly header: Header;
  readonly xsdVersie: { readonly basisschema: string; readonly bericht: string };
  readonly berichtVersie: string;
  readonly berichtSubversie: string;
  readonly declaratie: At & {
    readonly nummer: string;
    readonly periodeBegin: string;
    readonly periodeEind: string;
    readonly dagtekening: string;
    readonly totaal: number;
    readonly debetCredit: 'D' | 'C';
  };
  readonly clienten: readonly ClientFacts[];
}

export interface Jw325Facts {
  readonly type: 'JW325';
  readonly header: Header;
  readonly declaratieIdentificatie: { readonly identificatie: string; readonly dagtekening: string };
  /** The Header class: where findings on the header fields (TR337, TR371) are reported. */
  readonly headerAt: At;
  readonly xsdVersieDeclaratie: { readonly basisschema: string; readonly bericht: string };
  readonly retourcodes: readonly string[];
  readonly antwoord:
    | (At & {
        readonly declaratieNummer: string;
        readonly totaalIngediend: number;
        readonly ingediendDebetCredit: 'D' | 'C';
        readonly totaalToegekend: number;
        readonly toegekendDebetCredit: 'D' | 'C';
        readonly retourcodes: readonly string[];
        /** Only rejected prestaties are listed (process.md §2.4). */
        readonly clienten: readonly (ClientFacts & { readonly retourcodes: readonly string[]; readonly prestaties: readonly (PrestatieFact & { readonly retourcodes: readonly string[] })[] })[];
      })
    | null;
}

/** Retours: which heen-bericht they answer and whether they reject it (then it counts as not sent). */
export interface RetourFacts {
  readonly type: 'retour';
  readonly retourType: MessageType;
  readonly header: Header;
  readonly identificatieRetour: string;
  /** Codes in the header, and whether any class carries a code other than 0200/0233. */
  readonly headerCodes: readonly string[];
  readonly rejects: boolean;
}

export type Facts = Jw301Facts | Jw305Facts | Jw307Facts | Jw315Facts | Jw317Facts | Jw319Facts | Jw323Facts | Jw325Facts | RetourFacts;
export type FactType = Facts['type'];
export type FactsOf<T extends FactType> = Extract<Facts, { type: T }>;

function at(o: Located): string {
  const ref = o[NODE];
  return ref === undefined ? '/' : xpathOf(ref);
}

function product(p: CDT_Product | undefined): ProductFact | null {
  return p === undefined ? null : { categorie: p.Categorie, code: p.Code ?? null };
}

function omvang(o: CDT_Omvang | undefined): OmvangFact | null {
  return o === undefined ? null : { volume: Number(o.Volume), eenheid: o.Eenheid, frequentie: o.Frequentie };
}

function amount(s: string | undefined): number | null {
  return s === undefined ? null : Number(s);
}

/** An optional date of the message, clamped like every date the state computes with (clampToPlainRange). */
function optionalDate(value: string | undefined): string | null {
  return value === undefined ? null : date(value);
}

function header(h: { Afzender: string; Ontvanger: string; BerichtIdentificatie: { Identificatie: string; Dagtekening: string } }): Header {
  return { afzender: h.Afzender, ontvanger: h.Ontvanger, identificatie: h.BerichtIdentificatie.Identificatie, dagtekening: date(h.BerichtIdentificatie.Dagtekening) };
}

function prestatie(p: Berichten['JW323']['Declaratie']['Clienten']['Client'][number]['Prestaties']['Prestatie'][number]): PrestatieFact {
  return {
    path: at(p),
    referentieNummer: p.ProductReferentie.ReferentieNummer,
    vorigReferentieNummer: p.ProductReferentie.VorigReferentieNummer ?? null,
    toewijzingNummer: p.ToewijzingNummer,
    categorie: p.ProductCategorie,
    code: p.ProductCode,
    begindatum: date(p.ProductPeriode.Begindatum),
    einddatum: date(p.ProductPeriode.Einddatum),
    volume: Number(p.GeleverdVolume),
    eenheid: p.Eenheid,
    tarief: amount(p.ProductTarief),
    bedrag: Number(p.IngediendBedrag.Bedrag),
    debetCredit: p.IngediendBedrag.DebetCredit as 'D' | 'C',
  };
}

/** What a start line and a stop line share: the start's key and the StatusAanlevering. */
function startLine(p: Berichten['JW305']['Client']['StartProducten']['StartProduct'][number]): StartFact {
  return {
    path: at(p),
    toewijzingNummer: p.ToewijzingNummer ?? null,
    product: product(p.Product),
    toewijzingIngangsdatum: optionalDate(p.ToewijzingIngangsdatum),
    begindatum: date(p.Begindatum),
    status: p.StatusAanlevering,
  };
}

function codesOf(o: { RetourCodes?: { RetourCode: readonly string[] } } | undefined): readonly string[] {
  return o?.RetourCodes?.RetourCode ?? [];
}

const ACCEPTING = new Set(['0200', '0233', '8001']);

/** True when any class below the header carries a code that rejects it. */
function rejectsBelow(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(rejectsBelow);
  if (typeof value !== 'object' || value === null) return false;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'RetourCodes') {
      if ((v as { RetourCode: string[] }).RetourCode.some((c) => !ACCEPTING.has(c))) return true;
    } else if (rejectsBelow(v)) return true;
  }
  return false;
}

export function extractFacts(c: CheckedMessage): Facts {
  switch (c.type) {
    case 'JW301': {
      const m = (c as CheckedMessage<'JW301'>).message;
      return {
        type: 'JW301',
        header: header(m.Header),
        client: { path: at(m.Client), bsn: m.Client.Bsn },
        toewijzingen: m.Client.ToegewezenProducten.ToegewezenProduct.map((p) => ({
          path: at(p),
          nummer: p.ToewijzingNummer,
          referentieAanbieder: p.ReferentieAanbieder ?? null,
          product: product(p.Product),
          toewijzingsdatum: date(p.Toewijzingsdatum),
          toewijzingstijd: p.Toewijzingstijd,
          ingangsdatum: date(p.Ingangsdatum),
          einddatum: optionalDate(p.Einddatum),
          redenWijziging: p.RedenWijziging ?? null,
          omvang: omvang(p.Omvang),
          budget: amount(p.Budget),
        })),
      };
    }
    case 'JW305': {
      const m = (c as CheckedMessage<'JW305'>).message;
      return {
        type: 'JW305',
        header: header(m.Header),
        client: { path: at(m.Client), bsn: m.Client.Bsn },
        starts: m.Client.StartProducten.StartProduct.map(startLine),
      };
    }
    case 'JW307': {
      const m = (c as CheckedMessage<'JW307'>).message;
      return {
        type: 'JW307',
        header: header(m.Header),
        client: { path: at(m.Client), bsn: m.Client.Bsn },
        stops: m.Client.StopProducten.StopProduct.map((p) => ({ ...startLine(p), redenBeeindiging: p.RedenBeeindiging, einddatum: date(p.Einddatum) })),
      };
    }
    case 'JW315': {
      const m = (c as CheckedMessage<'JW315'>).message;
      return {
        type: 'JW315',
        header: header(m.Header),
        client: { path: at(m.Client), bsn: m.Client.Bsn },
        producten: m.Client.AangevraagdeProducten.AangevraagdProduct.map((p) => ({
          path: at(p),
          referentieAanbieder: p.ReferentieAanbieder,
          product: product(p.Product),
          ingangsdatum: date(p.ToewijzingIngangsdatum),
          einddatum: optionalDate(p.ToewijzingEinddatum),
          omvang: omvang(p.Omvang),
          budget: amount(p.Budget),
        })),
      };
    }
    case 'JW317': {
      const m = (c as CheckedMessage<'JW317'>).message;
      const v = m.Client.Verzoek;
      return {
        type: 'JW317',
        header: header(m.Header),
        client: { path: at(m.Client), bsn: m.Client.Bsn },
        verzoek: { path: at(v), referentieAanbieder: v.ReferentieAanbieder, redenVerzoek: v.RedenVerzoek },
        ongewijzigd: (v.OngewijzigdeProducten?.OngewijzigdProduct ?? []).map((p) => ({ path: at(p), toewijzingNummer: p.ToewijzingNummer })),
        teWijzigen: (v.TeWijzigenProducten?.TeWijzigenProduct ?? []).map((p) => ({
          path: at(p),
          toewijzingNummer: p.ToewijzingNummer,
          product: null,
          gewensteIngangsdatum: date(p.GewensteIngangsdatum),
          einddatum: optionalDate(p.Einddatum),
          omvang: omvang(p.Omvang),
          budget: amount(p.Budget),
        })),
        nieuw: (v.NieuweProducten?.NieuwProduct ?? []).map((p) => ({
          path: at(p),
          toewijzingNummer: null,
          product: product(p.Product),
          gewensteIngangsdatum: date(p.GewensteIngangsdatum),
          einddatum: optionalDate(p.Einddatum),
          omvang: omvang(p.Omvang),
          budget: amount(p.Budget),
        })),
      };
    }
    case 'JW319': {
      const m = (c as CheckedMessage<'JW319'>).message;
      const a = m.Antwoord;
      return {
        type: 'JW319',
        header: header(m.Header),
        antwoord: {
          path: at(a),
          referentieAanbieder: a.ReferentieAanbieder,
          verzoekAntwoord: a.VerzoekAntwoord,
          redenAfwijzing: a.RedenAfwijzingVerzoek ?? null,
          woonplaatsGemeente: a.Woonplaatsbeginsel?.Gemeente ?? null,
        },
      };
    }
    case 'JW323': {
      const m = (c as CheckedMessage<'JW323'>).message;
      const d = m.Declaratie;
      return {
        type: 'JW323',
        header: header(m.Header),
        xsdVersie: { basisschema: m.Header.XsdVersie.BasisschemaXsdVersie, bericht: m.Header.XsdVersie.BerichtXsdVersie },
        berichtVersie: m.Header.BerichtVersie,
        berichtSubversie: m.Header.BerichtSubversie,
        declaratie: {
          path: at(d),
          nummer: d.DeclaratieNummer,
          periodeBegin: date(d.DeclaratiePeriode.Begindatum),
          periodeEind: date(d.DeclaratiePeriode.Einddatum),
          dagtekening: date(d.DeclaratieDagtekening),
          totaal: Number(d.TotaalIngediendBedrag.TotaalBedrag),
          debetCredit: d.TotaalIngediendBedrag.DebetCredit as 'D' | 'C',
        },
        clienten: d.Clienten.Client.map((cl) => ({ path: at(cl), bsn: cl.Bsn, prestaties: cl.Prestaties.Prestatie.map(prestatie) })),
      };
    }
    case 'JW325': {
      const m = (c as CheckedMessage<'JW325'>).message;
      const h = m.Header;
      const a = m.DeclaratieAntwoord;
      return {
        type: 'JW325',
        header: header(h),
        declaratieIdentificatie: { identificatie: h.DeclaratieIdentificatie.Identificatie, dagtekening: date(h.DeclaratieIdentificatie.Dagtekening) },
        headerAt: { path: at(h) },
        xsdVersieDeclaratie: { basisschema: h.XsdVersieDeclaratie.BasisschemaXsdVersie, bericht: h.XsdVersieDeclaratie.BerichtXsdVersie },
        retourcodes: codesOf(h),
        antwoord:
          a === undefined
            ? null
            : {
                path: at(a),
                declaratieNummer: a.DeclaratieNummer,
                totaalIngediend: Number(a.TotaalIngediendBedrag.TotaalBedrag),
                ingediendDebetCredit: a.TotaalIngediendBedrag.DebetCredit as 'D' | 'C',
                totaalToegekend: Number(a.TotaalToegekendBedrag.TotaalBedrag),
                toegekendDebetCredit: a.TotaalToegekendBedrag.DebetCredit as 'D' | 'C',
                retourcodes: codesOf(a),
                clienten: (a.Clienten?.Client ?? []).map((cl) => ({
                  path: at(cl),
                  bsn: cl.Bsn,
                  retourcodes: codesOf(cl),
                  prestaties: cl.Prestaties.Prestatie.map((p) => ({ ...prestatie(p as never), retourcodes: codesOf(p) })),
                })),
              },
      };
    }
    default: {
      const m = c.message as { Header: Parameters<typeof header>[0] & { IdentificatieRetour: string; RetourCodes?: { RetourCode: readonly string[] } } };
      const h = m.Header;
      const headerCodes = codesOf(h);
      const { Header: _header, ...body } = m as unknown as Record<string, unknown>;
      return {
        type: 'retour',
        retourType: c.type,
        header: header(h),
        identificatieRetour: h.IdentificatieRetour,
        headerCodes,
        rejects: headerCodes.some((code) => !ACCEPTING.has(code)) || rejectsBelow(body),
      };
    }
  }
}
