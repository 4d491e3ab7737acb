//! How the page is shown, which says what chrome it has: the whole app, the presenter's layout
//! for a room (`?present=1`), or one of the compact modes of an embed in another page's frame
//! (`?embed=`, interfaces.md §6.2); and its colour theme (`?theme=`, or the user's choice). Views ask the mode what to show (`use_mode`), the reducer asks it
//! whether the diagram may be changed, and `io` whether storage may be used. Pure values:
//! the shell reads the address and provides the context.

use crate::io::url::TrainingLink;
use yew::prelude::*;

/// A compact mode for another page's frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embed {
    /// The diagram alone, read-only: canvas, legend, the selected edge's findings.
    View,
    /// Editing with a compact palette and the inspector in a popover.
    Edit,
    /// A preset's walkthrough beside or under the canvas.
    Walkthrough,
    /// A quiz beside or under the canvas.
    Quiz,
}

impl Embed {
    /// The `embed` parameter's value; anything else is no embed mode.
    pub fn from_param(value: &str) -> Option<Embed> {
        match value {
            "view" => Some(Embed::View),
            "edit" => Some(Embed::Edit),
            "walkthrough" => Some(Embed::Walkthrough),
            "quiz" => Some(Embed::Quiz),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Embed::View => "view",
            Embed::Edit => "edit",
            Embed::Walkthrough => "walkthrough",
            Embed::Quiz => "quiz",
        }
    }
}

/// The colour theme: `Auto` follows the system's light or dark setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    /// The `theme` parameter's value (or a host's `set` message).
    pub fn from_param(value: &str) -> Option<Theme> {
        match value {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// As `<html data-theme>` holds it (the stylesheet's switch).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// What the palette is in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    Full,
    /// Icons only, in a narrow strip.
    Compact,
    Hidden,
}

/// How the page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mode {
    /// In another page's frame, and how; `None`: the whole app.
    pub embed: Option<Embed>,
    /// Presenter mode (the whole app only): full screen, the diagram with large labels and
    /// thick lines, the walkthrough step or the selected edge's findings large beside it.
    pub present: bool,
}

impl Mode {
    /// The mode the address asks for: its `embed` parameter, if any.
    pub fn from_params(embed: Option<&str>) -> Mode {
        Mode {
            embed: embed.and_then(Embed::from_param),
            present: false,
        }
    }

    /// The presenter's mode, if `on` (an embed is never presented: its host page shows it).
    pub fn presenting(self, on: bool) -> Mode {
        Mode {
            present: on && self.embed.is_none(),
            ..self
        }
    }

    /// Whether `?present=` asks for presenter mode.
    pub fn present_param(value: Option<&str>) -> bool {
        matches!(value, Some("1" | "true" | ""))
    }

    /// What `<html data-mode>` holds: `app`, `present`, or the embed's mode.
    pub fn as_str(self) -> &'static str {
        match self.embed {
            Some(e) => e.as_str(),
            None if self.present => "present",
            None => "app",
        }
    }

    /// The theme when the address names none: light in a frame (a host page's article is
    /// light unless it says otherwise), the system's in the whole app.
    pub fn default_theme(self) -> Theme {
        match self.embed {
            Some(_) => Theme::Light,
            None => Theme::Auto,
        }
    }

    /// The page header: the name, the toolbars, the file tools and the notices.
    pub fn header(self) -> bool {
        self.embed.is_none()
    }

    /// The side panel of the whole app (training, selection, findings, scenario).
    pub fn side_panel(self) -> bool {
        self.embed.is_none()
    }

    pub fn palette(self) -> Palette {
        match self.embed {
            None if self.present => Palette::Hidden,
            None => Palette::Full,
            Some(Embed::Edit) => Palette::Compact,
            Some(_) => Palette::Hidden,
        }
    }

    /// Whether the visitor may change the diagram (a walkthrough's own steps, and a host's
    /// `load`, change it in any mode).
    pub fn editable(self) -> bool {
        match self.embed {
            None => !self.present,
            Some(e) => matches!(e, Embed::Edit | Embed::Walkthrough),
        }
    }

    /// Whether the editing panels (the inspector, the findings of the whole diagram, the
    /// scenario's fields) are drawn beside the diagram; presenting shows the walkthrough or
    /// the selected edge instead.
    pub fn editing_panels(self) -> bool {
        self.embed.is_none() && !self.present
    }

    /// Whether the page reads and writes the browser's storage (autosave, the walkthrough
    /// step): never in a frame, which must not overwrite what a visitor saved in the app,
    /// and may be refused storage outright.
    pub fn uses_storage(self) -> bool {
        self.embed.is_none()
    }

    /// Whether the diagram is fitted to the canvas again whenever the canvas changes size (a
    /// frame is sized by its host, and may be resized at any time; a presenter goes full
    /// screen, and nobody has placed the view by hand).
    pub fn refits(self) -> bool {
        self.embed.is_some() || self.present
    }

    /// What the address's training link asks for, with what the mode starts by itself: a
    /// walkthrough embed its preset's walkthrough (at step 1 unless the link names one), a
    /// quiz embed the quiz.
    pub fn training(self, link: TrainingLink) -> TrainingLink {
        match self.embed {
            Some(Embed::Walkthrough) => TrainingLink {
                step: link.step.or(Some(1)),
                ..link
            },
            Some(Embed::Quiz) => TrainingLink { quiz: true, ..link },
            _ => link,
        }
    }

    /// The walkthrough or quiz panel is shown beside or under the canvas.
    pub fn training_panel(self) -> bool {
        matches!(self.embed, Some(Embed::Walkthrough) | Some(Embed::Quiz))
    }
}

