import type { Directory, Party } from '../../src/mappings/types.js';
import type { NewBericht } from '../../src/store/ports.js';
import type { PushLog } from '../../src/deliver/push.js';

export function pushParty(id: string, url: string, overrides: { timeoutMs?: number; maxAttempts?: number; headers?: Record<string, string> } = {}): Party {
  return {
    id,
    kind: 'aanbieder',
    name: id,
    delivery: {
      mode: 'push',
      url,
      timeoutMs: overrides.timeoutMs ?? 2_000,
      maxAttempts: overrides.maxAttempts ?? 5,
      headers: overrides.headers ?? {},
    },
    forwardRejected: false,
    actsFor: [],
    apiKeySha256: [],
    certificateSha256: [],
    operator: false,
  };
}

export function directoryOf(parties: readonly Party[]): Pick<Directory, 'partyById'> {
  const byId = new Map(parties.map((p) => [p.id, p]));
  return { partyById: (id) => byId.get(id) };
}

export function queued(id: string, partyId: string, receivedAt: string, body = `<Bericht id="${id}"/>`): NewBericht {
  return {
    id,
    receivedAt,
    type: null,
    origin: 'received',
    senderId: 'gemeente:0228',
    recipientId: partyId,
    afzender: null,
    ontvanger: null,
    identificatie: null,
    dagtekening: null,
    idempotencyKey: null,
    sha256: '0'.repeat(64),
    body: Buffer.from(body),
    status: 'accepted',
    report: { type: null, berichtIdentificatie: null, wellFormed: true, xsdValid: true, valid: true, fouten: [] },
    answer: null,
    retourcodes: [],
    offers: [],
    references: [],
    links: [],
    deliverTo: { partyId, mode: 'push' },
  };
}

/** Collects log lines so tests can assert on them and keep the output quiet. */
export function memoryLog(lines: { level: string; msg: string; obj: object }[] = []): PushLog & { lines: typeof lines } {
  const make = (bindings: object): PushLog & { lines: typeof lines } => {
    const at = (level: string) => (obj: object, msg: string) => {
      lines.push({ level, msg, obj: { ...bindings, ...obj } });
    };
    return {
      lines,
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return make({});
}

/** Retries `check` until it stops throwing. */
export async function eventually<T>(check: () => T, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
