//! Input errors: what is wrong and where, as one line in either language.

use crate::lang::Lang;

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
            (Place::Field { path, at: None }, _) => path.clone(),
            (
                Place::Field {
                    path,
                    at: Some((l, c)),
                },
                Lang::En,
            ) => format!("{path} (line {l}, column {c})"),
            (
                Place::Field {
                    path,
                    at: Some((l, c)),
                },
                Lang::ZhTw,
            ) => format!("{path}（第 {l} 行第 {c} 欄）"),
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
    TooLarge {
        limit: Limit,
        found: usize,
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
    BadShareLink(String),
    NewerShareLink(u64),
    /// The bytes of a file could not be read at all (the browser refused them).
    Unreadable,
    /// A guide scenario number that names none, as written.
    NoSuchPreset(String),
    /// A picture (SVG) that carries no scenario: not one the explorer exported.
    NoScenarioInPicture,
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
        format!("{}: {}", self.place.render(lang), self.problem_text(lang))
    }

    /// The one line the CLI prints and the JS API throws: `error: place: what is wrong`.
    pub fn line(&self, lang: Lang) -> String {
        let line = format!("error: {}", self.message(lang));
        // One line, whatever the parser's message held.
        line.replace(['\n', '\r'], " ")
    }

    fn problem_text(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match &self.problem {
            Problem::Syntax(m) if en => format!("not valid JSON: {m}"),
            Problem::Syntax(m) => format!("不是有效的 JSON：{m}"),
            Problem::Shape(m) if en => m.clone(),
            Problem::Shape(m) => format!("格式不符：{m}"),
            Problem::MissingField if en => "required field is missing".into(),
            Problem::MissingField => "缺少必要欄位".into(),
            Problem::TooLarge { limit, found } => {
                let max = limit.max();
                match (limit, en) {
                    (Limit::Bytes, true) => {
                        format!("{found} bytes is over the limit of 64 MiB ({max} bytes)")
                    }
                    (Limit::Bytes, false) => {
                        format!("{found} 位元組超過 64 MiB（{max} 位元組）的上限")
                    }
                    (Limit::Nodes, true) => format!("more than the limit of {max} nodes"),
                    (Limit::Nodes, false) => format!("節點數超過 {max} 個的上限"),
                    (Limit::Edges, true) => format!("more than the limit of {max} edges"),
                    (Limit::Edges, false) => format!("關聯數超過 {max} 個的上限"),
                }
            }
            Problem::UnsupportedVersion(v) if en => {
                format!("version {v} is not supported (this tool reads version 1)")
            }
            Problem::UnsupportedVersion(v) => format!("不支援版本 {v}（此工具讀取版本 1）"),
            Problem::BadId(id) if en => format!(
                "{id:?} is not a valid ID (1-64 characters of letters, digits, '-', '_', '.')"
            ),
            Problem::BadId(id) => {
                format!("{id:?} 不是有效的 ID（1 到 64 個英文字母、數字、'-'、'_'、'.'）")
            }
            Problem::DuplicateId { id, first } if en => {
                format!("ID {id:?} is already used at index {first}")
            }
            Problem::DuplicateId { id, first } => format!("ID {id:?} 已在索引 {first} 使用"),
            Problem::UnknownNode(id) if en => format!("no node has the ID {id:?}"),
            Problem::UnknownNode(id) => format!("沒有 ID 為 {id:?} 的節點"),
            Problem::BadDate(d) if en => format!("{d:?} is not a date of the form YYYY-MM-DD"),
            Problem::BadDate(d) => format!("{d:?} 不是 YYYY-MM-DD 格式的日期"),
            Problem::MissingRegion if en => {
                "a region is required on every node but Microsoft".into()
            }
            Problem::MissingRegion => "除了 Microsoft 之外，每個節點都必須有地區".into(),
            Problem::NameTooLong(n) if en => format!("{n} characters is over the limit of 200"),
            Problem::NameTooLong(n) => format!("{n} 個字元超過 200 個字元的上限"),
            Problem::FlagNotForKind { kind } if en => {
                format!("this flag does not apply to a {kind} node")
            }
            Problem::FlagNotForKind { kind } => format!("此旗標不適用於 {kind} 節點"),
            Problem::BadShareLink(why) if en => format!("not a scenario share link ({why})"),
            Problem::BadShareLink(why) => format!("不是有效的情境分享連結（{why}）"),
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
