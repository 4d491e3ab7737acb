//! What the canvas draws that does not change while nodes move: each node's ID and label as
//! shared text, and each edge's ends (by index) and lane. Built again only when the diagram's
//! rules' revision changes, so a render (a drag frame, a verdict change) allocates no text and
//! hashes no IDs; a node is found by index, an edge's segment is arithmetic.

use super::edge::Segment;
use crate::fasthash::FxMap;
use csp_rules::{Node, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// Space between edges that join the same two nodes.
const LANE: f64 = 16.0;

/// Each node's ID and label, in the scenario's order.
#[derive(Debug, PartialEq)]
pub struct NodeNames(Vec<(Rc<str>, AttrValue)>);

impl NodeNames {
    pub fn all(&self) -> &[(Rc<str>, AttrValue)] {
        &self.0
    }

    fn of(s: &Scenario) -> NodeNames {
        NodeNames(
            s.nodes
                .iter()
                .map(|n| {
                    (
                        Rc::from(n.id.as_str()),
                        AttrValue::from(n.label().to_string()),
                    )
                })
                .collect(),
        )
    }
}

/// One edge as drawn: its ID, its ends' labels, and where it goes.
#[derive(Debug, PartialEq)]
pub struct EdgePlace {
    pub id: Rc<str>,
    pub from_label: AttrValue,
    pub to_label: AttrValue,
    /// The pair of nodes it joins, by index, in ID order (`None`: an end is missing).
    pair: Option<(usize, usize)>,
    /// It runs from the pair's second node to its first.
    reversed: bool,
    /// Its offset from the line between the pair, across it.
    offset: f64,
}

impl EdgePlace {
    /// The segment between its ends' centres (`nodes` in the order this was built for),
    /// offset into its lane; `None` when an end has no position.
    pub fn segment(&self, nodes: &[Node]) -> Option<Segment> {
        let (a, b) = self.pair?;
        let pos = |i: usize| nodes.get(i).and_then(|n| Some((n.x?, n.y?)));
        let (pa, pb) = (pos(a)?, pos(b)?);
        let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
        let len = (dx * dx + dy * dy).sqrt().max(1e-6);
        let (ox, oy) = (-dy / len * self.offset, dx / len * self.offset);
        let (from, to) = if self.reversed { (pb, pa) } else { (pa, pb) };
        Some(Segment {
            x1: from.0 + ox,
            y1: from.1 + oy,
            x2: to.0 + ox,
            y2: to.1 + oy,
        })
    }

    /// Whether it touches the node at index `i`.
    pub fn touches(&self, i: usize) -> bool {
        self.pair.is_some_and(|(a, b)| a == i || b == i)
    }
}

/// Each edge's place, in the scenario's order.
#[derive(Debug, PartialEq)]
pub struct Topology(Vec<EdgePlace>);

impl Topology {
    pub fn places(&self) -> &[EdgePlace] {
        &self.0
    }

    fn of(s: &Scenario, names: &NodeNames) -> Topology {
        let index: FxMap<&str, usize> = s
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let label = |id: &str| match index.get(id) {
            Some(&i) => names.0[i].1.clone(),
            None => AttrValue::from(id.to_string()),
        };
        // Each edge's pair of ends in ID order, whether it runs the other way, and how many
        // edges join that pair: they take lanes in file order.
        let pairs: Vec<Option<((usize, usize), bool)>> = s
            .edges
            .iter()
            .map(|e| {
                let (f, t) = (*index.get(e.from.as_str())?, *index.get(e.to.as_str())?);
                Some(if e.from <= e.to {
                    ((f, t), false)
                } else {
                    ((t, f), true)
                })
            })
            .collect();
        let mut count: FxMap<(usize, usize), u32> = FxMap::default();
        for (pair, _) in pairs.iter().flatten() {
            *count.entry(*pair).or_default() += 1;
        }
        let mut taken: FxMap<(usize, usize), u32> = FxMap::default();
        Topology(
            s.edges
                .iter()
                .zip(pairs)
                .map(|(e, place)| {
                    let (pair, reversed, offset) = match place {
                        Some((pair, reversed)) => {
                            let n = f64::from(count.get(&pair).copied().unwrap_or(1));
                            let k = taken.entry(pair).or_default();
                            let offset = (f64::from(*k) - (n - 1.0) / 2.0) * LANE;
                            *k += 1;
                            (Some(pair), reversed, offset)
                        }
                        None => (None, false, 0.0),
                    };
                    EdgePlace {
                        id: Rc::from(e.id.as_str()),
                        from_label: label(&e.from),
                        to_label: label(&e.to),
                        pair,
                        reversed,
                        offset,
                    }
                })
                .collect(),
        )
    }
}

/// The memo key for node names: the same IDs and labels in the same order.
struct NamesKey(Rc<Scenario>);

impl PartialEq for NamesKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.nodes.len() == other.0.nodes.len()
                && self
                    .0
                    .nodes
                    .iter()
                    .zip(&other.0.nodes)
                    .all(|(a, b)| a.id == b.id && a.label() == b.label()))
    }
}

