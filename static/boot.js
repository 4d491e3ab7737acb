// Starts the wasm app from a file, not trunk's inline loader, so the CSP needs no 'unsafe-inline'.
// It reads the hashed file names from <meta name="csp-explorer-app"> (`pattern_script` in
// Trunk.toml), reports on the loading screen of index.html what is slow or what failed, in the
// visitor's language, and registers the service worker (sw.js) once the app has drawn and the
// page is idle.
// Plain ES2017 (no `?.`, `??` or top-level await), so that an older browser that runs modules
// still gets here and is told why the app cannot run, instead of a screen that never changes.

const SLOW_MS = 4000;

const TEXT = {
  en: {
    loading: 'Loading the CSP Scenario Explorer…',
    slow: 'Still loading: the connection is slow.',
    received: (got, total) => (total ? `${got} of ${total} received.` : `${got} received so far.`),
    http: (file, status) =>
      `The app could not be loaded: ${file} answered HTTP ${status}. The site may be missing some of its files: whoever hosts it should copy the whole dist/ folder again.`,
    offline:
      'The app could not be loaded: the network cannot be reached, and this browser has no offline copy yet. Open it once while connected; after that it also works offline.',
    network: (file) => `The app could not be loaded: the download of ${file} failed. Check the connection, then try again.`,
    refused: (file, type) =>
      `The app could not be started: ${file} was downloaded, but the browser refused to run it${type ? `: the server sends it as ${type}, not as JavaScript` : ''}.`,
    unsupported:
      'This browser cannot run the app: it has no WebAssembly. It may be too old (any current Chrome, Edge, Firefox or Safari works), or WebAssembly may be turned off by a security setting or policy.',
    old: 'This browser is too old to run the app: its WebAssembly lacks features the app needs. Any current Chrome, Edge, Firefox or Safari works.',
    blocked:
      'WebAssembly is blocked here (by a security setting, a policy, or a Content-Security-Policy without \u2019wasm-unsafe-eval\u2019), so the app cannot start.',
    start: (message) => `The app failed to start: ${message}`,
    retry: 'Try again',
    update: 'A new version of the app is available.',
    reload: 'Reload',
    firstEditor: 'Loading the editor…',
    firstViewer: 'Loading the diagram…',
  },
  'zh-TW': {
    loading: '正在載入 CSP 情境探索工具…',
    slow: '仍在載入：網路連線較慢。',
    received: (got, total) => (total ? `已接收 ${got}，共 ${total}。` : `目前已接收 ${got}。`),
    http: (file, status) =>
      `無法載入應用程式：${file} 回應 HTTP ${status}。網站可能缺少部分檔案，請網站管理員重新複製完整的 dist/ 資料夾。`,
    offline: '無法載入應用程式：目前無法連上網路，且此瀏覽器尚未存有離線副本。請先在連線時開啟一次，之後即可離線使用。',
    network: (file) => `無法載入應用程式：${file} 下載失敗。請檢查網路連線後再試一次。`,
    refused: (file, type) =>
      `無法啟動應用程式：已下載 ${file}，但瀏覽器拒絕執行${type ? `：伺服器以 ${type} 類型傳送，而不是 JavaScript` : ''}。`,
    unsupported:
      '此瀏覽器無法執行本應用程式：它不支援 WebAssembly。可能是版本過舊（請使用最新版的 Chrome、Edge、Firefox 或 Safari），或 WebAssembly 已被安全性設定或原則關閉。',
    old: '此瀏覽器版本過舊，無法執行本應用程式：它的 WebAssembly 缺少本應用程式需要的功能。請使用最新版的 Chrome、Edge、Firefox 或 Safari。',
    blocked: '此處已停用 WebAssembly（安全性設定、原則，或未允許「wasm-unsafe-eval」的內容安全性原則），因此無法啟動應用程式。',
    start: (message) => `應用程式啟動失敗：${message}`,
    retry: '重試',
    update: '應用程式有新版本。',
    reload: '重新載入',
    firstEditor: '正在載入編輯器…',
    firstViewer: '正在載入圖表…',
  },
};

