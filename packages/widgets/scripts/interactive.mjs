#!/usr/bin/env node
// Time from script load to an interactive 40-question intake form in headless
// Chromium (median of RUNS fresh browser contexts), next to baselines
// measured in the same run:
//  - "bundle only": the same script loads and registers its elements, and the
//    page renders nothing (what loading our code costs before any form);
//  - "plain HTML form": a script builds 40 native inputs (what a form costs
//    with no framework at all).
// Interactive = the form is shown with every question of its page rendered
// (`tcrm-form-loaded`) and its first field takes focus (which lays the page
// out, as the browser must before the client can type). The built bundle (dist/) and the API are served by a local
// static server: the API answers from a fixed JSON route, so the figure is
// the widget's own cost, not a database's. Usage: node scripts/interactive.mjs [out.json]
// (env BENCH_RUNS, default 15; BENCH_COMPARE_DIST, see below).
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
const snapshot = (from) => {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-interactive-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
};
const dist = snapshot(path.join(root, 'dist'));
// BENCH_COMPARE_DIST=<another build's dist/>: also measures that build, in the
// same rounds (before/after comparisons on a busy machine).
const compareDist = process.env.BENCH_COMPARE_DIST
  ? snapshot(process.env.BENCH_COMPARE_DIST)
  : null;

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

// The page reports by a console message: polling it from Playwright
// (waitForFunction) would run Playwright's injected script on the page's main
// thread during the very window being timed.
const timer = `<script>window.__t0 = performance.now();
  window.__done = (ms) => console.info('tcrm-interactive:' + ms);</script>`;