/// The memo key for edge places: the rules' revision (which every change to nodes' IDs or
/// edges bumps) and the node names they were built with.
struct PlacesKey(u64, Rc<NodeNames>, Rc<Scenario>);

impl PartialEq for PlacesKey {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
            && Rc::ptr_eq(&self.1, &other.1)
            && self.2.edges.len() == other.2.edges.len()
    }
}

/// The node names and edge places for `scenario` at rules' revision `rev`.
#[hook]
pub fn use_topology(scenario: &Rc<Scenario>, rev: u64) -> (Rc<NodeNames>, Rc<Topology>) {
    let names = use_memo(NamesKey(scenario.clone()), |k| NodeNames::of(&k.0));
    let places = use_memo(PlacesKey(rev, names.clone(), scenario.clone()), |k| {
        Topology::of(&k.2, &k.1)
    });
    (names, places)
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{Edge, EdgeKind, NodeKind};

    fn node(id: &str, x: f64, y: f64) -> Node {
        let mut n = Node::new(id, NodeKind::Customer);
        n.x = Some(x);
        n.y = Some(y);
        n
    }

    fn edge(id: &str, from: &str, to: &str) -> Edge {
        Edge {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            kind: EdgeKind::SellsTo,
        }
    }

    #[test]
    fn edges_between_the_same_nodes_take_lanes_either_way_round() {
        let s = Scenario {
            nodes: vec![
                node("b", 0.0, 0.0),
                node("a", 100.0, 0.0),
                node("c", 0.0, 50.0),
            ],
            edges: vec![
                edge("e1", "a", "b"),
                edge("e2", "b", "a"),
                edge("e3", "b", "c"),
                edge("e4", "b", "gone"),
            ],
            ..Scenario::default()
        };
        let t = Topology::of(&s, &NodeNames::of(&s));
        let seg = |i: usize| t.0[i].segment(&s.nodes);
        // Pair (a, b): a is at x 100, b at x 0; the normal of a -> b points down (y < 0 is up).
        assert_eq!(
            seg(0),
            Some(Segment {
                x1: 100.0,
                y1: 8.0,
                x2: 0.0,
                y2: 8.0
            })
        );
        assert_eq!(
            seg(1),
            Some(Segment {
                x1: 0.0,
                y1: -8.0,
                x2: 100.0,
                y2: -8.0
            })
        );
        assert_eq!(
            seg(2),
            Some(Segment {
                x1: 0.0,
                y1: 0.0,
                x2: 0.0,
                y2: 50.0
            })
        );
        assert_eq!(seg(3), None, "an edge to a missing node is not drawn");
        assert_eq!(&*t.0[3].to_label, "gone");
        assert!(t.0[2].touches(2) && !t.0[2].touches(1));
    }
}
