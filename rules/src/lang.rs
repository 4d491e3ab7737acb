//! The two languages every user-facing text exists in.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-TW")]
    ZhTw,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhTw];

    /// The tag used in `--lang` and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// Exactly `en` or `zh-TW` (any case), as the CLI and the URL accept.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        if tag.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if tag.eq_ignore_ascii_case("zh-TW") {
            Some(Lang::ZhTw)
        } else {
            None
        }
    }

    /// Best match for a browser language such as `zh-Hant-TW`, `zh-HK` or `en-GB`.
    pub fn from_browser(tag: &str) -> Option<Lang> {
        let t = tag.to_ascii_lowercase();
        if t.starts_with("zh") {
            // Simplified-Chinese readers still read Traditional better than English.
            Some(Lang::ZhTw)
        } else if t.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Chooses between the two versions of a text.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Lang::En => en,
            Lang::ZhTw => zh,
        }
    }

    /// `text` in this language's quotation marks, as every message quotes a name: “Litware”,
    /// 「Litware」.
    pub fn quote(self, text: &str) -> String {
        // Only this language's is formatted (`pick` would format both).
        match self {
            Lang::En => format!("“{text}”"),
            Lang::ZhTw => format!("「{text}」"),
        }
    }
}

/// A text in both languages, for data that is written once (presets, catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }
}
