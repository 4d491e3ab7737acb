//! A fuzz target for the CLI's whole input path, run for a bounded time on every `cargo
//! test`: arguments, a file or standard input (scenario files and share links, valid ones
//! mutated and random ones), reading, validation, evaluation, the report, share links both
//! ways. Nothing may panic, hang or answer other than the CLI's contract: exit 0 with the
//! output, or exit 2 with one escaped, bounded `error:` line.
//!
//! `CSP_FUZZ_CASES=N` runs N cases per target instead of the default (10,000; the binary 500), and `CSP_FUZZ_SECONDS=S`
//! bounds each target's time (default 8 s; cases past it are skipped, so a loaded machine
//! runs fewer rather than longer). `PROPTEST_SEED`-style replay: proptest prints the failing
//! input, shrunk, and keeps it in `proptest-regressions/`.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use csp_rules::{share, Lang};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default_cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: env_number("CSP_FUZZ_CASES", u64::from(default_cases)) as u32,
        max_shrink_time: 30_000,
        ..ProptestConfig::default()
    }
}

/// Whether a target's time is up (then its remaining cases pass without running).
fn out_of_time(start: &std::sync::OnceLock<Instant>) -> bool {
    let budget = Duration::from_secs(env_number("CSP_FUZZ_SECONDS", 8));
    start.get_or_init(Instant::now).elapsed() > budget
}

// ---- inputs ----

const KINDS: [&str; 6] = [
    "microsoft",
    "indirect_provider",
    "indirect_reseller",
    "direct_bill_partner",
    "customer",
    "reseller",
];

/// Text a user or an attacker might put in a string field.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9._-]{1,12}",
        Just(String::new()),
        Just("Broken pipe".to_string()),
        Just("\u{1b}]0;x\u{7}\u{1b}[2J\u{0}\u{2028}\u{85}\u{202e}".to_string()),
        ".{0,40}",
        (1usize..2000).prop_map(|n| "😀".repeat(n)),
        Just("x".repeat(70)),
    ]
}

fn node() -> impl Strategy<Value = serde_json::Value> {
    (
        0usize..4,
        prop::sample::select(KINDS.to_vec()),
        prop::option::of(text()),
        prop::option::of(prop::sample::select(vec!["europe", "japan", "", " "])),
        prop::option::of(prop::sample::select(vec!["o", "p", "o-customer"])),
        prop::option::of(prop::sample::select(vec![
            "t",
            "o-customer",
            "o-customer-2",
            "t2",
        ])),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(id, kind, name, region, org, tenant, mpa, onboarded)| {
            let mut n = serde_json::json!({"id": format!("n{id}"), "kind": kind});
            let o = n.as_object_mut().unwrap();
            if let Some(v) = name {
                o.insert("name".into(), v.into());
            }
            if let Some(v) = region {
                o.insert("region".into(), v.into());
            }
            if let Some(v) = org {
                o.insert("org".into(), v.into());
            }
            if let Some(v) = tenant {
                o.insert("tenant".into(), v.into());
            }
            if let Some(v) = mpa {
                o.insert("mpa_signed".into(), v.into());
            }
            if let Some(v) = onboarded {
                o.insert("onboarded".into(), v.into());
            }
            n
        })
}

/// A scenario file that is mostly valid: random nodes and edges among them.
fn scenario_file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(node(), 0..8),
        prop::collection::vec((0usize..5, 0usize..5, any::<bool>(), 0usize..3), 0..12),
        prop::option::of(prop::sample::select(vec![
            "2019-01-01",
            "2020-05-12",
            "2020-02-30",
            "x",
        ])),
        prop::option::of(text()),
    )
        .prop_map(|(nodes, edges, as_of, title)| {
            let edges: Vec<serde_json::Value> = edges
                .into_iter()
                .enumerate()
                .map(|(i, (f, t, sells, id))| {
                    serde_json::json!({
                        "id": if id == 0 { "e0".to_string() } else { format!("e{i}") },
                        "from": format!("n{f}"),
                        "to": format!("n{t}"),
                        "kind": if sells { "sells_to" } else { "manages" },
                    })
                })
                .collect();
            let mut s = serde_json::json!({"version": 1, "nodes": nodes, "edges": edges});
            if let Some(d) = as_of {
                s["as_of"] = d.into();
            }
            if let Some(t) = title {
                s["title"] = t.into();
            }
            serde_json::to_vec(&s).unwrap()
        })
}

