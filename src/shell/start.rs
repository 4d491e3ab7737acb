//! The empty diagram as a start screen: the guide's eight scenarios as cards (their titles in
//! the page's language), *Start from scratch*, and one sentence of how to draw.

use super::presets_menu::open_preset;
use crate::io::web;
use crate::model::{use_page, Page};
use crate::text::{canvas, shell};
use csp_rules::presets;
use yew::prelude::*;

#[function_component(StartScreen)]
pub fn start_screen() -> Html {
    let Page { lang, dispatch, .. } = use_page();
    // From scratch: the cards make room, and the focus goes to the palette.
    let scratch = use_state_eq(|| false);
    let cards = presets::all().iter().map(|preset| {
        let n = preset.number;
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| open_preset(n, &dispatch))
        };
        html! {
            <li key={n}>
                <button type="button" class="start-card" data-preset={n.to_string()} {onclick}>
                    { preset.title(lang) }
                </button>
            </li>
        }
    });
    let on_scratch = {
        let scratch = scratch.clone();
        Callback::from(move |_: MouseEvent| {
            scratch.set(true);
            web::focus_shown(&[".palette button"]);
        })
    };
    html! {
        <section class={classes!("start", scratch.then_some("scratch"))} aria-labelledby="start-title" data-start="">
            if !*scratch {
                <h2 id="start-title">{ shell::start_title(lang) }</h2>
                <ul class="start-cards">{ for cards }</ul>
                <button type="button" class="start-scratch" onclick={on_scratch}>{ shell::start_scratch(lang) }</button>
            } else {
                <h2 id="start-title" class="sr-only">{ shell::start_scratch(lang) }</h2>
            }
            <p class="empty-hint">{ canvas::empty_hint(lang) }</p>
        </section>
    }
}
