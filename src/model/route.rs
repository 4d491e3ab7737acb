//! Where each edge is drawn: from the edge of one node's box to the other's, straight when
//! nothing is in the way, and otherwise a gentle curve around the nodes it would cross, so no
//! line runs through a node or its name and no verdict badge sits under one. Pure geometry,
//! for the canvas and for anything else that draws the diagram (exports, print): computed
//! once per change of the diagram's positions, through a grid of the nodes' boxes so that an
//! edge looks only at the nodes near it.

use super::caption::{self, Captions};
use csp_rules::{Lang, Node};
use rustc_hash::FxHashMap;

/// The box a node takes on the canvas around its centre, labels included: edges start and
/// end on it, so lines never run through a name.
pub const BOX_HALF_WIDTH: f64 = 32.0;
pub const BOX_TOP: f64 = 30.0;
pub const BOX_BOTTOM: f64 = 58.0;
/// Half the width given to a node's name and kind under its shape.
pub const LABEL_HALF_WIDTH: f64 = 72.0;
/// Where a node's caption (its name, then its kind) starts below its centre.
const CAPTION_TOP: f64 = 27.0;
/// Room kept between a line and a node it passes: more than a verdict badge's radius (9), so
/// a badge on the line is never under a node either.
const CLEARANCE: f64 = 12.0;
/// Room a badge keeps from its own ends' shapes and names: its radius and a little.
const BADGE_ROOM: f64 = 11.0;
/// Where along the line a badge is tried, from the middle out, when the middle is under a
/// name; then as far beside the line as these steps.
const BADGE_STEPS: usize = 30;
const BESIDE_STEP: f64 = 6.0;
const BESIDE_STEPS: usize = 10;
/// Diagrams with more nodes than this are drawn straight (routing is for diagrams a person
/// reads; a large network is audited, not drawn).
pub const ROUTE_LIMIT: usize = 2_000;
/// The grid's cells, in diagram units (a little more than the distance between neighbours).
const CELL: f64 = 200.0;
/// The curve's bends tried, as a share of the edge's length, each way round.
const BENDS: [f64; 7] = [0.12, 0.22, 0.34, 0.48, 0.64, 0.82, 1.0];
/// Points a curve is checked at (and its straight pieces between them).
const SAMPLES: usize = 12;
/// A drag of more nodes than this draws their edges straight until the drop (each routed
/// edge tests every dragged node's box: a frame stays small).
pub const MOVED_LIMIT: usize = 24;

/// Where an edge's two ends are: the centres of its nodes, already offset across the line
/// when edges share a pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// An edge as drawn: from `start` (on the first node's box) to `end` (short of the second's,
/// where its arrowhead goes), straight or a quadratic curve through `ctrl`; `dir` is the unit
/// direction the line arrives in, `badge` where its verdict badge goes: on the line, or, where
/// the line has no room for it between its ends' names, beside the point `on_line` of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawn {
    pub start: (f64, f64),
    pub ctrl: Option<(f64, f64)>,
    pub end: (f64, f64),
    pub dir: (f64, f64),
    pub badge: (f64, f64),
    pub on_line: (f64, f64),
}

impl Drawn {
    /// The point at `t` (0 to 1) along the line.
    pub fn at(&self, t: f64) -> (f64, f64) {
        match self.ctrl {
            None => lerp(self.start, self.end, t),
            Some(c) => bezier(self.start, c, self.end, t),
        }
    }
}

