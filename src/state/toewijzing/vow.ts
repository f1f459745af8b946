/**
 * A verzoek om wijziging (JW317) read against the toewijzingen it is about: every
 * OngewijzigdProduct and TeWijzigenProduct with the current version of the toewijzing it names,
 * and the client's current toewijzingen. Built once per message and shared by the VOW rules.
 *
 * "Current" is judged on the VOW's Dagtekening, the date the aanbieder drew up its view of the
 * client's toewijzingen (TR349: valid on or after the current date); judging on the day of
 * receipt would reject a VOW for a toewijzing that ended in between, which its sender could not see.
 */
import type { At, Jw317Facts, WijzigingFact } from '../facts.js';
import type { CrossContext } from '../rule.js';
import { currentToewijzing, currentToewijzingenOfClient, isCurrent, isDeleted, type ClientKey, type ToewijzingRow } from './current.js';

export interface VowLine {
  readonly at: At;
  readonly kind: 'OngewijzigdProduct' | 'TeWijzigenProduct';
  readonly nummer: string;
  /** The TeWijzigenProduct itself; null for an OngewijzigdProduct. */
  readonly wijziging: WijzigingFact | null;
  /** The current version of the toewijzing with this number from this gemeente to this aanbieder. */
  readonly toewijzing: ToewijzingRow | undefined;
  /** The toewijzing exists, belongs to this aanbieder and is current on the Dagtekening. */
  readonly current: boolean;
}

/** A line whose toewijzing exists and was not deleted (a deleted one counts as never sent). */
export type KnownLine = VowLine & { readonly toewijzing: ToewijzingRow };

export function known(l: VowLine): l is KnownLine {
  return l.toewijzing !== undefined && !isDeleted(l.toewijzing);
}

export interface VowView {
  readonly key: ClientKey;
  readonly date: string;
  readonly lines: readonly VowLine[];
  /** The client's toewijzingen current on the Dagtekening. */
  readonly clientCurrent: readonly ToewijzingRow[];
}

function build(facts: Jw317Facts, ctx: CrossContext): VowView {
  const key: ClientKey = { gemeente: facts.header.ontvanger, aanbieder: facts.header.afzender, bsn: facts.client.bsn };
  const date = facts.header.dagtekening;
  const line = (at: At, kind: VowLine['kind'], nummer: string, wijziging: WijzigingFact | null): VowLine => {
    const found = currentToewijzing(ctx, key.gemeente, nummer);
    // Another aanbieder's toewijzing is none of this aanbieder's business (OP095): as if unknown.
    const toewijzing = found?.aanbieder === key.aanbieder ? found : undefined;
    return { at, kind, nummer, wijziging, toewijzing, current: toewijzing !== undefined && isCurrent(toewijzing, date) };
  };
  const lines = [
    ...facts.ongewijzigd.map((p) => line(p, 'OngewijzigdProduct', p.toewijzingNummer, null)),
    ...facts.teWijzigen.map((p) => line(p, 'TeWijzigenProduct', p.toewijzingNummer ?? '', p)),
  ];
  return { key, date, lines, clientCurrent: currentToewijzingenOfClient(ctx, key, date) };
}

export function vowView(facts: Jw317Facts, ctx: CrossContext): VowView {
  return ctx.shared(build, facts);
}
