/** `ijw-gateway serve`: runs the gateway until SIGINT/SIGTERM, then shuts down without losing work. */
import { loadConfig } from '../config.js';
import { GatewayError } from '../errors.js';
import { startGateway } from '../main.js';
import type { Output } from './validate-command.js';

export interface ServeFlags {
  readonly port?: number;
  readonly dataDir?: string;
  readonly mappings?: string;
}

export async function runServe(flags: ServeFlags, io: Output): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env, {
      ...(flags.port === undefined ? {} : { port: flags.port }),
      ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
      ...(flags.mappings === undefined ? {} : { mappingsDir: flags.mappings }),
    });
  } catch (err) {
    if (err instanceof GatewayError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  let gateway;
  try {
    gateway = await startGateway(config);
  } catch (err) {
    const e = err as { code?: string; message: string };
    io.err(`ijw-gateway kon niet starten (${e.code ?? 'error'}): ${e.message}`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await gateway.close();
  return 0;
}
