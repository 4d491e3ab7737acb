//! The panel for one relationship: its verdict, every finding (rule ID, message, citation,
//! remedies) and "what would make this allowed": the engine's one-click fixes.

use super::widgets::{finding_view, verdict_badge};
use crate::model::{use_page, Action, EdgeEdit, Page, Shared};
use crate::text::{common, panels};
use csp_rules::{
    edge_kind_name, Edge, EdgeKind, EdgeReport, Finding, Fix, Scenario, Severity, Verdict,
};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct EdgePanelProps {
    pub edge: Edge,
    /// `None` when the diagram can't be judged.
    pub report: Option<EdgeReport>,
    /// The scenario as judged (compared by pointer: the edge and its report are the props
    /// that say what changed).
    pub scenario: Shared<Scenario>,
}

/// The fixes of the findings that block, each once, in the order the engine gave them.
fn fixes(report: Option<&EdgeReport>) -> Vec<&Fix> {
    let mut out: Vec<&Fix> = Vec::new();
    let blocking = report
        .into_iter()
        .flat_map(|r| &r.findings)
        .filter(|f| f.severity == Severity::Block);
    for fix in blocking.flat_map(|f| &f.fixes) {
        if !out.contains(&fix) {
            out.push(fix);
        }
    }
    out
}

#[function_component(EdgePanel)]
pub fn edge_panel(p: &EdgePanelProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let e = &p.edge;
    let label = |id: &str| p.scenario.label_of_in(id, lang).to_string();
    let on_kind = {
        let id = e.id.clone();
        dispatch.to(move |ev: Event| {
            let value = ev.target_unchecked_into::<HtmlSelectElement>().value();
            let kind = if value == EdgeKind::Manages.as_str() {
                EdgeKind::Manages
            } else {
                EdgeKind::SellsTo
            };
            Action::EditEdge {
                id: id.clone(),
                edit: EdgeEdit::Kind(kind),
            }
        })
    };
    let on_reverse = dispatch.on(Action::EditEdge {
        id: e.id.clone(),
        edit: EdgeEdit::Reverse,
    });
    let on_delete = dispatch.on(Action::DeleteEdge(e.id.clone()));

    let verdict = p.report.as_ref().map(|r| r.verdict);
    // What decides the verdict first (scenario 6's block above scenario 4's advice), else in
    // the engine's order.
    let mut findings: Vec<&Finding> = p.report.iter().flat_map(|r| &r.findings).collect();
    findings.sort_by_cached_key(|f| u64::from(f.severity != Severity::Block));
    let fix_buttons: Vec<Html> = fixes(p.report.as_ref())
        .into_iter()
        .map(|fix| {
            html! {
                <li>
                    <button type="button" class="fix" onclick={dispatch.on(Action::ApplyFix(fix.clone()))}>
                        { fix.describe(&p.scenario, lang) }
                    </button>
                </li>
            }
        })
        .collect();

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
