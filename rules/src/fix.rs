//! One-click fixes: remedies that are a change to the diagram. The engine proposes them with
//! each finding; the page applies them here, so no rule knowledge lives in the page.

use crate::model::{EdgeKind, Flag, Scenario};
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
        }
    }
}
