// DatumGebruik says which part of a birth date is unknown, so a placeholder date is not taken literally.
import { defineCodeList } from '../model.js';

export const DatumGebruik = defineCodeList('COD170', 'Datumgebruik', [
  ['1', 'Dag onbekend (alleen maand en jaar gebruiken)'],
  ['2', 'Dag en maand onbekend (alleen jaar gebruiken)'],
  ['3', 'Dag, maand en jaar onbekend (onbekende datum)'],
]);
