/**
 * zod schemas for the files in mappings/: the shape of one file, or of one entry of it. Rules that
 * look across entries or files (unique ids, references, regio names) are in mappings/validate.ts,
 * so that they still run when some other entry is broken. The one thing read from outside the
 * files: push header values given as {"env": …} or {"file": …} (headerValue).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { MESSAGE_TYPES, MESSAGES, type MessageType } from '../standard/catalogue.js';

export const GEMEENTEN_FILE = 'gemeenten-2026.json';
export const PARTIES_FILE = 'parties.json';
export const REGIOS_FILE = 'regios.json';

export const CBS_CODE = /^\d{4}$/;
export const AGB_CODE = /^\d{8}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** RFC 9110 token: what a header name may consist of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** The gateway sets these itself on a push; a party cannot override them. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection']);
/** Plain HTTP is only for a receiver on this machine, as tests use. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const text = z.string().trim().min(1, 'must not be empty');

const cbsCode = z.string().regex(CBS_CODE, 'must be a 4-digit CBS gemeentecode such as "0228"');
const agbCode = z.string().regex(AGB_CODE, 'must be an 8-digit AGB code such as "98041733"');
const sha256 = z
  .string()
  .regex(SHA256_HEX, 'must be a SHA-256 digest: 64 lower-case hex characters');

const messageType = z.enum(MESSAGE_TYPES as [MessageType, ...MessageType[]], {
  error: (issue) => `unknown iJw message type ${JSON.stringify(issue.input)}; known: ${MESSAGE_TYPES.join(', ')}`,
});

/** Why a push URL is refused, or undefined when it is fine. */
export function pushUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not a valid URL`;
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user or password; put credentials in headers';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `must be an https:// URL (http:// only for 127.0.0.1, localhost or [::1]), got ${JSON.stringify(value)}`;
}

const pushUrl = z.string().superRefine((value, ctx) => {
  const problem = pushUrlProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/** What an environment variable may be called (POSIX). */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** RFC 9110 field-value: visible characters, spaces and tabs; no line breaks (header injection). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * A header value, or where to find it: `{"env": "NAME"}` reads an environment variable,
 * `{"file": "/run/secrets/…"}` a file (trailing white space dropped, as `echo` leaves a newline),
 * so that a recipient's key for our calls need not sit in parties.json. Resolved when the
 * mappings are loaded; a problem names the variable or file, never the value.
 */
const headerValue = z
  .union([
    z.string(),
    z.strictObject({ env: z.string().regex(ENV_NAME, 'must be the name of an environment variable such as "IJW_PUSH_TOKEN"') }),
    z.strictObject({ file: z.string().refine((f) => isAbsolute(f), 'must be an absolute path such as "/run/secrets/push-token"') }),
  ], { error: () => 'must be a string, {"env": "<variable>"} or {"file": "<absolute path>"}' })
  .transform((value, ctx): string => {
    let resolved: string;
    if (typeof value === 'string') resolved = value;
    else if ('env' in value) {
      const found = process.env[value.env];
      if (found === undefined || found === '') {
        ctx.addIssue({ code: 'custom', message: `environment variable ${value.env} is not set` });
        return z.NEVER;
      }
      resolved = found;
    } else {
      try {
        resolved = readFileSync(value.file, 'utf8').replace(/\s+$/, '');
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code;
        ctx.addIssue({ code: 'custom', message: `cannot read ${value.file}: ${code === 'ENOENT' ? 'file not found' : (code ?? 'unreadable')}` });
        return z.NEVER;
      }
    }
    if (!HEADER_VALUE.test(resolved)) {
      const from = typeof value === 'string' ? 'the value' : 'env' in value ? `the value of ${value.env}` : `the content of ${value.file}`;
      ctx.addIssue({ code: 'custom', message: `${from} contains a line break or control character, which a header value cannot` });
      return z.NEVER;
    }
    return resolved;
  });

const headers = z.record(z.string(), headerValue).superRefine((record, ctx) => {
  for (const name of Object.keys(record)) {
    if (!HEADER_NAME.test(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'is not a valid HTTP header name' });
    } else if (RESERVED_HEADERS.has(name.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'is set by the gateway itself and cannot be configured' });
    }
  }
});

