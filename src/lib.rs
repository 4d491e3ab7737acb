//! CSP Scenario Explorer: the page around the `csp-rules` engine.
//!
//! Every rule lives in the engine; this crate only edits a scenario, asks the engine to judge
//! it and shows the answer. The rooms, from the top: `shell` (the frame) lays out the features
//! (`canvas`, `panels`, `training`, `audit`), which draw the `model` (pure state and reducers)
//! and send it actions; `io` is the browser's edges and `text` every string, both below the
//! model; `embed` (the compact modes of another page's frame and their messages) sits
//! between the shell and the features; `csp_rules` is the ground. Nothing in `model`, `io` or `text` draws.

pub mod audit;
pub mod canvas;
pub mod embed;
pub mod io;
pub mod model;
pub mod panels;
pub mod shell;
pub mod text;
pub mod training;

pub use shell::app::App;
