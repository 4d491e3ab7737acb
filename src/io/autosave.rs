//! Autosave, debounced: the diagram is written to storage `SAVE_DELAY_MS` after the last
//! change rather than on every change (a drag encoded the whole diagram on each frame), and
//! at once when the page is hidden or left, so an edit made just before closing the tab is
//! kept. Only a change the user made is written (a link, a preset or a walkthrough opened is
//! not, until it is edited), and only when the page may save (`Autosave::writable`). What
//! else is stored is kept before it is overwritten (`storage::save`).
//!
//! It also follows the `storage` event: another tab's save of the diagram is reported
//! through `elsewhere`, unless it is what this tab wrote.
//!
//! Test hook: `<html data-autosave>` is `pending` while a change waits to be written, then
//! `saved` or `failed`.

use super::save::{self, Write};
use super::storage;
use super::store::Local;
use super::web;
use csp_rules::Scenario;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Long enough that a drag or a burst of typing is one write, short enough that little
/// waits in memory.
pub const SAVE_DELAY_MS: u32 = 400;

/// What autosave follows, from the page's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Autosave {
    /// The state's change counter: 0 means the page holds what it loaded.
    pub changes: u64,
    pub scenario: Rc<Scenario>,
    /// Which diagram it is.
    pub doc: Rc<str>,
    /// Whether the diagram may be saved now: the user's own work (edited, or what was saved),
    /// not a walkthrough, and no unreadable saved text waiting to be kept.
    pub writable: bool,
    /// The saved text the page started from or loaded: (diagram, fingerprint).
    pub adopted: Option<(Rc<str>, u64)>,
    /// Stored text the user let go of.
    pub released: Option<u64>,
}

#[derive(Default)]
struct Pending {
    /// The diagram to write, and which it is, when it has changed since the last write.
    scenario: Option<(Rc<Scenario>, Rc<str>)>,
    timer: Option<Timeout>,
    /// What this tab wrote last: (diagram, fingerprint).
    written: Option<(Rc<str>, u64)>,
    adopted: Option<(Rc<str>, u64)>,
    released: Option<u64>,
}

impl Pending {
    /// The fingerprint of the stored text that diagram `doc` may be written over.
    fn base(&self, doc: &str) -> Option<u64> {
        [&self.written, &self.adopted]
            .into_iter()
            .flatten()
            .find(|(d, _)| &**d == doc)
            .map(|(_, fp)| *fp)
    }
}

/// Writes the pending diagram, if there is one, and says whether it was written.
fn flush(pending: &RefCell<Pending>, saved: &Callback<bool>) {
    let Some((scenario, doc)) = pending.borrow_mut().scenario.take() else {
        return;
    };
    let now = js_sys::Date::now();
    let text = storage::encode(&scenario, Some(&doc), Some(now));
    let mut p = pending.borrow_mut();
    let w = Write {
        text: &text,
        base: p.base(&doc),
        released: p.released,
        now,
    };
    let result = save::save(&Local, w);
    if let Ok(fp) = result {
        p.written = Some((doc, fp));
    }
    drop(p);
    web::set_root_data("autosave", if result.is_ok() { "saved" } else { "failed" });
    saved.emit(result.is_ok());
}

/// Listeners for leaving the page (which saves at once) and for other tabs' saves.
fn listeners(
    pending: Rc<RefCell<Pending>>,
    saved: Callback<bool>,
    elsewhere: Callback<Rc<String>>,
) -> impl FnOnce() {
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let on_hide = window.as_ref().map(|w| {
        let (pending, saved) = (pending.clone(), saved.clone());
        EventListener::new(w, "pagehide", move |_| flush(&pending, &saved))
    });
    let on_hidden = document.map(|d| {
        let (pending, saved) = (pending.clone(), saved.clone());
        EventListener::new(&d.clone(), "visibilitychange", move |_| {
            if d.hidden() {
                flush(&pending, &saved);
            }
        })
    });
    let on_storage = window.as_ref().map(|w| {
        let pending = pending.clone();
        EventListener::new(w, "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if e.key().as_deref() != Some(storage::KEY) {
                return;
            }
            let Some(text) = e.new_value() else { return };
            let fp = storage::fingerprint(&text);
            let p = pending.borrow();
            let mine = [&p.written, &p.adopted]
                .into_iter()
                .flatten()
                .any(|(_, f)| *f == fp);
            drop(p);
            if !mine {
                elsewhere.emit(Rc::new(text));
            }
        })
    });
    move || {
        flush(&pending, &saved);
        pending.borrow_mut().timer = None;
        drop((on_hide, on_hidden, on_storage));
    }
}

/// Saves the diagram after each change the user made; `saved` hears whether each write
/// worked, `elsewhere` what another tab saved.
#[hook]
pub fn use_autosave(a: Autosave, saved: Callback<bool>, elsewhere: Callback<Rc<String>>) {
    let pending = use_mut_ref(Pending::default);
    {
        let mut p = pending.borrow_mut();
        p.adopted = a.adopted.clone();
        p.released = a.released;
    }
    {
        let (pending, saved) = (pending.clone(), saved.clone());
        use_effect_with((), move |_| listeners(pending, saved, elsewhere));
    }
    use_effect_with(a.changes, move |&changes| {
        if changes == 0 || !a.writable {
            return;
        }
        let timer = {
            let pending = pending.clone();
            Timeout::new(SAVE_DELAY_MS, move || flush(&pending, &saved))
        };
        let mut p = pending.borrow_mut();
        if p.scenario.replace((a.scenario, a.doc)).is_none() {
            web::set_root_data("autosave", "pending");
        }
        // Replacing the timer cancels the previous one.
        p.timer = Some(timer);
    });
}
