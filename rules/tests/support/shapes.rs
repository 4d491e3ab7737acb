//! Adversarial network shapes, one or more for each index the engine builds, at any size:
//! shared by the scaling test (`tests/scaling.rs`) and the benchmark (`examples/scaling.rs`).
//! Each is a scenario file of about `n` edges; an engine that is linear in nodes + edges
//! judges a shape 10× the size in about 10× the time.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// A scenario file being written.
#[derive(Default)]
struct Net {
    nodes: String,
    edges: String,
    n_nodes: usize,
    n_edges: usize,
}

impl Net {
    fn node(&mut self, id: &str, kind: &str, extra: &str) {
        self.node_in(id, kind, "europe", extra);
    }

    fn node_in(&mut self, id: &str, kind: &str, region: &str, extra: &str) {
        let sep = if self.n_nodes == 0 { "" } else { "," };
        let region = if kind == "microsoft" {
            String::new()
        } else {
            format!(r#","region":"{region}""#)
        };
        let _ = write!(
            self.nodes,
            r#"{sep}{{"id":"{id}","kind":"{kind}"{region}{extra}}}"#
        );
        self.n_nodes += 1;
    }

    fn edge(&mut self, from: &str, to: &str, kind: &str) {
        let sep = if self.n_edges == 0 { "" } else { "," };
        let id = self.n_edges;
        let _ = write!(
            self.edges,
            r#"{sep}{{"id":"e{id}","from":"{from}","to":"{to}","kind":"{kind}"}}"#
        );
        self.n_edges += 1;
    }

    fn sells(&mut self, from: &str, to: &str) {
        self.edge(from, to, "sells_to");
    }

    fn json(self) -> Vec<u8> {
        format!(
            r#"{{"version":1,"nodes":[{}],"edges":[{}]}}"#,
            self.nodes, self.edges
        )
        .into_bytes()
    }
}

/// One shape: its name, what it stresses, and how it grows (1.0 = linear; the bound a test
/// holds it to is this exponent's growth, with room). Every shape is a valid file within the
/// format's limits at 250,000 edges, but the one whose name says it ends in an error.
pub struct Shape {
    pub name: &'static str,
    pub stresses: &'static str,
    pub exponent: f64,
    pub build: fn(usize) -> Vec<u8>,
}

/// The shape that is an error on purpose.
pub const ERROR_SHAPE: &str = "error at the very end";

pub const SHAPES: [Shape; 11] = [
    Shape {
        name: "one reseller, many providers",
        stresses: "scenario 6: one reseller of n/3 providers sells n/3 times into reseller tenants",
        exponent: 1.0,
        build: one_reseller_many_providers,
    },
    Shape {
        name: "tenants sharing a prefix",
        stresses: "fresh tenants: n/4 of o-customer, o-customer-2, … taken, n/2 own-use sales to name one for",
        exponent: 1.0,
        build: tenants_sharing_a_prefix,
    },
    Shape {
        name: "dense multi-seller customers",
        stresses: "multipartner and multichannel counts: √n resellers each selling to and managing √n customers",
        exponent: 1.0,
        build: dense_multi_seller,
    },
    Shape {
        name: "long chains",
        stresses: "supply tiers: provider → provider → …, reseller → reseller → …, customer → customer → …",
        exponent: 1.0,
        build: long_chains,
    },
    Shape {
        name: "duplicate edges and self-loops",
        stresses: "the duplicate-edge groups: a few relationships drawn n/4 times each, self-loops",
        exponent: 1.0,
        build: duplicates,
    },
    Shape {
        name: "many Microsofts, unserved customers",
        stresses: "diagram-wide findings: n/4 Microsoft nodes, n/4 customers nobody serves",
        exponent: 1.0,
        build: many_microsofts,
    },
    Shape {
        name: "own use everywhere",
        stresses: "partner tenants and orgs: every customer is a partner's own, half in its CSP tenant",
        exponent: 1.0,
        build: own_use,
    },
    Shape {
        name: "many tenants, one provider",
        stresses: "scenario 6 the other way: each customer's tenant holds relationships with many providers",
        exponent: 1.0,
        build: many_tenants_one_provider,
    },
    Shape {
        name: "long names",
        stresses: "label text: 200-character names in every message, on every edge",
        exponent: 1.0,
        build: long_names,
    },
    Shape {
        name: ERROR_SHAPE,
        stresses: "error paths: a valid file whose last edge has an unknown field (the path is found from the text)",
        exponent: 1.0,
        build: late_error,
    },
    Shape {
        name: "scenario 6, disjoint provider sets",
        stresses: "the one set intersection: √n resellers × √n tenants, each pair's provider lists disjoint",
        exponent: 1.5,
        build: disjoint_provider_sets,
    },
];

fn one_reseller_many_providers(n: usize) -> Vec<u8> {
    let k = n / 3;
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    net.node("r", "indirect_reseller", "");
    net.node("t", "indirect_reseller", "");
    for i in 0..k {
        let p = format!("p{i}");
        net.node(&p, "indirect_provider", "");
        net.sells("ms", &p);
        net.sells(&p, "r");
    }
    net.sells(&format!("p{}", k.saturating_sub(1)), "t");
    for i in 0..k {
        let c = format!("c{i}");
        net.node(&c, "customer", r#","tenant":"t""#);
        net.sells("r", &c);
    }
    net.json()
}

fn tenants_sharing_a_prefix(n: usize) -> Vec<u8> {
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    net.node("d", "direct_bill_partner", r#","tenant":"o-csp""#);
    net.sells("ms", "d");
    for k in 1..=n / 4 {
        let tenant = if k == 1 {
            "o-customer".to_string()
        } else {
            format!("o-customer-{k}")
        };
        net.node(
            &format!("t{k}"),
            "customer",
            &format!(r#","tenant":"{tenant}""#),
        );
    }
    for i in 0..(n - 1) / 2 {
        let c = format!("c{i}");
        net.node(&c, "customer", r#","org":"o","tenant":"o-csp""#);
        net.sells("d", &c);
        net.edge("d", &c, "manages");
    }
    net.json()
}

fn dense_multi_seller(n: usize) -> Vec<u8> {
    let k = ((n / 2) as f64).sqrt() as usize;
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    net.node("p", "indirect_provider", "");
    net.sells("ms", "p");
    for i in 0..k {
        net.node(&format!("c{i}"), "customer", "");
    }
    for r in 0..k {
        let id = format!("r{r}");
        net.node(&id, "indirect_reseller", "");
        net.sells("p", &id);
        for c in 0..k {
            net.sells(&id, &format!("c{c}"));
            net.edge(&id, &format!("c{c}"), "manages");
        }
    }
    net.json()
}

fn long_chains(n: usize) -> Vec<u8> {
    let k = n / 4;
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    for (prefix, kind) in [
        ("p", "indirect_provider"),
        ("r", "indirect_reseller"),
        ("c", "customer"),
    ] {
        for i in 0..k {
            net.node(&format!("{prefix}{i}"), kind, "");
        }
        net.sells(
            if prefix == "c" { "r0" } else { "ms" },
            &format!("{prefix}0"),
        );
        for i in 1..k {
            net.sells(&format!("{prefix}{}", i - 1), &format!("{prefix}{i}"));
        }
    }
    for i in 0..k {
        net.edge(&format!("r{i}"), &format!("c{i}"), "manages");
    }
    net.json()
}

fn duplicates(n: usize) -> Vec<u8> {
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    net.node("d", "direct_bill_partner", "");
    net.node("c", "customer", "");
    for _ in 0..n / 4 {
        net.sells("ms", "d");
        net.sells("d", "c");
        net.edge("d", "c", "manages");
        net.sells("c", "c");
    }
    net.json()
}

fn many_microsofts(n: usize) -> Vec<u8> {
    let mut net = Net::default();
    for i in 0..n / 4 {
        let (ms, c) = (format!("ms{i}"), format!("c{i}"));
        net.node(&ms, "microsoft", "");
        net.node(&c, "customer", "");
        net.sells(&ms, &c);
        net.sells(&c, &ms);
        net.edge(&ms, &c, "manages");
        net.edge(&c, &ms, "manages");
    }
    net.json()
}

fn own_use(n: usize) -> Vec<u8> {
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    for i in 0..n / 3 {
        let (d, c) = (format!("d{i}"), format!("c{i}"));
        net.node(
            &d,
            "direct_bill_partner",
            &format!(r#","org":"o{i}","tenant":"d{i}-csp""#),
        );
        let tenant = if i % 2 == 0 {
            format!("d{i}-csp")
        } else {
            format!("o{i}-own")
        };
        net.node(
            &c,
            "customer",
            &format!(r#","org":"o{i}","tenant":"{tenant}""#),
        );
        net.sells("ms", &d);
        net.sells(&d, &c);
        net.sells(&format!("d{}", (i + 1) % (n / 3).max(1)), &c);
    }
    net.json()
}

fn many_tenants_one_provider(n: usize) -> Vec<u8> {
    // Each of n/21 tenants holds relationships with 20 providers; a reseller of one of them
    // sells into each tenant.
    let providers = 20;
    let tenants = n / (providers + 1);
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    net.node("r", "indirect_reseller", "");
    for p in 0..providers {
        net.node(&format!("p{p}"), "indirect_provider", "");
    }
    net.sells("p0", "r");
    for t in 0..tenants {
        let id = format!("t{t}");
        net.node(&id, "indirect_reseller", "");
        for p in (0..providers).rev() {
            net.sells(&format!("p{p}"), &id);
        }
        let c = format!("c{t}");
        net.node(&c, "customer", &format!(r#","tenant":"t{t}""#));
        net.sells("r", &c);
    }
    net.json()
}

fn long_names(n: usize) -> Vec<u8> {
    let name = "N".repeat(200);
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    // As long as the 64 MiB limit allows at 250,000 edges.
    let id = |p: &str, i: usize| format!("{p}{i:0>9}");
    for i in 0..n / 7 {
        let r = id("r", i);
        let extra = format!(r#","name":"{name}","mpa_signed":false"#);
        net.node(&r, "indirect_reseller", &extra);
        net.sells("ms", &r);
        for j in 0..3 {
            let c = id("c", 3 * i + j);
            net.node_in(&c, "customer", "japan", &format!(r#","name":"{name}""#));
            net.sells(&r, &c);
            net.edge(&r, &c, "manages");
        }
    }
    net.json()
}

fn late_error(n: usize) -> Vec<u8> {
    let mut json = dense_multi_seller(n);
    // The last edge gains a key the format doesn't have.
    let at = json.len() - 3;
    json.splice(at..at, br#","colour":"red""#.iter().copied());
    json
}

fn disjoint_provider_sets(n: usize) -> Vec<u8> {
    // k resellers supplied by providers A1..Ak; k reseller tenants holding relationships
    // with providers B1..Bk; each reseller sells into each tenant: k² sales, each asking
    // whether two k-lists meet.
    let k = ((n / 3) as f64).sqrt() as usize;
    let mut net = Net::default();
    net.node("ms", "microsoft", "");
    for i in 0..k {
        net.node(&format!("a{i}"), "indirect_provider", "");
        net.node(&format!("b{i}"), "indirect_provider", "");
        net.node(&format!("r{i}"), "indirect_reseller", "");
        net.node(&format!("t{i}"), "indirect_reseller", "");
    }
    for i in 0..k {
        for p in 0..k {
            net.sells(&format!("a{p}"), &format!("r{i}"));
            net.sells(&format!("b{p}"), &format!("t{i}"));
        }
    }
    for r in 0..k {
        for t in 0..k {
            let c = format!("c{r}x{t}");
            net.node(&c, "customer", &format!(r#","tenant":"t{t}""#));
            net.sells(&format!("r{r}"), &c);
        }
    }
    net.json()
}

/// Counts what is written to it, and keeps none of it.
struct Count(usize);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The engine's whole path on one file, as `csp-rules check` takes it: read, validate,
/// judge, write the report (into nothing). The report's size, or the error line's.
pub fn run_once(json: &[u8]) -> usize {
    match csp_rules::Borrowed::read(json) {
        Ok(file) => {
            let mut out = std::io::BufWriter::new(Count(0));
            let _ = serde_json::to_writer_pretty(&mut out, &file.judge(csp_rules::Lang::En));
            out.into_inner().map_or(0, |c| c.0)
        }
        Err(e) => e.line(csp_rules::Lang::En).len(),
    }
}

/// The time this thread has spent on a CPU: unlike the wall clock, it doesn't grow while
/// other processes have the CPU, so a busy machine disturbs it far less.
#[cfg(unix)]
fn cpu_time() -> Option<Duration> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    let secs = u64::try_from(t.tv_sec).ok()?;
    let nanos = u32::try_from(t.tv_nsec).ok()?;
    Some(Duration::new(secs, nanos))
}

#[cfg(not(unix))]
fn cpu_time() -> Option<Duration> {
    None
}

/// One run's cost: CPU time where the system tells it, else wall time.
fn time(json: &[u8]) -> Duration {
    let (cpu, wall) = (cpu_time(), Instant::now());
    std::hint::black_box(run_once(std::hint::black_box(json)));
    match (cpu, cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    }
}

/// The least time of `runs` runs of each file, the runs of the two taken in turn so that a
/// busy spell of the machine weighs on both: the run least disturbed by whatever else the
/// machine does. The small file runs three times as often (it is quicker to disturb).
pub fn min_times(small: &[u8], large: &[u8], runs: usize) -> (Duration, Duration) {
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        for _ in 0..3 {
            a = a.min(time(small));
        }
        b = b.min(time(large));
    }
    (a, b)
}

/// How many edges a shape's file holds (counted, as shapes round `n`).
pub fn edges_in(json: &[u8]) -> usize {
    json.windows(7).filter(|w| w == br#""from":"#).count()
}
