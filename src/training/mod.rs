//! The training corner of the side panel: the walkthrough under way, or the quiz, or the
//! offers (start or resume the preset's walkthrough, quiz me, print a handout). The state is
//! the page's (`model::training`); this room draws it and sends its verbs.

pub mod quiz;
pub mod walkthrough;

use crate::io::storage::saved_step;
use crate::model::training::{self, Quiz, Tour, Train};
use crate::model::{use_page, Action, Dispatch, Page, Shared};
use crate::text::training as t;
use csp_rules::{Report, Scenario};
use gloo::events::EventListener;
use quiz::QuizPanel;
use walkthrough::WalkthroughPanel;
use yew::prelude::*;

/// The canvas on the printed page, in CSS pixels (`@media print` in the stylesheet).
const PRINT_SIZE: (f64, f64) = (700.0, 470.0);

/// Printing (the button or the browser's own command): the whole diagram fitted to the
/// printed canvas, then fitted back to the screen.
#[hook]
fn use_print_fit(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let fit = |dispatch: &Dispatch, size: Option<(f64, f64)>| {
            if let Some((width, height)) = size {
                dispatch.send(Action::CanvasResized { width, height });
                dispatch.send(Action::FitView);
            }
        };
        let listeners = web_sys::window().map(|w| {
            let before = {
                let dispatch = dispatch.clone();
                EventListener::new(&w, "beforeprint", move |_| fit(&dispatch, Some(PRINT_SIZE)))
            };
            let after = EventListener::new(&w, "afterprint", move |_| {
                let screen = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("svg.canvas").ok().flatten())
                    .map(|el| el.get_bounding_client_rect())
                    .map(|r| (r.width(), r.height()));
                fit(&dispatch, screen);
            });
            (before, after)
        });
        move || drop(listeners)
    });
}

#[derive(Debug, Properties, PartialEq)]
pub struct TrainingProps {
    pub tour: Option<Tour>,
    pub quiz: Option<Quiz>,
    pub preset: Option<u8>,
    /// The scenario as judged.
    pub scenario: Shared<Scenario>,
    /// The current scenario, positions included.
    pub live: Shared<Scenario>,
    pub report: Option<Shared<Report>>,
    /// The learner's own diagram was kept aside when a walkthrough started.
    #[prop_or_default]
    pub can_restore: bool,
}

#[function_component(TrainingPanel)]
pub fn training_panel(p: &TrainingProps) -> Html {
    let Page { lang, dispatch } = use_page();
    use_print_fit(dispatch.clone());
    // Read once per preset and after each walkthrough, not on every render.
    let walkthrough = use_memo((p.preset, p.tour), |(preset, _)| {
        preset
            .filter(|n| training::walkthrough_of(*n).is_some())
            .map(|n| (n, saved_step(n).filter(|s| *s > 1)))
    });
    if let Some(tour) = p.tour {
        return html! {
            <WalkthroughPanel {tour} scenario={p.scenario.clone()}
                report={p.report.clone()} can_restore={p.can_restore} />
        };
    }
    if let Some(quiz) = &p.quiz {
        return html! {
            <QuizPanel quiz={quiz.clone()} scenario={p.scenario.clone()} live={p.live.clone()}
                report={p.report.clone()} />
        };
    }
    let train = |t: Train| dispatch.on::<MouseEvent>(Action::Train(t));
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="panel training" aria-labelledby="training-heading">
            <h2 id="training-heading">{ t::training(lang) }</h2>
            if let Some((n, resume)) = *walkthrough {
                <p class="hint">{ t::walkthrough_offer(lang) }</p>
                <div class="row">
                    <button type="button" class="primary start-walkthrough"
                        onclick={train(Train::StartTour { preset: n, step: 1 })}>
                        { t::start_walkthrough(lang) }
                    </button>
                    if let Some(step) = resume {
                        <button type="button" class="resume-walkthrough"
                            onclick={train(Train::StartTour { preset: n, step })}>
                            { t::resume(lang, step) }
                        </button>
                    }
                </div>
            }
            if p.can_restore {
                <div class="row">
                    <button type="button" class="restore-diagram" onclick={train(Train::RestoreKept)}>
                        { t::restore_diagram(lang) }
                    </button>
                </div>
            }
            <div class="row">
                <button type="button" class="start-quiz" disabled={p.live.edges.is_empty()}
                    onclick={train(Train::StartQuiz)}>{ t::quiz_me(lang) }</button>
                <button type="button" class="print" onclick={print}>{ t::print(lang) }</button>
            </div>
        </section>
    }
}
