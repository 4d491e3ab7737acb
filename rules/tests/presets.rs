//! The guide's eight scenarios: every edge's verdict and rule IDs pinned, in both languages.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use csp_rules::{evaluate, presets, Lang, Report};

type Pin = (&'static str, &'static str, &'static [&'static str]);

const PINS: [(u8, &[Pin], &[&str]); 8] = [
    (
        1,
        &[
            ("e1", "allowed", &[]),
            ("e2", "allowed", &[]),
            ("e3", "allowed", &[]),
            ("e4", "allowed", &[]),
            ("e5", "allowed", &[]),
        ],
        &[],
    ),
    (
        2,
        &[
            ("e1", "allowed", &[]),
            ("e2", "allowed", &[]),
            ("e3", "allowed", &[]),
            ("e4", "allowed", &["MULTIPARTNER.ALLOWED"]),
            ("e5", "allowed", &["MULTIPARTNER.ALLOWED"]),
        ],
        &[],
    ),
    (
        3,
        &[
            ("e1", "allowed", &[]),
            ("e2", "allowed", &[]),
            ("e3", "allowed", &[]),
            ("e4", "allowed", &[]),
            ("e5", "allowed", &[]),
            ("e6", "allowed", &["MULTICHANNEL.ALLOWED"]),
            ("e7", "allowed", &["MULTICHANNEL.ALLOWED"]),
        ],
        &[],
    ),
    (
        4,
        &[
            ("e1", "allowed", &[]),
            ("e2", "allowed", &[]),
            ("e3", "allowed", &[]),
            ("e4", "allowed", &["OWN_USE.SEPARATE_TENANT"]),
            ("e5", "blocked", &["OWN_USE.SEPARATE_TENANT"]),
        ],
        &["DIAGRAM.UNSERVED_CUSTOMER"],
    ),
    (
        5,
        &[
            ("e1", "allowed", &[]),
            ("e2", "blocked", &["SELF.NO_SALE_TO_SELF_OR_AFFILIATE"]),
            ("e3", "allowed", &[]),
            ("e4", "allowed", &[]),
            ("e5", "blocked", &["SELF.NO_SALE_TO_SELF_OR_AFFILIATE"]),
            ("e6", "allowed", &[]),
        ],
        &["DIAGRAM.UNSERVED_CUSTOMER", "DIAGRAM.UNSERVED_CUSTOMER"],
    ),
    (
        6,
        &[
            ("e1", "allowed", &[]),
            ("e2", "allowed", &[]),
            ("e3", "allowed", &[]),
            (
                "e4",
                "blocked",
                &[
                    "OWN_USE.SEPARATE_TENANT",
                    "RESELLER_AS_CUSTOMER.SAME_PROVIDER",
                ],
            ),
            ("e5", "allowed", &["OWN_USE.SEPARATE_TENANT"]),
            ("e6", "allowed", &[]),
        ],
        &["DIAGRAM.UNSERVED_CUSTOMER"],
    ),
    (
        7,
        &[
            ("e1", "allowed", &[]),
            ("e2", "allowed", &[]),
            ("e3", "allowed", &[]),
            ("e4", "blocked", &["REGION.CUSTOMER_SAME_REGION"]),
        ],
        &["DIAGRAM.UNSERVED_CUSTOMER"],
    ),
    (
        8,
        &[
            ("e1", "allowed", &[]),
            ("e2", "allowed", &[]),
            ("e3", "blocked", &["REGION.PARTNER_SAME_REGION"]),
            ("e4", "allowed", &[]),
            ("e5", "blocked", &["CHAIN.NEEDS_UPSTREAM"]),
        ],
        &["DIAGRAM.UNSERVED_CUSTOMER"],
    ),
];

fn report(number: u8, lang: Lang) -> Report {
    let p = presets::get(number).unwrap_or_else(|| panic!("no preset {number}"));
    let s = p
        .scenario()
        .unwrap_or_else(|e| panic!("preset {number}: {e}"));
    evaluate(&s, lang).unwrap_or_else(|e| panic!("preset {number}: {e}"))
}

#[test]
fn every_preset_has_its_pinned_verdicts_in_both_languages() {
    assert_eq!(presets::all().len(), 8);
    for (number, pins, diagram) in PINS {
        for lang in Lang::ALL {
            let r = report(number, lang);
            let got: Vec<Pin> = r
                .edges
                .iter()
                .map(|e| {
                    let rules: Vec<&'static str> =
                        e.findings.iter().map(|f| f.rule.as_str()).collect();
                    (
                        pins.iter().find(|p| p.0 == e.id).map_or("?", |p| p.0),
                        e.verdict.as_str(),
                        &*rules.leak(),
                    )
                })
                .collect();
            assert_eq!(got, pins.to_vec(), "preset {number} ({lang:?})");
            let d: Vec<&str> = r.diagram.iter().map(|d| d.rule.as_str()).collect();
            assert_eq!(d, diagram.to_vec(), "preset {number} diagram");
        }
    }
}

