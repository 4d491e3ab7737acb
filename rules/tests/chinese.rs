//! Every text the crate gives in Traditional Chinese, read against the bar the tool sets
//! (docs/glossary.md, `support/zh_bar.rs`, which the page's own test reads its texts against
//! too): 您 not 你, full-width punctuation, Microsoft's spacing between Chinese and Latin
//! letters or digits, the tool's terms where the guide's machine translation reads wrongly,
//! and no 已 ("done") in a list of what is still to do. Citations keep the guide's own words
//! and are not checked.
//! And every English text is English: no Chinese, and regions with their article.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use csp_rules::walkthrough;
use csp_rules::{
    edge_kind_name, evaluate, flag_name, flag_step, glossary, kind_name, parse, presets,
    region_help, region_name, rules, EdgeKind, Flag, Lang, NodeKind, Scenario, SeeAlso,
    CSP_REGIONS,
};

/// A network in which every rule speaks (as of `as_of`).
fn every_rule(as_of: &str) -> Scenario {
    let json = format!(
        r#"{{"version": 1, "as_of": "{as_of}", "nodes": [
        {{"id": "ms", "kind": "microsoft"}}, {{"id": "ms2", "kind": "microsoft"}},
        {{"id": "p", "kind": "indirect_provider", "region": "europe", "org": "contoso"}},
        {{"id": "p2", "kind": "indirect_provider", "region": "europe"}},
        {{"id": "r", "kind": "indirect_reseller", "region": "europe", "org": "litware", "tenant": "litware-csp"}},
        {{"id": "w", "kind": "indirect_reseller", "region": "europe"}},
        {{"id": "u", "kind": "indirect_reseller", "region": "europe", "mpa_signed": false, "onboarded": false, "enrolled": false}},
        {{"id": "lone", "kind": "indirect_reseller", "region": "europe"}},
        {{"id": "d", "kind": "direct_bill_partner", "region": "europe", "requirements_met": false, "mpa_signed": false}},
        {{"id": "d2", "kind": "direct_bill_partner", "region": "europe"}},
        {{"id": "far", "kind": "indirect_reseller", "region": "asia_pacific"}},
        {{"id": "c", "kind": "customer", "region": "europe"}},
        {{"id": "us", "kind": "customer", "region": "united_states"}},
        {{"id": "mars", "kind": "customer", "region": "Mars"}},
        {{"id": "own", "kind": "customer", "region": "europe", "org": "litware", "tenant": "litware-csp"}},
        {{"id": "own2", "kind": "customer", "region": "europe", "org": "litware", "tenant": "litware-internal"}},
        {{"id": "aff", "kind": "customer", "region": "europe", "org": "litware"}},
        {{"id": "alone", "kind": "customer", "region": "europe"}},
        {{"id": "v", "kind": "indirect_reseller", "region": "europe", "tenant": "v-csp"}},
        {{"id": "vbuy", "kind": "customer", "region": "europe", "tenant": "v-csp"}}
      ], "edges": [
        {{"id": "e1", "from": "ms", "to": "p", "kind": "sells_to"}},
        {{"id": "e2", "from": "ms", "to": "p2", "kind": "sells_to"}},
        {{"id": "e3", "from": "ms", "to": "d", "kind": "sells_to"}},
        {{"id": "e4", "from": "ms", "to": "d2", "kind": "sells_to"}},
        {{"id": "e5", "from": "p", "to": "r", "kind": "sells_to"}},
        {{"id": "e6", "from": "p", "to": "w", "kind": "sells_to"}},
        {{"id": "e7", "from": "p2", "to": "u", "kind": "sells_to"}},
        {{"id": "e8", "from": "p", "to": "far", "kind": "sells_to"}},
        {{"id": "e9", "from": "w", "to": "own", "kind": "sells_to"}},
        {{"id": "e10", "from": "d2", "to": "own", "kind": "sells_to"}},
        {{"id": "e11", "from": "d2", "to": "own2", "kind": "sells_to"}},
        {{"id": "e12", "from": "r", "to": "aff", "kind": "sells_to"}},
        {{"id": "e13", "from": "w", "to": "c", "kind": "sells_to"}},
        {{"id": "e14", "from": "d2", "to": "c", "kind": "sells_to"}},
        {{"id": "e15", "from": "u", "to": "c", "kind": "manages"}},
        {{"id": "e16", "from": "w", "to": "us", "kind": "sells_to"}},
        {{"id": "e17", "from": "w", "to": "mars", "kind": "sells_to"}},
        {{"id": "e18", "from": "ms", "to": "r", "kind": "sells_to"}},
        {{"id": "e19", "from": "ms", "to": "c", "kind": "sells_to"}},
        {{"id": "e20", "from": "p", "to": "c", "kind": "sells_to"}},
        {{"id": "e21", "from": "w", "to": "r", "kind": "sells_to"}},
        {{"id": "e22", "from": "d2", "to": "w", "kind": "sells_to"}},
        {{"id": "e23", "from": "c", "to": "w", "kind": "sells_to"}},
        {{"id": "e24", "from": "p", "to": "ms", "kind": "sells_to"}},
        {{"id": "e25", "from": "lone", "to": "c", "kind": "sells_to"}},
        {{"id": "e26", "from": "w", "to": "w", "kind": "sells_to"}},
        {{"id": "e27", "from": "c", "to": "d2", "kind": "manages"}},
        {{"id": "e28", "from": "p2", "to": "w", "kind": "sells_to"}},
        {{"id": "e29", "from": "w", "to": "c", "kind": "sells_to"}},
        {{"id": "e30", "from": "d", "to": "c", "kind": "sells_to"}},
        {{"id": "e31", "from": "u", "to": "alone", "kind": "manages"}},
        {{"id": "e32", "from": "p2", "to": "v", "kind": "sells_to"}},
        {{"id": "e33", "from": "r", "to": "vbuy", "kind": "sells_to"}}
      ]}}"#
    );
    parse(&json).unwrap_or_else(|e| panic!("{e}"))
}

