/** `npm run gen:schemas`: regenerates schemas/ijw-3.2/ and the message types from the model. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, schemaDir } from '../paths.js';
import { generateTypes } from './types.js';
import { generateSchemas } from './xsd.js';

export const TYPES_FILE = join('src', 'standard', 'types.generated.ts');

const dir = schemaDir();
mkdirSync(dir, { recursive: true });
const schemas = generateSchemas();
for (const [name, text] of schemas) writeFileSync(join(dir, name), text);
writeFileSync(join(packageRoot(), TYPES_FILE), generateTypes());
console.log(`wrote ${schemas.size} schemas to ${dir} and ${TYPES_FILE}`);
