//! What a JavaScript caller hands over, as the engine reads it: a scenario as JSON text, and
//! the language of the answer.

use csp_rules::{Lang, Place, Problem, ScenarioError};
use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};

/// A scenario as the JSON text the engine reads, and whether the caller gave it as data.
#[derive(Debug)]
pub(crate) struct Scenario {
    json: String,
    data: bool,
}

impl Scenario {
    /// A string is the scenario's JSON text; anything else is data, written out by
    /// `JSON.stringify` and read by the engine's own parser. (`serde_wasm_bindgen` would read
    /// only the fields a struct names, so an unknown field, an input error for the CLI, would
    /// pass silently.)
    pub(crate) fn read(value: &JsValue) -> Result<Scenario, ScenarioError> {
        if let Some(text) = value.dyn_ref::<JsString>() {
            return Ok(Scenario {
                json: json_text(text),
                data: false,
            });
        }
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .map(|json| Scenario { json, data: true })
            .ok_or_else(|| {
                ScenarioError::new(
                    Place::Input,
                    Problem::Shape("expected a scenario object or its JSON text".into()),
                )
            })
    }

    pub(crate) fn json(&self) -> &[u8] {
        self.json.as_bytes()
    }

    /// The engine's error as this caller can place it: in text by line and column, as the
    /// CLI does; in data by field path alone, since the text it was written to is not theirs.
    pub(crate) fn placed(&self, e: ScenarioError) -> ScenarioError {
        if self.data {
            e.placed_by_path(self.json())
        } else {
            e
        }
    }
}

/// A JavaScript string as Rust text, losing nothing: a lone surrogate would become U+FFFD on
/// the way in, and the engine would judge a scenario the caller never wrote.
fn json_text(text: &JsString) -> String {
    let lossy = String::from(text);
    // Only a string that came in holding U+FFFD can have held a lone surrogate.
    if !lossy.contains('\u{FFFD}') || text.is_valid_utf16() {
        return lossy;
    }
    escape_lone_surrogates(text.iter())
}

/// JSON text from UTF-16 code units. A lone surrogate inside a string literal becomes its
/// `\uXXXX` escape, as `JSON.stringify` writes it, so the parser meets it in its place and
/// refuses it exactly as it refuses the same data given as an object. Anywhere else (between
/// tokens, right after a backslash) no such character is valid, and U+FFFD stands in for it,
/// refused in the same place.
pub(crate) fn escape_lone_surrogates(units: impl IntoIterator<Item = u16>) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => {
                out.push(c);
                if escaped {
                    escaped = false;
                } else if c == '"' {
                    in_string = !in_string;
                } else if c == '\\' && in_string {
                    escaped = true;
                }
            }
            Err(lone) if in_string && !escaped => {
                out.push_str(&format!("\\u{:04x}", lone.unpaired_surrogate()));
            }
            Err(_) => {
                out.push('\u{FFFD}');
                escaped = false;
            }
        }
    }
    out
}

/// The language argument: `en` when absent, else exactly `en` or `zh-TW` (any case), as the
/// CLI's `--lang`; anything else is refused rather than answered in a language not asked for.
pub(crate) fn lang(value: &JsValue) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::default());
    }
    let tag = value.as_string();
    tag.as_deref().and_then(Lang::from_tag).ok_or_else(|| {
        let shown = match tag {
            Some(t) => format!("{:?}", t.chars().take(40).collect::<String>()),
            None => "(not a string)".to_string(),
        };
        crate::thrown(&format!("error: unknown language {shown}; use en or zh-TW"))
    })
}

#[cfg(test)]
mod tests {
    use super::escape_lone_surrogates;

    fn units(parts: &[&str], lone: u16) -> Vec<u16> {
        let mut out = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                out.push(lone);
            }
            out.extend(part.encode_utf16());
        }
        out
    }

    #[test]
    fn well_formed_text_is_unchanged() {
        let text = r#"{"title":"a \"q\" \\ 😀 中文"}"#;
        assert_eq!(escape_lone_surrogates(text.encode_utf16()), text);
    }

    #[test]
    fn a_lone_surrogate_in_a_string_is_written_as_json_stringify_writes_it() {
        let text = escape_lone_surrogates(units(&[r#"{"name":"a"#, r#"b"}"#], 0xD800));
        assert_eq!(text, r#"{"name":"a\ud800b"}"#);
        let text = escape_lone_surrogates(units(&[r#"{"a\"":""#, r#""}"#], 0xDC01));
        assert_eq!(text, r#"{"a\"":"\udc01"}"#);
        // In a key too: keys are strings.
        let text = escape_lone_surrogates(units(&[r#"{""#, r#"":1}"#], 0xDBFF));
        assert_eq!(text, r#"{"\udbff":1}"#);
    }

    #[test]
    fn anywhere_else_it_stays_invalid_where_it_is() {
        // Between tokens.
        let text = escape_lone_surrogates(units(&[r#"{"a":"#, "}"], 0xD800));
        assert_eq!(text, "{\"a\":\u{FFFD}}");
        // Right after a backslash: escaping it there would turn `\` + it into a valid `\\`.
        let text = escape_lone_surrogates(units(&[r#"{"a":"x\"#, r#""}"#], 0xD800));
        assert_eq!(text, "{\"a\":\"x\\\u{FFFD}\"}");
        // After a string closed by a quote, a lone surrogate is outside again.
        let text = escape_lone_surrogates(units(&[r#"{"a":"x""#, "}"], 0xDFFF));
        assert_eq!(text, "{\"a\":\"x\"\u{FFFD}}");
    }
}
