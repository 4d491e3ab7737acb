//! A scenario carried inside a picture, as draw.io carries its diagrams: the page's exported
//! SVG holds the scenario file's JSON in `<metadata id="csp-scenario">`, so a picture pasted
//! into a slide deck or an article can be opened and edited again. Reading one goes through
//! the scenario file's own parser, so a damaged picture gets the same error lines, placed in
//! the picture's text.

use crate::error::{Place, Problem, ScenarioError};
use crate::model::Scenario;
use crate::parse::parse_bytes;

/// The `id` of the `<metadata>` element that carries the scenario.
pub const METADATA_ID: &str = "csp-scenario";

const CDATA_OPEN: &str = "<![CDATA[";
const CDATA_CLOSE: &str = "]]>";

/// The `<metadata>` element that carries `json`, a scenario file's text, in a picture.
pub fn metadata(json: &str) -> String {
    // In CDATA the JSON stays as written, so an error's line and column are the picture's.
    // "]]>" can only be inside a JSON string, where "\u003e" reads as the same text.
    format!(
        r#"<metadata id="{METADATA_ID}">{CDATA_OPEN}{}{CDATA_CLOSE}</metadata>"#,
        json.replace(CDATA_CLOSE, "]]\\u003e")
    )
}

/// Reads a scenario file, or the scenario a picture exported by the explorer carries.
pub fn parse_file(bytes: &[u8]) -> Result<Scenario, ScenarioError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'<') {
        return parse_bytes(bytes);
    }
    let none = || ScenarioError::new(Place::Input, Problem::NoScenarioInPicture);
    let (start, json) = carried(text).ok_or_else(none)?;
    match json {
        Carried::Verbatim(json) => parse_bytes(json).map_err(|e| shifted(e, text, start)),
        Carried::Escaped(json) => parse_bytes(&json),
    }
}

enum Carried<'a> {
    /// In CDATA: the picture's own bytes.
    Verbatim(&'a [u8]),
    /// As character data, entities and all: decoded (its errors' places are the JSON's).
    Escaped(Vec<u8>),
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Where the scenario starts in the picture, and its text.
fn carried(text: &[u8]) -> Option<(usize, Carried<'_>)> {
    let id = [
        format!(r#"id="{METADATA_ID}""#),
        format!("id='{METADATA_ID}'"),
    ]
    .iter()
    .find_map(|id| find(text, id.as_bytes(), 0))?;
    let open_end = find(text, b">", id)?;
    if text.get(open_end.checked_sub(1)?) == Some(&b'/') {
        return None;
    }
    let mut at = open_end + 1;
    while text.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    if text.get(at..)?.starts_with(CDATA_OPEN.as_bytes()) {
        let start = at + CDATA_OPEN.len();
        let end = find(text, CDATA_CLOSE.as_bytes(), start)?;
        return Some((start, Carried::Verbatim(&text[start..end])));
    }
    let end = find(text, b"<", at)?;
    Some((at, Carried::Escaped(unescape(&text[at..end]))))
}

/// XML character data with its five entities and character references decoded.
fn unescape(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while let Some(&b) = data.get(i) {
        if b == b'&' {
            if let Some(len) = data
                .get(i..)
                .and_then(|d| d.iter().take(12).position(|&c| c == b';'))
            {
                let name = &data[i + 1..i + len];
                let decoded = match name {
                    b"lt" => Some('<'),
                    b"gt" => Some('>'),
                    b"amp" => Some('&'),
                    b"quot" => Some('"'),
                    b"apos" => Some('\''),
                    [b'#', b'x' | b'X', hex @ ..] => std::str::from_utf8(hex)
                        .ok()
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32),
                    [b'#', dec @ ..] => std::str::from_utf8(dec)
                        .ok()
                        .and_then(|d| d.parse().ok())
                        .and_then(char::from_u32),
                    _ => None,
                };
                if let Some(c) = decoded {
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    i += len + 1;
                    continue;
                }
            }
        }
        out.push(b);
        i += 1;
    }
    out
}

/// An error found in the JSON that starts at byte `start` of `text`, placed in `text`.
fn shifted(mut e: ScenarioError, text: &[u8], start: usize) -> ScenarioError {
    let before = &text[..start];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
    let shift = |(l, c): (usize, usize)| {
        if l == 1 {
            (line, column + c - 1)
        } else {
            (line + l - 1, c)
        }
    };
    e.place = match e.place {
        Place::Json { line: l, column: c } => {
            let (line, column) = shift((l, c));
            Place::Json { line, column }
        }
        Place::Field { path, at } => Place::Field {
            path,
            at: at.map(shift),
        },
        other => other,
    };
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    const FILE: &str = r#"{"version": 1, "nodes": [{"id": "ms", "kind": "microsoft", "name": "A ]]> B & <C>"}], "edges": []}"#;

    fn picture(json: &str) -> String {
        format!("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">\n  {}\n  <g/></svg>", metadata(json))
    }

    #[test]
    fn a_picture_gives_back_the_scenario_it_carries() {
        let s = parse_file(picture(FILE).as_bytes());
        assert_eq!(s, parse_bytes(FILE.as_bytes()));
        assert_eq!(
            s.ok().and_then(|s| s.nodes[0].name.clone()).as_deref(),
            Some("A ]]> B & <C>")
        );
        // As escaped character data, as an editor may save it.
        let escaped = picture(FILE).replace(
            &metadata(FILE),
            &format!(
                r#"<metadata id='csp-scenario'>{}</metadata>"#,
                FILE.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('"', "&quot;")
            ),
        );
        assert_eq!(parse_file(escaped.as_bytes()), parse_bytes(FILE.as_bytes()));
        // JSON is read as JSON.
        assert_eq!(parse_file(FILE.as_bytes()), parse_bytes(FILE.as_bytes()));
    }

    #[test]
    fn a_damaged_picture_gets_the_parsers_error_placed_in_the_picture() {
        let bad = FILE.replace("microsoft", "micro");
        let e = parse_file(picture(&bad).as_bytes())
            .err()
            .map(|e| e.line(Lang::En));
        let direct = parse_bytes(bad.as_bytes()).err().map(|e| e.line(Lang::En));
        // The same message, at the picture's line 3 and the JSON's column moved along it.
        let direct = direct.unwrap_or_default();
        assert!(direct.contains("(line 1, column 53)"), "{direct}");
        let col = 53 + r#"  <metadata id="csp-scenario"><![CDATA["#.len();
        assert_eq!(
            e,
            Some(direct.replace("(line 1, column 53)", &format!("(line 3, column {col})")))
        );
        let none = parse_file(b"<svg xmlns='http://www.w3.org/2000/svg'><g/></svg>");
        assert_eq!(
            none.err().map(|e| e.line(Lang::En)).as_deref(),
            Some("error: input: this picture holds no scenario (only SVG pictures exported by the explorer do)")
        );
        assert!(parse_file(b"<metadata id=\"csp-scenario\"/>").is_err());
        assert!(parse_file(b"<metadata id=\"csp-scenario\"><![CDATA[{").is_err());
        assert_eq!(
            unescape(b"&#x4e2d;&#25991;&bogus;&"),
            "中文&bogus;&".as_bytes()
        );
    }
}
