/**
 * CS058: a start or stop is either a first delivery (1) or the deletion of an earlier one (3).
 * The code list also holds 2 (changed) and 9 (not applicable), which these messages may not use;
 * OP033x2 (no 2) is the same prohibition stated as a business rule and is answered by this check.
 */
import type { JW305_StartProduct, JW307_StopProduct } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';

function check(product: JW305_StartProduct | JW307_StopProduct, r: Reporter): void {
  const s = product.StatusAanlevering;
  if (s !== '1' && s !== '3') r.report(product, 'StatusAanlevering', `StatusAanlevering ${s} is not allowed here.`);
}

export const CS058 = defineRule(
  {
    code: 'CS058',
    kind: 'CS',
    retourcode: '0001',
    nl: 'StatusAanlevering mag alleen 1 (eerste aanlevering) of 3 (verwijderen aanlevering) zijn.',
    en: 'StatusAanlevering must be 1 (first delivery) or 3 (delete an earlier delivery).',
  },
  {
    JW305: (m, r) => m.Client.StartProducten.StartProduct.forEach((p) => check(p, r)),
    JW307: (m, r) => m.Client.StopProducten.StopProduct.forEach((p) => check(p, r)),
  },
);
