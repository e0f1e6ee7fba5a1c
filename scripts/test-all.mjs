#!/usr/bin/env node
// `pnpm test`: typecheck, lint, then every suite (plugin SDK, server on
// PostgreSQL and PGlite, widgets in Chromium, end-to-end), and one closing
// line "N passed, N failed" summed over the suites that report counts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-test-'));
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, options = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

function vitest(label, dir) {
  const out = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  run(label, 'pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    cwd: path.join(root, dir),
  });
  try {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numTotalTests === 0 ? 1 : 0);
  } catch {
    failed += 1;
  }
}

function countedFromOutput(label, cmd, args, cwd) {
  process.stdout.write(`\n=== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: path.join(root, cwd), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  if (r.status !== 0) failures.push(label);
  return `${r.stdout}\n${r.stderr}`;
}

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (want('typecheck')) run('typecheck', 'pnpm', ['-r', '--if-present', 'run', 'typecheck']);
if (want('lint')) run('lint', 'pnpm', ['exec', 'eslint', '.']);
if (want('sdk')) vitest('plugin-sdk', 'packages/plugin-sdk');
if (want('server')) vitest('server', 'packages/server');
if (want('widgets') && fs.existsSync(path.join(root, 'packages/widgets/web-test-runner.config.mjs'))) {
  const text = countedFromOutput('widgets (Chromium)', 'pnpm', ['exec', 'wtr'], 'packages/widgets');
  // @web/test-runner's summary: "N passed, M failed" (or only "N passed").
  const m = [...text.matchAll(/(\d+) passed(?:, (\d+) failed)?/g)].pop();
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2] ?? 0);
  } else failed += 1;
}
// Storybook must build offline (telemetry off): a broken story fails here.
if (want('storybook')) {
  run('storybook build', 'pnpm', ['--filter', '@therapycrm/widgets', 'run', 'build-storybook'], {
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
}
if (want('e2e') && fs.existsSync(path.join(root, 'e2e/vitest.config.ts'))) vitest('e2e', 'e2e');

process.stdout.write(`\n${failures.length ? `Failed suites: ${failures.join(', ')}\n` : ''}`);
process.stdout.write(`${passed} passed, ${failed + (failures.length && !failed ? failures.length : 0)} failed\n`);
process.exit(failures.length || failed ? 1 : 0);
