#![allow(clippy::panic)] // a failing test panics

use super::*;
use csp_rules::{evaluate, presets};

/// Each `(edge ID, verdict)` the markup's edges name, in order.
fn edges_of(markup: &str) -> Vec<(String, Option<String>)> {
    let value = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let len = tag.get(start..)?.find('"')?;
        tag.get(start..start + len).map(str::to_string)
    };
    markup
        .split('<')
        .filter(|tag| tag.starts_with("g ") && tag.contains(" data-first-edge="))
        .map(|tag| {
            let tag = tag.split('>').next().unwrap_or_default();
            let id = value(tag, "data-first-edge").unwrap_or_default();
            (id, value(tag, "data-first-verdict"))
        })
        .collect()
}

fn preset_text(n: u8) -> &'static str {
    presets::get(n).map(|p| p.json).unwrap_or_default()
}

#[test]
fn every_preset_has_one_badge_per_edge_with_the_engines_verdict() {
    assert_eq!(presets::all().len(), 8);
    for p in presets::all() {
        let scenario = p.read(p.json).unwrap_or_default();
        assert!(!scenario.edges.is_empty(), "preset {}", p.number);
        for lang in LANGS {
            let markup = preset_frame(p.number, p.json, lang).unwrap_or_else(|e| e);
            let Ok(report) = evaluate(&scenario, lang) else {
                panic!("preset {} can't be judged", p.number);
            };
            let want: Vec<(String, Option<String>)> = report
                .edges
                .iter()
                .map(|e| (e.id.clone(), Some(e.verdict.as_str().to_string())))
                .collect();
            assert_eq!(want.len(), scenario.edges.len(), "preset {}", p.number);
            assert_eq!(edges_of(&markup), want, "preset {} in {lang:?}", p.number);
            assert_eq!(
                markup.matches("class=\"verdict-badge\"").count(),
                want.len(),
                "preset {}: one badge per edge",
                p.number
            );
            assert_eq!(
                markup.matches(" data-first-node=").count(),
                scenario.nodes.len()
            );
            // The live canvas's hooks (browser tests wait for and click them) are not there.
            for hook in [
                " data-node-id=",
                " data-edge-id=",
                " data-verdict=",
                " data-handle=",
                "tabindex=",
            ] {
                assert!(!markup.contains(hook), "preset {}: {hook}", p.number);
            }
            assert!(markup.starts_with("<svg "), "{markup:.80}");
            assert!(markup.contains(" viewBox=\""), "preset {}", p.number);
        }
    }
}

#[test]
fn the_names_are_in_the_frames_language() {
    let en = preset_frame(1, preset_text(1), Lang::En).unwrap_or_default();
    let zh = preset_frame(1, preset_text(1), Lang::ZhTw).unwrap_or_default();
    assert!(
        en.contains("Microsoft") && en.contains("allowed"),
        "{en:.300}"
    );
    assert_ne!(en, zh);
    assert!(zh.contains("圖表預覽"), "{zh:.300}");
}

#[test]
fn names_are_text_never_markup() {
    let mut doc: serde_json::Value = serde_json::from_str(preset_text(1)).unwrap_or_default();
    let nodes = doc.get_mut("nodes").and_then(|n| n.as_array_mut());
    let first = nodes
        .and_then(|n| n.get_mut(1))
        .and_then(|n| n.as_object_mut());
    let Some(first) = first else {
        panic!("preset 1 has no second node");
    };
    first.insert("name".into(), "<b>Contoso</b> & \"Co\"".into());
    let markup = preset_frame(1, &doc.to_string(), Lang::En).unwrap_or_else(|e| e);
    assert!(
        markup.contains("&lt;b&gt;Contoso&lt;/b&gt; &amp;"),
        "{markup}"
    );
    assert!(!markup.contains("<b>"), "{markup}");
    assert_eq!(markup.matches("<svg").count(), 1);
}

#[test]
fn a_file_that_is_not_a_scenario_is_an_error_line() {
    let why = preset_frame(2, "{\"nodes\": 3}", Lang::En)
        .err()
        .unwrap_or_default();
    assert!(why.contains("presets/"), "{why}");
    assert!(!why.contains('\n'));
}
