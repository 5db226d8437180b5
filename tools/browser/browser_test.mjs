// The course in a real browser: Debian's Chromium, driven by puppeteer-core through the classic
// Notebook's own UI, against `jupyter notebook` with the course kernel (found through JUPYTER_PATH,
// as ./course does) in fast mode.
//
//   node tools/browser/browser_test.mjs [--out build/browser] [NOTEBOOK-NAME...]   (./course browser-test)
//
// For each notebook (default 00, 03, 05): open it from the notebook list, wait for the kernel, Cell > Run
// All, wait until no cell is running, then assert no error outputs, every code cell run, and as many
// rendered images and tables as the committed notebook holds; save a screenshot as build/browser/NAME.png;
// File > Close and Halt must end its kernel. Then a scratch notebook (written under build/, never in
// notebooks/) checks that Kernel > Interrupt stops a sleep loop, the cell shows it was interrupted,
// and the next cell runs. A kernel that does not become ready within --kernel-timeout seconds is
// replaced (session deleted, page reloaded) at most twice per notebook; retries are counted and printed,
// as are slow starts (over 30 s: the classic server waits 60 s when a kernel drops its first kernel_info_request).
// Exit 0 all passed, 1 a check failed, 2 cannot run (no Chromium, no kernelspec, bad option).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const KERNEL_RETRIES = 2;
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