fn lerp(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

fn bezier(a: (f64, f64), c: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    let u = 1.0 - t;
    (
        u * u * a.0 + 2.0 * u * t * c.0 + t * t * b.0,
        u * u * a.1 + 2.0 * u * t * c.1 + t * t * b.1,
    )
}

fn unit(dx: f64, dy: f64) -> Option<(f64, f64)> {
    let len = (dx * dx + dy * dy).sqrt();
    (len.is_finite() && len >= 1e-6).then(|| (dx / len, dy / len))
}

/// How far from a node's centre a ray in direction (ux, uy) leaves its box: the shape's box,
/// then, for rays going down through it, the caption's (`scale`: how much larger the caption
/// is drawn than at 13 px).
pub fn box_exit(ux: f64, uy: f64) -> f64 {
    box_exit_scaled(ux, uy, 1.0, 0.0)
}

/// [`box_exit`] with captions `scale` times their size, `extra` taller than two lines at 13 px.
fn box_exit_scaled(ux: f64, uy: f64, scale: f64, extra: f64) -> f64 {
    let shape = shape_exit(ux, uy);
    let (bottom, half) = (
        CAPTION_TOP + (BOX_BOTTOM - CAPTION_TOP + extra) * scale,
        LABEL_HALF_WIDTH * scale,
    );
    if uy > 1e-9 && BOX_TOP * ux.abs() / uy <= half {
        let label = (bottom / uy).min(if ux.abs() > 1e-9 {
            half / ux.abs()
        } else {
            f64::INFINITY
        });
        shape.max(label)
    } else {
        shape
    }
}

fn shape_exit(ux: f64, uy: f64) -> f64 {
    let tx = if ux.abs() > 1e-9 {
        BOX_HALF_WIDTH / ux.abs()
    } else {
        f64::INFINITY
    };
    let ty = if uy.abs() > 1e-9 {
        BOX_TOP / uy.abs()
    } else {
        f64::INFINITY
    };
    tx.min(ty)
}

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn grown(self, by: f64) -> Rect {
        Rect {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    /// Whether the segment from `a` to `b` meets the box (Liang–Barsky clipping).
    fn meets(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p.abs() < 1e-12 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// How wide a node's name is drawn at 13 px (bold), estimated from its characters: wide
/// (CJK) ones take a full em.
fn label_width(label: &str) -> f64 {
    label
        .chars()
        .take(26)
        .map(|c| if c.is_ascii() { 8.2 } else { 13.5 })
        .sum()
}

/// A node's shape and caption, as the boxes a line must keep clear of.
/// `measured`: the caption's half width and height at 13 px where it is known (presenting).
fn footprint(n: &Node, scale: f64, measured: Option<(f64, f64)>) -> Option<[Rect; 2]> {
    let (x, y) = (n.x?, n.y?);
    // The kind's line under the name is up to about 130 units wide.
    let (half, height) = measured.unwrap_or((
        (label_width(n.label()) / 2.0).clamp(65.0, 110.0),
        BOX_BOTTOM - CAPTION_TOP,
    ));
    let half = half * scale;
    let shape = Rect {
        x0: x - BOX_HALF_WIDTH,
        y0: y - BOX_TOP,
        x1: x + BOX_HALF_WIDTH,
        y1: y + BOX_TOP,
    };
    let caption = Rect {
        x0: x - half,
        y0: y + CAPTION_TOP,
        x1: x + half,
        y1: y + CAPTION_TOP + height * scale,
    };
    Some([shape.grown(CLEARANCE), caption.grown(CLEARANCE)])
}

/// Nodes being dragged: their indices (sorted) and where each is now. The router still holds
/// them where they were; an edge routed among them keeps clear of where they are.
pub struct Moved<'a> {
    pub nodes: &'a [usize],
    pub at: &'a dyn Fn(usize) -> Option<(f64, f64)>,
}

impl std::fmt::Debug for Moved<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Moved").field("nodes", &self.nodes).finish()
    }
}

impl Moved<'_> {
    fn has(&self, i: usize) -> bool {
        self.nodes.binary_search(&i).is_ok()
    }
}

fn cell_of(p: (f64, f64)) -> (i32, i32) {
    let c = |v: f64| (v / CELL).floor().clamp(-1e6, 1e6) as i32;
    (c(p.0), c(p.1))
}

/// The nodes' boxes, by grid cell: what routes the edges.
#[derive(Debug, Default)]
pub struct Router {
    boxes: Vec<Option<[Rect; 2]>>,
    /// Each node's centre, as its boxes were built around it.
    centres: Vec<Option<(f64, f64)>>,
    grid: FxHashMap<(i32, i32), Vec<u32>>,
    scale: f64,
    /// How much taller than two lines each node's caption is at 13 px (a name on two lines).
    extra: Vec<f64>,
    /// Too many nodes: every edge is drawn straight.
    straight: bool,
}

impl Router {
    /// The router for these nodes; `scale` is how much larger captions are drawn than at
    /// 13 px (presenter mode).
    pub fn new(nodes: &[Node], scale: f64) -> Router {
        Router::build(nodes, scale, None)
    }

    /// The router for these nodes presented in `lang`: captions `scale` times their size,
    /// the names `captions` wraps on two lines.
    pub fn presenting(nodes: &[Node], scale: f64, lang: Lang, captions: &Captions) -> Router {
        Router::build(nodes, scale, Some((lang, captions)))
    }

