//! base64url without padding (RFC 4648 §5), as share links are written: encoded in full, and
//! read only when canonical. A few lines here instead of the `base64` crate, whose general
//! engine cost the wasm modules about 2 kB of gzip each.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |k: usize| u32::from(chunk.get(k).copied().unwrap_or(0));
        let group = byte(0) << 16 | byte(1) << 8 | byte(2);
        // n bytes are written in n + 1 characters.
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(group >> (18 - 6 * k) & 63) as usize]));
        }
    }
    out
}

/// The bytes `text` encodes, or `None` unless it is canonical base64url without padding: a
/// character outside the alphabet (padding included), a length no encoding has (4k + 1), or
/// bits set in the last character past the last byte.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    // Bits read but not yet written out: at most 12, the low `bits` of `pending`.
    let (mut pending, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        pending = (pending << 6 | u32::from(value)) & 0xFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((pending >> bits) as u8);
        }
    }
    // Left over: none (4k characters), 4 bits (4k + 2) or 2 (4k + 3), all zero; 6 bits is
    // a character too many.
    (bits < 6 && pending & ((1 << bits) - 1) == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    use proptest::prelude::*;

    #[test]
    fn the_rfc_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in vectors {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(encode(&[0xfb, 0xff, 0xbf]), "-_-_");
        assert_eq!(decode("-_-_"), Some(vec![0xfb, 0xff, 0xbf]));
    }

    #[test]
    fn what_is_not_canonical_is_refused() {
        for bad in [
            "Zg==", "Zm8=", "Z", "Zm9vY", "Zh", "Zm9", "Zm+v", "Zm/v", "Zm9v\n", " Zm9v", "Zé",
        ] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn the_same_as_the_base64_crate(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            let coded = encode(&bytes);
            prop_assert_eq!(&coded, &URL_SAFE_NO_PAD.encode(&bytes));
            prop_assert_eq!(decode(&coded), Some(bytes));
        }

        #[test]
        fn refuses_exactly_what_the_base64_crate_refuses(text in "[A-Za-z0-9_=+/-]{0,12}") {
            prop_assert_eq!(decode(&text), URL_SAFE_NO_PAD.decode(&text).ok());
        }
    }
}
