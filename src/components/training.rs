//! The training corner of the side panel: the walkthrough under way, or the quiz, or the
//! offers (start or resume the preset's walkthrough, quiz me, print a handout).

use super::quiz::QuizPanel;
use super::walkthrough::WalkthroughPanel;
use super::{Dispatch, Shared};
use crate::io::storage::saved_step;
use crate::model::training::{self, Marks, Quiz, Tour, Train};
use crate::model::Action;
use crate::text::training as tt;
use csp_rules::{Lang, Report, Scenario};
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// An edge's findings as short lines, rule ID then message (the walkthrough's expectations
/// and the quiz's answers).
pub fn rule_lines(findings: &[csp_rules::Finding]) -> Html {
    if findings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="rules">
            { for findings.iter().map(|f| html! {
                <li data-rule={f.rule.as_str()}>
                    <code class="rule-id">{ f.rule.as_str() }</code>{ " " }
                    <span class="message">{ f.message.clone() }</span>
                </li>
            }) }
        </ul>
    }
}

/// What a step's highlight depends on: the step and the rules' revision of the diagram (an
/// edge the learner draws is found by its ends), not positions.
#[derive(Debug)]
pub struct MarksKey {
    pub tour: Option<Tour>,
    pub rev: u64,
    pub scenario: Rc<Scenario>,
}

impl PartialEq for MarksKey {
    fn eq(&self, other: &Self) -> bool {
        self.tour == other.tour && self.rev == other.rev
    }
}

/// The canvas highlight for the current step, if a walkthrough is under way.
pub fn marks_of(k: &MarksKey) -> Option<Rc<Marks>> {
    k.tour
        .and_then(|t| training::marks(t, &k.scenario))
        .map(Rc::new)
}

/// The canvas on the printed page, in CSS pixels (`@media print` in app.css).
const PRINT_SIZE: (f64, f64) = (700.0, 470.0);

#[derive(Debug, Properties, PartialEq)]
pub struct TrainingProps {
    pub lang: Lang,
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
    pub dispatch: Dispatch,
}

#[function_component(TrainingPanel)]
pub fn training_panel(p: &TrainingProps) -> Html {
    let lang = p.lang;
    // Printing (the button or the browser's own command): the whole diagram fitted to the
    // printed canvas, then fitted back to the screen.
    {
        let dispatch = p.dispatch.clone();
        use_effect_with((), move |_| {
            let fit = |dispatch: &Dispatch, size: Option<(f64, f64)>| {
                if let Some((width, height)) = size {
                    dispatch.dispatch(Action::CanvasResized { width, height });
                    dispatch.dispatch(Action::FitView);
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
    // Read once per preset and after each walkthrough, not on every render.
    let walkthrough = use_memo((p.preset, p.tour), |(preset, _)| {
        preset
            .filter(|n| training::walkthrough_of(*n).is_some())
            .map(|n| (n, saved_step(n).filter(|s| *s > 1)))
    });
    let walkthrough = *walkthrough;
    if let Some(tour) = p.tour {
        return html! {
            <WalkthroughPanel {lang} {tour} scenario={p.scenario.clone()}
                report={p.report.clone()} can_restore={p.can_restore} dispatch={p.dispatch.clone()} />
        };
    }
    if let Some(quiz) = &p.quiz {
        return html! {
            <QuizPanel {lang} quiz={quiz.clone()} scenario={p.scenario.clone()} live={p.live.clone()}
                report={p.report.clone()} dispatch={p.dispatch.clone()} />
        };
    }
    let train = |t: Train| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Train(t.clone())))
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="panel training" aria-labelledby="training-heading">
            <h2 id="training-heading">{ tt::training(lang) }</h2>
            if let Some((n, resume)) = walkthrough {
                <p class="hint">{ tt::walkthrough_offer(lang) }</p>
                <div class="row">
                    <button type="button" class="primary start-walkthrough"
                        onclick={train(Train::StartTour { preset: n, step: 1 })}>
                        { tt::start_walkthrough(lang) }
                    </button>
                    if let Some(step) = resume {
                        <button type="button" class="resume-walkthrough"
                            onclick={train(Train::StartTour { preset: n, step })}>
                            { tt::resume(lang, step) }
                        </button>
                    }
                </div>
            }
            if p.can_restore {
                <div class="row">
                    <button type="button" class="restore-diagram" onclick={train(Train::RestoreKept)}>
                        { tt::restore_diagram(lang) }
                    </button>
                </div>
            }
            <div class="row">
                <button type="button" class="start-quiz" disabled={p.live.edges.is_empty()}
                    onclick={train(Train::StartQuiz)}>{ tt::quiz_me(lang) }</button>
                <button type="button" class="print" onclick={print}>{ tt::print(lang) }</button>
            </div>
        </section>
    }
}
