/**
 * Toewijzingen (JW301) and the requests that lead to them (JW315 VOT, JW317 VOW, answered by
 * JW319 or a JW301): process.md §2.1–§2.2. Every version of a toewijzing is kept; the current one
 * is the version with the latest Toewijzingsdatum + Toewijzingstijd (IV013). Requests are kept per
 * ReferentieAanbieder with their answers; whether one is open is derived (requests.ts).
 */
import type { StateGroup } from '../rule.js';
import { TOEWIJZING_SCHEMA, TOEWIJZING_TABLES } from './schema.js';
import { applyAntwoord, applyToewijzingen, applyVot, applyVow } from './apply.js';
import { TR355, TR359, TR360, TR365 } from './rules/answers.js';
import { TR347, TR374 } from './rules/requests.js';
import { TR304 } from './rules/tr304.js';
import { TR332 } from './rules/tr332.js';
import { TR379 } from './rules/tr379.js';
import { TR375, TR411, TR412 } from './rules/vow-omvang.js';
import { TR349, TR350, TR351, TR357, TR361, TR373 } from './rules/vow.js';

const DEADLINE =
  'A deadline, not a rejection ground: the monitoring (src/quality/) records when the answer on a request falls due and whether it came in time.';

export const TOEWIJZING_NOT_APPLICABLE: Readonly<Record<string, string>> = {
  OP033x1:
    'Which changes a toewijzing may undergo under its number: the change comes as a new JW301 and the latest Toewijzingsdatum + Toewijzingstijd wins (currentToewijzing in src/state/toewijzing/current.ts); another client, aanbieder or product under the same number is TR332 (9332); deletion (13 with Einddatum = Ingangsdatum) is CS335/CS336 in the message and is treated as never sent by isDeleted(). Which other field changes need a new number (volume outside frequency 6) the standard leaves to the gemeente with no retourcode.',
  OP071:
    'Relatie/Nummer has no key besides itself to tell a renumbered relatie from a new one, and the standard gives no retourcode across messages; a number used twice within one JW301 is TR101 (src/validate/rules/).',
  OP087:
    'What a JW301 must hold is guidance without a retourcode: a toewijzing left out of a later JW301 is not ended by that, so our state keeps every version per ToewijzingNummer and derives the current one per number (current.ts), never from the latest message alone.',
  OP257:
    'The gemeente decides whether a changed need is a new toewijzing or a change of the existing one; the part with a retourcode, a number reused for another product or client, is TR332 (9332).',
  OP259:
    'Stacking is checked where the standard gives it a code: TR302 within a JW301 (src/validate/rules/product/overlap.ts), which by OP087 holds all current toewijzingen of the client and aanbieder; there is no retourcode for stacking across messages.',
  OP274: DEADLINE,
  OP275: 'The number unique per gemeente: TR332 (9332, src/state/toewijzing/rules/tr332.ts).',
  OP306:
    'A VOW needs current toewijzingen: TR352 (in the message) requires an unchanged or to-change product and TR350/TR351 (9350/9351, rules/vow.ts) that each names a current toewijzing of this aanbieder.',
  OP307:
    'Whether the client has a referral is in the message (Verwijzer, XSD and CD066–CD068); whether a current toewijzing already covers the product is for the gemeente to judge and answer with a JW319 rejection, the standard has no retourcode for it.',
  OP308: 'The complete desired situation: TR349/TR350/TR351 (rules/vow.ts) across messages and TR352/TR353 within the message.',
  OP344:
    'How requests end: our request state (requests.ts) keeps a VOT per AangevraagdProduct and a VOW per Verzoek and treats a request as answered by a JW319 with VerzoekAntwoord 1 or a JW301 carrying its reference; the checks are TR355/TR359/TR360/TR365 (rules/answers.ts) and TR379 (rules/tr379.ts, all or nothing for a VOW).',
  OP345:
    'Whether a retroactive change makes delivered or declared care unlawful is the gemeente’s judgement; the checkable part, a retroactive change applies from the original start, is TR357/TR373 (9357/9373, rules/vow.ts).',
  OP346: DEADLINE,
  OP347:
    'Stacked requests: TR386 (JW315) and TR410 (JW317 NieuwProduct) within the message, and TR361 (9361, rules/vow.ts) for a VOW against the toewijzingen it keeps or changes; a VOT against existing toewijzingen is OP307, without a retourcode.',
  OP348:
    'Copying an honoured VOW into the toewijzing is the gemeente’s business rule with no retourcode; what can be checked, that every toewijzing the VOW listed carries its reference, is TR379 (9379).',
  OP350: 'One open request per client and aanbieder: TR374 (9374, rules/requests.ts).',
  OP359:
    'The two-week deadline is monitoring (src/quality/); naming the responsible gemeente with reden 8 is TR377/TR409 within the JW319.',
  OP361: 'The reference unique per aanbieder: TR347 (9347, rules/requests.ts); unique within one VOT: TR383 in the message.',
  OP362:
    'Deleting a toewijzing that approved, uncredited prestaties rely on is TR385 (9385), checked against the claim ledger by the declaratie group (src/state/declaratie/); delivered care without a claim gives no retourcode.',
  OP380:
    'Stretching the end date instead of issuing a new toewijzing is the gemeente’s choice to make right; a new number for an extension cannot be told from a genuinely new toewijzing and the standard gives no retourcode.',
  IV013:
    'Implemented as the definition of the current version: currentToewijzing() orders by Toewijzingsdatum + Toewijzingstijd (then arrival), so a resent older version never overrides a newer one.',
  IV066: 'The number stays with its toewijzing through changes: TR332 (9332) refuses it for another client, aanbieder or product.',
  IV092: 'How to fill a VOW: TR347, TR349, TR350, TR351, TR357, TR373, TR375, TR411, TR412 across messages and TR352/TR353/TR380 within the message.',
  IV093: 'Every product of the JW301 honouring a VOW carries its reference: TR379 (9379, rules/tr379.ts) for the toewijzingen the VOW listed.',
  IV094: 'Honouring a VOT per product with that product’s reference, others empty: TR379 (9379) checks every filled reference.',
  IV097: 'ReferentieAanbieder only in the first toewijzing honouring a request: TR379 (9379).',
  IV099:
    'RedenWijziging empty for a new or unchanged toewijzing and filled when changed is an instruction without a retourcode; the values themselves are CS335/CS336 within the message.',
};

export const toewijzingGroup: StateGroup = {
  name: 'toewijzing',
  schema: TOEWIJZING_SCHEMA,
  tables: TOEWIJZING_TABLES,
  rules: [TR304, TR332, TR347, TR349, TR350, TR351, TR355, TR357, TR359, TR360, TR361, TR365, TR373, TR374, TR375, TR379, TR411, TR412],
  notApplicable: TOEWIJZING_NOT_APPLICABLE,
  apply: { JW301: applyToewijzingen, JW315: applyVot, JW317: applyVow, JW319: applyAntwoord },
};
