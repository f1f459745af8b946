/**
 * TR101: no record twice in one message. Each class's logical key, taken together with the keys of
 * the classes above it, must be unique. The keys are the elements the standard marks as key
 * elements (sleutelelementen); the messages carry one client, except claims and claim answers.
 *
 * - JW301: ToegewezenProduct by ToewijzingNummer; Relatie by Nummer; the client's Contact by Soort.
 * - JW305: StartProduct by ToewijzingNummer + Product + Begindatum (IV008: StatusAanlevering is not
 *   part of it, so a deletion and a new delivery with the same key cannot share a message).
 * - JW307: StopProduct by the start key + Einddatum + RedenBeeindiging.
 * - JW317: OngewijzigdProduct and TeWijzigenProduct by ToewijzingNummer; NieuwProduct by Product +
 *   GewensteIngangsdatum.
 * - JW323, JW325: Client by Bsn; Prestatie by ReferentieNummer, across the whole message, since a
 *   ReferentieNummer identifies a prestatie for the sender whatever client it sits under.
 *
 * JW315 is left to TR383: its only repeating class, AangevraagdProduct, is keyed by
 * ReferentieAanbieder, whose uniqueness in the message is exactly what TR383 checks.
 */
import type { Located } from '../../../standard/located.js';
import type { JW323_Client, JW325_Client } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { forEachDuplicate, numberKey, productKey } from './support.js';

function unique<T extends Located>(items: readonly T[], what: string, key: (item: T) => string, child: string | undefined, r: Reporter): void {
  forEachDuplicate(items, key, (item, _i, first) => r.report(item, child, `Same key as ${what} ${first + 1} in this message.`));
}

function claim(clients: readonly (JW323_Client | JW325_Client)[], r: Reporter): void {
  unique(clients, 'Client', (c) => c.Bsn, 'Bsn', r);
  const seen = new Set<string>();
  for (const c of clients) {
    for (const p of c.Prestaties.Prestatie) {
      const nummer = p.ProductReferentie.ReferentieNummer;
      if (!seen.has(nummer)) seen.add(nummer);
      else r.report(p.ProductReferentie, 'ReferentieNummer', 'The ReferentieNummer occurs earlier in this message.');
    }
  }
}

export const TR101 = defineRule(
  {
    code: 'TR101',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Het bericht bevat hetzelfde gegeven twee keer: de logische sleutel van een berichtklasse komt dubbel voor.',
    en: 'No duplicate records: a class logical key, with the keys of its parent classes, must be unique in the message.',
  },
  {
    JW301: (m, r) => {
      unique(m.Client.ToegewezenProducten.ToegewezenProduct, 'ToegewezenProduct', (p) => numberKey(p.ToewijzingNummer), 'ToewijzingNummer', r);
      unique(m.Client.Relaties?.Relatie ?? [], 'Relatie', (p) => p.Nummer, 'Nummer', r);
      unique(m.Client.Contactgegevens.Contact, 'Contact', (c) => c.Soort, 'Soort', r);
    },
    JW305: (m, r) =>
      unique(m.Client.StartProducten.StartProduct, 'StartProduct', (p) => `${numberKey(p.ToewijzingNummer)}|${productKey(p.Product)}|${p.Begindatum}`, undefined, r),
    JW307: (m, r) =>
      unique(
        m.Client.StopProducten.StopProduct,
        'StopProduct',
        (p) => `${numberKey(p.ToewijzingNummer)}|${productKey(p.Product)}|${p.Begindatum}|${p.Einddatum}|${p.RedenBeeindiging}`,
        undefined,
        r,
      ),
    JW317: (m, r) => {
      const v = m.Client.Verzoek;
      unique(v.OngewijzigdeProducten?.OngewijzigdProduct ?? [], 'OngewijzigdProduct', (p) => numberKey(p.ToewijzingNummer), 'ToewijzingNummer', r);
      unique(v.TeWijzigenProducten?.TeWijzigenProduct ?? [], 'TeWijzigenProduct', (p) => numberKey(p.ToewijzingNummer), 'ToewijzingNummer', r);
      unique(v.NieuweProducten?.NieuwProduct ?? [], 'NieuwProduct', (p) => `${productKey(p.Product)}|${p.GewensteIngangsdatum}`, undefined, r);
    },
    JW323: (m, r) => claim(m.Declaratie.Clienten.Client, r),
    JW325: (m, r) => claim(m.DeclaratieAntwoord?.Clienten?.Client ?? [], r),
  },
);
