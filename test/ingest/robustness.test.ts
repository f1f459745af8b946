/**
 * Whatever a sender posts, ingest() answers it: every fixture, each with every date moved to
 * five-digit and to negative years (both schema-valid: xs:date), and seeded mutants of each,
 * through the real analysis and one real SQLite store with the sample mappings, in one go, so
 * that later messages meet the state the earlier ones left. None may throw or end in a 5xx: a
 * schema-valid message once did, in the claim checks' calendar arithmetic. Every retour the
 * gateway writes on the way must be schema-valid. (Not always free of rule findings: answering a
 * message dated after today, the gateway's DagtekeningRetour lies before it, IV028.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemIds } from '../../src/ingest/ids.js';
import { ingest, type IngestDeps } from '../../src/ingest/ingest.js';
import { createAnalyser, type Analyser } from '../../src/ingest/pool.js';
import { defaultMappingsDir, loadMappings } from '../../src/mappings/load.js';
import type { Party } from '../../src/mappings/types.js';
import { MESSAGE_TYPES, type MessageType } from '../../src/standard/catalogue.js';
import { checkerOptions } from '../../src/state/options.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { checkWithLibxml2 } from '../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import { DEFAULT_RULE_OPTIONS } from '../../src/validate/rules/run.js';
import { SchemaSet } from '../../src/validate/schema-set.js';
import { tempDir } from '../support/gateway.js';
import { takeMutants } from '../support/mutants.js';
import { fixturesDir } from '../support/paths.js';
import { sequences } from '../state/replay.js';

const MUTANTS_PER_FIXTURE = 10;
const NOW = new Date('2026-11-02T09:30:00.000Z');

function xmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return xmlFiles(path);
      return name.endsWith('.xml') ? [path] : [];
    });
}

interface Case {
  readonly name: string;
  readonly xml: string;
}

/**
 * Each date of the message on its own, moved to year 1yyyy, 2yyyy and -yyyy. As strings 2yyyy
 * still sorts after yyyy and 1yyyy before it: between them they take both branches of any check
 * that compares dates as text.
 */
function dateVariants(name: string, xml: string): Case[] {
  const out: Case[] = [];
  for (const m of xml.matchAll(/>(\d{4}-\d{2}-\d{2})</g)) {
    const at = m.index + 1;
    for (const prefix of ['1', '2', '-']) out.push({ name: `${name} @${at}: ${prefix}${m[1]}`, xml: xml.slice(0, at) + prefix + xml.slice(at) });
  }
  return out;
}

/** The message with every one of its dates moved by the same prefix. */
function allDates(xml: string, prefix: string): string {
  return xml.replace(/>(\d{4}-\d{2}-\d{2})</g, `>${prefix}$1<`);
}

