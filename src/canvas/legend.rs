//! What the colours, line styles and arrowheads mean, and how many edges are allowed and
//! blocked.

use crate::model::use_page;
use crate::text::{canvas, common};
use csp_rules::{edge_kind_name, EdgeKind};
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct LegendProps {
    /// (allowed, blocked), when the diagram can be judged.
    pub counts: Option<(usize, usize)>,
    /// A quiz hides the verdicts: the legend shows the arrowheads only.
    #[prop_or_default]
    pub quiz: bool,
}

/// A short sample of an edge, drawn with the same classes as the canvas.
fn sample(class: &'static str, kind: EdgeKind, mark: &'static str) -> Html {
    let head = match kind {
        EdgeKind::SellsTo => "M46 8L36 3L36 13Z",
        EdgeKind::Manages => "M36 3L46 8L36 13",
    };
    let kind_class = match kind {
        EdgeKind::SellsTo => "sells",
        EdgeKind::Manages => "manages",
    };
    html! {
        <svg class={classes!("edge", class, kind_class)} viewBox="0 0 48 16" width="48" height="16"
             aria-hidden="true" focusable="false">
            <line class="line" x1="2" y1="8" x2="38" y2="8" />
            <path class="head" d={head} />
            if !mark.is_empty() {
                <g class="verdict-badge" transform="translate(18 8)">
                    <circle r="7" />
                    <path d={mark} transform="scale(0.8)" />
                </g>
            }
        </svg>
    }
}

#[function_component(Legend)]
pub fn legend(p: &LegendProps) -> Html {
    let lang = use_page().lang;
    html! {
        <section class="legend" aria-label={canvas::legend(lang)}>
            <h2>{ canvas::legend(lang) }</h2>
            <ul>
                if !p.quiz {
                    <li>{ sample("allowed", EdgeKind::SellsTo, "M-4.5 0.5L-1.5 3.5L4.5 -3.5") }
                        { common::allowed(lang) }</li>
                    <li>{ sample("blocked", EdgeKind::SellsTo, "M-3.5 -3.5L3.5 3.5M3.5 -3.5L-3.5 3.5") }
                        { common::blocked(lang) }</li>
                }
                <li>{ sample("neutral", EdgeKind::SellsTo, "") }
                    { common::aside(lang, edge_kind_name(EdgeKind::SellsTo, lang), canvas::filled_arrow(lang)) }</li>
                <li>{ sample("neutral", EdgeKind::Manages, "") }
                    { common::aside(lang, edge_kind_name(EdgeKind::Manages, lang), canvas::open_arrow(lang)) }</li>
            </ul>
            if let Some((allowed, blocked)) = p.counts {
                <p class="counts" role="status" data-allowed={allowed.to_string()}
                   data-blocked={blocked.to_string()}>
                    { common::counts(lang, allowed, blocked) }
                </p>
            }
        </section>
    }
}
