//! The report the CLI streams edge by edge (`Borrowed` → `Judgement`, serialized) is the
//! report the page builds whole (`check` → `Report`), byte for byte, compact and indented,
//! in both languages: on the eight presets, on generated networks (plain and findings-dense)
//! and on the adversarial shapes.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

#[path = "support/network.rs"]
mod network;
#[path = "support/shapes.rs"]
#[allow(dead_code)]
mod shapes;

use csp_rules::{Borrowed, Lang};

fn assert_same_report(name: &str, json: &[u8]) {
    for lang in Lang::ALL {
        let report = csp_rules::check(json, lang).unwrap_or_else(|e| panic!("{name}: {e}"));
        let file = Borrowed::read(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        let judged = file.judge(lang);
        let streamed = serde_json::to_string(&judged).unwrap();
        assert!(streamed == report.to_json(), "{name} ({lang:?}): compact");
        let pretty_whole = serde_json::to_vec_pretty(&report).unwrap();
        let pretty_streamed = serde_json::to_vec_pretty(&judged).unwrap();
        assert!(
            pretty_streamed == pretty_whole,
            "{name} ({lang:?}): indented"
        );
        assert_eq!(judged.summary(), report.summary, "{name}");
        assert_eq!(judged.counts_by_rule(), report.counts_by_rule(), "{name}");
        assert_eq!(file.edge_count(), report.edges.len(), "{name}");
    }
}

#[test]
fn the_presets_stream_as_they_are_built() {
    for p in csp_rules::presets::all() {
        assert_same_report(p.slug, p.json.as_bytes());
    }
}

#[test]
fn generated_networks_stream_as_they_are_built() {
    for (edges, seed, dense) in [(3_000, 1, false), (3_000, 7, true), (8_000, 3, true)] {
        let json = network::network(edges, seed, dense);
        assert_same_report(&format!("network {edges} {seed} {dense}"), json.as_bytes());
    }
}

#[test]
fn the_adversarial_shapes_stream_as_they_are_built() {
    for shape in &shapes::SHAPES {
        let json = (shape.build)(600);
        if csp_rules::check(&json, Lang::En).is_ok() {
            assert_same_report(shape.name, &json);
        } else {
            let (a, b) = (
                csp_rules::check(&json, Lang::En)
                    .err()
                    .map(|e| e.line(Lang::En)),
                Borrowed::read(&json).err().map(|e| e.line(Lang::En)),
            );
            assert_eq!(a, b, "{}", shape.name);
        }
    }
}

#[test]
fn text_with_escapes_is_read_the_same_either_way() {
    let json = br#"{"version":1,"as_of":"2020-05-12","nodes":[{"id":"ms","kind":"microsoft"},{"id":"d","kind":"direct_bill_partner","name":"\u201cQuoted\u201d \\ \"D\"","region":"eu\u0072ope"},{"id":"c","kind":"customer","name":"Tab\there","region":"japan","tenant":"d"}],"edges":[{"id":"e\u0031","from":"ms","to":"\u0064","kind":"sells_to"},{"id":"e2","from":"d","to":"c","kind":"sells_to"}]}"#;
    assert_same_report("escapes", json);
}

#[test]
fn both_readers_refuse_a_wrong_type_in_the_same_words() {
    // Found by the fuzz target: serde names the struct it expected.
    for json in [
        r#"{"version":1,"nodes":[{"id":"a","kind":"customer","region":"e","names":-0.0}]}"#,
        r#"{"version":1,"titles":7}"#,
        r#"{"version":1,"nodes":[7]}"#,
        r#"{"version":1,"edges":[[]]}"#,
        r#"{"version":1,"titles":["T"]}"#,
        r#"{"version":1,"nodes":[{"id":"a","kind":"customer","region":"e","names":["x"]}]}"#,
        r#"{"version":1,"nodes":[{"id":"a","kind":"customer","region":"e","names":{"en":"A"}}]}"#,
    ] {
        let whole = csp_rules::check(json.as_bytes(), Lang::En).map(|r| r.to_json());
        let streamed = Borrowed::read(json.as_bytes())
            .map(|f| serde_json::to_string(&f.judge(Lang::En)).unwrap_or_default());
        assert_eq!(
            streamed.map_err(|e| e.line(Lang::En)),
            whole.map_err(|e| e.line(Lang::En)),
            "{json}"
        );
    }
}
