// RedenBeeindiging tells why delivery stopped, and with 20 that the stop is only temporary.
import { defineCodeList } from '../model.js';

export const RedenBeeindiging = defineCodeList('JZ588', 'Reden beëindiging', [
  ['02', 'Overlijden'],
  ['20', 'Levering is tijdelijk beëindigd'],
  ['31', 'Levering is volgens plan beëindigd'],
  ['32', 'Voortijdig afgesloten, door cliënt'],
  ['33', 'Voortijdig afgesloten, door aanbieder'],
  ['34', 'Voortijdig afgesloten, in overleg'],
  ['35', 'Voortijdig afgesloten, externe oorzaak'],
  ['36', 'Geïnitieerd door de gemeente'],
  ['37', 'In verband met wijzigingsverzoek'],
  ['38', 'Overstap naar andere aanbieder'],
  ['39', 'Uitstroom naar ander domein'],
]);