const params = new URLSearchParams(location.search);
const lang = pickLang(params.get('lang'), navigator.language);
// The theme, as the app will choose it (`?theme=`, else light in an embed, else the theme the
// visitor last picked in the app, else the system's), already for the loading screen.
const THEMES = ['light', 'dark', 'auto'];
const EMBEDS = ['view', 'edit', 'walkthrough', 'quiz'];
document.documentElement.dataset.theme = THEMES.includes(params.get('theme'))
  ? params.get('theme')
  : EMBEDS.includes(params.get('embed'))
    ? 'light'
    : storedTheme();
const t = TEXT[lang];
// The loading screen, once the document is parsed (`boot`).
let screen = null;
let live = null;

// As the app decides (src/web.rs, `Lang::from_browser`): ?lang=, else the browser's language.
/** The theme the visitor picked in the app (`auto` when none, or when storage is refused). */
function storedTheme() {
  try {
    const theme = localStorage.getItem('csp-explorer/theme');
    return THEMES.includes(theme) ? theme : 'auto';
  } catch (e) {
    return 'auto';
  }
}

function pickLang(param, browser) {
  if (param && param.toLowerCase() === 'zh-tw') return 'zh-TW';
  if (param && param.toLowerCase() === 'en') return 'en';
  return String(browser || '').toLowerCase().startsWith('zh') ? 'zh-TW' : 'en';
}

