//! Diagram geometry that is not a rule: tier rows, where new nodes go, auto layout, the
//! bounding box, and fresh IDs. Positions never change a verdict.

use super::caption::{self, Captions};
use csp_rules::{Lang, Node, NodeKind, Scenario};
use std::collections::{HashMap, HashSet};

/// The y of the first tier and the distance between tiers, as the presets are laid out.
pub const TOP: f64 = 60.0;
pub const ROW: f64 = 140.0;
/// Horizontal distance between neighbours in a tier.
pub const SPACING: f64 = 180.0;
/// Where a tier is centred when it has nothing in it yet.
pub const CENTRE_X: f64 = 450.0;

/// The row of a kind's tier in the supply chain (the engine's order: Microsoft, then
/// providers and direct bill partners, then resellers, then customers).
pub fn tier_y(kind: NodeKind) -> f64 {
    TOP + ROW * kind.tier() as f64
}

/// How many tier rows there are.
const TIERS: usize = 4;

/// The rightmost x of the placed nodes in each tier's row (within half a row of it).
fn rightmost_by_tier(s: &Scenario) -> [Option<f64>; TIERS] {
    let mut right = [None; TIERS];
    for (x, y) in s.nodes.iter().filter_map(|n| Some((n.x?, n.y?))) {
        for (t, r) in right.iter_mut().enumerate() {
            if (y - (TOP + ROW * t as f64)).abs() < ROW / 2.0 {
                *r = Some(r.map_or(x, |r: f64| r.max(x)));
            }
        }
    }
    right
}

/// Where a new node goes in a row whose rightmost node is at `rightmost`.
fn right_of(rightmost: Option<f64>) -> f64 {
    rightmost.map_or(CENTRE_X, |x| x + SPACING)
}

/// Where a new node of `kind` goes: on its tier's row, right of whatever is already there.
pub fn place_new(s: &Scenario, kind: NodeKind) -> (f64, f64) {
    let right = rightmost_by_tier(s);
    let x = right_of(right.get(kind.tier()).copied().flatten());
    (x, tier_y(kind))
}

/// Gives every node without a position one, in its tier's row (share links and files
/// written by hand may carry none): where adding them one by one would put them, in one
/// pass (a scan of the placed nodes for each would be quadratic).
pub fn fill_missing(s: &mut Scenario) {
    let mut right = rightmost_by_tier(s);
    for n in &mut s.nodes {
        if n.x.is_none() || n.y.is_none() {
            let mut spare = None;
            let row = right.get_mut(n.kind.tier()).unwrap_or(&mut spare);
            let x = right_of(*row);
            *row = Some(x);
            (n.x, n.y) = (Some(x), Some(tier_y(n.kind)));
        }
    }
}

/// Lays every node out by tier. Within a tier, nodes are ordered by the mean x of their
/// neighbours in the tiers above (so edges cross less), then by where they were.
pub fn auto_layout(s: &mut Scenario) {
    let index: HashMap<&str, usize> = s
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut above: Vec<Vec<usize>> = vec![Vec::new(); s.nodes.len()];
    for e in &s.edges {
        if let (Some(&a), Some(&b)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) {
            let (ta, tb) = (s.nodes[a].kind.tier(), s.nodes[b].kind.tier());
            if ta < tb {
                above[b].push(a);
            } else if tb < ta {
                above[a].push(b);
            }
        }
    }
    let mut new_x: Vec<Option<f64>> = vec![None; s.nodes.len()];
    let last = NodeKind::ALL.iter().map(|k| k.tier()).max().unwrap_or(0);
    for t in 0..=last {
        let mut row: Vec<(f64, f64, usize)> = s
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind.tier() == t)
            .map(|(i, n)| {
                let placed: Vec<f64> = above[i].iter().filter_map(|&j| new_x[j]).collect();
                let old = n.x.unwrap_or(CENTRE_X);
                let key = if placed.is_empty() {
                    old
                } else {
                    placed.iter().sum::<f64>() / placed.len() as f64
                };
                (key, old, i)
            })
            .collect();
        // By the key, then the old x: two stable sorts by a `u64`, the page's one kind of sort.
        row.sort_by_cached_key(|r| ordered(r.1));
        row.sort_by_cached_key(|r| ordered(r.0));
        let width = SPACING * (row.len().saturating_sub(1)) as f64;
        for (slot, &(_, _, i)) in row.iter().enumerate() {
            new_x[i] = Some(CENTRE_X - width / 2.0 + SPACING * slot as f64);
        }
    }
    for (n, x) in s.nodes.iter_mut().zip(new_x) {
        n.x = x;
        n.y = Some(tier_y(n.kind));
    }
}

