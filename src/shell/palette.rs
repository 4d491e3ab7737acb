//! The palette: one button per node kind (icons only in a compact embed, none where nothing
//! may be added). A new node lands on its kind's tier row.

use crate::canvas::shapes::KindIcon;
use crate::model::mode::Palette as Shown;
use crate::model::{use_mode, use_page, Action, Page};
use crate::text::{self, shell};
use csp_rules::{kind_name, NodeKind};
use yew::prelude::*;

#[function_component(Palette)]
pub fn palette() -> Html {
    let Page { lang, dispatch } = use_page();
    let shown = use_mode().palette();
    if shown == Shown::Hidden {
        return html! {};
    }
    let buttons = NodeKind::ALL.iter().map(|&kind| {
        let onclick = dispatch.on::<MouseEvent>(Action::AddNode(kind));
        let name = text::cap(kind_name(kind, lang));
        html! {
            <button type="button" class="palette-item" data-kind={kind.as_str()}
                title={shell::add_kind(lang, kind_name(kind, lang))} {onclick}>
                <KindIcon {kind} />
                <span>{ name }</span>
            </button>
        }
    });
    html! {
        <div class={classes!("palette", (shown == Shown::Compact).then_some("compact"))} role="toolbar" aria-label={shell::palette(lang)}>
            <span class="palette-title" aria-hidden="true">{ shell::palette_short(lang) }</span>
            { for buttons }
        </div>
    }
}
