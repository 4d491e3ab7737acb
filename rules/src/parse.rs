//! Reading a scenario file: JSON syntax and shape through serde (with the path of the first
//! bad field), then the checks serde can't express. The first problem wins.

use crate::error::{Limit, Place, Problem, ScenarioError};
use crate::hash::{map_with_capacity, set_with_capacity, Map, Set};
use crate::json_path;
use crate::model::{Date, Flag, NodeKind, Scenario, DEFAULT_AS_OF};
use crate::view::ScenarioView;
use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use std::marker::PhantomData;

const LIMIT_MARK: &str = "\u{1}limit:";

/// Reads and validates a scenario file given as bytes (UTF-8, with or without a BOM).
pub fn parse_bytes(bytes: &[u8]) -> Result<Scenario, ScenarioError> {
    parse_checked(bytes).map(|(s, _)| s)
}

/// Reads and validates, keeping what validation learned for the evaluation that follows.
pub(crate) fn parse_checked(bytes: &[u8]) -> Result<(Scenario, Checked), ScenarioError> {
    let scenario: Scenario = read_json(bytes)?;
    let checked = validate(&scenario)?;
    Ok((scenario, checked))
}

/// As [`parse_checked`], into the engine's view of the scenario, which borrows its text from
/// `bytes`: what the CLI judges a file with. The same errors, in the same order.
pub(crate) fn parse_view(bytes: &[u8]) -> Result<(ScenarioView<'_>, Checked), ScenarioError> {
    let view: ScenarioView = read_json(bytes)?;
    let checked = validate_view(&view)?;
    Ok((view, checked))
}

/// A scenario file's JSON, up to its shape: the size limit, an optional BOM, then serde
/// with the path of the first bad field.
fn read_json<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, ScenarioError> {
    if bytes.len() > Limit::MAX_BYTES {
        return Err(ScenarioError::new(
            Place::Input,
            Problem::TooLarge {
                limit: Limit::Bytes,
                found: Some(bytes.len()),
            },
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Natively, UTF-8 is checked once for the whole text, not string by string as serde_json's
    // byte reader does; text that is not UTF-8 goes to that reader, for its error at the first
    // bad byte. In wasm, the byte reader alone: a second reader would compile the scenario's
    // whole deserializer twice.
    #[cfg(not(target_arch = "wasm32"))]
    let read = match core::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<MapOnly<T>>(text),
        Err(_) => serde_json::from_slice::<MapOnly<T>>(bytes),
    };
    #[cfg(target_arch = "wasm32")]
    let read = serde_json::from_slice::<MapOnly<T>>(bytes);
    match read {
        Ok(MapOnly(s)) => Ok(s),
        Err(e) => Err(match json_path::path_of_error(bytes, &e) {
            Some(path) => from_serde(path, &e),
            None => syntax(&e),
        }),
    }
}

/// Reads and validates a scenario file given as text.
pub fn parse(json: &str) -> Result<Scenario, ScenarioError> {
    parse_bytes(json.as_bytes())
}

fn syntax(e: &serde_json::Error) -> ScenarioError {
    ScenarioError::new(
        Place::Json {
            line: e.line(),
            column: e.column(),
        },
        Problem::Syntax(bare_message(e)),
    )
}

/// serde_json's message without the " at line L column C" it appends.
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// A data error (wrong shape, unknown or missing field) at `path`.
fn from_serde(path: String, inner: &serde_json::Error) -> ScenarioError {
    let message = bare_message(inner);
    let at = Some((inner.line(), inner.column())).filter(|(l, _)| *l > 0);
    let field = |p: String| Place::Field { path: p, at };
    if let Some(which) = message.strip_prefix(LIMIT_MARK) {
        let limit = if which == "nodes" {
            Limit::Nodes
        } else {
            Limit::Edges
        };
        return ScenarioError::new(
            Place::field(which),
            Problem::TooLarge { limit, found: None },
        );
    }
    if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        let p = if path == "." {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        return ScenarioError::new(field(p), Problem::MissingField);
    }
    ScenarioError::new(field(shown_path(path)), Problem::Shape(message))
}

/// A path as an error line shows it: the top level (`.`) in words.
fn shown_path(path: String) -> String {
    if path == "." {
        "(top level)".to_string()
    } else {
        path
    }
}

impl ScenarioError {
    /// The same error for a caller that handed over data rather than text (a JavaScript
    /// object, which the JS front ends write out as `json` for the parser): placed by its
    /// field path alone, since a line and column would point into text that caller never saw.
    pub fn placed_by_path(self, json: &[u8]) -> ScenarioError {
        let place = match self.place {
            Place::Json { line, column } => {
                Place::field(shown_path(json_path::path_at(json, line, column)))
            }
            Place::Field { path, .. } => Place::field(path),
            Place::Input => Place::Input,
        };
        ScenarioError { place, ..self }
    }
}

/// Deserializes `nodes`, stopping as soon as the list passes its limit.
pub(crate) fn limited_nodes<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(LimitedSeq {
        max: Limit::MAX_NODES,
        name: "nodes",
        item: PhantomData,
    })
}

/// Deserializes `edges`, stopping as soon as the list passes its limit.
pub(crate) fn limited_edges<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(LimitedSeq {
        max: Limit::MAX_EDGES,
        name: "edges",
        item: PhantomData,
    })
}

