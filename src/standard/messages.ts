/**
 * The fourteen iJw 3.2 messages as data. The seven heen-berichten are written out; each retour is
 * derived from its heen-bericht the way the standard defines it (retour header, optional body,
 * RetourCodes as the last child of every class), so the pair cannot drift apart.
 */
import { CDT, LDT } from './basisschema.js';
import {
  many,
  messageClass,
  one,
  opt,
  restrict,
  wrapper,
  type ComplexType,
  type ElementDecl,
  type XsdType,
} from './model.js';

export type Party = 'gemeente' | 'aanbieder';

function header(berichtCode: string, afzender: Party, extra: readonly ElementDecl[] = []): ComplexType {
  const partyType = (p: Party) => (p === 'gemeente' ? LDT.Gemeente : LDT.AgbCode);
  return wrapper('Header', [
    one('BerichtCode', restrict(LDT.BerichtCode, { pattern: berichtCode })),
    one('BerichtVersie', restrict(LDT.BerichtVersie, { pattern: '3' })),
    one('BerichtSubversie', restrict(LDT.BerichtSubversie, { pattern: '2' })),
    one('Afzender', partyType(afzender)),
    one('Ontvanger', partyType(afzender === 'gemeente' ? 'aanbieder' : 'gemeente')),
    one('BerichtIdentificatie', CDT.BerichtIdentificatie),
    one('XsdVersie', CDT.XsdVersie),
    ...extra,
  ]);
}

function root(headerType: ComplexType, body: ElementDecl): ComplexType {
  return wrapper('Root', [one('Header', headerType), body]);
}

/** The wrapper that holds a class's codes in retours and in JW325. */
export const RetourCodes = wrapper('RetourCodes', [many('RetourCode', LDT.RetourCode)]);

/** The client's identifying data every message about one person starts with. */
function person(naam: ComplexType): ElementDecl[] {
  return [
    one('Bsn', LDT.BurgerServicenummer),
    one('Geboortedatum', CDT.Geboortedatum),
    one('Geslacht', LDT.Geslacht),
    one('Naam', naam),
  ];
}

// --- JW301 Toewijzing -----------------------------------------------------------------------

const Contact = messageClass('Contact', [
  one('Soort', LDT.AdresSoort),
  opt('Adres', CDT.Adres),
  opt('Organisatie', LDT.Organisatienaam),
  opt('Telefoon', CDT.Telefoonnummers),
  opt('Emailadres', LDT.Emailadres),
  opt('Periode', CDT.OpenPeriode),
]);

const Relatie = messageClass('Relatie', [
  one('Nummer', LDT.Persoonsid),
  opt('Volgorde', LDT.RelatieVolgorde),
  one('Soort', LDT.SoortRelatie),
  opt('Geboortedatum', CDT.Geboortedatum),
  opt('Geslacht', LDT.Geslacht),
  one('Naam', CDT.VolledigeNaam),
  one('Contact', Contact),
]);

const ToegewezenProduct = messageClass('ToegewezenProduct', [
  one('ToewijzingNummer', LDT.Nummer),
  opt('ReferentieAanbieder', LDT.Referentie),
  opt('Product', CDT.Product),
  one('Toewijzingsdatum', LDT.Datum),
  one('Toewijzingstijd', LDT.Tijd),
  one('Ingangsdatum', LDT.Datum),
  opt('Einddatum', LDT.Datum),
  opt('RedenWijziging', LDT.RedenWijziging),
  opt('Omvang', CDT.Omvang),
  opt('Budget', LDT.Budget),
  opt('Commentaar', LDT.Commentaar),
]);

const JW301 = root(
  header('436', 'gemeente'),
  one(
    'Client',
    messageClass('Client', [
      ...person(CDT.VolledigeNaam),
      opt('Communicatie', CDT.Communicatie),
      opt('JuridischeStatus', LDT.JuridischeStatus),
      opt('WettelijkeVertegenwoordiging', LDT.WettelijkeVertegenwoordiging),
      opt('Commentaar', LDT.Commentaar),
      opt('Relaties', wrapper('Relaties', [many('Relatie', Relatie)])),
      one('Contactgegevens', wrapper('Contactgegevens', [many('Contact', Contact)])),
      one('ToegewezenProducten', wrapper('ToegewezenProducten', [many('ToegewezenProduct', ToegewezenProduct)])),
    ]),
  ),
);

// --- JW305 Start and JW307 Stop -------------------------------------------------------------

