//! What the engine says about its own rules and input, so a front end can show it without
//! knowing it: what an ID may be, the dates a verdict depends on, each
//! kind's tier in the supply chain, and whether a rule judges relationships or the diagram.
//! The page writes none of this itself.

use crate::catalogue::RuleId;
use crate::eval::MPA_DATE;
use crate::lang::Lang;
use crate::model::{NodeKind, Scenario, DEFAULT_AS_OF};

/// What a node or edge ID may be made of, as a hint beside an ID field.
pub fn id_grammar(lang: Lang) -> &'static str {
    lang.pick(
        "1–64 letters, digits, '-', '_', '.'",
        "1 到 64 個英文字母、數字、「-」、「_」、「.」",
    )
}

/// The dates the rules read from `as_of`: the guide's own, which a scenario without one is
/// judged at, and the day from which the MPA is required.
pub fn dates_note(lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "the guide's date, {DEFAULT_AS_OF}. Before {MPA_DATE} the MPA is not yet required."
        ),
        Lang::ZhTw => format!("指南的日期 {DEFAULT_AS_OF}。{MPA_DATE} 之前尚未要求簽署 MPA。"),
    }
}

impl NodeKind {
    /// Its level in the supply chain, from the top: Microsoft 0, indirect providers and
    /// direct bill partners 1, indirect resellers 2, customers 3. Goods flow down it.
    pub fn tier(self) -> usize {
        match self {
            NodeKind::Microsoft => 0,
            NodeKind::IndirectProvider | NodeKind::DirectBillPartner => 1,
            NodeKind::IndirectReseller => 2,
            NodeKind::Customer => 3,
        }
    }
}

/// What a rule's findings are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One relationship: its findings are in the edge's report.
    Edge,
    /// The diagram as a whole: its findings are the report's `diagram` list.
    Diagram,
}

impl RuleId {
    pub fn scope(self) -> Scope {
        match self {
            RuleId::DiagramOneMicrosoft
            | RuleId::DiagramDuplicateEdge
            | RuleId::DiagramUnservedCustomer => Scope::Diagram,
            _ => Scope::Edge,
        }
    }
}

