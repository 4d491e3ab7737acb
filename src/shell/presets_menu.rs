//! The guide's eight example scenarios: the toolbar's menu of them, each with its title and
//! description, and the verb that opens one (the start screen's cards use it too).

use super::icons::Icon;
use super::menu::{Item, Menu, Section};
use crate::io::{url, web};
use crate::model::{use_page, Action, Dispatch, Page};
use crate::text::shell;
use csp_rules::presets;
use yew::prelude::*;

/// Menu item IDs, by preset number (1 to 8).
const IDS: [&str; 8] = ["1", "2", "3", "4", "5", "6", "7", "8"];

/// Opens guide scenario `n`; the address names it (so a reload keeps it).
pub fn open_preset(n: u8, dispatch: &Dispatch) {
    web::set_fragment(&url::preset_fragment(n));
    dispatch.send(Action::Open(url::Start::Preset(n.to_string())));
}

#[derive(Debug, Properties, PartialEq)]
pub struct PresetsMenuProps {
    pub current: Option<u8>,
}

#[function_component(PresetsMenu)]
pub fn presets_menu(p: &PresetsMenuProps) -> Html {
    let Page { lang, dispatch, .. } = use_page();
    let items = presets::all()
        .iter()
        .filter_map(|preset| {
            let id = *IDS.get(usize::from(preset.number).checked_sub(1)?)?;
            Some(Item {
                detail: Some(preset.description(lang).into()),
                current: p.current == Some(preset.number),
                ..Item::new(id, preset.title(lang))
            })
        })
        .collect();
    let on_pick = Callback::from(move |id: &'static str| {
        if let Ok(n) = id.parse::<u8>() {
            open_preset(n, &dispatch);
        }
    });
    html! {
        <Menu id="presets" label={shell::presets(lang)} short={AttrValue::from(shell::presets_short(lang))} icon={Icon::Book} class="presets-menu"
            intro={AttrValue::from(shell::presets_intro(lang))} sections={vec![Section::new(items)]}
            {on_pick} shortcut="P" />
    }
}
