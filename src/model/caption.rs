//! A node's caption (its name, then its kind, under its shape) as the canvas draws it: how
//! wide and how tall, and in presenter mode how much larger than 13 px, so that the fit, the
//! routes and the style sheet agree on where the names are.

use super::shared::Shared;
use csp_rules::{kind_name, Lang, Node, Scenario};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Where the caption starts below the node's centre, and how tall its two lines are at 13 px
/// (the style sheet keeps its top there at any size).
pub const TOP: f64 = 27.0;
pub const HEIGHT: f64 = 31.0;
/// The size of a name on screen in presenter mode, where there is room for it.
pub const PRESENT_PX: f64 = 18.0;
/// A name's usual size, in diagram units.
const BASE_PX: f64 = 13.0;
/// Names longer than this are cut on the canvas (the full name is in the tooltip).
pub const MAX_CHARS: usize = 26;
/// The width of the "…" a cut name ends in, at 13 px.
const ELLIPSIS: f64 = 13.0;

/// The label as shown: the name, or its start when it is long (`true`: it was cut).
pub fn short_label(label: &str) -> (String, bool) {
    if label.chars().count() <= MAX_CHARS {
        (label.to_string(), false)
    } else {
        let cut: String = label.chars().take(MAX_CHARS - 1).collect();
        (cut.trim_end().to_string(), true)
    }
}
/// Half a shape's width: a caption narrower than its shape still has the shape's room.
const SHAPE_HALF: f64 = 32.0;
/// Room kept between two captions, in diagram units at 13 px.
const GAP: f64 = 6.0;
/// Past this many nodes, the captions are not compared pair by pair (a network that large is
/// audited, not presented): they are as large as presenting asks.
const COMPARED: usize = 200;

/// How wide a name is drawn at 13 px (bold), estimated from its characters, a little wide:
/// wide (CJK) ones take a full em.
pub fn name_width(label: &str) -> f64 {
    label
        .chars()
        .take(MAX_CHARS)
        .map(|c| if c.is_ascii() { 8.2 } else { 13.5 })
        .sum()
}

/// How wide the kind's line is drawn under the name (0.846 em, regular).
fn kind_width(kind: &str) -> f64 {
    kind.chars()
        .map(|c| if c.is_ascii() { 6.2 } else { 11.2 })
        .sum()
}

/// How far down each further line of a caption goes (1.27 em at 13 px).
pub const LINE: f64 = 16.5;
/// A presented name wider than this (about 12 Latin letters at 13 px) goes onto two lines.
const WRAP_WIDTH: f64 = 100.0;

/// Where a presented name breaks onto two lines, if it does: at the space nearest its middle,
/// or, in a name with no space, between the wide (CJK) characters nearest it, never before
/// closing punctuation or after opening punctuation. The two lines, trimmed.
pub fn wrap(shown: &str) -> Option<(&str, &str)> {
    let width = name_width(shown);
    if width <= WRAP_WIDTH {
        return None;
    }
    let spaced = shown.contains(' ');
    let mut at = 0.0;
    let mut best: Option<(f64, usize)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in shown.char_indices() {
        let breaks = match prev {
            None => false,
            Some(p) if spaced => c == ' ' || p == ' ',
            Some(p) => {
                let wide = !(c.is_ascii() && p.is_ascii());
                let closing = "）」』，。：；、！？)".contains(c);
                let opening = "（「『(".contains(p);
                wide && !closing && !opening
            }
        };
        if breaks {
            let off = (at - width / 2.0).abs();
            if best.is_none_or(|(b, _)| off < b) {
                best = Some((off, i));
            }
        }
        at += name_width(c.encode_utf8(&mut [0; 4]));
        prev = Some(c);
    }
    let (_, i) = best?;
    let (first, second) = (shown.get(..i)?.trim_end(), shown.get(i..)?.trim_start());
    (!first.is_empty() && !second.is_empty()).then_some((first, second))
}

