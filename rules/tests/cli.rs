//! The `csp-rules` binary as a user runs it: output, exit status, and one-line errors.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csp-rules"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    if let Some(mut input) = child.stdin.take() {
        // The binary may exit before reading everything (size limit): ignore a broken pipe.
        let _ = input.write_all(stdin);
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn preset_path(n: u8) -> String {
    let slug = csp_rules::presets::get(n)
        .map(|p| p.slug)
        .unwrap_or_default();
    format!("{}/presets/{slug}.json", env!("CARGO_MANIFEST_DIR"))
}

/// Bad input: exit 2, nothing on stdout, one line on stderr starting `error:` with `place`.
fn assert_input_error(args: &[&str], stdin: &[u8], place: &str) {
    let out = run(args, stdin);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(place), "{args:?}: expected {place:?} in {err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn check_prints_the_report_of_a_file_and_of_stdin() {
    let out = run(&["check", &preset_path(7)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["blocked"], 1);
    assert_eq!(
        report["edges"][3]["findings"][0]["rule"],
        "REGION.CUSTOMER_SAME_REGION"
    );
    assert_eq!(
        report["edges"][3]["findings"][0]["cite"],
        "Example scenario 7"
    );
    let json = std::fs::read(preset_path(7)).unwrap_or_default();
    let again = run(&["check", "-"], &json);
    assert_eq!(again.stdout, out.stdout, "same file, same bytes");
}

#[test]
fn check_speaks_traditional_chinese() {
    let out = run(&["check", "--lang", "zh-TW", &preset_path(7)], b"");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let message = report["edges"][3]["findings"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("相同地區的客戶"), "{message}");
    assert_eq!(report["edges"][3]["findings"][0]["cite"], "範例案例7");
}

#[test]
fn check_summary_counts_by_verdict_and_rule() {
    let out = run(&["check", "--summary", &preset_path(8)], b"");
    assert_eq!(
        text(&out.stdout),
        "allowed\t3\nblocked\t2\nCHAIN.NEEDS_UPSTREAM\t1\nREGION.PARTNER_SAME_REGION\t1\nDIAGRAM.UNSERVED_CUSTOMER\t1\n"
    );
}

#[test]
fn share_prints_a_fragment_that_decodes_to_the_same_scenario() {
    let out = run(&["share", &preset_path(6)], b"");
    let fragment = text(&out.stdout);
    assert!(fragment.starts_with("#scenario=1."), "{fragment}");
    let back = csp_rules::share::decode(fragment.trim()).map_err(|e| e.to_string());
    let original = csp_rules::parse_bytes(&std::fs::read(preset_path(6)).unwrap_or_default())
        .map_err(|e| e.to_string());
    assert_eq!(back, original);
}

#[test]
fn rules_lists_every_id_with_its_statement() {
    let out = run(&["rules"], b"");
    let listing = text(&out.stdout);
    assert_eq!(listing.lines().count(), csp_rules::RuleId::ALL.len());
    for r in csp_rules::rules(csp_rules::Lang::En) {
        assert!(
            listing
                .lines()
                .any(|l| l.starts_with(r.id) && l.ends_with(r.statement)),
            "{}",
            r.id
        );
    }
    let zh = text(&run(&["rules", "--lang", "zh-TW", "--json"], b"").stdout);
    let list: serde_json::Value = serde_json::from_str(&zh).unwrap_or_default();
    assert_eq!(list[7]["id"], "MPA.REQUIRED");
    assert!(list[7]["statement"]
        .as_str()
        .unwrap_or_default()
        .contains("Microsoft 合作夥伴合約（MPA）"));
}

#[test]
fn help_is_there_for_every_command() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["share", "-h"],
        &["rules", "--help"],
        &["presets", "--help"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(text(&out.stdout).contains("Usage"), "{args:?}");
    }
}

