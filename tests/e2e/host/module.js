// The rules module as a partner page uses it: copied into its own site (rules/) and imported.
import init, { evaluate, rules, share, version } from './rules/csp_rules.js';

await init();
window.hostRules = { evaluate, rules, share, version };
document.getElementById('status').textContent = `csp-rules ${version} ready`;
