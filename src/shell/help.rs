//! The Help menu's dialogs: *About* (the app's, the engine's and the guide's versions, all
//! from the crates themselves, as `dist/version.json` has them) and the *Glossary* (the
//! guide's terms and the tool's, from the engine).

use super::chrome::Help;
use super::dialogs::{click_closes, escape_closes};
use crate::io::web;
use crate::model::use_page;
use crate::panels::widgets::guide_page_link;
use crate::text::{common, shell};
use csp_rules::{glossary, Lang, GUIDE_VERSION};
use yew::prelude::*;

/// The app's version (the `csp-explorer` crate's, as `window.cspRules.version`).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

fn about(lang: Lang) -> Html {
    html! {
        <>
            <h2 id="help-title">{ shell::about_title(lang) }</h2>
            <p>{ shell::subtitle(lang) }</p>
            <p>{ shell::about_text(lang) }</p>
            <dl class="versions">
                <dt>{ shell::app_version(lang) }</dt>
                <dd data-version="app">{ shell::app_name(lang) }{ " " }{ APP_VERSION }</dd>
                <dt>{ shell::engine_version(lang) }</dt>
                <dd data-version="engine">{ "csp-rules " }{ csp_rules::VERSION }</dd>
                <dt>{ shell::guide(lang) }</dt>
                <dd>{ guide_page_link(lang) }</dd>
                <dt>{ shell::guide_version(lang) }</dt>
                <dd data-version="guide">{ GUIDE_VERSION }</dd>
            </dl>
        </>
    }
}

fn glossary_view(lang: Lang) -> Html {
    let rows = glossary().iter().map(|t| {
        html! {
            <tr>
                <th scope="row" lang="en">{ t.en }</th>
                <td lang="zh-TW">{ t.tool }</td>
                <td lang="zh-TW">{ if t.guide.is_empty() { "—" } else { t.guide } }</td>
                <td>{ t.note(lang) }</td>
            </tr>
        }
    });
    html! {
        <>
            <h2 id="help-title">{ shell::glossary_title(lang) }</h2>
            <p class="hint">{ shell::glossary_intro(lang) }</p>
            <div class="table-scroll">
                <table class="glossary">
                    <thead>
                        <tr>
                            <th scope="col">{ shell::term_en(lang) }</th>
                            <th scope="col">{ shell::term_tool(lang) }</th>
                            <th scope="col">{ shell::term_guide(lang) }</th>
                            <th scope="col">{ shell::term_note(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="hint" data-glossary-conventions="">{ shell::glossary_conventions(lang) }</p>
            <p>{ guide_page_link(lang) }</p>
        </>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct HelpProps {
    /// The dialog that is open: closing it sets this to `None`.
    pub help: UseStateHandle<Option<Help>>,
}

#[function_component(HelpDialog)]
pub fn help_dialog(p: &HelpProps) -> Html {
    let lang = use_page().lang;
    let root = use_node_ref();
    // Closed, the focus goes back to the menu it was opened from.
    let on_close = {
        let help = p.help.clone();
        Callback::from(move |()| {
            help.set(None);
            web::focus_shown(&["button[data-menu=help]", "button[data-menu=more]"]);
        })
    };
    {
        let root = root.clone();
        use_effect_with(*p.help, move |_| {
            let modal = web::open_modal(root.cast(), "button");
            move || drop(modal)
        });
    }
    let (which, body) = match *p.help {
        Some(Help::About) => ("about", about(lang)),
        Some(Help::Glossary) => ("glossary", glossary_view(lang)),
        None => return html! {},
    };
    html! {
        <div class={classes!("help-dialog", which)} role="dialog" aria-modal="true"
            aria-labelledby="help-title" data-dialog={which} ref={root}
            onkeydown={escape_closes(&on_close)}>
            <button type="button" class="dialog-close" onclick={click_closes(&on_close)}>
                { common::close(lang) }
            </button>
            { body }
        </div>
    }
}
