//! One-click fixes: remedies that are a change to the diagram. The engine proposes them with
//! each finding; the page applies them here, so no rule knowledge lives in the page.

use crate::lang::Lang;
use crate::model::{EdgeKind, Flag, Scenario};
use crate::names::{edge_kind_name, region_phrase};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Fix {
    /// Tick one of a node's flags (sign the MPA, onboard, enroll, meet the requirements).
    SetFlag { node: String, flag: FlagName },
    /// Move a node to another region.
    SetRegion { node: String, region: String },
    /// Give a customer a tenant of its own.
    SetTenant { node: String, tenant: String },
    /// Turn an edge round.
    Reverse { edge: String },
    /// Change what an edge means.
    SetEdgeKind { edge: String, kind: EdgeKind },
    /// Remove an edge.
    RemoveEdge { edge: String },
    /// Have another node sell (or manage): the edge's `from` becomes `from`, its `to` stays.
    SetFrom { edge: String, from: String },
}

/// A flag by its field name, as fixes carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagName {
    MpaSigned,
    Onboarded,
    Enrolled,
    RequirementsMet,
}

impl From<Flag> for FlagName {
    fn from(f: Flag) -> Self {
        match f {
            Flag::MpaSigned => FlagName::MpaSigned,
            Flag::Onboarded => FlagName::Onboarded,
            Flag::Enrolled => FlagName::Enrolled,
            Flag::RequirementsMet => FlagName::RequirementsMet,
        }
    }
}

impl From<FlagName> for Flag {
    fn from(f: FlagName) -> Self {
        match f {
            FlagName::MpaSigned => Flag::MpaSigned,
            FlagName::Onboarded => Flag::Onboarded,
            FlagName::Enrolled => Flag::Enrolled,
            FlagName::RequirementsMet => Flag::RequirementsMet,
        }
    }
}

impl Fix {
    /// Applies the fix; `false` (and no change) when what it names is no longer there.
    pub fn apply(&self, s: &mut Scenario) -> bool {
        let node = |s: &mut Scenario, id: &str| s.nodes.iter_mut().position(|n| n.id == id);
        let edge = |s: &mut Scenario, id: &str| s.edges.iter().position(|e| e.id == id);
        match self {
            Fix::SetFlag { node: id, flag } => match node(s, id) {
                Some(i) if s.nodes[i].kind.has_flag((*flag).into()) => {
                    // Unstated means met, so a fixed flag is simply dropped.
                    s.nodes[i].set_flag((*flag).into(), None);
                    true
                }
                _ => false,
            },
            Fix::SetRegion { node: id, region } => match node(s, id) {
                Some(i) => {
                    s.nodes[i].region = Some(region.clone());
                    true
                }
                None => false,
            },
            Fix::SetTenant { node: id, tenant } => match node(s, id) {
                Some(i) => {
                    s.nodes[i].tenant = Some(tenant.clone());
                    true
                }
                None => false,
            },
            Fix::Reverse { edge: id } => match edge(s, id) {
                Some(i) => {
                    let e = &mut s.edges[i];
                    std::mem::swap(&mut e.from, &mut e.to);
                    true
                }
                None => false,
            },
            Fix::SetEdgeKind { edge: id, kind } => match edge(s, id) {
                Some(i) => {
                    s.edges[i].kind = *kind;
                    true
                }
                None => false,
            },
            Fix::RemoveEdge { edge: id } => match edge(s, id) {
                Some(i) => {
                    s.edges.remove(i);
                    true
                }
                None => false,
            },
            Fix::SetFrom { edge: id, from } => match (edge(s, id), node(s, from)) {
                (Some(i), Some(_)) => {
                    s.edges[i].from = from.clone();
                    true
                }
                _ => false,
            },
        }
    }

