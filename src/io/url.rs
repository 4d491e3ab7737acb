//! Reading and writing the page's URL (interfaces.md §5): `?lang=` in the query,
//! `#preset=N` or `#scenario=…` in the fragment. Pure string functions; `web` does the I/O.

use csp_rules::Lang;

/// What the fragment asks the page to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// No fragment the page knows: keep (or start with) the current diagram.
    Nothing,
    /// `#preset=N`, N as written (checked against the presets when opened).
    Preset(String),
    /// `#scenario=…`: the whole fragment, decoded by `csp_rules::share::decode`.
    Share(String),
}

/// Parses `location.hash` (with or without the leading `#`).
pub fn parse_fragment(hash: &str) -> Start {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if let Some(n) = hash.strip_prefix("preset=") {
        Start::Preset(n.split('&').next().unwrap_or(n).to_string())
    } else if hash.starts_with(&format!("{}=", csp_rules::share::KEY)) {
        Start::Share(hash.to_string())
    } else {
        Start::Nothing
    }
}

/// The fragment that opens preset `n`.
pub fn preset_fragment(n: u8) -> String {
    format!("#preset={n}")
}

/// Training asked for after the fragment's scenario: `#preset=6&step=3` resumes a
/// walkthrough, `&quiz=1` (after `#preset=N` or `#scenario=…`) starts a quiz, and with
/// `&seed=K` (an extension) its questions come in the order the seed gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrainingLink {
    pub step: Option<usize>,
    pub quiz: bool,
    pub seed: Option<String>,
}

