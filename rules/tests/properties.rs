//! Property tests: for arbitrary scenarios the engine never panics, is deterministic and
//! reports every edge once in file order; arbitrary bytes never make the parser panic.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use csp_rules::{evaluate, parse_bytes, share, Edge, EdgeKind, Lang, Node, NodeKind, Scenario};
use proptest::prelude::*;

fn kind() -> impl Strategy<Value = NodeKind> {
    prop::sample::select(NodeKind::ALL.to_vec())
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    prop::option::of(any::<bool>())
}

fn node(i: usize) -> impl Strategy<Value = Node> {
    (
        kind(),
        prop::sample::select(vec!["europe", "japan", "united_states", "Mars"]),
        prop::sample::select(vec!["a", "b", "c"]),
        prop::sample::select(vec!["t1", "t2", "t3", "t4"]),
        (
            prop::option::of(".{0,12}"),
            prop::option::of((prop::option::of(".{0,6}"), prop::option::of(".{0,6}"))),
        ),
        (flag(), flag(), flag(), flag()),
        any::<bool>(),
    )
        .prop_map(
            move |(kind, region, org, tenant, (name, names), (mpa, onb, enr, req), defaults)| {
                let mut n = Node::new(format!("n{i}"), kind);
                n.name = name;
                n.names = names.map(|(en, zh)| csp_rules::Localized { en, zh });
                if kind != NodeKind::Microsoft {
                    n.region = Some(region.into());
                }
                if !defaults {
                    n.org = Some(org.into());
                    n.tenant = Some(tenant.into());
                }
                // Only the flags this kind has; the others are an input error.
                n.mpa_signed = mpa.filter(|_| kind.is_partner());
                n.onboarded = onb.filter(|_| kind == NodeKind::IndirectReseller);
                n.enrolled = enr.filter(|_| kind == NodeKind::IndirectReseller);
                n.requirements_met = req.filter(|_| kind == NodeKind::DirectBillPartner);
                n
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..12)
        .prop_flat_map(|n| {
            let nodes: Vec<_> = (0..n).map(node).collect();
            let edges = prop::collection::vec((0..n, 0..n, any::<bool>()), 0..24);
            let date = prop::option::of((2018u16..2023, 1u8..13, 1u8..29));
            (nodes, edges, date)
        })
        .prop_map(|(nodes, edges, date)| Scenario {
            version: 1,
            title: None,
            titles: None,
            as_of: date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            edges: edges
                .into_iter()
                .enumerate()
                .map(|(i, (f, t, sells))| Edge {
                    id: format!("e{i}"),
                    from: nodes[f].id.clone(),
                    to: nodes[t].id.clone(),
                    kind: if sells {
                        EdgeKind::SellsTo
                    } else {
                        EdgeKind::Manages
                    },
                })
                .collect(),
            nodes,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn evaluation_never_panics_is_deterministic_and_complete(s in scenario()) {
        for lang in Lang::ALL {
            let a = evaluate(&s, lang);
            let b = evaluate(&s, lang);
            prop_assert!(a.is_ok(), "{:?}", a.err());
            let (a, b) = (a.map(|r| r.to_json()).unwrap_or_default(), b.map(|r| r.to_json()).unwrap_or_default());
            prop_assert_eq!(&a, &b);
        }
        let r = evaluate(&s, Lang::En).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let ids: Vec<&str> = r.edges.iter().map(|e| e.id.as_str()).collect();
        let want: Vec<&str> = s.edges.iter().map(|e| e.id.as_str()).collect();
        prop_assert_eq!(ids, want);
        prop_assert_eq!(r.summary.allowed + r.summary.blocked, s.edges.len());
        for e in &r.edges {
            let blocks = e.findings.iter().any(|f| f.severity == csp_rules::Severity::Block);
            prop_assert_eq!(blocks, e.verdict == csp_rules::Verdict::Blocked);
        }
    }

    #[test]
    fn files_and_share_links_round_trip(s in scenario()) {
        let json = serde_json::to_vec(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = parse_bytes(&json);
        prop_assert_eq!(parsed.as_ref(), Ok(&s));
        let shared = share::decode(&share::fragment(&s));
        prop_assert_eq!(shared.as_ref(), Ok(&s));
    }

    #[test]
    fn every_fix_applies_without_panicking(s in scenario()) {
        let r = evaluate(&s, Lang::En).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for fix in r.edges.iter().flat_map(|e| e.findings.iter().flat_map(|f| f.fixes.iter())) {
            let mut t = s.clone();
            prop_assert!(fix.apply(&mut t));
            prop_assert!(evaluate(&t, Lang::En).is_ok());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_parser(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_bytes(&bytes);
        let _ = share::decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mangled_scenario_files_give_errors_not_panics(s in scenario(), cut in 0usize..2000, byte in any::<u8>()) {
        let mut json = serde_json::to_vec(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if !json.is_empty() {
            let at = cut % json.len();
            json[at] = byte;
            json.truncate(json.len() - cut % 7);
        }
        if let Err(e) = parse_bytes(&json) {
            prop_assert!(e.line(Lang::En).starts_with("error: "));
            prop_assert!(!e.line(Lang::En).contains('\n'));
        }
    }
}
