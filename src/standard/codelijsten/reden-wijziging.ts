// RedenWijziging explains why a gemeente changed or ended a toewijzing; 13 (Verwijderd) means treat it as never sent.
import { defineCodeList } from '../model.js';

export const RedenWijziging = defineCodeList('JZ002', 'Reden wijziging toewijzing', [
  ['01', 'Administratieve correctie (vervallen)'],
  ['02', 'Cliënt overleden'],
  ['03', 'Contractwijziging'],
  ['04', 'Herbeoordeling verlenging toewijzing'],
  ['05', 'Herbeoordeling verkorting toewijzing'],
  ['06', 'Uitstroom naar ander domein'],
  ['07', 'Verhuizing naar een andere gemeente'],
  ['08', 'Wijziging leveringsvorm'],
  ['09', 'Overstap naar andere aanbieder'],
  ['10', 'Overgang naar nieuwe bekostigingssystematiek'],
  ['11', 'Gemeentelijke herindeling'],
  ['12', 'Geïnitieerd door de aanbieder'],
  ['13', 'Verwijderd'],
  ['14', 'Administratieve correctie'],
]);