struct LimitedSeq<T> {
    max: usize,
    name: &'static str,
    item: PhantomData<T>,
}

/// An optional field holding a struct (`names`, `titles`), read only from a JSON object or
/// `null`, as every object of the format is.
pub(crate) fn object_only<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    MapOnly<T>: Deserialize<'de>,
{
    Option::<MapOnly<T>>::deserialize(d).map(|o| o.map(|MapOnly(t)| t))
}

/// Reads a struct only from a JSON object: serde's derive also takes an array of the field
/// values, which the scenario format does not allow.
pub(crate) struct MapOnly<T>(T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for MapOnly<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = MapOnly<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(MapOnly)
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for LimitedSeq<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a list of {}", self.name)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(MapOnly(item)) = seq.next_element()? {
            if out.len() == self.max {
                return Err(serde::de::Error::custom(format!(
                    "{LIMIT_MARK}{}",
                    self.name
                )));
            }
            out.push(item);
        }
        Ok(out)
    }
}

/// The effective evaluation date of a scenario's `as_of`.
fn date_of(as_of: Option<&str>) -> Result<Date, ScenarioError> {
    match as_of {
        None => Ok(DEFAULT_AS_OF),
        Some(text) => Date::parse(text).ok_or_else(|| {
            ScenarioError::new(Place::field("as_of"), Problem::BadDate(text.to_string()))
        }),
    }
}

/// What validation learns that evaluation needs: each edge's ends as node indices.
#[derive(Debug)]
pub struct Checked {
    pub as_of: Date,
    pub ends: Vec<(usize, usize)>,
}

fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Everything the scenario format requires beyond its JSON shape. Also run on scenarios the
/// page builds in memory, so evaluation never meets a dangling edge.
pub fn validate(s: &Scenario) -> Result<Checked, ScenarioError> {
    validate_view(&ScenarioView::of(s))
}

