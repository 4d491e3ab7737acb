//! One edge on the canvas: a line with an arrowhead (filled for "sells to", open for
//! "manages") and a verdict badge. Verdict shows by colour and by line style and icon:
//! allowed is solid with a check, blocked is dashed with a cross.

use crate::model::route::box_exit;
use crate::model::training::Mark;
use crate::text::num::fixed;
use crate::text::{canvas, common};
use csp_rules::{EdgeKind, Lang, Verdict};
use yew::prelude::*;

/// Where an edge is drawn: its two centres, already offset when edges share a pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

impl Segment {
    /// The visible part: from one node's box to the other's, with the unit direction.
    fn trimmed(&self) -> Option<(f64, f64, f64, f64, f64, f64)> {
        let (dx, dy) = (self.x2 - self.x1, self.y2 - self.y1);
        let len = (dx * dx + dy * dy).sqrt();
        if !len.is_finite() || len < 1.0 {
            return None;
        }
        let (ux, uy) = (dx / len, dy / len);
        let start = box_exit(ux, uy);
        let end = box_exit(-ux, -uy) + 4.0;
        if len < start + end + 16.0 {
            return None;
        }
        Some((
            self.x1 + ux * start,
            self.y1 + uy * start,
            self.x2 - ux * end,
            self.y2 - uy * end,
            ux,
            uy,
        ))
    }
}

fn f1(v: f64) -> String {
    fixed(v, 1)
}

/// An edge as drawn: its line (to the arrowhead's base), the arrowhead's path and the middle,
/// where the badge goes.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeShape {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub head: String,
    pub mid: (f64, f64),
}

impl Segment {
    /// How an edge of `kind` along this segment is drawn; `None` when its ends overlap.
    pub fn shape(&self, kind: EdgeKind) -> Option<EdgeShape> {
        let (x1, y1, x2, y2, ux, uy) = self.trimmed()?;
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
        Some(EdgeShape {
            x1,
            y1,
            x2: bx + ux * 2.0,
            y2: by + uy * 2.0,
            head,
            mid: ((x1 + x2) / 2.0, (y1 + y2) / 2.0),
        })
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
    pub seg: Segment,
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
    let body = match p.seg.shape(p.kind) {
        Some(sh) => {
            let mark = mark_path(p.verdict, sh.mid);
            let (cx, cy) = (f1(sh.mid.0), f1(sh.mid.1));
            let (x1, y1, x2, y2) = (f1(sh.x1), f1(sh.y1), f1(sh.x2), f1(sh.y2));
            html! {
                <>
                    <line class="hit" x1={x1.clone()} y1={y1.clone()} x2={x2.clone()} y2={y2.clone()} />
                    <line class="line" {x1} {y1} {x2} {y2} />
                    <path class="head" d={sh.head} />
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
                <circle cx={f1(p.seg.x1)} cy={f1(p.seg.y1 - 40.0)} r="9" />
            </g>
        },
    };
    html! {
        <g class={class} data-edge-id={p.id.clone()} data-verdict={verdict}
           tabindex="0" role="button" aria-label={title.clone()}
           aria-pressed={if p.selected { "true" } else { "false" }}>
            <title>{ title }</title>
            { body }
        </g>
    }
}
