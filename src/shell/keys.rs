//! The page's keys as one pure map from a key press to what it does: undo and redo with
//! Ctrl/⌘, single-key shortcuts outside text fields and dialogs, Delete on the canvas and
//! Escape, and in presenter mode ← → through the walkthrough and Escape to leave. The shell's
//! listener reads the event into a [`Press`] and carries out the answer.

use crate::model::training::Train;
use crate::model::{Action, Mode};
use csp_rules::NodeKind;

/// A key press, as the map reads it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Press<'a> {
    pub key: &'a str,
    pub ctrl: bool,
    pub meta: bool,
    pub shift: bool,
    pub alt: bool,
    /// Typed into a text field (`input`, `textarea`, `select`, `contenteditable`), which
    /// owns its keys.
    pub in_text_field: bool,
    /// Typed into one of the page's dialogs or menus, which own their shortcuts.
    pub in_dialog: bool,
    /// On the canvas, or with nothing focused: where Delete deletes.
    pub on_canvas: bool,
    /// In presenter mode, where the diagram is shown, not edited.
    pub present: bool,
    /// A walkthrough is under way.
    pub touring: bool,
}

/// A piece of the shell's own interface a key opens or switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    Sheet,
    Table,
    Connect,
    Inspector,
    Presets,
    Lang,
    /// Presenter mode, on or off.
    Present,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Send(Action),
    Open(Ui),
}

/// What a key does, and whether the browser's own use of it is prevented.
pub fn page_key(k: &Press) -> Option<(Command, bool)> {
    if k.in_text_field {
        return None;
    }
    if !k.in_dialog {
        if let Some(found) = shortcut(k) {
            return Some(found);
        }
    }
    if k.ctrl || k.meta || k.alt {
        return None;
    }
    if k.present {
        let train = |t: Train| Some((Command::Send(Action::Train(t)), true));
        match k.key {
            "Escape" => return Some((Command::Open(Ui::Present), true)),
            "ArrowRight" if k.touring && !k.in_dialog => return train(Train::Next),
            "ArrowLeft" if k.touring && !k.in_dialog => return train(Train::Back),
            "Delete" | "Backspace" => return None,
            _ => {}
        }
    }
    match k.key {
        // Not on a panel: Delete there must never delete the selection.
        "Delete" | "Backspace" if k.on_canvas => {
            Some((Command::Send(Action::DeleteSelection), true))
        }
        "Escape" => Some((Command::Send(Action::ClearSelection), false)),
        _ => None,
    }
}

/// Whether a key's command belongs in `mode`: an embed has no menus, file tools or view
/// switch to go with them, and a read-only one no shortcut that only edits (the reducer
/// refuses the edits themselves).
pub fn allowed(mode: Mode, c: &Command) -> bool {
    match c {
        Command::Send(_) => true,
        // Presenting is the whole app's (an embed's host page shows it).
        Command::Open(Ui::Presets | Ui::Table | Ui::Lang | Ui::Present) => mode.header(),
        Command::Open(Ui::Sheet | Ui::Connect | Ui::Inspector) => mode.editable(),
    }
}

