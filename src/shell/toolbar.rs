//! The toolbar: one row. The frequent verbs are buttons (the guide scenarios, undo and redo,
//! fit, presenter mode, share); the rest is in three labelled menus (File, View, Help). Under
//! 1,000 px one menu holds those three; on a narrow screen the row keeps the scenarios, undo,
//! redo and share, and that menu holds the rest. In presenter mode it is a slim bar.

use super::chrome::{set_present, Chrome};
use super::commands::{self, Ctx};
use super::icons::{icon, Icon};
use super::menu::Menu;
use super::presets_menu::PresetsMenu;
use super::share::ShareButton;
use crate::model::{Action, Dispatch, Shared, State};
use crate::text::shell;
use yew::prelude::*;

/// A button that shows an icon, and its label unless the screen is narrow (`class` names
/// where it is shown); its accessible name is the label either way.
fn icon_button(
    action: &'static str,
    glyph: Icon,
    label: &'static str,
    keys: (&'static str, &'static str),
    disabled: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" class="tool" data-action={action} {disabled} title={keys.0}
            aria-keyshortcuts={(!keys.1.is_empty()).then_some(keys.1)} {onclick}>
            { icon(glyph) }
            <span class="button-text">{ label }</span>
        </button>
    }
}

/// The toolbar of the page in state `s` (re-drawn with the page: the diagram it shares and
/// exports changes with every drag frame).
pub fn toolbar(s: &State, chrome: &Chrome, d: &Dispatch) -> Html {
    let lang = s.lang;
    let ctx = Ctx::new(s, chrome, d);
    let quiz = ctx.quiz;
    let pick = |c: &Ctx| {
        let c = c.clone();
        Callback::from(move |id: &'static str| commands::run(id, &c))
    };
    let present = {
        let (d, mode) = (d.clone(), s.mode);
        Callback::from(move |_: MouseEvent| set_present(&d, mode, true))
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label={shell::toolbar(lang)}>
            <Menu id="more" label={shell::more_menu(lang)} icon={Icon::Menu} icon_only=true
                class="menus-narrow" sections={commands::everything(&ctx)} on_pick={pick(&ctx)} />
            // A quiz hides the guide scenario it is, and a link that would open it unquizzed.
            <PresetsMenu current={s.doc.preset().filter(|_| !quiz)} />
            <Menu id="file" label={shell::file_tools(lang)} class="menus-wide"
                sections={vec![commands::file(&ctx)]} on_pick={pick(&ctx)} />
            <Menu id="view" label={shell::view_switch(lang)} class="menus-wide"
                sections={commands::view(&ctx)} on_pick={pick(&ctx)} />
            <Menu id="help" label={shell::help_menu(lang)} class="menus-wide"
                sections={vec![commands::help(&ctx)]} on_pick={pick(&ctx)} />
            <span class="toolbar-gap" aria-hidden="true"></span>
            { icon_button("undo", Icon::Undo, shell::undo(lang), (shell::undo_keys(lang), "Control+Z Meta+Z"),
                !s.can_undo(), d.on(Action::Undo)) }
            { icon_button("redo", Icon::Redo, shell::redo(lang),
                (shell::redo_keys(lang), "Control+Shift+Z Control+Y Meta+Shift+Z"),
                !s.can_redo(), d.on(Action::Redo)) }
            <span class="only-wide tool-group">
                { icon_button("fit", Icon::Fit, shell::fit_view(lang), (shell::fit_view(lang), ""), false,
                    d.on(Action::FitView)) }
                { icon_button("present", Icon::Present, shell::present(lang), (shell::present_title(lang), "F"),
                    false, present) }
            </span>
            <ShareButton scenario={Shared(s.scenario().clone())} disabled={quiz} />
        </div>
    }
}

/// The presenter's bar: the product's name and a way out.
pub fn presenter_bar(s: &State, d: &Dispatch) -> Html {
    let lang = s.lang;
    let leave = {
        let (d, mode) = (d.clone(), s.mode);
        Callback::from(move |_: MouseEvent| set_present(&d, mode, false))
    };
    html! {
        <div class="toolbar presenter-bar" role="toolbar" aria-label={shell::toolbar(lang)}>
            <button type="button" class="tool" data-action="leave-present" aria-keyshortcuts="Escape"
                title={shell::leave_present(lang)} onclick={leave}>
                { icon(Icon::Close) }
                <span class="button-text">{ shell::leave_present(lang) }</span>
            </button>
        </div>
    }
}
