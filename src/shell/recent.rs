//! Saved work: **Recent** (the File menu's dialog of the diagrams this browser kept, the one
//! saved in its place first when it is not the one on screen), and the notices about saved
//! work (saved text that can't be read, another tab's save). The list is read from storage
//! when the dialog opens; opening an entry is one undoable step.

use super::dialogs::{click_closes, escape_closes};
use crate::io::recent::{self, Entry};
use crate::io::storage;
use crate::io::store::Local;
use crate::io::web;
use crate::model::saving::{SaveAction, Saving};
use crate::model::{use_page, Action, Dispatch, Page, Shared};
use crate::text::{common, io, num, panels};
use csp_rules::{Lang, Scenario};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// One line of the dialog: what it opens, as read when the dialog opened.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    entry: Entry,
    /// The saved place's diagram (not one of Recent's), with its text's fingerprint.
    slot: Option<u64>,
}

/// The rows, newest first after the saved place's diagram when it differs from `on_screen`.
fn rows(on_screen: &Scenario) -> Vec<Row> {
    let store = Local;
    let mut out = Vec::new();
    if let Some(raw) = web::storage_get(storage::KEY) {
        if let Ok(saved) = storage::read(&raw) {
            if saved.scenario != *on_screen {
                out.push(Row {
                    entry: Entry::of(storage::KEY.to_string(), &saved, 0.0),
                    slot: Some(storage::fingerprint(&raw)),
                });
            }
        }
    }
    out.extend(
        recent::list(&store)
            .into_iter()
            .map(|entry| Row { entry, slot: None }),
    );
    out
}

/// A time in the reader's language, as the browser writes dates and times for it.
fn when(at: f64, lang: Lang) -> String {
    if at <= 0.0 {
        return String::new();
    }
    js_sys::Date::new(&JsValue::from_f64(at))
        .to_locale_string(lang.tag(), &JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default()
}

/// Reads a row's saved text and opens it; `false` when it can't be read any more.
fn open(row: &Row, dispatch: &Dispatch) -> bool {
    let raw = match row.slot {
        Some(_) => web::storage_get(storage::KEY),
        None => recent::text(&Local, &row.entry.key),
    };
    let Some(saved) = raw.as_deref().and_then(|r| storage::read(r).ok()) else {
        return false;
    };
    // The saved place may have changed since the dialog opened: then it is not adopted.
    let slot = row
        .slot
        .filter(|fp| raw.as_deref().map(storage::fingerprint) == Some(*fp));
    dispatch.send(Action::Saving(SaveAction::Open {
        saved: Rc::new(saved),
        slot,
    }));
    true
}

#[derive(Debug, Properties, PartialEq)]
pub struct RecentProps {
    /// The dialog is open: closing it sets this to `false`.
    pub open: UseStateHandle<bool>,
    /// The diagram on screen (the saved one is listed when it differs).
    pub scenario: Shared<Scenario>,
}

/// The File menu's **Recent…** dialog: the list is read from storage as it opens.
#[function_component(RecentDialog)]
pub fn recent_dialog(p: &RecentProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let root = use_node_ref();
    let list = {
        let s = p.scenario.clone();
        use_state(move || rows(&s))
    };
    let failed = use_state(|| false);
    // Closed, the focus goes back to the menu it was opened from.
    let close = {
        let open = p.open.clone();
        Callback::from(move |()| {
            open.set(false);
            web::focus_shown(&["button[data-menu=file]", "button[data-menu=more]"]);
        })
    };
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let modal = web::open_modal(root.cast(), "li button, button");
            move || drop(modal)
        });
    }
    let item = |row: &Row| {
        let e = &row.entry;
        let title = e.title_in(lang).unwrap_or(io::untitled(lang)).to_string();
        let meta = io::recent_meta(
            lang,
            &when(e.at, lang),
            &num::thousands(e.nodes),
            &num::thousands(e.edges),
        );
        let onclick = {
            let (row, dispatch, close, failed) =
                (row.clone(), dispatch.clone(), close.clone(), failed.clone());
            Callback::from(move |_: MouseEvent| {
                if open(&row, &dispatch) {
                    close.emit(());
                } else {
                    failed.set(true);
                }
            })
        };
        let saved = row.slot.is_some();
        html! {
            <li key={e.key.clone()} data-recent={if saved { "saved" } else { "kept" }}>
                <button type="button" class="link" {onclick}>{ title }</button>
                if saved {
                    <span class="recent-saved">{ io::recent_saved(lang) }</span>
                }
                <span class="hint">{ meta }</span>
            </li>
        }
    };
    html! {
        <div class="recent-dialog" role="dialog" aria-modal="true" aria-labelledby="recent-title"
            data-dialog="recent" ref={root} onkeydown={escape_closes(&close)}>
            <button type="button" class="dialog-close" onclick={click_closes(&close)}>
                { common::close(lang) }
            </button>
            <h2 id="recent-title">{ io::recent_title(lang) }</h2>
            <p class="hint">{ io::recent_intro(lang) }</p>
            if list.is_empty() {
                <p data-recent-empty="">{ io::recent_empty(lang) }</p>
            } else {
                <ul class="recent-list">{ for list.iter().map(item) }</ul>
            }
            if *failed {
                <p class="error-line" role="alert">{ io::recent_unreadable(lang) }</p>
            }
        </div>
    }
}

