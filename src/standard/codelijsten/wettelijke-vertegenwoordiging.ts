// WettelijkeVertegenwoordiging records who may legally decide on the client's behalf.
import { defineCodeList } from '../model.js';

export const WettelijkeVertegenwoordiging = defineCodeList('WJ003', 'Wettelijke vertegenwoordiging', [
  ['06', 'Voogdij'],
  ['07', 'Bewindvoering'],
  ['08', 'Mentorschap'],
  ['09', 'Onder curatele stelling'],
  ['10', 'Zaakwaarneming'],
]);
