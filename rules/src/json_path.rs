//! The field path (`nodes[1].kind`) at the place serde_json stopped with an error.
//!
//! A wrapper that tracks the path while deserializing (serde_path_to_error) compiles a second
//! copy of every deserializer, which cost the page about 11 kB of gzip. The path can be
//! recovered instead from the text up to the error's line and column, since serde_json has
//! read it all and found it well-formed up to there.

/// One open container on the way to the error.
enum Frame {
    /// An object; the span of the key whose value is being read, if any.
    Object(Option<(usize, usize)>),
    /// An array and the index of the element being read.
    Array(usize),
}

/// The byte offset just past what serde_json had read at 1-based `line`, `column` (its
/// columns count bytes).
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start + column).min(bytes.len())
}

/// The end (exclusive) of the string whose opening quote is at `open`, or the text's end.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key as written, unescaped when it is a whole JSON string.
fn key_text(raw: &[u8]) -> String {
    serde_json::from_slice::<String>(raw)
        .unwrap_or_else(|_| String::from_utf8_lossy(raw).trim_matches('"').to_string())
}

/// The path of the field a data error (wrong shape, unknown or missing field) of serde_json's
/// is about, read from `bytes`, the text it was reading; `None` for a syntax or I/O error,
/// which has no field.
pub(crate) fn path_of_error(bytes: &[u8], e: &serde_json::Error) -> Option<String> {
    e.is_data().then(|| path_at(bytes, e.line(), e.column()))
}

/// The path, written as serde_path_to_error writes it: `.` for the top level, keys joined
/// by `.`, array indices as `[i]`.
pub(crate) fn path_at(bytes: &[u8], line: usize, column: usize) -> String {
    let end = if line == 0 {
        0
    } else {
        offset_of(bytes, line, column)
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < end {
        let last = i + 1 == end;
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expect_key = false;
            }
            // serde_json stops on a closing bracket to say what the container lacks (a
            // missing field): the error is the container's own, not its last member's.
            b'}' | b']' if last => {
                if let Some(Frame::Object(key)) = stack.last_mut() {
                    *key = None;
                }
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            b'"' => {
                let close = string_end(bytes, i);
                if expect_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some((i, close));
                    }
                    expect_key = false;
                }
                i = close;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
            Frame::Object(Some((from, to))) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key_text(&bytes[*from..*to]));
            }
            Frame::Object(None) => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path serde_json's own error points at, for `T` read from `json`.
    fn path_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        match serde_json::from_str::<T>(json) {
            Ok(v) => format!("(parsed {v:?})"),
            Err(e) => path_at(json.as_bytes(), e.line(), e.column()),
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        n: Option<u8>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
        #[serde(default)]
        more: Vec<Vec<u8>>,
    }

    #[test]
    fn names_the_field_and_the_element() {
        assert_eq!(
            path_of::<Doc>(r#"{"items":[{"id":"a"},{"id":"b","n":300}]}"#),
            "items[1].n"
        );
        assert_eq!(
            path_of::<Doc>(r#"{"items":[{"id":"a"},{"id":7}]}"#),
            "items[1].id"
        );
        assert_eq!(
            path_of::<Doc>("{\n \"items\": [],\n \"more\": [[1, 2], [3, \"x\"]]\n}"),
            "more[1][1]"
        );
        assert_eq!(path_of::<Doc>(r#"{"items":7}"#), "items");
        assert_eq!(path_of::<Doc>(r#"{"items":{"id":"a"}}"#), "items");
    }

    #[test]
    fn an_unknown_key_is_named_and_a_missing_one_names_its_object() {
        assert_eq!(
            path_of::<Doc>(r#"{"items":[{"id":"a","colour":1}]}"#),
            "items[0].colour"
        );
        assert_eq!(path_of::<Doc>(r#"{"items":[{"n":1}]}"#), "items[0]");
        assert_eq!(path_of::<Doc>(r#"{"more":[]}"#), ".");
        assert_eq!(path_of::<Doc>(r#"{"items":[],"\u0063olour":1}"#), "colour");
    }

    #[test]
    fn strings_with_brackets_and_escaped_quotes_do_not_confuse_it() {
        assert_eq!(
            path_of::<Doc>(r#"{"items":[{"id":"a]},{\"[","n":-1}]}"#),
            "items[0].n"
        );
    }

    #[test]
    fn the_top_level_is_a_dot_and_no_position_is_a_dot() {
        assert_eq!(path_of::<Doc>("7"), ".");
        assert_eq!(path_at(b"{}", 0, 0), ".");
        assert_eq!(path_at(b"{\"a\":[1,", 9, 9), "a[1]");
    }
}