/// Node `n`'s caption in `lang` (its name on two lines where `wrapped` allows): half its
/// width and its height, at 13 px.
pub fn measure(n: &Node, lang: Lang, wrapped: bool) -> (f64, f64) {
    let label = n.label_in(lang);
    let kind = kind_name(n.kind, lang);
    let kind = if kind == label { 0.0 } else { kind_width(kind) };
    let (shown, cut) = short_label(label);
    let ellipsis = if cut { ELLIPSIS } else { 0.0 };
    let (name, lines) = match wrapped.then(|| wrap(&shown)).flatten() {
        // The last line ends in the cut's "…".
        Some((a, b)) => (name_width(a).max(name_width(b) + ellipsis), 2.0),
        None => (name_width(&shown) + ellipsis, 1.0),
    };
    (name.max(kind) / 2.0, HEIGHT + LINE * (lines - 1.0))
}

/// How much larger than 13 units the captions are drawn when presenting at zoom `k`: names
/// of [`PRESENT_PX`] on screen, or as large as `room` lets them be without covering each
/// other, never smaller than the diagram's own.
pub fn present_scale(k: f64, room: f64) -> f64 {
    if !k.is_finite() || k <= 0.0 {
        return 1.0;
    }
    let want = PRESENT_PX / (BASE_PX * k);
    let room = if room.is_nan() { 1.0 } else { room };
    want.min(room).clamp(1.0, 80.0)
}

/// A canvas narrower than this (a phone's, upright) has no room for names of [`PRESENT_PX`]
/// side by side: there they are as large as they fit.
pub const NARROW: f64 = 600.0;

/// A node's caption and shape, for comparing.
#[derive(Debug, Clone, Copy)]
struct Placed {
    x: f64,
    y: f64,
    half: f64,
    height: f64,
}

/// The scale past which the caption of `a` would cover the caption or the shape of `b`.
fn limit(a: Placed, b: Placed) -> f64 {
    let (dx, dy) = ((b.x - a.x).abs(), b.y - a.y);
    // Both captions start TOP below their centres and grow down: they meet across once the
    // upper one's height passes the rows' distance, and along once their halves pass the
    // columns'.
    let across = if dy >= 0.0 {
        dy / a.height
    } else {
        -dy / b.height
    };
    let along = (dx - GAP).max(0.0) / (a.half + b.half);
    let captions = across.max(along);
    // `a`'s caption against `b`'s shape (fixed in size, ±SHAPE_HALF by ±30 round b).
    let shape = if dy <= TOP - 30.0 {
        // b's shape ends above a's caption's top.
        f64::INFINITY
    } else {
        let down = (dy - 30.0 - TOP).max(0.0) / a.height;
        let side = (dx - SHAPE_HALF - GAP).max(0.0) / a.half.max(1.0);
        down.max(side)
    };
    captions.min(shape)
}

/// The last diagram's [`Captions`], worked out once for the fit, the walkthrough's reveal and
/// the canvas alike. Derived from the diagram and the language alone, so two memos are always
/// equal.
#[derive(Debug, Clone, Default)]
pub struct Memo(RefCell<Option<Memoized>>);

/// Which diagram in which language, and its captions.
type Memoized = (Weak<Scenario>, Lang, Shared<Captions>);

impl PartialEq for Memo {
    fn eq(&self, _: &Memo) -> bool {
        true
    }
}

impl Memo {
    /// The captions of `scenario`'s nodes in `lang`, worked out again only for another
    /// diagram or language (a diagram is never changed in place; see [`Shared`]).
    pub fn of(&self, scenario: &Rc<Scenario>, lang: Lang) -> Shared<Captions> {
        if let Some((s, l, c)) = &*self.0.borrow() {
            if *l == lang && s.ptr_eq(&Rc::downgrade(scenario)) {
                return c.clone();
            }
        }
        let c = Shared(Rc::new(Captions::of(&scenario.nodes, lang)));
        *self.0.borrow_mut() = Some((Rc::downgrade(scenario), lang, c.clone()));
        c
    }
}

/// Rounds of choosing a name to put on two lines: each widens the narrowest room once.
const ROUNDS: usize = 24;

/// How the nodes' captions are drawn when presenting: which names go onto two lines, and the
/// largest scale the captions have room for, without one covering another's caption or shape.
/// A name goes onto two lines where, on one, it would meet a name beside it sooner than,
/// taller, it would meet what is below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Captions {
    /// By node index.
    pub wrapped: Vec<bool>,
    pub room: f64,
}

