// The server serves packages/widgets/dist at /widgets/* and the console from
// dist/console: build them first when missing or older than their sources.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const widgets = fileURLToPath(new URL('../../packages/widgets/', import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const bundle = path.join(widgets, 'dist/tcrm-widgets.js');
  const consoleIndex = path.join(widgets, 'dist/console/index.html');
  const builtAt =
    fs.existsSync(bundle) && fs.existsSync(consoleIndex)
      ? Math.min(fs.statSync(bundle).mtimeMs, fs.statSync(consoleIndex).mtimeMs)
      : 0;
  if (builtAt > newest(path.join(widgets, 'src'))) return;
  execFileSync('pnpm', ['--filter', '@therapycrm/widgets', 'build'], { stdio: 'inherit' });
}
