// NaamGebruik says which surname(s) to use when addressing a person.
import { defineCodeList } from '../model.js';

export const NaamGebruik = defineCodeList('COD700', 'Naamgebruik', [
  ['1', 'Eigen naam'],
  ['2', 'Naam echtgenoot of geregistreerd partner of alternatieve naam'],
  ['3', 'Naam echtgenoot of geregistreerd partner gevolgd door eigen naam'],
  ['4', 'Eigen naam gevolgd door naam echtgenoot of geregistreerd partner'],
  ['5', 'Pseudoniem'],
  ['6', 'Niet-natuurlijk persoon'],
]);
