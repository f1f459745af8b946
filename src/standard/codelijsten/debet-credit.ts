// DebetCredit tells whether an amount is claimed or reversed, so totals can be netted.
import { defineCodeList } from '../model.js';

export const DebetCredit = defineCodeList('COD043', 'Indicatie debet/credit', [
  ['C', 'Creditbedrag en aantal'],
  ['D', 'Debetbedrag en aantal'],
]);