// The clock stops when every question of the first page has rendered its
// controls and the first field has taken focus (focus lays the page out, as
// the browser must before the client can type). `tcrm-form-loaded` already
// means "rendered" (intake-form.test.ts types into the first field right
// after it); the awaits below are no-ops then, and keep the figure honest
// for builds where the event came earlier (BENCH_COMPARE_DIST).
const report = `<script type="module">
  const el = document.querySelector('tcrm-intake-form');
  el.addEventListener('tcrm-form-loaded', async () => {
    await el.updateComplete;
    const fields = [...el.shadowRoot.querySelectorAll('[name]')];
    await Promise.all(fields.map((f) => f.updateComplete));
    fields[0].focus();
    const input = fields[0].shadowRoot.activeElement;
    const ms = performance.now() - window.__t0;
    const controls = 'input, textarea, select, button';
    const allReady = fields.length === 40 && fields.every((f) => f.shadowRoot?.querySelector(controls));
    window.__done(input && allReady ? ms : -1);
  });
</script>`;
const pages = {
  '/form-element.html': `<!doctype html><html><body>${timer}<script type="module" src="/widgets/tcrm-intake-form.js"></script>
    <tcrm-intake-form form-key="bench-intake" publishable-key="pk_bench" api-url=""></tcrm-intake-form>${report}</body></html>`,
  '/form-bundle.html': `<!doctype html><html><body>${timer}<script type="module" src="/widgets/tcrm-widgets.js"></script>
    <tcrm-intake-form form-key="bench-intake" publishable-key="pk_bench" api-url=""></tcrm-intake-form>${report}</body></html>`,
  '/bundle-only.html': `<!doctype html><html><body>${timer}<script type="module" src="/widgets/tcrm-widgets.js"></script>
    <script type="module">await customElements.whenDefined('tcrm-intake-form'); window.__done(performance.now() - window.__t0);</script></body></html>`,
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
    window.__done(document.activeElement === form.querySelector('input') ? performance.now() - window.__t0 : -1);
  </script></body></html>`,
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const pagePath = url.pathname.replace(/^\/compare\//, '/');
  if (pages[pagePath]) {
    const html =
      pagePath === url.pathname
        ? pages[pagePath]
        : pages[pagePath].replaceAll('"/widgets/', '"/compare/widgets/');
    return res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  }
  if (url.pathname.includes('/trpc/')) {
    const procedures = url.pathname
      .slice(url.pathname.indexOf('/trpc/') + '/trpc/'.length)
      .split(',');
    const body = procedures.map((p) =>
      api[p]
        ? { result: { data: api[p] } }
        : { error: { message: 'Not found', data: { appCode: 'NOT_FOUND' } } },
    );
    return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
  for (const [prefix, dir] of [
    ['/widgets/', dist],
    ['/compare/widgets/', compareDist],
  ]) {
    if (!dir || !url.pathname.startsWith(prefix)) continue;
    const file = path.join(dir, path.normalize(url.pathname.slice(prefix.length)));
    if (file.startsWith(dir) && fs.existsSync(file))
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

async function once(page) {
  const context = await browser.newContext(); // cold cache every time
  const tab = await context.newPage();
  const reported = new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`${page}: no report in 20 s`)), 20_000);
    tab.on('console', (message) => {
      const [tag, ms] = message.text().split(':');
      if (tag !== 'tcrm-interactive') return;
      clearTimeout(timeout);
      resolve(Number(ms));
    });
  });
  await tab.goto(`${base}${page}`);
  const ms = await reported;
  await context.close();
  if (ms < 0)
    throw new Error(`${page}: not every field had rendered, or the first did not take focus`);
  return ms;
}

function summary(times) {
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

const measured = {
  'form (tcrm-intake-form.js)': '/form-element.html',
  'form (tcrm-widgets.js)': '/form-bundle.html',
  'baseline: bundle only, renders nothing': '/bundle-only.html',
  'baseline: plain HTML form, 40 inputs': '/plain-form.html',
  ...(compareDist && {
    'compare build: form (tcrm-intake-form.js)': '/compare/form-element.html',
    'compare build: form (tcrm-widgets.js)': '/compare/form-bundle.html',
  }),
};
// Round by round, every page once per round: on a shared machine a busy
// stretch then slows all of them alike, and the ratios stay meaningful.
const times = Object.fromEntries(Object.keys(measured).map((name) => [name, []]));
for (let run = 0; run < RUNS + 1; run++) {
  for (const [name, page] of Object.entries(measured)) {
    const ms = await once(page);
    if (run > 0) times[name].push(ms); // the first round warms the browser process itself
  }
}
const rounds = Object.fromEntries(Object.entries(times).map(([name, t]) => [name, [...t]]));
const results = Object.fromEntries(Object.entries(times).map(([name, t]) => [name, summary(t)]));
await browser.close();
server.close();
for (const dir of [dist, compareDist]) if (dir) fs.rmSync(dir, { recursive: true, force: true });

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
// Same-round ratios this build / compare build (times are kept in run order
// until summary() sorts its own copy below, so pair them first).
const paired = {};
if (compareDist) {
  for (const file of ['tcrm-intake-form.js', 'tcrm-widgets.js']) {
    const ours = rounds[`form (${file})`];
    const theirs = rounds[`compare build: form (${file})`];
    const ratios = ours.map((ms, i) => ms / theirs[i]).sort((a, b) => a - b);
    const mid = ratios.length / 2;
    const median =
      ratios.length % 2 ? ratios[Math.floor(mid)] : (ratios[mid - 1] + ratios[mid]) / 2;
    paired[file] = Number(median.toFixed(2));
    print(`${file}: median of same-round ratios this build / compare build ${paired[file]}`);
  }
}
const out = {
  questions: 40,
  ...(compareDist && { sameRoundRatioToCompareBuild: paired }),
  runs: RUNS,
  budgetMs: 50,
  results,
  ratioToBundleOnly: (results['form (tcrm-widgets.js)'].medianMs / bundleOnly).toFixed(2),
  ratioToPlainForm: (results['form (tcrm-widgets.js)'].medianMs / plain).toFixed(2),
};
if (process.argv[2]) fs.writeFileSync(process.argv[2], JSON.stringify(out, null, 2));
