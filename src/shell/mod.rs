//! The page's frame: the app (its state, contexts and edges), the header with the toolbars
//! and menus, the workspace the features are laid out in, the palette, the keyboard (a pure
//! key map, its dialogs) and the live region.

mod announce;
pub mod app;
mod chrome;
mod dialogs;
mod file_tools;
mod header;
pub mod keys;
mod palette;
mod presets_menu;
mod recent;
mod share;
mod toolbar;
mod workspace;
