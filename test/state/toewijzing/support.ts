/** Fixture variants for the toewijzing tests: a fixture with some of its text replaced. */
import { fixture } from '../../support/fixtures.js';

export function edited(name: string, ...pairs: readonly (readonly [string, string])[]): Buffer {
  let text = fixture(name).toString('utf8');
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`${name} does not contain ${from}`);
    text = text.replace(from, to);
  }
  return Buffer.from(text, 'utf8');
}

export function codes(step: { readonly admission: { readonly violations: readonly { readonly code: string; readonly location: string }[] } }): string[] {
  return step.admission.violations.map((v) => `${v.code} ${v.location.replace(/\/jw3\d\d:/g, '/')}`);
}
