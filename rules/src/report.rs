//! The report (interfaces.md §2): one verdict per edge, in file order, plus diagram-wide
//! findings. Field order is fixed, so the same scenario always gives the same bytes.

use crate::catalogue::{RuleId, Severity};
use crate::fix::Fix;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Allowed,
    Blocked,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allowed => "allowed",
            Verdict::Blocked => "blocked",
        }
    }
}

/// Why an edge is judged as it is: one rule that applies to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub message: String,
    pub cite: String,
    /// Extension: the cited section of the guide on Microsoft Learn, in the report's language.
    pub link: &'static str,
    pub remedies: Vec<String>,
    /// Extension: remedies that are a change to the diagram, ready to apply.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeReport {
    pub id: String,
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
}

/// A finding about the diagram as a whole rather than one edge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiagramFinding {
    pub rule: RuleId,
    pub severity: Severity,
    pub nodes: Vec<String>,
    /// Extension: the edges concerned (for `DIAGRAM.DUPLICATE_EDGE`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<String>,
    pub message: String,
    pub cite: String,
    /// Extension: as [`Finding::link`].
    pub link: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub allowed: usize,
    pub blocked: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub version: u32,
    pub as_of: String,
    pub edges: Vec<EdgeReport>,
    pub diagram: Vec<DiagramFinding>,
    pub summary: Summary,
}

impl Report {
    /// The report as compact JSON.
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers can't fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// How many findings of each rule, in catalogue order (edges and diagram together).
    pub fn counts_by_rule(&self) -> Vec<(RuleId, usize)> {
        let mut counts = [0usize; RuleId::ALL.len()];
        let edge_rules = self
            .edges
            .iter()
            .flat_map(|e| e.findings.iter().map(|f| f.rule));
        for rule in edge_rules.chain(self.diagram.iter().map(|d| d.rule)) {
            counts[rule as usize] += 1;
        }
        RuleId::ALL
            .iter()
            .map(|&r| (r, counts[r as usize]))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}