const mailboxDelivery = z.strictObject({ mode: z.literal('mailbox') });
const pushDelivery = z.strictObject({
  mode: z.literal('push'),
  url: pushUrl,
  // Bounds keep a typo (seconds for milliseconds, an extra zero) from stalling the outbox.
  timeoutMs: z.int().min(100).max(300_000).default(10_000),
  maxAttempts: z.int().min(1).max(50).default(5),
  headers: headers.default({}),
});
export const deliverySchema = z.discriminatedUnion('mode', [mailboxDelivery, pushDelivery], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'mode must be "mailbox" or "push"' : undefined,
});

const common = {
  id: z.string(),
  delivery: deliverySchema.default({ mode: 'mailbox' }),
  forwardRejected: z.boolean().default(false),
  actsFor: z.array(z.string()).default([]),
  apiKeySha256: z.array(sha256).default([]),
  certificateSha256: z.array(sha256).default([]),
  operator: z.boolean().default(false),
  /** Free text for the reader of the file; JSON has no comments. */
  note: z.string().optional(),
};

function idMustBe(code: RegExp, expected: (p: { code: string }) => string) {
  return (party: { id: string; code: string }, ctx: z.RefinementCtx): void => {
    // A bad code is reported on its own; an id derived from it would only repeat the problem.
    if (!code.test(party.code)) return;
    const want = expected(party);
    if (party.id !== want) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must be ${JSON.stringify(want)} (derived from code)` });
    }
  };
}

function namedId(kind: string) {
  const pattern = new RegExp(`^${kind}:[a-z0-9]+(?:-[a-z0-9]+)*$`);
  return z
    .string()
    .regex(pattern, `must be "${kind}:" followed by lower-case letters, digits and hyphens, e.g. "${kind}:food-valley"`);
}

const gemeenteParty = z
  .strictObject({
    ...common,
    kind: z.literal('gemeente'),
    code: cbsCode,
    /** Defaults to the CBS name in gemeenten-2026.json. */
    name: text.optional(),
  })
  .superRefine(idMustBe(CBS_CODE, (p) => `gemeente:${p.code}`));

const aanbiederParty = z
  .strictObject({ ...common, kind: z.literal('aanbieder'), code: agbCode, name: text })
  .superRefine(idMustBe(AGB_CODE, (p) => `aanbieder:${p.code}`));

const factuurbureauParty = z.strictObject({
  ...common,
  id: namedId('factuurbureau'),
  kind: z.literal('factuurbureau'),
  name: text,
});

const intermediairParty = z.strictObject({
  ...common,
  id: namedId('intermediair'),
  kind: z.literal('intermediair'),
  name: text,
  actsFor: z.array(z.string()).min(1, 'an intermediair must act for at least one party'),
});

const ketenbureauParty = z.strictObject({
  ...common,
  id: namedId('ketenbureau'),
  kind: z.literal('ketenbureau'),
  name: text,
});

export const PARTY_KINDS = ['gemeente', 'aanbieder', 'factuurbureau', 'intermediair', 'ketenbureau'] as const;

export const partySchema = z.discriminatedUnion(
  'kind',
  [gemeenteParty, aanbiederParty, factuurbureauParty, intermediairParty, ketenbureauParty],
  { error: (issue) => (issue.code === 'invalid_union' ? `kind must be one of ${PARTY_KINDS.join(', ')}` : undefined) },
);
export type PartyConfig = z.output<typeof partySchema>;

/** parties.json, with its entries unchecked: they are parsed one by one (see validate.ts). */
export const partiesEnvelope = z.strictObject({ parties: z.array(z.unknown()) });

/** Who receives which type decides whether it can go to a billing office instead of the gemeente. */
export function gemeenteReceives(type: MessageType): boolean {
  const spec = MESSAGES[type];
  return spec.kind === 'heen' ? spec.afzender === 'aanbieder' : spec.afzender === 'gemeente';
}

const routedType = messageType.superRefine((type, ctx) => {
  if (!gemeenteReceives(type)) {
    ctx.addIssue({
      code: 'custom',
      message: `${type} is sent by the gemeente side, not received, so it cannot be routed to a factuurbureau`,
    });
  }
});

export const regioSchema = z.strictObject({
  name: text,
  factuurbureau: z
    .strictObject({
      partyId: z.string(),
      types: z.array(routedType).min(1, 'list at least one message type'),
    })
    .optional(),
  /** How the regio buys youth care (toewijzingsvariant); the quality tallies count defects per variant. */
  uitvoeringsvariant: z.enum(['inspanningsgericht', 'outputgericht', 'taakgericht']).optional(),
  note: z.string().optional(),
});
export type RegioConfig = z.output<typeof regioSchema>;

export const regiosEnvelope = z.strictObject({ regios: z.array(z.unknown()) });

export const gemeentenFileSchema = z.strictObject({
  peildatum: z.iso.date('must be a date yyyy-mm-dd'),
  bron: text,
  gemeenten: z
    .array(z.strictObject({ code: cbsCode, naam: text, provincie: text, jeugdregio: text }))
    .min(1, 'must list the gemeenten'),
  jeugdregios: z
    .array(z.strictObject({ naam: text, gemeenten: z.array(cbsCode).min(1, 'a regio needs at least one gemeente') }))
    .min(1, 'must list the jeugdregios'),
});
export type GemeentenFile = z.output<typeof gemeentenFileSchema>;

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  record: 'an object',
};

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Passed per parse (never set globally): zod's defaults say "Invalid input"; a person editing a
 * JSON file wants to know what was expected and what was found.
 */
export const mappingsErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (${EXPECTED[issue.expected] ?? issue.expected})`
        : `must be ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describe(issue.input)}`;
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int' ? `must be at least ${issue.minimum}` : undefined;
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int' ? `must be at most ${issue.maximum}` : undefined;
    default:
      return undefined;
  }
};

