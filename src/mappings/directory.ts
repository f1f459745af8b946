/**
 * Builds the Directory from validated mappings: every CBS gemeente gets a party, configured or
 * not, and an aanbieder we have no settings for gets a mailbox-only party on first use.
 */
import { createHash } from 'node:crypto';
import type { PartyConfig } from './schema.js';
import type { Directory, DeliveryMode, Party, Regio } from './types.js';
import type { ValidMappings } from './validate.js';

const MAILBOX: DeliveryMode = Object.freeze({ mode: 'mailbox' });

/** Lower-case hex SHA-256 of an API key, as parties.json stores it. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Accepts Node's `fingerprint256` form ("AB:CD:…") as well as plain hex. */
export function normaliseFingerprint(sha256: string): string {
  return sha256.replace(/:/g, '').toLowerCase();
}

function freezeDelivery(delivery: PartyConfig['delivery']): DeliveryMode {
  if (delivery.mode === 'mailbox') return MAILBOX;
  return Object.freeze({ ...delivery, headers: Object.freeze({ ...delivery.headers }) });
}

function party(fields: Party): Party {
  return Object.freeze({
    ...fields,
    actsFor: Object.freeze([...fields.actsFor]),
    apiKeySha256: Object.freeze([...fields.apiKeySha256]),
    certificateSha256: Object.freeze([...fields.certificateSha256]),
  });
}

function fromConfig(config: PartyConfig, extra: { name?: string; regio?: string }): Party {
  const name = config.name ?? extra.name ?? config.id;
  return party({
    id: config.id,
    kind: config.kind,
    ...('code' in config ? { code: config.code } : {}),
    name,
    ...(extra.regio === undefined ? {} : { regio: extra.regio }),
    delivery: freezeDelivery(config.delivery),
    forwardRejected: config.forwardRejected,
    actsFor: config.actsFor,
    apiKeySha256: config.apiKeySha256,
    certificateSha256: config.certificateSha256,
    operator: config.operator,
  });
}

function unconfigured(kind: 'gemeente' | 'aanbieder', code: string, name: string, regio?: string): Party {
  return party({
    id: `${kind}:${code}`,
    kind,
    code,
    name,
    ...(regio === undefined ? {} : { regio }),
    delivery: MAILBOX,
    forwardRejected: false,
    actsFor: [],
    apiKeySha256: [],
    certificateSha256: [],
    operator: false,
  });
}

export function buildDirectory(mappings: ValidMappings): Directory {
  const configured = new Map(mappings.parties.map((p) => [p.id, p]));
  const billing = new Map(mappings.regios.flatMap((r) => (r.factuurbureau === undefined ? [] : [[r.name, r.factuurbureau]] as const)));
  const variants = new Map(mappings.regios.flatMap((r) => (r.uitvoeringsvariant === undefined ? [] : [[r.name, r.uitvoeringsvariant]] as const)));
  const officeRegio = new Map([...billing].map(([regio, fb]) => [fb.partyId, regio]));

  const parties: Party[] = [];
  const gemeenten = new Map<string, Party>();
  for (const g of mappings.gemeenten.gemeenten) {
    const config = configured.get(`gemeente:${g.code}`);
    const p = config === undefined ? unconfigured('gemeente', g.code, g.naam, g.jeugdregio) : fromConfig(config, { name: g.naam, regio: g.jeugdregio });
    gemeenten.set(g.code, p);
    parties.push(p);
  }
  for (const config of mappings.parties) {
    if (config.kind === 'gemeente') continue;
    const regio = officeRegio.get(config.id);
    parties.push(fromConfig(config, regio === undefined ? {} : { regio }));
  }

  const regios: Regio[] = mappings.gemeenten.jeugdregios.map((r) => {
    const fb = billing.get(r.naam);
    const variant = variants.get(r.naam);
    return Object.freeze({
      name: r.naam,
      gemeenten: Object.freeze([...r.gemeenten]),
      ...(variant === undefined ? {} : { uitvoeringsvariant: variant }),
      ...(fb === undefined ? {} : { factuurbureau: Object.freeze({ partyId: fb.partyId, types: Object.freeze([...fb.types]) }) }),
    });
  });

  const byId = new Map(parties.map((p) => [p.id, p]));
  const byAgb = new Map(parties.filter((p) => p.kind === 'aanbieder' && p.code !== undefined).map((p) => [p.code as string, p]));
  const byKey = new Map(parties.flatMap((p) => p.apiKeySha256.map((h) => [h, p] as const)));
  const byCert = new Map(parties.flatMap((p) => p.certificateSha256.map((h) => [h, p] as const)));
  const regioByName = new Map(regios.map((r) => [r.name, r]));
  // Unconfigured aanbieders, created on first use; bounded by the AGB codes that reach routing.
  const defaults = new Map<string, Party>();

  const aanbieder = (agb: string): Party => {
    const known = byAgb.get(agb) ?? defaults.get(agb);
    if (known !== undefined) return known;
    const p = unconfigured('aanbieder', agb, `AGB ${agb}`);
    defaults.set(agb, p);
    return p;
  };

  return Object.freeze({
    parties: Object.freeze(parties),
    regios: Object.freeze(regios),
    partyById(id: string): Party | undefined {
      const agb = /^aanbieder:(\d{8})$/.exec(id)?.[1];
      return byId.get(id) ?? (agb === undefined ? undefined : aanbieder(agb));
    },
    gemeente: (code: string) => gemeenten.get(code),
    aanbieder,
    byApiKey: (key: string) => byKey.get(hashApiKey(key)),
    byCertificate: (sha256: string) => byCert.get(normaliseFingerprint(sha256)),
    regioOf(gemeenteCode: string): Regio | undefined {
      const name = gemeenten.get(gemeenteCode)?.regio;
      return name === undefined ? undefined : regioByName.get(name);
    },
  });
}
