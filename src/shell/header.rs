//! The page's header: the product's name and the language switch, the toolbars, the audit
//! bar, and the notices.

use super::chrome::{switch_lang, Chrome, APP_NAME};
use super::file_tools::FileTools;
use super::toolbar::Toolbar;
use crate::audit::AuditView;
use crate::model::audit::{Audit, Network};
use crate::model::{use_dispatch, use_lang, Notice, Shared};
use crate::panels::notice::NoticeBar;
use crate::text::{io, shell};
use csp_rules::{Lang, Scenario, ScenarioError};
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct HeaderProps {
    pub scenario: Shared<Scenario>,
    pub preset: Option<u8>,
    pub snap: bool,
    pub has_selection: bool,
    /// (allowed, blocked), when the diagram can be judged.
    pub counts: Option<(usize, usize)>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub chrome: Chrome,
    pub audit: Audit,
    pub network: Option<Network>,
    pub notice: Option<Notice>,
    pub invalid: Option<ScenarioError>,
    pub save_failed: bool,
}

#[function_component(LangSwitch)]
fn lang_switch() -> Html {
    let lang = use_lang();
    let dispatch = use_dispatch();
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

#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let lang = use_lang();
    html! {
        <header class="top">
            <div class="masthead">
                <div class="brand">
                    <h1>{ APP_NAME }</h1>
                    <p class="subtitle">{ shell::subtitle(lang) }</p>
                </div>
                <LangSwitch />
            </div>
            <Toolbar scenario={p.scenario.clone()} preset={p.preset} snap={p.snap}
                has_selection={p.has_selection} />
            <FileTools scenario={p.scenario.clone()} counts={p.counts} can_undo={p.can_undo}
                can_redo={p.can_redo} chrome={p.chrome.clone()} />
            <AuditView audit={p.audit.clone()} network={p.network.clone()} />
            <NoticeBar notice={p.notice.clone()} invalid={p.invalid.clone()} />
            if p.save_failed {
                <div class="notice error" role="alert" data-notice="save-failed">
                    <span>{ io::save_failed(lang) }</span>
                </div>
            }
        </header>
    }
}
