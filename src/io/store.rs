//! A key–value store of text: the browser's `localStorage`, behind a trait so that what the
//! page does with it (keeping a replaced diagram before a write, checking a copy, making room)
//! is tested natively against a store with a quota, as a full browser storage behaves.

use super::web;

/// Text stored under keys. `set` answers whether the value was stored (storage full, turned
/// off or refused: `false`, and the old value, if any, stays).
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> bool;
    fn remove(&self, key: &str);
}

/// The browser's `localStorage` (nothing at all once `web::turn_storage_off` was called).
#[derive(Debug, Clone, Copy, Default)]
pub struct Local;

impl Store for Local {
    fn get(&self, key: &str) -> Option<String> {
        web::storage_get(key)
    }
    fn set(&self, key: &str, value: &str) -> bool {
        web::storage_set(key, value)
    }
    fn remove(&self, key: &str) {
        web::storage_remove(key);
    }
}

/// A store in memory with a quota in characters (keys and values), as Chromium counts its
/// per-origin quota; for tests.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Memory {
    pub map: std::cell::RefCell<std::collections::BTreeMap<String, String>>,
    pub quota: usize,
}

#[cfg(test)]
impl Memory {
    pub fn with_quota(quota: usize) -> Memory {
        Memory {
            quota,
            ..Memory::default()
        }
    }

    /// Characters in use.
    pub fn used(&self) -> usize {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }

    /// Fills the store with filler under `key` until not one more character fits.
    pub fn fill(&self, key: &str) {
        let room = self.quota.saturating_sub(self.used() + key.chars().count());
        self.map.borrow_mut().insert(key.into(), "x".repeat(room));
    }
}

#[cfg(test)]
impl Store for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> bool {
        let old = self
            .map
            .borrow()
            .get(key)
            .map_or(0, |v| key.chars().count() + v.chars().count());
        if self.used() - old + key.chars().count() + value.chars().count() > self.quota {
            return false;
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        true
    }
    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }
}