    fn build(nodes: &[Node], scale: f64, presented: Option<(Lang, &Captions)>) -> Router {
        let scale = if scale.is_finite() {
            scale.max(1.0)
        } else {
            1.0
        };
        if nodes.len() > ROUTE_LIMIT {
            return Router {
                scale,
                straight: true,
                ..Router::default()
            };
        }
        let measured: Vec<Option<(f64, f64)>> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| presented.map(|(lang, c)| caption::measure(n, lang, c.wraps(i))))
            .collect();
        let boxes: Vec<Option<[Rect; 2]>> = nodes
            .iter()
            .zip(&measured)
            .map(|(n, &m)| footprint(n, scale, m))
            .collect();
        let mut grid: FxHashMap<(i32, i32), Vec<u32>> = FxHashMap::default();
        for (i, b) in boxes.iter().enumerate() {
            let Some(b) = b else { continue };
            let (x0, y0) = cell_of((b[1].x0.min(b[0].x0), b[0].y0));
            let (x1, y1) = cell_of((b[1].x1.max(b[0].x1), b[1].y1));
            for cx in x0..=x1 {
                for cy in y0..=y1 {
                    grid.entry((cx, cy)).or_default().push(i as u32);
                }
            }
        }
        Router {
            boxes,
            centres: nodes.iter().map(|n| Some((n.x?, n.y?))).collect(),
            grid,
            scale,
            extra: measured
                .iter()
                .map(|m| m.map_or(0.0, |(_, h)| (h - caption::HEIGHT).max(0.0)))
                .collect(),
            straight: false,
        }
    }

    /// The first node other than `ends`' that the straight piece from `a` to `b` meets, the
    /// `moved` ones where they are now.
    fn hit(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        ends: (usize, usize),
        seen: &mut Vec<u32>,
        moved: Option<&Moved>,
    ) -> Option<usize> {
        seen.clear();
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let steps = ((len / (CELL / 2.0)).ceil() as usize).clamp(1, 400);
        let mut last = None;
        for k in 0..=steps {
            let cell = cell_of(lerp(a, b, k as f64 / steps as f64));
            if last == Some(cell) {
                continue;
            }
            last = Some(cell);
            let Some(ids) = self.grid.get(&cell) else {
                continue;
            };
            for &i in ids {
                let iu = i as usize;
                if iu == ends.0
                    || iu == ends.1
                    || seen.contains(&i)
                    || moved.is_some_and(|m| m.has(iu))
                {
                    continue;
                }
                seen.push(i);
                if let Some(Some(b2)) = self.boxes.get(iu) {
                    if b2.iter().any(|r| r.meets(a, b)) {
                        return Some(iu);
                    }
                }
            }
        }
        let moved = moved?;
        moved.nodes.iter().copied().find(|&i| {
            i != ends.0
                && i != ends.1
                && self
                    .moved_box(i, moved)
                    .is_some_and(|b2| b2.iter().any(|r| r.meets(a, b)))
        })
    }

    /// Node `i`'s boxes where `moved` has it now.
    fn moved_box(&self, i: usize, moved: &Moved) -> Option<[Rect; 2]> {
        let boxes = self.boxes.get(i).copied().flatten()?;
        let (from, to) = (self.centres.get(i).copied().flatten()?, (moved.at)(i)?);
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        Some(boxes.map(|r| Rect {
            x0: r.x0 + dx,
            y0: r.y0 + dy,
            x1: r.x1 + dx,
            y1: r.y1 + dy,
        }))
    }

    /// Whether the curve from `a` through `c` to `b` meets a node other than `ends`'.
    fn curve_blocked(
        &self,
        a: (f64, f64),
        c: (f64, f64),
        b: (f64, f64),
        ends: (usize, usize),
        seen: &mut Vec<u32>,
        moved: Option<&Moved>,
    ) -> bool {
        let mut prev = a;
        (1..=SAMPLES).any(|k| {
            let p = bezier(a, c, b, k as f64 / SAMPLES as f64);
            let hit = self.hit(prev, p, ends, seen, moved).is_some();
            prev = p;
            hit
        })
    }

    /// Where the edge between the nodes at indices `ends` (in the order the router was built
    /// for) is drawn, its centres at `seg`; `None` when its ends are on top of each other.
    pub fn route(&self, seg: Segment, ends: (usize, usize)) -> Option<Drawn> {
        self.route_among(seg, ends, None)
    }

    /// [`route`](Self::route) while the `moved` nodes are dragged: clear of where they are
    /// now (straight when they are more than [`MOVED_LIMIT`]).
    pub fn route_among(
        &self,
        seg: Segment,
        ends: (usize, usize),
        moved: Option<&Moved>,
    ) -> Option<Drawn> {
        let d = self.line_among(seg, ends, moved)?;
        Some(self.with_badge(d, seg, ends, moved))
    }

    /// The badge of `d` where it is under neither of its ends (larger captions leave a short
    /// edge little room between them): the middle of the line, else the point of it nearest
    /// the middle with room, else beside the line, as near it as there is room, else the
    /// point with the most room.
    fn with_badge(
        &self,
        d: Drawn,
        seg: Segment,
        ends: (usize, usize),
        moved: Option<&Moved>,
    ) -> Drawn {
        if self.straight {
            return d;
        }
        let own: Vec<Rect> = [ends.0, ends.1]
            .iter()
            .filter_map(|&i| match moved {
                Some(m) if m.has(i) => self.moved_box(i, m),
                _ => self.boxes.get(i).copied().flatten(),
            })
            .flatten()
            .map(|r| r.grown(-CLEARANCE))
            .collect();
        let room = |p: (f64, f64)| {
            own.iter()
                .map(|r| {
                    let dx = (r.x0 - p.0).max(p.0 - r.x1).max(0.0);
                    let dy = (r.y0 - p.1).max(p.1 - r.y1).max(0.0);
                    dx.hypot(dy)
                })
                .fold(f64::INFINITY, f64::min)
        };
        if room(d.badge) >= BADGE_ROOM {
            return d;
        }
        let mut seen = Vec::new();
        // A badge moved off the middle stays clear of the other nodes too.
        let mut free = |p: (f64, f64)| self.hit(p, p, ends, &mut seen, moved).is_none();
        // A straight line's badge may go anywhere between its nodes' centres, beside one of
        // their shapes past the line's end (a short edge between two names), tied to the
        // line's nearest point.
        let (a, b) = match d.ctrl {
            None => ((seg.x1, seg.y1), (seg.x2, seg.y2)),
            Some(_) => (d.start, d.end),
        };
        let along = (1..=BADGE_STEPS).flat_map(|i| {
            let t = 0.5 * i as f64 / BADGE_STEPS as f64;
            [0.5 - t, 0.5 + t]
        });
        let points: Vec<(f64, (f64, f64))> = std::iter::once(0.5)
            .chain(along)
            .map(|t| {
                let p = match d.ctrl {
                    None => lerp(a, b, t),
                    Some(_) => d.at(t),
                };
                (t, p)
            })
            .collect();
        let tie = |t: f64, p: (f64, f64)| match d.ctrl {
            Some(_) => d.at(t),
            None => {
                let (dx, dy) = (d.end.0 - d.start.0, d.end.1 - d.start.1);
                let len2 = (dx * dx + dy * dy).max(1e-9);
                let s = (((p.0 - d.start.0) * dx + (p.1 - d.start.1) * dy) / len2).clamp(0.0, 1.0);
                lerp(d.start, d.end, s)
            }
        };
        let mut best = (room(d.badge), d.badge, d.badge);
        for step in 0..=BESIDE_STEPS {
            for &(t, p) in &points {
                let normal = Self::normal_at(&d, t);
                let off = step as f64 * BESIDE_STEP;
                for q in [
                    (p.0 + normal.0 * off, p.1 + normal.1 * off),
                    (p.0 - normal.0 * off, p.1 - normal.1 * off),
                ] {
                    let r = room(q);
                    let tie = tie(t, p);
                    if r >= BADGE_ROOM && free(q) {
                        return Drawn {
                            badge: q,
                            on_line: tie,
                            ..d
                        };
                    }
                    if r > best.0 && free(q) {
                        best = (r, q, tie);
                    }
                }
            }
        }
        Drawn {
            badge: best.1,
            on_line: best.2,
            ..d
        }
    }

    /// The unit normal of the line `d` at `t` along it.
    fn normal_at(d: &Drawn, t: f64) -> (f64, f64) {
        let (dx, dy) = match d.ctrl {
            None => (d.end.0 - d.start.0, d.end.1 - d.start.1),
            Some(c) => (
                2.0 * (1.0 - t) * (c.0 - d.start.0) + 2.0 * t * (d.end.0 - c.0),
                2.0 * (1.0 - t) * (c.1 - d.start.1) + 2.0 * t * (d.end.1 - c.1),
            ),
        };
        let (ux, uy) = unit(dx, dy).unwrap_or((1.0, 0.0));
        (-uy, ux)
    }

    /// The line of [`route_among`](Self::route_among), its badge in the middle.
    fn line_among(
        &self,
        seg: Segment,
        ends: (usize, usize),
        moved: Option<&Moved>,
    ) -> Option<Drawn> {
        let (a, b) = ((seg.x1, seg.y1), (seg.x2, seg.y2));
        let (ux, uy) = unit(b.0 - a.0, b.1 - a.1)?;
        // Presenter mode's captions, zoomed out, leave little room between the boxes: a short
        // line from under them; else, with none at all, the line from the shapes, over the
        // captions, rather than no line.
        let straight = self
            .trim(a, b, None, self.scale, ends)
            .or_else(|| self.trim_gap(a, b, None, self.scale, ends, 2.0));
        let Some(straight) = straight else {
            return self.trim(a, b, None, 1.0, ends);
        };
        if self.straight || moved.is_some_and(|m| m.nodes.len() > MOVED_LIMIT) {
            return Some(straight);
        }
        let mut seen = Vec::new();
        let Some(first) = self.hit(straight.start, straight.end, ends, &mut seen, moved) else {
            return Some(straight);
        };
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let mid = lerp(a, b, 0.5);
        let normal = (-uy, ux);
        // The side away from the first node in the way is tried first.
        let first_box = match moved {
            Some(m) if m.has(first) => self.moved_box(first, m),
            _ => self.boxes.get(first).copied().flatten(),
        };
        let side = match first_box {
            Some([shape, _]) => {
                let centre = ((shape.x0 + shape.x1) / 2.0, (shape.y0 + shape.y1) / 2.0);
                let across = (centre.0 - a.0) * normal.0 + (centre.1 - a.1) * normal.1;
                if across > 0.0 {
                    -1.0
                } else {
                    1.0
                }
            }
            None => 1.0,
        };
        for bend in BENDS {
            for s in [side, -side] {
                // A quadratic curve's middle is half way to its control point.
                let h = 2.0 * bend * len * s;
                let c = (mid.0 + normal.0 * h, mid.1 + normal.1 * h);
                if let Some(d) = self.trim(a, b, Some(c), self.scale, ends) {
                    if !self.curve_blocked(d.start, c, d.end, ends, &mut seen, moved) {
                        return Some(d);
                    }
                }
            }
        }
        // Nothing clears (a crowded diagram): the straight line, as drawn before.
        Some(straight)
    }

    /// The line from `a` to `b` (through `ctrl`), cut to the boxes of its two nodes.
    fn trim(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        ctrl: Option<(f64, f64)>,
        scale: f64,
        ends: (usize, usize),
    ) -> Option<Drawn> {
        self.trim_gap(a, b, ctrl, scale, ends, 16.0)
    }

    /// [`trim`](Self::trim), `None` unless at least `gap` is left between the boxes.
    fn trim_gap(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        ctrl: Option<(f64, f64)>,
        scale: f64,
        ends: (usize, usize),
        gap: f64,
    ) -> Option<Drawn> {
        let extra = |i: usize| self.extra.get(i).copied().unwrap_or(0.0);
        let out = ctrl.unwrap_or(b);
        let into = ctrl.unwrap_or(a);
        let (sx, sy) = unit(out.0 - a.0, out.1 - a.1)?;
        let (ex, ey) = unit(b.0 - into.0, b.1 - into.1)?;
        let start_cut = box_exit_scaled(sx, sy, scale, extra(ends.0));
        let end_cut = box_exit_scaled(-ex, -ey, scale, extra(ends.1)) + 4.0;
        let chord = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if chord < start_cut + end_cut + gap {
            return None;
        }
        let start = (a.0 + sx * start_cut, a.1 + sy * start_cut);
        let end = (b.0 - ex * end_cut, b.1 - ey * end_cut);
        // The badge half way between the two boxes (not counting the arrowhead's gap), so a
        // short edge between close nodes still has its room.
        let edge = (end.0 + ex * 4.0, end.1 + ey * 4.0);
        let badge = match ctrl {
            None => lerp(start, edge, 0.5),
            Some(c) => bezier(start, c, edge, 0.5),
        };
        Some(Drawn {
            start,
            ctrl,
            end,
            dir: (ex, ey),
            badge,
            on_line: badge,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::fixtures::node;
    use csp_rules::presets;

    const NOTHING: Drawn = Drawn {
        start: (0.0, 0.0),
        ctrl: None,
        end: (0.0, 0.0),
        dir: (0.0, 0.0),
        badge: (0.0, 0.0),
        on_line: (0.0, 0.0),
    };

    fn seg(a: &Node, b: &Node) -> Segment {
        Segment {
            x1: a.x.unwrap_or(0.0),
            y1: a.y.unwrap_or(0.0),
            x2: b.x.unwrap_or(0.0),
            y2: b.y.unwrap_or(0.0),
        }
    }

    /// Whether the drawn line, sampled finely, stays out of every node's box but its ends'.
    fn clear(r: &Router, d: &Drawn, ends: (usize, usize)) -> bool {
        let mut seen = Vec::new();
        let mut prev = d.start;
        (1..=64).all(|k| {
            let p = d.at(k as f64 / 64.0);
            let ok = r.hit(prev, p, ends, &mut seen, None).is_none();
            prev = p;
            ok
        })
    }

    #[test]
    fn edges_leave_below_the_labels_and_beside_the_shape() {
        assert_eq!(box_exit(0.0, 1.0), BOX_BOTTOM);
        assert_eq!(box_exit(0.0, -1.0), BOX_TOP);
        assert_eq!(box_exit(1.0, 0.0), BOX_HALF_WIDTH);
        // Steeply down: out through the label's bottom, not its side.
        let (ux, uy) = (0.6_f64, 0.8_f64);
        assert!((box_exit(ux, uy) - BOX_BOTTOM / uy).abs() < 1e-9);
        // Larger captions push the exit down.
        assert!(box_exit_scaled(0.0, 1.0, 2.0, 0.0) > BOX_BOTTOM + 20.0);
        // A name on two lines pushes it further.
        assert!(box_exit_scaled(0.0, 1.0, 2.0, 16.5) > box_exit_scaled(0.0, 1.0, 2.0, 0.0) + 30.0);
    }

    #[test]
    fn a_clear_edge_is_straight_and_one_with_a_node_in_the_way_curves_around_it() {
        let nodes = vec![
            node("a", 0.0, 0.0),
            node("b", 0.0, 300.0),
            node("c", 0.0, 150.0),
        ];
        let r = Router::new(&nodes, 1.0);
        let beside = vec![
            node("a", 0.0, 0.0),
            node("b", 0.0, 300.0),
            node("c", 300.0, 150.0),
        ];
        let open = Router::new(&beside, 1.0);
        let d = open.route(seg(&beside[0], &beside[1]), (0, 1));
        assert_eq!(d.and_then(|d| d.ctrl), None, "nothing in the way: straight");
        let d = r.route(seg(&nodes[0], &nodes[1]), (0, 1));
        assert!(d.is_some(), "the edge is drawn");
        let d = d.unwrap_or(NOTHING);
        assert!(d.ctrl.is_some(), "c is in the way: curved");
        assert!(clear(&r, &d, (0, 1)), "{d:?} clears c");
        // The badge is on the line, about half way, and not on c.
        let (mx, my) = d.at(0.5);
        assert!((d.badge.0 - mx).hypot(d.badge.1 - my) < 3.0, "{d:?}");
        assert!((d.badge.0).abs() > BOX_HALF_WIDTH + 9.0, "{:?}", d.badge);
        // The arrow arrives pointing at b.
        assert!(d.dir.1 > 0.0);
    }

    #[test]
    fn no_edge_of_the_guides_scenarios_runs_through_a_node() {
        let mut wrong = Vec::new();
        for p in presets::all() {
            let s = p.scenario().unwrap_or_default();
            assert!(!s.edges.is_empty(), "preset {} reads", p.number);
            let r = Router::new(&s.nodes, 1.0);
            for e in &s.edges {
                let find = |id: &str| s.nodes.iter().position(|n| n.id == id);
                let ends = find(&e.from).zip(find(&e.to));
                let d = ends.and_then(|(f, t)| r.route(seg(&s.nodes[f], &s.nodes[t]), (f, t)));
                match ends.zip(d) {
                    Some((ends, d)) if clear(&r, &d, ends) => {}
                    other => wrong.push(format!("preset {}: {} {other:?}", p.number, e.id)),
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:?}");
        // A skip-level sale drawn over scenario 1 (Microsoft to the reseller Litware) would
        // cross Contoso's name: it goes round.
        let s = presets::get(1)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default();
        let find = |id: &str| s.nodes.iter().position(|n| n.id == id).unwrap_or(0);
        let (ms, litware) = (find("ms"), find("litware"));
        let r = Router::new(&s.nodes, 1.0);
        let d = r.route(seg(&s.nodes[ms], &s.nodes[litware]), (ms, litware));
        assert!(
            d.is_some_and(|d| d.ctrl.is_some() && clear(&r, &d, (ms, litware))),
            "{d:?}"
        );
    }

    /// How far the badge is from the nearest of its own ends' shapes and captions.
    fn badge_room(r: &Router, d: &Drawn, ends: (usize, usize)) -> f64 {
        let away = |b: &Rect| {
            let b = b.grown(-CLEARANCE);
            let dx = (b.x0 - d.badge.0).max(d.badge.0 - b.x1).max(0.0);
            let dy = (b.y0 - d.badge.1).max(d.badge.1 - b.y1).max(0.0);
            (dx * dx + dy * dy).sqrt()
        };
        [ends.0, ends.1]
            .iter()
            .filter_map(|&i| r.boxes.get(i).copied().flatten())
            .flatten()
            .map(|b| away(&b))
            .fold(f64::INFINITY, f64::min)
    }

    /// What is wrong with the drawing of `s` routed with captions at `scale`: each edge not
    /// drawn, running through a node other than its ends (if `lines`), or with its badge
    /// under one of its ends' shapes or names (for tests elsewhere).
    pub(crate) fn wrong_routes(
        s: &csp_rules::Scenario,
        scale: f64,
        lang: Lang,
        captions: &Captions,
        lines: bool,
    ) -> Vec<String> {
        let r = Router::presenting(&s.nodes, scale, lang, captions);
        let find = |id: &str| s.nodes.iter().position(|n| n.id == id);
        s.edges
            .iter()
            .filter_map(|e| {
                let (f, t) = find(&e.from).zip(find(&e.to))?;
                let d = r.route(seg(&s.nodes[f], &s.nodes[t]), (f, t));
                let room = d.map(|d| (clear(&r, &d, (f, t)), badge_room(&r, &d, (f, t))));
                let ok = room.is_some_and(|(clear, room)| (clear || !lines) && room >= 9.0);
                (!ok).then(|| format!("{} at {scale}: {room:?}", e.id))
            })
            .collect()
    }

    #[test]
    fn in_presenter_mode_too_no_badge_is_under_its_own_ends_captions() {
        for scale in [1.0, 1.5, 2.0] {
            for p in presets::all() {
                let s = p.scenario().unwrap_or_default();
                let r = Router::new(&s.nodes, scale);
                for e in &s.edges {
                    let find = |id: &str| s.nodes.iter().position(|n| n.id == id);
                    let Some((f, t)) = find(&e.from).zip(find(&e.to)) else {
                        continue;
                    };
                    let d = r.route(seg(&s.nodes[f], &s.nodes[t]), (f, t));
                    let room = d.map(|d| (clear(&r, &d, (f, t)), badge_room(&r, &d, (f, t))));
                    assert!(
                        room.is_some_and(|(clear, room)| clear && room >= 9.0),
                        "preset {} {} at {scale}: {room:?}",
                        p.number,
                        e.id
                    );
                }
            }
        }
    }

    #[test]
    fn presenting_zoomed_far_out_every_edge_is_still_drawn() {
        // Names of 18 px at a zoom of 0.25: captions five times their size.
        for p in presets::all() {
            let s = p.scenario().unwrap_or_default();
            let r = Router::new(&s.nodes, 5.5);
            for e in &s.edges {
                let find = |id: &str| s.nodes.iter().position(|n| n.id == id);
                let Some((f, t)) = find(&e.from).zip(find(&e.to)) else {
                    continue;
                };
                let d = r.route(seg(&s.nodes[f], &s.nodes[t]), (f, t));
                assert!(d.is_some(), "preset {} {}", p.number, e.id);
            }
        }
    }

    #[test]
    fn a_skip_level_sale_goes_round_the_provider_and_a_drag_routes_it_among_the_moved() {
        // Scenario 7 is one column: Microsoft, Contoso under it, the reseller Litware under that.
        let s = presets::get(7)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default();
        let find = |id: &str| s.nodes.iter().position(|n| n.id == id).unwrap_or(0);
        let (ms, contoso, litware) = (find("ms"), find("contoso"), find("litware"));
        let r = Router::new(&s.nodes, 1.0);
        let line = seg(&s.nodes[ms], &s.nodes[litware]);
        let straight = r.trim(
            (line.x1, line.y1),
            (line.x2, line.y2),
            None,
            1.0,
            (ms, litware),
        );
        let through =
            straight.and_then(|d| r.hit(d.start, d.end, (ms, litware), &mut Vec::new(), None));
        assert_eq!(
            through,
            Some(contoso),
            "straight, it would run through Contoso"
        );
        let d = r.route(line, (ms, litware)).unwrap_or(NOTHING);
        assert!(d.ctrl.is_some() && clear(&r, &d, (ms, litware)), "{d:?}");
        assert!(badge_room(&r, &d, (ms, litware)) >= 9.0);

        // Contoso dragged aside (the router still has it in the column): straight again.
        let aside = |i: usize| (i == contoso).then_some((750.0, 200.0));
        let moved = Moved {
            nodes: &[contoso],
            at: &aside,
        };
        let d = r.route_among(line, (ms, litware), Some(&moved));
        assert_eq!(d.and_then(|d| d.ctrl), None, "{d:?}");
        // Litware dragged: the edge follows it, still round Contoso, which stays.
        let below = |i: usize| (i == litware).then_some((450.0, 420.0));
        let moved = Moved {
            nodes: &[litware],
            at: &below,
        };
        let lower = Segment { y2: 420.0, ..line };
        let d = r
            .route_among(lower, (ms, litware), Some(&moved))
            .unwrap_or(NOTHING);
        assert!(d.ctrl.is_some() && clear(&r, &d, (ms, litware)), "{d:?}");
        // A dragged node lands in an edge's way: the edge goes round where it is now.
        let (fabrikam, woodgrove) = (find("fabrikam"), find("woodgrove"));
        let across = seg(&s.nodes[fabrikam], &s.nodes[woodgrove]);
        let free = r.route(across, (fabrikam, woodgrove));
        assert_eq!(free.and_then(|d| d.ctrl), None);
        let between = |i: usize| (i == contoso).then_some((450.0, 480.0));
        let moved = Moved {
            nodes: &[contoso],
            at: &between,
        };
        let d = r.route_among(across, (fabrikam, woodgrove), Some(&moved));
        assert!(d.is_some_and(|d| d.ctrl.is_some()), "{d:?}");
        // Too many dragged at once: straight until the drop.
        let many: Vec<usize> = (0..=MOVED_LIMIT).map(|i| 100 + i).collect();
        let moved = Moved {
            nodes: &many,
            at: &between,
        };
        assert_eq!(
            r.route_among(line, (ms, litware), Some(&moved))
                .and_then(|d| d.ctrl),
            None
        );
    }

    #[test]
    fn large_diagrams_are_drawn_straight_and_bad_positions_do_not_panic() {
        let many: Vec<Node> = (0..=ROUTE_LIMIT)
            .map(|i| node(&format!("n{i}"), (i % 50) as f64 * 10.0, 0.0))
            .collect();
        let r = Router::new(&many, 1.0);
        let d = r.route(seg(&many[0], &many[49]), (0, 49));
        assert_eq!(d.and_then(|d| d.ctrl), None);
        let odd = vec![
            node("a", f64::MAX, 0.0),
            node("b", -f64::MAX, 1e308),
            node("c", 0.0, 0.0),
        ];
        let r = Router::new(&odd, f64::NAN);
        let _ = r.route(seg(&odd[0], &odd[1]), (0, 1));
        let same = Router::new(&[node("a", 5.0, 5.0), node("b", 5.0, 5.0)], 1.0);
        assert_eq!(
            same.route(
                Segment {
                    x1: 5.0,
                    y1: 5.0,
                    x2: 5.0,
                    y2: 5.0
                },
                (0, 1)
            ),
            None
        );
    }
}
