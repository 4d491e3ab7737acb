// Generated scenarios for comparing the JavaScript front ends with the CLI: seeded, so a
// failure names a scenario that can be made again. Mixed on purpose: every kind of node and
// edge, shared organizations and tenants, flags that fall short, dates before and after the
// MPA date, names in both scripts with characters outside the BMP, fractional positions.

/** A small seeded PRNG (mulberry32): the same seed gives the same scenarios everywhere. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['indirect_provider', 'indirect_reseller', 'direct_bill_partner', 'customer'];
const REGIONS = ['europe', 'asia_pacific', 'united_states', 'japan', 'taiwan'];
const NAMES = ['Contoso', 'Fabrikam 公司', 'Tailspin 😀 Toys', 'Wingtip "Partners"', 'Litware <b>', '微軟'];
const FLAGS = {
  indirect_provider: ['mpa_signed'],
  indirect_reseller: ['mpa_signed', 'onboarded', 'enrolled'],
  direct_bill_partner: ['mpa_signed', 'requirements_met'],
  customer: [],
};

/** Scenario number `seed`: 2 to 25 nodes and up to twice as many edges. */
export function generatedScenario(seed) {
  const r = random(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const nodes = [];
  if (r() < 0.9) nodes.push({ id: 'ms', kind: 'microsoft' });
  const count = 2 + Math.floor(r() * 24);
  const orgs = ['o1', 'o2', 'o3', 'o4'];
  for (let i = 0; nodes.length < count; i++) {
    const kind = pick(KINDS);
    const node = { id: `n${i}`, kind, region: pick(REGIONS) };
    if (r() < 0.5) node.name = `${pick(NAMES)} ${i}`;
    if (r() < 0.4) node.org = pick(orgs);
    if (r() < 0.3) node.tenant = pick(orgs);
    for (const flag of FLAGS[kind]) if (r() < 0.15) node[flag] = false;
    if (r() < 0.5) Object.assign(node, { x: Math.round(r() * 8000) / 8, y: Math.round(r() * 600) });
    nodes.push(node);
  }
  const edges = [];
  const edgeCount = Math.floor(r() * nodes.length * 2);
  for (let i = 0; i < edgeCount; i++) {
    edges.push({ id: `e${i}`, from: pick(nodes).id, to: pick(nodes).id, kind: r() < 0.75 ? 'sells_to' : 'manages' });
  }
  const scenario = { version: 1, title: `Generated ${seed}`, nodes, edges };
  if (r() < 0.3) scenario.as_of = pick(['2019-06-01', '2020-02-01', '2021-12-31']);
  return scenario;
}
