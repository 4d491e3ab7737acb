//! The toolbar: new diagram, guide scenarios, view controls, delete, share.

use super::presets_menu::PresetsMenu;
use super::share::ShareButton;
use super::{Dispatch, Shared};
use crate::i18n::T;
use crate::state::Action;
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
        <div class="toolbar" role="toolbar" aria-label={T::Toolbar.get(lang)}>
            <div class="group">
                <button type="button" onclick={on_new}>{ T::NewDiagram.get(lang) }</button>
                <PresetsMenu {lang} current={p.preset} on_open={p.on_preset.clone()} />
            </div>
            <div class="group">
                <button type="button" aria-label={T::ZoomOut.get(lang)} title={T::ZoomOut.get(lang)}
                    onclick={act(Action::Zoom { factor: 1.0 / 1.25, at: None })}>{ "−" }</button>
                <button type="button" aria-label={T::ZoomIn.get(lang)} title={T::ZoomIn.get(lang)}
                    onclick={act(Action::Zoom { factor: 1.25, at: None })}>{ "+" }</button>
                <button type="button" onclick={act(Action::FitView)}>{ T::FitView.get(lang) }</button>
                <button type="button" onclick={act(Action::AutoLayout)}>{ T::AutoLayout.get(lang) }</button>
                <label class="check">
                    <input type="checkbox" checked={p.snap} onchange={on_snap} />
                    { T::SnapToGrid.get(lang) }
                </label>
            </div>
            <div class="group">
                <button type="button" disabled={!p.has_selection}
                    onclick={act(Action::DeleteSelection)}>{ T::DeleteSelected.get(lang) }</button>
                <ShareButton {lang} scenario={p.scenario.clone()} />
            </div>
        </div>
    }
}
