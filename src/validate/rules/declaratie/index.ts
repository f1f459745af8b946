import type { Rule } from '../rule.js';

export const RULES: readonly Rule[] = [];

/** Message-scope rules of this group that are not a check of their own, with the reason. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = {};

/** `<code>/<type>` pairs rules.csv names that a check here leaves out on purpose, with the reason. */
export const PARTIAL_COVERAGE: Readonly<Record<string, string>> = {};
