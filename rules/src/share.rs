//! Share links: a scenario in the URL fragment `#scenario=<payload>`.
//!
//! `payload` is `<format>.<codec>.<data>`: format `1`; codec `j` (data is the scenario's
//! compact JSON) or `z` (the same JSON compressed with raw DEFLATE); data is base64url without
//! padding. The encoder picks the shorter codec. Everything is URL-safe and needs no escaping.
//! A link of a newer format is refused with a message, never misread.

use crate::error::{Limit, Place, Problem, ScenarioError};
use crate::model::Scenario;
use crate::parse::parse_bytes;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// The format this version writes and reads.
pub const FORMAT: u64 = 1;

/// The fragment key.
pub const KEY: &str = "scenario";

/// Past this many characters some browsers, chat tools and mail clients cut a link.
pub const SAFE_URL_LENGTH: usize = 8_000;

/// The payload for a scenario (what follows `#scenario=`).
pub fn encode(s: &Scenario) -> String {
    // A scenario is plain data; serializing it can't fail.
    let json = serde_json::to_vec(s).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    if packed.len() < json.len() {
        format!("{FORMAT}.z.{}", URL_SAFE_NO_PAD.encode(packed))
    } else {
        format!("{FORMAT}.j.{}", URL_SAFE_NO_PAD.encode(json))
    }
}

/// The whole fragment, `#scenario=…`, as `csp-rules share` prints it.
pub fn fragment(s: &Scenario) -> String {
    format!("#{KEY}={}", encode(s))
}

fn bad(why: &str) -> ScenarioError {
    ScenarioError::new(Place::Input, Problem::BadShareLink(why.to_string()))
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
        _ => return Err(bad("expected <format>.<codec>.<data>")),
    };
    match format.parse::<u64>() {
        Ok(FORMAT) => {}
        Ok(v) if v > FORMAT => {
            return Err(ScenarioError::new(Place::Input, Problem::NewerShareLink(v)))
        }
        _ => return Err(bad("unknown format")),
    }
    let raw = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| bad("the data is not base64url"))?;
    let json = match codec {
        "j" => raw,
        "z" => miniz_oxide::inflate::decompress_to_vec_with_limit(&raw, Limit::MAX_BYTES)
            .map_err(|_| bad("the data does not decompress"))?,
        _ => return Err(bad("unknown codec")),
    };
    parse_bytes(&json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn every_preset_round_trips() {
        for p in presets::all() {
            let s = p.scenario().map_err(|e| e.to_string());
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
    fn the_shorter_codec_wins() {
        let big = presets::all()
            .last()
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default();
        for s in [Scenario::default(), big] {
            let json = serde_json::to_vec(&s).unwrap_or_default();
            let plain = format!("1.j.{}", URL_SAFE_NO_PAD.encode(&json));
            let link = encode(&s);
            assert!(link.len() <= plain.len(), "{link} vs {plain}");
        }
        let big = presets::all()
            .last()
            .and_then(|p| p.scenario().ok())
            .unwrap_or_default();
        assert!(encode(&big).starts_with("1.z."));
    }

    #[test]
    fn broken_and_newer_links_are_refused_with_a_reason() {
        let line = |t: &str| {
            decode(t)
                .err()
                .map(|e| e.line(crate::Lang::En))
                .unwrap_or_default()
        };
        assert_eq!(line("#scenario=2.z.AAAA"), "error: input: this link was made by a newer version (format 2); this version reads format 1");
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
        // A link whose scenario is invalid says what is wrong with the scenario.
        let json =
            URL_SAFE_NO_PAD.encode(br#"{"version":1,"nodes":[{"id":"x","kind":"customer"}]}"#);
        assert_eq!(
            line(&format!("1.j.{json}")),
            "error: nodes[0].region: a region is required on every node but Microsoft"
        );
    }

    #[test]
    fn a_full_url_is_accepted() {
        let s = Scenario::default();
        let url = format!("https://example.org/app/?lang=en{}&step=2", fragment(&s));
        assert_eq!(decode(&url).ok(), Some(s));
    }
}
