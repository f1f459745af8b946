// Frequentie gives the period a toegewezen volume applies to, needed to add up what may be declared.
import { defineCodeList } from '../model.js';

export const Frequentie = defineCodeList('WMO757', 'Frequentie', [
  ['1', 'Per dag'],
  ['2', 'Per week'],
  ['4', 'Per maand'],
  ['6', 'Totaal binnen geldigheidsduur toewijzing'],
]);
