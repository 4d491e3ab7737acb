//! The page: the state and its one memoized evaluation by the engine, the contexts every
//! component reads (the dispatch, the page's language), the effects at the page's edges
//! (address, keys, document language, autosave), and the frame the rooms go into.

use super::announce::use_announcer;
use super::chrome::{open_ui, set_present, use_chrome, Chrome, Now};
use super::dialogs::{ConnectDialog, ShortcutSheet};
use super::header::header;
use super::help::HelpDialog;
use super::keys::{self, Command, Press, Ui};
use super::recent::RecentDialog;
use super::workspace::{side, stage, Stage};
use crate::embed::dialog::EmbedDialog;
use crate::embed::frame::frame;
use crate::embed::popover::popover;
use crate::embed::use_embed;
use crate::io::autosave::{use_autosave, Autosave};
use crate::io::store::Local;
use crate::io::url;
use crate::io::{library, storage, web};
use crate::model::audit::{is_large, Network};
use crate::model::evaluation::{EvalKey, Evaluation};
use crate::model::saving::{SaveAction, UnreadableSave};
use crate::model::training::{marks_of, MarksKey, Train};
use crate::model::{Action, Dispatch, Mode, Page, Shared, State, Theme};
use crate::panels::selection::others;
use crate::text::shell;
use csp_rules::Scenario;
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::Reducible;

/// The page as it starts: the diagram saved in the browser, then what the address names
/// opened over it. Saved text that can't be read is kept aside (checked: when it can't be,
/// nothing is saved over it until the user has downloaded or discarded it) and the page
/// starts clean, saying so. An embed (`?embed=`) uses no storage at all.
fn initial_state() -> State {
    let mode = Mode::from_params(web::query("embed").as_deref())
        .presenting(Mode::present_param(web::query("present").as_deref()));
    if !mode.uses_storage() {
        web::turn_storage_off();
    }
    let hash = web::hash();
    let raw = web::storage_get(storage::KEY);
    let (saved, unreadable) = match raw.as_deref().map(|r| (storage::read(r), r)) {
        None => (None, None),
        Some((Ok(s), r)) => (Some((s, storage::fingerprint(r))), None),
        Some((Err(why), _)) => (None, Some(why)),
    };
    // This tab's part of the IDs of the diagrams it opens.
    let tab = format!(
        "{:x}{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e12) as u64
    );
    let start = url::parse_fragment(&hash);
    let state = State::restored_in(&tab, web::initial_lang(), saved, start);
    let link = Action::Train(Train::Link(mode.training(url::training_link(&hash))));
    let mut state = Rc::unwrap_or_clone(Rc::new(state).reduce(link));
    state.mode = mode;
    // The address first, then the user's last choice (the app's storage: none in an embed).
    let stored = web::storage_get(storage::THEME_KEY);
    state.theme = web::query("theme")
        .and_then(|t| Theme::from_param(&t))
        .or_else(|| stored.and_then(|t| Theme::from_param(&t)))
        .unwrap_or(mode.default_theme());
    if let (Some(reason), Some(raw)) = (unreadable, raw) {
        let kept = storage::keep_aside(&Local, &raw);
        state.saving.unreadable = Some(UnreadableSave {
            reason,
            raw: Rc::new(raw),
            kept,
        });
    }
    state
}

/// What the key map reads of the page besides the key: the mode, a walkthrough.
#[derive(Debug, Clone, Copy, Default)]
struct KeyState {
    mode: Mode,
    touring: bool,
}

/// Reads a key event for the key map, and carries out its answer.
fn on_page_key(e: &web_sys::Event, dispatch: &Dispatch, ui: &Callback<Ui>, now: KeyState) {
    let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    let el = web::event_element(e);
    let closest = |sel: &str| {
        el.as_ref()
            .is_some_and(|el| el.closest(sel).ok().flatten().is_some())
    };
    let name = key.key();
    let press = Press {
        key: &name,
        ctrl: key.ctrl_key(),
        meta: key.meta_key(),
        shift: key.shift_key(),
        alt: key.alt_key(),
        in_text_field: web::in_text_field(e),
        in_dialog: closest("[role=dialog], .menu-panel"),
        on_canvas: el
            .as_ref()
            .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("body"))
            || closest("svg.canvas"),
        present: now.mode.present,
        touring: now.touring,
    };
    if let Some((command, prevent)) =
        keys::page_key(&press).filter(|(c, _)| keys::allowed(now.mode, c))
    {
        if prevent {
            key.prevent_default();
        }
        match command {
            Command::Send(a) => dispatch.send(a),
            Command::Open(u) => ui.emit(u),
        }
    }
}