function usage(message) {
  console.error(`browser-test: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { out: path.join(repo, 'build', 'browser'), kernelTimeout: 75, runTimeout: 1800,
    chromium: process.env.CHROMIUM || '/usr/bin/chromium', notebooks: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    const seconds = () => { const v = value(); const n = Number(v);
      if (!Number.isInteger(n) || n < 1) usage(`${a} ${v}: a whole number of seconds >= 1 is allowed`); return n; };
    if (a === '--out') opts.out = path.resolve(value());
    else if (a === '--kernel-timeout') opts.kernelTimeout = seconds();
    else if (a === '--run-timeout') opts.runTimeout = seconds();
    else if (a === '--chromium') opts.chromium = value();
    else if (a.startsWith('-')) usage(`unknown option ${a}; allowed: --out DIR, --kernel-timeout S, --run-timeout S, --chromium PATH`);
    else opts.notebooks.push(a);
  }
  if (opts.notebooks.length === 0) opts.notebooks = ['00-welcome', '03-the-picture', '05-mnist-mlp'];
  opts.notebooks = opts.notebooks.map((n) => {
    const name = path.basename(n).replace(/\.ipynb$/, '') + '.ipynb';
    if (!fs.existsSync(path.join(repo, 'notebooks', name))) usage(`no notebook notebooks/${name}`);
    return name;
  });
  return opts;
}

let stopping = false; // set on SIGINT/SIGTERM: the handler cleans up and exits; nothing else is reported
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (t0) => (Date.now() - t0) / 1000;
const log = (line) => { if (!stopping) console.log(line); };

/** What the committed notebook shows: image outputs, HTML outputs holding a table, code cells. */
function expectations(file) {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  const text = (v) => (Array.isArray(v) ? v.join('') : v || '');
  let images = 0, tables = 0, codeCells = 0;
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'code') continue;
    if (text(cell.source).trim()) codeCells++;
    for (const out of cell.outputs || []) {
      const data = out.data || {};
      if (data['image/png'] || data['image/jpeg'] || data['image/svg+xml']) images++;
      if (/<table/i.test(text(data['text/html']))) tables++;
    }
  }
  return { images, tables, codeCells };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** The classic Notebook server, in its own process group, with isolated config/data/runtime folders. */
async function startServer(opts, dir) {
  const port = await freePort();
  const token = crypto.randomBytes(16).toString('hex');
  const jupyter = (name) => { const d = path.join(opts.out, name); fs.mkdirSync(d, { recursive: true }); return d; };
  const env = { ...process.env,
    JUPYTER_PATH: [path.join(repo, 'build', 'jupyter'), process.env.JUPYTER_PATH].filter(Boolean).join(':'),
    JUPYTER_CONFIG_DIR: jupyter('jupyter-config'), JUPYTER_DATA_DIR: jupyter('jupyter-data'),
    JUPYTER_RUNTIME_DIR: jupyter('jupyter-runtime'), SAMLAB_MODE: 'fast',
    PYTHONPATH: [path.join(repo, 'tools'), process.env.PYTHONPATH].filter(Boolean).join(':') };
  const args = ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0',
    `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`,
    // Kernels under tools/kernel_guard.py: they die with the server, even if it is SIGKILLed.
    '--MappingKernelManager.kernel_manager_class=guarded_kernels.GuardedIOLoopKernelManager'];
  if (process.getuid && process.getuid() === 0) args.push('--allow-root');
  const logFile = fs.openSync(path.join(opts.out, 'server.log'), 'w');
  const proc = spawn(process.env.SAMLAB_PYTHON || '/usr/bin/python3', args,
    { env, detached: true, stdio: ['ignore', logFile, logFile] });
  const base = `http://127.0.0.1:${port}`;
  const api = async (p, init = {}) => fetch(base + p,
    { ...init, headers: { Authorization: `token ${token}`, ...(init.headers || {}) } });
  const t0 = Date.now();
  while (true) {
    if (proc.exitCode !== null) throw new Error(`the notebook server exited (${proc.exitCode}); see ${opts.out}/server.log`);
    try { if ((await api('/api/status')).ok) break; } catch { /* not listening yet */ }
    if (seconds(t0) > 60) throw new Error(`the notebook server did not answer in 60 s; see ${opts.out}/server.log`);
    await sleep(250);
  }
  const stop = async () => {
    if (proc.exitCode !== null) return;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { return; }
    for (let i = 0; i < 100 && proc.exitCode === null; i++) await sleep(100);
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
  };
  return { base, token, api, stop, pid: proc.pid };
}

// ---- in-page probes (run inside the notebook page) ----
const kernelReady = () => {
  const k = window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel;
  return !!(k && k.is_connected() && k.info_reply && Object.keys(k.info_reply).length > 0
    && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'));
};
const cellState = () => {
  const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code' && c.get_text().trim());
  return { running: document.querySelectorAll('.cell.running').length,
    executed: cells.filter((c) => Number.isInteger(c.input_prompt_number)).length,
    total: cells.length,
    idle: !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon'),
    errors: document.querySelectorAll('.output_subarea.output_error').length };
};
const rendered = () => ({
  errors: [...document.querySelectorAll('.output_subarea.output_error')].map((e) => e.innerText.split('\n')[0]),
  images: document.querySelectorAll('.output_subarea.output_png img, .output_subarea.output_jpeg img, .output_subarea.output_svg svg').length,
  brokenImages: [...document.querySelectorAll('.output_subarea img')].filter((i) => !(i.complete && i.naturalWidth > 0)).length,
  tables: [...document.querySelectorAll('.output_subarea.output_html')].filter((e) => e.querySelector('table')).length,
  notRun: Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code' && c.get_text().trim()
    && !Number.isInteger(c.input_prompt_number)).map((c) => Jupyter.notebook.find_cell_index(c)),
});

async function menu(page, toggle, item) {
  await page.click(toggle);
  await page.waitForSelector(`${item} > a`, { visible: true, timeout: 10000 });
  await page.click(`${item} > a`);
}

/** Opens NAME from the notebook list (a new tab); waits for a ready kernel, replacing it at most twice. */
async function openNotebook(browser, tree, server, name, opts, stats) {
  await tree.reload({ waitUntil: 'networkidle2' });
  const selector = `#notebook_list a.item_link[href$="/${encodeURIComponent(name)}"]`;
  await tree.waitForSelector(selector, { timeout: 30000 })
    .catch(() => { throw new Error(`${name} is not in the notebook list`); });
  // The list re-renders every few seconds; click by selector (found at click time), and once more if
  // the first click met a list being replaced and opened nothing.
  let target = null;
  for (let click = 1; click <= 2 && !target; click++) {
    [target] = await Promise.all([
      browser.waitForTarget((t) => t.url().includes(`/notebooks/${encodeURIComponent(name)}`), { timeout: 20000 })
        .catch(() => null),
      tree.click(selector),
    ]);
    if (!target && click === 1) log(`  ${name}: the click in the notebook list opened no tab; clicking again`);
  }
  if (!target) throw new Error(`clicking ${name} in the notebook list twice opened no tab`);
  const page = await target.page();
  await page.setViewport({ width: 1280, height: 900 });
  for (let attempt = 0; ; attempt++) {
    const t0 = Date.now();
    try {
      await page.waitForFunction(kernelReady, { timeout: opts.kernelTimeout * 1000, polling: 250 });
      const took = seconds(t0);
      stats.kernelStarts.push(took);
      log(`  ${name}: kernel ready in ${took.toFixed(1)} s${attempt ? ` (after ${attempt} ${attempt === 1 ? 'retry' : 'retries'})` : ''}`);
      return { page, retries: attempt };
    } catch (e) {
      if (!/Waiting failed|timeout/i.test(String(e))) throw e;
      const shown = await page.evaluate(() => (document.querySelector('#notification_kernel') || {}).innerText || '')
        .catch(() => '');
      if (attempt >= KERNEL_RETRIES) {
        const session = await page.evaluate(() => Jupyter.notebook.session && Jupyter.notebook.session.id).catch(() => null);
        if (session) await server.api(`/api/sessions/${session}`, { method: 'DELETE' });
        await page.close().catch(() => {});
        throw new Error(`kernel not ready after ${attempt + 1} starts ("${shown.trim()}")`);
      }
      stats.kernelRetries++;
      // A kernel that is not ready by now has a dead channel (rapaio 3.0.1's start-up race); reloading alone
      // reconnects to it, so delete its session first: the reload starts a new kernel.
      log(`  ${name}: kernel not ready after ${opts.kernelTimeout} s ("${shown.trim()}"); retry ${attempt + 1} of ${KERNEL_RETRIES}: new kernel, page reloaded`);
      const session = await page.evaluate(() => Jupyter.notebook.session && Jupyter.notebook.session.id).catch(() => null);
      if (session) await server.api(`/api/sessions/${session}`, { method: 'DELETE' });
      await page.reload({ waitUntil: 'domcontentloaded' });
    }
  }
}

/** Cell > Run All, then waits until no cell is running; prints progress every 30 s. */
async function runAll(page, name, opts) {
  await menu(page, '#celllink', '#run_all_cells');
  const t0 = Date.now();
  let seenRunning = false, lastReport = Date.now();
  while (true) {
    const s = await page.evaluate(cellState);
    if (s.running > 0) seenRunning = true;
    if (s.running === 0 && s.idle && (seenRunning || s.executed === s.total)) return s;
    if (seconds(t0) > opts.runTimeout) throw new Error(`still running after ${opts.runTimeout} s (${s.executed}/${s.total} cells done)`);
    if (Date.now() - lastReport > 30000) {
      lastReport = Date.now();
      log(`  ${name}: ${s.executed}/${s.total} cells done, ${s.running} queued or running (${seconds(t0).toFixed(0)} s)`);
    }
    await sleep(500);
  }
}

/** Screenshot of the whole notebook: the page scrolls inside #site, so let it grow first. */
async function screenshot(page, file) {
  await page.evaluate(() => {
    const site = document.querySelector('#site');
    if (site) { site.style.height = 'auto'; site.style.overflow = 'visible'; }
    document.body.style.overflow = 'visible';
  });
  await page.screenshot({ path: file, fullPage: true, captureBeyondViewport: true });
}

/** File > Close and Halt; the notebook's session (and kernel) must be gone within 30 s. */
async function closeAndHalt(browser, page, server, name) {
  const closed = new Promise((resolve) => page.once('close', resolve));
  await menu(page, '#filelink', '#close_and_halt');
  await Promise.race([closed, sleep(10000)]);
  if (!page.isClosed()) await page.close();
  for (let i = 0; i < 60; i++) {
    const sessions = await (await server.api('/api/sessions')).json();
    if (!sessions.some((s) => s.path.endsWith(name))) return true;
    await sleep(500);
  }
  return false;
}

async function checkNotebook(browser, tree, server, name, opts, stats) {
  const expected = expectations(path.join(repo, 'notebooks', name));
  const t0 = Date.now();
  const problems = [];
  let retries = 0;
  try {
    const opened = await openNotebook(browser, tree, server, name, opts, stats);
    retries = opened.retries;
    const page = opened.page;
    try {
      await runAll(page, name, opts);
      const r = await page.evaluate(rendered);
      if (r.errors.length) problems.push(`${r.errors.length} error output(s), first: ${r.errors[0]}`);
      if (r.notRun.length) problems.push(`code cells not run: ${r.notRun.join(', ')}`);
      if (r.images !== expected.images) problems.push(`${r.images} images, the notebook holds ${expected.images}`);
      if (r.brokenImages) problems.push(`${r.brokenImages} image(s) did not load`);
      if (r.tables !== expected.tables) problems.push(`${r.tables} tables, the notebook holds ${expected.tables}`);
      stats.rendered[name] = { ...r, expected };
      await screenshot(page, path.join(opts.out, name.replace(/\.ipynb$/, '.png')));
    } finally {
      if (!(await closeAndHalt(browser, page, server, name))) problems.push('Close and Halt left its kernel running');
    }
  } catch (e) {
    problems.push(String(e.message || e).split('\n')[0]);
  }
  const r = stats.rendered[name];
  const counts = r ? `images ${r.images}/${expected.images}, tables ${r.tables}/${expected.tables}, errors ${r.errors.length}` : '';
  log(`${problems.length ? 'FAIL' : 'PASS'}  ${name.padEnd(32)} ${seconds(t0).toFixed(1).padStart(6)} s  ${counts}`
    + (retries ? `  (${retries} kernel-start ${retries === 1 ? 'retry' : 'retries'})` : ''));
  for (const p of problems) log(`      ${p}`);
  return problems.length === 0;
}

/** A scratch notebook: print, a 10-minute sleep loop that says when it starts, then a cell whose output proves it ran. */
function writeInterruptNotebook(dir) {
  const code = (source, i) => ({ id: `check-${i}`, cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source });
  const nb = { nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'samlab-java', display_name: 'Java (samlab)', language: 'java' } },
    cells: [code('System.out.println("before");', 0),
      code('System.out.println("looping");\nfor (int i = 0; i < 600; i++) {\n    Thread.sleep(1000);\n}', 1),
      code('System.out.println("after " + (6 * 7));', 2)] };
  const name = 'zz-interrupt-check.ipynb';
  fs.writeFileSync(path.join(dir, name), JSON.stringify(nb, null, 1));
  return name;
}

