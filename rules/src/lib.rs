//! The rules of Microsoft's guide "Supported CSP partner relationships", as a pure engine:
//! no I/O and no web dependency, so the same code runs in the `csp-rules` CLI, in the page
//! (compiled to WebAssembly) and behind the page's JavaScript API.
//!
//! - [`parse`] reads a scenario file (interfaces.md §1) and reports the first problem with
//!   its place; [`evaluate`] judges it into a [`Report`] (§2).
//! - Every rule of `rules.md` is a [`RuleId`]; its check is one function in `eval/`.
//! - [`share`] encodes a scenario as the page's share-link fragment; [`presets`] are the
//!   guide's eight example scenarios.

mod catalogue;
mod error;
mod eval;
mod fix;
mod hash;
mod json_path;
mod lang;
mod model;
mod names;
mod parse;
pub mod presets;
mod report;
pub mod share;
pub mod walkthrough;

pub use catalogue::{rules, Cite, RuleId, RuleInfo, Severity};
pub use error::{Limit, Place, Problem, ScenarioError};
pub use eval::{evaluate, MPA_DATE};
pub use fix::{Fix, FlagName};
pub use lang::{Lang, Text};
pub use model::{Date, Edge, EdgeKind, Flag, Node, NodeKind, Scenario, CSP_REGIONS, DEFAULT_AS_OF};
pub use names::{edge_kind_name, flag_name, kind_name, region_name};
pub use parse::{parse, parse_bytes, validate};
pub use report::{DiagramFinding, EdgeReport, Finding, Report, Summary, Verdict};

/// The version of this engine (and of the app and CLI built with it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Parses and evaluates a scenario file in one step.
pub fn check(json: &[u8], lang: Lang) -> Result<Report, ScenarioError> {
    check_keeping(json, lang).map(|(_, report)| report)
}

/// As [`check`], also handing back the parsed scenario (the CLI ends without freeing either:
/// at 250,000 edges, freeing their strings one by one is a measurable part of a run).
pub fn check_keeping(json: &[u8], lang: Lang) -> Result<(Scenario, Report), ScenarioError> {
    let (scenario, checked) = parse::parse_checked(json)?;
    let report = eval::evaluate_checked(&scenario, &checked, lang);
    Ok((scenario, report))
}
