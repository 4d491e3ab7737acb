//! What the page keeps in the browser's storage: the diagram, as
//! `{"schema":1,"doc":"…","at":…,"scenario":{…}}` (the scenario is a scenario file; `doc` names
//! which diagram it is, the same across its saves, and `at` is when it was saved), read back
//! by pure functions here, and the walkthrough step a learner reached.
//!
//! A saved diagram is read back by shape only, not validated: the page keeps diagrams the
//! engine can't judge yet (a half-typed ID), and a reload must give them back as they were.
//!
//! How a save keeps what else is stored is `save`'s.

use super::store::Store;
use super::web;
use crate::text;
use csp_rules::Scenario;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::hash::Hasher;

/// Where the diagram is saved.
pub const KEY: &str = "csp-explorer/diagram";
/// Where unreadable saved text is kept aside, so nothing the user had is thrown away (then
/// under `-2` … `-5` when that is taken by other text).
pub const KEPT_KEY: &str = "csp-explorer/diagram-unreadable";
/// The storage layout this version writes and reads.
pub const SCHEMA: u64 = 1;

#[derive(Serialize)]
struct SavedRef<'a> {
    schema: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<f64>,
    scenario: &'a Scenario,
}

/// Every part is kept as raw text and read with `from_slice`, the reader the engine already
/// uses: a `Value` tree would compile a second scenario deserializer into the page (~9 kB
/// gzip). `doc` and `at` are read leniently: a value of another shape is no value.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    schema: &'a RawValue,
    #[serde(default, borrow)]
    doc: Option<&'a RawValue>,
    #[serde(default, borrow)]
    at: Option<&'a RawValue>,
    #[serde(default, borrow)]
    scenario: Option<&'a RawValue>,
}

/// A diagram as it was saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub scenario: Scenario,
    /// Which diagram it is (none from a version that did not say).
    pub doc: Option<String>,
    /// When it was saved, in ms since 1970 (none from a version that did not say).
    pub at: Option<f64>,
}

/// Why the saved text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON, or not the `{schema, scenario}` envelope: the parser's words.
    NotJson(String),
    /// A schema this version does not know (a newer version wrote it), as written.
    Schema(String),
    /// Schema 1, but the scenario inside has the wrong shape: the parser's words.
    Scenario(String),
}

impl Unreadable {
    /// Why, in a few words of the reader's language.
    pub fn text(&self, lang: csp_rules::Lang) -> String {
        match self {
            Unreadable::NotJson(m) => text::io::saved_not_json(lang, m),
            Unreadable::Schema(v) => text::io::saved_schema(lang, v),
            Unreadable::Scenario(m) => text::io::saved_damaged(lang, m),
        }
    }
}

/// Where the colour theme the user picked is remembered (`auto`, `light` or `dark`).
pub const THEME_KEY: &str = "csp-explorer/theme";

/// Where the last walkthrough step is remembered, as `preset:step`.
pub const STEP_KEY: &str = "csp-explorer/walkthrough";

/// The step remembered for preset `preset`, if any.
pub fn saved_step(preset: u8) -> Option<usize> {
    read_step(&web::storage_get(STEP_KEY)?, preset)
}

/// Remembers the step a learner reached, for *Resume*.
pub fn save_step(preset: u8, step: usize) {
    web::storage_set(STEP_KEY, &format!("{preset}:{step}"));
}

/// Forgets it, once the walkthrough is finished.
pub fn forget_step() {
    web::storage_remove(STEP_KEY);
}

fn read_step(text: &str, preset: u8) -> Option<usize> {
    let (p, step) = text.split_once(':')?;
    (p.parse::<u8>().ok()? == preset)
        .then(|| step.parse::<usize>().ok())
        .flatten()
        .filter(|s| *s > 0)
}

/// The text saved for a scenario: diagram `doc`, saved at `at`.
pub fn encode(scenario: &Scenario, doc: Option<&str>, at: Option<f64>) -> String {
    serde_json::to_string(&SavedRef {
        schema: SCHEMA,
        doc,
        at: at.filter(|t| t.is_finite()),
        scenario,
    })
    .unwrap_or_default()
}

/// Whether a schema as written is this version's: any JSON number equal to it (`1`, `1.0`,
/// `1e0`), as a JSON reader that is not ours may write it.
fn is_our_schema(raw: &str) -> bool {
    raw.starts_with(|c: char| c.is_ascii_digit()) && number(raw) == Some(SCHEMA as f64)
}

/// A JSON number, read by serde_json's reader (already in the wasm for coordinates), not by
/// `str::parse`, whose correctly rounded reader brings its own code and 10 kB of tables.
fn number(raw: &str) -> Option<f64> {
    serde_json::from_str::<f64>(raw).ok()
}

/// The envelope of saved text. A byte order mark before it (written by an editor or a tool
/// that copied the value) is not part of the text.
fn envelope(raw: &str) -> Result<Envelope<'_>, Unreadable> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    serde_json::from_slice(raw.as_bytes()).map_err(|e| Unreadable::NotJson(e.to_string()))
}

/// Reads saved text back.
pub fn read(raw: &str) -> Result<Saved, Unreadable> {
    let env = envelope(raw)?;
    if !is_our_schema(env.schema.get()) {
        return Err(Unreadable::Schema(env.schema.get().to_string()));
    }
    let scenario = env
        .scenario
        .ok_or_else(|| Unreadable::Scenario("missing field `scenario`".into()))?;
    let scenario = serde_json::from_slice(scenario.get().as_bytes())
        .map_err(|e| Unreadable::Scenario(e.to_string()))?;
    let doc = env
        .doc
        .and_then(|d| serde_json::from_str::<String>(d.get()).ok());
    let at = env.at.and_then(|t| number(t.get()));
    Ok(Saved { scenario, doc, at })
}