describe('ingest answers every message it is given', () => {
  const directory = loadMappings(defaultMappingsDir());
  let store: SqliteStore;
  let analyser: Analyser;
  let deps: IngestDeps;
  const schemas = SchemaSet.ours();

  beforeAll(() => {
    store = new SqliteStore({ path: join(tempDir('robustness'), 'store.sqlite'), now: () => NOW, checker: checkerOptions(defaultMappingsDir(), directory) });
    analyser = createAnalyser({ maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS }, 0);
    deps = { store, directory, analyser, ids: systemIds(), clock: () => NOW };
  });
  afterAll(async () => {
    await analyser.close();
    store.close();
  });

  /** What a case came to, and what is wrong with the answer, if anything. */
  async function answer(xml: string, store: SqliteStore, serial: number): Promise<{ outcome: string; problem: string | null }> {
    // A fresh Identificatie for each variant (kept within its 12 characters), so that it is
    // judged on its content rather than answered as a resend of the fixture.
    const unique = xml.replace(/(<(?:\w+:)?Identificatie>)([^<]{0,6})[^<]*</, (_, open: string, head: string) => `${open}${head}R${serial.toString(36)}<`);
    const a = await ingest(Buffer.from(unique), sender(unique), { ...deps, store });
    const outcome = a.body.outcome;
    if (a.statusCode >= 500) return { outcome, problem: `${a.statusCode} ${a.body.melding}` };
    if (a.body.antwoord !== null) {
      const retour = checkWithLibxml2(store.body(a.body.antwoord.id)!, { schemas, maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS }).result;
      if (!retour.xsdValid) return { outcome, problem: `its ${a.body.antwoord.type} is not schema-valid: ${retour.fouten.slice(0, 2).map((f) => `${f.location} ${f.detail}`).join('; ')}` };
    }
    return { outcome, problem: null };
  }

  /** The message's own Afzender when we know it, so that most cases get past the 403. */
  function sender(xml: string): Party {
    const afzender = /Afzender>(\d+)</.exec(xml)?.[1];
    const ede = directory.gemeente('0228')!;
    if (afzender === undefined) return ede;
    return afzender.length === 4 ? (directory.gemeente(afzender) ?? ede) : directory.aanbieder(afzender);
  }

  it('with no error, no 5xx and schema-valid retours, for fixtures, their dates outside 0001–9999 and mutants', async () => {
    let serial = 0;
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    for (const path of xmlFiles(fixturesDir)) {
      const name = relative(fixturesDir, path);
      const xml = readFileSync(path, 'utf8');
      const folder = name.split('/')[0]!.toUpperCase() as MessageType;
      const cases = [{ name, xml }, ...dateVariants(name, xml), ...(MESSAGE_TYPES.includes(folder) ? takeMutants(xml, folder, MUTANTS_PER_FIXTURE, { label: name }) : [])];
      for (const c of cases) {
        try {
          const a = await answer(c.xml, store, serial++);
          outcomes.set(a.outcome, (outcomes.get(a.outcome) ?? 0) + 1);
          if (a.problem !== null) failures.push(`${c.name}: ${a.problem}`);
        } catch (err) {
          failures.push(`${c.name}: ${(err as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
        }
      }
    }
    expect(failures.slice(0, 20), `${failures.length} cases failed`).toEqual([]);
    // The cases reach every stage: the schema, the message's own rules and the cross-message state.
    for (const outcome of ['invalid', 'rejected', 'accepted', 'forbidden']) expect(outcomes.get(outcome) ?? 0, outcome).toBeGreaterThan(50);
  }, 300_000);

  it('with no error, no 5xx and schema-valid retours, for each sequence with the dates of one of its messages outside 0001–9999', async () => {
    // A date far out in an earlier message lands in the state (a toewijzing until 22026) and
    // meets the later ones' checks: each variant gets a store of its own.
    let serial = 0;
    let variants = 0;
    const failures: string[] = [];
    for (const seq of sequences(fixturesDir)) {
      for (let i = 0; i < seq.files.length; i++) {
        for (const prefix of ['1', '2', '-']) {
          const own = new SqliteStore({ path: join(tempDir('robustness-seq'), 'store.sqlite'), now: () => NOW, checker: checkerOptions(defaultMappingsDir(), directory) });
          variants++;
          try {
            for (const [j, f] of seq.files.entries()) {
              const xml = f.bytes.toString('utf8');
              const name = `${seq.rule} ${seq.kind}: ${f.name}${j === i ? ` with dates ${prefix}yyyy` : ''}`;
              try {
                const a = await answer(j === i ? allDates(xml, prefix) : xml, own, serial++);
                if (a.problem !== null) failures.push(`${name}: ${a.problem}`);
              } catch (err) {
                failures.push(`${name}: ${(err as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
              }
            }
          } finally {
            own.close();
          }
        }
      }
    }
    expect(variants).toBeGreaterThan(300);
    expect(failures.slice(0, 20), `${failures.length} messages failed`).toEqual([]);
  }, 300_000);
});
