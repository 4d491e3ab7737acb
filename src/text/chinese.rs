//! Every Chinese text of the page, read against the bar the engine's texts are read against
//! (`rules/tests/support/zh_bar.rs`, docs/glossary.md): the texts of every room, the words
//! the page composes from them, and what the page ships besides the app (the loading screen,
//! the manifest, the embedding loader and its demo). What the engine says is read by the
//! engine's own test.

#![allow(clippy::panic)] // a failing test panics

#[path = "../../rules/tests/support/zh_bar.rs"]
mod zh_bar;

use super::{audit, canvas, common, embed, io, panels, shell, training, Entry};
use csp_rules::{kind_name, EdgeKind, Lang, NodeKind};

const ZH: Lang = Lang::ZhTw;

/// A text's Chinese with each `{argument}` filled in: a number where the argument is one (its
/// spacing is the text's), else a mark the bar does not read (names, kinds and other texts are
/// read where the page composes them, below).
fn filled((_, _, zh, args): &Entry) -> String {
    let mut out = zh.to_string();
    for (name, ty) in args.iter() {
        let number = ["usize", "u8", "u32", "u64"].contains(ty);
        out = out.replace(&format!("{{{name}}}"), if number { "7" } else { "□" });
    }
    out
}

/// What the page writes by putting its texts and the engine's together.
fn composed() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |at: &str, text: String| out.push((at.to_string(), text));
    for kind in NodeKind::ALL {
        let name = kind_name(kind, ZH);
        add("palette", shell::add_kind(ZH, name));
        add("node name", common::named_kind(ZH, "Contoso 經銷", name));
        add("node tooltip", common::aside(ZH, "Contoso 經銷", name));
        add("embed strip", embed::kind_in(ZH, name, "歐洲"));
    }
    for kind in EdgeKind::ALL {
        let r = common::relation(ZH, "Contoso", kind, "Litware 公司");
        add("relation", r.clone());
        add("edge name", common::said_as(ZH, &r, common::blocked(ZH)));
        add("announce", shell::now_blocked(ZH, &r));
    }
    add("counts", common::counts(ZH, 3, 1));
    for file in ["network.json", "網路.json"] {
        add("audit", audit::reading(ZH, file));
        add("audit", audit::checking(ZH, file));
        add("audit", audit::audit_file(ZH, file, 7, 8));
    }
    for (keys, what) in shell::shortcut_rows(ZH) {
        add("shortcuts", format!("{keys}：{what}"));
    }
    add("legend", common::aside(ZH, common::allowed(ZH), "3"));
    out
}

/// The Chinese of a file the page ships beside the app: the text of each element marked
/// `lang="zh-TW"` in HTML, or the string values after `'zh-TW'` in a script's table of texts.
fn shipped() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |path: &str| {
        std::fs::read_to_string(format!("{root}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let mut out = Vec::new();
    let index = read("index.html");
    for part in index.split("lang=\"zh-TW\">").skip(1) {
        let text = part.split('<').next().unwrap_or_default();
        out.push(("index.html".to_string(), text.to_string()));
    }
    for script in ["static/boot.js", "static/embed-demo.js", "static/embed.js"] {
        let source = read(script);
        let Some((_, table)) = source.split_once("'zh-TW': ") else {
            panic!("{script} has no 'zh-TW' texts");
        };
        // Up to the table's end: a line that closes it, or the end of a one-line table.
        let table = table.split("\n  },").next().unwrap_or_default();
        let table = table.split("};").next().unwrap_or(table);
        for literal in string_literals(table) {
            out.push((script.to_string(), literal));
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&read("static/manifest.webmanifest")).unwrap_or_default();
    for member in [
        "name_localized",
        "short_name_localized",
        "description_localized",
    ] {
        let text = manifest[member]["zh-TW"].as_str().unwrap_or_default();
        assert!(!text.is_empty(), "the manifest's {member} has Chinese");
        out.push(("manifest".to_string(), text.to_string()));
    }
    out
}

/// The contents of the JavaScript string literals in `source` ('…' and `…`, with `${…}`
/// placeholders as a mark the bar does not read).
fn string_literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\'' && c != '`' {
            continue;
        }
        let mut text = String::new();
        while let Some(d) = chars.next() {
            match d {
                '\\' => {
                    chars.next();
                }
                '$' if c == '`' && chars.peek() == Some(&'{') => {
                    // A placeholder, as far as its closing brace (nested ones included).
                    let mut depth = 0;
                    for e in chars.by_ref() {
                        match e {
                            '{' => depth += 1,
                            '}' if depth == 1 => break,
                            '}' => depth -= 1,
                            _ => {}
                        }
                    }
                    text.push('□');
                }
                d if d == c => break,
                d => text.push(d),
            }
        }
        if text.chars().any(zh_bar::cjk) {
            out.push(text);
        }
    }
    out
}

#[test]
fn every_chinese_text_of_the_page_meets_the_bar() {
    let blocks = [
        audit::ALL,
        canvas::ALL,
        common::ALL,
        embed::ALL,
        io::ALL,
        panels::ALL,
        shell::ALL,
        training::ALL,
    ];
    let mut texts: Vec<(String, String)> = blocks
        .into_iter()
        .flatten()
        .map(|e| (e.0.to_string(), filled(e)))
        .collect();
    let own = texts.len();
    texts.extend(composed());
    let shipped = shipped();
    assert!(shipped.len() > 25, "{} shipped texts", shipped.len());
    texts.extend(shipped);
    let failures: Vec<String> = texts
        .iter()
        .flat_map(|(at, text)| {
            zh_bar::problems(text)
                .into_iter()
                .map(move |p| format!("{at}: {p}: {text}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(own > 150, "{own} texts");
}

#[test]
fn literals_are_read_as_a_script_has_them() {
    let source = r#"a: 'x「y」\'s', b: `載入 ${file} 中，${t ? `：${t}` : ''}。`, c: 'ascii'"#;
    assert_eq!(string_literals(source), ["載入 □ 中，□。"]);
}
