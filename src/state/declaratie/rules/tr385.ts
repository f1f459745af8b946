import { defineCrossRule } from '../../rule.js';
import { approvedUncreditedDebet } from '../ledger.js';

/**
 * A toewijzing on which approved prestaties stand cannot be deleted (RedenWijziging 13: it would
 * count as never sent while money was paid on it); the aanbieder credits them first, or the gemeente
 * ends the toewijzing instead. "Approved" means a JW325 approved it; a debet undone by a credit that
 * was not rejected no longer counts.
 */
export const TR385 = defineCrossRule(
  {
    code: 'TR385',
    kind: 'TR',
    retourcode: '9385',
    nl: 'Deze toewijzing kan niet worden verwijderd: er zijn goedgekeurde prestaties op gedeclareerd die niet zijn gecrediteerd.',
    en: 'A toewijzing with approved, uncredited prestaties must not be deleted with RedenWijziging 13.',
  },
  {
    JW301: (facts, r) => {
      for (const t of facts.toewijzingen) {
        if (t.redenWijziging !== '13') continue;
        if (approvedUncreditedDebet(r, facts.header.afzender, t.nummer) !== undefined) r.report(t);
      }
    },
  },
);
