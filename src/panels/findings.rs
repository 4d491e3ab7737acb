//! Every finding of the diagram in one list: diagram-wide findings, then each edge that has
//! findings (blocked first), each finding with a link to the part of the guide it cites.
//! Clicking an entry selects what it is about and brings it into view.

use super::widgets::{cite_link, severity_class as severity, verdict_badge};
use crate::io::web;
use crate::model::evaluation::with_findings;
use crate::model::{use_page, Action, Dispatch, Page, Shared};
use crate::text::{common, panels};
use csp_rules::{DiagramFinding, Report, RuleId, Scenario, Severity, Verdict};
use rustc_hash::FxHashMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct FindingsProps {
    /// `None` when the diagram can't be judged.
    pub report: Option<Shared<Report>>,
    /// The scenario as judged (the report lists its edges in its order).
    pub scenario: Shared<Scenario>,
}

/// One finding as an entry lists it.
#[derive(Debug, PartialEq, Eq)]
struct Line {
    rule: RuleId,
    severity: Severity,
    message: AttrValue,
}

/// Props hold copies, not the report: a component whose props compare equal keeps its old
/// ones, which would keep every old report alive.
#[derive(Debug, Properties, PartialEq)]
struct DiagramEntryProps {
    finding: DiagramFinding,
}

#[function_component(DiagramEntry)]
fn diagram_entry(p: &DiagramEntryProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let d = &p.finding;
    html! {
        <li class={classes!("finding", severity(d.severity))} data-rule={d.rule.as_str()}>
            <button type="button" class="entry" onclick={reveal(&dispatch, d.nodes.clone(), d.edges.clone())}>
                <span class="entry-head">
                    <code class="rule-id">{ d.rule.as_str() }</code>
                    <span class="scope">{ panels::diagram_wide(lang) }</span>
                </span>
                <span class="message">{ d.message.clone() }</span>
            </button>
            <p class="entry-cite">{ cite_link(lang, d.rule.cite()) }</p>
        </li>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct EntryProps {
    id: AttrValue,
    verdict: Verdict,
    /// "“A” sells to “B”".
    relation: AttrValue,
    lines: Rc<Vec<Line>>,
}

#[function_component(Entry)]
fn entry(p: &EntryProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let onclick = reveal(&dispatch, vec![], vec![p.id.to_string()]);
    // The lines are not in the button, since their citations are links; a click on one
    // still selects the edge, as the button (the keyboard's way) does.
    html! {
        <li class="edge-entry" data-finding-edge={p.id.clone()}>
            <button type="button" class="entry" onclick={onclick.clone()}>
                <span class="entry-head">
                    { verdict_badge(lang, Some(p.verdict)) }
                    <span class="relation">{ p.relation.clone() }</span>
                </span>
            </button>
            <ul class="rules" {onclick}>
                { for p.lines.iter().map(|f| html! {
                    <li class={severity(f.severity)} data-rule={f.rule.as_str()}>
                        <code class="rule-id">{ f.rule.as_str() }</code>{ " " }
                        <span class="message">{ f.message.clone() }</span>{ " " }
                        { cite_link(lang, f.rule.cite()) }
                    </li>
                }) }
            </ul>
        </li>
    }
}

fn reveal(dispatch: &Dispatch, nodes: Vec<String>, edges: Vec<String>) -> Callback<MouseEvent> {
    dispatch.on(Action::Reveal { nodes, edges })
}

/// Edges listed before "Show all": a large diagram's list would otherwise cost more to build
/// and lay out than the whole canvas (1,250 entries for a 2,000-edge diagram).
pub const FINDINGS_PAGE: usize = 100;

/// Edges listed when the list first appears; the rest of [`FINDINGS_PAGE`] follow once that
/// frame is painted. A hundred entries cost about as much to build as a 1,000-node canvas,
/// and only the first few are in view, so a large diagram is drawn that much sooner.
pub const FIRST_FRAME: usize = 20;

#[function_component(Findings)]
pub fn findings(p: &FindingsProps) -> Html {
    let lang = use_page().lang;
    let show_all = use_state_eq(|| false);
    let grown = use_state_eq(|| false);
    let mut edges = p
        .report
        .as_ref()
        .map(|r| with_findings(&r.0))
        .unwrap_or_default();
    let total = edges.len();
    {
        let grown = grown.clone();
        use_effect_with(!*grown && total > FIRST_FRAME, move |&waits| {
            if waits {
                web::after_paint(move || grown.set(true));
            }
        });
    }
    let Some(Shared(report)) = &p.report else {
        return html! {};
    };
    // Keyed by what each is about, so one finding more or less does not rewrite the rest.
    let mut seen: FxHashMap<String, u32> = FxHashMap::default();
    let diagram = report.diagram.iter().map(|d| {
        let mut key = format!(
            "{}:{}:{}",
            d.rule.as_str(),
            d.nodes.join(","),
            d.edges.join(",")
        );
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        if *n > 1 {
            key = format!("{key}#{n}");
        }
        html! {
            <DiagramEntry {key} finding={d.clone()} />
        }
    });
    if !*show_all {
        edges.truncate(if *grown { FINDINGS_PAGE } else { FIRST_FRAME });
    }
    let shown = edges.len();
    let labels: FxHashMap<&str, &str> = if shown == 0 {
        Default::default()
    } else {
        p.scenario
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n.label_in(lang)))
            .collect()
    };
    let label = |id: &str| labels.get(id).copied().unwrap_or(id).to_string();
    // Not while the first frame's entries wait for the rest of the page.
    let more = (shown < total && *grown).then(|| {
        let show_all = show_all.clone();
        let onclick = Callback::from(move |_| show_all.set(true));
        html! {
            <p class="findings-more">
                { panels::findings_shown(lang, shown, total) }{ " " }
                <button type="button" data-show-all="findings" {onclick}>{ panels::show_all(lang, total) }</button>
            </p>
        }
    });
    let edge_items = edges.into_iter().filter_map(|(i, er)| {
        let edge = p.scenario.edges.get(i).filter(|e| e.id == er.id)?;
        let relation = common::relation(lang, &label(&edge.from), edge.kind, &label(&edge.to));
        let lines = er
            .findings
            .iter()
            .map(|f| Line {
                rule: f.rule,
                severity: f.severity,
                message: AttrValue::from(f.message.clone()),
            })
            .collect();
        Some(html! {
            <Entry key={er.id.as_str()} id={er.id.clone()} verdict={er.verdict}
                relation={relation} lines={Rc::new(lines)} />
        })
    });
    let edge_items: Vec<Html> = edge_items.collect();
    let nothing = report.diagram.is_empty() && report.edges.iter().all(|e| e.findings.is_empty());
    html! {
        <section class="panel findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{ panels::diagram_findings(lang) }</h2>
            <p class="counts">{ common::counts(lang, report.summary.allowed, report.summary.blocked) }</p>
            if nothing {
                <p class="hint">{ panels::nothing_to_report(lang) }</p>
            } else {
                <ul class="finding-entries">
                    { for diagram }
                    { for edge_items }
                </ul>
                { for more }
            }
        </section>
    }
}
