//! The palette: one button per node kind. A new node lands on its kind's tier row.

use super::shapes::KindIcon;
use super::Dispatch;
use crate::model::Action;
use crate::text::{self, shell};
use csp_rules::{kind_name, Lang, NodeKind};
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct PaletteProps {
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[function_component(Palette)]
pub fn palette(p: &PaletteProps) -> Html {
    let buttons = NodeKind::ALL.iter().map(|&kind| {
        let dispatch = p.dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::AddNode(kind)));
        let name = text::cap(kind_name(kind, p.lang));
        html! {
            <button type="button" class="palette-item" data-kind={kind.as_str()}
                title={shell::add_kind(p.lang, kind_name(kind, p.lang))} {onclick}>
                <KindIcon {kind} />
                <span>{ name }</span>
            </button>
        }
    });
    html! {
        <div class="palette" role="toolbar" aria-label={shell::palette(p.lang)}>
            <span class="palette-title" aria-hidden="true">{ shell::palette_short(p.lang) }</span>
            { for buttons }
        </div>
    }
}