/// A valid scenario file: unique IDs, regions where needed, flags on the kinds that have them,
/// edges between nodes that exist.
fn valid_file() -> impl Strategy<Value = Vec<u8>> {
    let node = || {
        (
            0usize..5,
            prop::option::of(text()),
            prop::sample::select(vec!["europe", "japan", "Mars"]),
            prop::option::of(prop::sample::select(vec!["o", "p", "o-customer"])),
            prop::option::of(prop::sample::select(vec![
                "t",
                "o-customer",
                "o-customer-2",
                "o-csp",
            ])),
            prop::option::of(any::<bool>()),
        )
    };
    (1usize..10)
        .prop_flat_map(move |n| {
            (
                prop::collection::vec(node(), n),
                prop::collection::vec((0..n, 0..n, any::<bool>()), 0..16),
            )
        })
        .prop_map(|(nodes, edges)| {
            let nodes: Vec<serde_json::Value> = nodes
                .into_iter()
                .enumerate()
                .map(|(i, (kind, name, region, org, tenant, flag))| {
                    let kind = KINDS[kind];
                    let mut n = serde_json::json!({"id": format!("n{i}"), "kind": kind});
                    let o = n.as_object_mut().unwrap();
                    if kind != "microsoft" {
                        o.insert("region".into(), region.into());
                    }
                    for (key, v) in [("name", name), ("org", org.map(String::from)), ("tenant", tenant.map(String::from))] {
                        if let Some(v) = v {
                            o.insert(key.into(), v.chars().take(200).collect::<String>().into());
                        }
                    }
                    if let Some(f) = flag {
                        let key = match kind {
                            "indirect_reseller" => "onboarded",
                            "direct_bill_partner" => "requirements_met",
                            "indirect_provider" => "mpa_signed",
                            _ => "",
                        };
                        if !key.is_empty() {
                            o.insert(key.into(), f.into());
                        }
                    }
                    n
                })
                .collect();
            let edges: Vec<serde_json::Value> = edges
                .into_iter()
                .enumerate()
                .map(|(i, (f, t, sells))| {
                    serde_json::json!({"id": format!("e{i}"), "from": format!("n{f}"), "to": format!("n{t}"),
                        "kind": if sells { "sells_to" } else { "manages" }})
                })
                .collect();
            serde_json::to_vec(&serde_json::json!({"version": 1, "nodes": nodes, "edges": edges})).unwrap()
        })
}

/// Pieces of JSON and of the format to splice into inputs.
const TOKENS: [&str; 24] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "null",
    "1e999",
    "-0",
    "\"version\":2",
    "\"kind\":\"microsoft\"",
    "\"nodes\":[",
    "\u{feff}",
    "\u{0}",
    "\u{1b}",
    "\"x\":",
    "  \n",
    "18446744073709551616",
    "\"as_of\":\"2020-01-01\"",
    "\"\u{2028}\"",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Insert(usize, usize),
    Remove(usize, usize),
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Flip(at, bit) => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b ^= 1 << (bit % 8);
                }
            }
            Mutation::Cut(at) => bytes.truncate(at % len),
            Mutation::Insert(at, token) => {
                let at = (at % len).min(bytes.len());
                let t = TOKENS[token % TOKENS.len()].as_bytes();
                bytes.splice(at..at, t.iter().copied());
            }
            Mutation::Remove(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n % 8).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Flip(a, b)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Remove(a, b)),
    ]
}

/// A scenario file, a preset, random bytes, or any of these mutated.
fn input() -> impl Strategy<Value = Vec<u8>> {
    let preset = (1u8..=8).prop_map(|n| {
        csp_rules::presets::get(n)
            .map(|p| p.json.as_bytes().to_vec())
            .unwrap_or_default()
    });
    let base = prop_oneof![
        3 => valid_file(),
        3 => scenario_file(),
        2 => preset,
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ];
    (base, prop::collection::vec(mutation(), 0..4)).prop_map(|(b, m)| mutate(b, &m))
}

