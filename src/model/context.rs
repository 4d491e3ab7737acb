//! What every component needs, handed down through one yew context (as yew's `contexts`
//! example does) rather than as a prop on every level: how the page is shown and the
//! reducer's handle. The shell provides it; a component without a provider (a test) gets the
//! default language and a dispatch that does nothing.

use super::state::{Action, State};
use csp_rules::Lang;
use yew::prelude::*;

/// The reducer's handle: stable for the page's life.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dispatch(Option<UseReducerDispatcher<State>>);

impl Dispatch {
    pub fn new(d: UseReducerDispatcher<State>) -> Dispatch {
        Dispatch(Some(d))
    }

    // Not inlined: every callback below calls it, and an `Action` is a large enum to drop.
    #[inline(never)]
    pub fn send(&self, action: Action) {
        if let Some(d) = &self.0 {
            d.dispatch(action);
        }
    }

    /// A callback that sends the action made from its argument.
    pub fn to<T: 'static>(&self, make: impl Fn(T) -> Action + 'static) -> Callback<T> {
        let d = self.clone();
        Callback::from(move |t| d.send(make(t)))
    }

    /// A callback that sends `action` whatever it is called with (a click).
    pub fn on<T: 'static>(&self, action: Action) -> Callback<T> {
        self.to(move |_| action.clone())
    }
}

/// What every view reads: the page's language, and the handle its verbs go to. A setting
/// every view must follow goes here too, so it reaches them all without a prop; the
/// dispatch never changes, so only a change of setting re-renders the views.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[hook]
pub fn use_page() -> Page {
    use_context::<Page>().unwrap_or_default()
}
