//! Recent: the diagrams this browser had saved that another one replaced (a link edited in
//! another tab, a new diagram, another tab's save), newest first, at most [`MAX`], so that a
//! diagram replaced by another is one click away. Each is kept exactly as it was saved, under
//! a key of its own (`csp-explorer/recent/…`), and listed with its title, time and size in an
//! index (`csp-explorer/recent`) that the list reads without reading the diagrams.

use super::storage::{self, Saved};
use super::store::Store;
use csp_rules::Lang;
use serde::{Deserialize, Serialize};

/// Where the list is kept.
pub const INDEX_KEY: &str = "csp-explorer/recent";
/// The start of each kept diagram's key.
pub const ENTRY_PREFIX: &str = "csp-explorer/recent/";
/// How many diagrams Recent keeps; the oldest goes when another comes.
pub const MAX: usize = 10;

/// One diagram in Recent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Where its saved text is.
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_zh: Option<String>,
    /// When it was last saved, in ms since 1970.
    #[serde(default)]
    pub at: f64,
    #[serde(default)]
    pub nodes: usize,
    #[serde(default)]
    pub edges: usize,
}

impl Entry {
    /// The entry for saved text kept under `key` (saved at `now` when it does not say).
    pub fn of(key: String, saved: &Saved, now: f64) -> Entry {
        let s = &saved.scenario;
        Entry {
            key,
            doc: saved.doc.clone(),
            title: s.title.clone().filter(|t| !t.trim().is_empty()),
            title_zh: s.title_in(Lang::ZhTw).map(str::to_string),
            at: saved.at.unwrap_or(now),
            nodes: s.nodes.len(),
            edges: s.edges.len(),
        }
    }

