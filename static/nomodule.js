// Run only by browsers that predate JavaScript modules (index.html loads it with `nomodule`),
// which would otherwise stay on "Loading…": says at once that the browser is too old.
// ES3 on purpose: these browsers read nothing newer.
(function () {
  var screen = document.getElementById('csp-boot');
  if (!screen) return;
  var zh = /[?&]lang=zh-tw(&|$)/i.test(location.search) ||
    (!/[?&]lang=en(&|$)/i.test(location.search) &&
      /^zh/i.test(navigator.language || navigator.userLanguage || ''));
  var p = document.createElement('p');
  p.setAttribute('lang', zh ? 'zh-TW' : 'en');
  p.appendChild(document.createTextNode(zh
    ? '此瀏覽器版本過舊，無法執行本應用程式。請使用最新版的 Chrome、Edge、Firefox 或 Safari。'
    : 'This browser is too old to run the app. Any current Chrome, Edge, Firefox or Safari works.'));
  var live = screen.getElementsByTagName('div');
  for (var i = 0; i < live.length; i++) {
    if (/(^| )boot-live( |$)/.test(live[i].className)) live[i].appendChild(p);
  }
  screen.setAttribute('data-state', 'failed');
  screen.setAttribute('data-reason', 'old');
  screen.setAttribute('data-lang', zh ? 'zh-TW' : 'en');
  screen.setAttribute('data-boot', 'running');
})();
