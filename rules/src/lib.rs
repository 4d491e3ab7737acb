//! The rules of Microsoft's guide "Supported CSP partner relationships", as a pure engine:
//! no I/O and no web dependency, so the same code runs in the `csp-rules` CLI, in the page
//! (compiled to WebAssembly) and behind the page's JavaScript API.
//!
//! - [`parse`] reads a scenario file (interfaces.md §1) and reports the first problem with
//!   its place; [`evaluate`] judges it into a [`Report`] (§2). [`Borrowed`] reads a file for
//!   judging alone, and its [`Judgement`] serializes into the same report edge by edge, for
//!   networks too large to hold a report of.
//! - Every rule of `rules.md` is a [`RuleId`]; its check is one function in `eval/`.
//! - [`share`] encodes a scenario as the page's share-link fragment; [`presets`] are the
//!   guide's eight example scenarios.
//! - [`guide`] says where the guide lives: every citation's section and link on Microsoft
//!   Learn, in the reader's language.
//! - [`picture`] carries a scenario inside an SVG picture and reads it back;
//!   [`slice()`] cuts the part of a network around one party that judges as the whole;
//!   [`glossary()`] maps the guide's Chinese terms to the tool's.

mod catalogue;
mod describe;
mod error;
mod eval;
mod fix;
mod glossary;
pub mod guide;
mod hash;
mod json_path;
mod lang;
mod model;
mod names;
mod parse;
pub mod picture;
pub mod presets;
mod report;
pub mod share;
mod slice;
pub mod tagged;
mod view;
pub mod walkthrough;

pub use catalogue::{rules, Cite, RuleId, RuleInfo, Severity};
pub use describe::{dates_note, id_grammar, Scope};
pub use error::{quoted, Limit, LinkFault, Place, Problem, ScenarioError, ECHO_MAX};
pub use eval::{evaluate, Judgement, MPA_DATE};
pub use fix::{Fix, FlagName};
pub use glossary::{glossary, Term, GLOSSARY};
pub use guide::{guide_link, Link, Section, SeeAlso, GUIDE_TITLE, GUIDE_VERSION};
pub use lang::{Lang, Text};
pub use model::{
    Date, Edge, EdgeKind, Flag, Localized, Node, NodeKind, Scenario, CSP_REGIONS, DEFAULT_AS_OF,
};
pub use names::{
    edge_kind_name, flag_name, flag_step, kind_name, region_help, region_name, region_phrase,
};
pub use parse::{parse, parse_bytes, validate};
pub use report::{DiagramFinding, EdgeReport, Finding, Report, Summary, Verdict};
pub use slice::slice;

/// The version of this engine (and of the app and CLI built with it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Parses and evaluates a scenario file in one step.
pub fn check(json: &[u8], lang: Lang) -> Result<Report, ScenarioError> {
    check_keeping(json, lang).map(|(_, report)| report)
}

/// As [`check`], also handing back the parsed scenario (the CLI ends without freeing either:
/// at 250,000 edges, freeing their strings one by one is a measurable part of a run).
pub fn check_keeping(json: &[u8], lang: Lang) -> Result<(Scenario, Report), ScenarioError> {
    Validated::read(json).map(|v| v.evaluate(lang))
}

/// A scenario file read and validated, not yet judged: [`check`] in two steps, for a caller
/// that shows progress between them (the page's network audit).
#[derive(Debug)]
pub struct Validated {
    scenario: Scenario,
    checked: parse::Checked,
}

impl Validated {
    /// Reads and validates a scenario file, as [`check`] does.
    pub fn read(json: &[u8]) -> Result<Validated, ScenarioError> {
        let (scenario, checked) = parse::parse_checked(json)?;
        Ok(Validated { scenario, checked })
    }

    /// The scenario as read.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Judges it: the scenario and its report, the same as [`check_keeping`] gives.
    pub fn evaluate(self, lang: Lang) -> (Scenario, Report) {
        let report = eval::evaluate_checked(&self.scenario, &self.checked, lang);
        (self.scenario, report)
    }
}

/// A scenario file read for judging alone (the CLI's `check`): its text borrowed from the
/// file where serde allows, nothing kept that judging doesn't use. The same checks and the
/// same errors as [`Validated::read`] and [`parse_bytes`], copying no text.
#[derive(Debug)]
pub struct Borrowed<'a> {
    view: view::ScenarioView<'a>,
    checked: parse::Checked,
}

impl<'a> Borrowed<'a> {
    /// Reads and validates a scenario file, as [`check`] does.
    pub fn read(json: &'a [u8]) -> Result<Borrowed<'a>, ScenarioError> {
        let (view, checked) = parse::parse_view(json)?;
        Ok(Borrowed { view, checked })
    }

    /// How many edges it has.
    pub fn edge_count(&self) -> usize {
        self.view.edges.len()
    }

    /// Judges it. Serializing the judgement writes the report [`check`] gives, byte for
    /// byte, one edge at a time.
    pub fn judge(&self, lang: Lang) -> Judgement<'_> {
        Judgement::new(&self.view, &self.checked, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_steps_give_what_check_gives() {
        for n in 1..=8 {
            let json = presets::get(n).map(|p| p.json).unwrap_or_default();
            let v = Validated::read(json.as_bytes()).map_err(|e| e.to_string());
            let edges = v.as_ref().map(|v| v.scenario().edges.len()).unwrap_or(0);
            let two = v.map(|v| v.evaluate(Lang::ZhTw).1.to_json());
            let one = check(json.as_bytes(), Lang::ZhTw).map(|r| r.to_json());
            assert_eq!(two, one.map_err(|e| e.to_string()), "preset {n}");
            assert!(edges > 0, "preset {n}");
        }
        let bad = Validated::read(br#"{"version":1,"nodes":[{"id":"x","kind":"customer"}]}"#);
        assert_eq!(
            bad.map(|_| ()).map_err(|e| e.line(Lang::En)),
            Err("error: nodes[0].region: a region is required on every node but Microsoft".into())
        );
    }
}