/**
 * contracten.json (optional): contract data per jeugdregio, read by the cross-message rules
 * (TR418 → 0611, TR341 for aspecific and generic toewijzingen). Amounts in cents, as in the
 * messages. See src/state/contracts.ts.
 */
export const CONTRACTEN_FILE = 'contracten.json';

/** WJ756 Eenheid. */
const EENHEDEN = ['01', '04', '14', '16', '82', '83', '84'] as const;

const contractProduct = z
  .strictObject({
    categorie: z.string().regex(/^\d{2}$/, 'must be a 2-digit ProductCategorie such as "45"'),
    code: z.string().regex(/^[0-9A-Za-z]{5}$/, 'must be a 5-character ProductCode such as "45A48"'),
    eenheid: z.enum(EENHEDEN),
    /** Cents per unit; absent for Eenheid 83, where the volume is the amount itself (CD087). */
    tarief: z.int().min(0).optional(),
    note: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.eenheid === '83' && p.tarief !== undefined) ctx.addIssue({ code: 'custom', path: ['tarief'], message: 'must be absent for Eenheid 83 (euros)' });
    if (p.eenheid !== '83' && p.tarief === undefined) ctx.addIssue({ code: 'custom', path: ['tarief'], message: 'is required (cents per unit) unless Eenheid is 83' });
  });

export const contractSchema = z
  .strictObject({
    regio: text,
    /** A contract with one aanbieder; without it the tariffs hold for every aanbieder in the regio. */
    aanbieder: agbCode.optional(),
    van: z.iso.date('must be a date yyyy-mm-dd'),
    tot: z.iso.date('must be a date yyyy-mm-dd').nullable().default(null),
    producten: z.array(contractProduct).min(1, 'list at least one product'),
    note: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.tot !== null && c.tot < c.van) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'must not be before van' });
  });
export type ContractConfig = z.output<typeof contractSchema>;

export const contractenFileSchema = z.strictObject({ contracten: z.array(contractSchema) });
