/**
 * The iJw 3.2 basisschema: logical data types (LDT) and complex data types (CDT) shared by all
 * messages. Facets are those of the standard; enumerations come from the code lists so that a
 * code and its label have one home.
 */
import {
  AanduidingWoonadres,
  AdresSoort,
  Communicatievorm,
  DatumGebruik as DatumGebruikCodes,
  DebetCredit,
  Eenheid,
  Frequentie,
  Geslacht,
  JaNee,
  JuridischeStatus,
  LandCode,
  NaamGebruik,
  ProductCategorie,
  RedenAfwijzingVerzoek,
  RedenBeeindiging,
  RedenVerzoek,
  RedenWijziging,
  RetourCode,
  SoortRelatie,
  StatusAanlevering,
  TypeVerwijzer,
  VerzoekAntwoord,
  WettelijkeVertegenwoordiging,
} from './codelijsten/index.js';
import { cdt, enumLdt, ldt, one, opt, type SimpleType } from './model.js';

// Most free-text types only forbid values that are blank: at least one non-space character.
const NOT_BLANK = '.*[^\\s].*';

function text(name: string, maxLength: number): SimpleType {
  return ldt(name, 'string', { minLength: 1, maxLength, pattern: NOT_BLANK });
}

function range(name: string, max: string): SimpleType {
  return ldt(name, 'integer', { minInclusive: '0', maxInclusive: max });
}

export const LDT = {
  AanduidingWoonadres: enumLdt('LDT_AanduidingWoonadres', 2, AanduidingWoonadres),
  AdresSoort: enumLdt('LDT_AdresSoort', 2, AdresSoort),
  AgbCode: ldt('LDT_AgbCode', 'string', { minLength: 1, maxLength: 8, pattern: '[0-9]{8}' }),
  Bedrag: range('LDT_Bedrag', '99999999'),
  BerichtCode: ldt('LDT_BerichtCode', 'string', { minLength: 1, maxLength: 3 }),
  BerichtSubversie: range('LDT_BerichtSubversie', '99'),
  BerichtVersie: range('LDT_BerichtVersie', '99'),
  Budget: range('LDT_Budget', '99999999'),
  // Nine digits only; the elfproef is an in-message rule (CS002), not a schema facet.
  BurgerServicenummer: ldt('LDT_BurgerServicenummer', 'string', { minLength: 1, maxLength: 9, pattern: '[0-9]{9}' }),
  // No maxLength in the standard: comment length is unbounded.
  Commentaar: ldt('LDT_Commentaar', 'string', { minLength: 1, pattern: '([.\\s]*\\S+[.\\s]*)+' }),
  Communicatievorm: enumLdt('LDT_Communicatievorm', 1, Communicatievorm),
  // A date without a time zone.
  Datum: ldt('LDT_Datum', 'date', { pattern: '[^:Z]*' }),
  DatumGebruik: enumLdt('LDT_DatumGebruik', 1, DatumGebruikCodes),
  DebetCredit: enumLdt('LDT_DebetCredit', 1, DebetCredit),
  Eenheid: enumLdt('LDT_Eenheid', 2, Eenheid),
  Emailadres: text('LDT_Emailadres', 80),
  Frequentie: enumLdt('LDT_Frequentie', 1, Frequentie),
  Gemeente: ldt('LDT_Gemeente', 'string', { minLength: 1, pattern: '[0-9]{4}' }),
  Geslacht: enumLdt('LDT_Geslacht', 1, Geslacht),
  Huisletter: text('LDT_Huisletter', 1),
  Huisnummer: range('LDT_Huisnummer', '99999'),
  HuisnummerToevoeging: text('LDT_HuisnummerToevoeging', 4),
  IdentificatieBericht: text('LDT_IdentificatieBericht', 12),
  IdentificatieDeclaratie: ldt('LDT_IdentificatieDeclaratie', 'string', { minLength: 1, maxLength: 12 }),
  JaNee: enumLdt('LDT_JaNee', 1, JaNee),
  JuridischeStatus: enumLdt('LDT_JuridischeStatus', 2, JuridischeStatus),
  LandCode: enumLdt('LDT_LandCode', 2, LandCode),
  Landnummer: text('LDT_Landnummer', 4),
  Naam: text('LDT_Naam', 200),
  NaamGebruik: enumLdt('LDT_NaamGebruik', 1, NaamGebruik),
  NaamVerwijzer: text('LDT_NaamVerwijzer', 64),
  Nummer: range('LDT_Nummer', '999999999'),
  Organisatienaam: text('LDT_Organisatienaam', 35),
  Persoonsid: text('LDT_Persoonsid', 20),
  Plaatsnaam: text('LDT_Plaatsnaam', 80),
  Postcode: text('LDT_Postcode', 8),
  ProductCategorie: enumLdt('LDT_ProductCategorie', 2, ProductCategorie),
  ProductCode: text('LDT_ProductCode', 5),
  RedenAfwijzingVerzoek: enumLdt('LDT_RedenAfwijzingVerzoek', 2, RedenAfwijzingVerzoek),
  RedenBeeindiging: enumLdt('LDT_RedenBeeindiging', 2, RedenBeeindiging),
  RedenVerzoek: enumLdt('LDT_RedenVerzoek', 1, RedenVerzoek),
  RedenWijziging: enumLdt('LDT_RedenWijziging', 2, RedenWijziging),
  Referentie: text('LDT_Referentie', 36),
  // Unlike most text types, the standard lets a whitespace-only ReferentieNummer through the schema.
  ReferentieNummer: ldt('LDT_ReferentieNummer', 'string', { minLength: 1, maxLength: 20 }),
  RelatieVolgorde: range('LDT_RelatieVolgorde', '99'),
  RetourCode: enumLdt('LDT_RetourCode', 4, RetourCode),
  SoortRelatie: enumLdt('LDT_SoortRelatie', 2, SoortRelatie),
  StatusAanlevering: enumLdt('LDT_StatusAanlevering', 1, StatusAanlevering),
  Straatnaam: text('LDT_Straatnaam', 24),
  Taal: text('LDT_Taal', 25),
  Telefoonnummer: ldt('LDT_Telefoonnummer', 'string', { minLength: 1, maxLength: 15, pattern: '[0-9]*' }),
  // A time without a zone or offset.
  Tijd: ldt('LDT_Tijd', 'time', { pattern: '[^Z+-]+' }),
  TotaalBedrag: range('LDT_TotaalBedrag', '999999999999'),
  TypeVerwijzer: enumLdt('LDT_TypeVerwijzer', 2, TypeVerwijzer),
  Versie: ldt('LDT_Versie', 'string', { minLength: 1, pattern: '(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)' }),
  VerzoekAntwoord: enumLdt('LDT_VerzoekAntwoord', 1, VerzoekAntwoord),
  Volume: range('LDT_Volume', '99999999'),
  Voorletters: ldt('LDT_Voorletters', 'string', { minLength: 1, maxLength: 6, pattern: '([a-zA-ZÀ-ỳ])+' }),
  Voorvoegsel: text('LDT_Voorvoegsel', 10),
  WettelijkeVertegenwoordiging: enumLdt('LDT_WettelijkeVertegenwoordiging', 2, WettelijkeVertegenwoordiging),
} as const;

