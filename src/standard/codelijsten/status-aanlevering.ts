// StatusAanlevering says whether a start or stop is new or deletes an earlier one, which drives our stored state.
import { defineCodeList } from '../model.js';

export const StatusAanlevering = defineCodeList('COD467', 'Status aanlevering', [
  ['1', 'Eerste aanlevering'],
  ['2', 'Gewijzigde aanlevering'],
  ['3', 'Verwijderen aanlevering'],
  ['9', 'Niet van toepassing (ongewijzigd)'],
]);
