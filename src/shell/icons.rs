//! The toolbar's icons: small stroked pictures drawn with the text's colour, always beside a
//! visible label or an accessible name (they are hidden from assistive technology).

use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    Menu,
    Book,
    Undo,
    Redo,
    Fit,
    Present,
    Share,
    Down,
    Plus,
    Minus,
    Close,
}

fn path(icon: Icon) -> &'static str {
    match icon {
        Icon::Menu => "M3 5.5h14M3 10h14M3 14.5h14",
        Icon::Book => "M2.5 4.5h5a2.5 2.5 0 0 1 2.5 2.5v9a2 2 0 0 0-2-2h-5.5z M17.5 4.5h-5a2.5 2.5 0 0 0-2.5 2.5v9a2 2 0 0 1 2-2h5.5z",
        Icon::Undo => "M7 4.5L3.5 8 7 11.5 M3.5 8h8.5a4.5 4.5 0 0 1 0 9H8",
        Icon::Redo => "M13 4.5L16.5 8 13 11.5 M16.5 8H8a4.5 4.5 0 0 0 0 9h4",
        Icon::Fit => "M3 7.5V3h4.5 M12.5 3H17v4.5 M17 12.5V17h-4.5 M7.5 17H3v-4.5",
        Icon::Present => "M2.5 3.5h15v10h-15z M10 13.5v3 M6.5 16.5h7 M8.5 6.5v4l3.5-2z",
        Icon::Share => "M10 12.5V3 M6.5 6.5L10 3l3.5 3.5 M4 10.5V17h12v-6.5",
        Icon::Down => "M6 8l4 4 4-4",
        Icon::Plus => "M10 4v12M4 10h12",
        Icon::Minus => "M4 10h12",
        Icon::Close => "M5 5l10 10M15 5L5 15",
    }
}

/// An icon at the size of the text around it.
pub fn icon(icon: Icon) -> Html {
    html! {
        <svg class="icon-svg" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
            <path d={path(icon)} />
        </svg>
    }
}
