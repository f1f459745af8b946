// ProductCategorie groups product codes, so a prestatie can be matched to the toegewezen product it claims.
import { defineCodeList } from '../model.js';

export const ProductCategorie = defineCodeList('JZ020', 'Productcategorie', [
  ['31', '(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam'],
  ['32', '(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder'],
  ['33', '(2015) Zonder verblijf: daghulp op locatie van de aanbieder'],
  ['34', '(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige'],
  ['35', '(2015) Met verblijf: pleegzorg'],
  ['36', '(2015) Met verblijf: gezinsgericht'],
  ['37', '(2015) Met verblijf: gesloten plaatsing'],
  ['38', '(2015) Met verblijf: overig residentieel'],
  ['40', 'Persoonlijke verzorging'],
  ['41', 'Dagbehandeling'],
  ['42', 'Vervoerdiensten'],
  ['43', 'Jeugdhulp verblijf (incl. behandeling)'],
  ['44', 'Jeugdhulp verblijf (excl. behandeling)'],
  ['45', 'Jeugdhulp ambulant'],
  ['46', 'Jeugdhulp crisis'],
  ['47', 'Jeugdreclassering'],
  ['48', 'Jeugdbescherming'],
  ['49', 'Activiteiten in het preventief justitieel kader'],
  ['50', 'Maatwerkarrangementen jeugd'],
  ['51', 'Generalistische basis-ggz'],
  ['52', 'Specialistische ggz'],
  ['53', 'Kindergeneeskunde'],
  ['54', 'Jeugd-ggz'],
  ['55', 'Landelijk ingekochte zorg'],
]);
