/**
 * Turns libxml2's English schema errors into a short Dutch sentence for the ketenpartner. Values of
 * personal-data elements are masked in both texts: a validation report may travel to another party.
 */
import { BASIS_NAMESPACE, messageByNamespace } from '../standard/catalogue.js';

// Elements whose content identifies or describes a person (BSN, name, birth date, address, contact).
const PERSONAL = new Set([
  'Bsn',
  'Achternaam',
  'Voorvoegsel',
  'Voornamen',
  'Voorletters',
  'Datum',
  'Huisnummer',
  'Huisletter',
  'HuisnummerToevoeging',
  'Postcode',
  'Straatnaam',
  'Plaatsnaam',
  'Telefoonnummer',
  'Landnummer',
  'Emailadres',
  'Taal',
  'Commentaar',
]);

const QNAME = /\{([^}]*)\}([A-Za-z0-9_.-]+)/g;

function prefixFor(ns: string): string {
  if (ns === BASIS_NAMESPACE) return 'ijw';
  return messageByNamespace(ns)?.prefix ?? ns;
}

/** '{http://…/jw301/schema}Bsn' → 'jw301:Bsn'. */
export function shortenNames(text: string): string {
  return text.replace(QNAME, (_, ns: string, local: string) => `${prefixFor(ns)}:${local}`);
}

function localName(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}

export interface TranslatedError {
  readonly message: string;
  readonly detail: string;
}

interface Pattern {
  readonly re: RegExp;
  readonly nl: (m: RegExpMatchArray, el: string) => string;
}

const PATTERNS: readonly Pattern[] = [
  {
    re: /\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'/s,
    nl: (m, el) => `Element ${el}: de waarde '${m[1]}' voldoet niet aan het patroon '${m[2]}'.`,
  },
  {
    re: /\[facet 'maxLength'\] The value '(.*)' has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'/s,
    nl: (m, el) => `Element ${el}: de waarde is ${m[2]} tekens lang; maximaal ${m[3]} toegestaan.`,
  },
  {
    re: /\[facet 'minLength'\] The value '(.*)' has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'/s,
    nl: (m, el) => `Element ${el}: de waarde is ${m[2]} tekens lang; minimaal ${m[3]} vereist.`,
  },
  {
    re: /\[facet 'enumeration'\] The value '(.*)' is not an element of the set/s,
    nl: (m, el) => `Element ${el}: de waarde '${m[1]}' komt niet voor in de codelijst.`,
  },
  {
    re: /\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value allowed \('(.*)'\)/s,
    nl: (m, el) => `Element ${el}: de waarde '${m[1]}' is groter dan het maximum ${m[2]}.`,
  },
  {
    re: /\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed \('(.*)'\)/s,
    nl: (m, el) => `Element ${el}: de waarde '${m[1]}' is kleiner dan het minimum ${m[2]}.`,
  },
  {
    re: /^Element '[^']+': '(.*)' is not a valid value of the (?:atomic|local atomic|union|list) type '(.*)'/s,
    nl: (m, el) => `Element ${el}: de waarde '${m[1]}' is geen geldige waarde voor dit gegevenstype.`,
  },
  {
    re: /This element is not expected\. Expected is(?: one of)? \( (.*) \)/s,
    nl: (m, el) => `Element ${el} staat hier niet op zijn plaats; verwacht: ${m[1]}.`,
  },
  {
    re: /This element is not expected\./,
    nl: (_, el) => `Element ${el} hoort hier niet; er wordt op deze plek geen element meer verwacht.`,
  },
  {
    re: /Missing child element\(s\)\. Expected is(?: one of)? \( (.*) \)/s,
    nl: (m, el) => `Element ${el} mist een verplicht element: ${m[1]}.`,
  },
  {
    re: /Character content other than whitespace is not allowed/,
    nl: (_, el) => `Element ${el} mag geen tekst bevatten, alleen elementen.`,
  },
  {
    re: /Element content is not allowed, because the content type is a simple type/,
    nl: (_, el) => `Element ${el} mag alleen een waarde bevatten, geen elementen.`,
  },
  {
    re: /The attribute '(.*)' is not allowed/,
    nl: (m, el) => `Element ${el}: het attribuut '${m[1]}' is niet toegestaan.`,
  },
  {
    re: /No matching global declaration available for the validation root/,
    nl: (_, el) => `Het root-element ${el} is niet het Bericht-element van dit berichttype.`,
  },
];

/** The offending value as libxml2 quotes it, if the error quotes one. */
function quotedValue(english: string): string | undefined {
  return /^Element '[^']+': '(.*?)' is not a valid value/s.exec(english)?.[1] ?? /The value '(.*?)'/s.exec(english)?.[1];
}

function masker(english: string, elementLocal: string): (text: string) => string {
  const value = PERSONAL.has(elementLocal) ? quotedValue(english) : undefined;
  if (value === undefined) return (text) => text;
  return (text) => text.split(`'${value}'`).join("'***'");
}

export function translateXsdError(raw: string): TranslatedError {
  const english = shortenNames(raw.trim());
  const elementMatch = /^Element '([^']+)'/.exec(english);
  const element = elementMatch?.[1] ?? 'onbekend';
  const el = localName(element);
  const mask = masker(english, el);
  const detail = mask(english);
  for (const p of PATTERNS) {
    const m = english.match(p.re);
    if (m) return { message: mask(p.nl(m, element)), detail };
  }
  return { message: `Het bericht voldoet niet aan het XSD-schema bij element ${element}.`, detail };
}
