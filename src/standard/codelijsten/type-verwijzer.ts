// TypeVerwijzer records who referred the client to jeugdhulp, which every verzoek om toewijzing must state.
import { defineCodeList } from '../model.js';

export const TypeVerwijzer = defineCodeList('COD327', 'Code verwijzer', [
  ['01', 'Gemeente'],
  ['02', 'Huisarts'],
  ['03', 'Jeugdarts'],
  ['04', 'Gecertificeerde instelling'],
  ['05', 'Medisch specialist'],
  ['06', 'Zelfverwijzer / geen verwijzer'],
  ['08', 'Rechter, Officier van Justitie, functionaris Justitiële jeugdinrichting'],
]);
