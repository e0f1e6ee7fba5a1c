#!/usr/bin/env node
// Widget weight report: min+gzip bytes of what a page loads for each
// element, of everything together (tcrm-widgets.js), of the lazy parts,
// and of baselines built the same way in the same run (Lit alone, the
// tRPC client alone, our API client alone), so ratios are comparable.
// "Initial" is what the browser fetches before the element first renders: the
// entry chunk, its static imports, and chunks it always imports dynamically
// before rendering (FIRST_RENDER in build-entries.mjs, e.g. the field base the
// intake form's on-demand field elements share). Everything else is lazy and
// listed per element under the module that names the chunk.
// Prints a table, then one JSON line (`--json`: only the JSON); `--check`
// exits 1 when over budget.
// Budgets (REQUIREMENTS.md): ≤ 20 KB per widget, ≤ 45 KB all.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import {
  ELEMENT_ENTRIES,
  FIRST_RENDER,
  noPreloadHelper,
  SCRIPT_BUNDLE,
} from '../build-entries.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;
const print = (line) => process.stdout.write(`${line}\n`);

const BASELINES = {
  'lit (LitElement, html, css)': `import { LitElement, html, css } from 'lit';
    class X extends LitElement { static styles = css\`:host{}\`; render() { return html\`<p>\${1}</p>\`; } }
    customElements.define('x-x', X);`,
  '@trpc/client (createTRPCClient + httpBatchLink)': `import { createTRPCClient, httpBatchLink } from '@trpc/client';
    export const api = createTRPCClient({ links: [httpBatchLink({ url: '/trpc' })] });`,
  'tcrm api client (createApiClient)': `import { createApiClient } from '/src/api/api-client.ts';
    export const api = createApiClient({ url: '/trpc', headers: () => ({}) });`,
};

/** Builds one entry (a file or inline code) and returns its output chunks. */
async function bundle(entry, code) {
  const id = '\0size-entry.js';
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    esbuild: { legalComments: 'none' },
    plugins: [
      noPreloadHelper,
      ...(code
        ? [
            {
              name: 'entry',
              resolveId: (s) => (s === 'size-entry' ? id : null),
              load: (i) => (i === id ? code : null),
            },
          ]
        : []),
    ],
    build: {
      write: false,
      target: 'es2022',
      minify: 'esbuild',
      modulePreload: false,
      rollupOptions: { input: { entry: code ? 'size-entry' : entry }, output: { format: 'es' } },
    },
  });
  return (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk');
}

const gz = (code) => gzipSync(code, { level: 9 }).length;

/** A lazy chunk's name: the source module it stands for (or Rollup's name), without hashes. */
const chunkLabel = (c) =>
  c.facadeModuleId && !c.facadeModuleId.startsWith('\0')
    ? c.facadeModuleId.replace(root, '').replace(/^.*node_modules\//, '')
    : `${c.name} (shared)`;

/**
 * Size of what loads first (entry chunk, its static imports, and the chunks
 * holding `firstRender` modules with their static imports), and of each lazy chunk.
 */
function measure(chunks, firstRender = []) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry);
  const initial = new Set();
  const visit = (c) => {
    if (initial.has(c)) return;
    initial.add(c);
    c.imports.forEach((f) => visit(byName.get(f)));
  };
  visit(entry);
  for (const module of firstRender) {
    const holder = chunks.find((c) => Object.keys(c.modules).includes(`${root}${module}`));
    if (!holder) throw new Error(`FIRST_RENDER module ${module} is in no chunk`);
    visit(holder);
  }
  const code = [...initial].map((c) => c.code).join('\n');
  const lazy = chunks
    .filter((c) => !initial.has(c))
    .map((c) => ({ name: chunkLabel(c), minBytes: c.code.length, minGzipBytes: gz(c.code) }));
  return { minBytes: code.length, minGzipBytes: gz(code), chunks: initial.size, lazy };
}

const report = {
  budgetPerWidgetBytes: 20 * KB,
  budgetAllBytes: 45 * KB,
  baselines: {},
  elements: {},
  all: null,
  lazy: {},
};
for (const [name, code] of Object.entries(BASELINES))
  report.baselines[name] = measure(await bundle(null, code));
for (const [name, entry] of Object.entries(ELEMENT_ENTRIES)) {
  const m = measure(await bundle(entry), FIRST_RENDER[name]);
  report.elements[name] = { minBytes: m.minBytes, minGzipBytes: m.minGzipBytes, chunks: m.chunks };
  if (m.lazy.length) report.lazy[name] = m.lazy;
}
const all = measure(await bundle(SCRIPT_BUNDLE.entry));
report.all = {
  file: `${SCRIPT_BUNDLE.name}.js`,
  minBytes: all.minBytes,
  minGzipBytes: all.minGzipBytes,
};
report.lazy[report.all.file] = all.lazy;

const lit = report.baselines['lit (LitElement, html, css)'].minGzipBytes;
if (!process.argv.includes('--json')) {
  const row = (label, b) =>
    `${label.padEnd(50)} ${(b.minGzipBytes / KB).toFixed(2).padStart(7)} KB  ${(b.minGzipBytes / lit).toFixed(2).padStart(5)}× lit`;
  print('min+gzip (level 9)');
  print('— baselines');
  for (const [n, b] of Object.entries(report.baselines)) print(row(n, b));
  print('— one element per page, initial (incl. Lit, context, API client where used)');
  for (const [n, b] of Object.entries(report.elements)) print(row(n, b));
  print('— everything, one script tag');
  print(row(report.all.file, report.all));
  print('— lazy, per page (loaded on demand, reported separately)');
  for (const [page, chunks] of Object.entries(report.lazy)) {
    print(`${page}:`);
    for (const b of chunks) print(row(`  ${b.name}`, b));
  }
}
print(JSON.stringify(report));
const over =
  Object.values(report.elements).some((e) => e.minGzipBytes > report.budgetPerWidgetBytes) ||
  report.all.minGzipBytes > report.budgetAllBytes;
if (over) process.stderr.write('over budget\n');
// A report by default (the benchmark compares ratios); `--check` makes it a gate.
process.exitCode = over && process.argv.includes('--check') ? 1 : 0;
