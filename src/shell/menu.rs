//! A menu button and its menu, as the WAI-ARIA menu-button pattern has them: the button says
//! it opens a menu and whether it is open; Enter, Space or ↓ open it on the first item, ↑ on
//! the last; ↑ ↓ Home End move between items; Esc closes it and gives the focus back to the
//! button, as picking an item does; Tab or a click elsewhere closes it. The menu is kept
//! inside the window at every width. What an item does is the caller's (`on_pick` gets its
//! ID); the items are data.

use super::icons::{icon, Icon};
use crate::io::web;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Whether an item is a plain command, or a checkbox or radio button (checked or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Check {
    #[default]
    None,
    Box(bool),
    Radio(bool),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    /// What `on_pick` gets, and the item's `data-item`.
    pub id: &'static str,
    pub label: AttrValue,
    /// A second line under the label (a guide scenario's description).
    pub detail: Option<AttrValue>,
    /// The keyboard shortcut: as shown, and as `aria-keyshortcuts` names it.
    pub keys: Option<(&'static str, &'static str)>,
    pub check: Check,
    pub disabled: bool,
    /// The label's language, when it is not the page's (the language switch's names).
    pub lang: Option<&'static str>,
    /// Drawn as the current one (the guide scenario on screen).
    pub current: bool,
}

impl Item {
    pub fn new(id: &'static str, label: impl Into<AttrValue>) -> Item {
        Item {
            id,
            label: label.into(),
            ..Item::default()
        }
    }

    pub fn keys(self, shown: &'static str, aria: &'static str) -> Item {
        Item {
            keys: Some((shown, aria)),
            ..self
        }
    }

    pub fn check(self, check: Check) -> Item {
        Item { check, ..self }
    }

    pub fn disabled(self, disabled: bool) -> Item {
        Item { disabled, ..self }
    }
}

/// Items under an optional heading; sections are separated by a line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    pub label: Option<AttrValue>,
    pub items: Vec<Item>,
}

impl Section {
    pub fn new(items: Vec<Item>) -> Section {
        Section { label: None, items }
    }

