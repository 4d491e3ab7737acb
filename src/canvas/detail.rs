//! How much of the diagram the canvas draws, and how finely: the level of detail by zoom, and
//! for diagrams past [`KEEP_ALL`] nodes only what is in view. Pure geometry, tested natively.
//!
//! - Zoomed in (`full`), each node is its shape, icon, labels and handle, each edge its line,
//!   arrowhead and verdict badge. Zoomed out past [`PLAIN_BELOW`], labels can't be read: a node
//!   is its plain shape and an edge its plain line, one element each (past [`FULL_UP_TO`] nodes).
//! - Up to [`KEEP_ALL`] nodes everything is drawn, one element per node and per edge at every
//!   zoom, so tests and embedding pages find every `data-edge-id` whatever the view.
//! - Past it (`cull`), only the nodes in the window (the view and a margin) are drawn, and an
//!   edge gets an element of its own only where it can be told apart: zoomed in, when an end
//!   or its badge is in the window; at any zoom, when it is selected or highlighted. The
//!   other edges that cross the window are drawn in a few batch paths, one per verdict.

use super::topology::EdgePlace;
use crate::model::layout::Rect;
use crate::model::View;
use csp_rules::Node;

/// Diagrams of up to this many nodes are drawn whole at every zoom.
pub const KEEP_ALL: usize = 1_500;
/// Below this zoom the canvas draws plain shapes (a 13 px label is then under 6 px).
pub const PLAIN_BELOW: f64 = 0.45;
/// Diagrams of up to this many nodes keep full detail at every zoom: they cost little, and a
/// phone fits a guide scenario below [`PLAIN_BELOW`], where its verdict badges still matter.
pub const FULL_UP_TO: usize = 200;
/// How far a node's drawing reaches from its centre (its label's half width and depth).
const NODE_REACH: f64 = 80.0;

/// The level of detail of one render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    /// Labels, icons, arrowheads and badges (else plain shapes and lines).
    pub full: bool,
    /// Only what is in the window is drawn.
    pub cull: bool,
}

impl Detail {
    pub fn of(nodes: usize, k: f64) -> Detail {
        Detail {
            full: nodes <= FULL_UP_TO || k >= PLAIN_BELOW || k.is_nan(),
            cull: nodes > KEEP_ALL,
        }
    }
}

/// The part of the diagram drawn when culling: the view and half a step to a step and a half
/// more on every side, its sides on a grid whose step is a power of two near half the view's
/// size, so a small pan or zoom draws exactly the same nodes and edges.
pub fn window(view: View, size: (f64, f64)) -> Rect {
    let seen = view.visible(size);
    let span = (seen.x1 - seen.x0).max(seen.y1 - seen.y0).max(1.0);
    let step = 2f64.powi((span / 2.0).log2().ceil().clamp(-30.0, 60.0) as i32);
    let down = |v: f64| ((v / step) - 0.5).floor() * step;
    let up = |v: f64| ((v / step) + 0.5).ceil() * step;
    Rect {
        x0: down(seen.x0),
        y0: down(seen.y0),
        x1: up(seen.x1),
        y1: up(seen.y1),
    }
}

/// What one render draws, as indices into the scenario's nodes and edges.
#[derive(Debug, Default, PartialEq)]
pub struct Visible {
    /// The nodes drawn; `None`: all of them.
    pub nodes: Option<Vec<usize>>,
    /// The edges drawn with an element of their own; `None`: all of them.
    pub edges: Option<Vec<usize>>,
    /// The edges drawn in the batch paths.
    pub batch: Vec<usize>,
}

fn pos(n: &Node) -> Option<(f64, f64)> {
    Some((n.x?, n.y?))
}

fn near(r: &Rect, (x, y): (f64, f64), reach: f64) -> bool {
    x >= r.x0 - reach && x <= r.x1 + reach && y >= r.y0 - reach && y <= r.y1 + reach
}

/// What is drawn of `nodes` and `edges` (their places, in the scenario's order) in `window`
/// at `detail`; `own(i)`: edge `i` must have an element of its own wherever it is in the
/// window (selected, highlighted). Linear in the diagram, with no allocation per item.
pub fn visible(
    nodes: &[Node],
    edges: &[EdgePlace],
    window: &Rect,
    detail: Detail,
    own: impl Fn(usize) -> bool,
) -> Visible {
    if !detail.cull {
        return Visible {
            nodes: None,
            edges: None,
            batch: Vec::new(),
        };
    }
    let at = |i: usize| nodes.get(i).and_then(pos);
    let inside = |p: Option<(f64, f64)>| p.is_some_and(|p| near(window, p, NODE_REACH));
    let shown = (0..nodes.len()).filter(|&i| inside(at(i))).collect();
    let mut solo = Vec::new();
    let mut batch = Vec::new();
    for (i, place) in edges.iter().enumerate() {
        let Some((a, b)) = place.ends() else { continue };
        let (Some(pa), Some(pb)) = (at(a), at(b)) else {
            continue;
        };
        let crosses = pa.0.max(pb.0) >= window.x0
            && pa.0.min(pb.0) <= window.x1
            && pa.1.max(pb.1) >= window.y0
            && pa.1.min(pb.1) <= window.y1;
        if !crosses {
            continue;
        }
        let mid = ((pa.0 + pb.0) / 2.0, (pa.1 + pb.1) / 2.0);
        let seen = detail.full && (inside(Some(pa)) || inside(Some(pb)) || inside(Some(mid)));
        if seen || own(i) {
            solo.push(i);
        } else {
            batch.push(i);
        }
    }
    Visible {
        nodes: Some(shown),
        edges: Some(solo),
        batch,
    }
}