#[test]
fn presets_are_listed_and_printed() {
    let out = run(&["presets", "--lang", "zh-TW"], b"");
    assert_eq!(text(&out.stdout).lines().count(), 8);
    let out = run(&["preset", "3"], b"");
    assert_eq!(
        out.stdout,
        std::fs::read(preset_path(3)).unwrap_or_default()
    );
    assert_input_error(&["preset", "9"], b"", "1 to 8");
}

#[test]
fn bad_arguments_exit_2_with_one_line() {
    assert_input_error(&[], b"", "missing command");
    assert_input_error(&["frobnicate"], b"", "unknown command");
    assert_input_error(&["check"], b"", "missing FILE");
    assert_input_error(&["check", "--lang", "fr", "-"], b"", "unknown language");
    assert_input_error(&["check", "--lang"], b"", "--lang needs a value");
    assert_input_error(&["check", "--colour", "-"], b"", "unknown option");
    assert_input_error(&["check", "a.json", "b.json"], b"", "expected one FILE");
    assert_input_error(
        &["check", "/no/such/file.json"],
        b"",
        "cannot read \"/no/such/file.json\"",
    );
}

#[test]
fn every_class_of_bad_input_exits_2_naming_the_place() {
    let good = r#"{"version":1,"nodes":[{"id":"ms","kind":"microsoft"},{"id":"d","kind":"direct_bill_partner","region":"europe"}],"edges":[{"id":"e1","from":"ms","to":"d","kind":"sells_to"}]}"#;
    let cases: Vec<(String, &str)> = vec![
        ("{\"version\": 1,\n \"nodes\": [}".into(), "line 2, column"),
        ("not json".into(), "line 1, column 2"),
        ("".into(), "line 1, column 0"),
        (
            good.replace(r#""kind":"microsoft""#, r#""kind":"partner""#),
            "nodes[0].kind",
        ),
        (
            good.replace(r#""kind":"sells_to""#, r#""kind":"buys_from""#),
            "edges[0].kind",
        ),
        (
            good.replace(r#""region":"europe""#, r#""region":"europe","extra":1"#),
            "nodes[1]",
        ),
        (good.replace(r#""id":"d""#, r#""id":"ms""#), "nodes[1].id"),
        (good.replace(r#""id":"e1","#, ""), "edges[0].id"),
        (
            good.replace(r#""to":"d""#, r#""to":"nobody""#),
            "edges[0].to",
        ),
        (
            good.replace(r#""version":1"#, r#""version":1,"as_of":"2020-13-01""#),
            "as_of",
        ),
        (good.replace(r#""version":1"#, r#""version":3"#), "version"),
        (
            good.replace(r#""version":1"#, r#""version":"1""#),
            "version",
        ),
        (good.replace(r#","region":"europe""#, ""), "nodes[1].region"),
        (
            good.replace(r#""id":"d""#, r#""id":"d/1""#)
                .replace(r#""to":"d""#, r#""to":"d/1""#),
            "nodes[1].id",
        ),
        (
            good.replace(
                r#""region":"europe""#,
                r#""region":"europe","enrolled":false"#,
            ),
            "nodes[1].enrolled",
        ),
        (
            good.replace(r#""region":"europe""#, r#""region":"europe","x":"left""#),
            "nodes[1].x",
        ),
        ("[1,2,3]".into(), "(top level)"),
    ];
    for (json, place) in cases {
        assert_input_error(&["check", "-"], json.as_bytes(), place);
        assert_input_error(&["share", "-"], json.as_bytes(), place);
    }
    // Past the size limit: refused without reading it all.
    let big = vec![b' '; 64 * 1024 * 1024 + 10];
    assert_input_error(&["check", "-"], &big, "the limit of 64 MiB");
}

#[test]
fn errors_can_be_read_in_chinese() {
    let out = run(
        &["check", "--lang", "zh-TW", "-"],
        br#"{"version":1,"nodes":[{"id":"c","kind":"customer"}]}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: nodes[0].region：除了 Microsoft 之外，每個節點都必須有地區\n"
    );
}

/// A scenario of `n` sales from one provider to resellers, for output larger than a pipe holds.
fn many_edges(n: usize) -> String {
    let mut nodes = vec![r#"{"id":"ms","kind":"microsoft"}"#.to_string()];
    let mut edges = Vec::new();
    for i in 0..n {
        nodes.push(format!(
            r#"{{"id":"r{i}","kind":"indirect_reseller","region":"europe","mpa_signed":false}}"#
        ));
        edges.push(format!(
            r#"{{"id":"e{i}","from":"ms","to":"r{i}","kind":"sells_to"}}"#
        ));
    }
    format!(
        r#"{{"version":1,"nodes":[{}],"edges":[{}]}}"#,
        nodes.join(","),
        edges.join(",")
    )
}

#[test]
fn the_words_broken_pipe_in_the_input_are_an_input_error_like_any_other() {
    let id = br#"{"version":1,"nodes":[{"id":"Broken pipe","kind":"microsoft"}]}"#;
    assert_input_error(&["check", "-"], id, "\"Broken pipe\" is not a valid ID");
    let key = br#"{"version":1,"Broken pipe":1}"#;
    assert_input_error(&["check", "-"], key, "unknown field `Broken pipe`");
    let date = br#"{"version":1,"as_of":"Broken pipe"}"#;
    assert_input_error(&["share", "-"], date, "as_of");
    assert_input_error(
        &["check", "--lang", "Broken pipe", "-"],
        b"",
        "unknown language",
    );
    assert_input_error(&["check", "/no/Broken pipe.json"], b"", "cannot read");
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csp-rules"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    child
        .stdin
        .take()
        .map(|mut i| i.write_all(many_edges(3000).as_bytes()));
    // Read a little of the report (far less than it is), then close the pipe, as `| head` does.
    let mut first = [0u8; 16];
    if let Some(mut o) = child.stdout.take() {
        std::io::Read::read_exact(&mut o, &mut first).unwrap_or_else(|e| panic!("read: {e}"));
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    assert_eq!(&first[..2], b"{\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn a_closed_standard_output_is_an_error_not_a_silent_success() {
    for args in ["check", "share", "rules"] {
        let file = if args == "rules" {
            String::new()
        } else {
            preset_path(1)
        };
        let out = Command::new("sh")
            .args([
                "-c",
                "exec \"$0\" \"$1\" $2 >&-",
                env!("CARGO_BIN_EXE_csp-rules"),
                args,
                &file,
            ])
            .output()
            .unwrap_or_else(|e| panic!("sh: {e}"));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args}: {err}");
        assert_eq!(err.lines().count(), 1, "{args}: {err}");
        assert!(
            err.starts_with("error: cannot write output"),
            "{args}: {err}"
        );
    }
    // Output thrown away on purpose is still a success.
    let out = Command::new("sh")
        .args([
            "-c",
            "exec \"$0\" check \"$1\" >/dev/null",
            env!("CARGO_BIN_EXE_csp-rules"),
            &preset_path(1),
        ])
        .output()
        .unwrap_or_else(|e| panic!("sh: {e}"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn arguments_and_input_are_echoed_escaped_and_bounded() {
    let nasty = "\u{1b}]0;owned\u{7}\u{1b}[2J\u{2028}\u{85}";
    let long = "x".repeat(100_000);
    let file_arg = format!("/no/{nasty}.json");
    let lang_arg = format!("--lang={nasty}");
    let option_arg = format!("--{long}");
    for args in [
        vec!["check", file_arg.as_str()],
        vec!["check", lang_arg.as_str(), "-"],
        vec!["check", option_arg.as_str()],
        vec![nasty],
        vec!["preset", nasty],
        vec!["rules", nasty],
    ] {
        let out = run(&args, b"");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            !err.trim_end()
                .chars()
                .any(|c| c.is_control() || c == '\u{2028}'),
            "{err:?}"
        );
        assert!(err.len() < 600, "{} bytes", err.len());
    }
    let key = serde_json::to_string(&format!("{nasty}{long}")).unwrap_or_default();
    let input = format!(r#"{{"version":1,{key}:1}}"#);
    let out = run(&["check", "-"], input.as_bytes());
    let err = text(&out.stderr);
    assert!(
        err.contains(r"unknown field `\u{1b}]0;owned\u{7}\u{1b}[2J"),
        "{err}"
    );
    assert!(err.contains("xxx…`"), "{err}");
    assert!(err.len() < 800, "{} bytes", err.len());
}

#[test]
fn over_the_size_limit_the_real_size_is_given_or_what_is_known_of_it() {
    let big = vec![b' '; 64 * 1024 * 1024 + 10];
    // A file's size is known without reading it.
    let path = format!("{}/too-big.json", env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(&path, &big).unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["check", &path], b"");
    assert_eq!(
        text(&out.stderr),
        "error: input: 67108874 bytes is over the limit of 64 MiB (67108864 bytes)\n"
    );
    let _ = std::fs::remove_file(&path);
    // Standard input is read no further than the limit: all that is known is that it is more.
    let out = run(&["check", "-"], &big);
    assert_eq!(
        text(&out.stderr),
        "error: input: more than the limit of 64 MiB (67108864 bytes)\n"
    );
    let out = run(&["check", "--lang", "zh-TW", "-"], &big);
    assert_eq!(
        text(&out.stderr),
        "error: 輸入：超過 64 MiB（67108864 位元組）的上限\n"
    );
}

#[test]
fn share_decode_prints_the_scenario_a_link_holds() {
    let link = text(&run(&["share", &preset_path(6)], b"").stdout);
    assert!(link.starts_with("#scenario=1.c."), "{link}");
    // The link as an argument, or a whole URL on standard input.
    let out = run(&["share", "--decode", link.trim()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let decoded = csp_rules::parse_bytes(&out.stdout).map_err(|e| e.to_string());
    let original = csp_rules::parse_bytes(&std::fs::read(preset_path(6)).unwrap_or_default())
        .map_err(|e| e.to_string());
    assert_eq!(decoded, original);
    let url = format!("https://example.org/explorer/?lang=en{}", link.trim());
    let again = run(&["share", "--decode", "-"], url.as_bytes());
    assert_eq!(again.stdout, out.stdout);
    // What it prints is a scenario file: sharing it again gives the same link.
    assert_eq!(text(&run(&["share", "-"], &out.stdout).stdout), link);
    // Links of earlier versions decode too.
    let fixtures = include_str!("fixtures/share-links-v1.txt");
    let line = fixtures
        .lines()
        .find(|l| l.starts_with("6\t"))
        .unwrap_or_default();
    let mut cols = line.split('\t').skip(1);
    let (old, held) = (
        cols.next().unwrap_or_default(),
        cols.next().unwrap_or_default(),
    );
    let out = run(&["share", "--decode", old], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let decoded = csp_rules::parse_bytes(&out.stdout).map_err(|e| e.to_string());
    assert_eq!(decoded, csp_rules::parse(held).map_err(|e| e.to_string()));
}

#[test]
fn share_decode_refuses_a_damaged_link_with_one_line() {
    let link = text(&run(&["share", &preset_path(4)], b"").stdout);
    let damaged = format!("{}A", link.trim());
    assert_input_error(
        &["share", "--decode", &damaged],
        b"",
        "not a scenario share link",
    );
    assert_input_error(&["share", "--decode", "01.c.AAAA"], b"", "unknown format");
    assert_input_error(&["share", "--decode", "2.c.AAAA"], b"", "newer version");
    assert_input_error(&["share", "--decode"], b"", "missing LINK");
    assert_input_error(&["share", "--decode", "a", "b"], b"", "expected one LINK");
    let out = run(&["share", "--decode", "--lang", "zh-TW", "garbage"], b"");
    assert_eq!(
        text(&out.stderr),
        "error: 輸入：不是有效的情境分享連結（應為 <格式>.<編碼>.<資料>）\n"
    );
}
