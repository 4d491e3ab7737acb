//! An embed's page: the stage the shell built for its mode (canvas, legend, and a compact
//! palette when editing, with the popover over it) and, for a walkthrough or a quiz, its panel
//! beside the canvas or under it, whichever the frame's shape allows (the stylesheet decides,
//! by the frame's own width and height).

use crate::model::evaluation::Evaluation;
use crate::model::{Embed, Shared, State};
use crate::text::embed as t;
use crate::training::TrainingPanel;
use yew::prelude::*;

/// The embed of the page in state `s`, around `stage`.
pub fn frame(s: &State, eval: &Evaluation, stage: Html) -> Html {
    let lang = s.lang;
    let mode = s.mode.embed.map_or("", Embed::as_str);
    let tr = &s.training;
    let panel = s.mode.training_panel().then(|| {
        html! {
            <aside class="embed-panel" aria-label={t::panel_label(lang)}>
                <TrainingPanel tour={tr.tour} quiz={tr.quiz.clone()} preset={s.doc.preset()}
                    scenario={Shared(eval.scenario.clone())} live={Shared(s.scenario().clone())}
                    report={eval.report().cloned().map(Shared)} can_restore={tr.kept.is_some()} />
            </aside>
        }
    });
    html! {
        <main class={classes!("embed-frame", panel.is_some().then_some("with-panel"))} data-embed={mode}>
            { stage }
            { for panel }
        </main>
    }
}
