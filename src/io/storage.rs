//! What the page keeps in the browser's storage: the diagram, as
//! `{"schema":1,"scenario":{…}}` (the scenario is a scenario file), read back by pure
//! functions here, and the walkthrough step a learner reached.
//!
//! A saved diagram is read back by shape only, not validated: the page keeps diagrams the
//! engine can't judge yet (a half-typed ID), and a reload must give them back as they were.

use super::web;
use crate::text;
use csp_rules::Scenario;
use serde::{Deserialize, Serialize};

/// Where the diagram is saved.
pub const KEY: &str = "csp-explorer/diagram";
/// Where unreadable saved text is kept aside, so nothing the user had is thrown away.
pub const KEPT_KEY: &str = "csp-explorer/diagram-unreadable";
/// The storage layout this version writes and reads.
pub const SCHEMA: u64 = 1;

#[derive(Serialize)]
struct SavedRef<'a> {
    schema: u64,
    scenario: &'a Scenario,
}

/// Both parts are kept as raw text and read with `from_slice`, the reader the engine already
/// uses: a `Value` tree would compile a second scenario deserializer into the page (~9 kB gzip).
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    schema: &'a serde_json::value::RawValue,
    #[serde(default, borrow)]
    scenario: Option<&'a serde_json::value::RawValue>,
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

/// The text saved for a scenario.
pub fn encode(scenario: &Scenario) -> String {
    serde_json::to_string(&SavedRef {
        schema: SCHEMA,
        scenario,
    })
    .unwrap_or_default()
}

/// Whether a schema as written is this version's: any JSON number equal to it (`1`, `1.0`,
/// `1e0`), as a JSON reader that is not ours may write it.
fn is_our_schema(raw: &str) -> bool {
    raw.starts_with(|c: char| c.is_ascii_digit())
        && raw.parse::<f64>().is_ok_and(|v| v == SCHEMA as f64)
}

/// Reads saved text back. A byte order mark before it (written by an editor or a tool that
/// copied the value) is not part of the text.
pub fn decode(raw: &str) -> Result<Scenario, Unreadable> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let env: Envelope =
        serde_json::from_slice(raw.as_bytes()).map_err(|e| Unreadable::NotJson(e.to_string()))?;
    if !is_our_schema(env.schema.get()) {
        return Err(Unreadable::Schema(env.schema.get().to_string()));
    }
    let scenario = env
        .scenario
        .ok_or_else(|| Unreadable::Scenario("missing field `scenario`".into()))?;
    serde_json::from_slice(scenario.get().as_bytes())
        .map_err(|e| Unreadable::Scenario(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{presets, Node, NodeKind};

    #[test]
    fn a_saved_diagram_reads_back_the_same_even_when_the_engine_would_refuse_it() {
        let s = presets::get(1)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default();
        assert!(!s.nodes.is_empty());
        assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        let mut half_typed = s;
        half_typed
            .nodes
            .push(Node::new("bad id", NodeKind::Customer));
        assert_eq!(decode(&encode(&half_typed)), Ok(half_typed));
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
        let saved = encode(&s);
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
