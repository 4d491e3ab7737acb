//! The diagram's edges as one component, so the canvas can draw them in two parts while nodes
//! are dragged: the edges that touch the dragged nodes on a layer of their own, redrawn each
//! frame, and all the others from the diagram as it was when the drag started, which yew then
//! skips (equal props) and Chromium neither repaints nor rasterizes again.

use super::edge::EdgeView;
use super::topology::{EdgePlace, Topology};
use crate::model::training::Marks;
use crate::model::{use_page, Shared};
use csp_rules::{Scenario, Verdict};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// A drag under way: the nodes it moves. Their edges are drawn on a layer of their own and
/// the rest from the diagram as it was when the drag started.
#[derive(Debug)]
pub struct Lift {
    /// The dragged nodes' indices in the scenario, sorted.
    pub nodes: Rc<Vec<usize>>,
    pub frozen: Rc<Scenario>,
    rev: u64,
}

impl Lift {
    pub fn new(frozen: Rc<Scenario>, rev: u64, ids: &[(String, f64, f64)]) -> Lift {
        let nodes = frozen
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| ids.iter().any(|(id, ..)| *id == n.id))
            .map(|(i, _)| i)
            .collect();
        Lift {
            nodes: Rc::new(nodes),
            frozen,
            rev,
        }
    }

    /// The frozen diagram still draws everything but the lifted nodes' edges as it is now:
    /// the same rules' revision (nodes, names, edges) and every other node where it was.
    pub fn holds(&self, now: &Scenario, rev: u64) -> bool {
        self.rev == rev
            && self.frozen.nodes.len() == now.nodes.len()
            && self
                .frozen
                .nodes
                .iter()
                .zip(&now.nodes)
                .enumerate()
                .all(|(i, (a, b))| {
                    a.id == b.id
                        && (self.nodes.binary_search(&i).is_ok() || (a.x == b.x && a.y == b.y))
                })
    }
}

/// Which of the diagram's edges a layer draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    All,
    /// The edges that touch none of these nodes (indices, sorted).
    Without(Rc<Vec<usize>>),
    /// The edges that touch one of these nodes.
    Touching(Rc<Vec<usize>>),
}

impl Part {
    fn has(&self, e: &EdgePlace) -> bool {
        match self {
            Part::All => true,
            Part::Without(n) => !n.iter().any(|&i| e.touches(i)),
            Part::Touching(n) => n.iter().any(|&i| e.touches(i)),
        }
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct EdgeLayerProps {
    pub scenario: Shared<Scenario>,
    /// Where `scenario`'s edges go (built for its rules' revision).
    pub topology: Shared<Topology>,
    pub part: Part,
    /// Each edge's verdict, in `scenario`'s order; empty when it can't be judged.
    pub verdicts: Rc<Vec<Verdict>>,
    /// The selected edges.
    pub selected: BTreeSet<String>,
    #[prop_or_default]
    pub marks: Option<Rc<Marks>>,
    /// A quiz is being answered: verdicts are not said in edge names.
    #[prop_or_default]
    pub hide_verdicts: bool,
}

#[function_component(EdgeLayer)]
pub fn edge_layer(p: &EdgeLayerProps) -> Html {
    let lang = use_page().lang;
    let nodes = &p.scenario.nodes;
    let edges = p
        .scenario
        .edges
        .iter()
        .zip(p.topology.places())
        .enumerate()
        .filter(|(_, (_, place))| p.part.has(place))
        .filter_map(|(i, (e, place))| {
            let seg = place.segment(nodes)?;
            let mark = p.marks.as_ref().map(|m| m.class(&m.edges, &e.id));
            Some(html! {
                <EdgeView key={place.id.clone()} id={place.id.clone()} kind={e.kind} {seg}
                    verdict={p.verdicts.get(i).copied()} selected={p.selected.contains(&e.id)}
                    from={place.from_label.clone()} to={place.to_label.clone()} {lang}
                    hide_verdict={p.hide_verdicts} {mark} />
            })
        });
    html! { <g class="edges">{ for edges }</g> }
}
