/**
 * Replays a sequence of messages through the real analysis and the real store's admission, as the
 * gateway does: each message arrives on its own Dagtekening, passes (or not) the cross-message
 * rules against what was admitted before, and only admitted messages change the state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { localAnalyser, type Analyser } from '../../src/ingest/pool.js';
import { defaultMappingsDir } from '../../src/mappings/load.js';
import { checkerOptions } from '../../src/state/options.js';
import type { Admission } from '../../src/store/ports.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { DEFAULT_RULE_OPTIONS } from '../../src/validate/rules/run.js';
import { bericht } from '../support/bericht.js';
import { tempDir } from '../support/gateway.js';

export interface Step {
  readonly name: string;
  readonly admission: Admission;
}

export interface Replayer {
  /** Analyses and admits one message; throws when it is not a valid message on its own. */
  send(name: string, bytes: Uint8Array): Promise<Step>;
  readonly store: SqliteStore;
  /** Reads the committed database through a connection of its own. */
  peek<T = Record<string, unknown>>(sql: string): T[];
  close(): Promise<void>;
}

let shared: Analyser | undefined;
function analyser(): Analyser {
  shared ??= localAnalyser({ maxBytes: 25 * 1024 * 1024, rules: DEFAULT_RULE_OPTIONS });
  return shared;
}

export function replayer(): Replayer {
  const path = join(tempDir('replay'), 'state.sqlite');
  const store = new SqliteStore({ path, checker: checkerOptions(defaultMappingsDir()) });
  let n = 0;
  let reader: Database.Database | undefined;
  return {
    store,
    peek<T>(sql: string): T[] {
      reader ??= new Database(path, { readonly: true });
      return reader.prepare(sql).all() as T[];
    },
    async send(name, bytes) {
      const id = `seq-${String(++n).padStart(4, '0')}`;
      const analysis = await analyser().analyse({ bytes, answerId: 'ANTW-1', today: '2026-12-31' });
      if (analysis.header === null || analysis.facts === null) {
        const codes = analysis.result.fouten.map((f) => `${f.code} ${f.location}`).join(', ');
        throw new Error(`${name} is not a valid message on its own: ${codes}`);
      }
      const day = analysis.header.dagtekening;
      const admission = await store.admit({
        record: bericht(id, {
          type: analysis.result.type,
          receivedAt: `${day}T09:00:00.000Z`,
          afzender: analysis.header.afzender,
          ontvanger: analysis.header.ontvanger,
          identificatie: analysis.header.identificatieRetour ?? analysis.header.identificatie,
          dagtekening: day,
          offers: analysis.offers,
          references: analysis.references,
        }),
        facts: analysis.facts,
        today: day,
      });
      return { name, admission };
    },
    close: async () => {
      reader?.close();
      store.close();
    },
  };
}

/**
 * fixtures/sequences/<rule>/{breaks,passes}.txt: one message per line, a path relative to
 * fixtures/ (the folder's own XML files or any other fixture); '#' starts a comment.
 */
export interface Sequence {
  readonly rule: string;
  readonly kind: 'breaks' | 'passes';
  readonly files: readonly { readonly name: string; readonly bytes: Buffer }[];
}

export function sequences(fixtures: string): Sequence[] {
  const root = join(fixtures, 'sequences');
  const out: Sequence[] = [];
  for (const rule of readdirSync(root).sort()) {
    for (const kind of ['breaks', 'passes'] as const) {
      let list: string;
      try {
        list = readFileSync(join(root, rule, `${kind}.txt`), 'utf8');
      } catch {
        continue;
      }
      const names = list
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter((l) => l !== '');
      out.push({ rule: rule.toUpperCase(), kind, files: names.map((name) => ({ name, bytes: readFileSync(join(fixtures, name)) })) });
    }
  }
  return out;
}
