//! What presenter mode draws. Its names are a size on screen at any zoom, so a diagram fitted
//! to the canvas's width leaves its rows' lines short between the enlarged names, while the
//! canvas has height to spare: the presenter's copy of the diagram has its rows spread down
//! that height. A copy for the screen alone: the document, the address and the exports keep
//! the diagram as it is.

use super::caption::{self, Captions};
use super::layout;
use super::view::View;
use csp_rules::{Lang, Scenario};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// How far the rows are spread at most (a short diagram on a tall screen stays a diagram).
const MAX_SPREAD: f64 = 3.0;
/// The share of the canvas's height the spread diagram is given.
const FILL: f64 = 0.96;
/// A spread smaller than this is not worth a copy.
const LEAST: f64 = 1.01;

/// The presenter's fit of `s` in a canvas of `size`, its names on the lines `captions` puts
/// them on: the names are a size on screen whatever the zoom, so the room they take in the
/// diagram grows as the zoom falls. The largest zoom whose fit, with room for the names at
/// that zoom's size, is no smaller (found by halving).
pub fn fit(s: &Scenario, lang: Lang, captions: &Captions, size: (f64, f64)) -> Option<View> {
    let room = captions.room_on(size.0);
    let fit = |k: f64| {
        let scale = caption::present_scale(k, room);
        Some(View::fit(
            layout::caption_bounds(s, None, lang, captions, scale)?,
            size,
        ))
    };
    let k = largest(View::MIN_ZOOM, View::MAX_FIT_ZOOM, 24, |k| {
        Some(fit(k)?.k >= k)
    })?;
    fit(k)
}

