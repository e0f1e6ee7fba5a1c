#!/usr/bin/env node
// Time from script load to an interactive 40-question intake form in headless
// Chromium (median of RUNS fresh browser contexts), next to baselines
// measured in the same run:
//  - "bundle only": the same script loads and registers its elements, and the
//    page renders nothing (what loading our code costs before any form);
//  - "plain HTML form": a script builds 40 native inputs (what a form costs
//    with no framework at all).
// Interactive = the form is shown (`tcrm-form-loaded`) and its first field
// takes focus. The built bundle (dist/) and the API are served by a local
// static server: the API answers from a fixed JSON route, so the figure is
// the widget's own cost, not a database's. Usage: node scripts/interactive.mjs [out.json]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

if (!fs.existsSync(path.join(root, 'dist/tcrm-intake-form.js'))) {
  execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
// A snapshot: a rebuild elsewhere (tests, e2e) empties dist/ and must not change what is measured.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-interactive-'));
fs.cpSync(path.join(root, 'dist'), dist, { recursive: true });

/** 40 questions on one page, the mix a real intake has (no signature or upload: those load on demand). */
function fortyQuestions() {
  const kinds = [
    (i) => ({ type: 'text', id: `q${i}`, label: `Question ${i}: your answer`, required: i === 1 }),
    (i) => ({ type: 'email', id: `q${i}`, label: `Question ${i}: e-mail` }),
    (i) => ({ type: 'yes_no', id: `q${i}`, label: `Question ${i}: yes or no?` }),
    (i) => ({
      type: 'single_choice',
      id: `q${i}`,
      label: `Question ${i}: choose one`,
      options: ['a', 'b', 'c', 'd'].map((v) => ({ value: v, label: `Option ${v}` })),
    }),
    (i) => ({ type: 'long_text', id: `q${i}`, label: `Question ${i}: tell us more` }),
    (i) => ({ type: 'date', id: `q${i}`, label: `Question ${i}: date`, maxDate: 'today' }),
    (i) => ({ type: 'number', id: `q${i}`, label: `Question ${i}: how many?`, min: 0, max: 100 }),
    (i) => ({
      type: 'likert',
      id: `q${i}`,
      label: `Question ${i}: how often?`,
      rows: [1, 2, 3].map((r) => ({ id: `r${r}`, label: `Statement ${r}` })),
      scale: [0, 1, 2, 3].map((v) => ({ value: v, label: `Level ${v}` })),
    }),
  ];
  const items = Array.from({ length: 40 }, (_, n) => kinds[n % kinds.length](n + 1));
  items[9] = { type: 'address', id: 'q10', label: 'Question 10: home address' };
  return {
    id: 'bench-intake',
    version: 1,
    title: 'Forty questions',
    pages: [{ id: 'all', items }],
  };
}

const definition = fortyQuestions();
const api = {
  'practice.publicProfile': {
    name: 'Bench Practice',
    timezone: 'America/New_York',
    branding: null,
    features: [],
  },
  'intake.getPublishedForm': {
    formKey: 'bench-intake',
    formVersionId: '00000000-0000-4000-8000-000000000000',
    version: 1,
    definition,
    prefill: {},
  },
};

const timer = `<script>window.__t0 = performance.now();</script>`;
const report = `<script type="module">
  const el = document.querySelector('tcrm-intake-form');
  el.addEventListener('tcrm-form-loaded', async () => {
    await el.updateComplete;
    const first = el.shadowRoot.querySelector('[name]');
    await first.updateComplete;
    first.focus();
    const input = first.shadowRoot.activeElement;
    window.__done = input ? performance.now() - window.__t0 : -1;
  });
</script>`;
const pages = {
  '/form-element.html': `<!doctype html><html><body>${timer}<script type="module" src="/widgets/tcrm-intake-form.js"></script>
    <tcrm-intake-form form-key="bench-intake" publishable-key="pk_bench" api-url=""></tcrm-intake-form>${report}</body></html>`,
  '/form-bundle.html': `<!doctype html><html><body>${timer}<script type="module" src="/widgets/tcrm-widgets.js"></script>
    <tcrm-intake-form form-key="bench-intake" publishable-key="pk_bench" api-url=""></tcrm-intake-form>${report}</body></html>`,
  '/bundle-only.html': `<!doctype html><html><body>${timer}<script type="module" src="/widgets/tcrm-widgets.js"></script>
    <script type="module">await customElements.whenDefined('tcrm-intake-form'); window.__done = performance.now() - window.__t0;</script></body></html>`,
  '/plain-form.html': `<!doctype html><html><body>${timer}<form id="f"></form><script type="module">
    const form = document.getElementById('f');
    for (let i = 1; i <= 40; i++) {
      const label = document.createElement('label');
      label.textContent = 'Question ' + i;
      const input = document.createElement('input');
      input.name = 'q' + i;
      label.append(input);
      form.append(label);
    }
    form.querySelector('input').focus();
    window.__done = document.activeElement === form.querySelector('input') ? performance.now() - window.__t0 : -1;
  </script></body></html>`,
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (pages[url.pathname])
    return res.writeHead(200, { 'content-type': 'text/html' }).end(pages[url.pathname]);
  if (url.pathname.startsWith('/trpc/')) {
    const procedures = url.pathname.slice('/trpc/'.length).split(',');
    const body = procedures.map((p) =>
      api[p]
        ? { result: { data: api[p] } }
        : { error: { message: 'Not found', data: { appCode: 'NOT_FOUND' } } },
    );
    return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
  if (url.pathname.startsWith('/widgets/')) {
    const file = path.join(dist, path.normalize(url.pathname.slice('/widgets/'.length)));
    if (file.startsWith(dist) && fs.existsSync(file))
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

async function measure(page) {
  const times = [];
  for (let run = 0; run < RUNS + 1; run++) {
    const context = await browser.newContext(); // cold cache every time
    const tab = await context.newPage();
    await tab.goto(`${base}${page}`);
    const ms = await tab
      .waitForFunction(() => window.__done, null, { timeout: 20_000 })
      .then((h) => h.jsonValue());
    await context.close();
    if (ms < 0) throw new Error(`${page}: the first field did not take focus`);
    if (run > 0) times.push(ms); // the first run warms the browser process itself
  }
  times.sort((a, b) => a - b);
  const median =
    times.length % 2
      ? times[(times.length - 1) / 2]
      : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  return {
    medianMs: Number(median.toFixed(1)),
    minMs: Number(times[0].toFixed(1)),
    maxMs: Number(times.at(-1).toFixed(1)),
    runs: times.length,
  };
}

const results = {
  'form (tcrm-intake-form.js)': await measure('/form-element.html'),
  'form (tcrm-widgets.js)': await measure('/form-bundle.html'),
  'baseline: bundle only, renders nothing': await measure('/bundle-only.html'),
  'baseline: plain HTML form, 40 inputs': await measure('/plain-form.html'),
};
await browser.close();
server.close();
fs.rmSync(dist, { recursive: true, force: true });

const bundleOnly = results['baseline: bundle only, renders nothing'].medianMs;
const plain = results['baseline: plain HTML form, 40 inputs'].medianMs;
const print = (line) => process.stdout.write(`${line}\n`);
print(`script load → interactive 40-question form, median of ${RUNS} cold runs (budget ≤ 50 ms)`);
print(
  `${'page'.padEnd(42)} ${'median'.padStart(8)} ${'min'.padStart(7)} ${'max'.padStart(7)}  ×bundle-only  ×plain`,
);
for (const [name, r] of Object.entries(results)) {
  const row = `${name.padEnd(42)} ${r.medianMs.toFixed(1).padStart(6)}ms ${r.minMs.toFixed(1).padStart(5)}ms ${r.maxMs.toFixed(1).padStart(5)}ms`;
  print(
    `${row}  ${(r.medianMs / bundleOnly).toFixed(2).padStart(10)}  ${(r.medianMs / plain).toFixed(1).padStart(6)}`,
  );
}
const out = {
  questions: 40,
  runs: RUNS,
  budgetMs: 50,
  results,
  ratioToBundleOnly: (results['form (tcrm-widgets.js)'].medianMs / bundleOnly).toFixed(2),
  ratioToPlainForm: (results['form (tcrm-widgets.js)'].medianMs / plain).toFixed(2),
};
if (process.argv[2]) fs.writeFileSync(process.argv[2], JSON.stringify(out, null, 2));
