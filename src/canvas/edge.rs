//! One edge on the canvas: a line with an arrowhead (filled for "sells to", open for
//! "manages") and a verdict badge. Verdict shows by colour and by line style and icon:
//! allowed is solid with a check, blocked is dashed with a cross.

use crate::model::route::Drawn;
use crate::model::training::Mark;
use crate::text::num::fixed;
use crate::text::{canvas, common};
use csp_rules::{EdgeKind, Lang, Verdict};
use yew::prelude::*;

fn f1(v: f64) -> String {
    fixed(v, 1)
}

/// An edge as drawn: its line from `start` to `end` (the arrowhead's base), curved through
/// `ctrl` round the nodes in its way, the arrowhead's path and where the badge goes.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeShape {
    pub start: (f64, f64),
    pub ctrl: Option<(f64, f64)>,
    pub end: (f64, f64),
    pub head: String,
    pub mid: (f64, f64),
    /// Where on the line a badge placed beside it belongs (`None`: the badge is on the line).
    pub tether: Option<(f64, f64)>,
}

/// How an edge of `kind` routed as `d` is drawn.
pub fn shape(d: &Drawn, kind: EdgeKind) -> EdgeShape {
    let ((x2, y2), (ux, uy)) = (d.end, d.dir);
    // Arrowhead at the target: a triangle 12 long, 7 wide each side.
    let (bx, by) = (x2 - ux * 12.0, y2 - uy * 12.0);
    let (px, py) = (-uy * 7.0, ux * 7.0);
    let (tip, left, right) = (
        (f1(x2 + ux * 3.0), f1(y2 + uy * 3.0)),
        (f1(bx + px), f1(by + py)),
        (f1(bx - px), f1(by - py)),
    );
    let head = match kind {
        EdgeKind::SellsTo => format!(
            "M{} {}L{} {}L{} {}Z",
            tip.0, tip.1, left.0, left.1, right.0, right.1
        ),
        EdgeKind::Manages => format!(
            "M{} {}L{} {}L{} {}",
            left.0, left.1, tip.0, tip.1, right.0, right.1
        ),
    };
    EdgeShape {
        start: d.start,
        ctrl: d.ctrl,
        end: (bx + ux * 2.0, by + uy * 2.0),
        head,
        mid: d.badge,
        tether: ((d.on_line.0 - d.badge.0).hypot(d.on_line.1 - d.badge.1) > 0.5)
            .then_some(d.on_line),
    }
}

/// The path of a curved line from `a` through `c` to `b`.
pub fn curve_path(a: (f64, f64), c: (f64, f64), b: (f64, f64)) -> String {
    format!(
        "M{} {}Q{} {} {} {}",
        f1(a.0),
        f1(a.1),
        f1(c.0),
        f1(c.1),
        f1(b.0),
        f1(b.1)
    )
}

/// The line and its wider hit area from `a` to `b`: straight, or curved through `ctrl` round
/// the nodes in its way.
fn line(a: (f64, f64), ctrl: Option<(f64, f64)>, b: (f64, f64)) -> Html {
    match ctrl {
        None => {
            let (x1, y1, x2, y2) = (f1(a.0), f1(a.1), f1(b.0), f1(b.1));
            html! {
                <>
                    <line class="hit" x1={x1.clone()} y1={y1.clone()} x2={x2.clone()} y2={y2.clone()} />
                    <line class="line" {x1} {y1} {x2} {y2} />
                </>
            }
        }
        Some(c) => {
            let d = curve_path(a, c, b);
            html! {
                <>
                    <path class="hit" d={d.clone()} />
                    <path class="line curved" {d} />
                </>
            }
        }
    }
}

/// The badge's mark for a verdict (a check, a cross, or "?" when unjudged) around `mid`, from
/// its first point on in relative steps: placed by its coordinates, not a transform (a paint
/// chunk each in Chromium, see `shapes`).
pub fn mark_path(verdict: Option<Verdict>, mid: (f64, f64)) -> String {
    let ((ox, oy), steps) = match verdict {
        Some(Verdict::Allowed) => ((-4.5, 0.5), "l3 3l6 -7"),
        Some(Verdict::Blocked) => ((-3.5, -3.5), "l7 7m0 -7l-7 7"),
        None => ((-1.0, -4.0), "h2m-1 3v5"),
    };
    format!("M{} {}{steps}", f1(mid.0 + ox), f1(mid.1 + oy))
}

