import type { Located } from '../../standard/located.js';
import { defineRule, type Reporter } from './rule.js';
import { passesElfproef } from './support.js';

function check(client: Located & { readonly Bsn: string }, r: Reporter): void {
  // The detail never repeats the number: a report may travel to another party.
  if (!passesElfproef(client.Bsn)) r.report(client, 'Bsn', 'The BSN fails the elfproef.');
}

export const CS002 = defineRule(
  {
    code: 'CS002',
    kind: 'CS',
    retourcode: '0001',
    nl: 'Het BSN voldoet niet aan de elfproef.',
    en: 'Bsn must pass the eleven-test (elfproef).',
  },
  {
    JW301: (m, r) => check(m.Client, r),
    JW305: (m, r) => check(m.Client, r),
    JW307: (m, r) => check(m.Client, r),
    JW315: (m, r) => check(m.Client, r),
    JW317: (m, r) => check(m.Client, r),
    JW323: (m, r) => m.Declaratie.Clienten.Client.forEach((c) => check(c, r)),
    JW325: (m, r) => m.DeclaratieAntwoord?.Clienten?.Client.forEach((c) => check(c, r)),
  },
);
