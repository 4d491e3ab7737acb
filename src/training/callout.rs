//! The walkthrough step as a callout beside what it is about, as Shepherd's and driver.js's
//! popovers are: next to the step's subject on the canvas (the node or edge its change is
//! about, else everything it lights), on the first side where it fits, kept inside the
//! canvas or at least the window, with an arrow at the subject. On a narrow screen it stays
//! docked in the side panel. Where it goes is a pure function; `place_callout` measures and
//! moves it through the CSSOM (the page's Content-Security-Policy forbids style attributes).

use crate::model::layout::Rect;
use crate::text::num::fixed;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Space between the callout and its subject, and between the callout and the edge of the
/// area it is kept in.
const GAP: f64 = 14.0;
const MARGIN: f64 = 8.0;
/// The arrow's distance from the callout's corners.
const ARROW_INSET: f64 = 18.0;
/// The callout's border, top and bottom, and the least height it is shrunk to.
const BORDERS: f64 = 4.0;
const MIN_ROOM: f64 = 200.0;

/// Which side of its subject the callout is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Below,
    Above,
    /// It fits on no side: over the area, in the corner that covers least of the subject.
    Over,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Right => "right",
            Side::Left => "left",
            Side::Below => "below",
            Side::Above => "above",
            Side::Over => "over",
        }
    }
}

/// Where the callout goes: its top-left corner, its side, and the arrow's offset along the
/// side that faces the subject.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub left: f64,
    pub top: f64,
    pub side: Side,
    pub arrow: f64,
}

fn overlap(a: &Rect, b: &Rect) -> f64 {
    let w = (a.x1.min(b.x1) - a.x0.max(b.x0)).max(0.0);
    let h = (a.y1.min(b.y1) - a.y0.max(b.y0)).max(0.0);
    w * h
}

/// Places a callout of `size` beside `subject`, inside `area`, covering as little of `avoid`
/// (the other things the step lights) as it can: on the first side of the subject that covers
/// none of it, else where it covers least, a side before a corner of the area (all in window
/// pixels).
pub fn place(subject: Rect, avoid: &[Rect], size: (f64, f64), area: Rect) -> Placement {
    let (w, h) = size;
    let inner = Rect {
        x0: area.x0 + MARGIN,
        y0: area.y0 + MARGIN,
        x1: area.x1 - MARGIN,
        y1: area.y1 - MARGIN,
    };
    // Only the part of the subject inside the area can be pointed at.
    let s = Rect {
        x0: subject.x0.clamp(inner.x0, inner.x1),
        y0: subject.y0.clamp(inner.y0, inner.y1),
        x1: subject.x1.clamp(inner.x0, inner.x1),
        y1: subject.y1.clamp(inner.y0, inner.y1),
    };
    let (cx, cy) = ((s.x0 + s.x1) / 2.0, (s.y0 + s.y1) / 2.0);
    let across = |c: f64, len: f64, lo: f64, hi: f64| (c - len / 2.0).min(hi - len).max(lo);
    let arrow = |c: f64, start: f64, len: f64| {
        (c - start).clamp(ARROW_INSET, (len - ARROW_INSET).max(ARROW_INSET))
    };
    let tall = h <= inner.y1 - inner.y0;
    let wide = w <= inner.x1 - inner.x0;
    let mut candidates: Vec<Placement> = Vec::new();
    let mut side = |side: Side, fits: bool, left: f64, top: f64, arrow: f64| {
        if fits {
            candidates.push(Placement {
                left,
                top,
                side,
                arrow,
            });
        }
    };
    let (top, left) = (
        across(cy, h, inner.y0, inner.y1),
        across(cx, w, inner.x0, inner.x1),
    );
    side(
        Side::Right,
        tall && s.x1 + GAP + w <= inner.x1,
        s.x1 + GAP,
        top,
        arrow(cy, top, h),
    );
    side(
        Side::Left,
        tall && s.x0 - GAP - w >= inner.x0,
        s.x0 - GAP - w,
        top,
        arrow(cy, top, h),
    );
    side(
        Side::Below,
        wide && s.y1 + GAP + h <= inner.y1,
        left,
        s.y1 + GAP,
        arrow(cx, left, w),
    );
    side(
        Side::Above,
        wide && s.y0 - GAP - h >= inner.y0,
        left,
        s.y0 - GAP - h,
        arrow(cx, left, w),
    );
    for (x, y) in [
        (inner.x0, inner.y0),
        (inner.x1 - w, inner.y0),
        (inner.x0, inner.y1 - h),
        (inner.x1 - w, inner.y1 - h),
    ] {
        side(
            Side::Over,
            true,
            x.max(area.x0),
            y.max(area.y0),
            ARROW_INSET,
        );
    }
    let cover = |p: &Placement| {
        let r = Rect {
            x0: p.left,
            y0: p.top,
            x1: p.left + w,
            y1: p.top + h,
        };
        // Covering the subject itself counts most.
        let subject = if p.side == Side::Over {
            4.0 * overlap(&r, &s)
        } else {
            0.0
        };
        subject + avoid.iter().map(|a| overlap(&r, a)).sum::<f64>()
    };
    let mut best: Option<(f64, Placement)> = None;
    for p in candidates {
        let c = cover(&p);
        if best.as_ref().is_none_or(|(b, _)| c < *b) {
            best = Some((c, p));
        }
    }
    best.map_or(
        Placement {
            left: area.x0,
            top: area.y0,
            side: Side::Over,
            arrow: ARROW_INSET,
        },
        |(_, p)| p,
    )
}

