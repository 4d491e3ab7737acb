//! The diagram's first frame as static markup: what the canvas will draw of a guide scenario
//! (nodes, edges, verdict badges), prerendered at build time with yew's `ssr` feature by the
//! canvas's own layers (`first-frame/`), so the loading screen shows the verdicts before the
//! WebAssembly has arrived. Its elements name themselves by `data-first-node`,
//! `data-first-edge` and `data-first-verdict`, never by the live canvas's hooks.

use super::layers::EdgeLayer;
use super::node::{NodeLayer, NodesOf};
use super::routes::use_routes;
use super::topology::use_topology;
use crate::model::layout;
use crate::model::{Dispatch, Page, Shared, View};
use crate::text::canvas;
use crate::text::num::fixed;
use csp_rules::{Lang, Scenario, Verdict};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct FirstFrameProps {
    pub scenario: Shared<Scenario>,
    /// The rules' revision of `scenario`.
    pub rev: u64,
    /// Each edge's verdict, in `scenario`'s order; empty when it can't be judged.
    pub verdicts: Rc<Vec<Verdict>>,
    pub lang: Lang,
}

/// The viewport is not known at build time: the picture's box is the one the app fits into
/// the canvas (`layout::bounds`), scaled to the element it is shown in, centred. Its width and
/// height are that box at the largest zoom a fit takes, so a roomy screen shows it no larger
/// than the app will (boot.css lets it shrink from there).
fn frame_box(s: &Scenario) -> Option<(String, String, String)> {
    let r = layout::bounds(s, None)?;
    let (w, h) = ((r.x1 - r.x0).max(1.0), (r.y1 - r.y0).max(1.0));
    let k = View::MAX_FIT_ZOOM;
    Some((
        format!(
            "{} {} {} {}",
            fixed(r.x0, 1),
            fixed(r.y0, 1),
            fixed(w, 1),
            fixed(h, 1)
        ),
        fixed(w * k, 1),
        fixed(h * k, 1),
    ))
}

#[function_component(FirstFrame)]
pub fn first_frame(p: &FirstFrameProps) -> Html {
    let lang = p.lang;
    let (names, topology) = use_topology(&p.scenario.0, p.rev, lang);
    let routes = use_routes(&p.scenario.0, &topology, 1.0, None);
    let page = Page {
        lang,
        dispatch: Dispatch::default(),
    };
    let (view_box, width, height) = match frame_box(&p.scenario) {
        Some((b, w, h)) => (Some(b), Some(w), Some(h)),
        None => (None, None, None),
    };
    html! {
        <ContextProvider<Page> context={page}>
            <svg class="canvas first-frame" viewBox={view_box} width={width} height={height}
                 preserveAspectRatio="xMidYMid meet" role="img"
                 aria-label={canvas::first_frame_label(lang)}>
                <g class="viewport">
                    <EdgeLayer scenario={p.scenario.clone()} topology={Shared(topology)}
                        routes={Shared(routes)} visible={Shared(Rc::default())}
                        verdicts={p.verdicts.clone()} selected={BTreeSet::new()}
                        full={true} first={true} />
                    <NodeLayer scenario={NodesOf(p.scenario.0.clone())} names={Shared(names)}
                        visible={Shared(Rc::default())} selected={BTreeSet::new()}
                        full={true} first={true} />
                </g>
            </svg>
        </ContextProvider<Page>>
    }
}
