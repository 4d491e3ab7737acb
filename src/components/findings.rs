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

#[function_component(Findings)]
pub fn findings(p: &FindingsProps) -> Html {
    let lang = p.lang;
    let Some(report) = &p.report else {
        return html! {};
    };
    let label = |id: &str| {
        p.scenario
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map_or(id, |n| n.label())
            .to_string()
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
    let edge_items = edges.into_iter().filter_map(|er| {
        let edge = p.scenario.edges.iter().find(|e| e.id == er.id)?;
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
            }
        </section>
    }
}