/// A share link: a good one (any codec), mutated as text, or a made-up one.
fn link() -> impl Strategy<Value = String> {
    let good =
        (valid_file(), 0usize..3).prop_map(|(file, codec)| match csp_rules::parse_bytes(&file) {
            Ok(s) => {
                let json = serde_json::to_vec(&s).unwrap();
                match codec {
                    0 => share::fragment(&s),
                    1 => format!(
                        "#scenario=1.z.{}",
                        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&json, 6))
                    ),
                    _ => format!("#scenario=1.j.{}", URL_SAFE_NO_PAD.encode(json)),
                }
            }
            Err(_) => format!("#scenario=1.j.{}", URL_SAFE_NO_PAD.encode(file)),
        });
    let edits = prop::collection::vec((any::<usize>(), any::<char>(), 0u8..3), 0..3);
    let made_up = prop_oneof![
        "[0-9+]{0,3}\\.[a-z]{0,2}\\.[A-Za-z0-9_=-]{0,40}",
        ".{0,60}",
        Just("#scenario=".to_string()),
    ];
    prop_oneof![
        3 => (good, edits).prop_map(|(l, edits)| {
            let mut chars: Vec<char> = l.chars().collect();
            for (at, c, op) in edits {
                let at = at % (chars.len() + 1);
                match op {
                    0 => chars.insert(at, c),
                    1 if at < chars.len() => chars[at] = c,
                    _ if at < chars.len() => {
                        chars.remove(at);
                    }
                    _ => {}
                }
            }
            chars.into_iter().collect()
        }),
        1 => made_up,
    ]
}

// ---- what every answer must be ----

/// The CLI's one error line: `error: …`, no control characters, bounded.
fn assert_error_line(line: &str) -> Result<(), TestCaseError> {
    prop_assert!(line.starts_with("error: "), "{line:?}");
    prop_assert!(
        !line
            .chars()
            .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202e}')),
        "{line:?}"
    );
    prop_assert!(
        line.chars().count() <= 1_000,
        "{} chars",
        line.chars().count()
    );
    Ok(())
}

static LIBRARY: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
static LINKS: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
static PROCESS: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

proptest! {
    #![proptest_config(config(10_000))]

    /// What `csp-rules check` and `share` do with a file, in the library.
    #[test]
    fn any_input_gives_a_report_or_one_error_line(bytes in input()) {
        if out_of_time(&LIBRARY) {
            return Ok(());
        }
        for lang in Lang::ALL {
            // The CLI reads with `Borrowed` and streams; it must answer exactly as `check`.
            let streamed = csp_rules::Borrowed::read(&bytes)
                .map(|f| serde_json::to_string(&f.judge(lang)).unwrap_or_default())
                .map_err(|e| e.line(lang));
            let whole = csp_rules::check(&bytes, lang);
            prop_assert_eq!(
                &streamed,
                &whole.as_ref().map(|r| r.to_json()).map_err(|e| e.line(lang))
            );
            match whole {
                Ok(report) => {
                    let s = csp_rules::parse_bytes(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(report.edges.len(), s.edges.len());
                    let json: serde_json::Value = serde_json::from_str(&report.to_json())
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(json["version"].as_u64(), Some(1));
                    // Its share link opens the same scenario.
                    let back = share::decode(&share::fragment(&s));
                    prop_assert_eq!(back.as_ref(), Ok(&s));
                }
                Err(e) => assert_error_line(&e.line(lang))?,
            }
        }
    }
}

proptest! {
    #![proptest_config(config(10_000))]

    /// What `csp-rules share --decode` and the page do with a link.
    #[test]
    fn any_link_opens_a_valid_scenario_or_gives_one_error_line(text in link()) {
        if out_of_time(&LINKS) {
            return Ok(());
        }
        match share::decode(&text) {
            Ok(s) => {
                prop_assert!(csp_rules::evaluate(&s, Lang::En).is_ok());
                let back = share::decode(&share::fragment(&s));
                    prop_assert_eq!(back.as_ref(), Ok(&s));
            }
            Err(e) => {
                assert_error_line(&e.line(Lang::En))?;
                assert_error_line(&e.line(Lang::ZhTw))?;
            }
        }
    }

    /// A zlib link changed in one character opens the same scenario or nothing.
    #[test]
    fn a_zlib_link_changed_anywhere_never_opens_another_scenario(
        file in valid_file(),
        at in any::<usize>(),
        c in prop::sample::select("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".chars().collect::<Vec<_>>()),
    ) {
        if out_of_time(&LINKS) {
            return Ok(());
        }
        let Ok(s) = csp_rules::parse_bytes(&file) else { return Ok(()) };
        let link = share::encode(&s);
        let data_start = "1.c.".len();
        let at = data_start + at % (link.len() - data_start);
        let mut changed = link.clone();
        changed.replace_range(at..=at, &c.to_string());
        if let Ok(other) = share::decode(&changed) {
            prop_assert_eq!(other, s);
        }
    }
}

// ---- the binary itself ----

fn arg() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "check", "share", "rules", "presets", "preset", "--lang", "en", "zh-TW", "--summary",
            "--json", "--decode", "-", "-h", "--help", "--version", "3", "9", "--lang=zh-TW",
            "--colour",
        ]).prop_map(String::from),
        // The OS passes no NUL in an argument.
        1 => text().prop_map(|t| t.replace('\0', "")),
    ]
}