// Replaces the screen's live text with `lines` (strings), in the chosen language.
function say(...lines) {
  if (!live) return;
  while (live.firstChild) live.removeChild(live.firstChild);
  for (const text of lines) {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    live.appendChild(p);
  }
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function fileName(url) {
  return decodeURIComponent(new URL(url, document.baseURI).pathname.split('/').pop() || url);
}

// The load failed: puts the screen back if the app had already replaced the body, says why,
// and offers to try again.
function fail(reason, message) {
  if (!screen) return;
  dropFirstFrame();
  if (!document.body.contains(screen)) {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    document.body.appendChild(screen);
  }
  screen.dataset.state = 'failed';
  screen.dataset.reason = reason;
  say(message);
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.lang = lang;
  retry.textContent = t.retry;
  retry.addEventListener('click', () => location.reload());
  live.appendChild(retry);
  console.warn(`csp-explorer: ${reason}: ${message}`);
}

// Why a file did not load, asked of the server again: an HTTP status, no network at all, a
// script that is there but was not run (browsers give the same error for all of these), or a
// download cut off on the way.
async function whyNotLoaded(url, script) {
  try {
    const res = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    if (!res.ok) return ['http', t.http(fileName(url), res.status)];
    if (script) {
      const type = (res.headers.get('content-type') || '').split(';')[0].trim();
      return ['refused', t.refused(fileName(url), /javascript|ecmascript/i.test(type) ? '' : type || '?')];
    }
  } catch (err) {
    if (!navigator.onLine) return ['offline', t.offline];
  }
  return ['network', t.network(fileName(url))];
}

// The wasm response, its body counted as it arrives so a slow load can say how far it got.
function counted(res, progress) {
  if (!res.body || typeof TransformStream !== 'function') return res;
  const total = res.headers.get('content-encoding') ? 0 : Number(res.headers.get('content-length')) || 0;
  let got = 0;
  const body = res.body.pipeThrough(
    new TransformStream({
      transform(chunk, out) {
        got += chunk.byteLength;
        progress(got, total);
        out.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

function isBlockedWasm(err) {
  // Chromium: "Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is
  // not an allowed source..."; Firefox and Safari name the CSP in their messages too.
  return /Content.Security.Policy|unsafe-eval|Refused to compile|disallowed by embedder/i.test(message(err));
}

function message(err) {
  return String(err && err.message ? err.message : err);
}

// The guide scenario the address names (`#preset=N`, src/io/url.rs) is fetched beside the
// wasm, not one round trip after the app has started: its files (the ones of `data-presets`,
// written by scripts/preset-files.mjs, named `N-….json` or `N.json`) are preloaded, and the
// app's own fetch of them (src/io/library.rs) is answered by the preload.
function preloadPreset(app) {
  const m = /^#preset=(\d+)(?:&|$)/.exec(location.hash);
  for (const file of m ? presetFiles(app, m[1]) : []) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // The app's fetch() is a CORS request with same-origin credentials; so is this one.
    link.crossOrigin = 'anonymous';
    link.href = file;
    document.head.appendChild(link);
  }
}

// The files of `data-presets` that hold guide scenario `n`.
function presetFiles(app, n) {
  return (app.dataset.presets || '').split(' ').filter((file) => {
    const name = file.split('/').pop();
    return name === `${n}.json` || name.startsWith(`${n}-`);
  });
}

// The first frame of the guide scenario the address names, drawn at build time by the page's
// own canvas (first-frame/, scripts/first-frames.mjs: first/N-LANG.html, a <svg> of the
// nodes, edges and verdicts), so the verdicts show before the wasm has arrived. Only for an
// address that is `#preset=N` alone, in the editor, an editable embed or the viewer: a tour's
// highlight, a quiz's hidden verdicts, presenter mode, a share link or a saved diagram draw
// something the build cannot know. Its elements carry data-first-edge / data-first-verdict,
// never the live canvas's data-edge-id / data-verdict.
function presetNamed(app) {
  const m = /^#preset=(\d+)$/.exec(location.hash);
  if (!m || params.has('present') || !['', 'view', 'edit'].includes(params.get('embed') || '')) return null;
  return presetFiles(app, m[1]).length ? m[1] : null;
}

let firstFrame = null;
let firstWatch = null;

async function showFirstFrame(app) {
  const n = screen && presetNamed(app);
  if (!n) return;
  let svg;
  try {
    const res = await fetch(new URL(`first/${n}-${lang}.html`, document.baseURI).href);
    if (!res.ok) return;
    // Parsed inertly (a document of its own, whose scripts never run) and taken only if it is
    // the one <svg> it should be.
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    svg = doc.body.firstElementChild;
    if (!svg || svg.localName !== 'svg' || doc.body.children.length !== 1 || svg.querySelector('script, foreignObject')) return;
  } catch (err) {
    return;
  }
  // Too late: the app is already there, or the load failed.
  if (document.querySelector('body > .app') || screen.dataset.state === 'failed') return;
  const box = document.createElement('div');
  // The viewer has no connect handles (its canvas hides them too); each embed lays out its
  // canvas its own way (boot.css).
  box.className = { view: 'boot-first read-only', edit: 'boot-first embedded' }[params.get('embed')] || 'boot-first';
  box.setAttribute('aria-busy', 'true');
  const note = document.createElement('p');
  note.className = 'boot-first-note';
  note.lang = lang;
  note.textContent = params.get('embed') === 'view' ? t.firstViewer : t.firstEditor;
  box.appendChild(note);
  box.appendChild(document.importNode(svg, true));
  screen.appendChild(box);
  screen.dataset.first = 'shown';
  firstFrame = box;
  // yew empties <body> when the app mounts, and the app then waits a moment for the preset's
  // file (answered by the preload): outside <body>, the screen stays until the app has drawn
  // the diagram (its root no longer aria-busy), and goes in the same task, before a frame
  // shows both or neither.
  document.documentElement.appendChild(screen);
  firstWatch = new MutationObserver(() => {
    if (document.querySelector('body > .app:not([aria-busy])')) dropFirstFrame();
  });
  firstWatch.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

function dropFirstFrame() {
  if (firstWatch) firstWatch.disconnect();
  firstWatch = null;
  if (!firstFrame) return;
  firstFrame.remove();
  firstFrame = null;
  delete screen.dataset.first;
  if (screen.parentNode === document.documentElement) screen.remove();
}

async function start() {
  const app = document.querySelector('meta[name="csp-explorer-app"]');
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('unsupported', t.unsupported);
    return false;
  }
  if (!app) {
    fail('start', t.start('index.html has no <meta name="csp-explorer-app">'));
    return false;
  }
  const jsUrl = new URL(app.dataset.js, document.baseURI).href;
  const wasmUrl = new URL(app.dataset.wasm, document.baseURI).href;

  let progress = { got: 0, total: 0 };
  const showSlow = () => {
    if (!screen || screen.dataset.state !== 'slow') return;
    const { got, total } = progress;
    say(t.slow, ...(got ? [t.received(megabytes(got), total ? megabytes(total) : '')] : []));
  };
  const slow = setTimeout(() => {
    if (screen) screen.dataset.state = 'slow';
    showSlow();
  }, SLOW_MS);

  // The first frame is asked for first: it is what shows first, and all share the bandwidth.
  showFirstFrame(app);
  preloadPreset(app);
  try {
    // Both downloads start at once (index.html also preloads them); a failed one is named.
    const glue = import(jsUrl);
    const wasm = fetch(wasmUrl).then((res) => {
      if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
      return counted(res, (got, total) => {
        progress = { got, total };
        showSlow();
      });
    });
    let init;
    try {
      ({ default: init } = await glue);
    } catch (err) {
      wasm.catch(() => {});
      const [reason, text] = await whyNotLoaded(jsUrl, true);
      fail(reason, text);
      return false;
    }
    let response;
    try {
      response = await wasm;
    } catch (err) {
      if (err.status) fail('http', t.http(fileName(wasmUrl), err.status));
      else {
        const [reason, text] = await whyNotLoaded(wasmUrl, false);
        fail(reason, text);
      }
      return false;
    }
    let instance;
    try {
      instance = await init({ module_or_path: response });
    } catch (err) {
      if (isBlockedWasm(err)) fail('blocked', t.blocked);
      else if (err instanceof WebAssembly.CompileError) fail('old', t.old);
      else fail('start', t.start(message(err)));
      return false;
    }
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
    return true;
  } finally {
    clearTimeout(slow);
  }
}

// The service worker makes the app work offline after one visit (README "Hosting"). It stays
// out of embeds (`?embed=…`, interfaces.md §6.2) unless they ask with `&offline=1`, and out of
// file:// pages. A host that deleted sw.js (its off switch) gets the old one unregistered.
async function registerWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (params.has('embed') && params.get('offline') !== '1') return;
  const url = new URL('sw.js', document.baseURI);
  let registration;
  try {
    registration = await navigator.serviceWorker.register(url.href);
  } catch (err) {
    await offIfGone(url);
    return;
  }
  const offer = (worker) => {
    if (worker && navigator.serviceWorker.controller) offerUpdate(worker);
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
  // register() answers at once for a worker already installed; update() asks the server, so
  // a new build is found now, and a deleted sw.js is noticed.
  registration.update().catch(() => offIfGone(url));
}

// Only the server's word turns the worker off, never a failed connection (offline): "not
// here" (404, 410), or a page in its place (hosts that answer every path with index.html).
async function offIfGone(url) {
  const res = await fetch(url, { cache: 'no-store' }).catch(() => null);
  if (!res) return;
  const script = /javascript|ecmascript/i.test(res.headers.get('content-type') || '');
  if (res.status === 404 || res.status === 410 || (res.ok && !script)) await turnOff(url);
}

async function turnOff(url) {
  const registration = await navigator.serviceWorker.getRegistration(url.href);
  if (!registration) return;
  const scope = registration.scope;
  await registration.unregister();
  for (const name of await caches.keys()) {
    if (name.startsWith(`csp-explorer ${scope} `)) await caches.delete(name);
  }
}

let reloading = false;
// A new version is installed and waits for this page: say so, and switch when asked.
function offerUpdate(worker) {
  let note = document.getElementById('csp-update');
  if (!note) {
    note = document.createElement('div');
    note.id = 'csp-update';
    note.className = 'update-note';
    note.setAttribute('role', 'status');
    note.lang = lang;
    const text = document.createElement('span');
    text.textContent = t.update;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t.reload;
    note.appendChild(text);
    note.appendChild(button);
    document.body.appendChild(note);
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading) location.reload();
    });
  }
  note.querySelector('button').onclick = () => {
    reloading = true;
    worker.postMessage({ type: 'skip-waiting' });
  };
}

function boot() {
  screen = document.getElementById('csp-boot');
  live = screen && screen.querySelector('.boot-live');
  if (screen) {
    screen.dataset.lang = lang;
    screen.dataset.boot = 'running';
    say(t.loading);
  }
  start().then((started) => {
    if (started) whenSettled(() => registerWorker().catch((err) => console.warn(`csp-explorer: service worker: ${message(err)}`)));
  });
}

// After the app's first frame is painted and the page is idle: an installing worker fetches
// and stores every file of the app, work that would take the cores and the connection from
// the first diagram.
function whenSettled(then) {
  const idle = window.requestIdleCallback
    ? (f) => window.requestIdleCallback(f, { timeout: 3000 })
    : (f) => setTimeout(f, 500);
  requestAnimationFrame(() => setTimeout(() => idle(then), 0));
}

// index.html loads this script `async`: it runs as soon as it has arrived instead of after the
// stylesheets and the first paint they bring (where a deferred module waits), so the first
// frame's fetch starts sooner, and the screen paints in one language, not both. The document
// is parsed by then in practice; if not, it waits for it.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
