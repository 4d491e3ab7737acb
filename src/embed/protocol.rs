//! The messages of interfaces.md §6.3 as types: what a host page may send (`Inbound`, one
//! variant per message, unknown fields refused) and what the embed sends (`Outbound`), both
//! tagged by `type` as the contract writes them. Pure: `host` reads them from and writes them
//! to `postMessage` through `serde-wasm-bindgen`; the tests here read them from JSON.
//!
//! A scenario is never read here. It is only said to be there (`Given`), and the host's own
//! value goes to the engine's JavaScript boundary (`csp_rules_wasm`), so a report or an error
//! is the module's and the CLI's, byte for byte.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};

mod inbound;

/// The `csp` version of the messages this page speaks.
pub const CSP: u8 = 1;

/// Longest part of a host's message quoted back in an error (a line stays short whatever
/// was sent).
const QUOTE_LIMIT: usize = 120;

/// An `id` a host gave a message, echoed as given in the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Id {
    Number(f64),
    Text(String),
}

/// A field the page hands on unread (a scenario, for the engine's own boundary).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Given;

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Given, D::Error> {
        IgnoredAny::deserialize(d).map(|_| Given)
    }
}

/// An exported file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Svg,
    Png,
}

/// A message from the host page (without its `csp`, checked before). Read as serde's derive
/// for `#[serde(tag = "type", deny_unknown_fields)]` reads it, in one pass (`inbound.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Inbound {
    /// Replaces the diagram with exactly one of a scenario, a preset or a share link.
    Load {
        id: Option<Id>,
        scenario: Option<Given>,
        preset: Option<u32>,
        share: Option<String>,
    },
    /// Judges a scenario without showing it.
    Evaluate {
        id: Option<Id>,
        scenario: Given,
    },
    /// Selects an edge or a node and brings it into view.
    Select {
        edge: Option<String>,
        node: Option<String>,
    },
    Export {
        id: Option<Id>,
        format: Format,
    },
    Set {
        lang: Option<String>,
        theme: Option<String>,
    },
    Fit {},
}

/// What a `load` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Scenario,
    Preset(u32),
    Share(String),
}

/// What a `select` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    Edge(String),
    Node(String),
}

impl Inbound {
    /// The `id` to echo in the answer.
    pub fn id(&self) -> Option<&Id> {
        match self {
            Inbound::Load { id, .. }
            | Inbound::Evaluate { id, .. }
            | Inbound::Export { id, .. } => id.as_ref(),
            Inbound::Select { .. } | Inbound::Set { .. } | Inbound::Fit {} => None,
        }
    }
}

/// The one thing a `load` names, or why it names none or several.
pub fn source(
    scenario: Option<Given>,
    preset: Option<u32>,
    share: Option<String>,
) -> Result<Source, String> {
    match (scenario, preset, share) {
        (Some(Given), None, None) => Ok(Source::Scenario),
        (None, Some(n), None) => Ok(Source::Preset(n)),
        (None, None, Some(link)) => Ok(Source::Share(link)),
        (None, None, None) => Err(refused("load", "give a scenario, a preset or a share link")),
        _ => Err(refused(
            "load",
            "give one of scenario, preset and share, not several",
        )),
    }
}

/// The one thing a `select` names.
pub fn pick(edge: Option<String>, node: Option<String>) -> Result<Pick, String> {
    match (edge, node) {
        (Some(e), None) => Ok(Pick::Edge(e)),
        (None, Some(n)) => Ok(Pick::Node(n)),
        _ => Err(refused("select", "give an edge or a node")),
    }
}

/// A share link as the page's fragment reader takes it: `#scenario=…` (the `#` optional).
pub fn share_fragment(link: &str) -> String {
    let fragment = link.split_once('#').map_or(link, |(_, f)| f);
    fragment.to_string()
}

/// `error: <message type>: <why>`, the error line of a message the page could not carry out.
pub fn refused(what: &str, why: &str) -> String {
    format!("error: {what}: {why}")
}

/// A host's text quoted in an error line: as JSON writes it, cut short.
pub fn quote(text: &str) -> String {
    let short: String = text.chars().take(QUOTE_LIMIT).collect();
    let cut = if short.len() < text.len() { "…" } else { "" };
    format!("{short:?}{cut}")
}

