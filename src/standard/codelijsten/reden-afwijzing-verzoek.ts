// RedenAfwijzingVerzoek tells the aanbieder why a VOT or VOW was rejected.
import { defineCodeList } from '../model.js';

export const RedenAfwijzingVerzoek = defineCodeList('WJ759', 'Reden afwijzing verzoek', [
  ['1', 'Geen wijziging, maar nieuwe aanvraag'],
  ['2', 'Past niet binnen budget'],
  ['3', 'Geen contract'],
  ['4', 'Past niet binnen contract'],
  ['5', 'Andere gemeente'],
  ['6', 'Stapeling'],
  ['7', 'Zorginhoudelijke afkeur'],
  ['8', 'Woonplaatsbeginsel'],
  ['9', 'Leeftijdsgrens is bereikt'],
]);
