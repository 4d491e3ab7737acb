// A partner page (E2E_HOST_URL) that frames the app as `?src=` names it (a path of the app's
// site, e.g. index.html?embed=view&origin=…#preset=6) and keeps every message it gets in
// `window.received`; `window.send(message)` posts to the frame, to the app's origin only.
// `?third` adds a frame of a third origin beside it (third.html), which tries to talk to
// the app's frame as a sibling.
const params = new URLSearchParams(location.search);
const app = '__APP__';
window.received = [];
addEventListener('message', (e) => {
  window.received.push({ origin: e.origin, fromFrame: e.source === frame.contentWindow, at: performance.now(), data: e.data });
});
const frame = document.createElement('iframe');
frame.title = 'CSP Scenario Explorer';
frame.src = new URL(params.get('src') || 'index.html', app).href;
document.getElementById('slot').append(frame);
window.frame = frame;
window.send = (message) => frame.contentWindow.postMessage(message, new URL(app).origin);
if (params.has('third')) {
  const third = document.createElement('iframe');
  third.className = 'third';
  third.title = 'another site';
  third.src = '__THIRD__third.html';
  document.body.append(third);
}
