import type { JW301_Contact } from '../../../standard/types.generated.js';
import { defineRule } from '../rule.js';
import { forEachContact } from './support.js';

/** A Contact is reachable by phone, or by an address that has at least a house number and a postcode. */
function reachable(c: JW301_Contact): boolean {
  return c.Telefoon !== undefined || (c.Adres?.Huis !== undefined && c.Adres.Postcode !== undefined);
}

/**
 * TR006, on every Contact of the message: the client's Contactgegevens and each Relatie's Contact.
 * The same check is the contact half of OP130 (see NOT_APPLICABLE).
 */
export const TR006 = defineRule(
  {
    code: 'TR006',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Een contact moet een telefoonnummer hebben, of een adres met zowel huisnummer als postcode.',
    en: 'A Contact must have a Telefoon, or an Adres with both Huis and Postcode (or both).',
  },
  {
    JW301: (m, r) =>
      forEachContact(m, (c) => {
        if (!reachable(c)) r.report(c, undefined, 'The Contact has no Telefoon and no Adres with both Huis and Postcode.');
      }),
  },
);
