//! Every finding of the diagram in one list: diagram-wide findings, then each edge that has
//! findings (blocked first). Clicking an entry selects what it is about and brings it into
//! view.

use super::edge_panel::verdict_badge;
use super::Dispatch;
use crate::i18n::{self, T};
use crate::state::Action;
use csp_rules::{Lang, Report, Scenario, Severity, Verdict};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct FindingsProps {
    pub lang: Lang,
    /// `None` when the diagram can't be judged.
    pub report: Option<Rc<Report>>,
    pub scenario: Rc<Scenario>,
    pub dispatch: Dispatch,
}

fn reveal(dispatch: &Dispatch, nodes: Vec<String>, edges: Vec<String>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        dispatch.dispatch(Action::Reveal {
            nodes: nodes.clone(),
            edges: edges.clone(),
        })
    })
}

/// Edges listed before "Show all": a large diagram's list would otherwise cost more to build
/// and lay out than the whole canvas (1,250 entries for a 2,000-edge diagram).
pub const FINDINGS_PAGE: usize = 100;

#[function_component(Findings)]
pub fn findings(p: &FindingsProps) -> Html {
    let lang = p.lang;
    let show_all = use_state_eq(|| false);
    let Some(report) = &p.report else {
        return html! {};
    };
    let severity = |s: Severity| match s {
        Severity::Block => "block",
        Severity::Info => "info",
    };
    let diagram = report.diagram.iter().map(|d| {
        html! {
            <li class={classes!("finding", severity(d.severity))} data-rule={d.rule.as_str()}>
                <button type="button" class="entry" onclick={reveal(&p.dispatch, d.nodes.clone(), d.edges.clone())}>
                    <span class="entry-head">
                        <code class="rule-id">{ d.rule.as_str() }</code>
                        <span class="scope">{ T::DiagramWide.get(lang) }</span>
                    </span>
                    <span class="message">{ d.message.clone() }</span>
                </button>
            </li>
        }
    });
    let mut edges: Vec<_> = report
        .edges
        .iter()
        .filter(|e| !e.findings.is_empty())
        .collect();
    // Blocked first; otherwise the file's order.
    edges.sort_by_key(|e| e.verdict != Verdict::Blocked);
    let total = edges.len();
    if !*show_all {
        edges.truncate(FINDINGS_PAGE);
    }
    let shown = edges.len();
    let index: std::collections::HashMap<&str, &csp_rules::Edge> = if shown == 0 {
        Default::default()
    } else {
        p.scenario
            .edges
            .iter()
            .map(|e| (e.id.as_str(), e))
            .collect()
    };
    let labels: std::collections::HashMap<&str, &str> = if shown == 0 {
        Default::default()
    } else {
        p.scenario
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n.label()))
            .collect()
    };
    let label = |id: &str| labels.get(id).copied().unwrap_or(id).to_string();
    let more = (shown < total).then(|| {
        let show_all = show_all.clone();
        let onclick = Callback::from(move |_| show_all.set(true));
        html! {
            <p class="findings-more">
                { i18n::findings_shown(lang, shown, total) }{ " " }
                <button type="button" data-show-all="findings" {onclick}>{ i18n::show_all(lang, total) }</button>
            </p>
        }
    });
    let edge_items = edges.into_iter().filter_map(|er| {
        let edge = *index.get(er.id.as_str())?;
        Some(html! {
            <li key={er.id.clone()} class="edge-entry" data-finding-edge={er.id.clone()}>
                <button type="button" class="entry" onclick={reveal(&p.dispatch, vec![], vec![er.id.clone()])}>
                    <span class="entry-head">
                        { verdict_badge(lang, Some(er.verdict)) }
                        <span class="relation">{ i18n::relation(lang, &label(&edge.from), edge.kind, &label(&edge.to)) }</span>
                    </span>
                    <ul class="rules">
                        { for er.findings.iter().map(|f| html! {
                            <li class={severity(f.severity)} data-rule={f.rule.as_str()}>
                                <code class="rule-id">{ f.rule.as_str() }</code>{ " " }
                                <span class="message">{ f.message.clone() }</span>
                            </li>
                        }) }
                    </ul>
                </button>
            </li>
        })
    });
    let nothing = report.diagram.is_empty() && report.edges.iter().all(|e| e.findings.is_empty());
    html! {
        <section class="panel findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{ T::DiagramFindings.get(lang) }</h2>
            <p class="counts">{ i18n::counts(lang, report.summary.allowed, report.summary.blocked) }</p>
            if nothing {
                <p class="hint">{ T::NothingToReport.get(lang) }</p>
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
