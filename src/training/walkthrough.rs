//! The walkthrough panel: one step of a preset's walkthrough at a time (its title and text in
//! the page language), the change it asks for, and once that is made, the live verdicts of
//! the edges it points at with the engine's findings. The steps are data
//! (`csp_rules::walkthrough`); the panel only shows them and checks them against the engine.

use crate::io::{storage, url, web};
use crate::model::training::{self, Tour, Train};
use crate::model::{use_mode, use_page, Action, Dispatch, Page, Shared};
use crate::panels::widgets::{citation, rule_lines, verdict_badge};
use crate::text::{common, training as t};
use csp_rules::walkthrough::Step;
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

#[function_component(WalkthroughPanel)]
pub fn walkthrough_panel(p: &WalkthroughProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let presenting = use_mode().present;
    let tour = p.tour;
    let w = use_memo(tour.preset, |n| training::walkthrough_of(*n));
    let text_ref = use_node_ref();
    // Each step: remembered, in the address (resumable), and its text focused so a screen
    // reader reads it.
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
    html! {
        <section class="panel walkthrough" aria-labelledby="walkthrough-heading" {onkeydown}
            data-walkthrough={tour.preset.to_string()} data-step={tour.step.to_string()}
            data-ready={ready.to_string()}>
            <h2 id="walkthrough-heading">
                { t::walkthrough_heading(lang, training::preset_title(tour.preset, lang)) }
            </h2>
            <p class="progress">{ t::progress(lang, tour.step, w.len()) }</p>
            <div class="tour-step" tabindex="-1" ref={text_ref}>
                <h3 class="step-title">{ step.title(lang) }</h3>
                <p class="step-text">{ step.text(lang) }</p>
            </div>
            { citation(lang, step.cite(tour.preset)) }
            if let Some(action) = &step.action {
                <div class={classes!("tour-action", if ready { "done" } else { "waiting" })}>
                    <p class="instruction">{ action.describe_in(&p.scenario, lang) }</p>
                    if !ready {
                        <p class="hint">{ t::do_this(lang) }</p>
                        <button type="button" class="show-me" onclick={train(Train::ShowMe)}>
                            { t::show_me(lang) }
                        </button>
                    }
                </div>
            }
            if ready && !step.expect.is_empty() {
                { expectations(step, p, lang) }
            }
            if ready && !all_met {
                <p class="tour-differs">
                    { t::differs(lang) }{ " " }
                    <button type="button" class="reset-step" onclick={train(Train::ResetStep)}>
                        { t::reset_step(lang) }
                    </button>
                </p>
            }
            { tour_nav(p, tour.step >= w.len(), ready, lang, &dispatch) }
            <p class="hint keys">{ t::keys_hint(lang) }</p>
        </section>
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

/// Back, Next (or Finish on the last step), Restart, Leave, and back to the learner's own.
fn tour_nav(
    p: &WalkthroughProps,
    last: bool,
    ready: bool,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let tour = p.tour;
    let train = |t: Train| dispatch.on::<MouseEvent>(Action::Train(t));
    let on_leave = |finished: bool| {
        let leave = leave(dispatch, tour, finished);
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
        <div class="tour-nav">
            <button type="button" class="tour-back" disabled={tour.step <= 1}
                onclick={train(Train::Back)}>{ t::back(lang) }</button>
            if last {
                <button type="button" class="primary tour-finish" onclick={on_leave(true)}>
                    { t::finish(lang) }
                </button>
            } else {
                <button type="button" class="primary tour-next" disabled={!ready}
                    onclick={train(Train::Next)}>{ t::next(lang) }</button>
            }
            <button type="button" class="tour-restart"
                onclick={train(Train::StartTour { preset: tour.preset, step: 1 })}>
                { t::restart(lang) }
            </button>
            <button type="button" class="tour-leave" onclick={on_leave(false)}>{ t::leave(lang) }</button>
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
