//! Input errors: what is wrong and where, as one line in either language.
//!
//! The line echoes parts of the input (an ID, a key, a date). Those are escaped, so nothing
//! from the input can act on a terminal or break the line, and bounded, so a huge value
//! can't make a huge line.

use crate::lang::Lang;

/// At most about this many characters of any one piece of the input are echoed in an error
/// line; a longer piece is cut with `…`.
pub const ECHO_MAX: usize = 300;

/// Keys in a field path are the format's own (under 20 characters) unless the input is
/// wrong; an unknown key is echoed in full (to `ECHO_MAX`) by the message beside the path.
const PATH_MAX: usize = 64;

/// The whole line's bound, beyond which nothing is left to say.
const LINE_MAX: usize = 1_000;

/// Characters that would act on a terminal or break the line if printed as they are: the C0
/// and C1 controls (ESC, BEL, NUL, U+0085…), DEL, the line and paragraph separators, and the
/// invisible direction and zero-width marks that can make a line read as something else.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// Appends `s` with the characters that need it escaped as Rust writes them (`\u{1b}`, `\0`,
/// `\n`), everything Rust's `{:?}` escapes when `debug`, and at most `max` characters of what
/// that gives, cut with `…` at a character, never inside an escape. Whether it was cut.
fn push_echo(out: &mut String, s: &str, max: usize, debug: bool) -> bool {
    let mut used = 0;
    for c in s.chars() {
        let escaped = (debug && c != '\'') || needs_escape(c);
        let width = if escaped { c.escape_debug().count() } else { 1 };
        if used + width > max {
            out.push('…');
            return true;
        }
        used += width;
        if escaped {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    false
}

/// Text from the input as an error line shows it: quoted and escaped as Rust's `{:?}`
/// writes it, and at most `ECHO_MAX` characters, cut with `…`. The CLI quotes its arguments
/// with it too.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(ECHO_MAX) + 2);
    out.push('"');
    push_echo(&mut out, s, ECHO_MAX, true);
    out.push('"');
    out
}

/// A message of serde's that echoes the input (``unknown field `…`, expected …``, `invalid
/// type: string "…", expected …`): the echoing head escaped and bounded, the serde-written
/// tail (what was expected) kept whole.
fn bounded_message(m: &str) -> String {
    let split = [", expected ", ", there are no "]
        .iter()
        .filter_map(|sep| m.rfind(sep))
        .max()
        .unwrap_or(m.len());
    let (head, tail) = m.split_at(split);
    let mut out = String::new();
    if push_echo(&mut out, head, ECHO_MAX + 40, false) {
        // Keep the head's closing quote, so the cut still reads as a quotation.
        if let Some(close) = head.chars().last().filter(|c| matches!(c, '`' | '"')) {
            out.push(close);
        }
    }
    push_echo(&mut out, tail, LINE_MAX, false);
    out
}

/// Where in the input a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The input as a whole (its size, its encoding, a share link).
    Input,
    /// A JSON syntax position, 1-based.
    Json { line: usize, column: usize },
    /// A field path such as `nodes[3].kind`, with the JSON position when it is known.
    Field {
        path: String,
        at: Option<(usize, usize)>,
    },
}

impl Place {
    pub fn field(path: impl Into<String>) -> Place {
        Place::Field {
            path: path.into(),
            at: None,
        }
    }

    fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (Place::Input, Lang::En) => "input".into(),
            (Place::Input, Lang::ZhTw) => "輸入".into(),
            (Place::Json { line, column }, Lang::En) => format!("line {line}, column {column}"),
            (Place::Json { line, column }, Lang::ZhTw) => format!("第 {line} 行第 {column} 欄"),
            (Place::Field { path, at }, _) => {
                let mut out = String::new();
                push_echo(&mut out, path, PATH_MAX, false);
                match (at, lang) {
                    (None, _) => {}
                    (Some((l, c)), Lang::En) => out.push_str(&format!(" (line {l}, column {c})")),
                    (Some((l, c)), Lang::ZhTw) => out.push_str(&format!("（第 {l} 行第 {c} 欄）")),
                }
                out
            }
        }
    }
}

/// Which limit of the scenario format an input went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Bytes,
    Nodes,
    Edges,
}

impl Limit {
    pub const MAX_BYTES: usize = 64 * 1024 * 1024;
    pub const MAX_NODES: usize = 200_000;
    pub const MAX_EDGES: usize = 250_000;