/// Reads saved text back: its scenario.
pub fn decode(raw: &str) -> Result<Scenario, Unreadable> {
    read(raw).map(|s| s.scenario)
}

/// A short fingerprint of saved text, to tell whether what is stored is what this tab wrote
/// without keeping a copy of it.
pub fn fingerprint(raw: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(raw.as_bytes());
    h.write_usize(raw.len());
    h.finish()
}

/// Whether two saved texts hold the same scenario, as written (whoever saved it, whenever).
pub fn same_scenario(a: &str, b: &str) -> bool {
    match (envelope(a), envelope(b)) {
        (Ok(a), Ok(b)) => a
            .scenario
            .zip(b.scenario)
            .is_some_and(|(a, b)| a.get() == b.get()),
        _ => false,
    }
}

/// The keys unreadable text may be kept under.
fn kept_keys() -> impl Iterator<Item = String> {
    std::iter::once(KEPT_KEY.to_string()).chain((2..=5).map(|n| format!("{KEPT_KEY}-{n}")))
}

/// Keeps unreadable saved text aside, and checks that the copy is really there: the key it is
/// kept under, or `None` when it could not be kept (storage full, or every key taken).
pub fn keep_aside(store: &impl Store, raw: &str) -> Option<String> {
    for key in kept_keys() {
        match store.get(&key) {
            Some(text) if text == raw => return Some(key),
            Some(_) => continue,
            None => {
                if store.set(&key, raw) && store.get(&key).as_deref() == Some(raw) {
                    return Some(key);
                }
                store.remove(&key);
                return None;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{presets, Node, NodeKind};

    fn preset(n: u8) -> Scenario {
        presets::get(n)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default()
    }

    #[test]
    fn doc_and_time_read_back_and_odd_ones_are_no_value() {
        let s = preset(1);
        let text = encode(&s, Some("t1-3"), Some(1_700_000_000_000.0));
        let saved = read(&text);
        assert_eq!(
            saved.map(|v| (v.doc, v.at)),
            Ok((Some("t1-3".into()), Some(1_700_000_000_000.0)))
        );
        let odd = text.replacen(r#""doc":"t1-3""#, r#""doc":7"#, 1);
        assert_eq!(read(&odd).map(|v| v.doc), Ok(None));
        assert_eq!(decode(&odd), Ok(s));
        // A time as another JSON writer may put it; one that is not a number is no time.
        for (at, want) in [
            ("1.7e12", Some(1.7e12)),
            ("1700000000000.5", Some(1_700_000_000_000.5)),
            ("-0", Some(0.0)),
            (r#""1700000000000""#, None),
            ("null", None),
        ] {
            let text = text.replacen(r#""at":1700000000000.0"#, &format!(r#""at":{at}"#), 1);
            assert_eq!(read(&text).map(|v| v.at), Ok(want), "{at}");
        }
    }

    #[test]
    fn a_saved_diagram_reads_back_the_same_even_when_the_engine_would_refuse_it() {
        let s = presets::get(1)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default();
        assert!(!s.nodes.is_empty());
        assert_eq!(decode(&encode(&s, None, None)), Ok(s.clone()));
        let mut half_typed = s;
        half_typed
            .nodes
            .push(Node::new("bad id", NodeKind::Customer));
        assert_eq!(decode(&encode(&half_typed, None, None)), Ok(half_typed));
    }

    #[test]
    fn a_remembered_step_is_for_its_preset_only() {
        assert_eq!(read_step("6:3", 6), Some(3));
        assert_eq!(read_step("6:3", 7), None);
        for bad in ["6:0", "6:x", "6", ":3", "x:3"] {
            assert_eq!(read_step(bad, 6), None, "{bad}");
        }
    }

    #[test]
    fn a_byte_order_mark_and_schema_1_0_are_read() {
        let s = presets::get(2)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default();
        let saved = encode(&s, None, None);
        assert_eq!(decode(&format!("\u{feff}{saved}")), Ok(s.clone()));
        for schema in ["1.0", "1e0", "1.00"] {
            let text = saved.replacen(r#""schema":1"#, &format!(r#""schema":{schema}"#), 1);
            assert_eq!(decode(&text), Ok(s.clone()), "{schema}");
        }
        for schema in ["1.5", "\"1\"", "true", "-1", "10"] {
            let text = saved.replacen(r#""schema":1"#, &format!(r#""schema":{schema}"#), 1);
            assert_eq!(
                decode(&text),
                Err(Unreadable::Schema(schema.into())),
                "{schema}"
            );
        }
    }

    #[test]
    fn unreadable_text_says_why() {
        assert!(matches!(decode("{not json"), Err(Unreadable::NotJson(_))));
        assert!(decode("[1,2]").is_err());
        assert!(matches!(decode("null"), Err(Unreadable::NotJson(_))));
        assert_eq!(
            decode(r#"{"schema":2,"scenario":{}}"#),
            Err(Unreadable::Schema("2".into()))
        );
        assert_eq!(
            decode(r#"{"schema":"x"}"#),
            Err(Unreadable::Schema("\"x\"".into()))
        );
        assert!(matches!(
            decode(r#"{"schema":1,"scenario":{"version":1,"nodes":7}}"#),
            Err(Unreadable::Scenario(_))
        ));
        assert!(matches!(
            decode(r#"{"schema":1}"#),
            Err(Unreadable::Scenario(_))
        ));
    }
}