/// The notices about saved work: unreadable saved text (kept aside or not), and another
/// tab's save over this one's diagram.
pub fn saved_work_notices(
    saving: &Saving,
    mine: &Rc<Scenario>,
    doc: &Rc<str>,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let unreadable = saving.unreadable.as_ref().map(|u| {
        let raw = u.raw.clone();
        let held = saving.held();
        let download = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                if web::download(
                    "csp-explorer-unreadable-save.txt",
                    "text/plain",
                    raw.as_bytes(),
                ) {
                    dispatch.send(Action::Saving(SaveAction::Release));
                }
            })
        };
        let (text, last) = if u.kept.is_some() {
            (
                io::storage_unreadable(lang),
                (SaveAction::DismissUnreadable, panels::dismiss(lang)),
            )
        } else {
            (
                io::storage_not_kept(lang),
                (SaveAction::Release, io::discard_kept(lang)),
            )
        };
        html! {
            <div class="notice error" role="alert" data-notice="storage"
                data-kept={if u.kept.is_some() { "yes" } else { "no" }} data-held={held.to_string()}>
                <span>{ text }</span>
                <code class="error-line">{ u.reason.text(lang) }</code>
                <button type="button" data-download="kept" onclick={download}>{ io::download_kept(lang) }</button>
                <button type="button" data-dismiss="storage" onclick={dispatch.on(Action::Saving(last.0))}>{ last.1 }</button>
            </div>
        }
    });
    let conflict = saving.conflict.as_ref().map(|c| {
        let load = {
            let (dispatch, mine, doc) = (dispatch.clone(), mine.clone(), doc.clone());
            Callback::from(move |_: MouseEvent| {
                // This tab's diagram goes to Recent before the other one replaces it.
                let kept = recent::add_scenario(&Local, &mine, Some(&doc), js_sys::Date::now());
                dispatch.send(Action::Saving(if kept.is_some() {
                    SaveAction::LoadTheirs
                } else {
                    SaveAction::KeepFailed
                }));
            })
        };
        html! {
            <div class="notice" role="alert" data-notice="other-tab" data-same={c.same.to_string()}>
                <span>{ if c.same { io::other_tab_same(lang) } else { io::other_tab_other(lang) } }</span>
                if c.keep_failed {
                    <span class="error-line">{ io::keep_failed(lang) }</span>
                }
                <button type="button" data-other-tab="keep" onclick={dispatch.on(Action::Saving(SaveAction::KeepMine))}>
                    { io::keep_mine(lang) }</button>
                if c.theirs.is_some() {
                    <button type="button" data-other-tab="load" onclick={load}>{ io::load_theirs(lang) }</button>
                }
            </div>
        }
    });
    html! { <>{ for unreadable }{ for conflict }</> }
}