/// The page's mode, as the shell provides it; the whole app's without a provider (a test).
#[hook]
pub fn use_mode() -> Mode {
    use_context::<Mode>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_names_the_mode_and_anything_else_is_the_whole_app() {
        for e in [Embed::View, Embed::Edit, Embed::Walkthrough, Embed::Quiz] {
            assert_eq!(Mode::from_params(Some(e.as_str())).embed, Some(e));
        }
        for other in [None, Some(""), Some("VIEW"), Some("full"), Some("view ")] {
            assert_eq!(Mode::from_params(other), Mode::default(), "{other:?}");
        }
        for t in [Theme::Light, Theme::Dark, Theme::Auto] {
            assert_eq!(Theme::from_param(t.as_str()), Some(t));
        }
        assert_eq!(Theme::from_param("Dark"), None);
    }

    #[test]
    fn a_walkthrough_or_quiz_embed_starts_its_training() {
        let link = |step, quiz| TrainingLink {
            step,
            quiz,
            seed: None,
        };
        let m = |e: &str| Mode::from_params(Some(e));
        assert_eq!(
            m("walkthrough").training(link(None, false)),
            link(Some(1), false)
        );
        assert_eq!(
            m("walkthrough").training(link(Some(3), false)),
            link(Some(3), false)
        );
        assert_eq!(m("quiz").training(link(None, false)), link(None, true));
        assert_eq!(m("view").training(link(None, false)), link(None, false));
        assert_eq!(
            Mode::default().training(link(Some(2), false)),
            link(Some(2), false)
        );
    }

    #[test]
    fn presenter_mode_shows_the_diagram_to_a_room_and_edits_nothing() {
        let present = Mode::default().presenting(true);
        assert!(present.present && present.header() && present.side_panel());
        assert!(!present.editable() && !present.editing_panels());
        assert_eq!(present.palette(), Palette::Hidden);
        assert_eq!(present.as_str(), "present");
        assert!(
            present.uses_storage(),
            "the app's own storage, as in the app"
        );
        let embed = Mode::from_params(Some("view")).presenting(true);
        assert!(!embed.present, "an embed is not presented");
        assert_eq!(embed.as_str(), "view");
        assert_eq!(Mode::default().as_str(), "app");
        assert!(Mode::present_param(Some("1")) && !Mode::present_param(Some("0")));
        assert!(!Mode::present_param(None));
    }

    #[test]
    fn each_mode_shows_its_chrome() {
        let app = Mode::default();
        let m = |e| Mode::from_params(Some(Embed::as_str(e)));
        assert!(app.header() && app.side_panel() && app.editable() && app.uses_storage());
        assert_eq!(app.default_theme(), Theme::Auto);
        assert!(!app.refits() && app.presenting(true).refits());
        let view = m(Embed::View);
        assert!(!view.header() && !view.side_panel() && !view.editable());
        assert_eq!(view.palette(), Palette::Hidden);
        assert_eq!(m(Embed::Edit).palette(), Palette::Compact);
        assert!(m(Embed::Edit).editable() && !m(Embed::Quiz).editable());
        for e in [Embed::View, Embed::Edit, Embed::Walkthrough, Embed::Quiz] {
            assert!(!m(e).uses_storage() && m(e).refits() && !m(e).header());
            assert_eq!(m(e).default_theme(), Theme::Light);
            assert_eq!(
                m(e).training_panel(),
                matches!(e, Embed::Walkthrough | Embed::Quiz)
            );
        }
    }
}
