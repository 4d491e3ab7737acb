//! The shell's own pieces of interface, which the header, the toolbars and the key map share:
//! open or closed, never part of the diagram and never saved.

use super::keys::Ui;
use crate::io::web;
use crate::model::{Action, Dispatch};
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
}

#[hook]
pub fn use_chrome() -> Chrome {
    Chrome {
        sheet: use_state_eq(|| false),
        table: use_state_eq(|| false),
        connect: use_state_eq(|| None),
        announce: use_state_eq(String::new),
    }
}

/// Switches the page's language, and the address with it.
pub fn switch_lang(dispatch: &Dispatch, lang: Lang) {
    web::set_lang_param(lang);
    dispatch.send(Action::SetLang(lang));
}

/// Opens what a key asks of the shell.
pub fn open_ui(u: Ui, chrome: &Chrome, dispatch: &Dispatch, lang: Lang, single: Option<&str>) {
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
        Ui::Presets => web::focus_first("button.menu-button"),
        Ui::Lang => switch_lang(dispatch, lang.pick(Lang::ZhTw, Lang::En)),
    }
}
