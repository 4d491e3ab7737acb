//! The shell's own pieces of interface, which the header, the toolbars and the key map share:
//! open or closed, never part of the diagram and never saved.

use super::export::Format;
use super::keys::Ui;
use crate::io::{storage, web};
use crate::model::{Action, Dispatch, Mode, Theme};
use crate::text::shell;
use csp_rules::Lang;
use yew::prelude::*;

/// The shell's own pieces of interface: not part of the diagram, never saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Chrome {
    /// The shortcut sheet is open.
    pub sheet: UseStateHandle<bool>,
    /// The table stands in for the canvas.
    pub table: UseStateHandle<bool>,
    /// The connect dialog is open for this node.
    pub connect: UseStateHandle<Option<String>>,
    /// What the live region says.
    pub announce: UseStateHandle<String>,
    /// The Help menu's dialog that is open.
    pub help: UseStateHandle<Option<Help>>,
    /// The *Export picture* dialog is open, for this format.
    pub picture: UseStateHandle<Option<Format>>,
    /// The Embed dialog is open.
    pub embed: UseStateHandle<bool>,
    /// The File menu's Recent dialog is open.
    pub recent: UseStateHandle<bool>,
}

/// A dialog of the Help menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    About,
    Glossary,
}

#[hook]
pub fn use_chrome() -> Chrome {
    Chrome {
        sheet: use_state_eq(|| false),
        table: use_state_eq(|| false),
        connect: use_state_eq(|| None),
        announce: use_state_eq(String::new),
        help: use_state_eq(|| None),
        picture: use_state_eq(|| None),
        embed: use_state_eq(|| false),
        recent: use_state_eq(|| false),
    }
}

/// Switches the page's language, and the address with it.
pub fn switch_lang(dispatch: &Dispatch, lang: Lang) {
    web::set_lang_param(lang);
    dispatch.send(Action::SetLang(lang));
}

/// Enters or leaves presenter mode (from `mode`): the address says so (a reload stays in it),
/// and the page goes full screen where the browser allows it.
pub fn set_present(dispatch: &Dispatch, mode: Mode, on: bool) {
    web::set_param("present", on.then_some("1"));
    if on {
        web::request_fullscreen();
    } else {
        web::exit_fullscreen();
    }
    dispatch.send(Action::SetMode(mode.presenting(on)));
}

/// Switches the colour theme, and remembers it (when the browser's storage may be used).
pub fn set_theme(dispatch: &Dispatch, theme: Theme) {
    web::storage_set(storage::THEME_KEY, theme.as_str());
    dispatch.send(Action::SetTheme(theme));
}

/// What the page is now, as a key or a menu item reads it.
#[derive(Debug, Clone, Copy)]
pub struct Now<'a> {
    pub lang: Lang,
    pub mode: Mode,
    /// The one node selected, if just one is.
    pub single: Option<&'a str>,
}

/// Opens what a key asks of the shell.
pub fn open_ui(u: Ui, chrome: &Chrome, dispatch: &Dispatch, now: Now) {
    let Now { lang, mode, single } = now;
    match u {
        Ui::Sheet => chrome.sheet.set(!*chrome.sheet),
        Ui::Table => chrome.table.set(!*chrome.table),
        Ui::Connect => match single {
            Some(id) => chrome.connect.set(Some(id.to_string())),
            None => chrome
                .announce
                .set(shell::no_node_selected(lang).to_string()),
        },
        Ui::Inspector => web::focus_first(
            "[data-inspector] input, [data-inspector] select, [data-inspector] button",
        ),
        Ui::Presets => web::focus_first("button[data-menu=presets]"),
        Ui::Lang => switch_lang(dispatch, lang.pick(Lang::ZhTw, Lang::En)),
        Ui::Present => set_present(dispatch, mode, !mode.present),
    }
}
