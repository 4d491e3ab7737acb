//! The scenario as a whole: its title, the date the rules are applied at, and the guide
//! scenario it came from.

use crate::model::{use_page, Action, Page};
use crate::text::panels;
use csp_rules::{presets, DEFAULT_AS_OF};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct ScenarioPanelProps {
    pub title: Option<String>,
    pub as_of: Option<String>,
    pub preset: Option<u8>,
}

#[function_component(ScenarioPanel)]
pub fn scenario_panel(p: &ScenarioPanelProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let on_title = dispatch.to(|e: InputEvent| {
        Action::SetTitle(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let on_as_of = dispatch
        .to(|e: Event| Action::SetAsOf(e.target_unchecked_into::<HtmlInputElement>().value()));
    let preset = p.preset.and_then(presets::get);
    html! {
        <section class="panel scenario-panel" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading">{ panels::scenario(lang) }</h2>
            if let Some(preset) = preset {
                <div class="from-guide">
                    <p class="eyebrow">{ panels::from_guide(lang) }</p>
                    <p class="preset-title">{ preset.title(lang) }</p>
                    <p class="preset-description">{ preset.description(lang) }</p>
                </div>
            }
            <div class="fields">
                <label class="field">
                    <span>{ panels::title(lang) }</span>
                    <input type="text" name="title" maxlength="200"
                        value={p.title.clone().unwrap_or_default()} oninput={on_title} />
                </label>
                <label class="field">
                    <span>{ panels::as_of(lang) }</span>
                    <input type="date" name="as_of" value={p.as_of.clone().unwrap_or_else(|| DEFAULT_AS_OF.to_string())}
                        onchange={on_as_of} aria-describedby="as-of-hint" />
                    <small id="as-of-hint">{ panels::as_of_hint(lang, &csp_rules::dates_note(lang)) }</small>
                </label>
            </div>
        </section>
    }
}
