/**
 * TR380: a new product in a verzoek om wijziging is asked for from a date after the message's
 * Dagtekening. (A TeWijzigenProduct may name an earlier date: a budget or total-volume change keeps
 * the original start of the toewijzing, TR373.)
 */
import { defineRule } from '../rule.js';
import { compareDates } from '../support.js';

export const TR380 = defineRule(
  {
    code: 'TR380',
    kind: 'TR',
    retourcode: '0001',
    nl: 'De gewenste ingangsdatum van een nieuw product ligt niet na de dagtekening van het bericht.',
    en: 'NieuwProduct GewensteIngangsdatum must lie after the Dagtekening of the message.',
  },
  {
    JW317: (m, r) => {
      const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
      for (const p of m.Client.Verzoek.NieuweProducten?.NieuwProduct ?? []) {
        if (compareDates(p.GewensteIngangsdatum, dagtekening) <= 0) {
          r.report(p, 'GewensteIngangsdatum', `${p.GewensteIngangsdatum} is not after ${dagtekening}.`);
        }
      }
    },
  },
);
