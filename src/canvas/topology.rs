//! What the canvas draws that does not change while nodes move: each node's ID and label (in
//! the page's language) as shared text, and each edge's ends (by index) and lane. Built again only when the diagram's
//! rules' revision changes, and then reusing what is the same (the node names when nodes
//! were not renamed, each remaining edge's ID), so a render (a drag frame, a verdict change)
//! allocates no text and hashes no IDs: a node is found by index, a segment is arithmetic.

use crate::model::route::Segment;
use csp_rules::{Lang, Node, Scenario};
use rustc_hash::FxHashMap;
use std::rc::Rc;
use yew::prelude::*;

/// Space between edges that join the same two nodes.
const LANE: f64 = 16.0;

/// Each node's ID and label, in the scenario's order, and each ID's index.
#[derive(Debug, PartialEq)]
pub struct NodeNames {
    names: Vec<(Rc<str>, AttrValue)>,
    index: FxHashMap<Rc<str>, usize>,
}

impl NodeNames {
    pub fn all(&self) -> &[(Rc<str>, AttrValue)] {
        &self.names
    }

    /// The index of the node with this ID.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    fn of(s: &Scenario, lang: Lang) -> NodeNames {
        let names: Vec<(Rc<str>, AttrValue)> = s
            .nodes
            .iter()
            .map(|n| {
                (
                    Rc::from(n.id.as_str()),
                    AttrValue::from(n.label_in(lang).to_string()),
                )
            })
            .collect();
        let index = names
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.clone(), i))
            .collect();
        NodeNames { names, index }
    }

    /// Whether these are the names of `s`'s nodes in `lang`.
    fn fit(&self, s: &Scenario, lang: Lang) -> bool {
        self.names.len() == s.nodes.len()
            && self
                .names
                .iter()
                .zip(&s.nodes)
                .all(|((id, label), n)| **id == *n.id && label.as_str() == n.label_in(lang))
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
        self.segment_by(|i| nodes.get(i).and_then(|n| Some((n.x?, n.y?))))
    }

    /// [`segment`](Self::segment) with each node's position by its index from `pos`.
    pub fn segment_by(&self, pos: impl Fn(usize) -> Option<(f64, f64)>) -> Option<Segment> {
        let (a, b) = self.pair?;
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

    /// The indices of the two nodes it joins, when both exist.
    pub fn ends(&self) -> Option<(usize, usize)> {
        self.pair
    }

    /// [`ends`](Self::ends) in the order the edge runs, as [`segment`](Self::segment) has
    /// them: what the router cuts the line's start and end at.
    pub fn route_ends(&self) -> Option<(usize, usize)> {
        let (a, b) = self.pair?;
        Some(if self.reversed { (b, a) } else { (a, b) })
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

    /// The places of `s`'s edges, built afresh (for a picture of it).
    pub fn build(s: &Scenario, lang: Lang) -> Topology {
        Topology::of(s, &NodeNames::of(s, lang), None)
    }

    /// The places of `s`'s edges. `before`: the last places, the scenario they were built
    /// for, and whether the node names are the same ones; an edge found there unchanged keeps
    /// its place (only its lane is found again), without looking its ends up.
    fn of(
        s: &Scenario,
        names: &NodeNames,
        before: Option<(&Topology, &Scenario, bool)>,
    ) -> Topology {
        let index = |id: &str| names.index.get(id).copied();
        let label = |end: Option<usize>, id: &str| match end {
            Some(i) => names.names[i].1.clone(),
            None => AttrValue::from(id.to_string()),
        };
        let (old, old_edges, same_names) = match before {
            Some((t, sc, same)) => (t.places(), sc.edges.as_slice(), same),
            None => (&[][..], &[][..], false),
        };
        // An edit leaves the edges in order but for a few: look a few places ahead.
        let mut j = 0;
        let mut places: Vec<EdgePlace> = s
            .edges
            .iter()
            .map(|e| {
                let found = (j..old.len().min(old_edges.len()).min(j + 4))
                    .find(|&k| old_edges[k].id == e.id);
                if let Some(k) = found {
                    j = k + 1;
                    let (o, oe) = (&old[k], &old_edges[k]);
                    if same_names && oe.from == e.from && oe.to == e.to {
                        return EdgePlace {
                            id: o.id.clone(),
                            from_label: o.from_label.clone(),
                            to_label: o.to_label.clone(),
                            pair: o.pair,
                            reversed: o.reversed,
                            offset: 0.0,
                        };
                    }
                }
                let (f, t) = (index(&e.from), index(&e.to));
                // The pair in ID order, so both directions share its lanes.
                let reversed = e.from > e.to;
                EdgePlace {
                    id: found.map_or_else(|| Rc::from(e.id.as_str()), |k| old[k].id.clone()),
                    from_label: label(f, &e.from),
                    to_label: label(t, &e.to),
                    pair: f
                        .zip(t)
                        .map(|(f, t)| if reversed { (t, f) } else { (f, t) }),
                    reversed,
                    offset: 0.0,
                }
            })
            .collect();
        // Edges joining the same pair take lanes in file order.
        let mut by_pair: Vec<((usize, usize), usize)> = places
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((p.pair?, i)))
            .collect();
        // Node indices fit in 32 bits (the format's limits); the sort is stable.
        by_pair.sort_by_cached_key(|((a, b), _)| (*a as u64) << 32 | *b as u64);
        for lane in by_pair.chunk_by(|a, b| a.0 == b.0).filter(|l| l.len() > 1) {
            let n = lane.len() as f64;
            for (k, &(_, i)) in lane.iter().enumerate() {
                places[i].offset = (k as f64 - (n - 1.0) / 2.0) * LANE;
            }
        }
        Topology(places)
    }
}

