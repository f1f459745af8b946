/** `ijw-gateway retour`: prints the retour message for a heen-bericht. */
import { readFile } from 'node:fs/promises';
import { toAmsterdamDate } from '../calendar/index.js';
import { buildRetour, type RetourOptions } from '../retour/build.js';
import { MESSAGES } from '../standard/catalogue.js';
import { createValidator } from '../validate/validator.js';
import type { Output } from './validate-command.js';

export interface RetourCommandOptions {
  readonly identificatie?: string;
  readonly dagtekening?: string;
}

/** Today in the Netherlands, as yyyy-mm-dd: a retour is dated where it is made. */
export function todayInNL(now: Date = new Date()): string {
  return toAmsterdamDate(now);
}

/** A 12-character identification unique enough for a command-line user: R + time in base 36. */
export function newIdentificatieRetour(now: Date = new Date()): string {
  return `R${now.getTime().toString(36).toUpperCase()}`.slice(0, 12);
}

/** Returns the exit code: 0 retour printed, 1 no retour possible for this input. */
export async function runRetour(path: string, options: RetourCommandOptions, io: Output): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    io.err(`Het bestand kon niet worden gelezen: ${(err as Error).message}`);
    return 1;
  }
  const validator = createValidator();
  const { result, checked } = await validator.check(bytes).finally(() => validator.close());
  if (checked === null) {
    io.err('Geen retour: het bericht voldoet niet aan de XSD (de verzender krijgt een transportfout).');
    for (const f of result.fouten) io.err(`  [${f.code} ${f.retourcode}] regel ${f.line} ${f.location}: ${f.message}`);
    return 1;
  }
  const spec = MESSAGES[checked.type];
  if (spec.retour === undefined) {
    io.err(
      spec.kind === 'retour'
        ? `Geen retour: ${checked.type} is zelf een retourbericht; een retour wordt nooit beantwoord.`
        : `Geen retour: ${checked.type} wordt niet met een retourbericht beantwoord.`,
    );
    return 1;
  }
  const retourOptions: RetourOptions = {
    identificatieRetour: options.identificatie ?? newIdentificatieRetour(),
    dagtekeningRetour: options.dagtekening ?? todayInNL(),
  };
  io.out(buildRetour(checked, checked.violations, retourOptions));
  for (const f of result.fouten) io.err(`[${f.code} ${f.retourcode}] regel ${f.line} ${f.location}: ${f.message}`);
  return 0;
}
