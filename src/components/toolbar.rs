//! The toolbar: new diagram, guide scenarios, view controls, delete, share.

use super::presets_menu::PresetsMenu;
use super::share::ShareButton;
use super::{Dispatch, Shared};
use crate::model::Action;
use crate::text::{common, shell};
use csp_rules::{Lang, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub scenario: Shared<Scenario>,
    pub preset: Option<u8>,
    pub snap: bool,
    pub has_selection: bool,
    pub on_new: Callback<()>,
    pub on_preset: Callback<u8>,
    pub dispatch: Dispatch,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let lang = p.lang;
    let act = |action: Action| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    let on_new = {
        let cb = p.on_new.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_snap = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.dispatch(Action::SetSnap(on));
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label={shell::toolbar(lang)}>
            <div class="group">
                <button type="button" onclick={on_new}>{ shell::new_diagram(lang) }</button>
                <PresetsMenu {lang} current={p.preset} on_open={p.on_preset.clone()} />
            </div>
            <div class="group">
                <button type="button" aria-label={shell::zoom_out(lang)} title={shell::zoom_out(lang)}
                    onclick={act(Action::Zoom { factor: 1.0 / 1.25, at: None })}>{ "−" }</button>
                <button type="button" aria-label={shell::zoom_in(lang)} title={shell::zoom_in(lang)}
                    onclick={act(Action::Zoom { factor: 1.25, at: None })}>{ "+" }</button>
                <button type="button" onclick={act(Action::FitView)}>{ shell::fit_view(lang) }</button>
                <button type="button" onclick={act(Action::AutoLayout)}>{ shell::auto_layout(lang) }</button>
                <label class="check">
                    <input type="checkbox" checked={p.snap} onchange={on_snap} />
                    { shell::snap_to_grid(lang) }
                </label>
            </div>
            <div class="group">
                <button type="button" disabled={!p.has_selection}
                    onclick={act(Action::DeleteSelection)}>{ common::delete_selected(lang) }</button>
                <ShareButton {lang} scenario={p.scenario.clone()} />
            </div>
        </div>
    }
}
