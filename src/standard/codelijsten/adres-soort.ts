// AdresSoort distinguishes the BRP address from correspondence and (temporary) stay addresses.
import { defineCodeList } from '../model.js';

export const AdresSoort = defineCodeList('COD757', 'Soort adres', [
  ['01', 'BRP-adres'],
  ['02', 'Correspondentie-adres'],
  ['03', 'Verblijfadres'],
  ['04', 'Tijdelijk verblijfadres'],
]);