/// A seed as a quiz link may carry it: 1 to 32 letters, digits, `-` or `_`.
pub fn valid_seed(seed: &str) -> bool {
    (1..=32).contains(&seed.len())
        && seed
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A new seed from `random` (a number in [0, 1), the browser's): eight base-36 digits.
pub fn seed_from(random: f64) -> String {
    let r = if random.is_finite() {
        random.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let mut n = ((r * 36f64.powi(8)) as u64).min(36u64.pow(8) - 1);
    let mut out = [b'0'; 8];
    for d in out.iter_mut().rev() {
        *d = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The quiz link for the diagram `fragment` opens (`#preset=N` or `#scenario=…`), its
/// questions in the order `seed` gives.
pub fn quiz_fragment(fragment: &str, seed: &str) -> String {
    format!("{fragment}&quiz=1&seed={seed}")
}

/// Reads `&step=`, `&quiz=` and `&seed=` from `location.hash`; anything unreadable is ignored.
pub fn training_link(hash: &str) -> TrainingLink {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut link = TrainingLink::default();
    for (k, v) in hash
        .split('&')
        .skip(1)
        .map(|p| p.split_once('=').unwrap_or((p, "")))
    {
        match k {
            "step" => link.step = v.parse().ok().filter(|n| *n > 0),
            "quiz" => link.quiz = v == "1",
            "seed" => link.seed = valid_seed(v).then(|| v.to_string()),
            _ => {}
        }
    }
    link
}

/// The fragment of step `step` of preset `n`'s walkthrough.
pub fn tour_fragment(n: u8, step: usize) -> String {
    format!("#preset={n}&step={step}")
}

/// The `lang` parameter of a query string (`?a=1&lang=zh-TW`), when it names a language.
pub fn lang_param(search: &str) -> Option<Lang> {
    params(search)
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::from_tag(&v.replace("%2D", "-").replace("%2d", "-")))
}

/// The query string with `lang` set to `lang`, other parameters kept in order.
pub fn with_lang(search: &str, lang: Lang) -> String {
    with_param(search, "lang", Some(lang.tag()))
}

/// The value of parameter `name` in a query string (`""` for a bare `?name`), as written.
pub fn param<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    params(search).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// The query string with parameter `name` set to `value` (moved last), or removed when
/// `value` is `None`; the other parameters are kept in order.
pub fn with_param(search: &str, name: &str, value: Option<&str>) -> String {
    let mut out: Vec<String> = params(search)
        .filter(|(k, _)| *k != name)
        .map(|(k, v)| {
            if v.is_empty() {
                k.to_string()
            } else {
                format!("{k}={v}")
            }
        })
        .collect();
    out.extend(value.map(|v| format!("{name}={v}")));
    if out.is_empty() {
        String::new()
    } else {
        format!("?{}", out.join("&"))
    }
}

fn params(search: &str) -> impl Iterator<Item = (&str, &str)> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// A page address without its fragment (what a share link is appended to).
pub fn without_fragment(href: &str) -> &str {
    href.split('#').next().unwrap_or(href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments() {
        assert_eq!(parse_fragment("#preset=3"), Start::Preset("3".into()));
        assert_eq!(parse_fragment("preset=12&x"), Start::Preset("12".into()));
        assert_eq!(
            parse_fragment("#scenario=1.j.e30"),
            Start::Share("scenario=1.j.e30".into())
        );
        assert_eq!(parse_fragment(""), Start::Nothing);
        assert_eq!(parse_fragment("#top"), Start::Nothing);
        assert_eq!(preset_fragment(6), "#preset=6");
    }

    #[test]
    fn lang_in_the_query() {
        assert_eq!(lang_param("?lang=zh-TW"), Some(Lang::ZhTw));
        assert_eq!(lang_param("?x=1&lang=en"), Some(Lang::En));
        assert_eq!(lang_param("?lang=zh%2DTW"), Some(Lang::ZhTw));
        assert_eq!(lang_param("?lang=fr"), None);
        assert_eq!(lang_param(""), None);
        assert_eq!(with_lang("", Lang::ZhTw), "?lang=zh-TW");
        assert_eq!(with_lang("?a=1&lang=en&b", Lang::ZhTw), "?a=1&b&lang=zh-TW");
        assert_eq!(param("?present=1&lang=en", "present"), Some("1"));
        assert_eq!(param("?present&lang=en", "present"), Some(""));
        assert_eq!(param("?lang=en", "present"), None);
        assert_eq!(
            with_param("?present=1&lang=en", "present", None),
            "?lang=en"
        );
        assert_eq!(with_param("?present=1", "present", None), "");
        assert_eq!(
            with_param("?lang=en", "present", Some("1")),
            "?lang=en&present=1"
        );
    }

    #[test]
    fn training_links() {
        let t = |step, quiz| TrainingLink {
            step,
            quiz,
            seed: None,
        };
        assert_eq!(training_link("#preset=6&step=3"), t(Some(3), false));
        assert_eq!(
            parse_fragment("#preset=6&step=3"),
            Start::Preset("6".into())
        );
        assert_eq!(training_link("#preset=6&quiz=1"), t(None, true));
        assert_eq!(training_link("#scenario=1.j.e30&quiz=1"), t(None, true));
        assert_eq!(training_link("#preset=6&step=x&quiz=0"), t(None, false));
        assert_eq!(training_link("#preset=6&step=0"), t(None, false));
        assert_eq!(training_link("#preset=6"), t(None, false));
        assert_eq!(tour_fragment(6, 3), "#preset=6&step=3");
        let seeded = training_link("#preset=7&quiz=1&seed=k3f9x2");
        assert_eq!(
            (seeded.quiz, seeded.seed.as_deref()),
            (true, Some("k3f9x2"))
        );
        assert_eq!(training_link("#preset=7&quiz=1&seed=a%20b").seed, None);
        assert_eq!(
            quiz_fragment("#preset=7", "k3f9x2"),
            "#preset=7&quiz=1&seed=k3f9x2"
        );
    }

    #[test]
    fn seeds_are_short_safe_words() {
        assert!(valid_seed("k3f9x2") && valid_seed("A-b_9"));
        assert!(!valid_seed("") && !valid_seed("a b") && !valid_seed("é"));
        assert!(!valid_seed(&"x".repeat(33)));
        assert_eq!(seed_from(0.0), "00000000");
        assert!(seed_from(0.999_999_999_999).starts_with("zzzzzz"));
        assert_eq!(seed_from(1.0), "zzzzzzzz");
        assert!(valid_seed(&seed_from(0.5)));
        assert_eq!(seed_from(f64::NAN), "00000000");
    }

    #[test]
    fn share_base() {
        assert_eq!(
            without_fragment("http://h/p/?lang=en#preset=1"),
            "http://h/p/?lang=en"
        );
        assert_eq!(without_fragment("http://h/"), "http://h/");
    }
}
