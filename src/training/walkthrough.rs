//! The walkthrough as a tour: one step of a preset's walkthrough at a time, in a callout
//! beside what it is about (its title and text in the page language, the change it asks for,
//! "Show me", Back and Next), and in the panel, once the change is made, the live verdicts of
//! the edges it points at with the engine's findings. The last step ends with a summary. The
//! steps are data (`csp_rules::walkthrough`); the panel only shows them and checks them
//! against the engine.

use super::callout::place_callout;
use super::print::PrintDoc;
use crate::io::{storage, url, web};
use crate::model::training::{self, Shown, Tour, Train};
use crate::model::{use_mode, use_page, Action, Dispatch, Page, Shared, View};
use crate::panels::widgets::{citation, rule_lines, verdict_badge};
use crate::text::{common, training as t};
use csp_rules::walkthrough::{self, Step, Walkthrough};
use csp_rules::{Lang, Report, Scenario};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct WalkthroughProps {
    pub tour: Tour,
    /// The scenario as judged (positions aside, the current one).
    pub scenario: Shared<Scenario>,
    /// `None` when the diagram can't be judged.
    pub report: Option<Shared<Report>>,
    /// The learner's own diagram was kept aside when the walkthrough started.
    pub can_restore: bool,
    /// Where the diagram is on screen (the current scenario and the view): the callout
    /// follows its subject when either moves.
    #[prop_or_default]
    pub placed: Option<(Shared<Scenario>, View)>,
    /// "Show me" is making its change.
    #[prop_or_default]
    pub shown: Option<Shown>,
    /// Prints a document (the walkthrough, every step).
    #[prop_or_default]
    pub print: Callback<PrintDoc>,
}

