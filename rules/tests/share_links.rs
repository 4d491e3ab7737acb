//! Share links already in training material keep opening exactly as they did: the eight
//! presets' links as an earlier version wrote them, with what they held
//! (`fixtures/share-links-v1.txt`, codec `z`), and `j` links.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use csp_rules::{presets, share, Scenario};

#[path = "support/network.rs"]
mod network;

fn preset(n: u8) -> Scenario {
    presets::get(n)
        .and_then(|p| p.scenario().ok())
        .unwrap_or_else(|| panic!("preset {n}"))
}

#[test]
fn links_written_by_earlier_versions_open_the_same_scenario() {
    // Each line: the preset's number, its link as written then, and the JSON it held (the
    // preset as it was: presets change, links in training material don't).
    let fixtures = include_str!("fixtures/share-links-v1.txt");
    assert_eq!(fixtures.lines().count(), 8);
    for l in fixtures.lines() {
        let mut cols = l.split('\t');
        let (n, link, json) = (cols.next(), cols.next(), cols.next());
        let (Some(n), Some(link), Some(json)) = (n, link, json) else {
            panic!("{l}")
        };
        assert!(link.starts_with("#scenario=1.z."), "{link}");
        let held = csp_rules::parse(json).unwrap_or_else(|e| panic!("preset {n}: {e}"));
        assert_eq!(share::decode(link), Ok(held.clone()), "preset {n}");
        assert_eq!(serde_json::to_string(&held).ok().as_deref(), Some(json));
    }
}

#[test]
fn json_links_open_the_same_scenario() {
    assert_eq!(
        share::decode("#scenario=1.j.eyJ2ZXJzaW9uIjoxfQ"),
        Ok(Scenario::default())
    );
    for n in 1..=8 {
        let json = serde_json::to_vec(&preset(n)).unwrap_or_default();
        let link = format!("1.j.{}", URL_SAFE_NO_PAD.encode(json));
        assert_eq!(share::decode(&link), Ok(preset(n)), "preset {n}");
    }
}

#[test]
fn the_link_written_now_is_the_zlib_codec_and_opens_the_same_scenario() {
    for n in 1..=8 {
        let link = share::fragment(&preset(n));
        assert!(link.starts_with("#scenario=1.c."), "{link}");
        assert_eq!(share::decode(&link), Ok(preset(n)), "preset {n}");
    }
}

/// The link's compressed bytes, and zlib's best for the same JSON (miniz_oxide, level 9).
fn ours_and_level_nine(s: &Scenario) -> (usize, usize) {
    let link = share::encode(s);
    let data = link.rsplit('.').next().unwrap_or_default();
    let ours = URL_SAFE_NO_PAD.decode(data).unwrap_or_default();
    let json = serde_json::to_vec(s).unwrap_or_default();
    let best = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
    (ours.len(), best.len())
}

#[test]
fn links_are_as_short_as_zlib_level_nine_makes_them() {
    let (mut ours, mut best) = (0, 0);
    for n in 1..=8 {
        let (o, b) = ours_and_level_nine(&preset(n));
        assert!(o * 100 <= b * 103, "preset {n}: {o} bytes against {b}");
        (ours, best) = (ours + o, best + b);
    }
    eprintln!("the eight presets: {ours} bytes, zlib level 9 {best}");
    let big =
        csp_rules::parse(&network::network(2_000, 7, false)).unwrap_or_else(|e| panic!("{e}"));
    let (o, b) = ours_and_level_nine(&big);
    eprintln!(
        "a network of {} edges: {o} bytes, zlib level 9 {b}",
        big.edges.len()
    );
    assert!(o * 100 <= b * 103, "{o} bytes against {b}");
}
