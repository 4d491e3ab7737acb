//! The engine's answer for the diagram, computed once per rules' revision and language:
//! positions are not part of the key, so dragging a node never re-evaluates.

use csp_rules::{evaluate, EdgeReport, Lang, Report, Scenario, ScenarioError, Verdict};
use std::rc::Rc;

/// What the evaluation depends on: the rules' revision of the scenario and the language.
#[derive(Debug)]
pub struct EvalKey {
    pub rev: u64,
    pub lang: Lang,
    pub scenario: Rc<Scenario>,
}

impl PartialEq for EvalKey {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev && self.lang == other.lang
    }
}

/// The edges of `r` that have findings, with their index in it: blocked first, otherwise in
/// the file's order, as the findings list, the handout and a picture's caption list them.
pub fn with_findings(r: &Report) -> Vec<(usize, &EdgeReport)> {
    let mut edges: Vec<_> = r
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.findings.is_empty())
        .collect();
    edges.sort_by_cached_key(|(_, e)| u64::from(e.verdict != Verdict::Blocked));
    edges
}

/// The engine's answer for the current scenario.
#[derive(Debug)]
pub struct Evaluation {
    /// The scenario as judged: the current one but for node positions. Panels that show
    /// findings take this one, so dragging a node does not re-render them.
    pub scenario: Rc<Scenario>,
    pub report: Result<Rc<Report>, ScenarioError>,
    /// Each edge's verdict, in the scenario's order (the report's); empty when it can't be
    /// judged.
    pub verdicts: Rc<Vec<Verdict>>,
}

impl Evaluation {
    pub fn new(key: &EvalKey) -> Evaluation {
        match evaluate(&key.scenario, key.lang) {
            Ok(report) => Evaluation {
                scenario: key.scenario.clone(),
                verdicts: Rc::new(report.edges.iter().map(|e| e.verdict).collect()),
                report: Ok(Rc::new(report)),
            },
            Err(e) => Evaluation {
                scenario: key.scenario.clone(),
                report: Err(e),
                verdicts: Rc::default(),
            },
        }
    }

    /// The report, when the diagram can be judged.
    pub fn report(&self) -> Option<&Rc<Report>> {
        self.report.as_ref().ok()
    }
}

#[cfg(test)]
#[allow(clippy::panic)] // a failing test panics
mod tests {
    use super::*;
    use csp_rules::presets;

    #[test]
    fn edges_with_findings_are_listed_blocked_first_then_in_the_files_order() {
        let mut mixed = 0;
        for p in presets::all() {
            let r = p
                .read(p.json)
                .ok()
                .and_then(|s| evaluate(&s, Lang::En).ok());
            let Some(r) = r else {
                panic!("preset {} can't be judged", p.number);
            };
            let listed = with_findings(&r);
            let blocked = |i: usize| r.edges[i].verdict == Verdict::Blocked;
            let mut want: Vec<usize> = (0..r.edges.len())
                .filter(|&i| !r.edges[i].findings.is_empty())
                .collect();
            want.sort_by_key(|&i| !blocked(i));
            let got: Vec<usize> = listed.iter().map(|&(i, _)| i).collect();
            assert_eq!(got, want, "preset {}", p.number);
            assert!(listed.iter().all(|&(i, e)| std::ptr::eq(e, &r.edges[i])));
            mixed +=
                usize::from(want.iter().any(|&i| blocked(i)) && want.iter().any(|&i| !blocked(i)));
        }
        assert!(
            mixed > 0,
            "no preset has both blocked and allowed edges with findings"
        );
    }
}
