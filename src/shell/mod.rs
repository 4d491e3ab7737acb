//! The page's frame: the app (its state, contexts and edges), the header with the toolbar and
//! its menus (as data in `commands`), the start screen, the workspace the features are laid
//! out in (its side panel a bottom sheet on a phone), the palette, the keyboard (a pure key
//! map, its dialogs), the Help menu's dialogs and the live region.

mod announce;
pub mod app;
mod chrome;
mod commands;
mod dialogs;
mod export;
mod file_tools;
mod header;
mod help;
mod icons;
pub mod keys;
pub mod menu;
mod palette;
mod presets_menu;
mod recent;
mod share;
mod sheet;
mod start;
mod toolbar;
mod workspace;
