//! The page's header: the product's name, the toolbar (or the presenter's bar), the language
//! switch, the audit view and the notices.

use super::chrome::{switch_lang, Chrome};
use super::file_tools::{export_dialog, import_input};
use super::recent::saved_work_notices;
use super::toolbar::{presenter_bar, toolbar};
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
        <div class="lang-switch only-wide" role="group" aria-label={shell::language(lang)}>
            { button(Lang::En, "English") }
            { button(Lang::ZhTw, "中文") }
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
    let report = eval.report().cloned().map(Shared);
    let bar = if s.mode.present {
        presenter_bar(s, dispatch)
    } else {
        toolbar(s, chrome, dispatch)
    };
    html! {
        <header class="top">
            <div class="bar">
                <h1 class="brand">{ shell::app_name(lang) }</h1>
                { bar }
                { lang_switch(lang, dispatch) }
            </div>
            { import_input(lang, dispatch) }
            if let Some(format) = *chrome.picture {
                { export_dialog(format, s, report, chrome) }
            }
            <AuditView audit={s.audit.clone()} {network} />
            { notices(s.notice.as_ref(), eval.report.as_ref().err(), lang, dispatch) }
            { saved_work_notices(&s.saving, s.scenario(), s.doc.id(), lang, dispatch) }
            if s.save_failed {
                <div class="notice error" role="alert" data-notice="save-failed">
                    <span>{ io::save_failed(lang) }</span>
                </div>
            }
        </header>
    }
}