#[derive(Debug, Properties, PartialEq)]
pub struct EdgeProps {
    pub id: AttrValue,
    pub kind: EdgeKind,
    /// Where it is drawn (round the nodes in its way); `None`: its ends are on top of each
    /// other, at `at`.
    pub drawn: Option<Drawn>,
    pub at: (f64, f64),
    /// `None` when the diagram can't be judged (it has an input error).
    pub verdict: Option<Verdict>,
    pub selected: bool,
    /// The labels of its two ends.
    pub from: AttrValue,
    pub to: AttrValue,
    /// A prop, not the page's context: thousands of edges would each subscribe to it.
    pub lang: Lang,
    /// A quiz is being answered: the verdict is not said in the edge's name.
    pub hide_verdict: bool,
    /// What training marks on it: a walkthrough's highlight, a quiz's number.
    #[prop_or_default]
    pub mark: Mark,
    /// Drawn in the first frame prerendered at build time (the canvas's `first` module): named by
    /// `data-first-edge` and `data-first-verdict`, not the live canvas's hooks, and inert.
    #[prop_or_default]
    pub first: bool,
}

/// An edge's accessible name and tooltip: its relation, then its verdict unless hidden.
pub fn edge_name(
    lang: Lang,
    from: &str,
    kind: EdgeKind,
    to: &str,
    verdict: Option<Verdict>,
    hide_verdict: bool,
) -> String {
    let relation = common::relation(lang, from, kind, to);
    if hide_verdict {
        relation
    } else {
        common::said_as(lang, &relation, common::verdict(lang, verdict))
    }
}

#[function_component(EdgeView)]
pub fn edge_view(p: &EdgeProps) -> Html {
    // Made here, not by the layer: only an edge whose props changed pays for its name.
    let mut relation = common::relation(p.lang, &p.from, p.kind, &p.to);
    if let Some(n) = p.mark.number {
        relation = canvas::question_edge(p.lang, n, &relation);
    }
    let title = if p.hide_verdict {
        relation
    } else {
        common::said_as(p.lang, &relation, common::verdict(p.lang, p.verdict))
    };
    let verdict = p.verdict.map(Verdict::as_str);
    let class = classes!(
        "edge",
        verdict.unwrap_or("unjudged"),
        match p.kind {
            EdgeKind::SellsTo => "sells",
            EdgeKind::Manages => "manages",
        },
        p.selected.then_some("selected"),
        p.mark.tour,
        p.mark.motion,
        p.mark.pointed.then_some("pointed"),
    );
    let body = match p.drawn.as_ref().map(|d| shape(d, p.kind)) {
        Some(sh) => {
            let mark = mark_path(p.verdict, sh.mid);
            let (cx, cy) = (f1(sh.mid.0), f1(sh.mid.1));
            html! {
                <>
                    { line(sh.start, sh.ctrl, sh.end) }
                    <path class="head" d={sh.head} />
                    if let Some((x, y)) = sh.tether {
                        <line class="tether" x1={f1(x)} y1={f1(y)} x2={cx.clone()} y2={cy.clone()} />
                    }
                    <g class="verdict-badge">
                        <circle cx={cx.clone()} cy={cy.clone()} r="9" />
                        if let Some(n) = p.mark.number {
                            <text class="edge-number" x={cx} y={cy}>{ n }</text>
                        } else {
                            <path d={mark} />
                        }
                    </g>
                </>
            }
        }
        // Ends on top of each other: nothing sensible to draw but the badge.
        None => html! {
            <g class="verdict-badge">
                <circle cx={f1(p.at.0)} cy={f1(p.at.1 - 40.0)} r="9" />
            </g>
        },
    };
    if p.first {
        return html! {
            <g class={class} data-first-edge={p.id.clone()} data-first-verdict={verdict}>
                <title>{ title }</title>
                { body }
            </g>
        };
    }
    html! {
        <g class={class} data-edge-id={p.id.clone()} data-verdict={verdict}
           tabindex="0" role="button" aria-label={title.clone()}
           aria-pressed={if p.selected { "true" } else { "false" }}>
            <title>{ title }</title>
            { body }
        </g>
    }
}
