//! The diagram as a table, for screen readers and keyboard users: one row per relationship
//! with its ends, kind, verdict and the rules that found something, in the report's order.

use crate::model::{use_page, Action, Page, Shared, Target};
use crate::text::{common, panels};
use csp_rules::{edge_kind_name, Report, Scenario, Verdict};
use rustc_hash::FxHashMap;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct TableProps {
    pub scenario: Shared<Scenario>,
    pub report: Option<Shared<Report>>,
}

#[function_component(DiagramTable)]
pub fn diagram_table(p: &TableProps) -> Html {
    let Page { lang, dispatch } = use_page();
    // One look-up each, not a search of the diagram per row: a drawn diagram has up to
    // 40,000 edges.
    let labels: FxHashMap<&str, &str> = p
        .scenario
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.label_in(lang)))
        .collect();
    let label = |id: &str| labels.get(id).copied().unwrap_or(id).to_string();
    // The report's edges are the scenario's, in its order.
    let reported = |i: usize, id: &str| {
        let r = p.report.as_ref()?;
        r.edges
            .get(i)
            .filter(|x| x.id == id)
            .or_else(|| r.edges.iter().find(|x| x.id == id))
    };
    let rows = p.scenario.edges.iter().enumerate().map(|(i, e)| {
        let er = reported(i, &e.id);
        let verdict = er.map(|r| r.verdict);
        let attr = verdict.map_or("unjudged", Verdict::as_str);
        let rules: Vec<String> = er
            .map(|r| r.findings.iter().map(|f| f.rule.to_string()).collect())
            .unwrap_or_default();
        let select = dispatch.on::<MouseEvent>(Action::Select {
            target: Target::Edge(e.id.clone()),
            additive: false,
        });
        html! {
            <tr key={e.id.clone()} data-table-edge={e.id.clone()} data-verdict={attr}>
                <th scope="row">
                    <button type="button" class="link" onclick={select}>{ e.id.clone() }</button>
                </th>
                <td>{ label(&e.from) }</td>
                <td>{ label(&e.to) }</td>
                <td>{ edge_kind_name(e.kind, lang) }</td>
                <td class={classes!("verdict", attr)}>{ common::verdict(lang, verdict) }</td>
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
