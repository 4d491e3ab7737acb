//! The toolbar: new diagram, guide scenarios, view controls, delete, share.

use super::presets_menu::PresetsMenu;
use super::share::ShareButton;
use crate::io::web;
use crate::model::{Action, Dispatch, Shared, State};
use crate::text::{common, shell};
use csp_rules::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The toolbar of the page in state `s` (re-drawn with the page: the diagram it shares
/// changes with every drag frame).
pub fn toolbar(s: &State, lang: Lang, dispatch: &Dispatch) -> Html {
    let act = |action: Action| dispatch.on::<MouseEvent>(action);
    // A new diagram takes the address with it (so a reload keeps it).
    let on_new = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            web::set_fragment("");
            dispatch.send(Action::New);
        })
    };
    let on_snap = dispatch
        .to(|e: Event| Action::SetSnap(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <div class="toolbar" role="toolbar" aria-label={shell::toolbar(lang)}>
            <div class="group">
                <button type="button" onclick={on_new}>{ shell::new_diagram(lang) }</button>
                <PresetsMenu current={s.doc.preset()} />
            </div>
            <div class="group">
                <button type="button" aria-label={shell::zoom_out(lang)} title={shell::zoom_out(lang)}
                    onclick={act(Action::Zoom { factor: 1.0 / 1.25, at: None })}>{ "−" }</button>
                <button type="button" aria-label={shell::zoom_in(lang)} title={shell::zoom_in(lang)}
                    onclick={act(Action::Zoom { factor: 1.25, at: None })}>{ "+" }</button>
                <button type="button" onclick={act(Action::FitView)}>{ shell::fit_view(lang) }</button>
                <button type="button" onclick={act(Action::AutoLayout)}>{ shell::auto_layout(lang) }</button>
                <label class="check">
                    <input type="checkbox" checked={s.snap} onchange={on_snap} />
                    { shell::snap_to_grid(lang) }
                </label>
            </div>
            <div class="group">
                <button type="button" disabled={s.selection.is_empty()}
                    onclick={act(Action::DeleteSelection)}>{ common::delete_selected(lang) }</button>
                <ShareButton scenario={Shared(s.scenario().clone())} />
            </div>
        </div>
    }
}