/// A rectangle in diagram coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn from_corners(a: (f64, f64), b: (f64, f64)) -> Rect {
        Rect {
            x0: a.0.min(b.0),
            y0: a.1.min(b.1),
            x1: a.0.max(b.0),
            y1: a.1.max(b.1),
        }
    }

    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        (self.x0..=self.x1).contains(&x) && (self.y0..=self.y1).contains(&y)
    }
}

/// `x` as a key whose order is `f64::total_cmp`'s.
fn ordered(x: f64) -> u64 {
    let bits = x.to_bits() as i64;
    ((bits ^ (((bits >> 63) as u64) >> 1) as i64) as u64) ^ (1 << 63)
}

/// Node half-size and label room, so a fitted view shows whole shapes and their labels.
const MARGIN_X: f64 = 110.0;
const MARGIN_TOP: f64 = 50.0;
const MARGIN_BOTTOM: f64 = 90.0;

/// The box around the given node ids (all nodes when `only` is `None`), labels included.
pub fn bounds(s: &Scenario, only: Option<&HashSet<&str>>) -> Option<Rect> {
    let mut it = s
        .nodes
        .iter()
        .filter(|n| only.is_none_or(|o| o.contains(n.id.as_str())))
        .filter_map(|n| Some((n.x?, n.y?)));
    let first = it.next()?;
    let r = it.fold(Rect::from_corners(first, first), |r, (x, y)| Rect {
        x0: r.x0.min(x),
        y0: r.y0.min(y),
        x1: r.x1.max(x),
        y1: r.y1.max(y),
    });
    Some(Rect {
        x0: r.x0 - MARGIN_X,
        y0: r.y0 - MARGIN_TOP,
        x1: r.x1 + MARGIN_X,
        y1: r.y1 + MARGIN_BOTTOM,
    })
}

/// Room kept round the captions when fitting them, in diagram units: the shape's top, and the
/// sides and foot of the outermost names.
const CAPTION_PAD_TOP: f64 = 40.0;
const CAPTION_PAD: f64 = 12.0;

/// The box around the given nodes with their captions drawn `scale` times their usual size
/// (presenter mode), each as wide as its name in `lang`, on the lines `captions` puts it on.
pub fn caption_bounds(
    s: &Scenario,
    only: Option<&HashSet<&str>>,
    lang: Lang,
    captions: &Captions,
    scale: f64,
) -> Option<Rect> {
    s.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| only.is_none_or(|o| o.contains(n.id.as_str())))
        .filter_map(|(i, n)| caption_box(n, lang, captions.wraps(i), scale))
        .reduce(|a, b| Rect {
            x0: a.x0.min(b.x0),
            y0: a.y0.min(b.y0),
            x1: a.x1.max(b.x1),
            y1: a.y1.max(b.y1),
        })
}

/// The box of node `n` with its caption drawn `scale` times its usual size in `lang` (its
/// name on two lines where `wrapped`), and the room kept round it; `None` where it has no
/// position.
pub fn caption_box(n: &Node, lang: Lang, wrapped: bool, scale: f64) -> Option<Rect> {
    let scale = if scale.is_finite() {
        scale.max(1.0)
    } else {
        1.0
    };
    let (x, y) = (n.x?, n.y?);
    let (half, height) = caption::measure(n, lang, wrapped);
    let half = (half * scale).max(35.0) + CAPTION_PAD;
    Some(Rect {
        x0: x - half,
        y0: y - CAPTION_PAD_TOP,
        x1: x + half,
        y1: y + caption::TOP + height * scale + CAPTION_PAD,
    })
}

