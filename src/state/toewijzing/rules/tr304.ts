import { defineCrossRule } from '../../rule.js';
import { declaredToewijzingen } from '../current.js';
import { known, vowView } from '../vow.js';

/**
 * The client of a message is the client of the toewijzingen it names: a VOW's unchanged and
 * to-change products (JW317), a declaratie's prestaties (JW323). Only toewijzingen to the sending
 * aanbieder count - another aanbieder's would be data the sender cannot see (OP095); an unknown or
 * foreign number is TR350/TR351's or the declaratie fit rules' finding.
 *
 * Not checked on a JW325: it copies the clients and prestaties of its JW323 (which this rule
 * already vetted) and has no retour, so refusing it would only keep the answer from the aanbieder;
 * its consistency with the JW323 is the declaratie group's.
 */
export const TR304 = defineCrossRule(
  {
    code: 'TR304',
    kind: 'TR',
    retourcode: '8187',
    nl: 'Het BSN komt niet overeen met de cliënt van de toewijzing waarnaar verwezen wordt.',
    en: 'The Bsn must be that of the client of the referenced toewijzing.',
  },
  {
    JW317: (facts, r) => {
      const foreign = vowView(facts, r)
        .lines.filter((l) => known(l) && l.toewijzing.bsn !== facts.client.bsn)
        .map((l) => l.nummer);
      if (foreign.length > 0) r.report(facts.client, `ToewijzingNummer(s) ${foreign.join(', ')} belong to another client.`);
    },
    JW323: (facts, r) => {
      const toewijzingen = declaredToewijzingen(facts, r);
      const aanbieder = facts.header.afzender;
      for (const c of facts.clienten) {
        for (const p of c.prestaties) {
          const t = toewijzingen.get(p.toewijzingNummer);
          if (t !== undefined && t.aanbieder === aanbieder && t.bsn !== c.bsn) r.report(p, `ToewijzingNummer ${p.toewijzingNummer} belongs to another client.`);
        }
      }
    },
  },
);