/// Listeners for the page's life: a new fragment opens what it names; the page's keys go to
/// the key map, through `ui` and with `now` as this render left them; leaving full screen
/// (the browser's own Esc) leaves presenter mode.
#[hook]
fn use_page_listeners(
    dispatch: Dispatch,
    ui: Rc<RefCell<Callback<Ui>>>,
    now: Rc<RefCell<KeyState>>,
) {
    use_effect_with((), move |_| {
        web::mark("csp-explorer:first-render");
        let window = web_sys::window();
        let on_hash = window.as_ref().map(|w| {
            let (dispatch, now) = (dispatch.clone(), now.clone());
            EventListener::new(w, "hashchange", move |_| {
                let hash = web::hash();
                dispatch.send(Action::Open(url::parse_fragment(&hash)));
                let link = now.borrow().mode.training(url::training_link(&hash));
                dispatch.send(Action::Train(Train::Link(link)));
            })
        });
        let doc = window.and_then(|w| w.document());
        let on_fullscreen = doc.as_ref().map(|d| {
            let (dispatch, now) = (dispatch.clone(), now.clone());
            EventListener::new(d, "fullscreenchange", move |_| {
                let mode = now.borrow().mode;
                if !web::is_fullscreen() && mode.present {
                    set_present(&dispatch, mode, false);
                }
            })
        });
        let on_key = doc.map(|d| {
            // Not passive: Backspace must not also navigate or scroll.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&d, "keydown", options, move |e| {
                on_page_key(e, &dispatch, &ui.borrow(), *now.borrow());
            })
        });
        move || drop((on_hash, on_key, on_fullscreen))
    });
}

/// Fetches the guide scenario the state waits for, then tells the state it came (or not).
#[hook]
fn use_library(waiting: Option<u8>, dispatch: Dispatch) {
    use_effect_with(waiting, move |n| {
        if let Some(n) = *n {
            wasm_bindgen_futures::spawn_local(async move {
                let result = library::fetch(n).await;
                dispatch.send(Action::Fetched(n, result));
            });
        }
    });
}

/// Closes the Embed dialog, the focus going back to the menu it was opened from.
fn close_embed(chrome: &Chrome) -> Callback<()> {
    let open = chrome.embed.clone();
    Callback::from(move |()| {
        open.set(false);
        web::focus_shown(&["button[data-menu=file]", "button[data-menu=more]"]);
    })
}

/// The page's classes: an embed, read-only, with a training panel.
fn app_class(mode: Mode) -> Classes {
    classes!(
        "app",
        mode.embed.is_some().then_some("embed"),
        (!mode.editable()).then_some("read-only"),
        mode.training_panel().then_some("with-panel"),
    )
}

