//! The page's components. Each is a small function component with `PartialEq` props, so yew
//! re-renders only what changed; canvas children (nodes, edges) carry no callbacks at all:
//! the canvas handles their pointer events by delegation through their `data-*` hooks.

pub mod app;
pub mod canvas;
pub mod edge;
pub mod edge_layer;
pub mod edge_panel;
pub mod file_tools;
pub mod findings;
pub mod inspector;
pub mod keyboard;
pub mod legend;
pub mod node;
pub mod notice;
pub mod palette;
pub mod presets_menu;
pub mod quiz;
pub mod scenario_panel;
pub mod shapes;
pub mod share;
pub mod table;
pub mod toolbar;
pub mod topology;
pub mod training;
pub mod walkthrough;

use crate::model::State;
use yew::UseReducerDispatcher;

pub use crate::model::Shared;

/// The reducer's dispatcher: stable for the page's life, so props holding it compare equal.
pub type Dispatch = UseReducerDispatcher<State>;
