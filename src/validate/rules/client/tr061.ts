import { defineRule } from '../rule.js';
import { BRP_ADRES, CORRESPONDENTIE_ADRES, VERBLIJFADRES } from './support.js';

const QUALIFYING: ReadonlySet<string> = new Set([BRP_ADRES, CORRESPONDENTIE_ADRES, VERBLIJFADRES]);

/**
 * TR061: among the client's Contactgegevens at least one Contact is a BRP, correspondence or
 * residence address. Only Soort counts: whether that Contact carries a complete address is for
 * TR006 and CD034 to say. Relatie contacts do not count; they are not the client's address.
 */
export const TR061 = defineRule(
  {
    code: 'TR061',
    kind: 'TR',
    retourcode: '0001',
    nl: 'De cliënt heeft geen BRP-adres, correspondentieadres of verblijfadres (soort 01, 02 of 03).',
    en: 'The Client must have at least one Contact whose Soort is 01 (BRP), 02 (correspondence) or 03 (residence).',
  },
  {
    JW301: (m, r) => {
      const contacts = m.Client.Contactgegevens.Contact;
      if (!contacts.some((c) => QUALIFYING.has(c.Soort))) {
        r.report(m.Client, 'Contactgegevens', 'Only temporary residence addresses (Soort 04) are given.');
      }
    },
  },
);