#[test]
fn presets_have_titles_and_descriptions_in_both_languages() {
    for p in presets::all() {
        for lang in Lang::ALL {
            assert!(
                !p.title(lang).is_empty() && !p.description(lang).is_empty(),
                "preset {}",
                p.number
            );
        }
        assert!(p
            .title(Lang::ZhTw)
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        assert!(p.title(Lang::En).starts_with(&format!("{}.", p.number)));
        let s = p.scenario().unwrap_or_else(|e| panic!("{e}"));
        assert!(
            s.nodes.iter().all(|n| n.x.is_some() && n.y.is_some()),
            "preset {} has positions",
            p.number
        );
    }
}

#[test]
fn scenario_6_offers_all_three_options_as_fixes_and_each_allows_the_purchase() {
    let p = presets::get(6).unwrap_or_else(|| panic!("no preset 6"));
    let s = p.scenario().unwrap_or_else(|e| panic!("{e}"));
    let r = report(6, Lang::ZhTw);
    let e4 = &r.edges[3];
    assert_eq!(e4.id, "e4");
    // Scenario 6 decides; scenario 4 is shown as advice.
    let severities: Vec<_> = e4
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        severities,
        [
            ("OWN_USE.SEPARATE_TENANT", csp_rules::Severity::Info),
            (
                "RESELLER_AS_CUSTOMER.SAME_PROVIDER",
                csp_rules::Severity::Block
            )
        ]
    );
    let f = &e4.findings[1];
    assert_eq!(f.remedies.len(), 3);
    assert!(f
        .remedies
        .iter()
        .zip(["選項 1", "選項 2", "選項 3"])
        .all(|(r, o)| r.starts_with(o)));
    assert_eq!(f.cite, "範例案例6");
    assert_eq!(
        f.link,
        "https://learn.microsoft.com/zh-tw/partner-center/csp-supported-partner-relationships#supported-partner-transactions-in-the-csp-program"
    );
    // Option 1 gives Tailspin's purchase a tenant of its own; option 2 ends Contoso → Tailspin
    // (e2); option 3 moves it to Relecloud. Each alone makes e4 allowed.
    assert_eq!(
        f.fixes,
        vec![
            csp_rules::Fix::SetTenant {
                node: "tailspin-buy".into(),
                tenant: "tailspin-customer".into()
            },
            csp_rules::Fix::RemoveEdge { edge: "e2".into() },
            csp_rules::Fix::SetFrom {
                edge: "e2".into(),
                from: "relecloud".into()
            },
        ]
    );
    for fix in &f.fixes {
        let mut t = s.clone();
        assert!(fix.apply(&mut t));
        let after = evaluate(&t, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let e4 = after.edges.iter().find(|e| e.id == "e4");
        assert_eq!(e4.map(|e| e.verdict.as_str()), Some("allowed"), "{fix:?}");
        assert!(
            after.edges.iter().all(|e| e.verdict.as_str() == "allowed"),
            "{fix:?}"
        );
        assert!(!fix.describe(&s, Lang::ZhTw).is_empty());
    }
}

#[test]
fn presets_name_their_nodes_and_title_in_chinese() {
    let latin_word = |s: &str| {
        // A word of Latin letters that is not a name the presets keep (brands, CSP, MPA).
        s.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1)
            .find(|w| {
                ![
                    "Microsoft",
                    "Adatum",
                    "Fabrikam",
                    "Contoso",
                    "Litware",
                    "Northwind",
                    "Proseware",
                    "Tailspin",
                    "Wingtip",
                    "Relecloud",
                    "Woodgrove",
                    "Trey",
                    "Alpine",
                    "GmbH",
                    "CSP",
                ]
                .contains(w)
            })
            .map(str::to_string)
    };
    for p in presets::all() {
        let s = p.scenario().unwrap_or_else(|e| panic!("{e}"));
        let title = s.title_in(Lang::ZhTw).unwrap_or_default();
        assert_eq!(latin_word(title), None, "preset {}: {title}", p.number);
        assert_ne!(Some(title), s.title.as_deref(), "preset {}", p.number);
        for n in &s.nodes {
            let zh = n.label_in(Lang::ZhTw);
            assert_eq!(latin_word(zh), None, "preset {}: {zh}", p.number);
            assert_eq!(n.label_in(Lang::En), n.label(), "preset {}", p.number);
        }
        // The Chinese report names the nodes in Chinese, never by their English names.
        let r = report(p.number, Lang::ZhTw);
        for f in r.edges.iter().flat_map(|e| &e.findings) {
            for n in s
                .nodes
                .iter()
                .filter(|n| n.label_in(Lang::ZhTw) != n.label())
            {
                let english = format!("「{}」", n.label());
                assert!(
                    !f.message.contains(&english),
                    "preset {}: {}",
                    p.number,
                    f.message
                );
                assert!(
                    f.remedies.iter().all(|m| !m.contains(&english)),
                    "preset {}",
                    p.number
                );
            }
        }
    }
}