/// The shell's dialogs that are open (but the connect dialog, which needs the render's lang).
fn dialogs(chrome: &Chrome, scenario: &Rc<Scenario>, preset: Option<u8>) -> Html {
    html! {
        <>
            if *chrome.sheet {
                <ShortcutSheet sheet={chrome.sheet.clone()} />
            }
            if chrome.help.is_some() {
                <HelpDialog help={chrome.help.clone()} />
            }
            if *chrome.embed {
                <EmbedDialog scenario={Shared(scenario.clone())} {preset}
                    on_close={close_embed(chrome)} />
            }
            if *chrome.recent {
                <RecentDialog open={chrome.recent.clone()} scenario={Shared(scenario.clone())} />
            }
        </>
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let dispatch = Dispatch::new(state.dispatcher());
    let lang = state.lang;
    let scenario = state.scenario().clone();
    let rev = state.doc.rev();
    let eval = use_memo(
        EvalKey {
            rev,
            lang,
            scenario: scenario.clone(),
        },
        Evaluation::new,
    );
    let chrome = use_chrome();
    use_library(state.waiting.as_ref().map(|w| w.preset), dispatch.clone());

    // Autosave: every change to the scenario, positions included, debounced. A no-op for
    // the reducer (no render) unless the outcome changed.
    let on_saved = use_callback(dispatch.clone(), |ok: bool, d| {
        d.send(Action::SaveFailed(!ok))
    });
    let elsewhere = use_callback(dispatch.clone(), |raw: Rc<String>, d| {
        d.send(Action::Saving(SaveAction::Elsewhere(raw)))
    });
    let autosave = Autosave {
        changes: if state.mode.uses_storage() {
            state.changes
        } else {
            0
        },
        scenario: scenario.clone(),
        doc: state.doc.id().clone(),
        writable: state.doc.own() && !state.saving.held() && state.training.tour.is_none(),
        adopted: state.saving.adopted.clone(),
        released: state.saving.released,
    };
    use_autosave(autosave, on_saved, elsewhere);
    let mode = state.mode;
    let ui = {
        let (chrome, dispatch) = (chrome.clone(), dispatch.clone());
        let single = state.selection.single_node().map(str::to_string);
        let quiz = state.training.hides_verdicts();
        Callback::from(move |u: Ui| {
            let single = single.as_deref();
            // The table would show a quiz's answers (its menu item is off too).
            if !(quiz && u == Ui::Table) {
                open_ui(u, &chrome, &dispatch, Now { lang, mode, single })
            }
        })
    };
    let ui_now = use_mut_ref(Callback::noop);
    *ui_now.borrow_mut() = ui;
    let keys_now = use_mut_ref(KeyState::default);
    *keys_now.borrow_mut() = KeyState {
        mode,
        touring: state.training.tour.is_some(),
    };
    use_page_listeners(dispatch.clone(), ui_now, keys_now);
    // The tab says which diagram it is, in the page's language.
    let title = scenario
        .title_in(lang)
        .filter(|t| !t.trim().is_empty())
        .map(str::to_string);
    use_effect_with((lang, title), |(lang, title)| {
        let app = shell::app_name(*lang);
        let text = title.as_deref().map(|t| shell::titled(*lang, t, app));
        web::set_document_lang(*lang, text.as_deref().unwrap_or(app))
    });
    // The stylesheet and tests read the mode on <html>; a page opened in presenter mode asks
    // for full screen too (refused without a gesture: still presenting).
    use_effect_with(mode, |mode| web::set_root_data("mode", mode.as_str()));
    let first_mode = use_state(|| mode);
    use_effect_with((), move |_| {
        if first_mode.present {
            web::request_fullscreen();
        }
    });
    use_effect_with(state.theme, |theme| {
        web::set_root_data("theme", theme.as_str())
    });
    use_embed(&state, &eval, dispatch.clone());
    let report = eval.report().cloned();
    use_announcer(
        chrome.announce.clone(),
        (rev, lang, state.training.hides_verdicts()),
        eval.scenario.clone(),
        report.clone(),
    );

    // Training: a walkthrough step's highlight; a quiz being answered hides every verdict.
    let marks_key = MarksKey::new(&state.training, rev, eval.scenario.clone());
    let marks = use_memo(marks_key, marks_of);
    // A network past the audit's limits is shown in the audit view: neither drawn nor listed
    // in the findings panel.
    let large = is_large(&scenario);
    let network = report
        .as_ref()
        .filter(|_| large)
        .map(|r| Network(eval.scenario.clone(), r.clone()));
    let empty = use_memo((), |_| Rc::new(Scenario::default()));
    // Presenting, its rows spread down the canvas (the scenario itself is kept as it is).
    let drawn = if large {
        (*empty).clone()
    } else {
        state.shown()
    };
    let connect_from = (*chrome.connect).clone();

    let embedded = state.mode.embed.is_some();
    let stage_parts = Stage {
        drawn,
        marks: (*marks).clone(),
        table: *chrome.table && !large,
        // In an embed the canvas always has its overlay's place, so a selection never
        // re-creates the canvas.
        overlay: embedded.then(|| popover(&state, &eval, &dispatch).unwrap_or_default()),
    };
    let stage = stage(&state, &eval, stage_parts, &dispatch);
    let mode = state.mode;
    let class = app_class(mode);
    // Busy while a guide scenario's file is on its way (static/boot.js shows the diagram's
    // first frame until then).
    let busy = state.waiting.is_some().then_some("true");
    html! {
        <ContextProvider<Page> context={Page { lang, dispatch: dispatch.clone() }}>
        <ContextProvider<Mode> context={mode}>
        <div {class} aria-busy={busy}>
            if !embedded {
                { header(&state, &eval, &chrome, network, &dispatch) }
            }
            <div class="sr-only" aria-live="polite" data-live="verdicts">{ (*chrome.announce).clone() }</div>
            { dialogs(&chrome, &scenario, state.doc.preset()) }
            if let Some(from) = connect_from {
                <ConnectDialog from_label={scenario.label_of_in(&from, lang).to_string()}
                    others={others(&scenario, &from, lang)} {from} connect={chrome.connect.clone()} />
            }
            if embedded {
                { frame(&state, &eval, stage) }
            } else {
                <main class="workspace">
                    { stage }
                    { side(&state, &eval, large, &dispatch) }
                </main>
            }
        </div>
        </ContextProvider<Mode>>
        </ContextProvider<Page>>
    }
}
