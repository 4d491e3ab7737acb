//! What every component needs, handed down through yew contexts (as yew's `contexts` example
//! does) rather than as a prop on every level: the reducer's handle, and how the page is
//! shown. The shell provides both; a component without a provider (a test) gets a dispatch
//! that does nothing and the default language.

use super::state::{Action, State};
use csp_rules::Lang;
use yew::prelude::*;

/// The reducer's handle: stable for the page's life, so consumers never re-render for it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dispatch(Option<UseReducerDispatcher<State>>);

impl Dispatch {
    pub fn new(d: UseReducerDispatcher<State>) -> Dispatch {
        Dispatch(Some(d))
    }

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

/// How the page is shown, which every component reads. A setting every view must follow
/// goes here, so it reaches them all without a prop.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Page {
    pub lang: Lang,
}

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().unwrap_or_default()
}

#[hook]
pub fn use_page() -> Page {
    use_context::<Page>().unwrap_or_default()
}

/// The page's language.
#[hook]
pub fn use_lang() -> Lang {
    use_page().lang
}
