/**
 * Client, person, address and contact rules of JW301: names (CS050, CS318), communication (CD007),
 * and the address rules on every Contact, the client's and each Relatie's (TR006, TR061, CD005,
 * CD009, CD025, CD034, CS089).
 */
import type { Rule } from '../rule.js';
import { CD005 } from './cd005.js';
import { CD007 } from './cd007.js';
import { CD009 } from './cd009.js';
import { CD025 } from './cd025.js';
import { CD034 } from './cd034.js';
import { CS050 } from './cs050.js';
import { CS089 } from './cs089.js';
import { CS318 } from './cs318.js';
import { TR006 } from './tr006.js';
import { TR061 } from './tr061.js';

export const RULES: readonly Rule[] = [TR006, TR061, CD005, CD007, CD009, CD025, CD034, CS050, CS089, CS318];

/** Message-scope rules of this group that are not a check of their own, with the reason. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  OP130:
    'Covered by the schema and TR006 together: the schema makes Relatie/Naam with Geslachtsnaam/Achternaam mandatory and non-blank, ' +
    'and TR006 (client/tr006.ts) checks every Relatie Contact for a Telefoon or an Adres with Huis and Postcode, which is the ' +
    'standard\'s own technical form of "a complete address and/or a phone number". A separate check would report the same defect twice.',
  OP252:
    'Lives in CS139 (geboortedatum.ts): DatumGebruik must fit the Datum on every client and Relatie birth date of JW301/305/307/315. ' +
    'Whether a date given without DatumGebruik was really known in full is not in the message; the one recognisable placeholder, ' +
    '1900-01-01 without DatumGebruik 3, is rejected by TR002 (more than 120 years before any 3.2 Dagtekening).',
  IV009:
    'The fill instruction behind CS139 (geboortedatum.ts): unknown day/month become 01 and an unknown year 1900, with DatumGebruik ' +
    '1, 2 or 3 saying which part is known; CS139 checks exactly that pairing on every client and Relatie birth date of JW301/305/307/315.',
  IV045:
    'Nothing in a message says whether a Relatie is an organisation except NaamGebruik 6 itself, so recording a guardian organisation ' +
    'with a natural-person NaamGebruik cannot be detected. What is checkable lives elsewhere: CS050 (client/cs050.ts) allows 6 on a ' +
    'Relatie only without Partnernaam, CS318 (client/cs318.ts) forbids 6 on the Client, and the schema requires Geslachtsnaam.',
  IV047:
    'Its checkable core is TR061 (client/tr061.ts): the client has a BRP (01), residence (03) or correspondence (02) address. Whether ' +
    'a client with only a correspondence address is registered in the BRP with just a postal address needs the BRP, not the message; ' +
    'a correspondence address next to a BRP address is allowed as an additional contact (OP091), so that is no defect either.',
};

/** `<code>/<type>` pairs rules.csv names that a check here leaves out on purpose, with the reason. */
export const PARTIAL_COVERAGE: Readonly<Record<string, string>> = {};
