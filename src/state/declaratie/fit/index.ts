/**
 * Does a declared prestatie fit the toewijzing it names: product, unit, period and volume or
 * budget (process.md §4.4), and the contract tariff.
 */
import type { CrossRule } from '../../rule.js';

export const FIT_RULES: readonly CrossRule[] = [];

export const FIT_NOT_APPLICABLE: Readonly<Record<string, string>> = {};
