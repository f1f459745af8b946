/**
 * Errors of the gateway itself and the refusals it answers with over HTTP. Codes are stable and
 * never reused; callers match on `code`. Each carries a Dutch text for the party and an English
 * detail for its engineers; neither ever contains message content.
 */

export const ERRORS = {
  IJW_ERR_UNAUTHENTICATED: { statusCode: 401, nl: 'Niet geauthenticeerd: geef een geldige API-sleutel of clientcertificaat mee.' },
  IJW_ERR_FORBIDDEN: { statusCode: 403, nl: 'Geen toegang: dit bericht of deze mailbox hoort niet bij uw organisatie.' },
  IJW_ERR_NOT_OPERATOR: { statusCode: 403, nl: 'Alleen een beheerder van de gateway mag dit doen.' },
  IJW_ERR_NOT_FOUND: { statusCode: 404, nl: 'Niet gevonden.' },
  IJW_ERR_TOO_LARGE: { statusCode: 413, nl: 'Het bericht is groter dan toegestaan (OP179: maximaal 25 MB).' },
  IJW_ERR_MEDIA_TYPE: { statusCode: 415, nl: 'Stuur het bericht als application/xml of text/xml.' },
  IJW_ERR_BAD_REQUEST: { statusCode: 400, nl: 'Het verzoek is niet geldig.' },
  IJW_ERR_UNAVAILABLE: { statusCode: 503, nl: 'De gateway stopt of is overbelast; probeer het later opnieuw.' },
  IJW_ERR_STORE_UNAVAILABLE: {
    statusCode: 503,
    nl: 'Het bericht is niet aangenomen: de opslag van de gateway werkt nu niet. Stuur het later opnieuw; is het toch opgeslagen, dan krijgt het hetzelfde antwoord als de eerste keer.',
  },
  IJW_ERR_STORE_READ_UNAVAILABLE: { statusCode: 503, nl: 'De gegevens kunnen nu niet worden gelezen: de opslag van de gateway werkt nu niet. Probeer het later opnieuw.' },
  IJW_ERR_INTERNAL: { statusCode: 500, nl: 'Er ging iets mis in de gateway; het bericht is niet aangenomen. Probeer het later opnieuw.' },
  IJW_ERR_MAPPINGS: { statusCode: 500, nl: 'De configuratie in mappings/ is ongeldig.' },
  IJW_ERR_CONFIG: { statusCode: 500, nl: 'De configuratie van de gateway is ongeldig.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class GatewayError extends Error {
  readonly statusCode: number;
  readonly melding: string;

  constructor(
    readonly code: ErrorCode,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.statusCode = ERRORS[code].statusCode;
    this.melding = ERRORS[code].nl;
  }

  toJSON(): { code: ErrorCode; melding: string; detail: string } {
    return { code: this.code, melding: this.melding, detail: this.message };
  }
}
