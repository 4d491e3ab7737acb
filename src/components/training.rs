//! The training corner of the side panel: the walkthrough under way, or the quiz, or the
//! offers (start or resume the preset's walkthrough, quiz me, print a handout).

use super::quiz::QuizPanel;
use super::walkthrough::{saved_step, WalkthroughPanel};
use super::Dispatch;
use crate::i18n::training::T as Tr;
use crate::state::Action;
use crate::training::{self, Marks, Quiz, Tour, Train};
use csp_rules::{Lang, Report, Scenario};
use std::rc::Rc;
use yew::prelude::*;

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

#[derive(Debug, Properties, PartialEq)]
pub struct TrainingProps {
    pub lang: Lang,
    pub tour: Option<Tour>,
    pub quiz: Option<Quiz>,
    pub preset: Option<u8>,
    /// The scenario as judged.
    pub scenario: Rc<Scenario>,
    /// The current scenario, positions included.
    pub live: Rc<Scenario>,
    pub report: Option<Rc<Report>>,
    pub dispatch: Dispatch,
}

#[function_component(TrainingPanel)]
pub fn training_panel(p: &TrainingProps) -> Html {
    let lang = p.lang;
    if let Some(tour) = p.tour {
        return html! {
            <WalkthroughPanel {lang} {tour} scenario={p.scenario.clone()}
                report={p.report.clone()} dispatch={p.dispatch.clone()} />
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
    let walkthrough = p
        .preset
        .filter(|n| training::walkthrough_of(*n).is_some())
        .map(|n| (n, saved_step(n).filter(|s| *s > 1)));
    let print = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            // The whole diagram on the page: fit first, print once that is drawn.
            dispatch.dispatch(Action::FitView);
            gloo::timers::callback::Timeout::new(50, || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            })
            .forget();
        })
    };
    html! {
        <section class="panel training" aria-labelledby="training-heading">
            <h2 id="training-heading">{ Tr::Training.get(lang) }</h2>
            if let Some((n, resume)) = walkthrough {
                <p class="hint">{ Tr::WalkthroughOffer.get(lang) }</p>
                <div class="row">
                    <button type="button" class="primary start-walkthrough"
                        onclick={train(Train::StartTour { preset: n, step: 1 })}>
                        { Tr::StartWalkthrough.get(lang) }
                    </button>
                    if let Some(step) = resume {
                        <button type="button" class="resume-walkthrough"
                            onclick={train(Train::StartTour { preset: n, step })}>
                            { crate::i18n::training::resume(lang, step) }
                        </button>
                    }
                </div>
            }
            <div class="row">
                <button type="button" class="start-quiz" disabled={p.live.edges.is_empty()}
                    onclick={train(Train::StartQuiz)}>{ Tr::QuizMe.get(lang) }</button>
                <button type="button" class="print" onclick={print}>{ Tr::Print.get(lang) }</button>
            </div>
        </section>
    }
}
