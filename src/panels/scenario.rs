//! The scenario as a whole: its title, the date the rules are applied at, and the guide
//! scenario it came from.

use crate::model::{names, use_page, Action, Page};
use crate::text::{panels, training};
use csp_rules::{presets, Localized, DEFAULT_AS_OF};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct ScenarioPanelProps {
    pub title: Option<String>,
    /// The title in each language (`model::names` says what an edit keeps).
    pub titles: Option<Localized>,
    pub as_of: Option<String>,
    pub preset: Option<u8>,
    /// A quiz hides the diagram's verdicts: its questions, when the title and description
    /// (which may state the rule) are hidden with them.
    #[prop_or_default]
    pub quiz: Option<usize>,
}

#[function_component(ScenarioPanel)]
pub fn scenario_panel(p: &ScenarioPanelProps) -> Html {
    let Page { lang, dispatch } = use_page();
    // The title as typed, while it is: emptied in one language, the field would otherwise
    // show the other's fallback under the caret.
    let draft = use_state(|| None::<String>);
    let on_title = {
        let (draft, dispatch) = (draft.clone(), dispatch.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(Some(value.clone()));
            dispatch.send(Action::SetTitle(value));
        })
    };
    let on_blur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let title = (*draft)
        .clone()
        .unwrap_or_else(|| names::shown(&p.title, &p.titles, lang));
    let elsewhere = names::shown_elsewhere(&p.title, &p.titles, lang);
    let on_as_of = dispatch
        .to(|e: Event| Action::SetAsOf(e.target_unchecked_into::<HtmlInputElement>().value()));
    let preset = p.preset.and_then(presets::get);
    if let Some(n) = p.quiz {
        return html! {
            <section class="panel scenario-panel" aria-labelledby="scenario-heading" data-quiz-title="">
                <h2 id="scenario-heading">{ panels::scenario(lang) }</h2>
                <p class="preset-title">{ training::quiz_title(lang, n) }</p>
            </section>
        };
    }
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
                    <input type="text" name="title" maxlength="200" value={title}
                        oninput={on_title} onblur={on_blur}
                        aria-describedby={elsewhere.is_some().then_some("title-elsewhere")} />
                    if let Some(other) = elsewhere {
                        <small id="title-elsewhere" data-name-elsewhere={names::other(lang).tag()}>
                            { panels::name_elsewhere(lang, &lang.quote(&other)) }
                        </small>
                    }
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
