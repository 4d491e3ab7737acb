//! `slice` judges as the whole network: for random networks and a random party, every edge of
//! the party's slice gets the verdict and the rule IDs it gets in the whole network.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use csp_rules::{evaluate, slice, Edge, EdgeKind, Lang, Node, NodeKind, Report, Scenario};
use proptest::prelude::*;
use std::collections::HashMap;

/// A layered network like a distributor's: Microsoft, providers, resellers, direct bill
/// partners and customers, mostly sold to down the chain, with tenants and organizations
/// drawn from small pools so that resellers, customers and partners often share them, and a
/// few edges anywhere at all.
fn network() -> impl Strategy<Value = Scenario> {
    let tier = |kind: NodeKind, max: usize| {
        prop::collection::vec(
            (
                0usize..5,
                0usize..4,
                prop::sample::select(vec!["europe", "japan"]),
                prop::option::of(any::<bool>()),
            ),
            0..max,
        )
        .prop_map(move |v| (kind, v))
    };
    (
        tier(NodeKind::IndirectProvider, 4),
        tier(NodeKind::IndirectReseller, 6),
        tier(NodeKind::DirectBillPartner, 3),
        tier(NodeKind::Customer, 8),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0u8..4,
            ),
            0..40,
        ),
        any::<bool>(),
    )
        .prop_map(|(providers, resellers, directs, customers, picks, dated)| {
            let mut s = Scenario {
                as_of: dated.then(|| "2019-06-01".to_string()),
                ..Scenario::default()
            };
            s.nodes.push(Node::new("ms", NodeKind::Microsoft));
            for (prefix, (kind, list)) in ["p", "r", "d", "c"]
                .into_iter()
                .zip([providers, resellers, directs, customers])
            {
                for (i, (tenant, org, region, flag)) in list.into_iter().enumerate() {
                    let mut n = Node::new(format!("{prefix}{i}"), kind);
                    n.region = Some(region.into());
                    n.tenant = Some(format!("t{tenant}"));
                    n.org = Some(format!("o{org}"));
                    n.mpa_signed = flag.filter(|_| kind.is_partner());
                    s.nodes.push(n);
                }
            }
            let of = |k: NodeKind| -> Vec<usize> {
                (0..s.nodes.len())
                    .filter(|&i| s.nodes[i].kind == k)
                    .collect()
            };
            let (ms, p, r, d, c) = (
                of(NodeKind::Microsoft),
                of(NodeKind::IndirectProvider),
                of(NodeKind::IndirectReseller),
                of(NodeKind::DirectBillPartner),
                of(NodeKind::Customer),
            );
            let all: Vec<usize> = (0..s.nodes.len()).collect();
            let mut edges = Vec::new();
            for (a, b, shape) in picks {
                // Mostly the chain's own shapes; now and then anything.
                let (from, to, kind) = match shape {
                    0 => (&ms, &p, EdgeKind::SellsTo),
                    1 => (&p, &r, EdgeKind::SellsTo),
                    2 if !d.is_empty() && a.index(2) == 0 => (&d, &c, EdgeKind::SellsTo),
                    2 => (&r, &c, EdgeKind::SellsTo),
                    _ if b.index(3) == 0 => (&all, &all, EdgeKind::Manages),
                    _ => (&ms, &d, EdgeKind::SellsTo),
                };
                if from.is_empty() || to.is_empty() {
                    continue;
                }
                let (f, t) = (from[a.index(from.len())], to[b.index(to.len())]);
                edges.push(Edge {
                    id: format!("e{}", edges.len()),
                    from: s.nodes[f].id.clone(),
                    to: s.nodes[t].id.clone(),
                    kind,
                });
            }
            s.edges = edges;
            s
        })
}

fn judged(r: &Report) -> HashMap<&str, (csp_rules::Verdict, Vec<&'static str>)> {
    r.edges
        .iter()
        .map(|e| {
            let rules = e.findings.iter().map(|f| f.rule.as_str()).collect();
            (e.id.as_str(), (e.verdict, rules))
        })
        .collect()
}

fn check(s: &Scenario, centre: &str) -> Result<(), TestCaseError> {
    let whole = evaluate(s, Lang::En).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let whole = judged(&whole);
    let sub = slice(s, centre).ok_or_else(|| TestCaseError::fail("no slice"))?;
    // The party and all its relationships are in it.
    prop_assert!(sub.nodes.iter().any(|n| n.id == centre));
    for e in s
        .edges
        .iter()
        .filter(|e| e.from == centre || e.to == centre)
    {
        prop_assert!(
            sub.edges.iter().any(|x| x.id == e.id),
            "{} is missing",
            e.id
        );
    }
    let part = evaluate(&sub, Lang::En).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for (id, got) in judged(&part) {
        prop_assert_eq!(
            Some(&got),
            whole.get(id),
            "edge {} of the slice around {}",
            id,
            centre
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn a_slice_judges_each_of_its_edges_as_the_whole_network_does(s in network(), pick in any::<prop::sample::Index>()) {
        let centre = s.nodes[pick.index(s.nodes.len())].id.clone();
        check(&s, &centre)?;
    }
}

#[test]
fn the_slice_of_a_large_network_is_small_and_linear_to_take() {
    // 200 providers' chains, each a reseller with 20 customers; one reseller's customer also
    // sits in another reseller's tenant.
    let mut s = Scenario::default();
    s.nodes.push(Node::new("ms", NodeKind::Microsoft));
    let node = |id: String, kind: NodeKind| {
        let mut n = Node::new(id, kind);
        n.region = Some("europe".into());
        n
    };
    let sells = |s: &mut Scenario, from: String, to: String| {
        let id = format!("e{}", s.edges.len());
        s.edges.push(Edge {
            id,
            from,
            to,
            kind: EdgeKind::SellsTo,
        });
    };
    for p in 0..200 {
        s.nodes
            .push(node(format!("p{p}"), NodeKind::IndirectProvider));
        s.nodes
            .push(node(format!("r{p}"), NodeKind::IndirectReseller));
        sells(&mut s, "ms".into(), format!("p{p}"));
        sells(&mut s, format!("p{p}"), format!("r{p}"));
        for c in 0..20 {
            s.nodes.push(node(format!("c{p}-{c}"), NodeKind::Customer));
            sells(&mut s, format!("r{p}"), format!("c{p}-{c}"));
        }
    }
    if let Some(n) = s.nodes.iter_mut().find(|n| n.id == "c7-3") {
        n.tenant = Some("r9".into());
    }
    let sub = slice(&s, "c7-3").unwrap();
    let mut ids: Vec<&str> = sub.nodes.iter().map(|n| n.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["c7-3", "ms", "p7", "p9", "r7", "r9"]);
    for centre in ["c7-3", "r9", "p9", "ms"] {
        check(&s, centre).unwrap();
    }
}