impl Captions {
    pub fn of(nodes: &[Node], lang: Lang) -> Captions {
        if nodes.len() > COMPARED {
            return Captions {
                wrapped: vec![true; nodes.len()],
                room: f64::INFINITY,
            };
        }
        // Each node's caption on one line and on two.
        let shapes: Vec<Option<[Placed; 2]>> = nodes
            .iter()
            .map(|n| {
                let (x, y) = (n.x?, n.y?);
                let placed = |(half, height): (f64, f64)| Placed {
                    x,
                    y,
                    half: f64::max(half, 1.0),
                    height,
                };
                Some([
                    placed(measure(n, lang, false)),
                    placed(measure(n, lang, true)),
                ])
            })
            .collect();
        let at = |wrapped: &[bool], i: usize| {
            let s = shapes.get(i).copied().flatten()?;
            Some(s[usize::from(wrapped.get(i).copied().unwrap_or(false))])
        };
        let pair = |wrapped: &[bool], i: usize, j: usize| match (at(wrapped, i), at(wrapped, j)) {
            (Some(a), Some(b)) => limit(a, b).min(limit(b, a)),
            _ => f64::INFINITY,
        };
        // The narrowest room, and between which two nodes.
        let narrowest = |wrapped: &[bool]| {
            let mut least = (f64::INFINITY, None);
            for i in 0..nodes.len() {
                for j in i + 1..nodes.len() {
                    let r = pair(wrapped, i, j);
                    if r < least.0 {
                        least = (r, Some((i, j)));
                    }
                }
            }
            least
        };
        let mut wrapped = vec![false; nodes.len()];
        let (mut room, mut between) = narrowest(&wrapped);
        for _ in 0..ROUNDS {
            let Some((i, j)) = between else { break };
            let before = pair(&wrapped, i, j);
            let mut best: Option<(f64, f64, usize)> = None;
            for k in [i, j] {
                let two_lines = shapes
                    .get(k)
                    .copied()
                    .flatten()
                    .is_some_and(|[one, two]| two.half < one.half);
                if wrapped.get(k) != Some(&false) || !two_lines {
                    continue;
                }
                wrapped[k] = true;
                let (after, whole) = (pair(&wrapped, i, j), narrowest(&wrapped).0);
                wrapped[k] = false;
                let better = best.is_none_or(|(w, a, _)| (whole, after) > (w, a));
                if after > before + 1e-9 && whole >= room - 1e-9 && better {
                    best = Some((whole, after, k));
                }
            }
            let Some((_, _, k)) = best else { break };
            wrapped[k] = true;
            (room, between) = narrowest(&wrapped);
        }
        Captions { wrapped, room }
    }

    /// Whether node `i`'s name is on two lines.
    pub fn wraps(&self, i: usize) -> bool {
        self.wrapped.get(i).copied().unwrap_or(false)
    }

