//! The guide's scenarios and their walkthroughs, as files of the page's own folder
//! (`presets/` in `dist/`, the very files of `rules/presets/` the CLI reads) fetched the
//! first time a guide scenario is opened, instead of compiled into the WebAssembly that every
//! visit loads. The engine reads them ([`csp_rules::presets::Preset::read`],
//! [`csp_rules::walkthrough::read`]); what it read is kept here for the page's life, so
//! everything after the first fetch is synchronous. The service worker precaches them, so
//! they open offline too.

use crate::text::io as t;
use csp_rules::walkthrough::{self, Walkthrough, WalkthroughError};
use csp_rules::{presets, Lang, Scenario};
use std::cell::RefCell;
use std::rc::Rc;

/// Why a guide scenario's file could not be used: one bounded line in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// The server answered `status`, or (0) did not answer at all.
    Fetch { file: String, status: u16 },
    /// The file is there but is not a valid scenario or walkthrough: what the engine said.
    Invalid { file: String, why: String },
}

/// At most this many characters of what a parser said are shown.
const WHY_LIMIT: usize = 300;

impl DataError {
    pub fn line(&self, lang: Lang) -> String {
        match self {
            DataError::Fetch { file, status: 0 } => t::data_unreachable(lang, file),
            DataError::Fetch { file, status } => t::data_status(lang, file, &status.to_string()),
            DataError::Invalid { file, why } => t::data_invalid(lang, file, why),
        }
    }

    fn invalid(file: &str, why: &str) -> DataError {
        let mut why: String = why.strip_prefix("error: ").unwrap_or(why).to_string();
        if let Some((cut, _)) = why.char_indices().nth(WHY_LIMIT) {
            why.truncate(cut);
            why.push('…');
        }
        DataError::Invalid {
            file: file.to_string(),
            why,
        }
    }
}

/// What was read of preset `n`'s files.
#[derive(Debug, Clone)]
struct Entry {
    n: u8,
    scenario: Scenario,
    walkthrough: Option<Rc<Walkthrough>>,
}

thread_local! {
    static LOADED: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

fn with_entry<T>(n: u8, f: impl FnOnce(&Entry) -> T) -> Option<T> {
    #[cfg(test)]
    embedded(n);
    LOADED.with(|l| l.borrow().iter().find(|e| e.n == n).map(f))
}

#[cfg(test)]
thread_local! {
    static WITHHELD: std::cell::Cell<Option<u8>> = const { std::cell::Cell::new(None) };
}

/// For a test of a first visit: preset `n` is not there until [`put`] brings it.
#[cfg(test)]
pub fn withhold(n: u8) {
    LOADED.with(|l| l.borrow_mut().retain(|e| e.n != n));
    WITHHELD.with(|w| w.set(Some(n)));
}

/// Natively the tests read the files the engine compiled in, as if fetched.
#[cfg(test)]
fn embedded(n: u8) {
    if WITHHELD.with(|w| w.get()) == Some(n) {
        return;
    }
    if LOADED.with(|l| l.borrow().iter().any(|e| e.n == n)) {
        return;
    }
    if let Some(p) = presets::get(n) {
        let _ = put(n, p.json, walkthrough::json(n));
    }
}

/// Preset `n`'s scenario, once its file has been read.
pub fn scenario(n: u8) -> Option<Scenario> {
    with_entry(n, |e| e.scenario.clone())
}

/// Preset `n`'s walkthrough, once its file has been read (and was valid).
pub fn walkthrough(n: u8) -> Option<Rc<Walkthrough>> {
    with_entry(n, |e| e.walkthrough.clone()).flatten()
}

pub fn is_loaded(n: u8) -> bool {
    with_entry(n, |_| ()).is_some()
}

/// Reads preset `n`'s scenario file and (when it has one) its walkthrough's, and keeps what
/// was read. A bad scenario keeps nothing; a bad walkthrough keeps the scenario alone. Either
/// way the error says which file.
pub fn put(n: u8, scenario: &str, walkthrough: Option<&str>) -> Result<(), DataError> {
    let Some(preset) = presets::get(n) else {
        return Err(DataError::invalid(
            &format!("presets/{n}"),
            "no such preset",
        ));
    };
    let scenario = preset
        .read(scenario)
        .map_err(|e| DataError::invalid(&preset.path(), &e.line(Lang::En)))?;
    let read = match (walkthrough, walkthrough::path(n)) {
        (Some(text), Some(file)) => match walkthrough::read(n, text) {
            Ok(w) => Ok(Some(Rc::new(w))),
            Err(WalkthroughError::Invalid { path, message, .. }) => {
                Err(DataError::invalid(&file, &format!("{path}: {message}")))
            }
            Err(e) => Err(DataError::invalid(&file, &e.to_string())),
        },
        _ => Ok(None),
    };
    let entry = Entry {
        n,
        scenario,
        walkthrough: read.clone().ok().flatten(),
    };
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|e| e.n != n);
        l.push(entry);
    });
    read.map(|_| ())
}

