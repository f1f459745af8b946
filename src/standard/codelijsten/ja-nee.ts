// JaNee encodes yes/no flags as the standard's codes rather than XML booleans.
import { defineCodeList } from '../model.js';

export const JaNee = defineCodeList('COD260', 'Ja of nee', [
  ['1', 'Ja'],
  ['2', 'Nee'],
]);
