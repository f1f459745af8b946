import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultMappingsDir, loadMappings, MappingsError } from '../../src/mappings/load.js';
import { GEMEENTEN_FILE, PARTIES_FILE, REGIOS_FILE } from '../../src/mappings/schema.js';
import type { MappingsIssue } from '../../src/mappings/validate.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const samples = defaultMappingsDir();
const read = (file: string): Json => JSON.parse(readFileSync(join(samples, file), 'utf8')) as Json;
const root = mkdtempSync(join(tmpdir(), 'ijw-mappings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let copies = 0;

interface Edits {
  gemeenten?: (json: Json) => void;
  parties?: (json: Json) => void;
  regios?: (json: Json) => void;
  /** Raw text instead of JSON, e.g. to break the syntax; null leaves the file out. */
  raw?: Partial<Record<string, string | null>>;
}

/** Writes the samples with `edits` applied to a fresh folder and returns the load error. */
function loadBroken(edits: Edits): MappingsError {
  const dir = mkdtempSync(join(root, `copy-${copies++}-`));
  const files = { [GEMEENTEN_FILE]: edits.gemeenten, [PARTIES_FILE]: edits.parties, [REGIOS_FILE]: edits.regios };
  for (const [file, edit] of Object.entries(files)) {
    const raw = edits.raw?.[file];
    if (raw === null) continue;
    if (raw !== undefined) {
      writeFileSync(join(dir, file), raw);
      continue;
    }
    const json = read(file);
    edit?.(json);
    writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
  }
  try {
    loadMappings(dir);
  } catch (err) {
    if (err instanceof MappingsError) return err;
    throw err;
  }
  throw new Error('expected loadMappings to fail');
}

function issues(edits: Edits): MappingsIssue[] {
  return [...loadBroken(edits).issues];
}

/** Index of a party in the sample parties.json, so tests do not depend on the order there. */
function at(id: string): number {
  const i = (read(PARTIES_FILE).parties as Json[]).findIndex((p) => p.id === id);
  if (i < 0) throw new Error(`no sample party ${id}`);
  return i;
}
const party = (json: Json, id: string): Json => json.parties[at(id)] as Json;

describe('MappingsError', () => {
  it('has the code, the issues, and one line per issue naming file, path and problem', () => {
    const err = loadBroken({ parties: (j) => (party(j, 'aanbieder:98041733').code = '9804173') });
    expect(err.code).toBe('IJW_ERR_MAPPINGS');
    expect(err.issues).toHaveLength(1);
    const i = at('aanbieder:98041733');
    expect(err.message).toContain(`parties.json: $.parties[${i}].code: must be an 8-digit AGB code`);
    expect(err.message.split('\n')[0]).toMatch(/^invalid mappings in .* \(1 problem\):$/);
  });

  it('reports every problem of every file at once', () => {
    const err = loadBroken({
      parties: (j) => {
        party(j, 'aanbieder:98041733').code = '9804173';
        party(j, 'aanbieder:98073318').delivery.url = 'http://ijw.sleutelbos.example/berichten';
        party(j, 'intermediair:berichtenbrug').actsFor.push('aanbieder:11111111');
        j.parties.push({ ...party(j, 'gemeente:0228'), apiKeySha256: [] });
      },
      regios: (j) => {
        j.regios[1].name = 'Holland Rijnland';
        j.regios[0].factuurbureau.types.push('JW399');
      },
    });
    const lines = err.message.split('\n').slice(1);
    expect(lines).toHaveLength(6);
    expect(err.issues.map((i) => `${i.file}: ${i.path}`)).toEqual([
      `parties.json: $.parties[${at('aanbieder:98041733')}].code`,
      `parties.json: $.parties[${at('aanbieder:98073318')}].delivery.url`,
      `parties.json: $.parties[${at('intermediair:berichtenbrug')}].actsFor[2]`,
      `parties.json: $.parties[${read(PARTIES_FILE).parties.length}].id`,
      'regios.json: $.regios[0].factuurbureau.types[1]',
      'regios.json: $.regios[1].name',
    ]);
  });
});

/** The single issue a broken copy yields. */
function only(edits: Edits): MappingsIssue {
  const list = issues(edits);
  expect(list, JSON.stringify(list, null, 2)).toHaveLength(1);
  return list[0] as MappingsIssue;
}

describe('parties.json rules', () => {
  const ede = at('gemeente:0228');
  const push = at('aanbieder:98073318');
  const intermediair = at('intermediair:berichtenbrug');

  it('refuses an AGB code that is not 8 digits, and a CBS code that is not 4', () => {
    expect(only({ parties: (j) => (j.parties[ede].code = '228') })).toEqual({
      file: PARTIES_FILE,
      path: `$.parties[${ede}].code`,
      message: 'must be a 4-digit CBS gemeentecode such as "0228"',
    });
    expect(only({ parties: (j) => (party(j, 'aanbieder:98062519').code = '9806251X') }).message).toMatch(/8-digit AGB/);
  });

  it('refuses a gemeente that is not in the CBS list', () => {
    const issue = only({ parties: (j) => Object.assign(j.parties[ede], { id: 'gemeente:0999', code: '0999' }) });
    expect(issue).toMatchObject({ path: `$.parties[${ede}].code`, message: `0999 is not a gemeente in ${GEMEENTEN_FILE}` });
  });

  it('requires ids derived from the code, or kind:slug for the other kinds', () => {
    expect(only({ parties: (j) => (j.parties[ede].id = 'ede') })).toMatchObject({
      path: `$.parties[${ede}].id`,
      message: 'must be "gemeente:0228" (derived from code)',
    });
    const fb = at('factuurbureau:food-valley');
    expect(only({ parties: (j) => (j.parties[fb].id = 'Factuurbureau:Food Valley'), regios: (j) => (j.regios[0].factuurbureau.partyId = 'Factuurbureau:Food Valley') })).toMatchObject({
      path: `$.parties[${fb}].id`,
      message: expect.stringMatching(/^must be "factuurbureau:" followed by lower-case letters/),
    });
  });

  it('refuses duplicate ids', () => {
    const list = issues({ parties: (j) => j.parties.push({ ...j.parties[ede] }) });
    const dup = list.find((i) => i.message.startsWith('duplicate id'));
    expect(dup).toEqual({
      file: PARTIES_FILE,
      path: `$.parties[${read(PARTIES_FILE).parties.length}].id`,
      message: `duplicate id "gemeente:0228", also at $.parties[${ede}]`,
    });
    // The copy also repeats Ede's key hash, which would make authentication ambiguous.
    expect(list.map((i) => i.path)).toContain(`$.parties[${read(PARTIES_FILE).parties.length}].apiKeySha256[0]`);
  });

  it('refuses one API key hash or certificate for two parties', () => {
    const issue = only({
      parties: (j) => (party(j, 'gemeente:0345').apiKeySha256 = [...j.parties[ede].apiKeySha256]),
    });
    expect(issue).toEqual({
      file: PARTIES_FILE,
      path: `$.parties[${at('gemeente:0345')}].apiKeySha256[0]`,
      message: `the same hash is already configured at $.parties[${ede}].apiKeySha256[0]`,
    });
    const cert = 'ab'.repeat(32);
    expect(only({ parties: (j) => { j.parties[ede].certificateSha256 = [cert]; j.parties[push].certificateSha256 = [cert]; } }).path).toBe(
      `$.parties[${push}].certificateSha256[0]`,
    );
  });

  it('refuses a sha256 that is not 64 lower-case hex characters', () => {
    const upper = read(PARTIES_FILE).parties[ede].apiKeySha256[0].toUpperCase() as string;
    for (const bad of [upper, 'abc', 'demo-ede-0228-not-secret']) {
      expect(only({ parties: (j) => (j.parties[ede].apiKeySha256 = [bad]) })).toEqual({
        file: PARTIES_FILE,
        path: `$.parties[${ede}].apiKeySha256[0]`,
        message: 'must be a SHA-256 digest: 64 lower-case hex characters',
      });
    }
  });

  it('requires https for push, allowing plain http only on loopback', () => {
    const url = (u: string) => ({ parties: (j: Json) => (j.parties[push].delivery.url = u) });
    expect(only(url('http://ijw.sleutelbos.example/berichten'))).toEqual({
      file: PARTIES_FILE,
      path: `$.parties[${push}].delivery.url`,
      message: 'must be an https:// URL (http:// only for 127.0.0.1, localhost or [::1]), got "http://ijw.sleutelbos.example/berichten"',
    });
    expect(only(url('ftp://127.0.0.1/x')).message).toMatch(/must be an https:\/\/ URL/);
    expect(only(url('not a url')).message).toBe('"not a url" is not a valid URL');
    expect(only(url('https://user:pw@ijw.example/')).message).toMatch(/must not contain a user or password/);
    for (const ok of ['http://127.0.0.1:8080/in', 'http://localhost:3000/', 'http://[::1]:9000/in']) {
      const tmp = mkdtempSync(join(root, 'ok-'));
      for (const f of [GEMEENTEN_FILE, REGIOS_FILE]) writeFileSync(join(tmp, f), readFileSync(join(samples, f)));
      const j = read(PARTIES_FILE);
      j.parties[push].delivery.url = ok;
      writeFileSync(join(tmp, PARTIES_FILE), JSON.stringify(j));
      expect(loadMappings(tmp).aanbieder('98073318').delivery).toMatchObject({ mode: 'push', url: ok });
    }
  });

  it('checks the other push settings', () => {
    const list = issues({
      parties: (j) => {
        Object.assign(j.parties[push].delivery, { timeoutMs: 2.5, maxAttempts: 0, headers: { Host: 'x', 'Bad Name': 'y' } });
        j.parties[ede].delivery = { mode: 'pigeon' };
      },
    });
    expect(list.map((i) => `${i.path}: ${i.message}`)).toEqual([
      `$.parties[${ede}].delivery.mode: mode must be "mailbox" or "push"`,
      `$.parties[${push}].delivery.timeoutMs: must be an integer, got number 2.5`,
      `$.parties[${push}].delivery.maxAttempts: must be at least 1`,
      `$.parties[${push}].delivery.headers.Host: is set by the gateway itself and cannot be configured`,
      `$.parties[${push}].delivery.headers["Bad Name"]: is not a valid HTTP header name`,
    ]);
  });

  it('refuses an actsFor that does not resolve, names itself, or names a non-sender', () => {
    const list = issues({
      parties: (j) =>
        j.parties[intermediair].actsFor.push('aanbieder:11111111', 'intermediair:berichtenbrug', 'factuurbureau:food-valley', 'gemeente:0999', 'gemeente:0267'),
    });
    expect(list.map((i) => `${i.path}: ${i.message}`)).toEqual([
      `$.parties[${intermediair}].actsFor[2]: unknown party "aanbieder:11111111": not an id in parties.json, nor "gemeente:<CBS code>" of a gemeente`,
      `$.parties[${intermediair}].actsFor[3]: a party always acts for itself; remove this entry`,
      `$.parties[${intermediair}].actsFor[4]: "factuurbureau:food-valley" is a factuurbureau; actsFor may only name gemeenten and aanbieders`,
      `$.parties[${intermediair}].actsFor[5]: unknown party "gemeente:0999": not an id in parties.json, nor "gemeente:<CBS code>" of a gemeente`,
    ]);
  });

  it('requires an intermediair to act for someone', () => {
    expect(only({ parties: (j) => (j.parties[intermediair].actsFor = []) })).toMatchObject({
      path: `$.parties[${intermediair}].actsFor`,
      message: 'an intermediair must act for at least one party',
    });
  });

  it('names unknown fields, unknown kinds and missing fields', () => {
    const list = issues({
      parties: (j) => {
        j.parties[ede].colour = 'blue';
        j.parties[push].kind = 'zorgaanbieder';
        delete party(j, 'aanbieder:98041733').name;
      },
    });
    expect(list.map((i) => `${i.path}: ${i.message}`)).toEqual([
      `$.parties[${ede}].colour: unknown field`,
      `$.parties[${at('aanbieder:98041733')}].name: is required (a string)`,
      `$.parties[${push}].kind: kind must be one of gemeente, aanbieder, factuurbureau, intermediair, ketenbureau`,
    ]);
  });

  it('refuses a factuurbureau that serves no regio', () => {
    expect(only({ regios: (j) => delete j.regios[0].factuurbureau })).toEqual({
      file: PARTIES_FILE,
      path: `$.parties[${at('factuurbureau:food-valley')}]`,
      message: 'factuurbureau "factuurbureau:food-valley" serves no regio; name it in regios.json or remove it',
    });
  });
});

describe('regios.json rules', () => {
  it('refuses a regio name that is not a jeugdregio of gemeenten-2026.json, suggesting the spelling', () => {
    expect(only({ regios: (j) => (j.regios[0].name = 'Foodvalley') })).toEqual({
      file: REGIOS_FILE,
      path: '$.regios[0].name',
      message: 'unknown jeugdregio "Foodvalley" in gemeenten-2026.json; did you mean "Food Valley"?',
    });
    expect(only({ regios: (j) => (j.regios[1].name = 'Atlantis') }).message).toBe(
      'unknown jeugdregio "Atlantis" in gemeenten-2026.json; names are those of $.jeugdregios[*].naam there',
    );
  });

  it('refuses a duplicate regio', () => {
    expect(only({ regios: (j) => j.regios.push({ name: 'Holland-Rijnland' }) })).toEqual({
      file: REGIOS_FILE,
      path: '$.regios[2].name',
      message: 'duplicate name "Holland-Rijnland", also at $.regios[1]',
    });
  });

  it('checks the name of an entry that is broken elsewhere', () => {
    const list = issues({ regios: (j) => Object.assign(j.regios[0], { name: 'FoodValley', colour: 'green' }) });
    expect(list.map((i) => `${i.path}: ${i.message}`)).toEqual([
      '$.regios[0].colour: unknown field',
      '$.regios[0].name: unknown jeugdregio "FoodValley" in gemeenten-2026.json; did you mean "Food Valley"?',
    ]);
  });

  it('refuses message types that are not iJw types, or that a gemeente does not receive', () => {
    expect(only({ regios: (j) => (j.regios[0].factuurbureau.types = ['JW999']) })).toEqual({
      file: REGIOS_FILE,
      path: '$.regios[0].factuurbureau.types[0]',
      message: expect.stringMatching(/^unknown iJw message type "JW999"; known: JW301, JW302, /),
    });
    expect(only({ regios: (j) => j.regios[0].factuurbureau.types.push('JW325') }).message).toBe(
      'JW325 is sent by the gemeente side, not received, so it cannot be routed to a factuurbureau',
    );
    expect(only({ regios: (j) => j.regios[0].factuurbureau.types.push('JW323') }).message).toBe('JW323 is listed twice');
    expect(only({ regios: (j) => (j.regios[0].factuurbureau.types = []) }).message).toBe('list at least one message type');
  });

  it('requires the factuurbureau reference to name a factuurbureau party', () => {
    expect(only({ regios: (j) => (j.regios[1].factuurbureau = { partyId: 'factuurbureau:holland-rijnland', types: ['JW323'] }) })).toEqual({
      file: REGIOS_FILE,
      path: '$.regios[1].factuurbureau.partyId',
      message: 'unknown party "factuurbureau:holland-rijnland": not an id in parties.json',
    });
    expect(only({ regios: (j) => (j.regios[1].factuurbureau = { partyId: 'gemeente:0546', types: ['JW323'] }) }).message).toBe(
      '"gemeente:0546" is a gemeente, not a factuurbureau',
    );
    expect(only({ regios: (j) => (j.regios[1].factuurbureau = { partyId: 'factuurbureau:food-valley', types: ['JW323'] }) }).message).toBe(
      '"factuurbureau:food-valley" already serves $.regios[0]; a factuurbureau serves one regio',
    );
  });
});

describe('gemeenten-2026.json and file-level problems', () => {
  it('refuses a gemeente whose regio disagrees with the jeugdregios list', () => {
    const list = issues({ gemeenten: (j) => (j.gemeenten.find((g: Json) => g.code === '0228').jeugdregio = 'Holland-Rijnland') });
    const foodValley = (read(GEMEENTEN_FILE).jeugdregios as Json[]).findIndex((r) => r.naam === 'Food Valley');
    expect(list.map((i) => `${i.file}: ${i.path}: ${i.message}`)).toEqual([
      `gemeenten-2026.json: $.jeugdregios[${foodValley}].gemeenten[1]: 0228 Ede has jeugdregio "Holland-Rijnland" in $.gemeenten`,
    ]);
  });

  it('reports a missing file and a file that is not JSON, with the other files still checked', () => {
    const list = issues({
      raw: { [REGIOS_FILE]: null, [GEMEENTEN_FILE]: '{ "peildatum": ' },
      parties: (j) => (j.parties[at('gemeente:0228')].code = 'x'),
    });
    expect(list.map((i) => `${i.file}: ${i.path}`)).toEqual([
      'gemeenten-2026.json: $',
      `parties.json: $.parties[${at('gemeente:0228')}].code`,
      'regios.json: $',
    ]);
    expect(list[0]?.message).toMatch(/^not valid JSON: /);
    expect(list[2]?.message).toBe('cannot read: file not found');
  });

  it('says what was expected and what was found', () => {
    const list = issues({
      parties: (j) => {
        j.parties[at('gemeente:0228')].forwardRejected = 'yes';
        j.parties[at('gemeente:0345')].actsFor = 'gemeente:0228';
      },
      regios: (j) => (j.regios = {}),
    });
    expect(list.map((i) => `${i.file}: ${i.path}: ${i.message}`)).toEqual([
      `parties.json: $.parties[${at('gemeente:0228')}].forwardRejected: must be true or false, got string "yes"`,
      `parties.json: $.parties[${at('gemeente:0345')}].actsFor: must be an array, got string "gemeente:0228"`,
      'regios.json: $.regios: must be an array, got an object',
    ]);
  });

  it('names an unknown top-level field', () => {
    expect(only({ regios: (j) => (j.regio = []) })).toEqual({ file: REGIOS_FILE, path: '$.regio', message: 'unknown field' });
  });
});
