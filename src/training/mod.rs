//! The training corner of the side panel: the walkthrough under way, or the quiz, or the
//! offers (start or resume the preset's walkthrough, quiz me, print a handout). The state is
//! the page's (`model::training`); this room draws it and sends its verbs.

mod callout;
pub mod print;
pub mod quiz;
pub mod walkthrough;

use crate::io::storage::saved_step;
use crate::model::training::{self, Quiz, Shown, Tour, Train};
use crate::model::{use_page, Action, Page, Shared, View};
use crate::text::training as t;
use csp_rules::{Report, Scenario};
use gloo::events::EventListener;
use print::{PrintDoc, PrintView};
use quiz::QuizPanel;
use std::rc::Rc;
use walkthrough::WalkthroughPanel;
use yew::prelude::*;

/// What is being printed, and whether the page still has to ask the browser to print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Printing {
    doc: PrintDoc,
    ask: bool,
}

/// Printing: a button names what to print, and the browser is asked once it is drawn; the
/// browser's own command prints what fits what is on screen (the walkthrough under way, the
/// quiz without its answers, else the handout), drawn before the page is laid out for print
/// (yew renders in a microtask, which runs before the browser goes on). A print a button
/// asked for keeps its document until the browser's `afterprint`, as some browsers print
/// after `print()` has returned. What was printed stays, hidden, until the next print.
#[hook]
fn use_printing(default: PrintDoc) -> (UseStateHandle<Option<Printing>>, Callback<PrintDoc>) {
    let printing = use_state_eq(|| None::<Printing>);
    let asked = use_mut_ref(|| false);
    let default_now = use_mut_ref(|| default);
    *default_now.borrow_mut() = default;
    {
        let (printing, asked) = (printing.clone(), asked.clone());
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let done = asked.clone();
                let before = EventListener::new(&w, "beforeprint", move |_| {
                    if !*asked.borrow() {
                        let doc = *default_now.borrow();
                        printing.set(Some(Printing { doc, ask: false }));
                    }
                });
                let after = EventListener::new(&w, "afterprint", move |_| {
                    *done.borrow_mut() = false;
                });
                (before, after)
            });
            move || drop(listeners)
        });
    }
    {
        let (printing, asked) = (printing.clone(), asked.clone());
        use_effect_with(*printing, move |now| {
            if let Some(p) = now.filter(|p| p.ask) {
                *asked.borrow_mut() = true;
                let asking = web_sys::window().map(|w| w.print().is_ok());
                if asking != Some(true) {
                    *asked.borrow_mut() = false;
                }
                printing.set(Some(Printing { ask: false, ..p }));
            }
        });
    }
    let print = {
        let printing = printing.clone();
        Callback::from(move |doc: PrintDoc| printing.set(Some(Printing { doc, ask: true })))
    };
    (printing, print)
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
    /// What "Show me" is doing.
    #[prop_or_default]
    pub shown: Option<Shown>,
    /// Where the diagram is shown (a walkthrough's callout follows it).
    #[prop_or_default]
    pub view: View,
}

#[function_component(TrainingPanel)]
pub fn training_panel(p: &TrainingProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let default = match (p.tour, &p.quiz) {
        (_, Some(q)) if q.hides_verdicts() => PrintDoc::Worksheet { key: false },
        (Some(t), _) => PrintDoc::Walkthrough(t.preset),
        _ => PrintDoc::Handout,
    };
    let (printing, print) = use_printing(default);
    let walkthrough = use_walkthrough_offer(p.preset, p.tour);
    let printed = printing.map(|now| {
        html! {
            <PrintView doc={now.doc} live={p.live.clone()} report={p.report.clone()} preset={p.preset}
                quiz={p.quiz.clone()} />
        }
    });
    html! {
        <>
            { training_panel_body(p, walkthrough, &print, lang, &dispatch) }
            { for printed }
        </>
    }
}

/// The preset's walkthrough, and the step to resume it at (read once per preset and after
/// each walkthrough, not on every render).
#[hook]
fn use_walkthrough_offer(
    preset: Option<u8>,
    tour: Option<Tour>,
) -> Rc<Option<(u8, Option<usize>)>> {
    use_memo((preset, tour), |(preset, _)| {
        preset
            .filter(|n| training::walkthrough_of(*n).is_some())
            .map(|n| (n, saved_step(n).filter(|s| *s > 1)))
    })
}

fn training_panel_body(
    p: &TrainingProps,
    walkthrough: Rc<Option<(u8, Option<usize>)>>,
    print: &Callback<PrintDoc>,
    lang: csp_rules::Lang,
    dispatch: &crate::model::Dispatch,
) -> Html {
    if let Some(tour) = p.tour {
        return html! {
            <WalkthroughPanel {tour} scenario={p.scenario.clone()}
                report={p.report.clone()} can_restore={p.can_restore} shown={p.shown}
                placed={Some((p.live.clone(), p.view))} print={print.clone()} />
        };
    }
    if let Some(quiz) = &p.quiz {
        return html! {
            <QuizPanel quiz={quiz.clone()} scenario={p.scenario.clone()} live={p.live.clone()}
                report={p.report.clone()} preset={p.preset} />
        };
    }
    let train = |t: Train| dispatch.on::<MouseEvent>(Action::Train(t));
    let print_it = |doc: PrintDoc| print.reform(move |_: MouseEvent| doc);
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
                    onclick={train(Train::StartQuiz { seed: None })}>{ t::quiz_me(lang) }</button>
            </div>
            <div class="row">
                <button type="button" class="print" onclick={print_it(PrintDoc::Handout)}>{ t::print(lang) }</button>
                if let Some((n, _)) = *walkthrough {
                    <button type="button" class="print-walkthrough" onclick={print_it(PrintDoc::Walkthrough(n))}>
                        { t::print_walkthrough(lang) }
                    </button>
                }
                <button type="button" class="print-worksheet" disabled={p.live.edges.is_empty()}
                    onclick={print_it(PrintDoc::Worksheet { key: true })}>{ t::print_worksheet(lang) }</button>
            </div>
        </section>
    }
}