function deliveryClient(list: string, item: string, stop: boolean): ComplexType {
  const product = messageClass(item, [
    opt('ToewijzingNummer', LDT.Nummer),
    opt('Product', CDT.Product),
    opt('ToewijzingIngangsdatum', LDT.Datum),
    one('Begindatum', LDT.Datum),
    ...(stop ? [one('RedenBeeindiging', LDT.RedenBeeindiging), one('Einddatum', LDT.Datum)] : []),
    one('StatusAanlevering', LDT.StatusAanlevering),
  ]);
  return messageClass('Client', [...person(CDT.VerkorteNaam), one(list, wrapper(list, [many(item, product)]))]);
}

const JW305 = root(header('438', 'aanbieder'), one('Client', deliveryClient('StartProducten', 'StartProduct', false)));
const JW307 = root(header('440', 'aanbieder'), one('Client', deliveryClient('StopProducten', 'StopProduct', true)));

// --- JW315 Verzoek om toewijzing --------------------------------------------------------------

const AangevraagdProduct = messageClass('AangevraagdProduct', [
  one('ReferentieAanbieder', LDT.Referentie),
  opt('BeschikkingNummer', LDT.Nummer),
  opt('Product', CDT.Product),
  opt('BeschikkingIngangsdatum', LDT.Datum),
  one('ToewijzingIngangsdatum', LDT.Datum),
  opt('ToewijzingEinddatum', LDT.Datum),
  opt('Omvang', CDT.Omvang),
  opt('Budget', LDT.Budget),
  one('Verwijzer', CDT.Verwijzer),
  opt('Raamcontract', LDT.JaNee),
  opt('Commentaar', LDT.Commentaar),
]);

const JW315 = root(
  header('446', 'aanbieder'),
  one(
    'Client',
    messageClass('Client', [
      ...person(CDT.VerkorteNaam),
      opt('GezagsdragerBekend', LDT.JaNee),
      opt('Commentaar', LDT.Commentaar),
      one('AangevraagdeProducten', wrapper('AangevraagdeProducten', [many('AangevraagdProduct', AangevraagdProduct)])),
    ]),
  ),
);

// --- JW317 Verzoek om wijziging ---------------------------------------------------------------

const wish = [
  one('GewensteIngangsdatum', LDT.Datum),
  opt('Einddatum', LDT.Datum),
  opt('Omvang', CDT.Omvang),
  opt('Budget', LDT.Budget),
];

const Verzoek = messageClass('Verzoek', [
  one('ReferentieAanbieder', LDT.Referentie),
  one('RedenVerzoek', LDT.RedenVerzoek),
  opt(
    'OngewijzigdeProducten',
    wrapper('OngewijzigdeProducten', [
      many('OngewijzigdProduct', messageClass('OngewijzigdProduct', [one('ToewijzingNummer', LDT.Nummer)])),
    ]),
  ),
  opt(
    'TeWijzigenProducten',
    wrapper('TeWijzigenProducten', [
      many('TeWijzigenProduct', messageClass('TeWijzigenProduct', [one('ToewijzingNummer', LDT.Nummer), ...wish])),
    ]),
  ),
  opt(
    'NieuweProducten',
    wrapper('NieuweProducten', [
      many('NieuwProduct', messageClass('NieuwProduct', [opt('Product', CDT.Product), ...wish])),
    ]),
  ),
]);

const JW317 = root(
  header('486', 'aanbieder'),
  one('Client', messageClass('Client', [one('Bsn', LDT.BurgerServicenummer), one('Verzoek', Verzoek)])),
);

// --- JW319 Antwoordbericht ------------------------------------------------------------------

const JW319 = root(
  header('488', 'gemeente'),
  one(
    'Antwoord',
    messageClass('Antwoord', [
      one('ReferentieAanbieder', LDT.Referentie),
      one('VerzoekAntwoord', LDT.VerzoekAntwoord),
      opt('RedenAfwijzingVerzoek', LDT.RedenAfwijzingVerzoek),
      opt('Woonplaatsbeginsel', messageClass('Woonplaatsbeginsel', [one('Gemeente', LDT.Gemeente)])),
    ]),
  ),
);

// --- JW323 Declaratie and JW325 Declaratie-antwoord --------------------------------------------

const prestatieFields = [
  one('ProductReferentie', CDT.Referentie),
  one('ToewijzingNummer', LDT.Nummer),
  one('ProductCategorie', LDT.ProductCategorie),
  one('ProductCode', LDT.ProductCode),
  one('ProductPeriode', CDT.GeslotenPeriode),
  one('GeleverdVolume', LDT.Volume),
  one('Eenheid', LDT.Eenheid),
  opt('ProductTarief', LDT.Bedrag),
  one('IngediendBedrag', CDT.BedragMetDC),
];

