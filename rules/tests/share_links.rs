//! Share links already in training material keep opening exactly as they did: the eight
//! presets' links as an earlier version wrote them (`fixtures/share-links-v1.txt`, codec
//! `z`), and `j` links.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use csp_rules::{presets, share, Scenario};

fn preset(n: u8) -> Scenario {
    presets::get(n)
        .and_then(|p| p.scenario().ok())
        .unwrap_or_else(|| panic!("preset {n}"))
}

#[test]
fn links_written_by_earlier_versions_open_the_same_scenario() {
    let fixtures = include_str!("fixtures/share-links-v1.txt");
    assert_eq!(fixtures.lines().count(), 8);
    for l in fixtures.lines() {
        let (n, link) = l.split_once('\t').unwrap_or_else(|| panic!("{l}"));
        let n: u8 = n.parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(link.starts_with("#scenario=1.z."), "{link}");
        assert_eq!(share::decode(link), Ok(preset(n)), "preset {n}");
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
