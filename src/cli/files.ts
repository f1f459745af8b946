/** Expands the command line's files and folders into the list of messages to check. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputFile {
  readonly path: string;
  /** Set when the path could not be listed; the file then becomes a result line, not a crash. */
  readonly error?: string;
}

async function walk(dir: string, out: InputFile[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ path: dir, error: (err as Error).message });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.name.toLowerCase().endsWith('.xml')) out.push({ path: p });
  }
}

export async function expandInputs(paths: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (err) {
      out.push({ path: p, error: (err as Error).message });
      continue;
    }
    if (isDir) await walk(p, out);
    else out.push({ path: p });
  }
  return out;
}
