//! A zlib writer (RFC 1950 around RFC 1951 DEFLATE) for share links.
//!
//! Our own, small one: miniz_oxide's compressor was 9.6 kB of the rules module's gzip and a
//! share link needs only one setting. LZ77 over a 32 KiB window with hash chains and one step
//! of lazy matching, then per block of symbols a dynamic Huffman code (the fixed one would win
//! only on links of a few dozen bytes, for 0.5 kB more code). Links come out within a fraction
//! of a percent of zlib's level 9. Every step is linear in the input: chains are cut at a fixed
//! length and a match at a fixed size.

const WINDOW: usize = 1 << 15;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 15;
/// Candidates looked at per position, and a quarter of that once a good match is in hand.
const MAX_CHAIN: usize = 256;
const GOOD: usize = 32;
/// A match this long is taken at once.
const NICE: usize = 128;
/// Symbols per block: each block gets codes fitted to its own part of the JSON.
const BLOCK_SYMBOLS: usize = 1 << 16;
const NONE: usize = usize::MAX;

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which a dynamic block lists the code-length code's lengths.
const CL_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];
const LITLEN: usize = 286;
const DISTS: usize = 30;
const END: usize = 256;

/// `data` as a zlib stream.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut out = Blocks::default();
    // CMF 0x78: DEFLATE with a 32 KiB window; FLG 0xDA: "maximum compression", check bits.
    out.bits.bytes.extend_from_slice(&[0x78, 0xDA]);
    lz77(data, &mut out);
    out.finish();
    out.bits
        .bytes
        .extend_from_slice(&adler32(data).to_be_bytes());
    out.bits.bytes
}

/// One LZ77 symbol: a literal byte (`len == 0`, the byte in `dist`) or a back-reference.
#[derive(Clone, Copy)]
struct Sym {
    len: u16,
    dist: u16,
}

#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    /// Appends the low `n` bits of `value`, least significant first (n ≤ 32).
    fn put(&mut self, value: u32, n: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += n;
        while self.n >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    fn align(&mut self) {
        if self.n > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.acc = 0;
        self.n = 0;
    }
}

#[derive(Default)]
struct Blocks {
    bits: Bits,
    syms: Vec<Sym>,
}

impl Blocks {
    fn push(&mut self, sym: Sym) {
        self.syms.push(sym);
        if self.syms.len() == BLOCK_SYMBOLS {
            self.block(false);
        }
    }

    fn literal(&mut self, byte: u8) {
        self.push(Sym {
            len: 0,
            dist: u16::from(byte),
        });
    }

    /// A match of `len` (3..=258) bytes `dist` (1..=32768) back.
    fn back_ref(&mut self, (len, dist): (usize, usize)) {
        self.push(Sym {
            len: len as u16,
            dist: dist as u16,
        });
    }

    fn finish(&mut self) {
        self.block(true);
        self.bits.align();
    }

    fn block(&mut self, last: bool) {
        let syms = std::mem::take(&mut self.syms);
        let (mut ll_freq, mut d_freq) = ([0u32; LITLEN], [0u32; DISTS]);
        for s in &syms {
            if s.len == 0 {
                ll_freq[usize::from(s.dist)] += 1;
            } else {
                ll_freq[257 + len_code(s.len)] += 1;
                d_freq[dist_code(s.dist)] += 1;
            }
        }
        ll_freq[END] += 1;
        let ll = lengths(&ll_freq, 15);
        let dl = lengths(&d_freq, 15);
        let header = DynamicHeader::new(&ll, &dl);
        self.bits.put(u32::from(last) | 2 << 1, 3);
        header.write(&mut self.bits);
        self.symbols(&syms, &ll, &dl);
        self.syms = syms;
        self.syms.clear();
    }

    fn symbols(&mut self, syms: &[Sym], ll: &[u8], dl: &[u8]) {
        let (llc, dlc) = (codes(ll), codes(dl));
        let put = |bits: &mut Bits, codes: &[u16], lens: &[u8], i: usize| {
            let (c, l) = (codes.get(i), lens.get(i));
            bits.put(u32::from(*c.unwrap_or(&0)), u32::from(*l.unwrap_or(&0)));
        };
        for s in syms {
            if s.len == 0 {
                put(&mut self.bits, &llc, ll, usize::from(s.dist));
                continue;
            }
            let lc = len_code(s.len);
            put(&mut self.bits, &llc, ll, 257 + lc);
            self.bits
                .put(u32::from(s.len - LEN_BASE[lc]), u32::from(LEN_EXTRA[lc]));
            let dc = dist_code(s.dist);
            put(&mut self.bits, &dlc, dl, dc);
            self.bits
                .put(u32::from(s.dist - DIST_BASE[dc]), u32::from(DIST_EXTRA[dc]));
        }
        put(&mut self.bits, &llc, ll, END);
    }
}

