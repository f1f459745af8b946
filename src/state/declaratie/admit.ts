/**
 * How a JW323 is admitted (process.md §2.4): a claim is judged per prestatie, not all-or-nothing.
 * Runs on the store's write connection inside the transaction of SqliteStore.admit.
 *
 * - A finding on the header or the Declaratie rejects the claim as a whole: nothing is stored or
 *   changed; the caller answers with the JW325 answer.ts builds (the claim counts as not sent).
 * - Otherwise the claim is admitted with its findings in its report and its prestaties enter the
 *   ledger. For a billing office (mode 'answer') the gateway also judges it: the prestaties with
 *   findings are rejected, the rest approved, and the JW325 saying so is stored for the aanbieder in
 *   the same transaction. For a gemeente (mode 'forward') the gemeente's own JW325 settles it later.
 */
import { createHash } from 'node:crypto';
import type { Admission, AdmitRequest, ClaimMode, NewBericht } from '../../store/ports.js';
import type { Fout } from '../../validate/report.js';
import type { AdmitMeta, CrossChecker } from '../check.js';
import type { Jw323Facts } from '../facts.js';
import { buildJw325, findingsOf, rejectsWhole } from './answer.js';
import { recordVerdicts } from './apply.js';

type AnswerInfo = NonNullable<Admission['answer']>;

/**
 * The HTTP answer body with the claim's findings and the answer written for it, for bodies shaped
 * like ingest's IngestBody ({ fouten, antwoord, ... }); anything else is left as it is.
 */
export function withClaimFindings<T>(body: T, violations: readonly Fout[], answer: AnswerInfo | undefined): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  const fouten = Array.isArray(b.fouten) ? (b.fouten as Fout[]) : [];
  const melding =
    answer !== undefined
      ? violations.length > 0
        ? 'Declaratie ontvangen en doorgestuurd naar het factuurbureau. Prestaties met bevindingen zijn afgewezen in het declaratie-antwoord (JW325) dat klaarstaat voor de verzender.'
        : 'Declaratie ontvangen, goedgekeurd en doorgestuurd naar het factuurbureau; het declaratie-antwoord (JW325) staat klaar voor de verzender.'
      : violations.length > 0
        ? 'Declaratie ontvangen en doorgestuurd naar de gemeente, met bevindingen op prestaties (zie fouten); de gemeente beoordeelt ze in haar declaratie-antwoord.'
        : b.melding;
  return { ...b, melding, fouten: [...fouten, ...violations], ...(answer === undefined ? {} : { antwoord: answer }) } as T;
}

function withFindings(record: NewBericht, violations: readonly Fout[], answer: AnswerInfo | undefined): NewBericht {
  if (violations.length === 0 && answer === undefined) return record;
  const report = violations.length === 0 ? record.report : { ...record.report, valid: false, fouten: [...record.report.fouten, ...violations] };
  const http = record.answer === null ? null : { ...record.answer, body: withClaimFindings(record.answer.body, violations, answer) };
  return { ...record, report, answer: http };
}

export function admitClaim(
  checker: CrossChecker,
  facts: Jw323Facts,
  request: AdmitRequest & { readonly claim: ClaimMode },
  insert: (b: NewBericht) => void,
): Admission {
  const { record, claim } = request;
  const meta: AdmitMeta = { berichtId: record.id, receivedAt: record.receivedAt, today: request.today };
  const violations = checker.check(facts, meta);
  if (rejectsWhole(findingsOf(facts, violations))) return { violations, stored: false };
  checker.apply(facts, meta);
  if (claim.kind === 'forward') {
    insert(withFindings(record, violations, undefined));
    return { violations, stored: true };
  }
  const built = buildJw325(facts, violations, claim);
  const answer: AnswerInfo = { id: claim.answer.id, type: 'JW325', retourcodes: built.retourcodes };
  insert(withFindings(record, violations, answer));
  const body = Buffer.from(built.xml, 'utf8');
  insert({ ...claim.answer, body, sha256: createHash('sha256').update(body).digest('hex'), retourcodes: built.retourcodes });
  recordVerdicts(checker, claim.answer.id, record.id, facts.header.afzender, built.rejected);
  return { violations, stored: true, answer };
}
