// Eenheid tells how to read a volume, so toegewezen and gedeclareerde amounts can be compared.
import { defineCodeList } from '../model.js';

export const Eenheid = defineCodeList('WJ756', 'Eenheid', [
  ['01', 'Minuut'],
  ['04', 'Uur'],
  ['14', 'Etmaal'],
  ['16', 'Dagdeel (4 uur)'],
  ['82', 'Stuks (output)'],
  ['83', "Euro's"],
  ['84', 'Stuks (inspanning)'],
]);
