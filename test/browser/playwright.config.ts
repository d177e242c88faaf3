import path from 'node:path';
import { defineConfig } from '@playwright/test';

const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * Browser tests: the built web app in the system's Chromium (Debian package `chromium`; no browser download) against
 * the real system that system.ts starts. One worker: the pages share one system and the machine is small.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '*.pw.ts',
  outputDir: path.join(repoRoot, 'test-results', 'playwright'),
  globalSetup: path.join(__dirname, 'system.ts'),
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    actionTimeout: 60_000,
    navigationTimeout: 90_000,
  },
});
