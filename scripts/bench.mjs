#!/usr/bin/env node
// `pnpm bench`: runs every benchmark in this process tree, each reporting its
// figures next to a baseline measured in the same run, and writes them all
// to bench-results.json. Benchmarks are not tests: nothing here fails on a
// slow machine; the figures go into notes and are compared by ratio.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-bench-'));

const benches = [
  { name: 'widget-size', cwd: 'packages/widgets', cmd: ['node', 'scripts/size.mjs'] },
  { name: 'form-interactive', cwd: 'packages/widgets', cmd: ['node', 'scripts/interactive.mjs'] },
  { name: 'availability', cwd: 'packages/server', cmd: ['pnpm', 'exec', 'tsx', 'bench/availability.bench.ts'] },
  { name: 'intake-submit', cwd: 'packages/server', cmd: ['pnpm', 'exec', 'tsx', 'bench/intake-submit.bench.ts'] },
];

const results = {};
for (const b of benches) {
  const script = b.cmd[b.cmd.length - 1];
  if (!fs.existsSync(path.join(root, b.cwd, script))) {
    process.stdout.write(`\n=== ${b.name}: not present (${b.cwd}/${script})\n`);
    continue;
  }
  process.stdout.write(`\n=== ${b.name}\n`);
  const out = path.join(tmp, `${b.name}.json`);
  const r = spawnSync(b.cmd[0], [...b.cmd.slice(1), out], { cwd: path.join(root, b.cwd), stdio: 'inherit' });
  if (r.status !== 0) {
    results[b.name] = { error: `exit ${r.status}` };
    continue;
  }
  try {
    results[b.name] = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    results[b.name] = { error: 'no JSON written' };
  }
}
const file = path.join(root, 'bench-results.json');
fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, results }, null, 2));
process.stdout.write(`\nWrote ${file}\n`);