/// The length code (0..29) of a match length 3..=258.
fn len_code(len: u16) -> usize {
    LEN_BASE.partition_point(|&b| b <= len).saturating_sub(1)
}

/// The distance code (0..30) of a distance 1..=32768.
fn dist_code(dist: u16) -> usize {
    DIST_BASE.partition_point(|&b| b <= dist).saturating_sub(1)
}

/// A dynamic block's header: the two codes' lengths, run-length coded, and the code for them.
struct DynamicHeader {
    hlit: usize,
    hdist: usize,
    /// Code-length symbols with their extra bits' value.
    runs: Vec<(u8, u8)>,
    cl: Vec<u8>,
    hclen: usize,
}

impl DynamicHeader {
    fn new(ll: &[u8], dl: &[u8]) -> DynamicHeader {
        let used = |lens: &[u8], min: usize| {
            lens.iter()
                .rposition(|&l| l != 0)
                .map_or(0, |i| i + 1)
                .max(min)
        };
        let (hlit, hdist) = (used(ll, 257), used(dl, 1));
        let all: Vec<u8> = ll[..hlit].iter().chain(&dl[..hdist]).copied().collect();
        let runs = run_lengths(&all);
        let mut freq = [0u32; 19];
        for &(sym, _) in &runs {
            freq[usize::from(sym)] += 1;
        }
        let cl = lengths(&freq, 7);
        let hclen = CL_ORDER
            .iter()
            .rposition(|&i| cl[i] != 0)
            .map_or(0, |i| i + 1)
            .max(4);
        DynamicHeader {
            hlit,
            hdist,
            runs,
            cl,
            hclen,
        }
    }

    fn write(&self, bits: &mut Bits) {
        bits.put((self.hlit - 257) as u32, 5);
        bits.put((self.hdist - 1) as u32, 5);
        bits.put((self.hclen - 4) as u32, 4);
        for &i in &CL_ORDER[..self.hclen] {
            bits.put(u32::from(self.cl[i]), 3);
        }
        let codes = codes(&self.cl);
        for &(sym, extra) in &self.runs {
            let s = usize::from(sym);
            bits.put(u32::from(codes[s]), u32::from(self.cl[s]));
            match sym {
                16 => bits.put(u32::from(extra), 2),
                17 => bits.put(u32::from(extra), 3),
                18 => bits.put(u32::from(extra), 7),
                _ => {}
            }
        }
    }
}

/// Code lengths as code-length symbols: 0–15 themselves, 16 repeats the last 3–6 times,
/// 17 and 18 give 3–10 and 11–138 zeros.
fn run_lengths(lens: &[u8]) -> Vec<(u8, u8)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(&l) = lens.get(i) {
        let run = lens[i..].iter().take_while(|&&x| x == l).count();
        let mut left = run;
        if l == 0 {
            while left >= 11 {
                let n = left.min(138);
                runs.push((18, (n - 11) as u8));
                left -= n;
            }
            if left >= 3 {
                runs.push((17, (left - 3) as u8));
                left = 0;
            }
        } else {
            runs.push((l, 0));
            left -= 1;
            while left >= 3 {
                let n = left.min(6);
                runs.push((16, (n - 3) as u8));
                left -= n;
            }
        }
        runs.extend(std::iter::repeat_n((l, 0), left));
        i += run;
    }
    runs
}

/// Huffman code lengths for `freq`, none longer than `limit`. Over the limit the counts are
/// halved and the tree built again, which flattens it: at most 32 rounds.
/// At least two symbols get a code, so every code is complete.
fn lengths(freq: &[u32], limit: u8) -> Vec<u8> {
    let mut f = freq.to_vec();
    let mut present = f.iter().filter(|&&x| x > 0).count();
    for slot in f.iter_mut() {
        if present >= 2 {
            break;
        }
        if *slot == 0 {
            *slot = 1;
            present += 1;
        }
    }
    loop {
        let lens = tree(&f);
        // Once every count is 1 the tree is as flat as it gets (depth 9 for 286 symbols).
        if lens.iter().all(|&l| l <= limit) || f.iter().all(|&x| x <= 1) {
            return lens;
        }
        for x in f.iter_mut().filter(|x| **x > 0) {
            *x = x.div_ceil(2);
        }
    }
}

