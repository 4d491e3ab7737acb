//! The browser at the edges: the address, storage and autosave, files in and out, the
//! exported picture, and `window.cspRules`. Every call tolerates a missing API and never
//! panics; what can't be done is reported as `None` or `false`. Nothing here knows the
//! page's state: callers pass values and hear back through callbacks.

pub mod autosave;
pub mod export;
pub mod files;
pub mod js_api;
pub mod library;
pub mod recent;
pub mod save;
pub mod storage;
pub mod store;
pub mod url;
pub mod web;