    /// Its title in `lang`, if it has one.
    pub fn title_in(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::ZhTw => self.title_zh.as_deref().or(self.title.as_deref()),
            Lang::En => self.title.as_deref(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Index {
    schema: u64,
    entries: Vec<Entry>,
}

/// The list, newest first; `None` when the stored list can't be read (a newer version's):
/// then it is left as it is.
fn index(store: &impl Store) -> Option<Vec<Entry>> {
    match store.get(INDEX_KEY) {
        None => Some(Vec::new()),
        Some(raw) => serde_json::from_str::<Index>(&raw)
            .ok()
            .filter(|i| i.schema == storage::SCHEMA)
            .map(|i| i.entries),
    }
}

fn write_index(store: &impl Store, entries: &[Entry]) -> bool {
    let index = serde_json::to_string(&Index {
        schema: storage::SCHEMA,
        entries: entries.to_vec(),
    });
    index.is_ok_and(|text| store.set(INDEX_KEY, &text))
}

/// The diagrams in Recent, newest first.
pub fn list(store: &impl Store) -> Vec<Entry> {
    index(store).unwrap_or_default()
}

/// The saved text of an entry, if it is still there.
pub fn text(store: &impl Store, key: &str) -> Option<String> {
    key.starts_with(ENTRY_PREFIX)
        .then(|| store.get(key))
        .flatten()
}

/// Keeps saved text (`raw`, read as `saved`) in Recent, as the newest entry; the same text
/// again moves to the top. Room is made by letting the oldest entries go. The key it is kept
/// under, or `None` when it could not be kept: then Recent is as it was.
pub fn add(store: &impl Store, raw: &str, saved: &Saved, now: f64) -> Option<String> {
    let mut entries = index(store)?;
    let key = format!("{ENTRY_PREFIX}{:016x}", storage::fingerprint(raw));
    entries.retain(|e| e.key != key);
    // Entries let go to make room, with their text, to put back if it is all in vain.
    let mut freed: Vec<(String, Option<String>)> = Vec::new();
    let free = |e: Entry, freed: &mut Vec<(String, Option<String>)>| {
        freed.push((e.key.clone(), store.get(&e.key)));
        store.remove(&e.key);
    };
    let undo = |freed: &[(String, Option<String>)]| {
        for (k, t) in freed.iter().rev() {
            if let Some(t) = t {
                store.set(k, t);
            }
        }
    };
    while !store.set(&key, raw) {
        let Some(e) = entries.pop() else {
            undo(&freed);
            return None;
        };
        free(e, &mut freed);
    }
    entries.insert(0, Entry::of(key.clone(), saved, now));
    let dropped = entries.split_off(entries.len().min(MAX));
    while !write_index(store, &entries) {
        match entries.pop() {
            Some(e) if !entries.is_empty() => free(e, &mut freed),
            _ => {
                store.remove(&key);
                undo(&freed);
                return None;
            }
        }
    }
    for e in dropped {
        store.remove(&e.key);
    }
    Some(key)
}

/// Keeps a diagram of this tab's (not saved text) in Recent, as diagram `doc`.
pub fn add_scenario(
    store: &impl Store,
    scenario: &csp_rules::Scenario,
    doc: Option<&str>,
    now: f64,
) -> Option<String> {
    let raw = storage::encode(scenario, doc, Some(now));
    let saved = Saved {
        scenario: scenario.clone(),
        doc: doc.map(str::to_string),
        at: Some(now),
    };
    add(store, &raw, &saved, now)
}

/// Lets Recent's oldest entry go (never `keep`'s) to make room; `false` when there is none.
pub fn let_oldest_go(store: &impl Store, keep: Option<&str>) -> bool {
    let Some(mut entries) = index(store) else {
        return false;
    };
    let Some(i) = entries.iter().rposition(|e| Some(e.key.as_str()) != keep) else {
        return false;
    };
    let gone = entries.remove(i);
    store.remove(&gone.key);
    write_index(store, &entries) || store.get(&gone.key).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::store::Memory;
    use csp_rules::presets;

    fn saved(n: usize) -> (String, Saved) {
        let mut scenario = presets::get(1 + n as u8 % 8)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default();
        scenario.title = Some(format!("Diagram {n}"));
        let raw = storage::encode(&scenario, Some(&format!("d{n}")), Some(n as f64));
        let s = Saved {
            scenario,
            doc: Some(format!("d{n}")),
            at: Some(n as f64),
        };
        (raw, s)
    }

    #[test]
    fn recent_keeps_the_last_ten_newest_first_each_as_it_was_saved() {
        let store = Memory::with_quota(1 << 22);
        for n in 0..12 {
            let (raw, s) = saved(n);
            let key = add(&store, &raw, &s, 99.0);
            assert_eq!(key.and_then(|k| text(&store, &k)), Some(raw), "{n}");
        }
        let entries = list(&store);
        let titles: Vec<_> = entries.iter().map(|e| e.title_in(Lang::En)).collect();
        let want: Vec<String> = (2..12).rev().map(|n| format!("Diagram {n}")).collect();
        assert_eq!(
            titles,
            want.iter().map(|t| Some(t.as_str())).collect::<Vec<_>>()
        );
        assert_eq!(entries[0].at, 11.0);
        assert_eq!(entries[0].doc.as_deref(), Some("d11"));
        // The two oldest are gone from storage too, not only from the list.
        assert_eq!(store.map.borrow().len(), MAX + 1);
        // The same text again is one entry, now the newest.
        let (raw, s) = saved(5);
        add(&store, &raw, &s, 99.0);
        let entries = list(&store);
        assert_eq!(entries.len(), MAX);
        assert_eq!(entries[0].title.as_deref(), Some("Diagram 5"));
        assert!(
            text(&store, "csp-explorer/diagram").is_none(),
            "only Recent's keys"
        );
    }

    #[test]
    fn a_full_store_lets_the_oldest_go_and_a_list_it_cannot_read_is_left_alone() {
        let (raw, s) = saved(0);
        let store = Memory::with_quota(raw.len() * 3 + 2_000);
        for n in 0..5 {
            let (raw, s) = saved(n);
            assert!(add(&store, &raw, &s, 0.0).is_some(), "{n}");
        }
        assert!(list(&store).len() < 5, "older entries made room");
        assert!(store.used() <= store.quota);
        let tiny = Memory::with_quota(raw.len() / 2);
        assert_eq!(add(&tiny, &raw, &s, 0.0), None);
        assert!(tiny.map.borrow().is_empty(), "nothing half written");

        let newer = Memory::with_quota(1 << 20);
        newer.set(INDEX_KEY, r#"{"schema":2,"entries":"elsewhere"}"#);
        assert_eq!(add(&newer, &raw, &s, 0.0), None);
        assert_eq!(
            newer.get(INDEX_KEY).as_deref(),
            Some(r#"{"schema":2,"entries":"elsewhere"}"#)
        );
        assert!(!let_oldest_go(&newer, None));
    }
}
