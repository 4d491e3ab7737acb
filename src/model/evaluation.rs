//! The engine's answer for the diagram, computed once per rules' revision and language:
//! positions are not part of the key, so dragging a node never re-evaluates.

use csp_rules::{evaluate, Lang, Report, Scenario, ScenarioError, Verdict};
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