/// The largest `x` in `[lo, hi]` for which `holds`, which holds at `lo` and, past some point,
/// nowhere above it: `hi` if it holds there, else found by `steps` halvings. `None` where
/// `holds` can't say.
fn largest(
    lo: f64,
    hi: f64,
    steps: u32,
    mut holds: impl FnMut(f64) -> Option<bool>,
) -> Option<f64> {
    if holds(hi)? {
        return Some(hi);
    }
    let (mut lo, mut hi) = (lo, hi);
    for _ in 0..steps {
        let mid = (lo + hi) / 2.0;
        if holds(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

/// How far `s`'s rows can be spread (1: not at all) on a canvas of `size` at the presenter's
/// fit, its names as `captions` has them: as far as the canvas's height holds the spread
/// diagram at that fit's zoom, so the fit stays set by its width.
pub fn spread(s: &Scenario, lang: Lang, captions: &Captions, size: (f64, f64)) -> f64 {
    let sized = |v: f64| v.is_finite() && v > 0.0;
    if !(sized(size.0) && sized(size.1)) {
        return 1.0;
    }
    let Some(view) = fit(s, lang, captions, size) else {
        return 1.0;
    };
    let scale = caption::present_scale(view.k, captions.room_on(size.0));
    // Each node's box, and its row.
    let boxes: Vec<(layout::Rect, f64)> = s
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            Some((
                layout::caption_box(n, lang, captions.wraps(i), scale)?,
                n.y?,
            ))
        })
        .collect();
    // Rows move down from the top one, which stays.
    let Some(top) = boxes.iter().map(|(_, y)| *y).reduce(f64::min) else {
        return 1.0;
    };
    let height = |f: f64| {
        let (mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY);
        for (b, y) in &boxes {
            let down = (f - 1.0) * (y - top);
            y0 = y0.min(b.y0 + down);
            y1 = y1.max(b.y1 + down);
        }
        y1 - y0
    };
    let room = size.1 * FILL / view.k;
    if !(room.is_finite() && height(1.0) < room) {
        return 1.0;
    }
    largest(1.0, MAX_SPREAD, 30, |f| Some(height(f) <= room)).unwrap_or(1.0)
}

/// `s` with its rows `f` times as far below its top row.
pub fn spread_by(s: &Scenario, f: f64) -> Scenario {
    let top = s.nodes.iter().filter_map(|n| n.y).reduce(f64::min);
    let mut out = s.clone();
    if let Some(top) = top {
        for n in &mut out.nodes {
            n.y = n.y.map(|y| top + (y - top) * f);
        }
    }
    out
}

/// The last diagram presented, on which canvas, in which language, and its spread copy (or
/// the diagram itself). Derived from those alone (its captions are the diagram's and the
/// language's), so two memos are always equal.
#[derive(Debug, Clone, Default)]
pub struct Memo(RefCell<Option<Memoized>>);

type Memoized = (Weak<Scenario>, Lang, (u64, u64), Rc<Scenario>);

impl PartialEq for Memo {
    fn eq(&self, _: &Memo) -> bool {
        true
    }
}

impl Memo {
    /// The diagram the presenter sees of `scenario` in `lang` on a canvas of `size`, worked
    /// out again only for another diagram, language or canvas; the same `Rc` until then, so
    /// the canvas keeps its routes.
    pub fn of(
        &self,
        scenario: &Rc<Scenario>,
        lang: Lang,
        captions: &Captions,
        size: (f64, f64),
    ) -> Rc<Scenario> {
        let key = (size.0.to_bits(), size.1.to_bits());
        if let Some((s, l, k, shown)) = &*self.0.borrow() {
            if *l == lang && *k == key && s.ptr_eq(&Rc::downgrade(scenario)) {
                return shown.clone();
            }
        }
        let f = spread(scenario, lang, captions, size);
        let shown = if f >= LEAST {
            Rc::new(spread_by(scenario, f))
        } else {
            scenario.clone()
        };
        *self.0.borrow_mut() = Some((Rc::downgrade(scenario), lang, key, shown.clone()));
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::url::Start;
    use crate::model::fixtures::node;
    use crate::model::{Action, Mode, State};
    use csp_rules::share;
    use yew::Reducible;

    fn presented(n: u8, canvas: (f64, f64)) -> Rc<State> {
        Rc::new(State::new(Lang::En, Start::Preset(n.to_string())))
            .reduce(Action::CanvasResized {
                width: canvas.0,
                height: canvas.1,
            })
            .reduce(Action::SetMode(Mode::default().presenting(true)))
    }

    #[test]
    fn presenting_spreads_the_rows_down_the_canvas_for_the_screen_alone() {
        // A projector's canvas beside the walkthrough's step.
        let canvas = (634.0, 632.0);
        for n in 1..=8 {
            let p = presented(n, canvas);
            let (s, shown) = (p.scenario(), p.shown());
            assert!(Rc::ptr_eq(&shown, &p.shown()), "the same copy each time");
            // Spread, unless it already fills the canvas's height.
            let captions = p.captions();
            let unspread = fit(s, Lang::En, &captions, canvas);
            let k = unspread.map(|v| v.k).unwrap_or_default();
            let scale = caption::present_scale(k, captions.room_on(canvas.0));
            let tall = layout::caption_bounds(s, None, Lang::En, &captions, scale)
                .map(|b| (b.y1 - b.y0) * k)
                .unwrap_or_default();
            assert!(
                !Rc::ptr_eq(s, &shown) || tall >= canvas.1 * FILL - 1.0,
                "preset {n} is spread: {tall} px of {}",
                canvas.1
            );
            // The document, and with it the address and the exports, keep the diagram.
            let plain = State::new(Lang::En, Start::Preset(n.to_string()));
            assert_eq!(**s, **plain.scenario(), "preset {n}");
            assert_eq!(share::fragment(s), share::fragment(plain.scenario()));
            // Only the rows move: down, the top row where it was.
            let top = s.nodes.iter().filter_map(|n| n.y).reduce(f64::min);
            for (a, b) in s.nodes.iter().zip(&shown.nodes) {
                assert_eq!((&a.id, a.x), (&b.id, b.x));
                assert!(b.y >= a.y, "preset {n}: {} moved up", a.id);
                if a.y == top {
                    assert_eq!(a.y, b.y);
                }
            }
            assert_eq!(s.edges, shown.edges);
            // At the zoom of the diagram's own fit, whole in the canvas's height.
            assert!(
                (p.view.k - k).abs() < 1e-6,
                "preset {n}: zoom {} for {k}",
                p.view.k
            );
            let scale = p.caption_scale();
            let b = layout::caption_bounds(&shown, None, Lang::En, &captions, scale);
            let seen = p.view.visible(canvas);
            assert!(
                b.is_some_and(|b| b.y0 >= seen.y0 - 1e-6 && b.y1 <= seen.y1 + 1e-6),
                "preset {n}: {b:?} in {seen:?}"
            );
            // The page's own mode draws the diagram as it is.
            let app = p.reduce(Action::SetMode(Mode::default()));
            assert!(Rc::ptr_eq(app.scenario(), &app.shown()));
        }
    }

    #[test]
    fn the_largest_value_that_holds_is_found_by_halving() {
        // Holds up to 0.3: found to within the last halving's width.
        let x = largest(0.0, 1.0, 30, |x| Some(x <= 0.3));
        assert!(x.is_some_and(|x| x <= 0.3 && 0.3 - x < 1e-8), "{x:?}");
        // Holding at the top: the top, without a halving.
        let mut asked = 0;
        let top = largest(0.0, 1.0, 30, |_| {
            asked += 1;
            Some(true)
        });
        assert_eq!((top, asked), (Some(1.0), 1));
        // Holding nowhere above the bottom: the bottom.
        assert_eq!(largest(0.5, 2.0, 30, |x| Some(x <= 0.5)), Some(0.5));
        // A test that can't say stops the search.
        assert_eq!(largest(0.0, 1.0, 30, |x| (x < 0.6).then_some(false)), None);
    }

    #[test]
    fn a_spread_is_bounded_and_never_taken_from_bad_sizes() {
        let s = Scenario {
            nodes: vec![node("a", 0.0, 0.0), node("b", 0.0, 140.0)],
            ..Scenario::default()
        };
        // A tall, narrow canvas: spread as far as it goes, no further.
        let c = Captions::of(&s.nodes, Lang::En);
        assert_eq!(spread(&s, Lang::En, &c, (300.0, 5000.0)), MAX_SPREAD);
        // A canvas the diagram already fills, and sizes no canvas has: not at all.
        for size in [
            (2000.0, 150.0),
            (0.0, 0.0),
            (f64::NAN, 600.0),
            (600.0, f64::INFINITY),
        ] {
            assert_eq!(spread(&s, Lang::En, &c, size), 1.0, "{size:?}");
        }
        // One row, or no positions: nothing to spread.
        let row = Scenario {
            nodes: vec![node("a", 0.0, 0.0), node("b", 200.0, 0.0)],
            ..Scenario::default()
        };
        assert_eq!(spread_by(&row, 2.0), row);
        let none = Captions::of(&[], Lang::En);
        assert_eq!(
            spread(&Scenario::default(), Lang::En, &none, (600.0, 600.0)),
            1.0
        );
        let spread_out = spread_by(&s, 2.5);
        assert_eq!(spread_out.nodes[1].y, Some(350.0));
    }
}
