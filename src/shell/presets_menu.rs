//! The guide's eight example scenarios, each with its title and description.

use crate::io::{url, web};
use crate::model::{use_page, Action, Page};
use crate::text::shell;
use csp_rules::presets;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct PresetsMenuProps {
    pub current: Option<u8>,
}

#[function_component(PresetsMenu)]
pub fn presets_menu(p: &PresetsMenuProps) -> Html {
    let open = use_state_eq(|| false);
    let wrap = use_node_ref();
    let Page { lang, dispatch } = use_page();

    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    // Close when focus leaves the menu (a click elsewhere, Tab past the last item).
    let onfocusout = {
        let open = open.clone();
        let wrap = wrap.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(wrap.cast::<web_sys::Node>())
                .is_some_and(|(t, w)| w.contains(Some(&t)));
            if !inside {
                open.set(false);
            }
        })
    };
    let items = presets::all().iter().map(|preset| {
        let n = preset.number;
        // An opened preset takes the address with it (so a reload keeps it).
        let onclick = {
            let (open, dispatch) = (open.clone(), dispatch.clone());
            Callback::from(move |_| {
                open.set(false);
                web::set_fragment(&url::preset_fragment(n));
                dispatch.send(Action::Open(url::Start::Preset(n.to_string())));
            })
        };
        html! {
            <li key={n}>
                <button type="button" class="preset" data-preset={n.to_string()}
                    aria-current={(p.current == Some(n)).then_some("true")} {onclick}>
                    <strong>{ preset.title(lang) }</strong>
                    <span>{ preset.description(lang) }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="menu" ref={wrap} {onkeydown} {onfocusout}>
            <button type="button" class="menu-button" aria-haspopup="true"
                aria-expanded={if *open { "true" } else { "false" }} onclick={toggle}>
                { shell::presets(lang) }{ " ▾" }
            </button>
            if *open {
                <div class="menu-panel">
                    <p class="hint">{ shell::presets_intro(lang) }</p>
                    <ul class="presets">{ for items }</ul>
                </div>
            }
        </div>
    }
}
