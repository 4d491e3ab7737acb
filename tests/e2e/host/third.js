// A page of a third origin (E2E_THIRD_URL): whatever reaches it is recorded for the tests.
window.received = [];
addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));
