import type { NewBericht } from '../../src/store/ports.js';

export const VALID_REPORT = { type: null, berichtIdentificatie: null, wellFormed: true, xsdValid: true, valid: true, fouten: [] } as const;

/** A stored-message record for store tests: an accepted JW301 from Ede for one aanbieder's mailbox. */
export function bericht(id: string, overrides: Partial<NewBericht> = {}): NewBericht {
  return {
    id,
    receivedAt: '2026-03-02T08:00:00.000Z',
    type: 'JW301',
    origin: 'received',
    senderId: 'gemeente:0228',
    recipientId: 'aanbieder:98041733',
    afzender: '0228',
    ontvanger: '98041733',
    identificatie: `EDE-${id}`,
    dagtekening: '2026-03-02',
    idempotencyKey: null,
    sha256: 'a'.repeat(64),
    body: Buffer.from(`<Bericht id="${id}"/>`),
    status: 'accepted',
    report: VALID_REPORT,
    answer: { statusCode: 202, body: { id, outcome: 'accepted' } },
    retourcodes: [],
    offers: [],
    references: [],
    links: [],
    deliverTo: { partyId: 'aanbieder:98041733', mode: 'mailbox' },
    ...overrides,
  };
}
