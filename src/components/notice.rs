//! The one-line error banner: a link or preset that could not be opened (dismissable), or a
//! diagram the engine can't judge as it stands (shown until it is fixed).

use super::Dispatch;
use crate::io::web;
use crate::model::{Action, Notice};
use crate::text::{io, panels};
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
            Notice::Open(e) => e.line(lang),
            Notice::Import(e) => {
                return html! {
                    <div class="notice error" role="alert" data-notice="import">
                        <span>{ io::import_refused(lang) }</span>
                        <code class="error-line">{ e.line(lang) }</code>
                        <button type="button" {onclick}>{ panels::dismiss(lang) }</button>
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
                        <span>{ io::storage_unreadable(lang) }</span>
                        <code class="error-line">{ reason.text(lang) }</code>
                        <button type="button" data-download="kept" onclick={download}>{ io::download_kept(lang) }</button>
                        <button type="button" {onclick}>{ panels::dismiss(lang) }</button>
                    </div>
                };
            }
        };
        html! {
            <div class="notice error" role="alert" data-notice="open">
                <code class="error-line">{ line }</code>
                <button type="button" {onclick}>{ panels::dismiss(lang) }</button>
            </div>
        }
    });
    let invalid = p.invalid.as_ref().map(|e| {
        html! {
            <div class="notice error" role="alert" data-notice="invalid">
                <span>{ panels::cant_judge(lang) }</span>
                <code class="error-line">{ e.line(lang) }</code>
            </div>
        }
    });
    html! { <>{ for notice }{ for invalid }</> }
}