/// Fetches preset `n`'s files from the page's folder (both at once) and keeps them; `Ok`
/// at once when they were read before.
pub async fn fetch(n: u8) -> Result<(), DataError> {
    if is_loaded(n) {
        return Ok(());
    }
    let Some(preset) = presets::get(n) else {
        return Err(DataError::invalid(
            &format!("presets/{n}"),
            "no such preset",
        ));
    };
    let file = preset.path();
    let tour = walkthrough::path(n);
    let (scenario, walkthrough) = match &tour {
        Some(w) => futures::future::join(text_of(&file), text_of(w)).await,
        None => (text_of(&file).await, Ok(String::new())),
    };
    let scenario = scenario?;
    // A walkthrough that didn't come is said, but the scenario still opens.
    match walkthrough {
        Ok(w) => put(n, &scenario, tour.as_ref().map(|_| w.as_str())),
        Err(e) => put(n, &scenario, None).and(Err(e)),
    }
}

/// The text of `file`, relative to the page (its `<base>`, so any folder works).
async fn text_of(file: &str) -> Result<String, DataError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |status: u16| DataError::Fetch {
        file: file.to_string(),
        status,
    };
    let window = web_sys::window().ok_or_else(|| failed(0))?;
    let answer = JsFuture::from(window.fetch_with_str(file))
        .await
        .map_err(|_| failed(0))?;
    let response: web_sys::Response = answer.dyn_into().map_err(|_| failed(0))?;
    if !response.ok() {
        return Err(failed(response.status()));
    }
    let text = response.text().map_err(|_| failed(0))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| failed(0))
}

#[cfg(test)]
#[allow(clippy::panic)] // a failing test panics
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_says_which_and_why_in_both_languages_and_keeps_nothing() {
        let e = put(
            3,
            r#"{"version": 1, "nodes": [{"id": "x", "kind": "seller"}]}"#,
            None,
        );
        let Err(e) = e else {
            panic!("a bad scenario is refused");
        };
        let en = e.line(Lang::En);
        assert!(
            en.starts_with("error: presets/3-multichannel.json: "),
            "{en}"
        );
        assert!(en.contains("nodes[0].kind"), "{en}");
        assert!(!en.contains('\n'));
        let zh = e.line(Lang::ZhTw);
        assert!(
            zh.contains("presets/3-multichannel.json") && zh.contains("無效"),
            "{zh}"
        );
        let long = format!(
            r#"{{"version": 1, "nodes": [{{"id": "x", "kind": "{}"}}]}}"#,
            "k".repeat(5000)
        );
        let line = put(3, &long, None)
            .err()
            .map(|e| e.line(Lang::En))
            .unwrap_or_default();
        assert!(line.chars().count() < 500, "{}", line.len());
        // Nothing was kept by the two failures: preset 3 reads from its real file again.
        assert_eq!(scenario(3), presets::get(3).and_then(|p| p.scenario().ok()));
    }

    #[test]
    fn a_bad_walkthrough_keeps_the_scenario_and_says_so() {
        let Some(p) = presets::get(5) else {
            panic!("preset 5");
        };
        let e = put(5, p.json, Some(r#"{"preset": 5, "steps": []}"#));
        assert_eq!(
            e.map_err(|e| e.line(Lang::En)),
            Err("error: presets/walkthroughs/5.json: steps: no steps".into())
        );
        assert_eq!(scenario(5), p.scenario().ok());
        assert!(walkthrough(5).is_none());
        // The real files, read again, bring it back.
        assert_eq!(put(5, p.json, walkthrough::json(5)), Ok(()));
        assert_eq!(walkthrough(5).map(|w| w.preset), Some(5));
    }

    #[test]
    fn a_file_that_did_not_come_names_itself_and_the_answer() {
        let missing = DataError::Fetch {
            file: "presets/6-reseller-as-customer.json".into(),
            status: 404,
        };
        assert_eq!(
            missing.line(Lang::En),
            "error: presets/6-reseller-as-customer.json could not be loaded (HTTP 404)"
        );
        assert_eq!(
            missing.line(Lang::ZhTw),
            "error: 無法載入 presets/6-reseller-as-customer.json（HTTP 404）"
        );
        let offline = DataError::Fetch {
            file: "presets/1-end-to-end.json".into(),
            status: 0,
        };
        assert!(offline.line(Lang::En).contains("no answer"));
        assert!(offline.line(Lang::ZhTw).contains("沒有回應"));
    }
}
