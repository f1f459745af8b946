/** Helpers shared by the client, person, address and contact rules of JW301. */
import type { Berichten, JW301_Contact } from '../../../standard/types.generated.js';

/**
 * Every Contact of a JW301: the client's Contactgegevens and the one Contact of each Relatie.
 * Both are the same message class (jw301:Contact), so the address rules apply to both alike.
 */
export function forEachContact(m: Berichten['JW301'], fn: (contact: JW301_Contact) => void): void {
  for (const contact of m.Client.Contactgegevens.Contact) fn(contact);
  for (const relatie of m.Client.Relaties?.Relatie ?? []) fn(relatie.Contact);
}

/** Soort adres (COD757) values named by the address rules. */
export const BRP_ADRES = '01';
export const CORRESPONDENTIE_ADRES = '02';
export const VERBLIJFADRES = '03';
export const TIJDELIJK_VERBLIJFADRES = '04';
