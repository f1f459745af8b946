// Geslacht is part of the identifying client data that messages carry between gemeente and aanbieder.
import { defineCodeList } from '../model.js';

export const Geslacht = defineCodeList('COD046', 'Geslacht', [
  ['0', 'Onbekend'],
  ['1', 'Mannelijk'],
  ['2', 'Vrouwelijk'],
]);
