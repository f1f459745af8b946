/**
 * Debian's headless Chromium, driven by playwright-core (which brings no browser of its own). CI
 * installs the package (.ci/run); without it the browser suites skip and say why.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../support/paths.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Screenshots and PDFs for a person to look at; ignored by git. */
export const outputDir = join(repoRoot, 'test-output');

/** Call at the top of a suite that needs the browser, so a skip never goes unexplained. */
export function warnIfNoChromium(suite: string): void {
  if (!hasChromium) console.warn(`[${suite}] skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run does).`);
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(outputDir, { recursive: true });
  // --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], timeout: 60_000 });
}