impl Scenario {
    /// The first unused edge ID of the form `e1`, `e2`…: the editor's new edges and a
    /// walkthrough's "show me" get the same ones.
    pub fn fresh_edge_id(&self) -> String {
        let used: std::collections::HashSet<&str> =
            self.edges.iter().map(|e| e.id.as_str()).collect();
        (1..=self.edges.len() + 1)
            .map(|n| format!("e{n}"))
            .find(|id| !used.contains(id.as_str()))
            .unwrap_or_else(|| "e".to_string())
    }
}

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Severity;
    use crate::model::{Edge, EdgeKind, Node};
    use crate::{evaluate, parse, presets, Verdict};

    #[test]
    fn names_are_quoted_as_the_reports_quote_them() {
        assert_eq!(Lang::En.quote("Litware"), "“Litware”");
        assert_eq!(Lang::ZhTw.quote("Litware"), "「Litware」");
        let Some(s) = presets::get(7).and_then(|p| p.scenario().ok()) else {
            panic!("preset 7 loads");
        };
        for lang in Lang::ALL {
            let r = evaluate(&s, lang).map_err(|e| e.line(lang));
            let blocked = r
                .iter()
                .flat_map(|r| &r.edges)
                .find(|e| e.verdict == Verdict::Blocked);
            let message = blocked
                .and_then(|e| e.findings.first())
                .map(|f| f.message.clone());
            let quoted = lang.quote(s.label_of_in("woodgrove", lang));
            assert!(message.is_some_and(|m| m.contains(&quoted)), "{lang:?}");
        }
    }

    #[test]
    fn the_id_grammar_is_what_the_reader_accepts() {
        let with_id = |id: &str| {
            let mut s = Scenario::default();
            s.nodes.push(Node::new(id, NodeKind::Microsoft));
            parse::validate(&s).is_ok()
        };
        assert!(with_id(&"a".repeat(64)) && with_id("a-b_c.9"));
        assert!(!with_id(&"a".repeat(65)) && !with_id("") && !with_id("a b"));
        assert!(id_grammar(Lang::En).starts_with("1–64 ") && id_grammar(Lang::En).contains("'_'"));
        assert!(id_grammar(Lang::ZhTw).starts_with("1 到 64 "));
    }

    #[test]
    fn the_dates_note_names_the_dates_the_rules_use() {
        assert_eq!(
            dates_note(Lang::En),
            "the guide's date, 2020-05-12. Before 2020-02-01 the MPA is not yet required."
        );
        assert_eq!(
            dates_note(Lang::ZhTw),
            "指南的日期 2020-05-12。2020-02-01 之前尚未要求簽署 MPA。"
        );
        // Before the MPA date an unsigned partner is not blocked for it.
        let json = |as_of: &str| {
            format!(
                r#"{{"version":1,"as_of":"{as_of}","nodes":[{{"id":"ms","kind":"microsoft"}},
                {{"id":"d","kind":"direct_bill_partner","region":"europe","mpa_signed":false}}],
                "edges":[{{"id":"e1","from":"ms","to":"d","kind":"sells_to"}}]}}"#
            )
        };
        let verdict = |as_of: &str| {
            crate::check(json(as_of).as_bytes(), Lang::En).map(|r| r.edges[0].verdict)
        };
        assert_eq!(verdict("2020-01-31"), Ok(Verdict::Allowed));
        assert_eq!(verdict(&MPA_DATE.to_string()), Ok(Verdict::Blocked));
    }

    #[test]
    fn tiers_run_down_the_chain_every_preset_sells_along() {
        let order: Vec<usize> = NodeKind::ALL.iter().map(|k| k.tier()).collect();
        assert_eq!(order, [0, 1, 2, 1, 3]);
        for p in presets::all() {
            let Ok(s) = p.scenario() else {
                panic!("preset {} loads", p.number);
            };
            let Ok(r) = evaluate(&s, Lang::En) else {
                panic!("preset {} evaluates", p.number);
            };
            for (e, er) in s.edges.iter().zip(&r.edges) {
                let tier = |id: &str| s.node(id).map(|n| n.kind.tier());
                if e.kind == EdgeKind::SellsTo && er.verdict == Verdict::Allowed {
                    assert!(tier(&e.from) < tier(&e.to), "preset {} {}", p.number, e.id);
                }
            }
        }
    }

    #[test]
    fn only_the_diagram_rules_are_about_the_diagram() {
        let Some(s) = presets::get(1).and_then(|p| p.scenario().ok()) else {
            panic!("preset 1 loads");
        };
        let mut s = s;
        // A second Microsoft and a customer nobody serves: diagram-wide findings.
        s.nodes.push(Node::new("ms2", NodeKind::Microsoft));
        let mut lonely = Node::new("lonely", NodeKind::Customer);
        lonely.region = Some("europe".into());
        s.nodes.push(lonely);
        let Ok(r) = evaluate(&s, Lang::En) else {
            panic!("it evaluates");
        };
        assert!(!r.diagram.is_empty());
        assert!(r.diagram.iter().all(|d| d.rule.scope() == Scope::Diagram));
        let edge_rules = r.edges.iter().flat_map(|e| &e.findings).map(|f| f.rule);
        assert!(edge_rules
            .into_iter()
            .all(|rule| rule.scope() == Scope::Edge));
        let blocking_edge_rules = RuleId::ALL
            .iter()
            .filter(|r| r.scope() == Scope::Edge && r.severity() == Severity::Block)
            .count();
        assert!(blocking_edge_rules >= 4);
    }

    #[test]
    fn fresh_edge_ids_fill_the_first_gap() {
        let mut s = Scenario::default();
        assert_eq!(s.fresh_edge_id(), "e1");
        for id in ["e1", "e3"] {
            s.edges.push(Edge {
                id: id.into(),
                from: "a".into(),
                to: "b".into(),
                kind: EdgeKind::SellsTo,
            });
        }
        assert_eq!(s.fresh_edge_id(), "e2");
    }
}
