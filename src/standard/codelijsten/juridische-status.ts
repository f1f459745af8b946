// JuridischeStatus records the legal measure that applies to the client when the toewijzing is assessed.
import { defineCodeList } from '../model.js';

export const JuridischeStatus = defineCodeList('WJ232', 'Juridische status', [
  ['01', 'Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging'],
  ['02', 'RM op eigen verzoek'],
  ['03', 'RM met voorwaardelijk ontslag'],
  ['04', 'Onder toezichtstelling (ots)'],
  ['05', 'In bewaring stelling (ibs)'],
  ['11', 'Strafrechterlijke justitiële contacten (tbs)'],
  ['12', 'Strafrechterlijke justitiële contacten (overig)'],
]);
