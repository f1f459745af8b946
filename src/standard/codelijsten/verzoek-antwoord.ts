// VerzoekAntwoord is the gemeente's answer to a VOT/VOW: rejected, or still under investigation.
import { defineCodeList } from '../model.js';

export const VerzoekAntwoord = defineCodeList('WJ760', 'Verzoek antwoord', [
  ['1', 'Verzoek afgewezen'],
  ['2', 'Aanvraag in onderzoek'],
]);
