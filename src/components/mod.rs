//! The page's components. Each is a small function component with `PartialEq` props, so yew
//! re-renders only what changed; canvas children (nodes, edges) carry no callbacks at all:
//! the canvas handles their pointer events by delegation through their `data-*` hooks.

pub mod app;
pub mod audit;
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

use crate::state::State;
use std::rc::Rc;
use yew::UseReducerDispatcher;

/// The reducer's dispatcher: stable for the page's life, so props holding it compare equal.
pub type Dispatch = UseReducerDispatcher<State>;

/// An `Rc` compared by pointer, so props holding the scenario or the report compare in O(1)
/// on every render (a drag re-renders the page per frame). The state never changes them in
/// place: a change makes a new `Rc` (the old state still holds the old one).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
