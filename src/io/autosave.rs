//! Autosave, debounced: the diagram is written to storage `SAVE_DELAY_MS` after the last
//! change rather than on every change (a drag encoded the whole diagram on each frame), and
//! at once when the page is hidden or left, so an edit made just before closing the tab is
//! kept. Only a change this page has not saved yet is ever written: a page that changed
//! nothing never overwrites what another tab, or an earlier session, stored.
//!
//! Test hook: `<html data-autosave>` is `pending` while a change waits to be written, then
//! `saved` or `failed`.

use super::{storage, web};
use csp_rules::Scenario;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Long enough that a drag or a burst of typing is one write, short enough that little
/// waits in memory.
pub const SAVE_DELAY_MS: u32 = 400;

#[derive(Default)]
struct Pending {
    /// The diagram to write, when it has changed since the last write.
    scenario: Option<Rc<Scenario>>,
    timer: Option<Timeout>,
}

/// Writes the pending diagram, if there is one, and says whether it was written.
fn flush(pending: &RefCell<Pending>, saved: &Callback<bool>) {
    let Some(scenario) = pending.borrow_mut().scenario.take() else {
        return;
    };
    let ok = web::storage_set(storage::KEY, &storage::encode(&scenario));
    web::set_root_data("autosave", if ok { "saved" } else { "failed" });
    saved.emit(ok);
}

/// Saves the scenario after each change (`changes` is the state's change counter; 0 means
/// the page holds what it loaded); `saved` hears whether each write worked.
#[hook]
pub fn use_autosave(changes: u64, scenario: Rc<Scenario>, saved: Callback<bool>) {
    let pending = use_mut_ref(Pending::default);
    {
        let pending = pending.clone();
        let saved = saved.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let document = window.as_ref().and_then(|w| w.document());
            let on_hide = window.map(|w| {
                let (pending, saved) = (pending.clone(), saved.clone());
                EventListener::new(&w, "pagehide", move |_| flush(&pending, &saved))
            });
            let on_hidden = document.map(|d| {
                let (pending, saved) = (pending.clone(), saved.clone());
                EventListener::new(&d.clone(), "visibilitychange", move |_| {
                    if d.hidden() {
                        flush(&pending, &saved);
                    }
                })
            });
            move || {
                flush(&pending, &saved);
                pending.borrow_mut().timer = None;
                drop((on_hide, on_hidden));
            }
        });
    }
    use_effect_with(changes, move |&changes| {
        if changes == 0 {
            return;
        }
        let timer = {
            let pending = pending.clone();
            Timeout::new(SAVE_DELAY_MS, move || flush(&pending, &saved))
        };
        let mut p = pending.borrow_mut();
        if p.scenario.replace(scenario).is_none() {
            web::set_root_data("autosave", "pending");
        }
        // Replacing the timer cancels the previous one.
        p.timer = Some(timer);
    });
}
