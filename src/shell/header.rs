//! The page's header: the product's name and the language switch, the toolbars, the audit
//! bar, and the notices.

use super::chrome::{switch_lang, Chrome, APP_NAME};
use super::file_tools::FileTools;
use super::recent::saved_work_notices;
use super::toolbar::toolbar;
use crate::audit::AuditView;
use crate::model::audit::Network;
use crate::model::evaluation::Evaluation;
use crate::model::{Dispatch, Shared, State};
use crate::panels::notice::notices;
use crate::text::{io, shell};
use csp_rules::Lang;
use yew::prelude::*;

fn lang_switch(lang: Lang, dispatch: &Dispatch) -> Html {
    let button = |l: Lang, text: &'static str| {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" lang={l.tag()} data-lang={l.tag()}
                aria-pressed={if l == lang { "true" } else { "false" }}
                onclick={Callback::from(move |_| switch_lang(&dispatch, l))}>{ text }</button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={shell::language(lang)}>
            { button(Lang::En, "English") }
            { button(Lang::ZhTw, "中文（台灣）") }
        </div>
    }
}

/// The header of the page in state `s`, judged as `eval` says.
pub fn header(
    s: &State,
    eval: &Evaluation,
    chrome: &Chrome,
    network: Option<Network>,
    dispatch: &Dispatch,
) -> Html {
    let lang = s.lang;
    let scenario = Shared(s.scenario().clone());
    let counts = eval
        .report()
        .map(|r| (r.summary.allowed, r.summary.blocked));
    html! {
        <header class="top">
            <div class="masthead">
                <div class="brand">
                    <h1>{ APP_NAME }</h1>
                    <p class="subtitle">{ shell::subtitle(lang) }</p>
                </div>
                { lang_switch(lang, dispatch) }
            </div>
            { toolbar(s, lang, dispatch) }
            <FileTools scenario={scenario.clone()} {counts} can_undo={s.can_undo()} can_redo={s.can_redo()}
                chrome={chrome.clone()} />
            <AuditView audit={s.audit.clone()} {network} />
            { notices(s.notice.as_ref(), eval.report.as_ref().err(), lang, dispatch) }
            { saved_work_notices(&s.saving, &scenario, s.doc.id(), lang, dispatch) }
            if s.save_failed {
                <div class="notice error" role="alert" data-notice="save-failed">
                    <span>{ io::save_failed(lang) }</span>
                </div>
            }
        </header>
    }
}
