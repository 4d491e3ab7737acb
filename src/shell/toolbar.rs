//! The toolbar: new diagram, guide scenarios, view controls, delete, share.

use super::presets_menu::PresetsMenu;
use super::share::ShareButton;
use crate::io::{url, web};
use crate::model::{use_page, Action, Page, Shared};
use crate::text::{common, shell};
use csp_rules::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct ToolbarProps {
    pub scenario: Shared<Scenario>,
    pub preset: Option<u8>,
    pub snap: bool,
    pub has_selection: bool,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let act = |action: Action| dispatch.on::<MouseEvent>(action);
    // A new or opened diagram takes the address with it (so a reload keeps it).
    let on_new = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            web::set_fragment("");
            dispatch.send(Action::New);
        })
    };
    let on_preset = {
        let dispatch = dispatch.clone();
        Callback::from(move |n: u8| {
            web::set_fragment(&url::preset_fragment(n));
            dispatch.send(Action::Open(url::Start::Preset(n.to_string())));
        })
    };
    let on_snap = dispatch
        .to(|e: Event| Action::SetSnap(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <div class="toolbar" role="toolbar" aria-label={shell::toolbar(lang)}>
            <div class="group">
                <button type="button" onclick={on_new}>{ shell::new_diagram(lang) }</button>
                <PresetsMenu current={p.preset} on_open={on_preset} />
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
                <ShareButton scenario={p.scenario.clone()} />
            </div>
        </div>
    }
}