    pub fn max(self) -> usize {
        match self {
            Limit::Bytes => Self::MAX_BYTES,
            Limit::Nodes => Self::MAX_NODES,
            Limit::Edges => Self::MAX_EDGES,
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON at all; the parser's own words.
    Syntax(String),
    /// JSON of the wrong shape (type, unknown or missing field); the parser's own words.
    Shape(String),
    MissingField,
    /// Past a limit: by how much when that is known (a file's size; not what is left of a
    /// stream once the limit is reached, nor the count of a list once it has passed it).
    TooLarge {
        limit: Limit,
        found: Option<usize>,
    },
    UnsupportedVersion(u64),
    BadId(String),
    DuplicateId {
        id: String,
        first: usize,
    },
    UnknownNode(String),
    BadDate(String),
    MissingRegion,
    NameTooLong(usize),
    FlagNotForKind {
        kind: &'static str,
    },
    BadShareLink(LinkFault),
    NewerShareLink(u64),
    /// The bytes of a file could not be read at all (the browser refused them).
    Unreadable,
    /// A guide scenario number that names none, as written.
    NoSuchPreset(String),
    /// A picture (SVG) that carries no scenario: not one the explorer exported.
    NoScenarioInPicture,
}

/// What is wrong with a share link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkFault {
    /// Not `<format>.<codec>.<data>`.
    Shape,
    /// A format number that is not one, or not written as a writer writes it (`01`, `+1`).
    Format,
    Codec,
    /// Not canonical base64url: a character outside the alphabet, padding, a stray last
    /// character or stray bits.
    Base64,
    /// The compressed data is not a DEFLATE stream.
    Compression,
    /// The checksum of a zlib (`c`) link does not match its content: the link was damaged.
    Checksum,
    /// Bytes after the end of the compressed stream or of the JSON.
    TrailingData,
}

impl LinkFault {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            LinkFault::Shape => (
                "expected <format>.<codec>.<data>",
                "應為 <格式>.<編碼>.<資料>",
            ),
            LinkFault::Format => ("unknown format", "不明的格式"),
            LinkFault::Codec => ("unknown codec", "不明的編碼"),
            LinkFault::Base64 => ("the data is not base64url", "資料不是 base64url"),
            LinkFault::Compression => ("the data does not decompress", "資料無法解壓縮"),
            LinkFault::Checksum => (
                "the data is damaged: its checksum does not match",
                "資料已損壞：總和檢查碼不符",
            ),
            LinkFault::TrailingData => (
                "there is data after the end of the scenario",
                "情境結尾之後還有多餘的資料",
            ),
        };
        lang.pick(en, zh)
    }
}

/// A scenario that can't be read: the first problem found, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    pub place: Place,
    pub problem: Problem,
}

impl ScenarioError {
    pub fn new(place: Place, problem: Problem) -> Self {
        ScenarioError { place, problem }
    }

    /// `place: what is wrong`, in the chosen language.
    pub fn message(&self, lang: Lang) -> String {
        // A full-width colon after a Chinese place (輸入：…, 第 1 行第 2 欄：…).
        let colon = lang.pick(": ", "：");
        format!(
            "{}{colon}{}",
            self.place.render(lang),
            self.problem_text(lang)
        )
    }

    /// The one line the CLI prints and the JS API throws: `error: place: what is wrong`.
    pub fn line(&self, lang: Lang) -> String {
        let line = format!("error: {}", self.message(lang));
        // Every echoed piece is escaped and bounded already; this keeps it so whatever else
        // a message held.
        let mut out = String::with_capacity(line.len().min(LINE_MAX));
        push_echo(&mut out, &line, LINE_MAX, false);
        out
    }

