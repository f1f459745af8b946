/** `npm run gen:schemas`: regenerates schemas/ijw-3.2/ from the model. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaDir } from '../paths.js';
import { generateSchemas } from './generate.js';

const dir = schemaDir();
mkdirSync(dir, { recursive: true });
const schemas = generateSchemas();
for (const [name, text] of schemas) writeFileSync(join(dir, name), text);
console.log(`wrote ${schemas.size} schemas to ${dir}`);