function declaratieClient(extra: readonly ElementDecl[]): ComplexType {
  const prestatie = messageClass('Prestatie', [...prestatieFields, ...extra]);
  return messageClass('Client', [
    one('Bsn', LDT.BurgerServicenummer),
    one('Prestaties', wrapper('Prestaties', [many('Prestatie', prestatie)])),
    ...extra,
  ]);
}

const JW323 = root(
  header('490', 'aanbieder'),
  one(
    'Declaratie',
    messageClass('Declaratie', [
      // CS319: letters and digits only, narrower than the basisschema type.
      one('DeclaratieNummer', restrict(LDT.IdentificatieDeclaratie, { pattern: '([a-zA-Z0-9])+' })),
      one('DeclaratiePeriode', CDT.GeslotenPeriode),
      one('DeclaratieDagtekening', LDT.Datum),
      one('TotaalIngediendBedrag', CDT.TotaalBedragMetDC),
      one('Clienten', wrapper('Clienten', [many('Client', declaratieClient([]))])),
    ]),
  ),
);

const retourCodesRequired = [one('RetourCodes', RetourCodes)];

// JW325 has no retour of its own; its codes are part of the message, mandatory in the header.
const JW325 = root(
  header('491', 'gemeente', [
    one('DeclaratieIdentificatie', CDT.BerichtIdentificatie),
    opt('XsltVersie', LDT.Versie),
    one('XsdVersieDeclaratie', CDT.XsdVersie),
    one('RetourCodes', RetourCodes),
  ]),
  opt(
    'DeclaratieAntwoord',
    messageClass('DeclaratieAntwoord', [
      one('DeclaratieNummer', LDT.IdentificatieDeclaratie),
      one('TotaalIngediendBedrag', CDT.TotaalBedragMetDC),
      one('TotaalToegekendBedrag', CDT.TotaalBedragMetDC),
      opt('Clienten', wrapper('Clienten', [many('Client', declaratieClient(retourCodesRequired))])),
      ...retourCodesRequired,
    ]),
  ),
);

// --- Retours ----------------------------------------------------------------------------------

function retourHeader(heenHeader: ComplexType, retourCode: string): ComplexType {
  const [, ...rest] = heenHeader.children;
  return wrapper('Header', [
    one('BerichtCode', restrict(LDT.BerichtCode, { pattern: retourCode })),
    ...rest,
    one('IdentificatieRetour', LDT.IdentificatieBericht),
    one('DagtekeningRetour', LDT.Datum),
    opt('XsltVersie', LDT.Versie),
    one('XsdVersieRetour', CDT.XsdVersie),
    opt('RetourCodes', RetourCodes),
  ]);
}

/** Copies a message-namespace type tree, appending RetourCodes to every class. */
function withRetourCodes(type: ComplexType, seen: Map<ComplexType, ComplexType>): ComplexType {
  const done = seen.get(type);
  if (done !== undefined) return done;
  const children = type.children.map((e): ElementDecl => {
    const t: XsdType = e.type.kind === 'complex' && e.type.ns === 'message' ? withRetourCodes(e.type, seen) : e.type;
    return { ...e, type: t };
  });
  const copy: ComplexType = { ...type, children: type.isClass ? [...children, ...retourCodesRequired] : children };
  seen.set(type, copy);
  return copy;
}

function retourOf(heen: ComplexType, retourCode: string): ComplexType {
  const [headerEl, bodyEl] = heen.children;
  if (headerEl?.type.kind !== 'complex' || bodyEl?.type.kind !== 'complex') {
    throw new Error('a heen-bericht root is Header followed by a body class');
  }
  return root(retourHeader(headerEl.type, retourCode), {
    ...bodyEl,
    min: 0,
    type: withRetourCodes(bodyEl.type, new Map()),
  });
}

export const messageRoots = {
  JW301,
  JW302: retourOf(JW301, '437'),
  JW305,
  JW306: retourOf(JW305, '439'),
  JW307,
  JW308: retourOf(JW307, '441'),
  JW315,
  JW316: retourOf(JW315, '447'),
  JW317,
  JW318: retourOf(JW317, '487'),
  JW319,
  JW320: retourOf(JW319, '489'),
  JW323,
  JW325,
} as const satisfies Record<string, ComplexType>;