/// Why a message could not be read, as one bounded line (serde's words name the field).
pub fn unreadable(why: &str) -> String {
    let short: String = why.chars().take(2 * QUOTE_LIMIT).collect();
    let cut = if short.len() < why.len() { "…" } else { "" };
    format!("error: message: {short}{cut}")
}

/// An edge's verdict, as `verdicts` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EdgeVerdict {
    pub id: String,
    pub verdict: &'static str,
}

/// The counts of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub allowed: usize,
    pub blocked: usize,
}

/// A message to the host page (the `csp` field is added as it is sent). `R` is a value the
/// page passes through as it is (a report, a scenario).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Outbound<R> {
    Ready {
        version: &'static str,
    },
    Loaded {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<Id>,
        summary: Summary,
    },
    Verdicts {
        edges: Vec<EdgeVerdict>,
        summary: Summary,
    },
    Change {
        scenario: R,
    },
    Select {
        #[serde(skip_serializing_if = "Option::is_none")]
        edge: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        node: Option<String>,
    },
    Step {
        preset: u8,
        step: usize,
        of: usize,
    },
    Quiz {
        score: usize,
        of: usize,
    },
    Resize {
        height: u32,
    },
    Report {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<Id>,
        report: R,
    },
    Export {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<Id>,
        format: Format,
        data: String,
    },
    Error {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<Id>,
        message: String,
    },
}

/// Whether a message from `origin` may be taken: it must be one of the `origin` parameters,
/// compared exactly (no `"*"`, no prefix or case games).
pub fn accepts(origins: &[String], origin: &str) -> bool {
    origins.iter().any(|o| o == origin)
}

