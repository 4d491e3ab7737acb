//! The engine's hash maps. Natively, `foldhash`'s seeded fast hasher instead of SipHash: the
//! indices of a 250,000-edge network take half a million lookups. In wasm, std's own (the page
//! has SipHash anyway; a second hasher would only add size). Nothing iterates these maps into
//! the output, so the hasher never changes a report.

#[cfg(not(target_arch = "wasm32"))]
type State = foldhash::fast::RandomState;
#[cfg(target_arch = "wasm32")]
type State = std::collections::hash_map::RandomState;

pub(crate) type Map<K, V> = std::collections::HashMap<K, V, State>;
pub(crate) type Set<K> = std::collections::HashSet<K, State>;

/// An empty map with room for `n` entries.
pub(crate) fn map_with_capacity<K, V>(n: usize) -> Map<K, V> {
    Map::with_capacity_and_hasher(n, State::default())
}

/// An empty set with room for `n` entries.
pub(crate) fn set_with_capacity<K>(n: usize) -> Set<K> {
    Set::with_capacity_and_hasher(n, State::default())
}
