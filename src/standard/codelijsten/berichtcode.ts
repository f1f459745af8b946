// BerichtCode in the header names the message type; only the 14 iJw 3.2 codes of COD002 are ours.
// Labels are the message titles the iStandaarden use, so reports show the names ketenpartners know.
import { defineCodeList } from '../model.js';

export const BerichtCode = defineCodeList('COD002', 'Berichtcode', [
  ['436', 'JW301 Toewijzing Jeugdhulp'],
  ['437', 'JW302 Retour Toewijzing Jeugdhulp'],
  ['438', 'JW305 Start Jeugdhulp'],
  ['439', 'JW306 Retour Start Jeugdhulp'],
  ['440', 'JW307 Stop Jeugdhulp'],
  ['441', 'JW308 Retour Stop Jeugdhulp'],
  ['446', 'JW315 Verzoek om toewijzing Jeugdhulp'],
  ['447', 'JW316 Retour Verzoek om toewijzing Jeugdhulp'],
  ['486', 'JW317 Verzoek om wijziging Jeugdhulp'],
  ['487', 'JW318 Retour Verzoek om wijziging Jeugdhulp'],
  ['488', 'JW319 Antwoordbericht Jeugdhulp'],
  ['489', 'JW320 Retour Antwoordbericht Jeugdhulp'],
  ['490', 'JW323 Declaratie Jeugdhulp'],
  ['491', 'JW325 Declaratie-antwoord Jeugdhulp'],
]);
