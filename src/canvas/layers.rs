//! The diagram's edges as layers, and what a drag draws. While nodes are dragged, nothing of
//! the diagram as the drag began changes: the nodes and edges are drawn from it (equal props:
//! yew skips them, and Chromium neither repaints nor rasterizes them again), the dragged nodes
//! are left invisible in their places, and copies of them with the edges that touch them are
//! drawn each frame on a layer of their own ([`DragLayer`]). Zoomed out, their edges also stay
//! drawn where they were until the drop: a long line taken out repaints most of the canvas. The drop sends the positions to
//! the page once, so a drag frame costs what the dragged nodes and their edges cost, whatever
//! the size of the diagram.

use super::detail::Visible;
use super::edge::EdgeView;
use super::node::NodeView;
use super::plain::{plain_edge, plain_node, Batch, PlainEdge, PlainNode, Reuse};
use super::routes::Routes;
use super::topology::{EdgePlace, NodeNames, Topology};
use crate::model::layout::snap;
use crate::model::route::Moved;
use crate::model::training::Marks;
use crate::model::{use_page, Shared};
use crate::text::canvas;
use csp_rules::{kind_name, Flag, Lang, Scenario, Verdict};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// A drag under way: the diagram as it began, the nodes it moves and where they are now.
#[derive(Debug, Clone)]
pub struct Lift {
    pub frozen: Rc<Scenario>,
    /// The dragged nodes' indices, sorted.
    pub nodes: Rc<Vec<usize>>,
    /// The indices of the edges that touch them, sorted.
    pub edges: Rc<Vec<usize>>,
    /// Where the dragged nodes are now, as the drop will send them.
    pub moves: Rc<Vec<(String, f64, f64)>>,
    /// How far they have moved, in diagram units.
    offset: (f64, f64),
    /// The snap grid, when snapping.
    grid: Option<f64>,
}

impl Lift {
    /// A drag of the nodes at `origin` (IDs and positions as it began) in `frozen`.
    pub fn new(
        frozen: Rc<Scenario>,
        names: &NodeNames,
        topology: &Topology,
        origin: &[(String, f64, f64)],
        grid: Option<f64>,
    ) -> Lift {
        let mut nodes: Vec<usize> = origin
            .iter()
            .filter_map(|(id, ..)| names.index_of(id))
            .collect();
        nodes.sort_by_cached_key(|&n| n as u64);
        nodes.dedup();
        let edges = topology
            .places()
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.ends().is_some_and(|(a, b)| {
                    nodes.binary_search(&a).is_ok() || nodes.binary_search(&b).is_ok()
                })
            })
            .map(|(i, _)| i)
            .collect();
        Lift {
            frozen,
            nodes: Rc::new(nodes),
            edges: Rc::new(edges),
            moves: Rc::new(origin.to_vec()),
            offset: (0.0, 0.0),
            grid,
        }
    }

    /// The same drag with the nodes at `moves` (each moved by the same amount).
    pub fn moved(&self, moves: Vec<(String, f64, f64)>) -> Lift {
        let first = |m: &[(String, f64, f64)]| m.first().map(|(_, x, y)| (*x, *y));
        let offset = match (first(&self.moves), first(&moves)) {
            (Some(a), Some(b)) => (b.0 - a.0 + self.offset.0, b.1 - a.1 + self.offset.1),
            _ => self.offset,
        };
        let offset = if offset.0.is_finite() && offset.1.is_finite() {
            offset
        } else {
            self.offset
        };
        Lift {
            moves: Rc::new(moves),
            offset,
            ..self.clone()
        }
    }

    /// Whether the page still shows the diagram the drag began on.
    pub fn holds(&self, now: &Rc<Scenario>) -> bool {
        Rc::ptr_eq(&self.frozen, now)
    }

    fn lifted(&self, node: usize) -> bool {
        self.nodes.binary_search(&node).is_ok()
    }

    /// Where node `i` is drawn now: moved (and snapped, as the drop will) when dragged.
    pub fn pos(&self, i: usize) -> Option<(f64, f64)> {
        let n = self.frozen.nodes.get(i)?;
        let (x, y) = (n.x?, n.y?);
        if !self.lifted(i) {
            return Some((x, y));
        }
        let (x, y) = (x + self.offset.0, y + self.offset.1);
        Some(match self.grid {
            Some(g) => (snap(x, g), snap(y, g)),
            None => (x, y),
        })
    }
}

fn position(s: &Scenario, i: usize) -> Option<(f64, f64)> {
    s.nodes.get(i).and_then(|n| Some((n.x?, n.y?)))
}