/// The batched edge nearest the point `at` within `reach` (diagram units): batched edges
/// have no element to be clicked, so a press on the background asks this.
pub fn nearest(
    nodes: &[Node],
    edges: &[EdgePlace],
    batch: &[usize],
    at: (f64, f64),
    reach: f64,
) -> Option<usize> {
    let pos = |i: usize| nodes.get(i).and_then(pos);
    let mut best: Option<(f64, usize)> = None;
    for &i in batch {
        let Some((a, b)) = edges.get(i).and_then(EdgePlace::ends) else {
            continue;
        };
        let (Some(pa), Some(pb)) = (pos(a), pos(b)) else {
            continue;
        };
        let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 {
            (((at.0 - pa.0) * dx + (at.1 - pa.1) * dy) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (cx, cy) = (pa.0 + t * dx - at.0, pa.1 + t * dy - at.1);
        let d2 = cx * cx + cy * cy;
        if d2 <= reach * reach && best.is_none_or(|(b, _)| d2 < b) {
            best = Some((d2, i));
        }
    }
    best.map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::topology::tests::{edge, node as at};
    use crate::canvas::topology::Topology;
    use csp_rules::{Lang, Scenario};

    #[test]
    fn plain_below_the_threshold_and_culled_only_past_keep_all() {
        assert_eq!(
            Detail::of(10, 1.0),
            Detail {
                full: true,
                cull: false
            }
        );
        assert!(!Detail::of(FULL_UP_TO + 1, PLAIN_BELOW - 0.01).full);
        assert!(Detail::of(FULL_UP_TO + 1, PLAIN_BELOW).full);
        assert!(
            Detail::of(FULL_UP_TO, 0.1).full,
            "a small diagram keeps its badges zoomed out (a phone's fit)"
        );
        assert!(!Detail::of(KEEP_ALL, 0.2).cull);
        assert!(Detail::of(KEEP_ALL + 1, 0.2).cull);
        assert!(
            Detail::of(FULL_UP_TO + 1, f64::NAN).full,
            "no zoom is not a reason to drop detail"
        );
    }

    #[test]
    fn the_window_covers_the_view_and_stays_put_for_small_pans() {
        let size = (1000.0, 600.0);
        let v = View {
            x: -300.0,
            y: -100.0,
            k: 0.5,
        };
        let w = window(v, size);
        let seen = v.visible(size);
        assert!(w.x0 < seen.x0 && w.y0 < seen.y0 && w.x1 > seen.x1 && w.y1 > seen.y1);
        // Its sides are on the grid: moving the view a few pixels changes nothing.
        let nudged = View { x: v.x - 3.0, ..v };
        assert_eq!(window(nudged, size), w);
        // Not absurdly large: at most a few views wide.
        assert!((w.x1 - w.x0) < 4.0 * (seen.x1 - seen.x0));
        // Any zoom gives a finite window.
        let far = window(
            View {
                x: 0.0,
                y: 0.0,
                k: 1e-9,
            },
            size,
        );
        assert!(far.x0.is_finite() && far.x1.is_finite());
    }

    #[test]
    fn culling_draws_what_is_in_the_window_and_batches_what_only_crosses_it() {
        let s = Scenario {
            nodes: vec![
                at("in", 100.0, 100.0),
                at("far-left", -10_000.0, 100.0),
                at("far-right", 20_000.0, 100.0),
                at("far-away", 50_000.0, 50_000.0),
                at("in-too", 300.0, 150.0),
            ],
            edges: vec![
                edge("touches", "in", "far-left"),
                edge("crosses", "far-left", "far-right"),
                edge("outside", "far-right", "far-away"),
                edge("inside", "in", "in-too"),
                edge("dangling", "in", "gone"),
            ],
            ..Scenario::default()
        };
        let t = Topology::build(&s, Lang::En);
        let w = Rect::from_corners((0.0, 0.0), (1000.0, 1000.0));
        let full = Detail {
            full: true,
            cull: true,
        };
        let v = visible(&s.nodes, t.places(), &w, full, |_| false);
        assert_eq!(v.nodes, Some(vec![0, 4]));
        assert_eq!(v.edges, Some(vec![0, 3]));
        assert_eq!(v.batch, vec![1]);
        // Zoomed out, every crossing edge is batched but those that must stand alone.
        let plain = Detail {
            full: false,
            cull: true,
        };
        let v = visible(&s.nodes, t.places(), &w, plain, |i| i == 3);
        assert_eq!(v.edges, Some(vec![3]));
        assert_eq!(v.batch, vec![0, 1]);
        // A press beside a batched line finds it; one far from any does not.
        assert_eq!(
            nearest(&s.nodes, t.places(), &[1, 2], (0.0, 104.0), 6.0),
            Some(1)
        );
        assert_eq!(
            nearest(&s.nodes, t.places(), &[1, 2], (0.0, 300.0), 6.0),
            None
        );
        // Not culling: everything, nothing batched.
        let all = visible(&s.nodes, t.places(), &w, Detail::of(5, 0.1), |_| false);
        assert_eq!(all, Visible::default());
    }
}
