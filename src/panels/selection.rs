//! What the side panel shows of the selection: the inspector for one node, the panel of one
//! relationship, a count and Delete for several, or a hint for none.

use super::edge_panel::EdgePanel;
use super::inspector::{Inspector, Relation};
use super::target::Others;
use crate::model::{Action, Dispatch, Shared, State};
use crate::text::{common, panels};
use csp_rules::{Lang, Node, Report, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// The other nodes, as (id, "label (id)"), to connect a node to.
pub fn others(s: &Scenario, from: &str, lang: Lang) -> Others {
    Rc::new(
        s.nodes
            .iter()
            .filter(|n| n.id != from)
            .map(|n| (n.id.clone(), common::aside(lang, n.label_in(lang), &n.id)))
            .collect(),
    )
}

/// The node's relationships, named by their ends, with the verdicts the report gives them.
fn relations(
    s: &Scenario,
    report: Option<&Report>,
    id: &str,
    lang: csp_rules::Lang,
) -> Vec<Relation> {
    // The report lists the edges in the scenario's order.
    let verdict_of = |i: usize, edge: &str| {
        let r = report?.edges.get(i)?;
        (r.id == edge).then_some(r.verdict)
    };
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    s.edges
        .iter()
        .enumerate()
        .filter(|(_, e)| e.from == id || e.to == id)
        .map(|(i, e)| Relation {
            edge: e.id.clone(),
            text: common::relation(lang, &label(&e.from), e.kind, &label(&e.to)),
            verdict: verdict_of(i, &e.id),
        })
        .collect()
}

/// What the side panel shows of the selection of the page in state `st`; `judged` is the
/// scenario the report was made for.
pub fn selection_panel(
    st: &State,
    judged: &Shared<Scenario>,
    report: Option<&Shared<Report>>,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let s = st.scenario();
    let sel = &st.selection;
    let report = report.map(|r| &*r.0);
    if let Some(node) = sel.single_node().and_then(|id| s.node(id)) {
        let node = Node {
            x: None,
            y: None,
            ..node.clone()
        };
        let (key, others, relations) = (
            node.id.clone(),
            others(s, &node.id, lang),
            relations(s, report, &node.id, lang),
        );
        return html! {
            <Inspector {key} {others} {relations} {node} edit_error={st.edit_error.clone()} />
        };
    }
    if let Some(edge) = sel
        .single_edge()
        .and_then(|id| s.edges.iter().find(|e| e.id == id))
    {
        let edge_report = report.and_then(|r| r.edges.iter().find(|e| e.id == edge.id).cloned());
        return html! {
            <EdgePanel key={edge.id.clone()} edge={edge.clone()} report={edge_report}
                scenario={judged.clone()} />
        };
    }
    if !sel.is_empty() {
        let (nodes, edges) = (sel.nodes.len(), sel.edges.len());
        return html! {
            <section class="panel">
                <p>{ panels::selected_many(lang, nodes, edges) }</p>
                <button type="button" class="danger" onclick={dispatch.on(Action::DeleteSelection)}>
                    { common::delete_selected(lang) }
                </button>
            </section>
        };
    }
    html! { <section class="panel"><p class="hint">{ panels::nothing_selected(lang) }</p></section> }
}
