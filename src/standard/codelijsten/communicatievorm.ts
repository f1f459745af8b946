// Communicatievorm tells the aanbieder which interpreter a client needs.
import { defineCodeList } from '../model.js';

export const Communicatievorm = defineCodeList('COD747', 'Communicatievorm', [
  ['1', 'Tolk taal'],
  ['2', 'Doventolk'],
  ['3', 'Doofblindentolk'],
]);