async function checkInterrupt(browser, tree, server, dir, opts, stats) {
  const name = writeInterruptNotebook(dir);
  const t0 = Date.now();
  const problems = [];
  let page, retries = 0, stoppedIn = null;
  try {
    ({ page, retries } = await openNotebook(browser, tree, server, name, opts, stats));
    await menu(page, '#celllink', '#run_all_cells');
    // The loop runs once its cell printed "looping" (Run All marks every queued cell as running at once,
    // so the running mark alone does not say the kernel has started it); a learner interrupts then.
    await page.waitForFunction(() => {
      const loop = Jupyter.notebook.get_cell(1);
      return /looping/.test(loop.output_area.element.text()) && loop.element.hasClass('running');
    }, { timeout: 120000, polling: 250 });
    await sleep(1000);
    const t1 = Date.now();
    await menu(page, '#kernellink', '#int_kernel');
    try {
      await page.waitForFunction(() => document.querySelectorAll('.cell.running').length === 0,
        { timeout: 60000, polling: 100 });
      stoppedIn = seconds(t1);
    } catch {
      const next = await page.evaluate(() => {
        const c = Jupyter.notebook.get_cell(2);
        return `In [${c.input_prompt_number ?? ' '}], output "${c.output_area.element.text().trim()}"`;
      }).catch(() => '?');
      problems.push(`Kernel > Interrupt: the sleep loop was still running 60 s later (the queued next cell: ${next})`);
    }
    if (stoppedIn !== null) {
      const loop = await page.evaluate(() => {
        const c = Jupyter.notebook.get_cell(1);
        return { prompt: c.input_prompt_number, text: c.output_area.element.text() };
      });
      if (!/interrupt/i.test(loop.text)) problems.push(`the interrupted cell does not say so (output: "${loop.text.slice(0, 120)}")`);
      // The next cell, run by itself through the UI, must really run.
      await page.evaluate(() => Jupyter.notebook.select(2));
      await menu(page, '#celllink', '#run_cell');
      try {
        await page.waitForFunction(() => /after 42/.test(Jupyter.notebook.get_cell(2).output_area.element.text()),
          { timeout: 60000, polling: 250 });
      } catch {
        const after = await page.evaluate(() => Jupyter.notebook.get_cell(2).output_area.element.text());
        problems.push(`the cell after the interrupt did not run (output: "${after.slice(0, 120)}")`);
      }
    }
    await screenshot(page, path.join(opts.out, 'zz-interrupt-check.png'));
  } catch (e) {
    problems.push(String(e.message || e).split('\n')[0]);
  } finally {
    if (page && !page.isClosed() && !(await closeAndHalt(browser, page, server, name))) {
      problems.push('Close and Halt left its kernel running');
    }
  }
  stats.interruptSeconds = stoppedIn;
  log(`${problems.length ? 'FAIL' : 'PASS'}  ${'Kernel > Interrupt (sleep loop)'.padEnd(32)} ${seconds(t0).toFixed(1).padStart(6)} s`
    + (stoppedIn !== null ? `  stopped ${stoppedIn.toFixed(1)} s after Interrupt` : '')
    + (retries ? `  (${retries} kernel-start ${retries === 1 ? 'retry' : 'retries'})` : ''));
  for (const p of problems) log(`      ${p}`);
  return problems.length === 0;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.chromium)) usage(`no Chromium at ${opts.chromium}; install it (Debian: apt-get install chromium) or pass --chromium PATH`);
  if (!fs.existsSync(path.join(repo, 'build', 'jupyter', 'kernels', 'samlab-java', 'kernel.json'))) {
    usage('no kernelspec in build/jupyter/kernels/samlab-java; run ./course build first');
  }
  let puppeteer;
  try { puppeteer = (await import('puppeteer-core')).default; } catch {
    usage('puppeteer-core is not installed; run: (cd tools/browser && npm ci)');
  }
  const started = Date.now();
  fs.mkdirSync(opts.out, { recursive: true });
  // Copies: the UI autosaves, and notebooks/ must not change. data/results is found from the parents.
  const dir = path.join(opts.out, 'notebooks');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const name of opts.notebooks) fs.copyFileSync(path.join(repo, 'notebooks', name), path.join(dir, name));

  const stats = { kernelRetries: 0, kernelStarts: [], rendered: {}, interruptSeconds: null };
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'samlab-chromium-'));
  let server, browser, failed = 0;
  const cleanup = async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, async () => {
      console.log(`browser-test: ${sig}; stopped (browser closed, notebook server and its kernels ended)`);
      stopping = true;
      await cleanup();
      process.exit(130);
    });
  }
  try {
    server = await startServer(opts, dir);
    browser = await puppeteer.launch({ executablePath: opts.chromium, headless: true, userDataDir: profile,
      args: CHROMIUM_FLAGS, defaultViewport: { width: 1280, height: 900 } });
    log(`browser-test: ${await browser.version()}, notebook server ${server.base} (SAMLAB_MODE=fast)`);
    const tree = await browser.newPage();
    await tree.goto(`${server.base}/tree?token=${server.token}`, { waitUntil: 'networkidle2' });
    const listed = await tree.$$eval('#notebook_list a.item_link', (as) => as.map((a) => a.innerText.trim()));
    const missing = opts.notebooks.filter((n) => !listed.includes(n));
    if (missing.length) throw new Error(`the notebook list lacks ${missing.join(', ')} (it shows: ${listed.join(', ')})`);
    for (const name of opts.notebooks) {
      if (stopping) break;
      failed += !(await checkNotebook(browser, tree, server, name, opts, stats));
    }
    if (!stopping) failed += !(await checkInterrupt(browser, tree, server, dir, opts, stats));
  } catch (e) {
    log(`FAIL  ${String(e.message || e).split('\n')[0]}`);
    failed++;
  } finally {
    if (!stopping) await cleanup();
  }
  if (stopping) return; // the signal handler exits
  const wall = seconds(started);
  fs.writeFileSync(path.join(opts.out, 'report.json'), JSON.stringify(
    { notebooks: opts.notebooks, failed, kernelStartRetries: stats.kernelRetries, kernelReadySeconds: stats.kernelStarts, wallSeconds: wall,
      interruptSeconds: stats.interruptSeconds, rendered: stats.rendered }, null, 1));
  log(`browser-test: ${opts.notebooks.length + 1 - Math.min(failed, opts.notebooks.length + 1)} passed, ${failed} failed; `
    + `kernel-start retries: ${stats.kernelRetries}, slow starts (> 30 s): ${stats.kernelStarts.filter((t) => t > 30).length}`
    + ` of ${stats.kernelStarts.length}; ${wall.toFixed(0)} s; screenshots in ${path.relative(process.cwd(), opts.out) || '.'}/`);
  process.exit(failed ? 1 : 0);
}

main();