/// Every Chinese text the crate gives, with where it comes from; citations aside.
fn chinese_texts() -> Vec<(String, String)> {
    let zh = Lang::ZhTw;
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |at: &str, text: &str| out.push((at.to_string(), text.to_string()));
    for r in rules(zh) {
        add(r.id, r.statement);
    }
    let mut scenarios: Vec<(String, Scenario)> = vec![
        ("every rule".into(), every_rule("2020-05-12")),
        ("every rule, 2019".into(), every_rule("2019-05-12")),
    ];
    for p in presets::all() {
        add("preset title", p.title(zh));
        add("preset description", p.description(zh));
        let w = walkthrough::get(p.number).unwrap();
        for k in 1..=w.len() {
            let s = w.scenario_at(k).unwrap();
            let step = w.step(k).unwrap();
            let at = format!("walkthrough {} step {k}", p.number);
            add(&at, step.title(zh));
            add(&at, step.text(zh));
            if let Some(a) = &step.action {
                add(&at, &a.describe_in(&s, zh));
                let mut after = s.clone();
                a.perform(&mut after);
                scenarios.push((format!("{at}, done"), after));
            }
            scenarios.push((at, s));
        }
    }
    for (at, s) in &scenarios {
        for n in &s.nodes {
            add(at, n.label_in(zh));
        }
        if let Some(t) = s.title_in(zh) {
            add(at, t);
        }
        let r = evaluate(s, zh).unwrap_or_else(|e| panic!("{at}: {e}"));
        for f in r.edges.iter().flat_map(|e| &e.findings) {
            let at = format!("{at}, {}", f.rule);
            add(&at, &f.message);
            for m in &f.remedies {
                add(&at, m);
            }
            for fix in &f.fixes {
                add(&at, &fix.describe(s, zh));
            }
        }
        for d in &r.diagram {
            add(&format!("{at}, {}", d.rule), &d.message);
        }
    }
    for k in NodeKind::ALL {
        add("kind", kind_name(k, zh));
    }
    for k in EdgeKind::ALL {
        add("edge kind", edge_kind_name(k, zh));
    }
    for f in Flag::ALL {
        add("flag", flag_name(f, zh));
        add("flag step", flag_step(f, zh));
    }
    for r in CSP_REGIONS {
        add("region", region_name(r, zh));
    }
    add("region help", region_help(zh));
    add("dates", &csp_rules::dates_note(zh));
    add("ID grammar", csp_rules::id_grammar(zh));
    // Error lines: the `error:` and a field path are the format's, the rest is Chinese.
    let node = r#"{"id": "c", "kind": "customer", "region": "europe"}"#;
    let long = "名".repeat(201);
    let bad_files = [
        "{".to_string(),
        "[]".to_string(),
        r#"{"version": 2}"#.to_string(),
        r#"{"version": 1, "extra": 1}"#.to_string(),
        r#"{"version": 1, "nodes": [{"kind": "customer"}]}"#.to_string(),
        r#"{"version": 1, "nodes": [{"id": "a", "kind": "reseller"}]}"#.to_string(),
        r#"{"version": 1, "nodes": [{"id": "a b", "kind": "customer", "region": "europe"}]}"#.to_string(),
        format!(r#"{{"version": 1, "nodes": [{node}, {node}]}}"#),
        format!(r#"{{"version": 1, "nodes": [{node}], "edges": [{{"id": "e", "from": "c", "to": "x", "kind": "sells_to"}}]}}"#),
        r#"{"version": 1, "as_of": "2020-13-01"}"#.to_string(),
        r#"{"version": 1, "nodes": [{"id": "c", "kind": "customer"}]}"#.to_string(),
        format!(r#"{{"version": 1, "nodes": [{{"id": "c", "kind": "customer", "region": "europe", "name": "{long}"}}]}}"#),
        r#"{"version": 1, "nodes": [{"id": "c", "kind": "customer", "region": "europe", "mpa_signed": true}]}"#.to_string(),
        r#"{"version": 1, "nodes": [{"id": "m", "kind": "microsoft", "onboarded": true}]}"#.to_string(),
    ];
    let mut errors: Vec<String> = bad_files
        .iter()
        .map(|f| parse(f).map_or_else(|e| e.line(zh), |_| panic!("parsed {f}")))
        .collect();
    for link in [
        "#scenario=x",
        "#scenario=9.j.e30",
        "#scenario=1.q.e30",
        "#scenario=1.j.!!",
        "#scenario=1.z.AAAA",
    ] {
        errors.push(
            csp_rules::share::decode(link)
                .map_or_else(|e| e.line(zh), |_| panic!("decoded {link}")),
        );
    }
    errors.push(presets::find("9").map_or_else(|e| e.line(zh), |_| panic!("preset 9")));
    for e in &errors {
        // What the bar reads: the line past `error: ` and a field path.
        let text = e.strip_prefix("error: ").unwrap_or(e);
        let text = text.trim_start_matches(|c: char| c.is_ascii() && c != '{');
        // The JSON reader's own words (serde's, in English) follow these, as a quotation.
        let text = ["格式不符：", "不是有效的 JSON："]
            .iter()
            .find_map(|lead| {
                text.split_once(lead)
                    .map(|(before, _)| format!("{before}{lead}"))
            })
            .unwrap_or_else(|| text.to_string());
        add("error line", &text);
    }
    for t in glossary() {
        add("glossary", t.tool);
    }
    out
}

#[path = "support/zh_bar.rs"]
mod zh_bar;
use zh_bar::cjk;

#[test]
fn the_chinese_meets_the_bar() {
    let texts = chinese_texts();
    assert!(texts.len() > 500, "{} texts", texts.len());
    let failures: Vec<String> = texts
        .iter()
        .flat_map(|(at, text)| {
            zh_bar::problems(text)
                .into_iter()
                .map(move |p| format!("{at}: {p}: {text}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_message_and_statement_is_written_for_its_reader() {
    let en = Lang::En;
    let r = evaluate(&every_rule("2020-05-12"), en).unwrap();
    let mut texts: Vec<String> = rules(en).iter().map(|r| r.statement.to_string()).collect();
    for f in r.edges.iter().flat_map(|e| &e.findings) {
        texts.push(f.message.clone());
        texts.extend(f.remedies.iter().cloned());
    }
    for t in &texts {
        assert!(!t.chars().any(cjk), "Chinese in English: {t}");
        for bare in ["in United States", "to United States", "in Middle East"] {
            assert!(!t.contains(bare), "{bare}: {t}");
        }
        assert!(!t.contains("  ") && !t.contains(" ."), "spacing: {t}");
    }
    assert!(texts.iter().any(|t| t.contains("in the United States")));
    // Every rule speaks in the network above, in both languages, so each text was read.
    let spoken: std::collections::BTreeSet<&str> = r
        .edges
        .iter()
        .flat_map(|e| e.findings.iter().map(|f| f.rule.as_str()))
        .chain(r.diagram.iter().map(|d| d.rule.as_str()))
        .collect();
    let all: std::collections::BTreeSet<&str> = rules(en).iter().map(|r| r.id).collect();
    assert_eq!(spoken, all);
}

#[test]
fn citations_and_see_also_links_are_in_the_readers_language() {
    for lang in Lang::ALL {
        let tag = lang.pick("/en-us/", "/zh-tw/");
        for r in rules(lang) {
            assert!(r.link.contains(tag), "{}: {}", r.id, r.link);
            assert!(r.see_also.iter().all(|s| s.link.contains(tag)));
        }
        for s in SeeAlso::ALL {
            assert!(s.link(lang).contains(tag) && !s.title(lang).is_empty());
        }
        let r = evaluate(&every_rule("2020-05-12"), lang).unwrap();
        for f in r.edges.iter().flat_map(|e| &e.findings) {
            assert_eq!(f.link, f.rule.link(lang));
            assert_eq!(f.cite, f.rule.cite().text(lang));
        }
    }
    // The guide links these pages where the rules come from.
    let see = |id: &str| {
        rules(Lang::En)
            .into_iter()
            .find(|r| r.id == id)
            .map(|r| r.see_also.iter().map(|s| s.link).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert!(see("MULTIPARTNER.ALLOWED")[0].ends_with("/multipartner"));
    assert!(see("MULTICHANNEL.ALLOWED")[0].ends_with("/multichannel"));
    assert!(see("REGION.CUSTOMER_SAME_REGION")[0].ends_with("/regional-authorization-overview"));
    assert!(see("MPA.REQUIRED")[0].ends_with("/microsoft-partner-agreement"));
    assert!(see("RESELLER_AS_CUSTOMER.SAME_PROVIDER")[0].ends_with("/support-from-microsoft"));
    assert_eq!(see("CHAIN.NEEDS_UPSTREAM").len(), 3);
}
