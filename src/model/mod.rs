//! The page's model: plain data and pure reducers, tested natively. `State` is the one
//! reducer (yew's `Reducible`); training and the audit are sub-states with reducers of their
//! own; the diagram is a `Document` whose methods keep the rules' revision; `layout` and
//! `view` are geometry. Nothing here draws or touches the browser: views dispatch actions,
//! and `io` does the browser's part.

pub mod audit;
pub mod caption;
pub mod context;
pub mod document;
mod edit;
pub mod effect;
pub mod evaluation;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod history;
pub mod layout;
pub mod mode;
pub mod names;
pub mod present;
pub mod quiz;
pub mod route;
pub mod saving;
pub mod selection;
pub mod shared;
pub mod state;
pub mod training;
pub mod view;

pub use context::{use_page, Dispatch, Page};
pub use effect::{Arrival, Effect};
pub use mode::{use_mode, Embed, Mode, Theme};
pub use selection::{Selection, Target};
pub use shared::Shared;
pub use state::{Action, EdgeEdit, NodeEdit, Notice, State};
pub use view::{PendingEdge, View};