/// Runs the binary; kills it (and fails) if it takes over 20 s: a hang.
fn run(args: &[String], stdin: &[u8]) -> Result<std::process::Output, TestCaseError> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csp-rules"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| TestCaseError::fail(format!("spawn: {e}")))?;
    let input = stdin.to_vec();
    let mut pipe = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(p) = pipe.as_mut() {
            let _ = p.write_all(&input);
        }
    });
    let start = Instant::now();
    loop {
        if child
            .try_wait()
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .is_some()
        {
            break;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            return Err(TestCaseError::fail(format!("{args:?} hung")));
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = writer.join();
    child
        .wait_with_output()
        .map_err(|e| TestCaseError::fail(e.to_string()))
}

proptest! {
    #![proptest_config(config(500))]

    /// The binary: arguments in any order and any input on standard input or as a link.
    #[test]
    fn the_binary_exits_0_with_output_or_2_with_one_error_line(
        args in prop::collection::vec(arg(), 0..5),
        bytes in input(),
        as_link in link(),
        link_on_stdin in any::<bool>(),
    ) {
        if out_of_time(&PROCESS) {
            return Ok(());
        }
        let mut args = args;
        let stdin = if args.iter().any(|a| a == "--decode") && link_on_stdin {
            as_link.into_bytes()
        } else {
            if args.iter().any(|a| a == "--decode") {
                args.push(as_link.replace('\0', ""));
            }
            bytes
        };
        let out = run(&args, &stdin)?;
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        match out.status.code() {
            Some(0) => {
                prop_assert!(stderr.is_empty(), "{args:?}: {stderr}");
                let checks_json = args.first().map(String::as_str) == Some("check")
                    && !args.iter().any(|a| a == "--summary" || a.starts_with("-h") || a == "--help");
                if checks_json {
                    prop_assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok(), "{args:?}: {stdout:.200}");
                }
            }
            Some(2) => {
                prop_assert!(out.stdout.is_empty(), "{args:?}: {stdout:.200}");
                prop_assert_eq!(stderr.matches('\n').count(), 1, "{:?}: {}", args, stderr);
                assert_error_line(stderr.trim_end_matches('\n'))?;
            }
            other => prop_assert!(false, "{args:?}: exit {other:?}: {stderr}"),
        }
    }
}

#[test]
fn the_inputs_cover_both_answers() {
    // The generators must reach both valid scenarios and every kind of refusal, or the
    // targets above test little; checked on a fixed sample.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut ok, mut err, mut links_ok) = (0, 0, 0);
    for _ in 0..400 {
        let bytes = input().new_tree(&mut runner).unwrap().current();
        match csp_rules::check(&bytes, Lang::En) {
            Ok(_) => ok += 1,
            Err(_) => err += 1,
        }
        let l = link().new_tree(&mut runner).unwrap().current();
        links_ok += usize::from(share::decode(&l).is_ok());
    }
    assert!(ok >= 20 && err >= 20, "{ok} valid, {err} refused");
    assert!(links_ok >= 20, "{links_ok} links open");
}
