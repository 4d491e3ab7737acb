//! CSP Scenario Explorer: the page around the `csp-rules` engine.
//!
//! Every rule lives in the engine; this crate only edits a scenario, asks the engine to judge
//! it and shows the answer. The pure parts (state, layout, URLs, texts) compile and test
//! natively; `web` and the components are where the browser is touched.

pub mod audit;
pub mod components;
pub mod io;
pub mod model;
pub mod text;

pub use components::app::App;
