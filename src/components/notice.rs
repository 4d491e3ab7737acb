//! The one-line error banner: a link or preset that could not be opened (dismissable), or a
//! diagram the engine can't judge as it stands (shown until it is fixed).

use super::Dispatch;
use crate::i18n::{self, T};
use crate::state::{Action, Notice};
use crate::web;
use csp_rules::{Lang, ScenarioError};
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub notice: Option<Notice>,
    /// Why the current diagram can't be judged, if it can't.
    pub invalid: Option<ScenarioError>,
    pub dispatch: Dispatch,
}

#[function_component(NoticeBar)]
pub fn notice_bar(p: &NoticeProps) -> Html {
    let lang = p.lang;
    let notice = p.notice.as_ref().map(|n| {
        let dispatch = p.dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::DismissNotice));
        let line = match n {
            Notice::Scenario(e) => e.line(lang),
            Notice::NoSuchPreset(text) => i18n::no_such_preset(lang, text),
            Notice::ImportUnreadable => T::CannotRead.get(lang).to_string(),
            Notice::Import(e) => {
                return html! {
                    <div class="notice error" role="alert" data-notice="import">
                        <span>{ T::ImportRefused.get(lang) }</span>
                        <code class="error-line">{ e.line(lang) }</code>
                        <button type="button" {onclick}>{ T::Dismiss.get(lang) }</button>
                    </div>
                };
            }
            Notice::StorageUnreadable { reason, raw } => {
                let raw = raw.clone();
                let download = Callback::from(move |_| {
                    web::download(
                        "csp-explorer-unreadable-save.txt",
                        "text/plain",
                        raw.as_bytes(),
                    );
                });
                return html! {
                    <div class="notice error" role="alert" data-notice="storage">
                        <span>{ T::StorageUnreadable.get(lang) }</span>
                        <code class="error-line">{ i18n::unreadable(lang, reason) }</code>
                        <button type="button" data-download="kept" onclick={download}>{ T::DownloadKept.get(lang) }</button>
                        <button type="button" {onclick}>{ T::Dismiss.get(lang) }</button>
                    </div>
                };
            }
        };
        html! {
            <div class="notice error" role="alert" data-notice="open">
                <code class="error-line">{ line }</code>
                <button type="button" {onclick}>{ T::Dismiss.get(lang) }</button>
            </div>
        }
    });
    let invalid = p.invalid.as_ref().map(|e| {
        html! {
            <div class="notice error" role="alert" data-notice="invalid">
                <span>{ T::CantJudge.get(lang) }</span>
                <code class="error-line">{ e.line(lang) }</code>
            </div>
        }
    });
    html! { <>{ for notice }{ for invalid }</> }
}