/// How the edges of one layer are drawn.
struct EdgeLook<'a> {
    scenario: &'a Scenario,
    places: &'a [EdgePlace],
    routes: &'a Routes,
    /// The nodes being dragged, on the drag layer.
    moved: Option<&'a Moved<'a>>,
    verdicts: &'a [Verdict],
    selected: &'a BTreeSet<String>,
    marks: Option<&'a Marks>,
    full: bool,
    hide_verdicts: bool,
    lang: Lang,
    /// The first frame prerendered at build time.
    first: bool,
    /// The plain edges drawn last, to reuse those that did not change.
    reuse: Option<&'a RefCell<Reuse<PlainEdge>>>,
}

impl EdgeLook<'_> {
    /// Edge `i` with its ends at `pos`; `None` when an end is missing.
    fn draw(&self, i: usize, pos: &dyn Fn(usize) -> Option<(f64, f64)>) -> Option<Html> {
        let (e, place) = (self.scenario.edges.get(i)?, self.places.get(i)?);
        let seg = place.segment_by(pos)?;
        let verdict = self.verdicts.get(i).copied();
        let selected = self.selected.contains(&e.id);
        let mark = self.marks.map(|m| m.edge(&e.id)).unwrap_or_default();
        if self.full {
            let ends = place.route_ends()?;
            let drawn = match self.moved {
                Some(m) => self.routes.moving(seg, ends, m),
                None => self.routes.get(i, seg, ends),
            };
            let at = (seg.x1, seg.y1);
            return Some(html! {
                <EdgeView key={place.id.clone()} id={place.id.clone()} kind={e.kind} {drawn} {at}
                    {verdict} {selected} from={place.from_label.clone()} to={place.to_label.clone()}
                    lang={self.lang} hide_verdict={self.hide_verdicts} {mark} first={self.first} />
            });
        }
        let item = PlainEdge {
            id: place.id.clone(),
            kind: e.kind,
            verdict,
            seg,
            from: place.from_label.clone(),
            to: place.to_label.clone(),
            lang: self.lang,
            hide_verdict: self.hide_verdicts,
            selected,
            mark: mark.tour,
        };
        Some(match self.reuse {
            Some(r) => r.borrow_mut().draw(&place.id, item, plain_edge),
            None => plain_edge(&item),
        })
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct EdgeLayerProps {
    pub scenario: Shared<Scenario>,
    /// Where `scenario`'s edges go (built for its rules' revision).
    pub topology: Shared<Topology>,
    /// Where its edges are drawn in full.
    pub routes: Shared<Routes>,
    /// What is drawn of it (its own elements; [`BatchLayer`] draws the batch).
    pub visible: Shared<Visible>,
    /// Edges left out (those of the nodes being dragged), sorted.
    #[prop_or_default]
    pub except: Option<Rc<Vec<usize>>>,
    /// Each edge's verdict, in `scenario`'s order; empty when it can't be judged.
    pub verdicts: Rc<Vec<Verdict>>,
    /// The selected edges.
    pub selected: BTreeSet<String>,
    #[prop_or_default]
    pub marks: Option<Rc<Marks>>,
    /// A quiz is being answered: verdicts are not said in edge names.
    #[prop_or_default]
    pub hide_verdicts: bool,
    pub full: bool,
    /// The first frame prerendered at build time (an edge's `first`).
    #[prop_or_default]
    pub first: bool,
}

#[function_component(EdgeLayer)]
pub fn edge_layer(p: &EdgeLayerProps) -> Html {
    let lang = use_page().lang;
    let reuse = use_mut_ref(Reuse::default);
    let look = EdgeLook {
        scenario: &p.scenario,
        places: p.topology.places(),
        routes: &p.routes,
        moved: None,
        verdicts: &p.verdicts,
        selected: &p.selected,
        marks: p.marks.as_deref(),
        full: p.full,
        hide_verdicts: p.hide_verdicts,
        lang,
        first: p.first,
        reuse: Some(&reuse),
    };
    let left_out = |i: &usize| {
        p.except
            .as_ref()
            .is_some_and(|x| x.binary_search(i).is_ok())
    };
    let pos = |i: usize| position(&p.scenario, i);
    let drawn = match &p.visible.edges {
        Some(only) => only
            .iter()
            .filter(|i| !left_out(i))
            .filter_map(|&i| look.draw(i, &pos))
            .collect::<Vec<_>>(),
        None => (0..p.scenario.edges.len())
            .filter(|i| !left_out(i))
            .filter_map(|i| look.draw(i, &pos))
            .collect(),
    };
    reuse
        .borrow_mut()
        .trim(if p.full { 0 } else { drawn.len() });
    html! {
        <g class="edges">{ for drawn }</g>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct BatchLayerProps {
    pub scenario: Shared<Scenario>,
    pub topology: Shared<Topology>,
    pub visible: Shared<Visible>,
    pub verdicts: Rc<Vec<Verdict>>,
    /// A walkthrough's marks dim them.
    pub dim: bool,
}

/// The batched edges (see [`Visible::batch`]), a path per verdict, on a layer of their own
/// under the canvas. A path of thousands of lines costs a slow phone (or a software
/// rasterizer) most of a second each time it is painted again, so nothing but a change to
/// the batch repaints it: a press or a drag, which repaint parts of the canvas, never does,
/// and a drag leaves the batch as it began (a dragged edge in it shows where it was until
/// the drop, its copy on the drag layer where it goes).
#[function_component(BatchLayer)]
pub fn batch_layer(p: &BatchLayerProps) -> Html {
    if p.visible.batch.is_empty() {
        return Html::default();
    }
    let mut batch = Batch::default();
    for &i in &p.visible.batch {
        let ends = p.topology.places().get(i).and_then(|e| e.ends());
        if let Some((a, b)) = ends {
            if let (Some(pa), Some(pb)) = (position(&p.scenario, a), position(&p.scenario, b)) {
                batch.add(p.verdicts.get(i).copied(), pa, pb);
            }
        }
    }
    batch.view(p.dim)
}

#[derive(Debug, Properties, PartialEq)]
pub struct DragLayerProps {
    pub lift: Shared<Lift>,
    pub topology: Shared<Topology>,
    /// Where the diagram's edges go as the drag began.
    pub routes: Shared<Routes>,
    pub names: Shared<NodeNames>,
    pub verdicts: Rc<Vec<Verdict>>,
    pub selected_edges: BTreeSet<String>,
    pub selected_nodes: BTreeSet<String>,
    #[prop_or_default]
    pub marks: Option<Rc<Marks>>,
    #[prop_or_default]
    pub hide_verdicts: bool,
    pub full: bool,
}

/// What a drag frame draws: the edges of the dragged nodes and copies of the nodes (the
/// nodes themselves stay where they are, invisible, so they keep focus and their element).
#[function_component(DragLayer)]
pub fn drag_layer(p: &DragLayerProps) -> Html {
    let lang = use_page().lang;
    let lift = &p.lift;
    let pos = |i: usize| lift.pos(i);
    let moved = Moved {
        nodes: &lift.nodes,
        at: &pos,
    };
    let look = EdgeLook {
        scenario: &lift.frozen,
        places: p.topology.places(),
        routes: &p.routes,
        moved: Some(&moved),
        verdicts: &p.verdicts,
        selected: &p.selected_edges,
        marks: p.marks.as_deref(),
        full: p.full,
        hide_verdicts: p.hide_verdicts,
        lang,
        first: false,
        reuse: None,
    };
    let edges = lift.edges.iter().filter_map(|&i| look.draw(i, &pos));
    let handle_title = AttrValue::Static(canvas::handle_title(lang));
    let nodes = lift.nodes.iter().filter_map(|&i| {
        let n = lift.frozen.nodes.get(i)?;
        let (id, label) = p.names.all().get(i)?;
        let (x, y) = lift.pos(i)?;
        let selected = p.selected_nodes.contains(&n.id);
        let mark = p.marks.as_ref().map(|m| m.node(&n.id)).unwrap_or_default();
        let kind = kind_name(n.kind, lang);
        Some(if p.full {
            html! {
                <NodeView key={id.clone()} id={id.clone()} kind={n.kind} label={label.clone()}
                    kind_name={AttrValue::Static(kind)} {x} {y} {selected}
                    warn={Flag::ALL.iter().any(|&f| !n.flag(f))}
                    handle_title={handle_title.clone()} {lang} {mark} copy={true} />
            }
        } else {
            plain_node(&PlainNode {
                id: id.clone(),
                kind: n.kind,
                x,
                y,
                label: label.clone(),
                kind_name: kind,
                lang,
                selected,
                lifted: false,
                copy: true,
                mark: mark.tour,
            })
        })
    });
    html! {
        <>
            <g class="edges">{ for edges }</g>
            <g class="nodes">{ for nodes }</g>
        </>
    }
}