/// [`validate`], on the engine's view of a scenario.
pub(crate) fn validate_view(s: &ScenarioView) -> Result<Checked, ScenarioError> {
    fn err<T>(path: String, p: Problem) -> Result<T, ScenarioError> {
        Err(ScenarioError::new(Place::field(path), p))
    }
    if s.version != 1 {
        return err("version".into(), Problem::UnsupportedVersion(s.version));
    }
    let as_of = date_of(s.as_of.as_deref())?;
    if s.nodes.len() > Limit::MAX_NODES {
        return err(
            "nodes".into(),
            Problem::TooLarge {
                limit: Limit::Nodes,
                found: Some(s.nodes.len()),
            },
        );
    }
    if s.edges.len() > Limit::MAX_EDGES {
        return err(
            "edges".into(),
            Problem::TooLarge {
                limit: Limit::Edges,
                found: Some(s.edges.len()),
            },
        );
    }
    let mut index: Map<&str, usize> = map_with_capacity(s.nodes.len());
    for (i, n) in s.nodes.iter().enumerate() {
        if !valid_id(&n.id) {
            return err(format!("nodes[{i}].id"), Problem::BadId(n.id.to_string()));
        }
        if let Some(first) = index.insert(n.id.as_ref(), i) {
            return err(
                format!("nodes[{i}].id"),
                Problem::DuplicateId {
                    id: n.id.to_string(),
                    first,
                },
            );
        }
        if let Some(name) = &n.name {
            let chars = name.chars().count();
            if chars > 200 {
                return err(format!("nodes[{i}].name"), Problem::NameTooLong(chars));
            }
        }
        for (lang, name) in n.names.iter().flat_map(|l| l.iter()) {
            let chars = name.chars().count();
            if chars > 200 {
                let path = format!("nodes[{i}].names.{}", lang.tag());
                return err(path, Problem::NameTooLong(chars));
            }
        }
        if n.kind != NodeKind::Microsoft && n.region.as_deref().is_none_or(|r| r.trim().is_empty())
        {
            return err(format!("nodes[{i}].region"), Problem::MissingRegion);
        }
        for flag in Flag::ALL {
            if n.flag_field(flag).is_some() && !n.kind.has_flag(flag) {
                return err(
                    format!("nodes[{i}].{}", flag.as_str()),
                    Problem::FlagNotForKind {
                        kind: n.kind.as_str(),
                    },
                );
            }
        }
    }
    // A set, not a map to the index: two-thirds of the memory, and only an error needs
    // the first index (found then by a scan).
    let mut edge_ids: Set<&str> = set_with_capacity(s.edges.len());
    let mut ends = Vec::with_capacity(s.edges.len());
    for (i, e) in s.edges.iter().enumerate() {
        if !valid_id(&e.id) {
            return err(format!("edges[{i}].id"), Problem::BadId(e.id.to_string()));
        }
        if !edge_ids.insert(e.id.as_ref()) {
            let first = s.edges.iter().position(|f| f.id == e.id).unwrap_or(i);
            return err(
                format!("edges[{i}].id"),
                Problem::DuplicateId {
                    id: e.id.to_string(),
                    first,
                },
            );
        }
        let end = |field: &str, id: &str| -> Result<usize, ScenarioError> {
            match index.get(id) {
                Some(&n) => Ok(n),
                None => err(
                    format!("edges[{i}].{field}"),
                    Problem::UnknownNode(id.to_string()),
                ),
            }
        };
        ends.push((end("from", &e.from)?, end("to", &e.to)?));
    }
    Ok(Checked { as_of, ends })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        match parse(json) {
            Ok(_) => String::from("(parsed)"),
            Err(e) => e.line(crate::Lang::En),
        }
    }

    const OK: &str = r#"{"version":1,"nodes":[{"id":"ms","kind":"microsoft"},{"id":"d","kind":"direct_bill_partner","region":"europe"}],"edges":[{"id":"e1","from":"ms","to":"d","kind":"sells_to"}]}"#;

    #[test]
    fn a_good_file_parses_with_defaults() {
        let s = parse(OK).map_err(|e| e.to_string());
        let s = s.as_ref().map(|s| {
            (
                s.nodes.len(),
                s.edges.len(),
                date_of(s.as_of.as_deref()).map(|d| d.to_string()).ok(),
            )
        });
        assert_eq!(s, Ok((2, 1, Some("2020-05-12".to_string()))));
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        assert_eq!(
            err("{\n  \"version\": 1,\n  nodes: []\n}"),
            "error: line 3, column 3: not valid JSON: key must be a string"
        );
        assert!(
            err("").starts_with("error: line 1, column 0: not valid JSON"),
            "{}",
            err("")
        );
        assert!(
            err(&format!("{OK} x")).starts_with("error: line 1, column "),
            "{}",
            err(&format!("{OK} x"))
        );
    }

    #[test]
    fn shape_errors_name_the_field_path() {
        let bad_kind = OK.replace(r#""kind":"direct_bill_partner""#, r#""kind":"reseller""#);
        assert!(
            err(&bad_kind).starts_with("error: nodes[1].kind (line 1, column "),
            "{}",
            err(&bad_kind)
        );
        assert!(err(&bad_kind).contains("unknown variant `reseller`"));
        let unknown = OK.replace(
            r#""region":"europe""#,
            r#""region":"europe","colour":"red""#,
        );
        assert!(
            err(&unknown).contains("unknown field `colour`"),
            "{}",
            err(&unknown)
        );
        assert!(
            err(&unknown).starts_with("error: nodes[1]"),
            "{}",
            err(&unknown)
        );
        let missing = OK.replace(r#""id":"e1","#, "");
        assert_eq!(
            err(&missing),
            "error: edges[0].id (line 1, column 161): required field is missing"
        );
        assert_eq!(
            err(r#"{"nodes":[]}"#),
            "error: version (line 1, column 12): required field is missing"
        );
        let wrong_type = OK.replace(r#""version":1"#, r#""version":"1""#);
        assert!(
            err(&wrong_type).starts_with("error: version (line 1, column "),
            "{}",
            err(&wrong_type)
        );
    }

    #[test]
    fn semantic_errors_name_the_field_path() {
        let cases = [
            (OK.replace(r#""version":1"#, r#""version":2"#), "error: version: version 2 is not supported (this tool reads version 1)"),
            (OK.replace(r#""version":1"#, r#""version":1,"as_of":"2020-02-30""#), "error: as_of: \"2020-02-30\" is not a date of the form YYYY-MM-DD"),
            (OK.replace(r#""id":"d""#, r#""id":"ms""#).replace(r#""to":"d""#, r#""to":"ms""#), "error: nodes[1].id: ID \"ms\" is already used at index 0"),
            (OK.replace(r#""id":"d""#, r#""id":"d d""#), "error: nodes[1].id: \"d d\" is not a valid ID (1-64 characters of letters, digits, '-', '_', '.')"),
            (OK.replace(r#","region":"europe""#, ""), "error: nodes[1].region: a region is required on every node but Microsoft"),
            (OK.replace(r#""to":"d""#, r#""to":"x""#), "error: edges[0].to: no node has the ID \"x\""),
            (OK.replace(r#""region":"europe""#, r#""region":"europe","onboarded":false"#), "error: nodes[1].onboarded: this flag does not apply to a direct_bill_partner node"),
            (OK.replace(r#""region":"europe""#, &format!(r#""region":"europe","name":"{}""#, "é".repeat(201))), "error: nodes[1].name: 201 characters is over the limit of 200"),
            (OK.replace(r#""region":"europe""#, &format!(r#""region":"europe","names":{{"zh-TW":"{}"}}"#, "名".repeat(201))), "error: nodes[1].names.zh-TW: 201 characters is over the limit of 200"),
        ];
        for (json, want) in cases {
            assert_eq!(err(&json), want);
        }
    }

    #[test]
    fn names_and_titles_in_both_languages_are_read_and_nothing_else() {
        let named = OK
            .replace(r#""version":1"#, r#""version":1,"titles":{"zh-TW":"兩層式"}"#)
            .replace(r#""region":"europe""#, r#""region":"europe","name":"Adatum Direct","names":{"en":"Adatum","zh-TW":"Adatum 直銷"}"#);
        let s = parse(&named).map_err(|e| e.to_string());
        let s = s.as_ref().map(|s| {
            let d = &s.nodes[1];
            (
                d.label_in(crate::Lang::En).to_string(),
                d.label_in(crate::Lang::ZhTw).to_string(),
                s.title_in(crate::Lang::ZhTw).map(str::to_string),
                s.title_in(crate::Lang::En).map(str::to_string),
            )
        });
        assert_eq!(
            s,
            Ok((
                "Adatum".into(),
                "Adatum 直銷".into(),
                Some("兩層式".into()),
                None
            ))
        );
        let french = named.replace(r#""en":"Adatum""#, r#""fr":"Adatum""#);
        assert!(
            err(&french).starts_with("error: nodes[1].names.fr (line 1, column ")
                || err(&french).starts_with("error: nodes[1].names (line 1, column "),
            "{}",
            err(&french)
        );
        assert!(
            err(&french).contains("unknown field `fr`"),
            "{}",
            err(&french)
        );
        // Blank names fall back to `name`; a file without them reads as before.
        let blank = named.replace(r#""zh-TW":"Adatum 直銷""#, r#""zh-TW":"  ""#);
        let s = parse(&blank).map(|s| s.nodes[1].label_in(crate::Lang::ZhTw).to_string());
        assert_eq!(s.ok().as_deref(), Some("Adatum Direct"));
        let plain = parse(OK).map(|s| serde_json::to_string(&s).unwrap_or_default());
        assert!(plain.is_ok_and(|j| !j.contains("names") && !j.contains("titles")));
    }

    #[test]
    fn limits_are_named() {
        let big = vec![b' '; Limit::MAX_BYTES + 1];
        assert_eq!(
            parse_bytes(&big)
                .map_err(|e| e.line(crate::Lang::En))
                .err()
                .as_deref(),
            Some("error: input: 67108865 bytes is over the limit of 64 MiB (67108864 bytes)")
        );
        let nodes: Vec<String> = (0..=Limit::MAX_NODES)
            .map(|i| format!(r#"{{"id":"n{i}","kind":"microsoft"}}"#))
            .collect();
        let json = format!(r#"{{"version":1,"nodes":[{}]}}"#, nodes.join(","));
        assert_eq!(
            err(&json),
            "error: nodes: more than the limit of 200000 nodes"
        );
    }

    #[test]
    fn a_bom_is_accepted_and_bad_utf8_is_an_error() {
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(OK.as_bytes());
        assert!(parse_bytes(&with_bom).is_ok());
        let bad = br#"{"version":1,"title":"\xff"}"#;
        assert!(parse_bytes(bad).is_err());
        // Placed at the bad byte, in a string and outside one, on a later line (as serde_json's
        // byte reader places it: the natively faster text reader never sees such a file).
        let line = |b: &[u8]| parse_bytes(b).map_err(|e| e.line(crate::Lang::En)).err();
        assert_eq!(
            line(b"{\"version\":1,\n\"title\":\"ok \xc3\x28\"}").as_deref(),
            Some("error: line 2, column 13: not valid JSON: invalid unicode code point")
        );
        assert_eq!(
            line(b"{\"version\":1,\n \xff}").as_deref(),
            Some("error: line 2, column 2: not valid JSON: key must be a string")
        );
    }

    #[test]
    fn arrays_never_stand_for_objects() {
        assert!(err("[1,[]]").starts_with("error: (top level) (line 1, column 0): invalid type: sequence, expected a JSON object"), "{}", err("[1,[]]"));
        for (json, place) in [
            (r#"{"version":1,"titles":["T"]}"#, "error: titles (line 1, column 22): invalid type: sequence, expected a JSON object"),
            (r#"{"version":1,"nodes":[{"id":"a","kind":"customer","region":"e","names":["x","y"]}]}"#, "error: nodes[0].names (line 1, column 71): invalid type: sequence, expected a JSON object"),
        ] {
            assert_eq!(err(json), place);
        }
        assert!(parse(r#"{"version":1,"titles":null,"nodes":[{"id":"a","kind":"customer","region":"e","names":{"en":"A"}}]}"#).is_ok());
        let tuple_node = r#"{"version":1,"nodes":[["ms","microsoft"]]}"#;
        assert!(
            err(tuple_node).starts_with("error: nodes[0] (line 1, column "),
            "{}",
            err(tuple_node)
        );
    }

    #[test]
    fn placed_by_path_names_the_field_and_never_a_position() {
        let placed = |json: &str| match parse(json) {
            Ok(_) => String::from("(parsed)"),
            Err(e) => e.placed_by_path(json.as_bytes()).line(crate::Lang::En),
        };
        // A syntax error (here the lone surrogate JSON.stringify writes as an escape) gets
        // the path of the value it is in.
        assert_eq!(
            placed(r#"{"version":1,"nodes":[{"id":"a","kind":"customer","name":"x\ud800"}]}"#),
            "error: nodes[0].name: not valid JSON: unexpected end of hex escape"
        );
        assert_eq!(
            placed(r#"{"version":1,"title":"\udc00","nodes":[]}"#),
            "error: title: not valid JSON: lone leading surrogate in hex escape"
        );
        assert_eq!(
            placed(r#"{"version":1,"nodes":[{"id":"a","kind":"alien"}]}"#),
            "error: nodes[0].kind: unknown variant `alien`, expected one of `microsoft`, `indirect_provider`, `indirect_reseller`, `direct_bill_partner`, `customer`"
        );
        assert_eq!(
            placed("[1]"),
            "error: (top level): invalid type: sequence, expected a JSON object"
        );
        assert_eq!(
            placed(r#"{"version":1,"nodes":[{"id":"a","kind":"customer"}]}"#),
            "error: nodes[0].region: a region is required on every node but Microsoft"
        );
        assert_eq!(
            placed("x"),
            "error: (top level): not valid JSON: expected value"
        );
    }
}