/// What a key does with the focus in the panel: ← and → move between steps, Esc leaves
/// (except while `presenting`: there Esc leaves presenter mode, as everywhere in the page).
/// Keys typed into a field, or with a modifier, are not the panel's.
pub fn tour_key(
    key: &str,
    modified: bool,
    in_text_field: bool,
    presenting: bool,
) -> Option<TourKey> {
    if in_text_field || modified {
        return None;
    }
    match key {
        "ArrowLeft" => Some(TourKey::Train(Train::Back)),
        "ArrowRight" => Some(TourKey::Train(Train::Next)),
        "Escape" if !presenting => Some(TourKey::Leave),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TourKey {
    Train(Train),
    Leave,
}

/// Leaves the walkthrough (forgetting its step once finished); the address goes back to the
/// preset's.
fn leave(dispatch: &Dispatch, tour: Tour, finished: bool) -> impl Fn() + Clone {
    let dispatch = dispatch.clone();
    move || {
        if finished {
            storage::forget_step();
        }
        web::set_fragment(&url::preset_fragment(tour.preset));
        dispatch.send(Action::Train(Train::EndTour));
    }
}

/// The canvas elements of what the step's change is about (the callout points at them).
fn subject_selector(step: &Step, s: &Scenario) -> String {
    let Some(action) = &step.action else {
        return String::new();
    };
    let (nodes, edges) = training::touched(action, s);
    // IDs of the engine's grammar are safe in a quoted selector; anything else is left out.
    let safe = |id: &&String| {
        id.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    let nodes = nodes
        .iter()
        .filter(safe)
        .map(|id| format!(".canvas-wrap [data-node-id=\"{id}\"]"));
    let edges = edges
        .iter()
        .filter(safe)
        .map(|id| format!(".canvas-wrap [data-edge-id=\"{id}\"]"));
    nodes.chain(edges).collect::<Vec<_>>().join(", ")
}

/// "Show me": what it removes fades out first (unless the reader asked for less motion),
/// then the change is made.
fn show_me(dispatch: &Dispatch, tour: Tour, removes: bool) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| {
        if removes && !web::reduced_motion() {
            dispatch.send(Action::Train(Train::Preview));
            let dispatch = dispatch.clone();
            gloo::timers::callback::Timeout::new(FADE_MS, move || {
                dispatch.send(Action::Train(Train::ShowMeAt(tour)))
            })
            .forget();
        } else {
            dispatch.send(Action::Train(Train::ShowMe));
        }
    })
}

/// How long what "Show me" removes takes to fade out (the stylesheet's transition).
const FADE_MS: u32 = 300;

#[function_component(WalkthroughPanel)]
pub fn walkthrough_panel(p: &WalkthroughProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let presenting = use_mode().present;
    let tour = p.tour;
    let w = use_memo(tour.preset, |n| training::walkthrough_of(*n));
    let text_ref = use_node_ref();
    let callout = use_node_ref();
    let subject = w
        .as_ref()
        .as_ref()
        .and_then(|w| w.step(tour.step))
        .map(|step| subject_selector(step, &p.scenario))
        .unwrap_or_default();
    // After every render (a step, a change, a pan or zoom), and when the window changes size.
    {
        let (callout, subject) = (callout.clone(), subject.clone());
        use_effect(move || {
            if let Some(el) = callout.cast::<HtmlElement>() {
                place_callout(&el, &subject, presenting);
            }
            // Again once the renders this one started are done (the canvas's, when the step
            // came with a diagram fetched just now), from where the subject is then.
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(el) = callout.cast::<HtmlElement>() {
                    place_callout(&el, &subject, presenting);
                }
            })
            .forget();
        });
    }
    let subject_now = use_mut_ref(|| (String::new(), false));
    *subject_now.borrow_mut() = (subject, presenting);
    {
        let callout = callout.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "resize", move |_| {
                    if let Some(el) = callout.cast::<HtmlElement>() {
                        let (subject, presenting) = &*subject_now.borrow();
                        place_callout(&el, subject, *presenting);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Each step: remembered, in the address (resumable), and its text focused so a screen
    // reader reads it (the progress line, a live region, says which step it is); after the
    // callout is placed, so that it can take the focus.
    {
        let text_ref = text_ref.clone();
        use_effect_with(tour, move |t| {
            storage::save_step(t.preset, t.step);
            web::set_fragment(&url::tour_fragment(t.preset, t.step));
            if let Some(el) = text_ref.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let Some(w) = w.as_ref() else {
        return html! {};
    };
    let Some(step) = w.step(tour.step) else {
        return html! {};
    };
    let train = |t: Train| dispatch.on::<MouseEvent>(Action::Train(t));
    let ready = step.action.as_ref().is_none_or(|a| a.done(&p.scenario));
    let all_met = p
        .report
        .as_ref()
        .is_some_and(|r| step.expect.iter().all(|x| x.met(&p.scenario, r)));
    let onkeydown = {
        let (dispatch, leave) = (dispatch.clone(), leave(&dispatch, tour, false));
        Callback::from(move |e: KeyboardEvent| {
            let modified = e.ctrl_key() || e.meta_key() || e.alt_key();
            // The panel owns its keys: the page's own (canvas, lists) must not act too.
            match tour_key(&e.key(), modified, web::in_text_field(&e), presenting) {
                Some(TourKey::Leave) => {
                    e.stop_propagation();
                    leave();
                }
                Some(TourKey::Train(t)) => {
                    e.prevent_default();
                    e.stop_propagation();
                    dispatch.send(Action::Train(t));
                }
                None => {}
            }
        })
    };
    let last = tour.step >= w.len();
    let removes = matches!(
        step.action,
        Some(walkthrough::Action::Disconnect { .. } | walkthrough::Action::RemoveEdge { .. })
    );
    html! {
        <section class="panel walkthrough" aria-labelledby="walkthrough-heading" {onkeydown}
            data-walkthrough={tour.preset.to_string()} data-step={tour.step.to_string()}
            data-ready={ready.to_string()} data-shown={p.shown.map(|s| s.hook())}>
            <h2 id="walkthrough-heading">
                { t::walkthrough_heading(lang, training::preset_title(tour.preset, lang)) }
            </h2>
            <div class="tour-callout" ref={callout} data-side="docked">
                <div class="tour-callout-body">
                    <p class="progress" aria-live="polite">{ t::progress(lang, tour.step, w.len()) }</p>
                    <div class="tour-step" tabindex="-1" ref={text_ref} role="group"
                        aria-labelledby="tour-step-title" aria-describedby="tour-step-text">
                        <h3 class="step-title" id="tour-step-title">{ step.title(lang) }</h3>
                        <p class="step-text" id="tour-step-text">{ step.text(lang) }</p>
                    </div>
                    { citation(lang, step.cite(tour.preset)) }
                    if let Some(action) = &step.action {
                        <div class={classes!("tour-action", if ready { "done" } else { "waiting" })}>
                            <p class="instruction">{ action.describe_in(&p.scenario, lang) }</p>
                            if !ready {
                                <p class="hint">{ t::do_this(lang) }</p>
                                <button type="button" class="show-me" disabled={p.shown == Some(Shown::Leaving)}
                                    onclick={show_me(&dispatch, tour, removes)}>
                                    { t::show_me(lang) }
                                </button>
                            }
                        </div>
                    }
                    { step_nav(tour, last, ready, lang, &dispatch) }
                </div>
            </div>
            if ready && !step.expect.is_empty() {
                { expectations(step, p, lang) }
            }
            if last {
                { summary(w, lang, &dispatch) }
            }
            if ready && !all_met {
                <p class="tour-differs">
                    { t::differs(lang) }{ " " }
                    <button type="button" class="reset-step" onclick={train(Train::ResetStep)}>
                        { t::reset_step(lang) }
                    </button>
                </p>
            }
            { tour_more(p, lang, &dispatch) }
            <p class="hint keys">{ t::keys_hint(lang) }</p>
        </section>
    }
}

/// The last step's summary: the rules the walkthrough met, each with its statement and the
/// guide's section, and the next scenario.
fn summary(w: &Walkthrough, lang: Lang, dispatch: &Dispatch) -> Html {
    let next = w
        .preset
        .checked_add(1)
        .filter(|n| csp_rules::walkthrough::path(*n).is_some());
    let rules = training::rules_met(w).into_iter().map(|r| {
        html! {
            <li data-rule={r.as_str()}>
                <code class="rule-id">{ r.as_str() }</code>{ " " }
                <span class="statement">{ r.statement(lang) }</span>{ " " }
                <a class="cite-link" href={r.link(lang)} hreflang={lang.pick("en-US", "zh-TW")}
                    target="_blank" rel="noopener noreferrer" title={r.cite().label(lang)}>
                    { r.cite().text(lang) }
                </a>
            </li>
        }
    });
    let quiz = dispatch.on::<MouseEvent>(Action::Train(Train::StartQuiz { seed: None }));
    html! {
        <div class="tour-summary" data-summary="">
            <h4>{ t::summary(lang) }</h4>
            <p>{ t::rules_met(lang) }</p>
            <ul class="rules-met">{ for rules }</ul>
            <div class="row">
                if let Some(n) = next {
                    <button type="button" class="tour-next-scenario" data-next={n.to_string()}
                        onclick={dispatch.on(Action::Train(Train::StartTour { preset: n, step: 1 }))}>
                        { t::next_scenario(lang, training::preset_title(n, lang)) }
                    </button>
                } else {
                    <p class="hint">{ t::all_scenarios_done(lang) }</p>
                }
                <button type="button" class="tour-quiz" onclick={quiz}>{ t::quiz_this(lang) }</button>
            </div>
        </div>
    }
}

/// The verdicts the step points at, live, each as the step expects or not.
fn expectations(step: &Step, p: &WalkthroughProps, lang: Lang) -> Html {
    let s = &p.scenario;
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let items = step.expect.iter().map(|x| {
        let found = x.edge.find(s);
        let er = found.and_then(|(i, e)| {
            let r = p.report.as_ref()?;
            r.edges.get(i).filter(|er| er.id == e.id).cloned()
        });
        let met = p.report.as_ref().is_some_and(|r| x.met(s, r));
        let relation = found.map_or_else(String::new, |(_, e)| {
            common::relation(lang, &label(&e.from), e.kind, &label(&e.to))
        });
        html! {
            <li class={classes!("expect", if met { "met" } else { "unmet" })}
                data-expect-edge={found.map(|(_, e)| e.id.clone())}
                data-expect-verdict={x.verdict.as_str()} data-met={met.to_string()}>
                <p class="expect-head">
                    { verdict_badge(lang, er.as_ref().map(|e| e.verdict)) }{ " " }
                    <span class="relation">{ relation }</span>
                </p>
                <p class="expect-note">
                    { if met { t::as_expected(lang) } else { t::not_as_expected(lang) } }
                </p>
                if let Some(er) = &er {
                    { rule_lines(lang, &er.findings) }
                }
            </li>
        }
    });
    let done = if step.action.is_some() {
        t::done(lang)
    } else {
        t::what_rules_say(lang)
    };
    html! {
        <div class="tour-result" role="status">
            <h4>{ done }</h4>
            <ul class="expectations">{ for items }</ul>
        </div>
    }
}

/// Back, and Next (or Finish on the last step).
fn step_nav(tour: Tour, last: bool, ready: bool, lang: Lang, dispatch: &Dispatch) -> Html {
    let train = |t: Train| dispatch.on::<MouseEvent>(Action::Train(t));
    let finish = {
        let leave = leave(dispatch, tour, true);
        Callback::from(move |_: MouseEvent| leave())
    };
    html! {
        <div class="tour-nav">
            <button type="button" class="tour-back" disabled={tour.step <= 1}
                onclick={train(Train::Back)}>{ t::back(lang) }</button>
            if last {
                <button type="button" class="primary tour-finish" onclick={finish}>
                    { t::finish(lang) }
                </button>
            } else {
                <button type="button" class="primary tour-next" disabled={!ready}
                    onclick={train(Train::Next)}>{ t::next(lang) }</button>
            }
        </div>
    }
}

/// Restart, Leave, and back to the learner's own diagram.
fn tour_more(p: &WalkthroughProps, lang: Lang, dispatch: &Dispatch) -> Html {
    let tour = p.tour;
    let train = |t: Train| dispatch.on::<MouseEvent>(Action::Train(t));
    let on_leave = {
        let leave = leave(dispatch, tour, false);
        Callback::from(move |_: MouseEvent| leave())
    };
    let restore = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            web::set_fragment(&url::preset_fragment(tour.preset));
            dispatch.send(Action::Train(Train::RestoreKept));
        })
    };
    html! {
        <div class="tour-nav tour-more">
            <button type="button" class="tour-restart"
                onclick={train(Train::StartTour { preset: tour.preset, step: 1 })}>
                { t::restart(lang) }
            </button>
            <button type="button" class="tour-leave" onclick={on_leave}>{ t::leave(lang) }</button>
            <button type="button" class="print-walkthrough"
                onclick={p.print.reform(move |_: MouseEvent| PrintDoc::Walkthrough(tour.preset))}>
                { t::print_walkthrough(lang) }
            </button>
            if p.can_restore {
                <button type="button" class="restore-diagram" onclick={restore}>
                    { t::restore_diagram(lang) }
                </button>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panels_keys_move_between_steps_and_leave() {
        assert_eq!(
            tour_key("ArrowLeft", false, false, false),
            Some(TourKey::Train(Train::Back))
        );
        assert_eq!(
            tour_key("ArrowRight", false, false, false),
            Some(TourKey::Train(Train::Next))
        );
        assert_eq!(
            tour_key("Escape", false, false, false),
            Some(TourKey::Leave)
        );
        assert_eq!(
            tour_key("Escape", false, false, true),
            None,
            "presenting, Esc leaves presenter mode"
        );
        assert_eq!(
            tour_key("ArrowRight", false, false, true),
            Some(TourKey::Train(Train::Next))
        );
        assert_eq!(
            tour_key("ArrowLeft", true, false, false),
            None,
            "Alt+← is the browser's"
        );
        assert_eq!(
            tour_key("ArrowLeft", false, true, false),
            None,
            "in a field it moves the caret"
        );
        assert_eq!(tour_key("x", false, false, false), None);
    }
}
