import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { defaultMappingsDir, loadMappings, MappingsError } from '../../src/mappings/load.js';
import { GEMEENTEN_FILE, PARTIES_FILE, REGIOS_FILE } from '../../src/mappings/schema.js';
import type { Directory } from '../../src/mappings/types.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const samples = defaultMappingsDir();
const root = mkdtempSync(join(tmpdir(), 'ijw-header-secrets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());
let copies = 0;

/** The sample with push delivery (Sleutelbos) and its index in parties.json. */
const PUSH_ID = 'aanbieder:98073318';
const sampleParties = JSON.parse(readFileSync(join(samples, PARTIES_FILE), 'utf8')) as Json;
const push = (sampleParties.parties as Json[]).findIndex((p) => p.id === PUSH_ID);

/** Loads the samples with the push party's headers replaced. */
function loadWithHeaders(headers: Json): Directory {
  const dir = mkdtempSync(join(root, `copy-${copies++}-`));
  for (const f of [GEMEENTEN_FILE, REGIOS_FILE]) writeFileSync(join(dir, f), readFileSync(join(samples, f)));
  const parties = structuredClone(sampleParties);
  parties.parties[push].delivery.headers = headers;
  writeFileSync(join(dir, PARTIES_FILE), JSON.stringify(parties, null, 2));
  return loadMappings(dir);
}

function headersOf(d: Directory): Readonly<Record<string, string>> {
  const delivery = d.aanbieder('98073318')?.delivery;
  if (delivery?.mode !== 'push') throw new Error('the sample push party lost its push delivery');
  return delivery.headers;
}

function problems(headers: Json): string[] {
  try {
    loadWithHeaders(headers);
  } catch (err) {
    if (err instanceof MappingsError) return err.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
    throw err;
  }
  throw new Error('expected loadMappings to fail');
}

describe('push header values from the environment or a file', () => {
  it('keeps a plain string as it is', () => {
    expect(headersOf(loadWithHeaders({ Authorization: 'Bearer plain-value' }))).toEqual({ Authorization: 'Bearer plain-value' });
  });

  it('reads {"env": NAME} from the environment when the mappings are loaded', () => {
    vi.stubEnv('IJW_TEST_PUSH_TOKEN', 'Bearer from-the-environment');
    expect(headersOf(loadWithHeaders({ Authorization: { env: 'IJW_TEST_PUSH_TOKEN' }, 'X-Plain': 'x' }))).toEqual({
      Authorization: 'Bearer from-the-environment',
      'X-Plain': 'x',
    });
  });

  it('reads {"file": PATH} and drops the trailing newline an editor or echo leaves', () => {
    const secret = join(mkdtempSync(join(root, 'secret-')), 'push-token');
    writeFileSync(secret, 'Bearer from-a-file\n');
    expect(headersOf(loadWithHeaders({ Authorization: { file: secret } }))).toEqual({ Authorization: 'Bearer from-a-file' });
  });

  it('names the missing variable or file, with file and path, and never shows a value', () => {
    vi.stubEnv('IJW_TEST_EMPTY', '');
    const list = problems({
      'X-Unset': { env: 'IJW_TEST_SURELY_UNSET_7F3A' },
      'X-Empty': { env: 'IJW_TEST_EMPTY' },
      'X-Missing-File': { file: '/nonexistent/ijw/push-token' },
      'X-Relative': { file: 'secrets/push-token' },
      'X-Bad-Name': { env: 'NOT-A-NAME' },
      'X-Both': { env: 'A', file: '/b' },
      'X-Number': 42,
    });
    const at = `${PARTIES_FILE}: $.parties[${push}].delivery.headers`;
    expect(list).toEqual(
      expect.arrayContaining([
        `${at}["X-Unset"]: environment variable IJW_TEST_SURELY_UNSET_7F3A is not set`,
        `${at}["X-Empty"]: environment variable IJW_TEST_EMPTY is not set`,
        `${at}["X-Missing-File"]: cannot read /nonexistent/ijw/push-token: file not found`,
      ]),
    );
    // The shapes that are wrong in themselves say what is expected.
    for (const name of ['X-Relative', 'X-Bad-Name', 'X-Both', 'X-Number']) {
      expect(list.some((l) => l.startsWith(`${at}["${name}"]`)), name).toBe(true);
    }
    expect(list.find((l) => l.startsWith(`${at}["X-Relative"]`))).toMatch(/absolute path/);
    expect(list).toHaveLength(7);
  });

  it('refuses a value with a line break, wherever it comes from, without repeating the value', () => {
    vi.stubEnv('IJW_TEST_INJECTED', 'Bearer abc\r\nX-Evil: 1');
    const secret = join(mkdtempSync(join(root, 'secret-')), 'two-lines');
    writeFileSync(secret, 'Bearer one\nBearer two\n');
    const list = problems({ 'X-Env': { env: 'IJW_TEST_INJECTED' }, 'X-File': { file: secret }, 'X-Plain': 'a\nb' });
    expect(list).toHaveLength(3);
    expect(list.join('\n')).toMatch(/the value of IJW_TEST_INJECTED contains a line break/);
    expect(list.join('\n')).toMatch(new RegExp(`the content of ${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} contains a line break`));
    expect(list.join('\n')).not.toMatch(/abc|Evil|Bearer/);
  });
});