fn rect_of(el: &Element) -> Rect {
    let r = el.get_bounding_client_rect();
    Rect {
        x0: r.left(),
        y0: r.top(),
        x1: r.right(),
        y1: r.bottom(),
    }
}

fn union(a: Option<Rect>, b: Rect) -> Rect {
    match a {
        None => b,
        Some(a) => Rect {
            x0: a.x0.min(b.x0),
            y0: a.y0.min(b.y0),
            x1: a.x1.max(b.x1),
            y1: a.y1.max(b.y1),
        },
    }
}

/// The boxes of the elements `selector` matches, in window pixels.
fn boxes(doc: &web_sys::Document, selector: &str) -> Vec<Rect> {
    let Ok(list) = doc.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|el| rect_of(&el))
        .filter(|r| r.x1 > r.x0 || r.y1 > r.y0)
        .collect()
}

fn boxed(rects: &[Rect]) -> Option<Rect> {
    rects.iter().fold(None, |u, r| Some(union(u, *r)))
}

/// Moves `callout` beside the step's subject (the canvas elements `subject` matches, else
/// those it lights); docked (left where the stylesheet puts it) on a narrow screen, and while
/// `presenting`: there the step is large in the side panel, beside the diagram, never over it.
pub fn place_callout(callout: &HtmlElement, subject: &str, presenting: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    let style = callout.style();
    let docked = window
        .match_media("(max-width: 900px)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
        || presenting;
    let canvas = doc.query_selector(".canvas-wrap").ok().flatten();
    let (Some(canvas), false) = (canvas, docked) else {
        let _ = style.remove_property("left");
        let _ = style.remove_property("top");
        let _ = callout.set_attribute("data-side", "docked");
        return;
    };
    let inner =
        |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let screen = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: inner(window.inner_width()),
        y1: inner(window.inner_height()),
    };
    let clip = |r: Rect| Rect {
        x0: r.x0.max(screen.x0),
        y0: r.y0.max(screen.y0),
        x1: r.x1.min(screen.x1),
        y1: r.y1.min(screen.y1),
    };
    let c = rect_of(&canvas);
    let in_canvas = clip(c);
    // Below the header: the canvas and the side panel.
    let in_workspace = doc
        .query_selector("main.workspace")
        .ok()
        .flatten()
        .map_or(screen, |w| clip(rect_of(&w)));
    // A long step scrolls inside a callout no taller than the workspace, rather than covering
    // the header; only a workspace too small to read in gives way to the window.
    let room_y = in_workspace.y1 - in_workspace.y0 - 2.0 * MARGIN - BORDERS;
    if room_y >= MIN_ROOM {
        let _ = style.set_property("--callout-room", &format!("{}px", fixed(room_y, 0)));
    } else {
        let _ = style.remove_property("--callout-room");
    }
    let size = (
        f64::from(callout.offset_width()),
        f64::from(callout.offset_height()),
    );
    // Nothing lit in view: the whole canvas is the subject, so the callout takes a corner.
    let lit = boxes(&doc, ".canvas-wrap .lit");
    let anchor = boxed(&boxes(&doc, subject))
        .or_else(|| boxed(&lit))
        .unwrap_or(c);
    // Beside its subject inside the canvas, so the side panel stays in view; else beside it
    // below the header (over the side panel), rather than over the subject the learner may
    // have to click; else over the canvas, or below the header, or the window.
    let room =
        |r: &Rect| r.x1 - r.x0 >= size.0 + 2.0 * MARGIN && r.y1 - r.y0 >= size.1 + 2.0 * MARGIN;
    let areas: Vec<Rect> = [in_canvas, in_workspace].into_iter().filter(room).collect();
    let tries = areas.iter().map(|a| place(anchor, &lit, size, *a));
    let p = tries
        .clone()
        .find(|p| p.side != Side::Over)
        .or_else(|| tries.clone().next())
        .unwrap_or_else(|| place(anchor, &lit, size, screen));
    let _ = style.set_property("left", &format!("{}px", fixed(p.left, 0)));
    let _ = style.set_property("top", &format!("{}px", fixed(p.top, 0)));
    let _ = style.set_property("--arrow", &format!("{}px", fixed(p.arrow, 0)));
    let _ = callout.set_attribute("data-side", p.side.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 1000.0,
        y1: 700.0,
    };

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    fn inside(p: &Placement, size: (f64, f64), area: &Rect) -> bool {
        p.left >= area.x0
            && p.top >= area.y0
            && p.left + size.0 <= area.x1
            && p.top + size.1 <= area.y1
    }

    #[test]
    fn the_callout_goes_beside_its_subject_on_the_first_side_with_room() {
        let size = (300.0, 200.0);
        // Room on the right: beside it, centred on it, the arrow at its middle.
        let p = place(rect(100.0, 300.0, 160.0, 360.0), &[], size, AREA);
        assert_eq!(p.side, Side::Right);
        assert_eq!((p.left, p.top), (174.0, 230.0));
        assert_eq!(p.arrow, 100.0);
        // Near the right edge: on the left.
        let p = place(rect(800.0, 300.0, 860.0, 360.0), &[], size, AREA);
        assert_eq!(p.side, Side::Left);
        assert_eq!(p.left + size.0 + GAP, 800.0);
        // As wide as the area: below, or above when it is at the bottom.
        let wide = rect(20.0, 100.0, 980.0, 160.0);
        assert_eq!(place(wide, &[], size, AREA).side, Side::Below);
        let low = rect(20.0, 560.0, 980.0, 620.0);
        let p = place(low, &[], size, AREA);
        assert_eq!(p.side, Side::Above);
        assert_eq!(p.top + size.1 + GAP, 560.0);
        for s in [wide, low, rect(100.0, 300.0, 160.0, 360.0)] {
            assert!(inside(&place(s, &[], size, AREA), size, &AREA));
        }
        // A subject near the top: shifted down to stay inside, the arrow still at the subject.
        let p = place(rect(100.0, 0.0, 160.0, 30.0), &[], size, AREA);
        assert_eq!((p.side, p.top), (Side::Right, MARGIN));
        assert_eq!(p.arrow, ARROW_INSET);
    }

    #[test]
    fn with_no_side_free_it_covers_least_of_the_subject_and_stays_inside() {
        let size = (300.0, 200.0);
        let all = rect(10.0, 10.0, 700.0, 690.0);
        let p = place(all, &[], size, AREA);
        assert_eq!(p.side, Side::Over);
        assert!(inside(&p, size, &AREA));
        assert_eq!(
            p.left,
            AREA.x1 - MARGIN - size.0,
            "the right-hand corners cover least"
        );
        // A subject panned out of view is pointed at where it leaves the area.
        let gone = rect(-500.0, 300.0, -400.0, 340.0);
        let p = place(gone, &[], size, AREA);
        assert_eq!(p.side, Side::Right);
        assert!(inside(&p, size, &AREA));
    }

    #[test]
    fn it_keeps_off_what_else_the_step_lights() {
        let size = (300.0, 200.0);
        let subject = rect(400.0, 300.0, 460.0, 360.0);
        // Something lit on the right: the callout goes left of the subject instead.
        let right = rect(500.0, 250.0, 800.0, 420.0);
        let p = place(subject, &[subject, right], size, AREA);
        assert_eq!(p.side, Side::Left);
        // Lit all around: where it covers least, here below.
        let around = [
            rect(0.0, 0.0, 1000.0, 280.0),
            rect(0.0, 280.0, 390.0, 700.0),
            rect(470.0, 280.0, 1000.0, 700.0),
        ];
        let p = place(subject, &around, size, AREA);
        assert_eq!(p.side, Side::Below);
    }
}
