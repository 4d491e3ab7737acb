//! How the page is shown, apart from the diagram: its mode (which chrome it draws: the whole
//! app, or the presenter's layout for a room) and its colour theme. Plain values read from
//! the address and the browser's storage by the shell, which also marks them on `<html>`
//! (`data-mode`, `data-theme`) for the stylesheet and for tests.

/// Which chrome the page draws around the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The whole app: toolbar and menus, palette, side panel.
    #[default]
    App,
    /// For a trainer at the front of a room: full screen, the diagram with large labels and
    /// thick lines, and the walkthrough step or the selected edge's findings beside it.
    Present,
}

impl Mode {
    /// The value of `<html data-mode>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::App => "app",
            Mode::Present => "present",
        }
    }

    /// The mode a page address asks for: `?present=1` is the presenter's.
    pub fn from_present_param(value: Option<&str>) -> Mode {
        match value {
            Some("1" | "true" | "") => Mode::Present,
            _ => Mode::App,
        }
    }

    /// Whether the editing chrome (menus, palette, inspector) is drawn.
    pub fn edits(self) -> bool {
        self == Mode::App
    }
}

/// The page's colours: the system's choice, or one the user (or an embedding page's
/// `?theme=`) picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The value of `<html data-theme>`, `?theme=` and the stored choice.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == text.trim())
    }

    /// The theme a page starts with: `?theme=` first, then the one the user chose last time.
    pub fn initial(param: Option<&str>, stored: Option<&str>) -> Theme {
        param
            .and_then(Theme::parse)
            .or_else(|| stored.and_then(Theme::parse))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_names_the_mode() {
        assert_eq!(Mode::from_present_param(Some("1")), Mode::Present);
        assert_eq!(Mode::from_present_param(Some("0")), Mode::App);
        assert_eq!(Mode::from_present_param(None), Mode::App);
        assert_eq!(Mode::Present.as_str(), "present");
        assert!(Mode::App.edits() && !Mode::Present.edits());
    }

    #[test]
    fn the_address_then_the_stored_choice_name_the_theme() {
        assert_eq!(Theme::initial(Some("dark"), Some("light")), Theme::Dark);
        assert_eq!(Theme::initial(Some("purple"), Some("light")), Theme::Light);
        assert_eq!(Theme::initial(None, Some("garbage")), Theme::Auto);
        assert_eq!(Theme::initial(None, None), Theme::Auto);
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.as_str()), Some(t));
        }
    }
}
