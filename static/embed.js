/*! CSP Scenario Explorer loader (interfaces.md §6.4): plain script, no dependencies, nothing
 * inline, so it runs under a strict Content-Security-Policy.
 *   <div data-csp-embed data-preset="6" data-mode="view" data-height="420"></div>
 *   <script src="https://where.the.app.is/embed.js" defer></script>
 * Every such <div> gets an iframe of the app next to this file, sized to the app's `resize`
 * messages; CspEmbed.mount(element, options) does the same from script and returns an object
 * for the app's messages (§6.3): load, evaluate, export, select, set, fit, on, destroy.
 * Messages are taken only from that iframe's window and the app's origin, and sent to the
 * app's origin alone, never to "*". */
(() => {
  'use strict';
  if (window.CspEmbed) return;

  // The app lives next to this script (under whatever path the host serves it from).
  const here = (document.currentScript && document.currentScript.src) || document.baseURI;
  const MODES = ['view', 'edit', 'walkthrough', 'quiz'];
  const TITLES = { en: 'CSP Scenario Explorer', 'zh-TW': 'CSP 情境探索工具' };
  const MIN_HEIGHT = 120;
  const MAX_HEIGHT = 10000;
  const mounted = new WeakMap();

  /** The iframe's address for `o`: mode, language, theme and this page's origin as query
   * options, the diagram in the fragment. */
  function address(o) {
    const url = new URL(o.src || 'index.html', here);
    url.searchParams.set('embed', MODES.includes(o.mode) ? o.mode : 'view');
    if (o.lang) url.searchParams.set('lang', o.lang);
    if (o.theme) url.searchParams.set('theme', o.theme);
    // A page without an origin of its own (a file: URL) can't be answered; the app then
    // accepts nothing, as §6.2 says, and only shows the diagram.
    if (location.origin !== 'null') url.searchParams.set('origin', location.origin);
    if (o.preset != null && o.preset !== '') {
      url.hash = `preset=${o.preset}${o.step != null && o.step !== '' ? `&step=${o.step}` : ''}`;
    } else if (typeof o.scenario === 'string' && o.scenario) {
      // A share link, whole (`…#scenario=1.z.…`) or only its payload (`1.z.…`).
      const at = o.scenario.indexOf('scenario=');
      url.hash = at >= 0 ? o.scenario.slice(at) : `scenario=${o.scenario}`;
    }
    // A quiz's order, after the diagram as in the page's quiz links.
    if (o.seed != null && o.seed !== '' && url.hash) url.hash += `&seed=${encodeURIComponent(o.seed)}`;
    return url;
  }

  function pixels(value, fallback) {
    const n = Number.parseFloat(value);
    return Number.isFinite(n) ? Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.round(n))) : fallback;
  }

  /**
   * Puts an iframe of the app into `element` (replacing what it held, such as a fallback link)
   * and returns the handle for its messages. `options`: preset, step, scenario (a share link,
   * or a scenario object to load once the app is ready), seed (a quiz's order), mode, lang,
   * theme, height (until the app reports its own), title, src (the page, relative to
   * embed.js), timeout (ms an answer may take; default 30000).
   */
  function mount(element, options = {}) {
    if (!(element instanceof Element)) throw new TypeError('CspEmbed.mount: expected an element');
    if (mounted.has(element)) return mounted.get(element);
    const url = address(options);
    const appOrigin = url.origin;
    const timeout = Number(options.timeout) > 0 ? Number(options.timeout) : 30000;

    const frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = options.title || TITLES[options.lang] || TITLES.en;
    frame.allow = 'clipboard-write';
    // CSSOM, not a style attribute, which a strict style-src would refuse.
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.height = `${pixels(options.height, 480)}px`;

    const listeners = new Map();
    const pending = new Map();
    let nextId = 1;
    let markReady;
    const ready = new Promise((resolve) => (markReady = resolve));

    const emit = (type, message) => {
      for (const fn of listeners.get(type) || []) {
        try {
          fn(message);
        } catch (err) {
          console.error(err);
        }
      }
    };

    function onMessage(event) {
      if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
      const m = event.data;
      if (!m || typeof m !== 'object' || m.csp !== 1 || typeof m.type !== 'string') return;
      if (m.type === 'ready') markReady();
      if (m.type === 'resize') {
        const height = pixels(m.height, null);
        if (height !== null) frame.style.height = `${height}px`;
      }
      // An answer carries the id of its request; `loaded` may come without one.
      const id = m.id != null || m.type !== 'loaded' ? m.id : oldest('loaded');
      const request = pending.get(id);
      if (request && (m.type === request.answer || m.type === 'error')) {
        pending.delete(id);
        clearTimeout(request.timer);
        if (m.type === 'error') request.reject(new Error(String(m.message)));
        else request.resolve(m);
      }
      emit(m.type, m);
    }
    window.addEventListener('message', onMessage);

    function oldest(answer) {
      for (const [id, request] of pending) if (request.answer === answer) return id;
      return undefined;
    }

    const post = (message) =>
      ready.then(() => frame.contentWindow && frame.contentWindow.postMessage({ csp: 1, ...message }, appOrigin));

    /** Sends a message that has an answer of type `answer`; resolves with that answer. */
    function request(message, answer) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`error: the embedded explorer gave no answer to "${message.type}" within ${timeout / 1000} s`));
        }, timeout);
        pending.set(id, { answer, resolve, reject, timer });
        post({ ...message, id });
      });
    }

    /** What `load` is given, as the fields of a load message. */
    function what(arg) {
      if (typeof arg === 'number') return { preset: arg };
      if (typeof arg === 'string') return { share: arg.includes('scenario=') ? arg : `#scenario=${arg}` };
      if (arg && typeof arg === 'object' && ('preset' in arg || 'share' in arg) && !('nodes' in arg)) return arg;
      return { scenario: arg };
    }

    const handle = Object.freeze({
      frame,
      /** Replaces the diagram: a scenario object, a preset number or {preset}, a share link
       * or {share}. Resolves with the `loaded` message ({summary}). */
      load: (arg) => request({ type: 'load', ...what(arg) }, 'loaded'),
      /** Judges a scenario without showing it; resolves with its report (§2). */
      evaluate: (scenario) => request({ type: 'evaluate', scenario }, 'report').then((m) => m.report),
      /** The diagram as a file: "json" or "svg" (text) or "png" (a data URL). */
      export: (format) => request({ type: 'export', format }, 'export').then((m) => m.data),
      select: (target) => post({ type: 'select', ...target }),
      set: (settings) => post({ type: 'set', ...settings }),
      fit: () => post({ type: 'fit' }),
      /** Calls `fn(message)` for every message of `type` from the app; returns an unsubscribe. */
      on(type, fn) {
        if (!listeners.has(type)) listeners.set(type, new Set());
        listeners.get(type).add(fn);
        return () => listeners.get(type).delete(fn);
      },
      /** Removes the frame and stops listening; unanswered requests are refused. */
      destroy() {
        window.removeEventListener('message', onMessage);
        for (const request of pending.values()) {
          clearTimeout(request.timer);
          request.reject(new Error('error: the embed was removed'));
        }
        pending.clear();
        frame.remove();
        mounted.delete(element);
      },
    });
    mounted.set(element, handle);
    element.replaceChildren(frame);
    if (options.scenario && typeof options.scenario === 'object') handle.load(options.scenario).catch(console.error);
    return handle;
  }

  /** Mounts every `[data-csp-embed]` element under `root` not mounted yet; returns the handles. */
  function scan(root = document) {
    return Array.from(root.querySelectorAll('[data-csp-embed]'), (el) => mount(el, el.dataset));
  }

  window.CspEmbed = Object.freeze({ mount, scan });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan());
  else scan();
})();
