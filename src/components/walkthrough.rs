//! The walkthrough panel: one step of a preset's walkthrough at a time (its title and text in
//! the page language), the change it asks for, and once that is made, the live verdicts of
//! the edges it points at with the engine's findings. The steps are data
//! (`csp_rules::walkthrough`); the panel only shows them and checks them against the engine.

use super::edge_panel::verdict_badge;
use super::training::rule_lines;
use super::Dispatch;
use super::Shared;
use crate::io::url;
use crate::io::{storage, web};
use crate::model::training::{self, Tour, Train};
use crate::model::Action;
use crate::text::{common, training as tt};
use csp_rules::{Lang, Report, Scenario};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct WalkthroughProps {
    pub lang: Lang,
    pub tour: Tour,
    /// The scenario as judged (positions aside, the current one).
    pub scenario: Shared<Scenario>,
    /// `None` when the diagram can't be judged.
    pub report: Option<Shared<Report>>,
    /// The learner's own diagram was kept aside when the walkthrough started.
    pub can_restore: bool,
    pub dispatch: Dispatch,
}

#[function_component(WalkthroughPanel)]
pub fn walkthrough_panel(p: &WalkthroughProps) -> Html {
    let lang = p.lang;
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
    let train = |t: Train| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Train(t.clone())))
    };
    let leave = |finished: bool| {
        let dispatch = p.dispatch.clone();
        move || {
            if finished {
                storage::forget_step();
            }
            web::set_fragment(&url::preset_fragment(tour.preset));
            dispatch.dispatch(Action::Train(Train::EndTour));
        }
    };
    let done = step.action.as_ref().map(|a| a.done(&p.scenario));
    let ready = done.unwrap_or(true);
    let last = tour.step >= w.len();

    let onkeydown = {
        let dispatch = p.dispatch.clone();
        let leave = leave(false);
        Callback::from(move |e: KeyboardEvent| {
            if web::in_text_field(&e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let train = match e.key().as_str() {
                "ArrowLeft" => Train::Back,
                "ArrowRight" => Train::Next,
                "Escape" => {
                    e.stop_propagation();
                    return leave();
                }
                _ => return,
            };
            // The panel owns these keys: the page's own (canvas, lists) must not act too.
            e.prevent_default();
            e.stop_propagation();
            dispatch.dispatch(Action::Train(train));
        })
    };

    let label = |id: &str| p.scenario.label_of(id).to_string();
    let expectations = step.expect.iter().map(|x| {
        let found = x.edge.find(&p.scenario);
        let er = found.and_then(|(i, e)| {
            p.report
                .as_ref()
                .and_then(|r| r.edges.get(i).filter(|er| er.id == e.id).cloned())
        });
        let met = p.report.as_ref().is_some_and(|r| x.met(&p.scenario, r));
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
                    { if met { tt::as_expected(lang) } else { tt::not_as_expected(lang) } }
                </p>
                if let Some(er) = &er {
                    { rule_lines(&er.findings) }
                }
            </li>
        }
    });
    let all_met = p
        .report
        .as_ref()
        .is_some_and(|r| step.expect.iter().all(|x| x.met(&p.scenario, r)));

    let finish = {
        let leave = leave(true);
        Callback::from(move |_: MouseEvent| leave())
    };
    let restore = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            web::set_fragment(&url::preset_fragment(tour.preset));
            dispatch.dispatch(Action::Train(Train::RestoreKept));
        })
    };
    let leave_click = {
        let leave = leave(false);
        Callback::from(move |_: MouseEvent| leave())
    };

    html! {
        <section class="panel walkthrough" aria-labelledby="walkthrough-heading" {onkeydown}
            data-walkthrough={tour.preset.to_string()} data-step={tour.step.to_string()}
            data-ready={ready.to_string()}>
            <h2 id="walkthrough-heading">
                { tt::walkthrough_heading(lang, training::preset_title(tour.preset, lang)) }
            </h2>
            <p class="progress">{ tt::progress(lang, tour.step, w.len()) }</p>
            <div class="tour-step" tabindex="-1" ref={text_ref}>
                <h3 class="step-title">{ step.title(lang) }</h3>
                <p class="step-text">{ step.text(lang) }</p>
            </div>
            if let Some(action) = &step.action {
                <div class={classes!("tour-action", if ready { "done" } else { "waiting" })}>
                    <p class="instruction">{ action.describe_in(&p.scenario, lang) }</p>
                    if !ready {
                        <p class="hint">{ tt::do_this(lang) }</p>
                        <button type="button" class="show-me" onclick={train(Train::ShowMe)}>
                            { tt::show_me(lang) }
                        </button>
                    }
                </div>
            }
            if ready && !step.expect.is_empty() {
                <div class="tour-result" role="status">
                    <h4>{ if step.action.is_some() { tt::done(lang) } else { tt::what_rules_say(lang) } }</h4>
                    <ul class="expectations">{ for expectations }</ul>
                </div>
            }
            if ready && !all_met {
                <p class="tour-differs">
                    { tt::differs(lang) }{ " " }
                    <button type="button" class="reset-step" onclick={train(Train::ResetStep)}>
                        { tt::reset_step(lang) }
                    </button>
                </p>
            }
            <div class="tour-nav">
                <button type="button" class="tour-back" disabled={tour.step <= 1}
                    onclick={train(Train::Back)}>{ tt::back(lang) }</button>
                if last {
                    <button type="button" class="primary tour-finish" onclick={finish}>
                        { tt::finish(lang) }
                    </button>
                } else {
                    <button type="button" class="primary tour-next" disabled={!ready}
                        onclick={train(Train::Next)}>{ tt::next(lang) }</button>
                }
                <button type="button" class="tour-restart"
                    onclick={train(Train::StartTour { preset: tour.preset, step: 1 })}>
                    { tt::restart(lang) }
                </button>
                <button type="button" class="tour-leave" onclick={leave_click}>{ tt::leave(lang) }</button>
                if p.can_restore {
                    <button type="button" class="restore-diagram" onclick={restore}>
                        { tt::restore_diagram(lang) }
                    </button>
                }
            </div>
            <p class="hint keys">{ tt::keys_hint(lang) }</p>
        </section>
    }
}