/// Code lengths of a Huffman tree for the nonzero counts (two-queue construction).
fn tree(freq: &[u32]) -> Vec<u8> {
    // Leaves by count; an insertion sort keeps one sort out of the module (≤ 286 leaves).
    let mut leaves: Vec<(u32, usize)> = Vec::new();
    for (sym, &f) in freq.iter().enumerate().filter(|(_, &f)| f > 0) {
        let at = leaves.partition_point(|&(g, _)| g <= f);
        leaves.insert(at, (f, sym));
    }
    let n = leaves.len();
    // Nodes 0..n are the leaves; n.. the joins, made in order of weight.
    let mut weight: Vec<u64> = leaves.iter().map(|&(f, _)| u64::from(f)).collect();
    let mut parent = vec![0usize; n.saturating_mul(2)];
    let (mut next_leaf, mut next_join) = (0, n);
    // The lighter of the next leaf and the next join (a leaf on a tie).
    let mut take = |weight: &[u64], joins: usize| {
        let leaf = weight.get(next_leaf).filter(|_| next_leaf < n);
        let join = weight.get(next_join).filter(|_| next_join < joins);
        let next = if leaf.is_some() && (join.is_none() || leaf <= join) {
            &mut next_leaf
        } else {
            &mut next_join
        };
        *next += 1;
        *next - 1
    };
    for joined in n..(2 * n).saturating_sub(1) {
        let a = take(&weight, joined);
        let b = take(&weight, joined);
        let w = weight[a] + weight[b];
        weight.push(w);
        parent[a] = joined;
        parent[b] = joined;
    }
    // Depths from the root down: every join's parent comes later than it.
    let mut depth = vec![0u8; weight.len()];
    for node in (0..weight.len().saturating_sub(1)).rev() {
        depth[node] = depth[parent[node]].saturating_add(1);
    }
    let mut lens = vec![0u8; freq.len()];
    for (i, &(_, sym)) in leaves.iter().enumerate() {
        lens[sym] = depth[i];
    }
    lens
}

