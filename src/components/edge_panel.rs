//! The panel for one relationship: its verdict, every finding (rule ID, message, citation,
//! remedies) and "what would make this allowed": the engine's one-click fixes.

use super::{Dispatch, Shared};
use crate::model::{Action, EdgeEdit};
use crate::text::{common, panels};
use csp_rules::{
    edge_kind_name, Edge, EdgeKind, EdgeReport, Finding, Fix, Lang, Scenario, Severity, Verdict,
};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct EdgePanelProps {
    pub lang: Lang,
    pub edge: Edge,
    /// `None` when the diagram can't be judged.
    pub report: Option<EdgeReport>,
    /// The scenario as judged (compared by pointer: the edge and its report are the props
    /// that say what changed).
    pub scenario: Shared<Scenario>,
    pub dispatch: Dispatch,
}

/// One finding, as the panel and the findings list show it.
pub fn finding_view(lang: Lang, f: &Finding) -> Html {
    let severity = match f.severity {
        Severity::Block => ("block", panels::severity_block(lang)),
        Severity::Info => ("info", panels::severity_info(lang)),
    };
    html! {
        <li class={classes!("finding", severity.0)} data-rule={f.rule.as_str()}>
            <p class="finding-head">
                <code class="rule-id">{ f.rule.as_str() }</code>
                <span class={classes!("severity", severity.0)}>{ severity.1 }</span>
            </p>
            <p class="message">{ f.message.clone() }</p>
            <p class="cite">{ format!("{}: {}", panels::source(lang), f.cite) }</p>
            if !f.remedies.is_empty() {
                <p class="remedies-title">{ panels::remedies(lang) }</p>
                <ul class="remedies">
                    { for f.remedies.iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                </ul>
            }
        </li>
    }
}

pub fn verdict_badge(lang: Lang, verdict: Option<Verdict>) -> Html {
    let (class, text) = match verdict {
        Some(Verdict::Allowed) => ("allowed", common::allowed(lang)),
        Some(Verdict::Blocked) => ("blocked", common::blocked(lang)),
        None => ("unjudged", common::not_judged(lang)),
    };
    let icon = match verdict {
        Some(Verdict::Allowed) => "✓",
        Some(Verdict::Blocked) => "✗",
        None => "?",
    };
    html! {
        <span class={classes!("verdict", class)} data-verdict={verdict.map(Verdict::as_str)}>
            <span aria-hidden="true">{ icon }</span>{ " " }{ text }
        </span>
    }
}

#[function_component(EdgePanel)]
pub fn edge_panel(p: &EdgePanelProps) -> Html {
    let lang = p.lang;
    let e = &p.edge;
    let label = |id: &str| p.scenario.label_of(id).to_string();
    let on_kind = {
        let dispatch = p.dispatch.clone();
        let id = e.id.clone();
        Callback::from(move |ev: Event| {
            let value = ev.target_unchecked_into::<HtmlSelectElement>().value();
            let kind = if value == EdgeKind::Manages.as_str() {
                EdgeKind::Manages
            } else {
                EdgeKind::SellsTo
            };
            dispatch.dispatch(Action::EditEdge {
                id: id.clone(),
                edit: EdgeEdit::Kind(kind),
            });
        })
    };
    let on_reverse = {
        let dispatch = p.dispatch.clone();
        let id = e.id.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::EditEdge {
                id: id.clone(),
                edit: EdgeEdit::Reverse,
            })
        })
    };
    let on_delete = {
        let dispatch = p.dispatch.clone();
        let id = e.id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DeleteEdge(id.clone())))
    };

    let verdict = p.report.as_ref().map(|r| r.verdict);
    let findings = p
        .report
        .as_ref()
        .map(|r| r.findings.as_slice())
        .unwrap_or(&[]);
    // The fixes of the findings that block, each once, in the order the engine gave them.
    let mut fixes: Vec<&Fix> = Vec::new();
    for f in findings.iter().filter(|f| f.severity == Severity::Block) {
        for fix in &f.fixes {
            if !fixes.contains(&fix) {
                fixes.push(fix);
            }
        }
    }
    let fix_buttons = fixes.into_iter().map(|fix| {
        let dispatch = p.dispatch.clone();
        let action = Action::ApplyFix(fix.clone());
        let onclick = Callback::from(move |_| dispatch.dispatch(action.clone()));
        html! {
            <li>
                <button type="button" class="fix" {onclick}>
                    { fix.label(&p.scenario, lang) }
                </button>
            </li>
        }
    });
    let fix_buttons: Vec<Html> = fix_buttons.collect();

    html! {
        <section class="panel edge-panel" aria-labelledby="edge-heading" data-edge-panel={e.id.clone()}>
            <h2 id="edge-heading">{ common::relationship(lang) }</h2>
            <p class="relation">{ common::relation(lang, &label(&e.from), e.kind, &label(&e.to)) }</p>
            <p>{ verdict_badge(lang, verdict) }</p>
            <div class="row">
                <label class="field inline">
                    <span>{ common::kind(lang) }</span>
                    <select name="edge-kind" onchange={on_kind}>
                        { for EdgeKind::ALL.iter().map(|k| html! {
                            <option key={k.as_str()} value={k.as_str()} selected={*k == e.kind}>
                                { edge_kind_name(*k, lang) }
                            </option>
                        }) }
                    </select>
                </label>
                <button type="button" onclick={on_reverse}>{ panels::reverse(lang) }</button>
                <button type="button" class="danger" onclick={on_delete}>{ panels::delete_edge(lang) }</button>
            </div>
            if p.report.is_some() {
                <h3>{ panels::findings(lang) }</h3>
                if findings.is_empty() {
                    <p class="hint">{ panels::no_findings(lang) }</p>
                } else {
                    <ul class="findings-list">{ for findings.iter().map(|f| finding_view(lang, f)) }</ul>
                }
            }
            if verdict == Some(Verdict::Blocked) {
                <h3>{ panels::what_would_fix(lang) }</h3>
                if fix_buttons.is_empty() {
                    <p class="hint">{ panels::no_fix(lang) }</p>
                } else {
                    <ul class="fixes">{ for fix_buttons }</ul>
                }
            }
        </section>
    }
}