    /// What the fix does, said to the user (a button's label), naming nodes as `s` labels
    /// them in the reader's language; a node or edge `s` lacks is named by its ID.
    pub fn describe(&self, s: &Scenario, lang: Lang) -> String {
        let name = |id: &str| s.label_of_in(id, lang).to_string();
        let q = |id: &str| lang.pick(format!("“{}”", name(id)), format!("「{}」", name(id)));
        // An edge by its ends, "“A” → “B”", or by its ID when it is gone.
        let ends = |id: &str| match s.edges.iter().find(|e| e.id == id) {
            Some(e) => format!("{}{}{}", q(&e.from), lang.pick(" → ", "→"), q(&e.to)),
            None => q(id),
        };
        let en = lang == Lang::En;
        match self {
            Fix::SetFlag { node, flag } => {
                let n = name(node);
                match (Flag::from(*flag), en) {
                    (Flag::MpaSigned, true) => format!("Sign the MPA for “{n}”"),
                    (Flag::MpaSigned, false) => format!("為「{n}」簽署 MPA"),
                    (Flag::Onboarded, true) => format!("Onboard “{n}” to Partner Center"),
                    (Flag::Onboarded, false) => format!("讓「{n}」加入合作夥伴中心"),
                    (Flag::Enrolled, true) => format!("Enroll “{n}” as an indirect reseller"),
                    (Flag::Enrolled, false) => format!("將「{n}」註冊為間接轉銷商"),
                    (Flag::RequirementsMet, true) => {
                        format!("Mark “{n}” as meeting the direct bill requirements")
                    }
                    (Flag::RequirementsMet, false) => format!("將「{n}」標示為符合直接帳單需求"),
                }
            }
            Fix::SetRegion { node, region } => {
                let (n, r) = (name(node), region_phrase(region, lang));
                if en {
                    format!("Move “{n}” to {r}")
                } else {
                    format!("將「{n}」移到{r}")
                }
            }
            Fix::SetTenant { node, tenant } => {
                let n = name(node);
                if en {
                    format!("Give “{n}” its own tenant “{tenant}”")
                } else {
                    format!("為「{n}」設定獨立的租用戶「{tenant}」")
                }
            }
            Fix::Reverse { edge } => {
                let e = ends(edge);
                lang.pick(format!("Reverse {e}"), format!("將{e}反轉"))
            }
            Fix::SetEdgeKind { edge, kind } => {
                let (e, k) = (ends(edge), edge_kind_name(*kind, lang));
                lang.pick(format!("Make {e} “{k}”"), format!("將{e}改為「{k}」"))
            }
            Fix::RemoveEdge { edge } => {
                let e = ends(edge);
                lang.pick(format!("Remove {e}"), format!("移除{e}"))
            }
            Fix::SetFrom { edge, from } => {
                let (old, new) = (ends(edge), q(from));
                let to = s
                    .edges
                    .iter()
                    .find(|e| e.id == *edge)
                    .map_or_else(String::new, |e| q(&e.to));
                lang.pick(
                    format!("Replace {old} with {new} → {to}"),
                    format!("將{old}改為{new}→{to}"),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Node, NodeKind};

    fn two_providers() -> Scenario {
        let mut s = Scenario::default();
        for (id, kind, name, zh) in [
            ("p", NodeKind::IndirectProvider, "Contoso", "Contoso 經銷"),
            (
                "q",
                NodeKind::IndirectProvider,
                "Relecloud",
                "Relecloud 經銷",
            ),
            ("r", NodeKind::IndirectReseller, "Tailspin", "Tailspin 玩具"),
        ] {
            let mut n = Node::new(id, kind);
            n.name = Some(name.into());
            n.names = Some(crate::model::Localized {
                en: None,
                zh: Some(zh.into()),
            });
            n.region = Some("europe".into());
            s.nodes.push(n);
        }
        s.edges.push(Edge {
            id: "e1".into(),
            from: "p".into(),
            to: "r".into(),
            kind: EdgeKind::SellsTo,
        });
        s
    }

    #[test]
    fn set_from_moves_an_edge_to_another_seller() {
        let mut s = two_providers();
        let fix = Fix::SetFrom {
            edge: "e1".into(),
            from: "q".into(),
        };
        assert_eq!(
            fix.describe(&s, Lang::En),
            "Replace “Contoso” → “Tailspin” with “Relecloud” → “Tailspin”"
        );
        assert_eq!(
            fix.describe(&s, Lang::ZhTw),
            "將「Contoso 經銷」→「Tailspin 玩具」改為「Relecloud 經銷」→「Tailspin 玩具」"
        );
        assert!(fix.apply(&mut s));
        assert_eq!(
            (s.edges[0].from.as_str(), s.edges[0].to.as_str()),
            ("q", "r")
        );
        let nobody = Fix::SetFrom {
            edge: "e1".into(),
            from: "nobody".into(),
        };
        assert!(!nobody.apply(&mut s));
        assert_eq!(s.edges[0].from, "q");
    }

    #[test]
    fn fixes_name_what_they_change() {
        let s = two_providers();
        let remove = Fix::RemoveEdge { edge: "e1".into() };
        assert_eq!(
            remove.describe(&s, Lang::En),
            "Remove “Contoso” → “Tailspin”"
        );
        assert_eq!(
            remove.describe(&s, Lang::ZhTw),
            "移除「Contoso 經銷」→「Tailspin 玩具」"
        );
        let gone = Fix::Reverse { edge: "e9".into() };
        assert_eq!(gone.describe(&s, Lang::En), "Reverse “e9”");
        let moved = Fix::SetRegion {
            node: "r".into(),
            region: "united_states".into(),
        };
        assert_eq!(
            moved.describe(&s, Lang::En),
            "Move “Tailspin” to the United States"
        );
        assert_eq!(
            moved.describe(&s, Lang::ZhTw),
            "將「Tailspin 玩具」移到美國"
        );
    }
}
