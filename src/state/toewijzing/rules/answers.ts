/**
 * Answering a request with a JW319 (gemeente → aanbieder, no BSN: linked only by
 * ReferentieAanbieder): it must answer a request this aanbieder sent this gemeente (TR355), not one
 * a toewijzing already honoured (TR359); "in onderzoek" comes at most once (TR360) and only
 * "in onderzoek" may be followed by another answer (TR365).
 */
import type { Jw319Facts } from '../../facts.js';
import { defineCrossRule } from '../../rule.js';
import type { CrossContext } from '../../rule.js';
import { antwoorden, honoured, verzoek } from '../requests.js';

function earlierAnswers(facts: Jw319Facts, ctx: CrossContext): readonly string[] {
  return antwoorden(ctx, facts.header.ontvanger, facts.antwoord.referentieAanbieder);
}

export const TR355 = defineCrossRule(
  {
    code: 'TR355',
    kind: 'TR',
    retourcode: '9355',
    nl: 'De ReferentieAanbieder in het antwoord hoort niet bij een verzoek (VOT of VOW) dat deze aanbieder eerder aan deze gemeente stuurde.',
    en: "The answer's ReferentieAanbieder must be that of an earlier VOT or VOW the aanbieder sent this gemeente.",
  },
  {
    JW319: (facts, r) => {
      const v = verzoek(r, facts.header.ontvanger, facts.antwoord.referentieAanbieder);
      if (v === undefined) r.report(facts.antwoord, 'No request of the aanbieder carries it.');
      else if (v.gemeente !== facts.header.afzender) r.report(facts.antwoord, 'The request carrying it was sent to another gemeente.');
    },
  },
);

export const TR359 = defineCrossRule(
  {
    code: 'TR359',
    kind: 'TR',
    retourcode: '9359',
    nl: 'Voor deze ReferentieAanbieder is al een toewijzing verstuurd; een antwoordbericht kan dan niet meer.',
    en: 'No answer message may follow once a toewijzing carrying the same ReferentieAanbieder was sent.',
  },
  {
    JW319: (facts, r) => {
      if (honoured(r, facts.header.ontvanger, facts.antwoord.referentieAanbieder)) r.report(facts.antwoord);
    },
  },
);

export const TR360 = defineCrossRule(
  {
    code: 'TR360',
    kind: 'TR',
    retourcode: '9360',
    nl: 'Er is al een antwoordbericht met deze ReferentieAanbieder; "aanvraag in onderzoek" mag maar één keer en alleen als eerste antwoord.',
    en: 'VerzoekAntwoord 2 (in onderzoek) may only be sent while no answer message with this ReferentieAanbieder exists yet.',
  },
  {
    JW319: (facts, r) => {
      if (facts.antwoord.verzoekAntwoord !== '2') return;
      const earlier = r.shared(earlierAnswers, facts);
      if (earlier.length > 0) r.report(facts.antwoord, `${earlier.length} answer message(s) with this ReferentieAanbieder came before.`);
    },
  },
);

export const TR365 = defineCrossRule(
  {
    code: 'TR365',
    kind: 'TR',
    retourcode: '9365',
    nl: 'Het eerdere antwoord op dit verzoek was geen "aanvraag in onderzoek"; daarna kan geen antwoordbericht meer volgen.',
    en: 'A further answer message is only allowed when the earlier answer with this ReferentieAanbieder was VerzoekAntwoord 2 (in onderzoek).',
  },
  {
    JW319: (facts, r) => {
      const final = r.shared(earlierAnswers, facts).find((a) => a !== '2');
      if (final !== undefined) r.report(facts.antwoord, `An earlier answer had VerzoekAntwoord ${final}.`);
    },
  },
);
