//! Share links: a scenario in the URL fragment `#scenario=<payload>`.
//!
//! `payload` is `<format>.<codec>.<data>`: format `1`; data is base64url without padding;
//! codec `c` (the scenario's compact JSON compressed in a zlib stream, RFC 1950: DEFLATE
//! with an Adler-32 checksum of the JSON), which is what this version writes, or one of the
//! two that earlier versions wrote and every version reads: `j` (the JSON itself) and `z`
//! (the JSON as raw DEFLATE, RFC 1951, with no checksum). Everything is URL-safe.
//!
//! The reader accepts only what a writer writes: the format number in decimal without a
//! sign or leading zero, canonical base64url (no padding, no stray bits), and nothing after
//! the compressed stream (`z`, `c`) or the JSON (`j`); a `c` link whose checksum does not
//! match is refused, so a link damaged on the way opens nothing rather than another diagram.
//! A link of a newer format is refused with a message, never misread.

use crate::error::{Limit, LinkFault, Place, Problem, ScenarioError};
use crate::model::Scenario;
use crate::parse::parse_bytes;
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

mod base64url;
mod deflate;

/// The format this version writes and reads.
pub const FORMAT: u64 = 1;

/// The fragment key.
pub const KEY: &str = "scenario";

/// Past this many characters some browsers, chat tools and mail clients cut a link.
pub const SAFE_URL_LENGTH: usize = 8_000;

/// The codec this version writes: zlib, with its checksum.
pub const CODEC: &str = "c";

/// The payload for a scenario (what follows `#scenario=`).
pub fn encode(s: &Scenario) -> String {
    // A scenario is plain data; serializing it can't fail.
    let json = serde_json::to_vec(s).unwrap_or_default();
    let packed = deflate::zlib(&json);
    format!("{FORMAT}.{CODEC}.{}", base64url::encode(&packed))
}

/// The whole fragment, `#scenario=…`, as `csp-rules share` prints it.
pub fn fragment(s: &Scenario) -> String {
    format!("#{KEY}={}", encode(s))
}

fn bad(fault: LinkFault) -> ScenarioError {
    ScenarioError::new(Place::Input, Problem::BadShareLink(fault))
}

/// The format number, read only as it is written: digits, no sign, no leading zero.
fn format_number(text: &str) -> Result<u64, ScenarioError> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    match text.parse::<u64>() {
        Ok(v) if canonical => Ok(v),
        _ => Err(bad(LinkFault::Format)),
    }
}

/// Inflates a whole DEFLATE stream (inside zlib framing when `zlib`, its checksum checked),
/// to at most the size limit of a scenario file, refusing any byte after the stream.
fn inflate(data: &[u8], zlib: bool) -> Result<Vec<u8>, ScenarioError> {
    let mut flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    if zlib {
        flags |= inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER;
    }
    let mut out = vec![0u8; data.len().saturating_mul(4).clamp(64, Limit::MAX_BYTES)];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut read, mut written) = (0, 0);
    loop {
        let rest = data.get(read..).unwrap_or_default();
        let (status, consumed, produced) = decompress(&mut state, rest, &mut out, written, flags);
        read += consumed;
        written += produced;
        match status {
            TINFLStatus::Done if read == data.len() => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::Done => return Err(bad(LinkFault::TrailingData)),
            TINFLStatus::HasMoreOutput if out.len() < Limit::MAX_BYTES => {
                let grown = out.len().saturating_mul(2).min(Limit::MAX_BYTES);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => {
                return Err(ScenarioError::new(
                    Place::Input,
                    Problem::TooLarge {
                        limit: Limit::Bytes,
                        found: None,
                    },
                ))
            }
            TINFLStatus::Adler32Mismatch => return Err(bad(LinkFault::Checksum)),
            _ => return Err(bad(LinkFault::Compression)),
        }
    }
}

