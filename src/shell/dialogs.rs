//! Keyboard-only editing: the shortcut sheet (`?`) and the connect dialog (`C`), which picks
//! the target from a list and then the kind, as a drag from a node's handle does.

use crate::io::web;
use crate::model::{use_page, Action, Page};
use crate::panels::target::{Others, TargetPicker};
use crate::text::{common, shell};
use csp_rules::{edge_kind_name, EdgeKind};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Focuses the first element matching `selector` inside `root`.
pub(super) fn focus_in(root: &NodeRef, selector: &str) {
    if let Some(r) = root.cast::<web_sys::Element>() {
        web::focus_within(&r, selector);
    }
}

/// A dialog's Escape: closes it, and goes no further (the page's own Escape clears the selection).
pub(super) fn escape_closes(on_close: &Callback<()>) -> Callback<KeyboardEvent> {
    let cb = on_close.clone();
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.stop_propagation();
            cb.emit(());
        }
    })
}

/// A dialog's Close or Cancel button.
pub(super) fn click_closes(on_close: &Callback<()>) -> Callback<MouseEvent> {
    let cb = on_close.clone();
    Callback::from(move |_: MouseEvent| cb.emit(()))
}

#[derive(Debug, Properties, PartialEq)]
pub struct SheetProps {
    /// Whether the sheet is open: closing it sets this to `false`.
    pub sheet: UseStateHandle<bool>,
}

#[function_component(ShortcutSheet)]
pub fn shortcut_sheet(p: &SheetProps) -> Html {
    let lang = use_page().lang;
    let root = use_node_ref();
    // Closed, the focus goes back to the button that opens it.
    let on_close = {
        let sheet = p.sheet.clone();
        Callback::from(move |()| {
            sheet.set(false);
            web::focus_shown(&["button[data-menu=help]", "button[data-menu=more]"]);
        })
    };
    {
        let root = root.clone();
        use_effect_with((), move |_| focus_in(&root, "button"));
    }
    let close = click_closes(&on_close);
    let onkeydown = escape_closes(&on_close);
    let rows = shell::shortcut_rows(lang).into_iter().map(|(keys, what)| {
        html! { <tr><th scope="row"><kbd>{ keys }</kbd></th><td>{ what }</td></tr> }
    });
    html! {
        <div class="shortcut-sheet" role="dialog" aria-labelledby="shortcut-title" ref={root} {onkeydown}>
            <h2 id="shortcut-title">{ shell::shortcuts(lang) }</h2>
            <table>{ for rows }</table>
            <button type="button" onclick={close}>{ common::close(lang) }</button>
        </div>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct ConnectProps {
    pub from: String,
    pub from_label: String,
    /// The other nodes, as (id, label).
    pub others: Others,
    /// The node the dialog is open for: closing it sets this to `None`.
    pub connect: UseStateHandle<Option<String>>,
}

#[function_component(ConnectDialog)]
pub fn connect_dialog(p: &ConnectProps) -> Html {
    let Page { lang, dispatch } = use_page();
    // Closed, the focus goes back to the node it connected.
    let on_close = {
        let connect = p.connect.clone();
        Callback::from(move |()| {
            if let Some(id) = &*connect {
                web::focus_node(id);
            }
            connect.set(None);
        })
    };
    let root = use_node_ref();
    let select = use_node_ref();
    {
        let root = root.clone();
        use_effect_with((), move |_| focus_in(&root, "input, select, button"));
    }
    let onkeydown = escape_closes(&on_close);
    let choose = |kind: EdgeKind| {
        let dispatch = dispatch.clone();
        let select = select.clone();
        let from = p.from.clone();
        let cb = on_close.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(to) = select.cast::<HtmlSelectElement>().map(|s| s.value()) {
                if !to.is_empty() {
                    dispatch.send(Action::AddEdge {
                        from: from.clone(),
                        to,
                        kind,
                    });
                }
            }
            cb.emit(());
        })
    };
    let cancel = click_closes(&on_close);
    // Enter on the chosen target moves on to the kinds.
    let on_select_key = {
        let root = root.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                focus_in(&root, "button[data-edge-kind]");
            }
        })
    };
    let size = p.others.len().clamp(2, 8).to_string();
    // The list box is read when a kind is chosen; this only keeps the filter's choice.
    let target = use_state(|| {
        p.others
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default()
    });
    let on_target = {
        let target = target.clone();
        Callback::from(move |id: String| target.set(id))
    };
    html! {
        <div class="connect-dialog" role="dialog" aria-labelledby="connect-title" ref={root} {onkeydown}
             data-connect-from={p.from.clone()}>
            <h2 id="connect-title">{ shell::connect_from(lang, &lang.quote(&p.from_label)) }</h2>
            if p.others.is_empty() {
                <p>{ common::no_other_node(lang) }</p>
            } else {
                <p class="hint">{ shell::connect_pick(lang) }</p>
                <label for="connect-target">{ shell::connect_to(lang) }</label>
                <TargetPicker others={p.others.clone()} value={(*target).clone()} on_change={on_target}
                    id="connect-target" size={size} select_ref={select.clone()} onkeydown={on_select_key} />
                <div class="row">
                    <button type="button" class="primary" data-edge-kind="sells_to"
                        onclick={choose(EdgeKind::SellsTo)}>{ edge_kind_name(EdgeKind::SellsTo, lang) }</button>
                    <button type="button" class="primary" data-edge-kind="manages"
                        onclick={choose(EdgeKind::Manages)}>{ edge_kind_name(EdgeKind::Manages, lang) }</button>
                </div>
            }
            <button type="button" onclick={cancel}>{ common::cancel(lang) }</button>
        </div>
    }
}
