// RedenVerzoek tells the gemeente why an aanbieder asks to change a toewijzing (VOW).
import { defineCodeList } from '../model.js';

export const RedenVerzoek = defineCodeList('WJ758', 'Reden verzoek', [
  ['1', 'Verandering clientsituatie'],
  ['2', 'Wijziging zorgplan'],
]);
