/**
 * Checks made on the raw bytes before any parser sees them: size, encoding, BOM and anything that
 * could make a parser fetch or expand content (DTDs, entities, XInclude).
 */
import { inputFout, type Fout } from './report.js';

/** The national hubs refuse messages above 25 MB (OP179); so do we by default. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

const XINCLUDE_NS = Buffer.from('http://www.w3.org/2001/XInclude');

export interface PreflightOptions {
  readonly maxBytes: number;
}

/**
 * Returns the first reason to refuse the input, or null. A BOM is reported but, being harmless to
 * parse, is stripped by the caller so that the rest of the message is still checked.
 */
export function preflight(bytes: Uint8Array, options: PreflightOptions): Fout | null {
  if (bytes.byteLength === 0) return inputFout('EMPTY', 'The input has zero bytes.');
  if (bytes.byteLength > options.maxBytes) {
    return inputFout('SIZE', `The input has ${bytes.byteLength} bytes; the limit is ${options.maxBytes}.`);
  }
  if (startsWithUtf16(bytes)) return inputFout('ENCODING', 'UTF-16 or UTF-32 input; iJw messages are UTF-8.');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const doctype = findDoctype(buf);
  if (doctype >= 0) {
    return inputFout('DOCTYPE', 'A <!DOCTYPE declaration was found; DTD processing is disabled.', lineAt(buf, doctype));
  }
  const xinclude = buf.indexOf(XINCLUDE_NS);
  if (xinclude >= 0) {
    return inputFout('XINCLUDE', 'The XInclude namespace is used; inclusion is disabled.', lineAt(buf, xinclude));
  }
  return null;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function startsWithUtf16(bytes: Uint8Array): boolean {
  const [a, b] = [bytes[0], bytes[1]];
  return (a === 0xfe && b === 0xff) || (a === 0xff && b === 0xfe) || a === 0 || b === 0;
}

/**
 * A DOCTYPE can only appear in the prolog, before the root element, so we scan just that part:
 * XML declaration, comments, processing instructions and white space.
 */
function findDoctype(buf: Buffer): number {
  let i = 0;
  for (;;) {
    i = buf.indexOf(0x3c /* < */, i);
    if (i < 0) return -1;
    const next = buf[i + 1];
    if (next === 0x3f /* ? */) {
      i = buf.indexOf('?>', i + 2);
    } else if (next === 0x21 /* ! */) {
      if (buf.subarray(i, i + 4).toString('latin1') === '<!--') {
        i = buf.indexOf('-->', i + 4);
      } else {
        return buf.subarray(i + 2, i + 9).toString('latin1').toUpperCase() === 'DOCTYPE' ? i : -1;
      }
    } else {
      return -1;
    }
    if (i < 0) return -1;
  }
}

function lineAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
  return line;
}