fn shortcut(k: &Press) -> Option<(Command, bool)> {
    if k.ctrl || k.meta {
        let action = match k.key {
            "z" | "Z" if k.shift => Action::Redo,
            "z" | "Z" => Action::Undo,
            "y" | "Y" if k.ctrl => Action::Redo,
            _ => return None,
        };
        return Some((Command::Send(action), true));
    }
    if k.alt {
        return None;
    }
    let ui = |u: Ui| Some((Command::Open(u), true));
    match k.key {
        "?" => ui(Ui::Sheet),
        "f" | "F" => ui(Ui::Present),
        // Presenter mode shows the diagram; it is edited in the app.
        "1" | "2" | "3" | "4" | "5" | "c" | "C" | "i" | "I" if k.present => None,
        "1" | "2" | "3" | "4" | "5" => {
            let i = k.key.parse::<usize>().ok()?.checked_sub(1)?;
            let kind = *NodeKind::ALL.get(i)?;
            Some((Command::Send(Action::AddNode(kind)), false))
        }
        "c" | "C" => ui(Ui::Connect),
        "i" | "I" => ui(Ui::Inspector),
        "p" | "P" => ui(Ui::Presets),
        "l" | "L" => ui(Ui::Lang),
        "t" | "T" => ui(Ui::Table),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> Press<'_> {
        Press {
            key,
            ..Press::default()
        }
    }

    #[test]
    fn an_embed_keeps_the_keys_its_mode_has_a_use_for() {
        let app = Mode::default();
        let view = Mode::from_params(Some("view"));
        let edit = Mode::from_params(Some("edit"));
        for u in [
            Ui::Sheet,
            Ui::Table,
            Ui::Connect,
            Ui::Inspector,
            Ui::Presets,
            Ui::Lang,
            Ui::Present,
        ] {
            assert!(allowed(app, &Command::Open(u)), "{u:?}");
            assert!(!allowed(view, &Command::Open(u)), "{u:?}");
        }
        assert!(allowed(edit, &Command::Open(Ui::Connect)));
        assert!(!allowed(edit, &Command::Open(Ui::Presets)));
        assert!(allowed(view, &Command::Send(Action::ClearSelection)));
    }

    #[test]
    fn undo_and_redo_with_ctrl_or_cmd() {
        let ctrl = |key, shift| Press {
            ctrl: true,
            shift,
            ..press(key)
        };
        assert_eq!(
            page_key(&ctrl("z", false)),
            Some((Command::Send(Action::Undo), true))
        );
        assert_eq!(
            page_key(&ctrl("Z", true)),
            Some((Command::Send(Action::Redo), true))
        );
        assert_eq!(
            page_key(&ctrl("y", false)),
            Some((Command::Send(Action::Redo), true))
        );
        let cmd_y = Press {
            meta: true,
            ..press("y")
        };
        assert_eq!(page_key(&cmd_y), None, "⌘Y is not redo");
        let cmd_z = Press {
            meta: true,
            ..press("z")
        };
        assert_eq!(page_key(&cmd_z), Some((Command::Send(Action::Undo), true)));
        assert_eq!(page_key(&ctrl("Delete", false)), None);
    }

    #[test]
    fn single_keys_open_the_shells_pieces_and_add_nodes() {
        assert_eq!(
            page_key(&press("?")),
            Some((Command::Open(Ui::Sheet), true))
        );
        assert_eq!(
            page_key(&press("T")),
            Some((Command::Open(Ui::Table), true))
        );
        assert_eq!(
            page_key(&press("c")),
            Some((Command::Open(Ui::Connect), true))
        );
        let add = |kind| Some((Command::Send(Action::AddNode(kind)), false));
        assert_eq!(page_key(&press("1")), add(NodeKind::Microsoft));
        assert_eq!(page_key(&press("5")), add(NodeKind::Customer));
        assert_eq!(page_key(&press("6")), None);
        assert_eq!(
            page_key(&Press {
                alt: true,
                ..press("p")
            }),
            None
        );
    }

    #[test]
    fn fields_and_dialogs_keep_their_keys() {
        let typing = Press {
            in_text_field: true,
            on_canvas: true,
            ..press("Delete")
        };
        assert_eq!(page_key(&typing), None);
        let in_dialog = Press {
            in_dialog: true,
            ..press("t")
        };
        assert_eq!(page_key(&in_dialog), None, "T in a menu is not the table");
        let escape = Press {
            in_dialog: true,
            ..press("Escape")
        };
        assert_eq!(
            page_key(&escape),
            Some((Command::Send(Action::ClearSelection), false))
        );
    }

    #[test]
    fn presenter_mode_steps_with_the_arrows_and_leaves_with_escape() {
        let present = |key| Press {
            present: true,
            touring: true,
            ..press(key)
        };
        assert_eq!(
            page_key(&press("f")),
            Some((Command::Open(Ui::Present), true))
        );
        assert_eq!(
            page_key(&present("F")),
            Some((Command::Open(Ui::Present), true))
        );
        assert_eq!(
            page_key(&present("Escape")),
            Some((Command::Open(Ui::Present), true))
        );
        assert_eq!(
            page_key(&present("ArrowRight")),
            Some((Command::Send(Action::Train(Train::Next)), true))
        );
        assert_eq!(
            page_key(&present("ArrowLeft")),
            Some((Command::Send(Action::Train(Train::Back)), true))
        );
        let no_tour = Press {
            touring: false,
            ..present("ArrowRight")
        };
        assert_eq!(page_key(&no_tour), None);
        assert_eq!(page_key(&present("1")), None, "no editing while presenting");
        let on = Press {
            on_canvas: true,
            ..present("Delete")
        };
        assert_eq!(page_key(&on), None);
        assert_eq!(
            page_key(&press("ArrowRight")),
            None,
            "only in presenter mode"
        );
    }

    #[test]
    fn delete_deletes_only_on_the_canvas() {
        let on = Press {
            on_canvas: true,
            ..press("Backspace")
        };
        assert_eq!(
            page_key(&on),
            Some((Command::Send(Action::DeleteSelection), true))
        );
        assert_eq!(page_key(&press("Delete")), None, "a panel has the focus");
    }
}