/// The node-ID prefix for each kind (short, so IDs stay readable in reports).
fn prefix(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Microsoft => "ms",
        NodeKind::IndirectProvider => "provider",
        NodeKind::IndirectReseller => "reseller",
        NodeKind::DirectBillPartner => "dbp",
        NodeKind::Customer => "customer",
    }
}

/// A fresh node ID for `kind`: `ms`, then `ms-2`…; `reseller-1`, `reseller-2`… Always valid
/// and unused.
pub fn new_node_id(s: &Scenario, kind: NodeKind) -> (String, usize) {
    let used: HashSet<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
    let p = prefix(kind);
    if kind == NodeKind::Microsoft && !used.contains(p) {
        return (p.to_string(), 1);
    }
    let first = if kind == NodeKind::Microsoft { 2 } else { 1 };
    (first..)
        .map(|n| (format!("{p}-{n}"), n))
        .find(|(id, _)| !used.contains(id.as_str()))
        .unwrap_or_else(|| (format!("{p}-x"), 0))
}

/// Rounds to the snap grid.
pub fn snap(v: f64, grid: f64) -> f64 {
    (v / grid).round() * grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{Edge, EdgeKind, Node};

    #[test]
    fn ordered_keys_sort_as_total_cmp() {
        let xs = [
            3.5,
            -0.0,
            0.0,
            -7.25,
            f64::INFINITY,
            -f64::INFINITY,
            1e-300,
            -1e300,
            42.0,
        ];
        let mut by_key = xs.to_vec();
        by_key.sort_by_cached_key(|&x| ordered(x));
        let mut by_cmp = xs.to_vec();
        by_cmp.sort_by(f64::total_cmp);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&by_key), bits(&by_cmp));
    }

    fn node(id: &str, kind: NodeKind, x: Option<f64>) -> Node {
        let mut n = Node::new(id, kind);
        n.x = x;
        n.y = x.map(|_| tier_y(kind));
        n
    }

    #[test]
    fn new_ids_are_fresh_and_valid() {
        let mut s = Scenario::default();
        assert_eq!(new_node_id(&s, NodeKind::Microsoft).0, "ms");
        s.nodes.push(Node::new("ms", NodeKind::Microsoft));
        assert_eq!(new_node_id(&s, NodeKind::Microsoft).0, "ms-2");
        s.nodes
            .push(Node::new("reseller-1", NodeKind::IndirectReseller));
        assert_eq!(new_node_id(&s, NodeKind::IndirectReseller).0, "reseller-2");
        assert_eq!(s.fresh_edge_id(), "e1");
        s.edges.push(Edge {
            id: "e1".into(),
            from: "ms".into(),
            to: "reseller-1".into(),
            kind: EdgeKind::SellsTo,
        });
        assert_eq!(s.fresh_edge_id(), "e2");
    }

    #[test]
    fn new_nodes_go_right_of_their_tier() {
        let mut s = Scenario::default();
        assert_eq!(place_new(&s, NodeKind::Customer), (CENTRE_X, 480.0));
        s.nodes.push(node("c", NodeKind::Customer, Some(500.0)));
        assert_eq!(place_new(&s, NodeKind::Customer), (680.0, 480.0));
        assert_eq!(place_new(&s, NodeKind::Microsoft), (CENTRE_X, 60.0));
    }

    #[test]
    fn auto_layout_rows_by_tier_and_follows_parents() {
        let mut s = Scenario::default();
        s.nodes.push(node("c1", NodeKind::Customer, None));
        s.nodes.push(node("c2", NodeKind::Customer, None));
        s.nodes
            .push(node("r1", NodeKind::IndirectReseller, Some(100.0)));
        s.nodes
            .push(node("r2", NodeKind::IndirectReseller, Some(900.0)));
        s.nodes.push(node("ms", NodeKind::Microsoft, Some(0.0)));
        for (id, from, to) in [("e1", "r2", "c1"), ("e2", "r1", "c2")] {
            s.edges.push(Edge {
                id: id.into(),
                from: from.into(),
                to: to.into(),
                kind: EdgeKind::SellsTo,
            });
        }
        auto_layout(&mut s);
        let pos = |id: &str| {
            s.nodes
                .iter()
                .find(|n| n.id == id)
                .map(|n| (n.x.unwrap_or(f64::NAN), n.y.unwrap_or(f64::NAN)))
                .unwrap_or_default()
        };
        assert_eq!(pos("ms"), (CENTRE_X, 60.0));
        assert_eq!(pos("r1").1, 340.0);
        assert!(pos("r1").0 < pos("r2").0);
        // c2 is under r1 (left), c1 under r2 (right).
        assert!(pos("c2").0 < pos("c1").0);
        assert_eq!(pos("c1").1, 480.0);
    }

    /// Nodes of every kind, some placed anywhere (between the rows too), most not.
    fn mixed(n: usize) -> Scenario {
        let mut s = Scenario::default();
        let mut r: u64 = 7;
        for i in 0..n {
            r = r.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let kind = NodeKind::ALL[(r >> 33) as usize % NodeKind::ALL.len()];
            let mut node = Node::new(format!("n{i}"), kind);
            if (r >> 20) % 4 == 0 {
                node.x = Some(((r >> 40) % 3000) as f64 - 500.0);
                node.y = Some(((r >> 12) % 700) as f64);
            } else if (r >> 20) % 4 == 1 {
                // Half placed: only a whole position counts.
                node.x = Some(1.0);
            }
            s.nodes.push(node);
        }
        s
    }

    #[test]
    fn missing_positions_go_where_adding_them_one_by_one_would_put_them() {
        for n in [0, 1, 2, 50, 400] {
            let mut one_by_one = mixed(n);
            for i in 0..one_by_one.nodes.len() {
                if one_by_one.nodes[i].x.is_none() || one_by_one.nodes[i].y.is_none() {
                    let (x, y) = place_new(&one_by_one, one_by_one.nodes[i].kind);
                    (one_by_one.nodes[i].x, one_by_one.nodes[i].y) = (Some(x), Some(y));
                }
            }
            let mut filled = mixed(n);
            fill_missing(&mut filled);
            assert_eq!(filled, one_by_one, "{n} nodes");
        }
    }

    #[test]
    fn filling_missing_positions_is_linear() {
        // Placing each node by a scan of the others took minutes at this size (a share link of
        // 200,000 nodes froze the tab for 226 s); linear, it takes milliseconds.
        let mut s = mixed(200_000);
        let started = std::time::Instant::now();
        fill_missing(&mut s);
        let took = started.elapsed();
        assert!(s.nodes.iter().all(|n| n.x.is_some() && n.y.is_some()));
        assert!(took.as_secs() < 10, "200,000 nodes placed in {took:?}");
    }

    #[test]
    fn missing_positions_are_filled_and_bounds_cover_them() {
        let mut s = Scenario::default();
        assert_eq!(bounds(&s, None), None);
        s.nodes.push(node("a", NodeKind::Customer, None));
        s.nodes.push(node("b", NodeKind::Customer, None));
        fill_missing(&mut s);
        assert!(s.nodes.iter().all(|n| n.x.is_some() && n.y.is_some()));
        assert_ne!(s.nodes[0].x, s.nodes[1].x);
        let b = bounds(&s, None).unwrap_or(Rect::from_corners((0.0, 0.0), (0.0, 0.0)));
        assert!(b.contains((CENTRE_X, 480.0)));
        assert_eq!(snap(27.0, 20.0), 20.0);
        assert_eq!(snap(31.0, 20.0), 40.0);
    }
}
