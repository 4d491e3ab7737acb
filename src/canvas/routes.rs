//! Where the canvas's edges go, as [`model::route`](crate::model::route) routes them round the
//! nodes in their way. The router (the nodes' boxes on a grid) is built once per change of the
//! diagram or of the captions' size; each edge is routed when it is first drawn and kept, so a
//! selection, a verdict or a walkthrough step draws the same routes without working them out
//! again, and a drag frame routes only the edges of the nodes it moves.

use super::topology::Topology;
use crate::model::caption::{self, Captions};
use crate::model::route::{Drawn, Moved, Router, Segment};
use crate::model::Shared;
use csp_rules::{Lang, Scenario};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Routes kept at most (a large diagram panned over for long): past it they are routed again.
const KEPT: usize = 20_000;

/// The routes of one diagram's edges, by edge index.
#[derive(Debug)]
pub struct Routes {
    router: Router,
    drawn: RefCell<FxHashMap<u32, Option<Drawn>>>,
}

impl Routes {
    /// `presented`: the language the diagram is presented in, and its captions (presenter
    /// mode's).
    pub fn of(scenario: &Scenario, scale: f64, presented: Option<(Lang, &Captions)>) -> Routes {
        let router = match presented {
            Some((lang, c)) => Router::presenting(&scenario.nodes, scale, lang, c),
            None => Router::new(&scenario.nodes, scale),
        };
        Routes {
            router,
            drawn: RefCell::default(),
        }
    }

    /// Edge `i`'s route along `seg` (its ends' centres, in its lane) between the nodes at
    /// indices `ends`.
    pub fn get(&self, i: usize, seg: Segment, ends: (usize, usize)) -> Option<Drawn> {
        let Ok(key) = u32::try_from(i) else {
            return self.router.route(seg, ends);
        };
        if let Some(d) = self.drawn.borrow().get(&key) {
            return *d;
        }
        let d = self.router.route(seg, ends);
        let mut kept = self.drawn.borrow_mut();
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(key, d);
        d
    }

    /// An edge's route while the `moved` nodes are dragged (worked out each frame, not kept).
    pub fn moving(&self, seg: Segment, ends: (usize, usize), moved: &Moved) -> Option<Drawn> {
        self.router.route_among(seg, ends, Some(moved))
    }
}

/// The captions' scale the edges are routed for, when they are drawn `scale` times their
/// usual size: rounded up to an eighth, so a zoom's every step does not route the diagram
/// again.
pub fn route_scale(scale: f64) -> f64 {
    if !scale.is_finite() || scale <= 1.0 {
        return 1.0;
    }
    (scale * 8.0).ceil().min(640.0) / 8.0
}

/// How much larger than usual the names are drawn at zoom `k` on a canvas `width` wide, with
/// the model's `captions` when presenting (1 otherwise).
pub fn caption_scale(captions: Option<&Shared<Captions>>, k: f64, width: f64) -> f64 {
    captions.map_or(1.0, |c| caption::present_scale(k, c.room_on(width)))
}

