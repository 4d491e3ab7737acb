//! Every text of the page in English and Traditional Chinese (Taiwan), one module per room
//! that shows it (`common` for the words every room uses). Each text is written once, with both
//! versions side by side, through [`texts!`]; what the engine knows (rule messages, kind,
//! flag and region names, quoting, error lines, fix labels) comes from the engine in the same
//! two languages. This room knows nothing of the page's types: a caller passes plain values.
//!
//! The guide's terms: 間接提供者, 間接轉銷商, 直接帳單合作夥伴, 客戶, Microsoft 合作夥伴合約
//! （MPA）, 租用戶, 地區.

/// Writes texts as functions of the language: `name => "English", "中文";` gives
/// `fn name(lang) -> &'static str`, and `name(a: T, …) => "{a} …", "{a} …";` gives
/// `fn name(lang, a, …) -> String` (the versions name the arguments as `format!` does). Each
/// block also lists its texts in `ALL` as (name, English, Chinese, the arguments' names and
/// types), for the tests.
macro_rules! texts {
    ($( $(#[$m:meta])* $name:ident $(( $($arg:ident: $ty:ty),* ))? => $en:literal, $zh:literal; )*) => {
        $( texts!(@one $(#[$m])* $name $(( $($arg: $ty),* ))? => $en, $zh); )*

        /// Every text of this block: (name, English, Chinese, arguments as (name, type)).
        #[cfg(test)]
        pub const ALL: &[crate::text::Entry] = &[$((
            stringify!($name), $en, $zh,
            &[$($((stringify!($arg), stringify!($ty))),*)?],
        )),*];
    };
    (@one $(#[$m:meta])* $name:ident => $en:literal, $zh:literal) => {
        $(#[$m])*
        pub fn $name(lang: csp_rules::Lang) -> &'static str {
            lang.pick($en, $zh)
        }
    };
    (@one $(#[$m:meta])* $name:ident ( $($arg:ident: $ty:ty),* ) => $en:literal, $zh:literal) => {
        $(#[$m])*
        pub fn $name(lang: csp_rules::Lang, $($arg: $ty),*) -> String {
            // Only the reader's language is formatted.
            match lang {
                csp_rules::Lang::En => format!($en),
                csp_rules::Lang::ZhTw => format!($zh),
            }
        }
    };
}

/// A text as its block lists it: (name, English, Chinese, arguments as (name, type)).
#[cfg(test)]
pub type Entry = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

pub mod audit;
pub mod canvas;
pub mod common;
pub mod embed;
pub mod io;
pub mod num;
pub mod panels;
pub mod shell;
pub mod training;

/// The first letter in upper case (kind names are lower case mid-sentence). ASCII only: the
/// texts it is given are English words or Chinese, which has no case, and a `char`'s full
/// `to_uppercase` brings Unicode's whole case table (12 kB) into the wasm.
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod chinese;

#[cfg(test)]
mod tests {
    use super::*;

    /// A text's words, without the `{argument}`s its versions share.
    fn words(text: &str) -> String {
        let mut out = String::new();
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        let blocks = [
            audit::ALL,
            canvas::ALL,
            common::ALL,
            io::ALL,
            panels::ALL,
            shell::ALL,
            training::ALL,
        ];
        let mut names = std::collections::BTreeSet::new();
        for (name, en, zh, _) in blocks.into_iter().flatten() {
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{name}");
            // Where the English has words to translate, the Chinese really is Chinese.
            let has_words = words(en).chars().any(|c| c.is_ascii_alphabetic());
            assert!(!has_words || en == zh || !zh.is_ascii(), "{name}");
            // The Chinese versions use full-width punctuation for a sentence's end.
            assert!(!words(zh).ends_with(". "), "{name}");
            assert!(names.insert(*name), "{name} is written twice");
        }
        assert_eq!(cap("indirect reseller"), "Indirect reseller");
        assert_eq!(cap(""), "");
    }
}
