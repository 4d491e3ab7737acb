//! "Copy share link": the page's address with `#scenario=…` (the engine's encoding), written
//! to the clipboard; the link is also shown in a field, for when the clipboard can't be used,
//! with a warning when it is longer than links can safely be.

use super::icons::{icon, Icon};
use crate::io::{url, web};
use crate::model::{use_page, Shared};
use crate::text::{common, shell};
use csp_rules::share::{fragment, SAFE_URL_LENGTH};
use csp_rules::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
struct Link {
    link: String,
    /// `None` while the clipboard is being written.
    copied: Option<bool>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct ShareProps {
    /// Compared by pointer (it changes with every drag frame; the link is made on click).
    pub scenario: Shared<Scenario>,
    /// A quiz is hiding verdicts: the link would open the diagram without it.
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component(ShareButton)]
pub fn share_button(p: &ShareProps) -> Html {
    let shared = use_state_eq(|| None::<Link>);
    // Which opening of the panel the clipboard answers: one closed meanwhile stays closed.
    let opening = use_mut_ref(|| 0u32);
    let field = use_node_ref();
    let lang = use_page().lang;

    let onclick = {
        let (shared, opening) = (shared.clone(), opening.clone());
        let scenario = p.scenario.clone();
        Callback::from(move |_| {
            let (href, _, _) = web::location();
            let link = format!("{}{}", url::without_fragment(&href), fragment(&scenario));
            shared.set(Some(Link {
                link: link.clone(),
                copied: None,
            }));
            let this = {
                let mut n = opening.borrow_mut();
                *n = n.wrapping_add(1);
                *n
            };
            let (shared, opening) = (shared.clone(), opening.clone());
            web::copy_text(link.clone(), move |ok| {
                if *opening.borrow() == this {
                    shared.set(Some(Link {
                        link,
                        copied: Some(ok),
                    }))
                }
            });
        })
    };
    // Kept inside the window, the link selected so it is ready to copy by hand.
    let panel_ref = use_node_ref();
    {
        let (field, panel_ref) = (field.clone(), panel_ref.clone());
        use_effect_with((*shared).clone(), move |_| {
            if let Some(panel) = panel_ref.cast::<web_sys::HtmlElement>() {
                web::keep_in_view(&panel);
            }
            if let Some(input) = field.cast::<HtmlInputElement>() {
                input.select();
            }
        });
    }
    let button = use_node_ref();
    let panel = shared.as_ref().map(|s| {
        // Closed, the focus goes back to the button.
        let close_now = {
            let (shared, button, opening) = (shared.clone(), button.clone(), opening.clone());
            move || {
                let mut n = opening.borrow_mut();
                *n = n.wrapping_add(1);
                drop(n);
                shared.set(None);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        };
        let close = {
            let close_now = close_now.clone();
            Callback::from(move |_: MouseEvent| close_now())
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                close_now();
            }
        });
        let status = match s.copied {
            Some(true) => shell::copied(lang),
            Some(false) => shell::copy_below(lang),
            None => "",
        };
        let len = s.link.len();
        html! {
            <div class="share-panel" role="group" aria-label={shell::share_link(lang)} ref={panel_ref.clone()} {onkeydown}>
                <p role="status" class="share-status">{ status }</p>
                <label>
                    <span>{ shell::share_link(lang) }</span>
                    <input ref={field.clone()} class="share-url" type="text" readonly=true
                        value={s.link.clone()} />
                </label>
                if len > SAFE_URL_LENGTH {
                    <p class="warning" data-warning="long-link">
                        { shell::too_long(lang, len, SAFE_URL_LENGTH) }
                    </p>
                }
                <button type="button" onclick={close}>{ common::close(lang) }</button>
            </div>
        }
    });
    html! {
        <div class="share">
            <button type="button" class="share-button tool" data-action="share" ref={button} disabled={p.disabled} title={shell::copy_share_link(lang)}
                aria-expanded={if shared.is_some() { "true" } else { "false" }} {onclick}>
                { icon(Icon::Share) }
                <span class="button-text">{ shell::share(lang) }</span>
            </button>
            { for panel.filter(|_| !p.disabled) }
        </div>
    }
}
