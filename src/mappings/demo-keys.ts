/**
 * The demo API keys of the sample parties.json. They are published in mappings/README.md, so
 * anyone can use them: a production setup must replace them. main.ts can warn with demoKeysInUse().
 */
import { hashApiKey } from './directory.js';
import type { Directory } from './types.js';

/** Every demo key starts with this, so a request carrying one can be spotted without a lookup. */
export const DEMO_KEY_PREFIX = 'demo-';

/** Party id → its demo key; mappings/README.md shows the same table (a test keeps them equal). */
export const DEMO_API_KEYS: Readonly<Record<string, string>> = Object.freeze({
  'gemeente:0228': 'demo-ede-0228-not-secret',
  'gemeente:0345': 'demo-veenendaal-0345-not-secret',
  'gemeente:0203': 'demo-barneveld-0203-not-secret',
  'gemeente:0546': 'demo-leiden-0546-not-secret',
  'gemeente:0484': 'demo-alphen-0484-not-secret',
  'aanbieder:98041733': 'demo-gelderse-vallei-98041733-not-secret',
  'aanbieder:98062519': 'demo-kompas-98062519-not-secret',
  'aanbieder:98073318': 'demo-sleutelbos-98073318-not-secret',
  'aanbieder:98090127': 'demo-duinzicht-98090127-not-secret',
  'factuurbureau:food-valley': 'demo-factuurbureau-food-valley-not-secret',
  'intermediair:berichtenbrug': 'demo-berichtenbrug-not-secret',
  'ketenbureau:beheer': 'demo-beheer-not-secret',
});

export function isDemoKey(key: string): boolean {
  return key.startsWith(DEMO_KEY_PREFIX);
}

/**
 * Ids of the parties that accept a published demo key. Matching on the hashes, not on a flag in
 * the file, also catches a copied parties.json in which nobody changed the keys.
 */
export function demoKeysInUse(dir: Directory): string[] {
  const ids = new Set<string>();
  for (const key of Object.values(DEMO_API_KEYS)) {
    const party = dir.byApiKey(key);
    if (party !== undefined) ids.add(party.id);
  }
  return [...ids].sort();
}