/// Canonical codes for the lengths, bit-reversed as DEFLATE sends them.
fn codes(lens: &[u8]) -> Vec<u16> {
    let mut count = [0u16; 16];
    for &l in lens {
        count[usize::from(l & 15)] += 1;
    }
    count[0] = 0;
    let mut next = [0u16; 16];
    let mut code = 0u16;
    for bits in 1..16 {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lens.iter()
        .map(|&l| {
            let l = usize::from(l & 15);
            if l == 0 {
                return 0;
            }
            let c = next[l];
            next[l] += 1;
            c.reverse_bits() >> (16 - l)
        })
        .collect()
}

/// Hash chains over the window: the most recent position of each 3-byte hash and, for each
/// position, the one before it with the same hash.
struct Chains {
    head: Vec<usize>,
    prev: Vec<usize>,
}

impl Chains {
    fn hash(data: &[u8], pos: usize) -> Option<usize> {
        let b = data.get(pos..pos + MIN_MATCH)?;
        let v = u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16;
        Some((v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize)
    }

    fn insert(&mut self, data: &[u8], pos: usize) {
        if let Some(h) = Chains::hash(data, pos) {
            self.prev[pos % WINDOW] = self.head[h];
            self.head[h] = pos;
        }
    }

    /// The longest match at `pos` longer than `better_than`, as (length, distance).
    /// Must run before `pos` is inserted, so the chain's slots are still its own.
    fn longest(&self, data: &[u8], pos: usize, better_than: usize) -> Option<(usize, usize)> {
        let here = data.get(pos..)?;
        let max = here.len().min(MAX_MATCH);
        let h = Chains::hash(data, pos)?;
        let mut best = better_than.max(MIN_MATCH - 1);
        let mut found = None;
        let mut chain = if better_than >= GOOD {
            MAX_CHAIN / 4
        } else {
            MAX_CHAIN
        };
        let mut cand = self.head[h];
        while cand != NONE && cand < pos && pos - cand <= WINDOW && chain > 0 && best < max {
            let there = data.get(cand..).unwrap_or_default();
            if there.get(best) == here.get(best) {
                let len = here[..max]
                    .iter()
                    .zip(there)
                    .take_while(|(a, b)| a == b)
                    .count();
                if len > best {
                    best = len;
                    found = Some((len, pos - cand));
                    if len >= NICE {
                        break;
                    }
                }
            }
            cand = self.prev[cand % WINDOW];
            chain -= 1;
        }
        found
    }
}

/// LZ77 with one step of lazy matching: a match is held back one byte in case the next
/// position starts a longer one.
fn lz77(data: &[u8], out: &mut Blocks) {
    let mut chains = Chains {
        head: vec![NONE; 1 << HASH_BITS],
        prev: vec![NONE; WINDOW],
    };
    let mut pending: Option<(usize, usize)> = None;
    let mut pos = 0;
    while let Some(&byte) = data.get(pos) {
        let held = pending.map_or(0, |(len, _)| len);
        let found = if held >= NICE {
            None
        } else {
            chains.longest(data, pos, held)
        };
        match (pending, found) {
            (Some((len, dist)), None) => {
                out.back_ref((len, dist));
                // The match began at pos - 1, which is in the chains already.
                for p in pos..pos - 1 + len {
                    chains.insert(data, p);
                }
                pos = pos - 1 + len;
                pending = None;
                continue;
            }
            (Some(_), Some(_)) => out.literal(data[pos - 1]),
            (None, None) => out.literal(byte),
            (None, Some(_)) => {}
        }
        chains.insert(data, pos);
        pending = found;
        pos += 1;
    }
    if let Some(held) = pending {
        out.back_ref(held);
    }
}

/// Adler-32 (RFC 1950), taken modulo after every 5,552 bytes, the most that cannot overflow.
/// (`adler2`, already under miniz_oxide, is unrolled four ways: 0.3 kB more of the module.)
pub fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5_552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    b << 16 | a
}

#[cfg(test)]
mod tests {
    use super::*;
    use miniz_oxide::inflate::decompress_to_vec_zlib;
    use proptest::prelude::*;

    fn round_trip(data: &[u8]) -> usize {
        let packed = zlib(data);
        assert_eq!(
            decompress_to_vec_zlib(&packed).ok().as_deref(),
            Some(data),
            "{} bytes",
            data.len()
        );
        packed.len()
    }

    /// Deterministic bytes (xorshift), `alphabet` different values.
    fn noise(n: usize, alphabet: u8, seed: u64) -> Vec<u8> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % u64::from(alphabet)) as u8
            })
            .collect()
    }

    #[test]
    fn small_and_degenerate_inputs_round_trip() {
        for data in [
            &b""[..],
            b"a",
            b"ab",
            b"aaa",
            b"abcabcabcabc",
            b"{\"nodes\":[]}",
        ] {
            round_trip(data);
        }
        let all: Vec<u8> = (0..=255).collect();
        round_trip(&all);
        let same = vec![7u8; 100_000];
        assert!(
            round_trip(&same) < 400,
            "a run of one byte is a few hundred bytes at most"
        );
    }

    #[test]
    fn many_blocks_and_a_match_exactly_one_window_back() {
        // More symbols than one block holds, from a tiny alphabet: several dynamic blocks.
        round_trip(&noise(300_000, 3, 11));
        // Incompressible bytes, then the same again: only a match 32,768 back finds them.
        let mut twice = noise(WINDOW, 255, 5);
        twice.extend_from_within(..);
        let once = round_trip(&twice[..WINDOW]);
        let both = round_trip(&twice);
        assert!(
            both < once + 1_000,
            "the second copy costs {} bytes",
            both - once
        );
        // One byte past the window, the copy can't be found.
        let mut apart = noise(WINDOW + 1, 255, 5);
        apart.extend_from_slice(&noise(WINDOW, 255, 5));
        round_trip(&apart);
    }

    fn kraft_complete(lens: &[u8]) -> bool {
        lens.iter()
            .filter(|&&l| l > 0)
            .map(|&l| 1u64 << (15 - l))
            .sum::<u64>()
            == 1 << 15
    }

    #[test]
    fn code_lengths_keep_their_limit_and_stay_complete() {
        // Fibonacci counts make the deepest Huffman trees there are.
        let mut fib = vec![1u32, 1];
        while fib.len() < 30 {
            let next = fib[fib.len() - 1] + fib[fib.len() - 2];
            fib.push(next);
        }
        assert!(
            tree(&fib).iter().any(|&l| l > 15),
            "unlimited, the tree is too deep"
        );
        for (freq, limit) in [(&fib[..], 15), (&fib[..19], 7)] {
            let lens = lengths(freq, limit);
            assert!(lens.iter().all(|&l| l <= limit), "{lens:?}");
            assert!(kraft_complete(&lens), "{lens:?}");
        }
        // One symbol or none still gets a complete code of two.
        for freq in [vec![0u32; 30], vec![0, 0, 9, 0]] {
            let lens = lengths(&freq, 15);
            assert_eq!(lens.iter().filter(|&&l| l > 0).count(), 2);
            assert!(kraft_complete(&lens));
        }
    }

    #[test]
    fn adler32_matches_known_values() {
        assert_eq!(adler32(b""), 1);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        // Long enough that the sums must be reduced on the way.
        assert_eq!(adler32(&vec![0xFF; 100_000]), 0x149A_302C);
    }

    proptest! {
        #[test]
        fn any_bytes_round_trip(
            parts in proptest::collection::vec(
                (proptest::collection::vec(any::<u8>(), 0..300), 1usize..20), 0..20),
        ) {
            // Random pieces, each repeated, so both literals and matches are exercised.
            let data: Vec<u8> = parts.iter().flat_map(|(p, n)| p.repeat(*n)).collect();
            let packed = zlib(&data);
            prop_assert_eq!(decompress_to_vec_zlib(&packed).ok(), Some(data));
        }
    }
}