    fn problem_text(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match &self.problem {
            Problem::Syntax(m) if en => format!("not valid JSON: {}", bounded_message(m)),
            Problem::Syntax(m) => format!("不是有效的 JSON：{}", bounded_message(m)),
            Problem::Shape(m) if en => bounded_message(m),
            Problem::Shape(m) => format!("格式不符：{}", bounded_message(m)),
            Problem::MissingField if en => "required field is missing".into(),
            Problem::MissingField => "缺少必要欄位".into(),
            Problem::TooLarge { limit, found } => {
                let max = limit.max();
                match (limit, en, found) {
                    (Limit::Bytes, true, Some(found)) => {
                        format!("{found} bytes is over the limit of 64 MiB ({max} bytes)")
                    }
                    (Limit::Bytes, false, Some(found)) => {
                        format!("{found} 位元組超過 64 MiB（{max} 位元組）的上限")
                    }
                    (Limit::Bytes, true, None) => {
                        format!("more than the limit of 64 MiB ({max} bytes)")
                    }
                    (Limit::Bytes, false, None) => format!("超過 64 MiB（{max} 位元組）的上限"),
                    (Limit::Nodes, true, _) => format!("more than the limit of {max} nodes"),
                    (Limit::Nodes, false, _) => format!("節點數超過 {max} 個的上限"),
                    (Limit::Edges, true, _) => format!("more than the limit of {max} edges"),
                    (Limit::Edges, false, _) => format!("關聯性數量超過 {max} 個的上限"),
                }
            }
            Problem::UnsupportedVersion(v) if en => {
                format!("version {v} is not supported (this tool reads version 1)")
            }
            Problem::UnsupportedVersion(v) => format!("不支援版本 {v}（此工具讀取版本 1）"),
            Problem::BadId(id) if en => format!(
                "{} is not a valid ID (1-64 characters of letters, digits, '-', '_', '.')",
                quoted(id)
            ),
            Problem::BadId(id) => format!(
                "{} 不是有效的 ID（1 到 64 個英文字母、數字、「-」、「_」、「.」）",
                quoted(id)
            ),
            Problem::DuplicateId { id, first } if en => {
                format!("ID {} is already used at index {first}", quoted(id))
            }
            Problem::DuplicateId { id, first } => {
                format!("ID {} 已在索引 {first} 使用", quoted(id))
            }
            Problem::UnknownNode(id) if en => format!("no node has the ID {}", quoted(id)),
            Problem::UnknownNode(id) => format!("沒有 ID 為 {} 的節點", quoted(id)),
            Problem::BadDate(d) if en => {
                format!("{} is not a date of the form YYYY-MM-DD", quoted(d))
            }
            Problem::BadDate(d) => format!("{} 不是 YYYY-MM-DD 格式的日期", quoted(d)),
            Problem::MissingRegion if en => {
                "a region is required on every node but Microsoft".into()
            }
            Problem::MissingRegion => "除了 Microsoft 之外，每個節點都必須有地區".into(),
            Problem::NameTooLong(n) if en => format!("{n} characters is over the limit of 200"),
            Problem::NameTooLong(n) => format!("{n} 個字元超過 200 個字元的上限"),
            Problem::FlagNotForKind { kind } if en => {
                format!("this flag does not apply to a {kind} node")
            }
            Problem::FlagNotForKind { kind } => {
                // The kind by its Chinese name, quoted (「Microsoft」 needs no spaces then).
                let name = crate::model::NodeKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == *kind)
                    .map_or(*kind, |k| crate::names::kind_name(k, lang));
                format!("此旗標不適用於「{name}」節點")
            }
            Problem::BadShareLink(why) if en => {
                format!("not a scenario share link ({})", why.text(lang))
            }
            Problem::BadShareLink(why) => format!("不是有效的情境分享連結（{}）", why.text(lang)),
            Problem::NewerShareLink(v) if en => format!(
                "this link was made by a newer version (format {v}); this version reads format 1"
            ),
            Problem::NewerShareLink(v) => {
                format!("此連結由較新版本建立（格式 {v}）；此版本只能讀取格式 1")
            }
            Problem::Unreadable if en => "the file could not be read".into(),
            Problem::Unreadable => "無法讀取檔案".into(),
            Problem::NoSuchPreset(n) if en => {
                format!("there is no guide scenario {n:?} (use #preset=1 to #preset=8)")
            }
            Problem::NoSuchPreset(n) => {
                format!("沒有指南範例案例 {n:?}（請使用 #preset=1 到 #preset=8）")
            }
            Problem::NoScenarioInPicture if en => {
                "this picture holds no scenario (only SVG pictures exported by the explorer do)"
                    .into()
            }
            Problem::NoScenarioInPicture => {
                "此圖片不含情境（只有從本工具匯出的 SVG 圖片才有）".into()
            }
        }
    }
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ScenarioError {}

#[cfg(test)]
#[allow(clippy::panic)] // a failing test panics
mod tests {
    use crate::lang::Lang;
    use crate::parse::parse;

