/**
 * A set of XSDs (ours or the official ones) compiled once per message type with libxml2-wasm.
 * Schema files are served to libxml2 from memory through an input provider that knows only the
 * files of registered sets: neither a schema nor a message can make libxml2 open anything else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import { MESSAGES, type MessageType } from '../standard/catalogue.js';
import { schemaDir } from '../standard/paths.js';

const VIRTUAL_ROOT = '/ijw-gateway-schemas';

// libxml2 keeps one provider list per process, so the provider and the files it serves are too.
const served = new Map<string, Uint8Array>();
const open = new Map<number, { bytes: Uint8Array; offset: number }>();
let nextHandle = 1;
let providerRegistered = false;

function registerProvider(): void {
  if (providerRegistered) return;
  providerRegistered = xmlRegisterInputProvider({
    match: (name) => served.has(name),
    open: (name) => {
      const bytes = served.get(name);
      if (bytes === undefined) return undefined;
      const handle = nextHandle++;
      open.set(handle, { bytes, offset: 0 });
      return handle;
    },
    read: (handle, buf) => {
      const file = open.get(handle);
      if (file === undefined) return -1;
      const n = Math.min(buf.byteLength, file.bytes.byteLength - file.offset);
      buf.set(file.bytes.subarray(file.offset, file.offset + n));
      file.offset += n;
      return n;
    },
    close: (handle) => open.delete(handle),
  });
  if (!providerRegistered) throw new Error('libxml2-wasm refused the schema input provider');
}

let nextSetId = 1;

export class SchemaSet {
  readonly #prefix: string;
  readonly #validators = new Map<MessageType, { xsd: XmlDocument; validator: XsdValidator }>();

  private constructor(
    readonly label: string,
    readonly dir: string,
    files: ReadonlyMap<string, Uint8Array>,
  ) {
    registerProvider();
    this.#prefix = `${VIRTUAL_ROOT}/${nextSetId++}/`;
    for (const [name, bytes] of files) served.set(this.#prefix + name, bytes);
  }

  /** Reads every *.xsd in a folder once; message schemas are compiled on first use. */
  static fromDir(dir: string, label = dir): SchemaSet {
    const files = new Map<string, Uint8Array>();
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.xsd')) files.set(name.toLowerCase(), readFileSync(join(dir, name)));
    }
    return new SchemaSet(label, dir, files);
  }

  static ours(): SchemaSet {
    return SchemaSet.fromDir(schemaDir(), 'ijw-gateway');
  }

  /** Path of the message schema on disk, for engines that read files themselves. */
  schemaPath(type: MessageType): string {
    return join(this.dir, `${MESSAGES[type].prefix}.xsd`);
  }

  validator(type: MessageType): XsdValidator {
    let entry = this.#validators.get(type);
    if (entry === undefined) {
      const url = `${this.#prefix}${MESSAGES[type].prefix}.xsd`;
      const bytes = served.get(url);
      if (bytes === undefined) throw new Error(`schema set ${this.label} has no schema for ${type}`);
      const xsd = XmlDocument.fromBuffer(bytes, { url });
      entry = { xsd, validator: XsdValidator.fromDoc(xsd) };
      this.#validators.set(type, entry);
    }
    return entry.validator;
  }

  /** Compiles every message schema now, so that the first message pays no start-up cost. */
  compileAll(): this {
    for (const type of Object.keys(MESSAGES) as MessageType[]) this.validator(type);
    return this;
  }

  dispose(): void {
    for (const { xsd, validator } of this.#validators.values()) {
      validator.dispose();
      xsd.dispose();
    }
    this.#validators.clear();
    for (const key of [...served.keys()]) if (key.startsWith(this.#prefix)) served.delete(key);
  }
}
