//! Saving the diagram without losing anything stored: nothing is overwritten unless it is
//! this tab's own last save (or what it started from). Anything else, another tab's diagram or
//! an earlier session's, is first kept, in Recent (`recent`) when it can be read, aside
//! (`storage::keep_aside`) when it can't, and the save is refused when it can't be kept.

use super::recent;
use super::storage::{fingerprint, keep_aside, read, same_scenario, KEY};
use super::store::Store;

/// Keeps stored text that is about to be overwritten: in Recent when it can be read, aside
/// when it can't. The key it is under, or `None` when it could not be kept.
fn keep(store: &impl Store, raw: &str, now: f64) -> Option<String> {
    match read(raw) {
        Ok(saved) => recent::add(store, raw, &saved, now),
        Err(_) => keep_aside(store, raw),
    }
}

/// A save of this tab's diagram.
#[derive(Debug, Clone, Copy)]
pub struct Write<'a> {
    /// The text to save (`encode`).
    pub text: &'a str,
    /// The fingerprint of the stored text this tab may overwrite: its own last save of this
    /// diagram, or the saved text it started from.
    pub base: Option<u64>,
    /// Stored text the user let go of (unreadable text they downloaded or discarded).
    pub released: Option<u64>,
    /// The time, in ms since 1970.
    pub now: f64,
}

/// Why a save was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// What was stored could not be kept, so it was not overwritten.
    NotKept,
    /// The diagram did not fit, even with Recent's oldest entries let go.
    Full,
}

/// Saves the diagram, first keeping whatever else is stored there. With storage full, Recent's
/// oldest entries make room (never the one just kept). The fingerprint of what was written.
pub fn save(store: &impl Store, w: Write) -> Result<u64, SaveError> {
    let stored = store.get(KEY);
    let mut kept = None;
    if let Some(old) = stored.as_deref() {
        let fp = fingerprint(old);
        // Already stored (another tab saved the same): writing it again would only tell the
        // other tabs of a change that is none.
        if same_scenario(old, w.text) {
            return Ok(fp);
        }
        let ours = w.base == Some(fp) || w.released == Some(fp);
        if !ours {
            kept = Some(keep(store, old, w.now).ok_or(SaveError::NotKept)?);
        }
    }
    loop {
        if store.set(KEY, w.text) {
            return Ok(fingerprint(w.text));
        }
        if !recent::let_oldest_go(store, kept.as_deref()) {
            return Err(SaveError::Full);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::storage::{encode, KEPT_KEY};
    use crate::io::store::Memory;
    use csp_rules::{presets, Scenario};

    fn preset(n: u8) -> Scenario {
        presets::get(n)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default()
    }

    fn write(text: &str, base: Option<u64>) -> Write<'_> {
        Write {
            text,
            base,
            released: None,
            now: 1_000.0,
        }
    }

    #[test]
    fn a_save_keeps_what_another_tab_or_session_stored_before_overwriting_it() {
        let store = Memory::with_quota(1 << 22);
        let mine = encode(&preset(1), Some("a"), Some(1.0));
        let fp = save(&store, write(&mine, None));
        assert_eq!(fp, Ok(fingerprint(&mine)));
        // This tab's own next save goes over its last one: nothing is kept.
        let edited = encode(&preset(2), Some("a"), Some(2.0));
        let fp = save(&store, write(&edited, fp.ok()));
        assert!(recent::list(&store).is_empty());
        // Another tab saves another diagram over it: this tab's is kept in Recent first.
        let theirs = encode(&preset(3), Some("b"), Some(3.0));
        assert!(save(&store, write(&theirs, None)).is_ok());
        let kept = recent::list(&store);
        assert_eq!(kept.len(), 1);
        assert_eq!(recent::text(&store, &kept[0].key), Some(edited.clone()));
        assert_eq!((kept[0].doc.as_deref(), kept[0].at), (Some("a"), 2.0));
        // This tab saves again, from its own last save: the other tab's goes to Recent.
        assert!(save(&store, write(&encode(&preset(4), Some("a"), None), fp.ok())).is_ok());
        assert_eq!(recent::list(&store).len(), 2);
        // The same scenario saved again, whoever saved it, is neither kept twice nor
        // written again (other tabs would hear of a change that is none).
        let stored = store.get(KEY);
        let again = encode(&preset(4), Some("c"), Some(9.0));
        let fp = save(&store, write(&again, None));
        assert_eq!(recent::list(&store).len(), 2);
        assert_eq!(store.get(KEY), stored);
        assert_eq!(fp.ok(), stored.as_deref().map(fingerprint));
    }

    #[test]
    fn unreadable_stored_text_is_kept_aside_checked_and_never_overwritten_unkept() {
        let raw = r#"{"schema":99,"scenario":"from a newer version"}"#;
        let store = Memory::with_quota(1 << 20);
        assert_eq!(keep_aside(&store, raw).as_deref(), Some(KEPT_KEY));
        assert_eq!(keep_aside(&store, raw).as_deref(), Some(KEPT_KEY), "once");
        let other = r#"{"schema":98}"#;
        assert_eq!(keep_aside(&store, other), Some(format!("{KEPT_KEY}-2")));
        assert_eq!(
            store.get(KEPT_KEY).as_deref(),
            Some(raw),
            "the first is kept"
        );

        // Storage full: the copy fails, and says so; then no save goes over the text.
        let full = Memory::with_quota(raw.len() + KEY.len() + 40);
        full.set(KEY, raw);
        full.fill("filler");
        assert_eq!(keep_aside(&full, raw), None);
        assert!(full.get(KEPT_KEY).is_none(), "no half copy is left");
        let mine = encode(&Scenario::default(), Some("a"), None);
        assert_eq!(save(&full, write(&mine, None)), Err(SaveError::NotKept));
        assert_eq!(full.get(KEY).as_deref(), Some(raw));
        // Once the user has downloaded or discarded it, it may go.
        full.remove("filler");
        let released = Write {
            released: Some(fingerprint(raw)),
            ..write(&mine, None)
        };
        assert!(save(&full, released).is_ok());
        assert_eq!(full.get(KEY), Some(mine));
    }

    #[test]
    fn with_storage_full_recents_oldest_make_room_and_the_save_says_when_it_cannot() {
        let big: Scenario = preset(6);
        let one = encode(&big, Some("x"), None).len();
        let store = Memory::with_quota(one * 4);
        for n in 0..6u8 {
            let mut s = big.clone();
            s.title = Some(format!("v{n}"));
            let text = encode(&s, Some(&format!("d{n}")), Some(f64::from(n)));
            assert!(save(&store, write(&text, None)).is_ok(), "save {n}");
            assert_eq!(store.get(KEY), Some(text));
        }
        assert!(store.used() <= store.quota);
        // The one just replaced is always kept; older ones made room.
        let titles: Vec<_> = recent::list(&store).into_iter().map(|e| e.title).collect();
        assert_eq!(titles.first().cloned().flatten().as_deref(), Some("v4"));
        let tiny = Memory::with_quota(one / 2);
        let text = encode(&big, None, None);
        assert_eq!(save(&tiny, write(&text, None)), Err(SaveError::Full));
    }
}
