//! Share links already in training material keep opening exactly as they did: the eight
//! presets' links as an earlier version wrote them, with what they held
//! (`fixtures/share-links-v1.txt`, codec `z`), and `j` links.

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