    /// The error line for `json`, in both languages (English returned).
    fn line(json: &str) -> String {
        let e = match parse(json) {
            Ok(_) => panic!("parsed: {json:.80}"),
            Err(e) => e,
        };
        let zh = e.line(Lang::ZhTw);
        assert_safe(&zh);
        let en = e.line(Lang::En);
        assert_safe(&en);
        en
    }

    /// Nothing in the line acts on a terminal or breaks it, and it is short.
    fn assert_safe(line: &str) {
        for c in line.chars() {
            assert!(
                !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}'),
                "{:?} in {line:?}",
                c
            );
        }
        assert!(
            line.chars().count() <= 800,
            "{} chars",
            line.chars().count()
        );
    }

    const NASTY: &str = r"\u001b]0;owned\u0007\u001b[2J\u0000\u2028\u0085\u009b\u202e";

    #[test]
    fn control_characters_from_the_input_are_escaped() {
        let key = line(&format!(r#"{{"version":1,"{NASTY}":1}}"#));
        assert!(
            key.contains(r"unknown field `\u{1b}]0;owned\u{7}\u{1b}[2J"),
            "{key}"
        );
        assert!(key.starts_with(r"error: \u{1b}]0;owned"), "{key}");
        let kind = line(&format!(
            r#"{{"version":1,"nodes":[{{"id":"a","kind":"{NASTY}"}}]}}"#
        ));
        assert!(kind.contains(r"unknown variant `\u{1b}]0;owned"), "{kind}");
        assert!(kind.contains(r"\u{2028}\u{85}\u{9b}\u{202e}`"), "{kind}");
        let id = line(&format!(
            r#"{{"version":1,"nodes":[{{"id":"{NASTY}","kind":"microsoft"}}]}}"#
        ));
        assert!(id.contains(r#""\u{1b}]0;owned\u{7}"#), "{id}");
        let to = line(&format!(
            r#"{{"version":1,"nodes":[{{"id":"a","kind":"microsoft"}}],"edges":[{{"id":"e","from":"a","to":"{NASTY}","kind":"manages"}}]}}"#
        ));
        assert!(to.contains(r"[2J\0\u{2028}"), "{to}");
        line(&format!(r#"{{"version":1,"as_of":"{NASTY}"}}"#));
        line(&format!(r#"{{"version":"{NASTY}"}}"#));
        line(&format!(r#"{{"version":1,"title":["{NASTY}"]}}"#));
    }

    #[test]
    fn echoed_input_is_bounded() {
        let huge = "😀".repeat(1_000_000);
        let cases = [
            format!(r#"{{"version":1,"nodes":[{{"id":"{huge}","kind":"microsoft"}}]}}"#),
            format!(r#"{{"version":1,"{huge}":1}}"#),
            format!(r#"{{"version":1,"nodes":[{{"id":"a","kind":"{huge}"}}]}}"#),
            format!(r#"{{"version":1,"as_of":"{huge}"}}"#),
            format!(r#"{{"version":"{huge}"}}"#),
            format!(
                r#"{{"version":1,"nodes":[{{"id":"a","kind":"microsoft"}}],"edges":[{{"id":"e","from":"a","to":"{huge}","kind":"manages"}}]}}"#
            ),
        ];
        for json in &cases {
            let l = line(json);
            assert!(l.contains('…'), "{l}");
            assert!(l.contains("😀😀😀"), "{l}");
            let echoed = l.matches('😀').count();
            assert!((250..=400).contains(&echoed), "{echoed} echoed: {l}");
        }
    }

    #[test]
    fn ordinary_input_is_echoed_as_before() {
        assert_eq!(
            line(r#"{"version":1,"nodes":[{"id":"d d","kind":"microsoft"}]}"#),
            "error: nodes[0].id: \"d d\" is not a valid ID (1-64 characters of letters, digits, '-', '_', '.')"
        );
        assert_eq!(
            line(r#"{"version":1,"nodes":[{"id":"a","kind":"reseller"}]}"#),
            "error: nodes[0].kind (line 1, column 49): unknown variant `reseller`, expected one of `microsoft`, `indirect_provider`, `indirect_reseller`, `direct_bill_partner`, `customer`"
        );
        assert_eq!(
            line(r#"{"version":1,"as_of":"someday"}"#),
            "error: as_of: \"someday\" is not a date of the form YYYY-MM-DD"
        );
    }
}