    pub fn titled(label: impl Into<AttrValue>, items: Vec<Item>) -> Section {
        Section {
            label: Some(label.into()),
            items,
        }
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct MenuProps {
    /// The menu's `data-menu` and the stem of its elements' IDs.
    pub id: &'static str,
    /// The button's name: shown beside the icon unless `icon_only`.
    pub label: AttrValue,
    /// A shorter name shown instead on narrow screens.
    #[prop_or_default]
    pub short: Option<AttrValue>,
    #[prop_or_default]
    pub icon: Option<Icon>,
    #[prop_or_default]
    pub icon_only: bool,
    /// A line above the items (what picking one does).
    #[prop_or_default]
    pub intro: Option<AttrValue>,
    pub sections: Vec<Section>,
    pub on_pick: Callback<&'static str>,
    #[prop_or_default]
    pub class: Classes,
    /// The shortcut that focuses the button, as `aria-keyshortcuts` names it.
    #[prop_or_default]
    pub shortcut: Option<&'static str>,
}

/// Where the focus goes as the menu opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    First,
    Last,
}

/// The menu's items, in order.
fn items(panel: &NodeRef) -> Vec<HtmlElement> {
    let Some(list) = panel
        .cast::<web_sys::Element>()
        .and_then(|p| p.query_selector_all("[data-item]").ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The index of the item ↑ ↓ Home or End move to from `at` among `n`.
pub fn next_index(key: &str, at: Option<usize>, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    match (key, at) {
        ("ArrowDown", Some(i)) => Some((i + 1) % n),
        ("ArrowUp", Some(i)) => Some((i + n - 1) % n),
        ("ArrowDown" | "Home", _) => Some(0),
        ("ArrowUp" | "End", _) => Some(n - 1),
        _ => None,
    }
}

fn item_view(item: &Item, pick: &Callback<&'static str>) -> Html {
    let role = match item.check {
        Check::None => "menuitem",
        Check::Box(_) => "menuitemcheckbox",
        Check::Radio(_) => "menuitemradio",
    };
    let checked = match item.check {
        Check::None => None,
        Check::Box(on) | Check::Radio(on) => Some(if on { "true" } else { "false" }),
    };
    let onclick = {
        let (pick, id, disabled) = (pick.clone(), item.id, item.disabled);
        Callback::from(move |_: MouseEvent| {
            if !disabled {
                pick.emit(id);
            }
        })
    };
    let mark = match item.check {
        Check::None => "",
        Check::Box(true) => "✓",
        Check::Radio(true) => "●",
        Check::Box(false) | Check::Radio(false) => "",
    };
    html! {
        <button type="button" {role} tabindex="-1" data-item={item.id} aria-checked={checked}
            aria-disabled={item.disabled.then_some("true")} aria-current={item.current.then_some("true")}
            aria-keyshortcuts={item.keys.map(|(_, aria)| aria)}
            class={classes!("menu-item", item.detail.is_some().then_some("with-detail"))} {onclick}>
            if item.check != Check::None {
                <span class="menu-mark" aria-hidden="true">{ mark }</span>
            }
            <span class="menu-text">
                <span class="menu-label" lang={item.lang}>{ item.label.clone() }</span>
                if let Some(detail) = &item.detail {
                    <span class="menu-detail">{ detail.clone() }</span>
                }
            </span>
            if let Some((shown, _)) = item.keys {
                <kbd aria-hidden="true">{ shown }</kbd>
            }
        </button>
    }
}

fn section_view(i: usize, s: &Section, id: &str, pick: &Callback<&'static str>) -> Html {
    let items = s.items.iter().map(|item| item_view(item, pick));
    html! {
        <>
            if i > 0 {
                <div role="separator" class="menu-separator"></div>
            }
            if let Some(label) = &s.label {
                <div role="group" aria-labelledby={format!("{id}-group-{i}")}>
                    <div class="menu-heading" id={format!("{id}-group-{i}")}>{ label.clone() }</div>
                    { for items }
                </div>
            } else {
                { for items }
            }
        </>
    }
}

#[function_component(Menu)]
pub fn menu(p: &MenuProps) -> Html {
    let open = use_state_eq(|| None::<Open>);
    let wrap = use_node_ref();
    let panel = use_node_ref();
    let button = use_node_ref();
    // Opened: kept in the window, the focus on its first (or last) item.
    {
        let panel = panel.clone();
        use_effect_with(*open, move |open| {
            if let (Some(how), Some(el)) = (open, panel.cast::<HtmlElement>()) {
                web::keep_in_view(&el);
                let items = items(&panel);
                let at = match how {
                    Open::First => items.first(),
                    Open::Last => items.last(),
                };
                if let Some(item) = at {
                    let _ = item.focus();
                }
            }
        });
    }
    let close_to_button = {
        let (open, button) = (open.clone(), button.clone());
        move || {
            open.set(None);
            if let Some(b) = button.cast::<HtmlElement>() {
                let _ = b.focus();
            }
        }
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(if open.is_some() {
                None
            } else {
                Some(Open::First)
            })
        })
    };
    let on_button_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            let how = match e.key().as_str() {
                "ArrowDown" => Open::First,
                "ArrowUp" => Open::Last,
                _ => return,
            };
            e.prevent_default();
            open.set(Some(how));
        })
    };
    let on_menu_key = {
        let (panel, close) = (panel.clone(), close_to_button.clone());
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            match key.as_str() {
                "Escape" => {
                    // The page's own Escape (clear the selection) is not this one.
                    e.stop_propagation();
                    e.prevent_default();
                    close();
                }
                "Tab" => open.set(None),
                _ => {
                    let items = items(&panel);
                    let active = web::active_element();
                    let at = items.iter().position(|i| {
                        active
                            .as_ref()
                            .is_some_and(|a| a == i.as_ref() as &web_sys::Element)
                    });
                    if let Some(i) = next_index(&key, at, items.len()) {
                        e.prevent_default();
                        if let Some(item) = items.get(i) {
                            let _ = item.focus();
                        }
                    }
                }
            }
        })
    };
    // Close when the focus leaves the menu (a click elsewhere, Tab past it).
    let onfocusout = {
        let (open, wrap) = (open.clone(), wrap.clone());
        Callback::from(move |e: FocusEvent| {
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(wrap.cast::<web_sys::Node>())
                .is_some_and(|(t, w)| w.contains(Some(&t)));
            if !inside {
                open.set(None);
            }
        })
    };
    // A pick closes the menu and gives the focus back first, so that what the item opens
    // (a dialog) can take it.
    let pick = {
        let (on_pick, close) = (p.on_pick.clone(), close_to_button);
        Callback::from(move |id: &'static str| {
            close();
            on_pick.emit(id);
        })
    };
    let (button_id, menu_id) = (format!("{}-button", p.id), format!("{}-menu", p.id));
    let sections = p
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| section_view(i, s, p.id, &pick));
    html! {
        <div class={classes!("menu", p.class.clone())} ref={wrap} {onfocusout} data-menu-wrap={p.id}>
            <button type="button" class={classes!("menu-button", p.icon_only.then_some("icon-only"))}
                id={button_id.clone()} ref={button} data-menu={p.id} aria-haspopup="menu"
                aria-expanded={if open.is_some() { "true" } else { "false" }}
                aria-controls={open.is_some().then(|| menu_id.clone())}
                aria-label={p.icon_only.then(|| p.label.clone())}
                title={p.icon_only.then(|| p.label.clone())}
                aria-keyshortcuts={p.shortcut}
                onclick={toggle} onkeydown={on_button_key}>
                if let Some(i) = p.icon {
                    { icon(i) }
                }
                if !p.icon_only {
                    <span class={classes!("button-text", p.short.is_some().then_some("long"))}>{ p.label.clone() }</span>
                    if let Some(short) = &p.short {
                        <span class="button-text short">{ short.clone() }</span>
                    }
                    { icon(Icon::Down) }
                }
            </button>
            if open.is_some() {
                <div class="menu-panel" ref={panel} onkeydown={on_menu_key}>
                    if let Some(intro) = &p.intro {
                        <p class="hint">{ intro.clone() }</p>
                    }
                    <div class="menu-items" id={menu_id} role="menu" aria-labelledby={button_id}>
                        { for sections }
                    </div>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_and_home_and_end_jump() {
        assert_eq!(next_index("ArrowDown", Some(2), 3), Some(0));
        assert_eq!(next_index("ArrowUp", Some(0), 3), Some(2));
        assert_eq!(next_index("ArrowDown", Some(0), 3), Some(1));
        assert_eq!(next_index("Home", Some(2), 3), Some(0));
        assert_eq!(next_index("End", None, 3), Some(2));
        assert_eq!(next_index("ArrowDown", None, 3), Some(0));
        assert_eq!(next_index("ArrowDown", None, 0), None);
        assert_eq!(next_index("x", Some(1), 3), None);
    }
}
