// AanduidingWoonadres marks addresses without a usual street and house number, such as a houseboat.
import { defineCodeList } from '../model.js';

export const AanduidingWoonadres = defineCodeList('NUM061', 'Aanduiding woonadres', [
  ['AB', 'Aan boord'],
  ['BY', 'Bij'],
  ['TO', 'Tegenover'],
  ['WW', 'Woonwagen'],
]);
