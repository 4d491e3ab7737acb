//! A fast hasher for the page's own maps of IDs and indices, rebuilt on edits of large
//! diagrams (rustc's FxHash). std's SipHash guards against crafted keys flooding a server's
//! map; these maps live for one render of the user's own diagram, where it only costs time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0xf135_7aea_2e62_a9c5;

#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = self.hash.wrapping_add(word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weakest; hashbrown reads the top and bottom bits.
        self.hash.rotate_left(26)
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keyed_by_ids_and_pairs_work() {
        let ids: Vec<String> = (0..5000).map(|i| format!("c{i}")).collect();
        let index: FxMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i))
            .collect();
        assert_eq!(index.len(), ids.len());
        assert!(ids
            .iter()
            .enumerate()
            .all(|(i, s)| index.get(s.as_str()) == Some(&i)));
        let pairs: FxSet<(usize, usize)> = (0..100)
            .flat_map(|a| (0..100).map(move |b| (a, b)))
            .collect();
        assert_eq!(pairs.len(), 10_000);
        assert!(!index.contains_key("c5000"));
    }
}