/// Whether an `origin` parameter is a serialized origin a message can be sent to: a scheme,
/// `://`, a host and maybe a port, nothing else (not `*`, not `null`, no path). `parsed` is
/// what the browser's URL parser makes of it (`new URL(value).origin`), which must give it
/// back unchanged.
pub fn is_origin(value: &str, parsed: Option<&str>) -> bool {
    value != "null" && value.contains("://") && parsed == Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Inbound, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn the_tables_agree() {
        assert_eq!(csp_rules::tagged::mismatch::<Inbound>(), None);
    }

    #[test]
    fn each_message_reads_as_its_variant() {
        assert_eq!(
            read(r#"{"type":"load","id":3,"preset":6}"#),
            Ok(Inbound::Load {
                id: Some(Id::Number(3.0)),
                scenario: None,
                preset: Some(6),
                share: None
            })
        );
        assert_eq!(
            read(r#"{"type":"evaluate","id":"a","scenario":{"version":1,"anything":[1]}}"#),
            Ok(Inbound::Evaluate {
                id: Some(Id::Text("a".into())),
                scenario: Given
            })
        );
        assert_eq!(
            read(r#"{"type":"select","edge":"e1"}"#),
            Ok(Inbound::Select {
                edge: Some("e1".into()),
                node: None
            })
        );
        assert_eq!(
            read(r#"{"type":"export","id":1,"format":"png"}"#),
            Ok(Inbound::Export {
                id: Some(Id::Number(1.0)),
                format: Format::Png
            })
        );
        assert_eq!(
            read(r#"{"type":"set","theme":"dark"}"#),
            Ok(Inbound::Set {
                lang: None,
                theme: Some("dark".into())
            })
        );
        assert_eq!(read(r#"{"type":"fit"}"#), Ok(Inbound::Fit {}));
        // A scenario given as text is handed on the same way.
        assert!(read(r#"{"type":"evaluate","scenario":"{not json"}"#).is_ok());
    }

    #[test]
    fn unknown_types_fields_and_shapes_are_refused_with_the_reason() {
        let bad = [
            (r#"{"type":"frobnicate"}"#, "unknown variant `frobnicate`"),
            (r#"{"id":1}"#, "missing field `type`"),
            (r#"{"type":"fit","extra":1}"#, "unknown field `extra`"),
            (r#"{"type":"evaluate","id":1}"#, "missing field `scenario`"),
            (
                r#"{"type":"evaluate","scenario":{},"lang":"en"}"#,
                "unknown field `lang`",
            ),
            (
                r#"{"type":"export","format":"gif"}"#,
                "unknown variant `gif`",
            ),
            (r#"{"type":"load","preset":"six"}"#, "expected u32"),
            (r#"{"type":"load","preset":-1}"#, "expected u32"),
            (r#"{"type":"select","edge":7}"#, "expected a string"),
            (r#"{"type":"load","id":{"x":1}}"#, "untagged enum Id"),
            (r#"{"type":7}"#, "expected"),
            (r#"[1,2]"#, ""),
        ];
        for (json, why) in bad {
            let e = read(json).err().unwrap_or_default();
            assert!(!e.is_empty() && e.contains(why), "{json}: {e:?}");
        }
    }

    #[test]
    fn a_load_and_a_select_name_exactly_one_thing() {
        assert_eq!(source(None, Some(6), None), Ok(Source::Preset(6)));
        assert_eq!(
            source(None, None, Some("#scenario=1.j.e30".into())),
            Ok(Source::Share("#scenario=1.j.e30".into()))
        );
        assert_eq!(source(Some(Given), None, None), Ok(Source::Scenario));
        assert_eq!(
            source(None, None, None),
            Err("error: load: give a scenario, a preset or a share link".into())
        );
        assert!(source(Some(Given), Some(1), None).is_err());
        assert_eq!(pick(Some("e1".into()), None), Ok(Pick::Edge("e1".into())));
        assert_eq!(pick(None, Some("ms".into())), Ok(Pick::Node("ms".into())));
        assert!(pick(None, None).is_err() && pick(Some("a".into()), Some("b".into())).is_err());
        assert_eq!(share_fragment("#scenario=1.j.e30"), "scenario=1.j.e30");
        assert_eq!(
            share_fragment("https://x/index.html?lang=en#scenario=1.j.e30"),
            "scenario=1.j.e30"
        );
        assert_eq!(share_fragment("scenario=1.j.e30"), "scenario=1.j.e30");
    }

    #[test]
    fn answers_are_tagged_and_echo_the_id() {
        let text = |m: &Outbound<u8>| serde_json::to_string(m).unwrap_or_default();
        assert_eq!(
            text(&Outbound::Ready { version: "0.1.0" }),
            r#"{"type":"ready","version":"0.1.0"}"#
        );
        let summary = Summary {
            allowed: 3,
            blocked: 1,
        };
        assert_eq!(
            text(&Outbound::Loaded { id: None, summary }),
            r#"{"type":"loaded","summary":{"allowed":3,"blocked":1}}"#
        );
        assert_eq!(
            text(&Outbound::Report {
                id: Some(Id::Text("q".into())),
                report: 7
            }),
            r#"{"type":"report","id":"q","report":7}"#
        );
        assert_eq!(
            text(&Outbound::Error {
                id: Some(Id::Number(2.0)),
                message: "error: x".into()
            }),
            r#"{"type":"error","id":2.0,"message":"error: x"}"#
        );
        assert_eq!(
            text(&Outbound::Select {
                edge: Some("e1".into()),
                node: None
            }),
            r#"{"type":"select","edge":"e1"}"#
        );
    }

    #[test]
    fn only_the_named_origins_exactly() {
        let origins = vec!["https://learn.example.com".to_string()];
        assert!(accepts(&origins, "https://learn.example.com"));
        for other in [
            "https://learn.example.com.evil.test",
            "https://learn.example.co",
            "http://learn.example.com",
            "HTTPS://LEARN.EXAMPLE.COM",
            "null",
            "*",
            "",
        ] {
            assert!(!accepts(&origins, other), "{other}");
        }
        assert!(!accepts(&[], "https://learn.example.com"));
        let o = "http://localhost:8080";
        assert!(is_origin(o, Some(o)));
        assert!(!is_origin("*", None));
        assert!(!is_origin("null", Some("null")));
        assert!(!is_origin(
            "http://localhost:8080/",
            Some("http://localhost:8080")
        ));
        assert!(!is_origin("file:///x", Some("null")));
    }

    #[test]
    fn quoted_text_and_reasons_stay_short() {
        let long = "x".repeat(10_000);
        assert!(quote(&long).chars().count() < 130);
        assert_eq!(quote("fr"), "\"fr\"");
        let line = unreadable(&long);
        assert!(line.starts_with("error: message: ") && line.chars().count() < 270);
    }
}
