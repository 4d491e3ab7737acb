//! The eight walkthroughs, played step by step against the engine: every action does what it
//! says, every verdict a step points at is the engine's, in both languages.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use csp_rules::walkthrough::{self, Action, EdgeSelector, Step, Walkthrough, WalkthroughError};
use csp_rules::{evaluate, presets, EdgeKind, Lang, Report, Scenario, Verdict};
use std::collections::{BTreeSet, HashSet};

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

fn report(s: &Scenario, lang: Lang) -> Report {
    evaluate(s, lang).unwrap_or_else(|e| panic!("{e}"))
}

/// Every edge as `id verdict [rules]`, for failure messages.
fn trace(r: &Report) -> String {
    r.edges
        .iter()
        .map(|e| {
            let rules: Vec<_> = e.findings.iter().map(|f| f.rule.as_str()).collect();
            format!("{} {} {:?}", e.id, e.verdict.as_str(), rules)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn verdicts(r: &Report) -> Vec<(String, Verdict, Vec<&'static str>)> {
    r.edges
        .iter()
        .map(|e| {
            let rules = e.findings.iter().map(|f| f.rule.as_str()).collect();
            (e.id.clone(), e.verdict, rules)
        })
        .collect()
}

fn preset_scenario(n: u8) -> Scenario {
    presets::get(n).unwrap().scenario().unwrap()
}

/// Phrases that hold a party's name without naming the party.
const NOT_A_PARTY: [&str; 6] = [
    "Microsoft Partner Agreement",
    "Microsoft 合作夥伴合約",
    "Microsoft support",
    "Microsoft 支援",
    "Microsoft or third-party",
    "Microsoft 或協力廠商",
];

/// A party named in a text: where, and which node.
struct Mention {
    start: usize,
    end: usize,
    node: String,
}

/// The first word of a name ("Contoso" of "Contoso Distribution", "Adatum" of
/// "Adatum（作為自己的客戶）"): what a text calls the party for short.
fn short_name(name: &str) -> &str {
    name.split([' ', '(', '（']).next().unwrap_or(name)
}

/// Every party `text` names, in order: by its name in `lang`, or for short by the first word
/// of it (the word several parties share names the one with the shortest name, the
/// organization's own: "Tailspin" is Tailspin Toys, not "Tailspin Toys (CSP tenant)").
fn mentions(text: &str, s: &Scenario, lang: Lang) -> Vec<Mention> {
    let mut text = text.to_string();
    let blank = |t: &mut String, start: usize, len: usize| {
        t.replace_range(start..start + len, &"\0".repeat(len))
    };
    for phrase in NOT_A_PARTY {
        while let Some(i) = text.find(phrase) {
            blank(&mut text, i, phrase.len());
        }
    }
    let mut found = Vec::new();
    let mut names: Vec<(&str, &str)> = s
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.label_in(lang)))
        .collect();
    names.sort_by_key(|(_, name)| std::cmp::Reverse(name.len()));
    for (id, name) in names.iter().filter(|(_, name)| !name.is_empty()) {
        while let Some(i) = text.find(name) {
            found.push(Mention {
                start: i,
                end: i + name.len(),
                node: id.to_string(),
            });
            blank(&mut text, i, name.len());
        }
    }
    names.sort_by_key(|(_, name)| name.len());
    let mut words: Vec<&str> = Vec::new();
    for (id, name) in &names {
        let word = short_name(name);
        if words.contains(&word) {
            continue;
        }
        words.push(word);
        let whole = |i: usize| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        };
        for (i, _) in text.match_indices(word).filter(|(i, _)| whole(*i)) {
            found.push(Mention {
                start: i,
                end: i + word.len(),
                node: id.to_string(),
            });
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

/// The pairs of parties a text joins with an arrow ("remove Contoso → Tailspin Toys").
fn arrows(text: &str, found: &[Mention]) -> Vec<(String, String)> {
    let gap = |t: &str| {
        t.chars()
            .all(|c| matches!(c, ' ' | '“' | '”' | '「' | '」'))
    };
    text.match_indices('→')
        .filter_map(|(i, arrow)| {
            let left = found
                .iter()
                .rev()
                .find(|m| m.end <= i && gap(&text[m.end..i]))?;
            let j = i + arrow.len();
            let right = found
                .iter()
                .find(|m| m.start >= j && gap(&text[j..m.start]))?;
            Some((left.node.clone(), right.node.clone()))
        })
        .collect()
}

/// What a step names in `lang`: the parties its text names, and the edges it joins with an
/// arrow (by their ends, on the diagram before or after the step's change).
fn text_names(step: &Step, lang: Lang, start: &Scenario) -> (BTreeSet<String>, Vec<EdgeSelector>) {
    let text = step.text(lang);
    let found = mentions(text, start, lang);
    let nodes = found.iter().map(|m| m.node.clone()).collect();
    let mut edges = Vec::new();
    for (from, to) in arrows(text, &found) {
        for kind in [EdgeKind::SellsTo, EdgeKind::Manages] {
            edges.push(EdgeSelector::Ends {
                from: from.clone(),
                to: to.clone(),
                kind,
            });
        }
    }
    (nodes, edges)
}

/// Whether `sel` names `e` (every edge it could name, not only the first).
fn selects(sel: &EdgeSelector, e: &csp_rules::Edge) -> bool {
    match sel {
        EdgeSelector::Id(id) => e.id == *id,
        EdgeSelector::Ends { from, to, kind } => e.from == *from && e.to == *to && e.kind == *kind,
    }
}

/// A step lights exactly what it names or asks about: the parties its text names, the edges
/// it joins with an arrow, the change it asks for (the edge to remove is lit until it is
/// gone, the edge to draw once it is there) and the verdicts it points at, each edge with its
/// two ends; checked on the diagram as the step starts and once its change is made.
fn lit_is_named(at: &str, step: &Step, start: &Scenario, done: &Scenario) {
    let (nodes, mut edges) = text_names(step, Lang::En, start);
    let (zh_nodes, zh_edges) = text_names(step, Lang::ZhTw, start);
    assert_eq!(
        nodes, zh_nodes,
        "{at}: the two languages name different parties"
    );
    assert_eq!(
        edges, zh_edges,
        "{at}: the two languages join different parties"
    );
    let mut nodes = nodes;
    edges.extend(step.expect.iter().map(|x| x.edge.clone()));
    match &step.action {
        Some(
            Action::SetFlag { node, .. }
            | Action::SetRegion { node, .. }
            | Action::SetTenant { node, .. },
        ) => {
            nodes.insert(node.clone());
        }
        Some(Action::Connect { from, to, kind } | Action::Disconnect { from, to, kind }) => {
            edges.push(EdgeSelector::Ends {
                from: from.clone(),
                to: to.clone(),
                kind: *kind,
            });
        }
        Some(Action::RemoveEdge { edge }) => edges.push(EdgeSelector::Id(edge.clone())),
        None => {}
    }
    for (when, s) in [("as it starts", start), ("once done", done)] {
        let named_edges: BTreeSet<String> = s
            .edges
            .iter()
            .filter(|e| edges.iter().any(|sel| selects(sel, e)))
            .map(|e| e.id.clone())
            .collect();
        let mut named_nodes = nodes.clone();
        for e in s.edges.iter().filter(|e| named_edges.contains(&e.id)) {
            named_nodes.insert(e.from.clone());
            named_nodes.insert(e.to.clone());
        }
        let lit_nodes: BTreeSet<String> = step.highlight.nodes.iter().cloned().collect();
        let lit_edges: BTreeSet<String> = step.highlight.edge_ids(s).into_iter().collect();
        assert_eq!(
            lit_nodes, named_nodes,
            "{at}, {when}: lit parties (left) against named (right)"
        );
        assert_eq!(
            lit_edges, named_edges,
            "{at}, {when}: lit edges (left) against named (right)"
        );
    }
}

/// Plays a walkthrough as a learner would, checking each step; returns, per step, the report
/// before and after its action.
fn play(w: &Walkthrough) -> Vec<(Report, Report)> {
    let n = w.preset;
    let mut s = preset_scenario(n);
    let preset_edges: HashSet<String> = s.edges.iter().map(|e| e.id.clone()).collect();
    let mut drawn: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, step) in w.steps.iter().enumerate() {
        let at = format!("walkthrough {n}, step {}", i + 1);
        assert_eq!(w.scenario_at(i + 1).as_ref(), Some(&s), "{at}: scenario_at");
        let before = report(&s, Lang::En);
        let start = s.clone();
        if let Some(action) = &step.action {
            assert!(
                !action.done(&s),
                "{at}: {action:?} is done before it is taken"
            );
            let ids: HashSet<String> = s.edges.iter().map(|e| e.id.clone()).collect();
            action.perform(&mut s);
            assert!(
                action.done(&s),
                "{at}: {action:?} is not done once performed"
            );
            let again = s.clone();
            action.perform(&mut s);
            assert_eq!(s, again, "{at}: performing twice changed the diagram");
            drawn.extend(
                s.edges
                    .iter()
                    .filter(|e| !ids.contains(&e.id))
                    .map(|e| e.id.clone()),
            );
        }
        let en = report(&s, Lang::En);
        let zh = report(&s, Lang::ZhTw);
        assert_eq!(verdicts(&en), verdicts(&zh), "{at}: languages disagree");
        for r in [&en, &zh] {
            for x in &step.expect {
                assert!(
                    x.met(&s, r),
                    "{at}: {x:?} not met; the engine says\n{}",
                    trace(r)
                );
            }
        }

        for id in &step.highlight.nodes {
            assert!(s.nodes.iter().any(|nd| nd.id == *id), "{at}: no node {id}");
        }
        let selectors = step
            .highlight
            .edges
            .iter()
            .chain(step.expect.iter().map(|x| &x.edge));
        for sel in selectors {
            assert!(
                sel.find(&s).is_some() || sel.find(&start).is_some(),
                "{at}: {sel:?} names no edge"
            );
            if let EdgeSelector::Id(id) = sel {
                // The editor names a drawn edge as it likes; only the preset's IDs are known.
                assert!(
                    preset_edges.contains(id) && !drawn.contains(id),
                    "{at}: {id} is not a preset edge; name a drawn edge by its ends"
                );
            }
        }
        lit_is_named(&at, step, &start, &s);
        out.push((before, en));
    }
    out
}

fn all() -> Vec<Walkthrough> {
    walkthrough::all().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_preset_has_a_walkthrough_that_loads() {
    let all = all();
    assert_eq!(all.len(), presets::all().len());
    for (w, p) in all.iter().zip(presets::all()) {
        assert_eq!(w.preset, p.number);
        assert_eq!(walkthrough::get(p.number).as_ref(), Ok(w));
        assert!(walkthrough::json(p.number).is_some());
    }
    assert_eq!(walkthrough::get(0), Err(WalkthroughError::NoSuchPreset(0)));
    assert!(walkthrough::json(9).is_none());
}

#[test]
fn every_step_holds_against_the_engine() {
    for w in all() {
        play(&w);
    }
}

#[test]
fn every_walkthrough_has_four_to_eight_steps_and_ends_with_the_conclusion() {
    for w in all() {
        let n = w.preset;
        assert!(
            (4..=8).contains(&w.len()),
            "walkthrough {n}: {} steps",
            w.len()
        );
        let last = w.step(w.len()).unwrap();
        assert!(
            last.action.is_none(),
            "walkthrough {n}: the last step has an action"
        );
        assert_eq!(
            last.title(Lang::En),
            "The guide's conclusion",
            "walkthrough {n}"
        );
        assert_eq!(last.title(Lang::ZhTw), "指南的結論", "walkthrough {n}");
        assert!(w.step(0).is_none() && w.step(w.len() + 1).is_none());
        assert!(w.scenario_at(0).is_none() && w.scenario_at(w.len() + 1).is_none());
        assert!(
            w.steps.iter().any(|s| s.action.is_some()),
            "walkthrough {n}: nothing for the learner to do"
        );
    }
}

#[test]
fn every_text_is_written_in_both_languages() {
    for w in all() {
        for (i, step) in w.steps.iter().enumerate() {
            let at = format!("walkthrough {}, step {}", w.preset, i + 1);
            for lang in Lang::ALL {
                assert!(!step.title(lang).trim().is_empty(), "{at}: title {lang:?}");
                assert!(!step.text(lang).trim().is_empty(), "{at}: text {lang:?}");
            }
            assert!(has_cjk(step.text(Lang::ZhTw)), "{at}: zh-TW text");
            assert!(has_cjk(step.title(Lang::ZhTw)), "{at}: zh-TW title");
            assert!(!has_cjk(step.text(Lang::En)), "{at}: en text has CJK");
            assert!(!has_cjk(step.title(Lang::En)), "{at}: en title has CJK");
            // The guide's machine translation also says 租使用者; the app says 租用戶 throughout.
            assert!(!step.text(Lang::ZhTw).contains("租使用者"), "{at}");
            // One to three sentences.
            let sentences = step.text(Lang::ZhTw).matches('。').count();
            assert!((1..=3).contains(&sentences), "{at}: {sentences} sentences");
            if let Some(a) = &step.action {
                for lang in Lang::ALL {
                    assert!(!a.describe(lang).is_empty(), "{at}");
                }
                assert!(has_cjk(&a.describe(Lang::ZhTw)), "{at}");
            }
        }
    }
}

#[test]
fn the_guides_terms_are_used_in_traditional_chinese() {
    let text: String = all()
        .iter()
        .flat_map(|w| w.steps.iter().map(|s| s.text(Lang::ZhTw).to_string()))
        .collect();
    for term in [
        "間接提供者",
        "間接轉銷商",
        "直接帳單合作夥伴",
        "終端客戶",
        "Microsoft 合作夥伴合約（MPA）",
        "合作夥伴中心",
        "租用戶",
        "地區",
    ] {
        assert!(text.contains(term), "{term}");
    }
}

#[test]
fn scenario_1_breaks_the_two_tier_chain_by_unticking_the_mpa_and_mends_it() {
    let w = walkthrough::get(1).unwrap();
    let steps: Vec<_> = w.steps.iter().filter_map(|s| s.action.as_ref()).collect();
    let flag = |value| Action::SetFlag {
        node: "litware".into(),
        flag: csp_rules::FlagName::MpaSigned,
        value,
    };
    assert_eq!(steps, [&flag(false), &flag(true)]);
    let untick = w
        .steps
        .iter()
        .find(|s| s.action == Some(flag(false)))
        .unwrap();
    let e4 = untick
        .expect
        .iter()
        .find(|x| x.edge == EdgeSelector::Id("e4".into()))
        .unwrap();
    assert_eq!(e4.verdict, Verdict::Blocked);
    let rules: Vec<_> = e4.rules.iter().map(|r| r.as_str()).collect();
    assert_eq!(rules, ["MPA.REQUIRED", "RESELLER.READY"]);
}

#[test]
fn scenario_6_walks_through_all_three_options_each_ending_in_an_allowed_purchase() {
    let w = walkthrough::get(6).unwrap();
    let reports = play(&w);
    for k in 1..=3 {
        let (en, zh) = (format!("Option {k}"), format!("選項 {k}"));
        let (i, step) = w
            .steps
            .iter()
            .enumerate()
            .find(|(_, s)| {
                s.title(Lang::En).starts_with(&en) && s.title(Lang::ZhTw).starts_with(&zh)
            })
            .unwrap_or_else(|| panic!("no step for option {k}"));
        // The step ends with a purchase by Tailspin's organization allowed, and says so.
        let purchase = step
            .expect
            .iter()
            .find(|x| matches!(&x.edge, EdgeSelector::Id(id) if id == "e4" || id == "e5"))
            .unwrap_or_else(|| panic!("option {k} points at no purchase"));
        assert_eq!(purchase.verdict, Verdict::Allowed, "option {k}");
        let EdgeSelector::Id(id) = &purchase.edge else {
            unreachable!()
        };
        let after = &reports[i].1;
        assert_eq!(
            after.edges.iter().find(|e| e.id == *id).map(|e| e.verdict),
            Some(Verdict::Allowed),
            "option {k}"
        );
        let last = w.step(w.len()).unwrap();
        assert!(
            last.text(Lang::En).contains(&format!("({k})")) && last.text(Lang::ZhTw).contains(&zh),
            "the conclusion doesn't give option {k}"
        );
    }
    let actions: Vec<_> = w.steps.iter().filter_map(|s| s.action.as_ref()).collect();
    // Option 2 ends the reseller relationship with Contoso; option 3 sets it up with
    // Relecloud, a different provider; nothing draws Contoso → Tailspin again.
    assert_eq!(
        actions,
        [
            &Action::Disconnect {
                from: "contoso".into(),
                to: "tailspin".into(),
                kind: EdgeKind::SellsTo
            },
            &Action::Connect {
                from: "relecloud".into(),
                to: "tailspin".into(),
                kind: EdgeKind::SellsTo
            },
        ]
    );
    // The guide doesn't say every option needs a customer-type tenant; options 2 and 3 work
    // in the reseller's own tenant, and the walkthrough doesn't say otherwise.
    for step in &w.steps {
        assert!(
            !step.text(Lang::En).contains("whichever option"),
            "{}",
            step.text(Lang::En)
        );
    }
    // The option 2 step keeps the guide's point: its own subscriptions from another partner.
    assert!(w
        .steps
        .iter()
        .any(|s| s.title(Lang::En).starts_with("Option 2")
            && s.text(Lang::En).contains("from a different CSP partner")));
}

#[test]
fn every_step_cites_a_section_of_the_guide_with_its_link() {
    for w in all() {
        for k in 1..=w.len() {
            let cite = w.cite(k).unwrap();
            for lang in Lang::ALL {
                assert!(!cite.text(lang).is_empty() && !cite.section().title(lang).is_empty());
                assert!(cite.link(lang).starts_with("https://learn.microsoft.com/"));
                assert!(cite.label(lang).contains(csp_rules::GUIDE_VERSION));
            }
        }
        assert_eq!(w.cite(0), None);
    }
    // The steps about the MPA cite the guide's MPA section; the others their scenario.
    let w = walkthrough::get(1).unwrap();
    let mpa: Vec<usize> = (1..=w.len())
        .filter(|&k| w.cite(k).map(|c| c.section()) == Some(csp_rules::Section::Mpa))
        .collect();
    assert_eq!(mpa, [3, 4]);
    assert_eq!(
        walkthrough::get(6)
            .unwrap()
            .cite(4)
            .map(|c| c.text(Lang::En)),
        Some("Example scenario 6".to_string())
    );
}

#[test]
fn scenarios_7_and_8_flip_a_verdict_both_ways_by_moving_a_node() {
    for n in [7, 8] {
        let w = walkthrough::get(n).unwrap();
        let reports = play(&w);
        let (mut to_allowed, mut to_blocked) = (false, false);
        for (step, (before, after)) in w.steps.iter().zip(&reports) {
            if !matches!(step.action, Some(Action::SetRegion { .. })) {
                continue;
            }
            for x in &step.expect {
                let EdgeSelector::Id(id) = &x.edge else {
                    continue;
                };
                let was = before.edges.iter().find(|e| e.id == *id).unwrap().verdict;
                let now = after.edges.iter().find(|e| e.id == *id).unwrap().verdict;
                assert_eq!(now, x.verdict);
                to_allowed |= was == Verdict::Blocked && now == Verdict::Allowed;
                to_blocked |= was == Verdict::Allowed && now == Verdict::Blocked;
            }
        }
        assert!(
            to_allowed && to_blocked,
            "walkthrough {n}: no flip both ways"
        );
    }
}

#[test]
fn actions_on_missing_things_do_nothing() {
    let empty = Scenario::default();
    for w in all() {
        for a in w.steps.iter().filter_map(|s| s.action.as_ref()) {
            let mut s = empty.clone();
            a.perform(&mut s);
            assert_eq!(s, empty, "{a:?}");
            let removes = matches!(a, Action::Disconnect { .. } | Action::RemoveEdge { .. });
            assert_eq!(a.done(&s), removes, "{a:?}");
        }
    }
}

#[test]
fn show_me_draws_what_the_editor_would_and_describes_it_by_name() {
    let mut s = preset_scenario(2);
    let connect = Action::Connect {
        from: "litware".into(),
        to: "fabrikam".into(),
        kind: EdgeKind::SellsTo,
    };
    Action::RemoveEdge { edge: "e5".into() }.perform(&mut s);
    connect.perform(&mut s);
    assert_eq!(s.edges.last().map(|e| e.id.as_str()), Some("e5"));
    assert_eq!(
        connect.describe_in(&s, Lang::En),
        "Connect “Litware” to “Fabrikam” (“sells to”)."
    );
    assert_eq!(
        connect.describe(Lang::ZhTw),
        "將「litware」連接到「fabrikam」（「銷售給」）。"
    );

    // A tenant "other than" gets a fresh one nobody uses.
    let mut s = preset_scenario(6);
    let a = Action::SetTenant {
        node: "tailspin-buy".into(),
        tenant: None,
        not: Some("tailspin-csp".into()),
    };
    a.perform(&mut s);
    let n = s.nodes.iter().find(|n| n.id == "tailspin-buy").unwrap();
    assert_eq!(n.tenant(), "tailspin-customer");
    // Ticking a flag writes it as unstated, which means met.
    let mut s = preset_scenario(1);
    let untick = Action::SetFlag {
        node: "litware".into(),
        flag: csp_rules::FlagName::MpaSigned,
        value: false,
    };
    untick.perform(&mut s);
    let tick = Action::SetFlag {
        node: "litware".into(),
        flag: csp_rules::FlagName::MpaSigned,
        value: true,
    };
    tick.perform(&mut s);
    assert_eq!(s, preset_scenario(1));
    // A flag the node's kind doesn't have is never done and never written.
    let wrong = Action::SetFlag {
        node: "fabrikam".into(),
        flag: csp_rules::FlagName::MpaSigned,
        value: false,
    };
    wrong.perform(&mut s);
    assert!(!wrong.done(&s));
    assert_eq!(s, preset_scenario(1));
}

#[test]
fn a_text_names_parties_by_name_or_for_short_and_edges_by_arrows() {
    let s = preset_scenario(6);
    let names = |text: &str, lang| {
        let found = mentions(text, &s, lang);
        let nodes: Vec<String> = found.iter().map(|m| m.node.clone()).collect();
        (nodes, arrows(text, &found))
    };
    let (nodes, joined) = names(
        "Remove Contoso → Tailspin Toys; Tailspin Toys (CSP tenant) asks Microsoft support.",
        Lang::En,
    );
    assert_eq!(nodes, ["contoso", "tailspin", "tailspin-buy"]);
    assert_eq!(joined, [("contoso".to_string(), "tailspin".to_string())]);
    let (nodes, joined) = names(
        "移除 Contoso → Tailspin 玩具；Tailspin 也向 Microsoft 購買。",
        Lang::ZhTw,
    );
    assert_eq!(nodes, ["contoso", "tailspin", "tailspin", "ms"]);
    assert_eq!(joined.len(), 1);
    // A word inside another is no name, nor is a name without an arrow between the two.
    let (nodes, joined) = names("Contosoish Wingtip, then Relecloud.", Lang::En);
    assert_eq!(nodes, ["wingtip", "relecloud"]);
    assert!(joined.is_empty());
}
