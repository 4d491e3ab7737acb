//! The one-line error banners: something that could not be opened or imported, saved text
//! that could not be read (dismissable), or a diagram the engine can't judge as it stands
//! (shown until it is fixed). Errors arrive typed and are written here, in the language of
//! the moment.

use crate::model::{Action, Dispatch, Notice};
use crate::text::{io, panels};
use csp_rules::{presets, Lang, ScenarioError};
use yew::prelude::*;

/// The banners for `notice`, and for `invalid`, why the current diagram can't be judged.
pub fn notices(
    notice: Option<&Notice>,
    invalid: Option<&ScenarioError>,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let dismiss = || {
        html! {
            <button type="button" onclick={dispatch.on(Action::DismissNotice)}>{ panels::dismiss(lang) }</button>
        }
    };
    let notice = notice.map(|n| match n {
        Notice::Loading(n) => html! {
            <div class="notice" role="status" data-notice="loading">
                <span>{ io::loading_preset(lang, presets::get(*n).map_or("", |p| p.title(lang))) }</span>
            </div>
        },
        Notice::Data(e) => html! {
            <div class="notice error" role="alert" data-notice="data">
                <code class="error-line">{ e.line(lang) }</code>
                { dismiss() }
            </div>
        },
        Notice::Open(e) => html! {
            <div class="notice error" role="alert" data-notice="open">
                <code class="error-line">{ e.line(lang) }</code>
                { dismiss() }
            </div>
        },
        Notice::Import(e) => html! {
            <div class="notice error" role="alert" data-notice="import">
                <span>{ io::import_refused(lang) }</span>
                <code class="error-line">{ e.line(lang) }</code>
                { dismiss() }
            </div>
        },
    });
    let invalid = invalid.map(|e| {
        html! {
            <div class="notice error" role="alert" data-notice="invalid">
                <span>{ panels::cant_judge(lang) }</span>
                <code class="error-line">{ e.line(lang) }</code>
            </div>
        }
    });
    html! { <>{ for notice }{ for invalid }</> }
}