/// The last names and places, and what they were built for.
struct Built {
    rev: u64,
    lang: Lang,
    scenario: Rc<Scenario>,
    names: Rc<NodeNames>,
    topology: Rc<Topology>,
}

/// The node names in `lang` and edge places for `scenario` at rules' revision `rev` (which
/// every change to nodes' IDs, labels or edges bumps: within one, only positions change).
#[hook]
pub fn use_topology(
    scenario: &Rc<Scenario>,
    rev: u64,
    lang: Lang,
) -> (Rc<NodeNames>, Rc<Topology>) {
    let built = use_mut_ref(|| None::<Built>);
    let mut built = built.borrow_mut();
    let same_size = |b: &Built| {
        b.scenario.nodes.len() == scenario.nodes.len()
            && b.scenario.edges.len() == scenario.edges.len()
    };
    if let Some(b) = built
        .as_ref()
        .filter(|b| b.rev == rev && b.lang == lang && same_size(b))
    {
        return (b.names.clone(), b.topology.clone());
    }
    let (names, same_names) = match built.as_ref() {
        Some(b) if b.names.fit(scenario, lang) => (b.names.clone(), true),
        _ => (Rc::new(NodeNames::of(scenario, lang)), false),
    };
    let topology = Rc::new(Topology::of(
        scenario,
        &names,
        built
            .as_ref()
            .map(|b| (&*b.topology, &*b.scenario, same_names)),
    ));
    *built = Some(Built {
        rev,
        lang,
        scenario: scenario.clone(),
        names: names.clone(),
        topology: topology.clone(),
    });
    (names, topology)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    pub(crate) use crate::model::fixtures::{edge, node};

    #[test]
    fn labels_are_in_the_pages_language() {
        let mut t = node("t", 0.0, 0.0);
        t.name = Some("Tailspin Toys".into());
        t.names = Some(csp_rules::Localized {
            en: None,
            zh: Some("Tailspin 玩具".into()),
        });
        let s = Scenario {
            nodes: vec![t, node("x", 1.0, 1.0)],
            ..Scenario::default()
        };
        let (en, zh) = (NodeNames::of(&s, Lang::En), NodeNames::of(&s, Lang::ZhTw));
        let labels = |n: &NodeNames| {
            n.all()
                .iter()
                .map(|(_, l)| l.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(&en), ["Tailspin Toys", "x"]);
        assert_eq!(labels(&zh), ["Tailspin 玩具", "x"]);
        // A language switch builds the names again.
        assert!(en.fit(&s, Lang::En) && !en.fit(&s, Lang::ZhTw));
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
        let t = Topology::of(&s, &NodeNames::of(&s, Lang::En), None);
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

        // Without e2, e1 has the pair to itself and the others keep their IDs' text.
        let mut fewer = s.clone();
        fewer.edges.remove(1);
        let names = NodeNames::of(&fewer, Lang::En);
        assert!(names.fit(&s, Lang::En) && names.fit(&fewer, Lang::En));
        let u = Topology::of(&fewer, &names, Some((&t, &s, true)));
        assert_eq!(u, Topology::of(&fewer, &names, Some((&t, &s, false))));
        assert_eq!(u, Topology::of(&fewer, &names, None));
        assert_eq!(u.0.len(), 3);
        assert_eq!(
            u.0[0].segment(&fewer.nodes),
            Some(Segment {
                x1: 100.0,
                y1: 0.0,
                x2: 0.0,
                y2: 0.0
            })
        );
        assert!(u
            .0
            .iter()
            .zip([0, 2, 3])
            .all(|(p, k)| Rc::ptr_eq(&p.id, &t.0[k].id)));
    }

    #[test]
    fn the_id_maps_hash_spreads_ids_over_buckets() {
        use std::hash::BuildHasher;
        let hasher = rustc_hash::FxBuildHasher;
        let ids: Vec<String> = (0..10_000).map(|i| format!("customer-{i}")).collect();
        let hashes: Vec<u64> = ids.iter().map(|id| hasher.hash_one(id.as_str())).collect();
        // The low bits pick a bucket; the top seven are hashbrown's tag within a group.
        let mut low = vec![0u32; 1024];
        let mut top = std::collections::BTreeSet::new();
        for h in &hashes {
            low[(*h & 1023) as usize] += 1;
            top.insert(*h >> 57);
        }
        assert!(low.iter().all(|&n| n > 0), "every low bucket is used");
        assert!(
            low.iter().all(|&n| n < 40),
            "no bucket holds four times its share"
        );
        assert!(top.len() > 120, "the tags are spread too: {}", top.len());
        let unique: std::collections::BTreeSet<u64> = hashes.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
        // Pairs of indices, as lanes are counted.
        let pairs: rustc_hash::FxHashSet<(usize, usize)> = (0..100)
            .flat_map(|a| (0..100).map(move |b| (a, b)))
            .collect();
        assert_eq!(pairs.len(), 10_000);
    }
}