    /// The room the captions have on a canvas `width` wide, for [`present_scale`]: unbounded
    /// on a wide one, where names are always [`PRESENT_PX`].
    pub fn room_on(&self, width: f64) -> f64 {
        if width >= NARROW {
            f64::INFINITY
        } else {
            self.room
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::node;

    #[test]
    fn the_memo_works_captions_out_again_only_for_another_diagram_or_language() {
        let s = Rc::new(Scenario {
            nodes: vec![node("a", 0.0, 0.0), node("b", 60.0, 0.0)],
            ..Scenario::default()
        });
        let memo = Memo::default();
        let first = memo.of(&s, Lang::En);
        assert_eq!(
            memo.of(&s, Lang::En),
            first,
            "the same diagram and language"
        );
        assert_eq!(*first.0, Captions::of(&s.nodes, Lang::En));
        let zh = memo.of(&s, Lang::ZhTw);
        assert_ne!(zh, first, "another language");
        let moved = Rc::new((*s).clone());
        assert_ne!(memo.of(&moved, Lang::ZhTw), zh, "another diagram");
        assert_eq!(memo.clone(), Memo::default(), "derived: memos are equal");
    }

    #[test]
    fn names_are_18_px_on_screen_where_they_have_room_and_never_smaller_than_the_diagrams() {
        assert_eq!(present_scale(1.0, f64::INFINITY), 18.0 / 13.0);
        assert_eq!(present_scale(0.5, f64::INFINITY), 36.0 / 13.0);
        assert_eq!(present_scale(0.5, 2.0), 2.0);
        assert_eq!(present_scale(2.0, f64::INFINITY), 1.0);
        assert_eq!(present_scale(0.5, 0.2), 1.0);
        assert_eq!(present_scale(0.0, 2.0), 1.0);
        assert_eq!(present_scale(f64::NAN, 2.0), 1.0);
        assert_eq!(present_scale(0.5, f64::NAN), 1.0);
    }

    #[test]
    fn long_names_break_nearest_their_middle_at_a_space_or_between_wide_characters() {
        assert_eq!(wrap("Contoso"), None);
        assert_eq!(
            wrap("Contoso Distribution"),
            Some(("Contoso", "Distribution"))
        );
        assert_eq!(
            wrap("Tailspin Toys (CSP tenant)"),
            Some(("Tailspin Toys", "(CSP tenant)"))
        );
        // No space: between wide characters, and never before a closing mark.
        assert_eq!(
            wrap("Litware（自用，客戶類型租用戶）"),
            Some(("Litware（自用，", "客戶類型租用戶）"))
        );
        assert_eq!(wrap("abcdefghijklmnopqrstuvwxyz"), None, "nowhere to break");
        // A wrapped name is narrower and a line taller.
        let mut n = node("Contoso Distribution", 0.0, 0.0);
        n.name = Some("Contoso Distribution".into());
        let (one, two) = (measure(&n, Lang::En, false), measure(&n, Lang::En, true));
        assert!(two.0 < one.0 && two.1 == one.1 + LINE, "{one:?} {two:?}");
    }

    #[test]
    fn a_name_goes_onto_two_lines_where_that_widens_its_room() {
        let wrapped = |n: u8| {
            let s = csp_rules::presets::get(n)
                .and_then(|p| p.scenario().ok())
                .unwrap_or_default();
            let c = Captions::of(&s.nodes, Lang::En);
            let ids: Vec<String> = s
                .nodes
                .iter()
                .enumerate()
                .filter(|&(i, _)| c.wraps(i))
                .map(|(_, n)| n.id.clone())
                .collect();
            (ids, c.room)
        };
        // Scenario 1: Contoso's name, with Litware right under it and nothing beside it,
        // stays on one line.
        let (ids, room) = wrapped(1);
        assert!(ids.is_empty() && room > 2.5, "{ids:?} {room}");
        // Scenario 6: Contoso's goes onto two lines beside Relecloud's, which has Tailspin's
        // shape under it and stays on one; so do the two Tailspin tenants' side by side.
        let (ids, room) = wrapped(6);
        assert_eq!(ids, ["contoso", "tailspin-buy", "tailspin-own"]);
        assert!(room > 2.0, "{room}");
    }

    #[test]
    fn captions_side_by_side_have_room_until_they_meet() {
        // Two names of 10 characters (82 units wide at 13 px), 200 apart on one row.
        let row = [node("aaaaaaaaaa", 0.0, 0.0), node("bbbbbbbbbb", 200.0, 0.0)];
        let r = Captions::of(&row, Lang::En).room;
        assert!((r - (200.0 - GAP) / 82.0).abs() < 1e-9, "{r}");
        // One under the other, 140 apart: the first caption reaches the second's shape
        // once it is 140 − 30 − 27 tall.
        let column = [node("aaaaaaaaaa", 0.0, 0.0), node("bbbbbbbbbb", 0.0, 140.0)];
        let r = Captions::of(&column, Lang::En).room;
        assert!((r - 83.0 / HEIGHT).abs() < 1e-9, "{r}");
        // Far apart both ways: no limit from each other.
        let apart = [node("a", 0.0, 0.0), node("b", 5000.0, 5000.0)];
        assert!(Captions::of(&apart, Lang::En).room > 50.0);
        assert_eq!(Captions::of(&[], Lang::En).room, f64::INFINITY);
    }
}