/// Reads a payload, or a whole fragment or URL that holds `scenario=`; validates the
/// scenario it carries as a scenario file is validated.
pub fn decode(text: &str) -> Result<Scenario, ScenarioError> {
    let text = text.trim();
    let payload = match text.find(&format!("{KEY}=")) {
        Some(at) => {
            let rest = &text[at + KEY.len() + 1..];
            rest.split('&').next().unwrap_or(rest)
        }
        None => text,
    };
    let mut parts = payload.splitn(3, '.');
    let (format, codec, data) = match (parts.next(), parts.next(), parts.next()) {
        (Some(f), Some(c), Some(d)) => (f, c, d),
        _ => return Err(bad(LinkFault::Shape)),
    };
    match format_number(format)? {
        FORMAT => {}
        v if v > FORMAT => {
            return Err(ScenarioError::new(Place::Input, Problem::NewerShareLink(v)))
        }
        _ => return Err(bad(LinkFault::Format)),
    }
    if !matches!(codec, "j" | "z" | "c") {
        return Err(bad(LinkFault::Codec));
    }
    let raw = base64url::decode(data).ok_or_else(|| bad(LinkFault::Base64))?;
    let json = match codec {
        "j" => raw,
        "z" => inflate(&raw, false)?,
        _ => inflate(&raw, true)?,
    };
    // A writer writes compact JSON, which ends with the object's brace: anything after it
    // (an extra base64 character decodes to a byte that may be JSON whitespace) is damage.
    if !json.ends_with(b"}") {
        return Err(bad(LinkFault::TrailingData));
    }
    parse_bytes(&json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use crate::Lang;

    fn line(t: &str) -> String {
        decode(t)
            .err()
            .map(|e| e.line(Lang::En))
            .unwrap_or_default()
    }

    fn preset(n: u8) -> Scenario {
        presets::get(n)
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default()
    }

    /// The link's data, decoded.
    fn raw(link: &str) -> Vec<u8> {
        let data = link.rsplit('.').next().unwrap_or_default();
        base64url::decode(data).unwrap_or_default()
    }

    fn link_of(codec: &str, raw: &[u8]) -> String {
        format!("1.{codec}.{}", base64url::encode(raw))
    }

    #[test]
    fn every_preset_round_trips_through_a_zlib_link() {
        for p in presets::all() {
            let s = p.scenario().map_err(|e| e.to_string());
            let link = s.as_ref().map(encode).unwrap_or_default();
            assert!(link.starts_with("1.c."), "{link}");
            // RFC 1950: CMF 0x78 (DEFLATE, 32 KiB window), and CMF·256 + FLG a multiple of 31.
            let bytes = raw(&link);
            assert_eq!(bytes.first(), Some(&0x78));
            assert_eq!((u16::from(bytes[0]) * 256 + u16::from(bytes[1])) % 31, 0);
            let back = s
                .as_ref()
                .map(|s| decode(&fragment(s)).map_err(|e| e.to_string()));
            assert_eq!(
                back.as_ref().ok().and_then(|b| b.as_ref().ok()),
                s.as_ref().ok(),
                "preset {}",
                p.number
            );
        }
    }

    #[test]
    fn a_damaged_zlib_link_never_opens_another_diagram() {
        // Every single-bit flip of the compressed bytes of two presets' links.
        for n in [4, 6] {
            let original = preset(n);
            let bytes = raw(&encode(&original));
            for at in 0..bytes.len() {
                for bit in 0..8 {
                    let mut flipped = bytes.clone();
                    flipped[at] ^= 1 << bit;
                    if let Ok(other) = decode(&link_of("c", &flipped)) {
                        assert_eq!(other, original, "preset {n}, byte {at}, bit {bit}");
                    }
                }
            }
        }
        let mut bytes = raw(&encode(&preset(4)));
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert_eq!(
            line(&link_of("c", &bytes)),
            "error: input: not a scenario share link (the data is damaged: its checksum does not match)"
        );
    }

    #[test]
    fn nothing_may_follow_the_compressed_data_or_the_json() {
        let s = preset(6);
        let json = serde_json::to_vec(&s).unwrap_or_default();
        let zlib = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
        let deflate = miniz_oxide::deflate::compress_to_vec(&json, 9);
        for (codec, data) in [("c", zlib), ("z", deflate), ("j", json)] {
            assert_eq!(decode(&link_of(codec, &data)).as_ref(), Ok(&s), "{codec}");
            for extra in [&[0u8][..], b" ", b"\n", b"}", &[0x78, 0x9c]] {
                let mut longer = data.clone();
                longer.extend_from_slice(extra);
                assert!(
                    decode(&link_of(codec, &longer)).is_err(),
                    "{codec} + {extra:?}"
                );
            }
        }
        let mut zlib = raw(&encode(&s));
        zlib.push(0);
        assert_eq!(
            line(&link_of("c", &zlib)),
            "error: input: not a scenario share link (there is data after the end of the scenario)"
        );
    }

    #[test]
    fn an_extra_base64_character_or_padding_is_refused() {
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for s in [preset(1), preset(8), Scenario::default()] {
            let json = serde_json::to_vec(&s).unwrap_or_default();
            for link in [encode(&s), link_of("j", &json)] {
                for c in alphabet.chars().chain(['=']) {
                    let longer = format!("{link}{c}");
                    assert!(decode(&longer).is_err(), "{longer}");
                }
            }
        }
        assert_eq!(
            line("1.j.e30="),
            "error: input: not a scenario share link (the data is not base64url)"
        );
        // Stray bits: `e31` is `{}` with a last character whose unused bits are not zero.
        assert!(decode("1.j.eyJ2ZXJzaW9uIjoxfR").is_err());
        assert_eq!(
            decode("1.j.eyJ2ZXJzaW9uIjoxfQ").ok(),
            Some(Scenario::default())
        );
    }

    #[test]
    fn format_numbers_are_read_only_as_a_writer_writes_them() {
        let link = encode(&preset(1));
        let data = link.trim_start_matches("1.");
        for format in ["01", "+1", "1 ", "1_", "１", "0x1", "", "-1", "0", "00"] {
            assert_eq!(
                line(&format!("{format}.{data}")),
                "error: input: not a scenario share link (unknown format)",
                "{format:?}"
            );
        }
        assert_eq!(decode(&format!("1.{data}")).ok(), Some(preset(1)));
        assert_eq!(
            line("#scenario=2.c.AAAA"),
            "error: input: this link was made by a newer version (format 2); this version reads format 1"
        );
        assert_eq!(
            line("#scenario=10.c.AAAA"),
            "error: input: this link was made by a newer version (format 10); this version reads format 1"
        );
    }

    #[test]
    fn broken_links_are_refused_with_a_reason_in_either_language() {
        assert_eq!(
            line("#scenario=1.j.%%%"),
            "error: input: not a scenario share link (the data is not base64url)"
        );
        assert_eq!(
            line("1.q.AAAA"),
            "error: input: not a scenario share link (unknown codec)"
        );
        assert_eq!(
            line("garbage"),
            "error: input: not a scenario share link (expected <format>.<codec>.<data>)"
        );
        assert_eq!(
            line("1.z.AAAA"),
            "error: input: not a scenario share link (the data does not decompress)"
        );
        assert_eq!(
            decode("1.c.AAAA").err().map(|e| e.line(Lang::ZhTw)),
            Some("error: 輸入：不是有效的情境分享連結（資料無法解壓縮）".to_string())
        );
        // A link whose scenario is invalid says what is wrong with the scenario.
        let json = base64url::encode(br#"{"version":1,"nodes":[{"id":"x","kind":"customer"}]}"#);
        assert_eq!(
            line(&format!("1.j.{json}")),
            "error: nodes[0].region: a region is required on every node but Microsoft"
        );
    }

    #[test]
    fn a_link_that_inflates_past_the_size_limit_is_refused_early() {
        // 64 MiB + 1 of spaces compress to about 65 kB.
        let big = vec![b' '; Limit::MAX_BYTES + 1];
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&big, 9);
        assert_eq!(
            line(&link_of("c", &packed)),
            "error: input: more than the limit of 64 MiB (67108864 bytes)"
        );
    }

    #[test]
    fn a_full_url_is_accepted() {
        let s = Scenario::default();
        let url = format!("https://example.org/app/?lang=en{}&step=2", fragment(&s));
        assert_eq!(decode(&url).ok(), Some(s));
    }
}