/// The routes of `scenario`'s edges (laid out by `topology`) with captions at `scale`,
/// presented in a language with its `Captions` when presenting.
#[hook]
pub fn use_routes(
    scenario: &Rc<Scenario>,
    topology: &Rc<Topology>,
    scale: f64,
    presented: Option<(Lang, Shared<Captions>)>,
) -> Rc<Routes> {
    use_memo(
        (
            Shared(scenario.clone()),
            Shared(topology.clone()),
            scale.to_bits(),
            presented,
        ),
        |(s, _, _, presented)| {
            let presented = presented.as_ref().map(|(lang, c)| (*lang, &*c.0));
            Routes::of(&s.0, scale, presented)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::super::topology::tests::{edge, node};
    use super::*;

    #[test]
    fn a_route_is_worked_out_once_and_kept() {
        let s = Scenario {
            nodes: vec![
                node("a", 0.0, 0.0),
                node("b", 0.0, 300.0),
                node("c", 0.0, 150.0),
            ],
            edges: vec![edge("e", "a", "b")],
            ..Scenario::default()
        };
        let t = Topology::build(&s, csp_rules::Lang::En);
        let routes = Routes::of(&s, 1.0, None);
        let place = &t.places()[0];
        let (seg, ends) = (place.segment(&s.nodes), place.route_ends());
        assert!(seg.is_some() && ends.is_some(), "the edge has a place");
        let (Some(seg), Some(ends)) = (seg, ends) else {
            return;
        };
        let d = routes.get(0, seg, ends);
        assert!(
            d.is_some_and(|d| d.ctrl.is_some()),
            "c is in the way: {d:?}"
        );
        assert_eq!(routes.drawn.borrow().len(), 1);
        assert_eq!(routes.get(0, seg, ends), d);
        assert_eq!(routes.drawn.borrow().len(), 1);
        // c dragged out of the way: the edge goes straight while it is.
        let at = |i: usize| if i == 2 { Some((400.0, 150.0)) } else { None };
        let moved = Moved {
            nodes: &[2],
            at: &at,
        };
        let d = routes.moving(seg, ends, &moved);
        assert!(d.is_some_and(|d| d.ctrl.is_none()), "{d:?}");
    }

    #[test]
    fn edges_between_the_same_two_nodes_keep_apart_in_their_lanes_routed_or_not() {
        // Two sales each way between a and b, and c in the way of them.
        let mut s = Scenario {
            nodes: vec![
                node("a", 0.0, 0.0),
                node("b", 0.0, 300.0),
                node("c", 0.0, 150.0),
            ],
            edges: vec![edge("e1", "a", "b"), edge("e2", "b", "a")],
            ..Scenario::default()
        };
        for in_the_way in [true, false] {
            if !in_the_way {
                s.nodes[2].x = Some(400.0);
            }
            let t = Topology::build(&s, csp_rules::Lang::En);
            let routes = Routes::of(&s, 1.0, None);
            let drawn: Vec<Drawn> = t
                .places()
                .iter()
                .enumerate()
                .filter_map(|(i, p)| routes.get(i, p.segment(&s.nodes)?, p.route_ends()?))
                .collect();
            assert_eq!(drawn.len(), 2);
            assert!(
                drawn.iter().all(|d| d.ctrl.is_some() == in_the_way),
                "{drawn:?}"
            );
            // Their badges (9 across each way) do not cover each other, nor do the lines meet.
            let (b1, b2) = (drawn[0].badge, drawn[1].badge);
            assert!((b1.0 - b2.0).hypot(b1.1 - b2.1) >= 16.0, "{drawn:?}");
            let near = (0..=20).all(|k| {
                let p = drawn[0].at(k as f64 / 20.0);
                (0..=20).all(|j| {
                    let q = drawn[1].at(j as f64 / 20.0);
                    (p.0 - q.0).hypot(p.1 - q.1) >= 8.0
                })
            });
            assert!(near, "the lanes stay apart: {drawn:?}");
        }
    }

    #[test]
    fn presenting_each_line_starts_under_its_own_source_and_ends_at_its_own_target() {
        // The guide's diagrams have names on two lines beside names on one, and edges whose
        // target's ID sorts before its source's.
        let lang = csp_rules::Lang::En;
        let mut reversed = 0;
        for p in csp_rules::presets::all() {
            let s = p.scenario().unwrap_or_default();
            let captions = Captions::of(&s.nodes, lang);
            let t = Topology::build(&s, lang);
            let routes = Routes::of(&s, 1.625, Some((lang, &captions)));
            let router = Router::presenting(&s.nodes, 1.625, lang, &captions);
            let find = |id: &str| s.nodes.iter().position(|n| n.id == id);
            for (i, (e, place)) in s.edges.iter().zip(t.places()).enumerate() {
                let (Some(seg), Some(ends)) = (place.segment(&s.nodes), place.route_ends()) else {
                    continue;
                };
                let own = find(&e.from).zip(find(&e.to));
                assert_eq!(Some(ends), own, "{}: {}", p.number, e.id);
                reversed +=
                    usize::from(e.from > e.to && captions.wraps(ends.0) != captions.wraps(ends.1));
                assert_eq!(
                    routes.get(i, seg, ends),
                    router.route(seg, ends),
                    "{}",
                    e.id
                );
            }
        }
        assert!(reversed > 0, "what makes this a test");
    }

    #[test]
    fn routes_follow_the_captions_by_eighths_rounded_up() {
        assert_eq!(route_scale(1.0), 1.0);
        assert_eq!(route_scale(0.5), 1.0);
        assert_eq!(route_scale(1.5), 1.5);
        assert_eq!(route_scale(1.51), 1.625);
        assert_eq!(route_scale(f64::NAN), 1.0);
        assert_eq!(route_scale(1e12), 80.0);
    }
}
