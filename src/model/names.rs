//! Names in two languages. A node's name (and a scenario's title) is the file's own `name`,
//! which every language shows where it has none of its own, and `names`, one per language
//! (an extension of the scenario file). The editor shows and edits the name in the page's
//! language, and an edit never changes what the other language shows:
//! - where the language has a name of its own, the edit sets it (emptied, it is removed, and
//!   the language shows `name` again);
//! - else, where the other language has one of its own, `name` is this language's alone, and
//!   the edit sets `name`;
//! - else both languages show `name`: the edit gives this language a name of its own and the
//!   other keeps showing `name` (when there is no `name` yet, the edit sets `name`).

use csp_rules::{Lang, Localized};

/// The other of the two languages.
pub fn other(lang: Lang) -> Lang {
    lang.pick(Lang::ZhTw, Lang::En)
}

fn own(names: &Option<Localized>, lang: Lang) -> Option<&str> {
    names.as_ref().and_then(|n| n.get(lang))
}

/// What the name field shows in `lang`: its own name, else `name`, else nothing.
pub fn shown(name: &Option<String>, names: &Option<Localized>, lang: Lang) -> String {
    own(names, lang)
        .or(name.as_deref())
        .unwrap_or_default()
        .to_string()
}

/// The name as `other(lang)` shows it, when it differs from what `lang` shows.
pub fn shown_elsewhere(
    name: &Option<String>,
    names: &Option<Localized>,
    lang: Lang,
) -> Option<String> {
    let there = shown(name, names, other(lang));
    (!there.is_empty() && there != shown(name, names, lang)).then_some(there)
}

/// Sets the name in `lang` to `new` (empty: none), as the module says.
pub fn rename(name: &mut Option<String>, names: &mut Option<Localized>, lang: Lang, new: String) {
    let new = Some(new).filter(|n| !n.is_empty());
    if own(names, lang).is_some() {
        let entries = names.get_or_insert_with(Localized::default);
        *lang.pick(&mut entries.en, &mut entries.zh) = new;
        if entries.en.is_none() && entries.zh.is_none() {
            *names = None;
        }
    } else if own(names, other(lang)).is_some() || name.is_none() {
        *name = new;
    } else if let Some(new) = new {
        let entries = names.get_or_insert_with(Localized::default);
        *lang.pick(&mut entries.en, &mut entries.zh) = Some(new);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(en: Option<&str>, zh: Option<&str>) -> Option<Localized> {
        Some(Localized {
            en: en.map(str::to_string),
            zh: zh.map(str::to_string),
        })
    }

    /// What each language shows, after renaming in `lang`.
    fn after(
        mut name: Option<String>,
        mut localized: Option<Localized>,
        lang: Lang,
        new: &str,
    ) -> (String, String, Option<String>, Option<Localized>) {
        rename(&mut name, &mut localized, lang, new.into());
        (
            shown(&name, &localized, Lang::En),
            shown(&name, &localized, Lang::ZhTw),
            name,
            localized,
        )
    }

    #[test]
    fn a_rename_changes_the_readers_language_only() {
        let preset = || Some("Tailspin Toys".to_string());
        let zh = || names(None, Some("Tailspin 玩具"));
        // A preset's node: English in `name`, Chinese of its own.
        let (en, zh_shown, name, n) = after(preset(), zh(), Lang::ZhTw, "Tailspin 公司");
        assert_eq!(
            (en.as_str(), zh_shown.as_str()),
            ("Tailspin Toys", "Tailspin 公司")
        );
        assert_eq!((name, n), (preset(), names(None, Some("Tailspin 公司"))));
        let (en, zh_shown, name, n) = after(preset(), zh(), Lang::En, "Tailspin Ltd");
        assert_eq!(
            (en.as_str(), zh_shown.as_str()),
            ("Tailspin Ltd", "Tailspin 玩具")
        );
        assert_eq!((name.as_deref(), n), (Some("Tailspin Ltd"), zh()));

        // A single name for both: the reader's language gets its own, the other keeps it.
        let (en, zh_shown, name, n) = after(preset(), None, Lang::ZhTw, "Tailspin 玩具");
        assert_eq!(
            (en.as_str(), zh_shown.as_str()),
            ("Tailspin Toys", "Tailspin 玩具")
        );
        assert_eq!((name, n), (preset(), zh()));
        // No name yet: `name`, for both.
        let (en, zh_shown, name, n) = after(None, None, Lang::En, "Contoso");
        assert_eq!(
            (en.as_str(), zh_shown.as_str(), n),
            ("Contoso", "Contoso", None)
        );
        assert_eq!(name.as_deref(), Some("Contoso"));
    }

    #[test]
    fn emptying_a_name_removes_only_that_languages_own() {
        let preset = || Some("Tailspin Toys".to_string());
        // The Chinese of its own goes; Chinese shows `name` again, English is untouched.
        let (en, zh, name, n) = after(preset(), names(None, Some("Tailspin 玩具")), Lang::ZhTw, "");
        assert_eq!(
            (en.as_str(), zh.as_str(), n),
            ("Tailspin Toys", "Tailspin Toys", None)
        );
        assert_eq!(name, preset());
        // `name` was English's alone: emptied, English shows the ID (nothing here).
        let (en, zh, name, _) = after(preset(), names(None, Some("玩具")), Lang::En, "");
        assert_eq!((en.as_str(), zh.as_str(), name), ("", "玩具", None));
        // Both showed `name`: emptying one language's field clears nothing of the other's.
        let (en, zh, name, n) = after(preset(), None, Lang::ZhTw, "");
        assert_eq!(
            (en.as_str(), zh.as_str(), n),
            ("Tailspin Toys", "Tailspin Toys", None)
        );
        assert_eq!(name, preset());
        // One of two own names goes, the other stays.
        let (en, zh, _, n) = after(None, names(Some("A"), Some("甲")), Lang::En, "");
        assert_eq!((en.as_str(), zh.as_str()), ("", "甲"));
        assert_eq!(n, names(None, Some("甲")));
    }

    #[test]
    fn the_other_languages_name_is_said_when_it_differs() {
        let name = Some("Tailspin Toys".to_string());
        let zh = names(None, Some("Tailspin 玩具"));
        assert_eq!(
            shown_elsewhere(&name, &zh, Lang::En).as_deref(),
            Some("Tailspin 玩具")
        );
        assert_eq!(
            shown_elsewhere(&name, &zh, Lang::ZhTw).as_deref(),
            Some("Tailspin Toys")
        );
        assert_eq!(shown_elsewhere(&name, &None, Lang::En), None);
        assert_eq!(shown_elsewhere(&None, &None, Lang::En), None);
        // Blank names of their own are no names: `name` shows.
        assert_eq!(
            shown(&name, &names(Some(" "), None), Lang::En),
            "Tailspin Toys"
        );
    }
}
