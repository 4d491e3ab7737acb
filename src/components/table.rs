//! The diagram as a table, for screen readers and keyboard users: one row per relationship
//! with its ends, kind, verdict and the rules that found something, in the report's order.

use super::{Dispatch, Shared};
use crate::model::{Action, Target};
use crate::text::{common, panels};
use csp_rules::{edge_kind_name, Lang, Report, Scenario, Verdict};
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct TableProps {
    pub lang: Lang,
    pub scenario: Shared<Scenario>,
    pub report: Option<Shared<Report>>,
    pub dispatch: Dispatch,
}

#[function_component(DiagramTable)]
pub fn diagram_table(p: &TableProps) -> Html {
    let lang = p.lang;
    let label = |id: &str| p.scenario.label_of(id).to_string();
    let rows = p.scenario.edges.iter().map(|e| {
        let er = p
            .report
            .as_ref()
            .and_then(|r| r.edges.iter().find(|x| x.id == e.id));
        let (verdict, attr) = match er.map(|r| r.verdict) {
            Some(Verdict::Allowed) => (common::allowed(lang), "allowed"),
            Some(Verdict::Blocked) => (common::blocked(lang), "blocked"),
            None => (common::not_judged(lang), "unjudged"),
        };
        let rules: Vec<String> = er
            .map(|r| r.findings.iter().map(|f| f.rule.to_string()).collect())
            .unwrap_or_default();
        let select = {
            let dispatch = p.dispatch.clone();
            let id = e.id.clone();
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::Select {
                    target: Target::Edge(id.clone()),
                    additive: false,
                })
            })
        };
        html! {
            <tr key={e.id.clone()} data-table-edge={e.id.clone()} data-verdict={attr}>
                <th scope="row">
                    <button type="button" class="link" onclick={select}>{ e.id.clone() }</button>
                </th>
                <td>{ label(&e.from) }</td>
                <td>{ label(&e.to) }</td>
                <td>{ edge_kind_name(e.kind, lang) }</td>
                <td class={classes!("verdict", attr)}>{ verdict }</td>
                <td>{ if rules.is_empty() { "—".to_string() } else { rules.join(", ") } }</td>
            </tr>
        }
    });
    html! {
        <div class="table-view">
            <table class="diagram-table">
                <caption>{ panels::table_caption(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ common::id(lang) }</th>
                        <th scope="col">{ panels::from_column(lang) }</th>
                        <th scope="col">{ panels::to_column(lang) }</th>
                        <th scope="col">{ common::kind(lang) }</th>
                        <th scope="col">{ panels::verdict_column(lang) }</th>
                        <th scope="col">{ panels::rules_column(lang) }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
