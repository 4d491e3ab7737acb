//! A large synthetic partner network as a scenario file, for benchmarks, audits and tests
//! (`examples/network.rs` prints one).
//!
//! Deterministic for a given size and seed, with the shape of a real distributor network:
//! one Microsoft, a few providers per region, many resellers per provider, many customers per
//! reseller, some direct bill partners, and the usual gaps: unsigned MPAs, resellers not yet
//! onboarded, cross-region sales, own-use purchases into CSP tenants, managed customers.
//!
//! `dense` makes the gaps the rule rather than the exception, so that most edges carry
//! findings (at 250,000 edges: a 29 MB file whose report is 146 MB): the worst case
//! for writing the report.

use std::fmt::Write as _;

const REGIONS: [&str; 4] = ["europe", "united_states", "asia_pacific", "japan"];

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Out {
    nodes: String,
    edges: String,
    n_nodes: usize,
    n_edges: usize,
}

impl Out {
    fn node(&mut self, id: &str, kind: &str, region: &str, extra: &str) {
        let sep = if self.n_nodes == 0 { "" } else { ",\n" };
        let _ = write!(
            self.nodes,
            r#"{sep}    {{"id":"{id}","kind":"{kind}","region":"{region}"{extra}}}"#
        );
        self.n_nodes += 1;
    }

    fn edge(&mut self, from: &str, to: &str, kind: &str) {
        let sep = if self.n_edges == 0 { "" } else { ",\n" };
        let id = self.n_edges;
        let _ = write!(
            self.edges,
            r#"{sep}    {{"id":"e{id}","from":"{from}","to":"{to}","kind":"{kind}"}}"#
        );
        self.n_edges += 1;
    }
}

/// The network of about `target` edges for `seed`, as a scenario file.
pub fn network(target: usize, seed: u64, dense: bool) -> String {
    // How often each gap occurs, per mille: (unsigned MPA, not onboarded, cross-region
    // partner, cross-region customer, managed customer).
    let (mpa, onboarded, partner_region, customer_region, managed) = if dense {
        (60, 40, 40, 420, 300)
    } else {
        (30, 10, 15, 20, 300)
    };
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out = Out {
        nodes: String::new(),
        edges: String::new(),
        n_nodes: 0,
        n_edges: 0,
    };

    out.nodes
        .push_str(r#"    {"id":"ms","kind":"microsoft","name":"Microsoft"}"#);
    out.n_nodes = 1;
    let providers: Vec<(String, &str)> = (0..REGIONS.len() * 3)
        .map(|i| (format!("p{i}"), REGIONS[i % REGIONS.len()]))
        .collect();
    for (id, region) in &providers {
        out.node(
            id,
            "indirect_provider",
            region,
            &format!(r#","name":"Provider {id}""#),
        );
        out.edge("ms", id, "sells_to");
    }
    let mut reseller = 0usize;
    let mut customer = 0usize;
    while out.n_edges < target {
        // One reseller with its customers, or now and then a direct bill partner with its own.
        let direct = rng.chance(30);
        let (p, region) = &providers[rng.below(providers.len())];
        let id = if direct {
            format!("d{reseller}")
        } else {
            format!("r{reseller}")
        };
        reseller += 1;
        let mut flags = String::new();
        if rng.chance(mpa) {
            flags.push_str(r#","mpa_signed":false"#);
        }
        if !direct && rng.chance(onboarded) {
            flags.push_str(r#","onboarded":false"#);
        }
        if direct && rng.chance(50) {
            flags.push_str(r#","requirements_met":false"#);
        }
        let own_region = if rng.chance(partner_region) {
            REGIONS[rng.below(REGIONS.len())]
        } else {
            region
        };
        let tenant = format!("{id}-csp");
        if direct {
            out.node(
                &id,
                "direct_bill_partner",
                own_region,
                &format!(r#","tenant":"{tenant}"{flags}"#),
            );
            out.edge("ms", &id, "sells_to");
        } else {
            out.node(
                &id,
                "indirect_reseller",
                own_region,
                &format!(r#","tenant":"{tenant}"{flags}"#),
            );
            out.edge(p, &id, "sells_to");
        }
        for _ in 0..(5 + rng.below(40)) {
            let c = format!("c{customer}");
            customer += 1;
            let c_region = if rng.chance(customer_region) {
                REGIONS[rng.below(REGIONS.len())]
            } else {
                own_region
            };
            // Now and then the partner's own organization buys, sometimes into its CSP tenant.
            let extra = if rng.chance(5) {
                let t = if rng.chance(500) {
                    tenant.clone()
                } else {
                    format!("{id}-own")
                };
                format!(r#","org":"{id}","tenant":"{t}""#)
            } else {
                String::new()
            };
            out.node(&c, "customer", c_region, &extra);
            out.edge(&id, &c, "sells_to");
            if rng.chance(managed) && out.n_edges < target {
                out.edge(&id, &c, "manages");
            }
            if out.n_edges >= target {
                break;
            }
        }
    }
    format!(
        "{{\n  \"version\": 1,\n  \"title\": \"Synthetic network{}: {} nodes, {} edges (seed {seed})\",\n  \"nodes\": [\n{}\n  ],\n  \"edges\": [\n{}\n  ]\n}}\n",
        if dense { ", findings-dense" } else { "" },
        out.n_nodes,
        out.n_edges,
        out.nodes,
        out.edges
    )
}