const Achternaam = cdt('CDT_Achternaam', [one('Achternaam', LDT.Naam), opt('Voorvoegsel', LDT.Voorvoegsel)]);
const Huis = cdt('CDT_Huis', [
  one('Huisnummer', LDT.Huisnummer),
  opt('Huisletter', LDT.Huisletter),
  opt('HuisnummerToevoeging', LDT.HuisnummerToevoeging),
  opt('AanduidingWoonadres', LDT.AanduidingWoonadres),
]);
const Telefoon = cdt('CDT_Telefoon', [one('Telefoonnummer', LDT.Telefoonnummer), one('Landnummer', LDT.Landnummer)]);

export const CDT = {
  Achternaam,
  Adres: cdt('CDT_Adres', [
    opt('Huis', Huis),
    opt('Postcode', LDT.Postcode),
    opt('Straatnaam', LDT.Straatnaam),
    opt('Plaatsnaam', LDT.Plaatsnaam),
    opt('LandCode', LDT.LandCode),
  ]),
  BedragMetDC: cdt('CDT_BedragMetDC', [one('Bedrag', LDT.Bedrag), one('DebetCredit', LDT.DebetCredit)]),
  BerichtIdentificatie: cdt('CDT_BerichtIdentificatie', [
    one('Identificatie', LDT.IdentificatieBericht),
    one('Dagtekening', LDT.Datum),
  ]),
  Communicatie: cdt('CDT_Communicatie', [one('Vorm', LDT.Communicatievorm), opt('Taal', LDT.Taal)]),
  Geboortedatum: cdt('CDT_Geboortedatum', [one('Datum', LDT.Datum), opt('DatumGebruik', LDT.DatumGebruik)]),
  GeslotenPeriode: cdt('CDT_GeslotenPeriode', [one('Begindatum', LDT.Datum), one('Einddatum', LDT.Datum)]),
  Huis,
  Omvang: cdt('CDT_Omvang', [
    one('Volume', LDT.Volume),
    one('Eenheid', LDT.Eenheid),
    one('Frequentie', LDT.Frequentie),
  ]),
  OpenPeriode: cdt('CDT_OpenPeriode', [opt('Begindatum', LDT.Datum), opt('Einddatum', LDT.Datum)]),
  Product: cdt('CDT_Product', [one('Categorie', LDT.ProductCategorie), opt('Code', LDT.ProductCode)]),
  Referentie: cdt('CDT_Referentie', [
    one('ReferentieNummer', LDT.ReferentieNummer),
    opt('VorigReferentieNummer', LDT.ReferentieNummer),
  ]),
  Telefoon,
  Telefoonnummers: cdt('CDT_Telefoonnummers', [one('Telefoon01', Telefoon), opt('Telefoon02', Telefoon)]),
  TotaalBedragMetDC: cdt('CDT_TotaalBedragMetDC', [
    one('TotaalBedrag', LDT.TotaalBedrag),
    one('DebetCredit', LDT.DebetCredit),
  ]),
  VerkorteNaam: cdt('CDT_VerkorteNaam', [
    one('Geslachtsnaam', Achternaam),
    opt('Voornamen', LDT.Naam),
    opt('Voorletters', LDT.Voorletters),
  ]),
  Verwijzer: cdt('CDT_Verwijzer', [
    one('Type', LDT.TypeVerwijzer),
    opt('Naam', LDT.NaamVerwijzer),
    opt('ZorgverlenerCode', LDT.AgbCode),
  ]),
  VolledigeNaam: cdt('CDT_VolledigeNaam', [
    one('Geslachtsnaam', Achternaam),
    opt('Partnernaam', Achternaam),
    opt('Voornamen', LDT.Naam),
    opt('Voorletters', LDT.Voorletters),
    one('NaamGebruik', LDT.NaamGebruik),
  ]),
  XsdVersie: cdt('CDT_XsdVersie', [
    one('BasisschemaXsdVersie', LDT.Versie),
    one('BerichtXsdVersie', LDT.Versie),
  ]),
} as const;
