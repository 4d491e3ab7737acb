// The embedding demo (embed-demo.html): the rules module judging an editable scenario, and a
// loader embed driven through CspEmbed. Written as a partner page would write it.
import init, { evaluate, share } from './rules/csp_rules.js';

const TEXT = {
  en: {
    title: 'Embedding the CSP Scenario Explorer',
    intro: 'Three ways to put the explorer into your own page, from the lightest. Each is a static file next to this page; none reaches another host.',
    moduleTitle: '1. The rules alone: an ES module',
    moduleIntro: 'The rules engine without the page: judge a scenario file in your own script. Copy the rules folder to your site and import it.',
    scenarioLabel: 'Scenario (JSON, edit it)',
    edge: 'Relationship',
    verdict: 'Verdict',
    findings: 'Findings',
    open: 'Open this scenario in the explorer',
    iframeTitle: '2. The page in an iframe',
    iframeIntro: 'The diagram alone, read-only, fitted to the frame: one iframe, no script.',
    loaderTitle: '3. The loader script',
    loaderIntro: 'A div per diagram and one script: the frame is sized to its content, and your script can talk to it.',
    fallback: 'Open guide scenario 7 in the explorer',
    evaluateThere: 'Judge the scenario above inside the embed',
    loadThere: 'Show it in the embed',
    messages: 'Messages from the embed',
    loading: 'Loading the rules…',
    summary: (s) => `${s.allowed} allowed, ${s.blocked} blocked`,
    allowed: 'allowed',
    blocked: 'blocked',
    waiting: 'Waiting for the embed…',
  },
  'zh-TW': {
    title: '將 CSP 情境探索工具嵌入您的網頁',
    intro: '由輕到重，有三種方式可將探索工具放進您的網頁。每一種都只是與本頁放在一起的靜態檔案，不會連線到其他主機。',
    moduleTitle: '1. 只用規則：ES 模組',
    moduleIntro: '不含頁面的規則引擎：在您自己的程式中判斷情境檔。將 rules 資料夾複製到您的網站，再匯入即可。',
    scenarioLabel: '情境（JSON，可直接編輯）',
    edge: '關聯性',
    verdict: '判定結果',
    findings: '檢查結果',
    open: '在探索工具中開啟此情境',
    iframeTitle: '2. 以 iframe 嵌入頁面',
    iframeIntro: '只顯示圖表，唯讀，並配合框架大小：一個 iframe，不需要程式。',
    loaderTitle: '3. 載入器指令碼',
    loaderIntro: '每張圖表一個 div，加上一個指令碼：框架會配合內容調整高度，您的程式也能與它溝通。',
    fallback: '在探索工具中開啟指南範例案例 7',
    evaluateThere: '在嵌入的工具中判斷上方的情境',
    loadThere: '在嵌入的工具中顯示此情境',
    messages: '來自嵌入工具的訊息',
    loading: '正在載入規則…',
    summary: (s) => `允許 ${s.allowed} 個，不允許 ${s.blocked} 個`,
    allowed: '允許',
    blocked: '不允許',
    waiting: '正在等候嵌入的工具…',
  },
};

// The example of the scenario format (docs/formats.md): a two-tier chain.
const SAMPLE = {
  version: 1,
  title: 'Two-tier chain',
  nodes: [
    { id: 'ms', kind: 'microsoft' },
    { id: 'dist', kind: 'indirect_provider', name: 'Contoso Distribution', region: 'europe' },
    { id: 'res', kind: 'indirect_reseller', name: 'Tailspin Toys', region: 'europe' },
    { id: 'cust', kind: 'customer', name: 'Fabrikam', region: 'asia_pacific' },
  ],
  edges: [
    { id: 'e1', from: 'ms', to: 'dist', kind: 'sells_to' },
    { id: 'e2', from: 'dist', to: 'res', kind: 'sells_to' },
    { id: 'e3', from: 'res', to: 'cust', kind: 'sells_to' },
  ],
};

const asked = new URLSearchParams(location.search).get('lang');
const lang = asked === 'zh-TW' || (!asked && navigator.language.startsWith('zh')) ? 'zh-TW' : 'en';
const t = TEXT[lang];
const $ = (id) => document.getElementById(id);

// Before embed.js runs (it comes after this module), so its frame opens in this language. The
// plain iframe is left as written: it began loading with the page, and the app takes the
// browser's language when none is asked for.
$('loader-embed').dataset.lang = lang;
document.documentElement.lang = lang;
for (const el of document.querySelectorAll('[data-text]')) el.textContent = t[el.dataset.text];
document.title = t.title;

const textarea = $('scenario');
textarea.value = JSON.stringify(SAMPLE, null, 2);
$('module-status').textContent = t.loading;

function cell(text, tag = 'td') {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

/** Judges the textarea's scenario with the module and shows the report (or the error line). */
function judge() {
  const table = $('report');
  try {
    const report = evaluate(textarea.value, lang);
    const rows = report.edges.map((e) => {
      const row = document.createElement('tr');
      row.dataset.verdict = e.verdict;
      row.append(cell(e.id, 'th'), cell(t[e.verdict]), cell(e.findings.map((f) => `${f.rule}: ${f.message}`).join('\n')));
      return row;
    });
    table.tBodies[0].replaceChildren(...rows);
    table.hidden = false;
    $('module-status').textContent = t.summary(report.summary);
    $('share-link').href = `index.html?lang=${lang}${share(textarea.value)}`;
  } catch (err) {
    table.hidden = true;
    $('module-status').textContent = err.message;
  }
}

await init();
judge();
let pending;
textarea.addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(judge, 250);
});

// The loader's embed, which embed.js mounted (it runs before DOMContentLoaded); mount() hands
// back the same handle.
if (document.readyState === 'loading') await new Promise((ok) => addEventListener('DOMContentLoaded', ok));
const embed = window.CspEmbed.mount($('loader-embed'));
const log = (text) => $('embed-log').append(cell(text, 'li'));
for (const type of ['ready', 'loaded', 'verdicts', 'select', 'error']) {
  embed.on(type, (m) => log(`${type}: ${JSON.stringify(m.summary ?? m.edge ?? m.node ?? m.message ?? m.version ?? '')}`));
}
async function through(action) {
  $('embed-status').textContent = t.waiting;
  try {
    $('embed-status').textContent = t.summary(await action());
  } catch (err) {
    $('embed-status').textContent = err.message;
  }
}
$('embed-evaluate').addEventListener('click', () =>
  through(async () => (await embed.evaluate(JSON.parse(textarea.value))).summary),
);
$('embed-load').addEventListener('click', () => through(async () => (await embed.load(JSON.parse(textarea.value))).summary));
