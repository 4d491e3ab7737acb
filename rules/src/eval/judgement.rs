//! A scenario judged: every edge's verdict decided, each edge's findings written only when
//! asked for. Serializing a [`Judgement`] writes the report (interfaces.md §2) edge by edge,
//! the same bytes as serializing the [`Report`] it stands for, while holding one edge's
//! findings at a time: the CLI streams a report of any size in the memory of its indices.

use super::{chain, customers, diagram, local, Cx, EdgeRef, Tier};
use crate::catalogue::{RuleId, Severity};
use crate::lang::Lang;
use crate::parse::Checked;
use crate::report::{EdgeReport, Finding, Report, Summary, Verdict};
use crate::view::ScenarioView;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

fn blocks(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Block)
}

/// A scenario's verdicts, and the means to write its findings.
#[derive(Debug)]
pub struct Judgement<'a> {
    cx: Cx<'a>,
    as_of: String,
    /// Which sellers an allowed sale from the tier above supplies.
    supplied: Vec<bool>,
    verdicts: Vec<Verdict>,
    summary: Summary,
}

impl<'a> Judgement<'a> {
    /// Decides every verdict, writing no text: the rules run once with `Cx::quiet` set.
    pub(crate) fn new(s: &'a ScenarioView<'a>, checked: &'a Checked, lang: Lang) -> Self {
        let cx = Cx::new(s, &checked.ends, checked.as_of, lang);
        cx.quiet.set(true);
        let mut blocked: Vec<bool> = cx.edges().map(|e| blocks(&local(&cx, &e))).collect();

        // Supply flows down the chain; a seller is supplied by an allowed sale into it from
        // the tier above, so each tier is settled before the next is judged. A sale by a
        // seller nothing supplies is blocked (`CHAIN.NEEDS_UPSTREAM`).
        let mut supplied = vec![false; s.nodes.len()];
        for tier in [Tier::Microsoft, Tier::Provider, Tier::Reseller] {
            for e in cx.edges() {
                if e.sells() && Tier::of(e.from.kind) == Some(tier) {
                    if tier != Tier::Microsoft && !supplied[e.fi] {
                        blocked[e.i] = true;
                    }
                    if tier.supplies(e.to.kind) && !blocked[e.i] {
                        supplied[e.ti] = true;
                    }
                }
            }
        }
        cx.quiet.set(false);

        let mut summary = Summary::default();
        let verdicts = blocked
            .into_iter()
            .map(|b| {
                if b {
                    summary.blocked += 1;
                    Verdict::Blocked
                } else {
                    summary.allowed += 1;
                    Verdict::Allowed
                }
            })
            .collect();
        Judgement {
            as_of: checked.as_of.to_string(),
            cx,
            supplied,
            verdicts,
            summary,
        }
    }

    /// Every finding of one edge, in the report's order: what its rules say, then whether
    /// the tier above supplies its seller, then (for an allowed sale) the own-use note.
    fn findings(&self, e: &EdgeRef) -> Vec<Finding> {
        let cx = &self.cx;
        let mut findings = local(cx, e);
        let tier = Tier::of(e.from.kind);
        if e.sells() && tier.is_some_and(|t| t != Tier::Microsoft) && !self.supplied[e.fi] {
            findings.push(chain::needs_upstream(cx, e));
        }
        // Where scenario 6 decides, the own-use finding is already there as advice.
        let own_use = |f: &Finding| f.rule == RuleId::OwnUseSeparateTenant;
        if !blocks(&findings) && !findings.iter().any(own_use) {
            if let Some(f) = customers::own_use_info(cx, e) {
                findings.push(f);
            }
        }
        by_rule(&mut findings);
        findings
    }

    fn edge_report(&self, e: &EdgeRef) -> EdgeReport {
        EdgeReport {
            id: e.edge.id.to_string(),
            verdict: self.verdicts[e.i],
            findings: self.findings(e),
        }
    }

    /// Each edge's verdict, in file order.
    pub fn verdicts(&self) -> &[Verdict] {
        &self.verdicts
    }

    /// How many edges are allowed and how many blocked.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// The whole report, held in memory (the page's; the CLI serializes `self` instead).
    pub fn report(&self) -> Report {
        Report {
            version: 1,
            as_of: self.as_of.clone(),
            edges: self.cx.edges().map(|e| self.edge_report(&e)).collect(),
            diagram: diagram::findings(&self.cx, &self.verdicts).collect(),
            summary: self.summary,
        }
    }

    /// How many findings of each rule, in catalogue order (edges and diagram together), as
    /// [`Report::counts_by_rule`] counts them; found without writing any text.
    pub fn counts_by_rule(&self) -> Vec<(RuleId, usize)> {
        self.cx.quiet.set(true);
        let mut counts = [0usize; RuleId::ALL.len()];
        for e in self.cx.edges() {
            for f in self.findings(&e) {
                counts[f.rule as usize] += 1;
            }
        }
        for d in diagram::findings(&self.cx, &self.verdicts) {
            counts[d.rule as usize] += 1;
        }
        self.cx.quiet.set(false);
        RuleId::ALL
            .iter()
            .map(|&r| (r, counts[r as usize]))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// The edges of the report, each written as it is reached.
struct Edges<'j, 'a>(&'j Judgement<'a>);

impl Serialize for Edges<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let j = self.0;
        s.collect_seq(j.cx.edges().map(|e| j.edge_report(&e)))
    }
}

/// The diagram-wide findings, each written as it is reached.
struct Diagram<'j, 'a>(&'j Judgement<'a>);

impl Serialize for Diagram<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(diagram::findings(&self.0.cx, &self.0.verdicts))
    }
}

/// The report, as `Report`'s own `Serialize` writes it, field for field.
impl Serialize for Judgement<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut report = s.serialize_struct("Report", 5)?;
        report.serialize_field("version", &1u32)?;
        report.serialize_field("as_of", &self.as_of)?;
        report.serialize_field("edges", &Edges(self))?;
        report.serialize_field("diagram", &Diagram(self))?;
        report.serialize_field("summary", &self.summary)?;
        report.end()
    }
}

/// Sorts an edge's findings by rule, stably, in place. An edge has a few at most (one a
/// rule), so an insertion sort: no allocation, and one copy fewer of the library's sort in
/// the wasm.
fn by_rule(findings: &mut [Finding]) {
    for i in 1..findings.len() {
        let mut j = i;
        while j > 0 && findings[j - 1].rule > findings[j].rule {
            findings.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::by_rule;
    use crate::{Finding, RuleId, Severity};

    fn finding(rule: RuleId, message: &str) -> Finding {
        Finding {
            rule,
            severity: Severity::Info,
            message: message.into(),
            cite: String::new(),
            link: "",
            remedies: Vec::new(),
            fixes: Vec::new(),
        }
    }

    #[test]
    fn findings_sort_by_rule_keeping_the_order_of_equal_rules() {
        let mut all = RuleId::ALL.to_vec();
        all.reverse();
        let mut findings: Vec<Finding> = all.iter().map(|&r| finding(r, "a")).collect();
        findings.insert(1, finding(all[0], "b"));
        by_rule(&mut findings);
        let got: Vec<(RuleId, &str)> = findings
            .iter()
            .map(|f| (f.rule, f.message.as_str()))
            .collect();
        let mut want: Vec<(RuleId, &str)> = all.iter().map(|&r| (r, "a")).collect();
        want.sort_by_key(|&(r, _)| r);
        want.push((all[0], "b"));
        assert_eq!(got, want);
    }
}
