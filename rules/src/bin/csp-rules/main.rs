//! `csp-rules`: the rules engine on the command line (interfaces.md §3).
//! Exit 0 when a file was evaluated, 2 with one `error:` line on any bad input or arguments.

use csp_rules::{
    presets, quoted, rules, share, Borrowed, Lang, Limit, Place, Problem, ScenarioError,
};
use std::io::{self, Read, Write};
use std::process::ExitCode;

mod pretty;

const HELP: &str = "\
csp-rules — judge CSP partner relationships by the rules of Microsoft's guide

Usage:
  csp-rules check [--lang en|zh-TW] [--summary] FILE|-   evaluate a scenario file, print the report
  csp-rules share FILE|-                                 print the page's share-link fragment
  csp-rules share --decode LINK|-                        print the scenario file a link holds
  csp-rules rules [--lang en|zh-TW] [--json]             list every rule ID with its statement
  csp-rules presets [--lang en|zh-TW]                    list the guide's eight example scenarios
  csp-rules preset N                                     print preset N's scenario file

Run `csp-rules COMMAND --help` for more. Exit status: 0 when evaluated (whatever the
verdicts), 2 on bad input or arguments, with one line on standard error starting `error:`.";

const CHECK_HELP: &str = "\
Usage: csp-rules check [--lang en|zh-TW] [--summary] FILE|-

Reads a scenario file (JSON, version 1; `-` reads standard input), evaluates every edge and
prints the report as JSON: each edge's verdict (allowed or blocked) with its findings, the
diagram-wide findings and a summary.

Options:
  --lang en|zh-TW   language of messages, citations and remedies (default: en)
  --summary         print counts by verdict and by rule instead of the full report
  -h, --help        show this help";

const SHARE_HELP: &str = "\
Usage: csp-rules share [--lang en|zh-TW] FILE|-
       csp-rules share --decode [--lang en|zh-TW] LINK|-

Prints the fragment `#scenario=…` that opens the scenario in the explorer page: append it to
the page's address. Format: `1.<codec>.<data>`, data base64url without padding; codec `c`
(the JSON in a zlib stream, with a checksum: what this version writes), or `j` (the JSON
itself) and `z` (raw DEFLATE), which earlier versions wrote and every version reads.

With --decode, prints the scenario file a link holds (the link, a fragment or a whole URL;
`-` reads it from standard input), read as the page reads it: a link that is damaged, has
anything after its data, or is not written as a writer writes it is refused with one line.

Options:
  --decode          read a link instead of writing one
  --lang en|zh-TW   language of error messages (default: en)
  -h, --help        show this help";

const RULES_HELP: &str = "\
Usage: csp-rules rules [--lang en|zh-TW] [--json]

Lists every rule ID with its severity and one-line statement (--json: as a JSON array of
{id, severity, statement, cite}).";

const PRESETS_HELP: &str = "\
Usage: csp-rules presets [--lang en|zh-TW]
       csp-rules preset N

`presets` lists the guide's eight example scenarios; `preset N` prints scenario N's file,
ready for `csp-rules check -`.";

/// Why a command did not finish.
enum Failure {
    /// The one `error:` line, already in the user's language.
    Line(String),
    /// Whoever read standard output stopped reading (`| head`): not worth a message.
    ReaderGone,
}

impl From<ScenarioError> for Failure {
    fn from(e: ScenarioError) -> Self {
        Failure::Line(e.line(Lang::En))
    }
}

/// A failed write to standard output, judged by its kind, never by its text (which can hold
/// words from the input).
fn write_failed(e: &io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::ReaderGone
    } else {
        Failure::Line(format!("error: cannot write output: {e}"))
    }
}

fn usage(msg: impl std::fmt::Display, cmd: &str) -> Failure {
    Failure::Line(format!("error: {msg} (see `csp-rules {cmd} --help`)"))
}

#[derive(Default)]
struct Args {
    lang: Lang,
    summary: bool,
    json: bool,
    decode: bool,
    help: bool,
    positional: Vec<String>,
}

fn parse_args(cmd: &str, args: &[String], allowed: &[&str]) -> Result<Args, Failure> {
    let mut out = Args::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        match flag {
            "-h" | "--help" => out.help = true,
            "--lang" if allowed.contains(&"--lang") => {
                let v = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .ok_or_else(|| usage("--lang needs a value: en or zh-TW", cmd))?,
                };
                out.lang = Lang::from_tag(&v).ok_or_else(|| {
                    usage(
                        format!("unknown language {}; use en or zh-TW", quoted(&v)),
                        cmd,
                    )
                })?;
            }
            "--summary" if allowed.contains(&"--summary") => out.summary = true,
            "--json" if allowed.contains(&"--json") => out.json = true,
            "--decode" if allowed.contains(&"--decode") => out.decode = true,
            "-" => out.positional.push(a.clone()),
            f if f.starts_with('-') => {
                return Err(usage(format!("unknown option {}", quoted(a)), cmd))
            }
            _ => out.positional.push(a.clone()),
        }
    }
    Ok(out)
}

fn one_file(cmd: &str, a: &Args) -> Result<Vec<u8>, Failure> {
    match a.positional.as_slice() {
        [path] => read_input(path, a.lang),
        [] => Err(usage("missing FILE (use - for standard input)", cmd)),
        _ => Err(usage("expected one FILE", cmd)),
    }
}

/// The link of `share --decode`: the argument itself, or standard input for `-` (a link of
/// a large network can be longer than an argument may be).
fn one_link(a: &Args) -> Result<String, Failure> {
    match a.positional.as_slice() {
        // A link is ASCII: bytes that aren't UTF-8 are refused by the reader as not base64url.
        [link] if link == "-" => Ok(String::from_utf8_lossy(&read_input(link, a.lang)?).into()),
        [link] => Ok(link.clone()),
        [] => Err(usage("missing LINK (use - for standard input)", "share")),
        _ => Err(usage("expected one LINK", "share")),
    }
}

fn too_large(found: Option<usize>, lang: Lang) -> Failure {
    let e = ScenarioError::new(
        Place::Input,
        Problem::TooLarge {
            limit: Limit::Bytes,
            found,
        },
    );
    Failure::Line(e.line(lang))
}

/// Reads a file or standard input, never more than one byte past the size limit; a file
/// over the limit is refused by its size before reading.
fn read_input(path: &str, lang: Lang) -> Result<Vec<u8>, Failure> {
    let cap = Limit::MAX_BYTES as u64 + 1;
    let mut buf = Vec::new();
    let result = if path == "-" {
        io::stdin().lock().take(cap).read_to_end(&mut buf)
    } else {
        let file = std::fs::File::open(path)
            .map_err(|e| Failure::Line(format!("error: cannot read {}: {e}", quoted(path))))?;
        if let Ok(meta) = file.metadata() {
            if meta.len() > Limit::MAX_BYTES as u64 {
                return Err(too_large(usize::try_from(meta.len()).ok(), lang));
            }
            // One allocation of the right size: `Take` hides the size from `read_to_end`,
            // which would otherwise grow the buffer by doubling (copies and page faults).
            buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0) + 1);
        }
        file.take(cap).read_to_end(&mut buf)
    };
    let name = if path == "-" { "standard input" } else { path };
    result.map_err(|e| Failure::Line(format!("error: cannot read {}: {e}", quoted(name))))?;
    if buf.len() > Limit::MAX_BYTES {
        // Read one byte past the limit, so all that is known is that there is more (a
        // stream may not end at all).
        return Err(too_large(None, lang));
    }
    Ok(buf)
}

fn run(argv: &[String], out: &mut dyn Write) -> Result<(), Failure> {
    let Some((cmd, rest)) = argv.split_first() else {
        return Err(Failure::Line(
            "error: missing command (see `csp-rules --help`)".to_string(),
        ));
    };
    let w = |out: &mut dyn Write, text: &str| -> Result<(), Failure> {
        out.write_all(text.as_bytes()).map_err(|e| write_failed(&e))
    };
    match cmd.as_str() {
        "-h" | "--help" | "help" => w(out, &format!("{HELP}\n")),
        "-V" | "--version" => w(out, &format!("csp-rules {}\n", csp_rules::VERSION)),
        "check" => {
            let a = parse_args("check", rest, &["--lang", "--summary"])?;
            if a.help {
                return w(out, &format!("{CHECK_HELP}\n"));
            }
            // The process ends after this command: the input and what is read from it are
            // left to the OS rather than freed string by string.
            let input: &'static [u8] = one_file("check", &a)?.leak();
            let file = Borrowed::read(input).map_err(|e| Failure::Line(e.line(a.lang)))?;
            let file: &'static Borrowed<'static> = Box::leak(Box::new(file));
            let judged = file.judge(a.lang);
            let written = if a.summary {
                let summary = judged.summary();
                let mut text = format!(
                    "allowed\t{}\nblocked\t{}\n",
                    summary.allowed, summary.blocked
                );
                for (rule, n) in judged.counts_by_rule() {
                    text.push_str(&format!("{rule}\t{n}\n"));
                }
                w(out, &text)
            } else {
                // The report is written edge by edge as it is judged, never held whole.
                let mut buf = io::BufWriter::with_capacity(1 << 16, out);
                pretty::write(&mut buf, &judged)
                    .map_err(|e| {
                        write_failed(&e.io_error_kind().map_or_else(|| e.into(), io::Error::from))
                    })
                    .and_then(|()| {
                        buf.write_all(b"\n")
                            .and_then(|_| buf.flush())
                            .map_err(|e| write_failed(&e))
                    })
            };
            std::mem::forget(judged);
            written
        }
        "share" => {
            let a = parse_args("share", rest, &["--decode", "--lang"])?;
            if a.help {
                return w(out, &format!("{SHARE_HELP}\n"));
            }
            let lang = a.lang;
            if a.decode {
                let scenario = share::decode(&one_link(&a)?).map_err(|e| e.line(lang));
                let scenario = scenario.map_err(Failure::Line)?;
                // A scenario is plain data; serializing it can't fail.
                let file = serde_json::to_string_pretty(&scenario).unwrap_or_default();
                return w(out, &format!("{file}\n"));
            }
            let scenario = csp_rules::parse_bytes(&one_file("share", &a)?);
            let scenario = scenario.map_err(|e| Failure::Line(e.line(lang)))?;
            w(out, &format!("{}\n", share::fragment(&scenario)))
        }
        "rules" => {
            let a = parse_args("rules", rest, &["--lang", "--json"])?;
            if a.help {
                return w(out, &format!("{RULES_HELP}\n"));
            }
            if let Some(extra) = a.positional.first() {
                return Err(usage(
                    format!("unexpected argument {}", quoted(extra)),
                    "rules",
                ));
            }
            let list = rules(a.lang);
            if a.json {
                w(
                    out,
                    &format!(
                        "{}\n",
                        serde_json::to_string_pretty(&list).unwrap_or_default()
                    ),
                )
            } else {
                let width = list.iter().map(|r| r.id.len()).max().unwrap_or(0);
                let text: String = list
                    .iter()
                    .map(|r| {
                        format!(
                            "{:width$}  {:5}  {}\n",
                            r.id,
                            format!("{:?}", r.severity).to_lowercase(),
                            r.statement
                        )
                    })
                    .collect();
                w(out, &text)
            }
        }
        "presets" => {
            let a = parse_args("presets", rest, &["--lang"])?;
            if a.help {
                return w(out, &format!("{PRESETS_HELP}\n"));
            }
            let text: String = presets::all()
                .iter()
                .map(|p| {
                    format!(
                        "{}\t{}\t{}\n",
                        p.number,
                        p.title(a.lang),
                        p.description(a.lang)
                    )
                })
                .collect();
            w(out, &text)
        }
        "preset" => {
            let a = parse_args("preset", rest, &[])?;
            if a.help {
                return w(out, &format!("{PRESETS_HELP}\n"));
            }
            let n = match a.positional.as_slice() {
                [n] => n,
                _ => return Err(usage("expected one preset number, 1 to 8", "preset")),
            };
            let p = n.parse::<u8>().ok().and_then(presets::get).ok_or_else(|| {
                usage(
                    format!("no preset {}; presets are numbered 1 to 8", quoted(n)),
                    "preset",
                )
            })?;
            w(out, p.json)
        }
        other => Err(Failure::Line(format!(
            "error: unknown command {} (see `csp-rules --help`)",
            quoted(other)
        ))),
    }
}

/// A closed standard output (`>&-`) must not pass for success. Rust's runtime opens
/// `/dev/null` read-write in place of a closed standard descriptor before `main`, so writes
/// would vanish without an error; a shell's `>/dev/null` opens it write-only. Asked on Linux,
/// where `/proc` says both.
fn stdout_is_open() -> Result<(), Failure> {
    #[cfg(target_os = "linux")]
    {
        let target = std::fs::read_link("/proc/self/fd/1");
        let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
        let read_write = info
            .lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2);
        if read_write && target.is_ok_and(|t| t == std::path::Path::new("/dev/null")) {
            return Err(Failure::Line(
                "error: cannot write output: standard output is closed".into(),
            ));
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let result = stdout_is_open().and_then(|()| run(&argv, &mut io::stdout().lock()));
    match result {
        Ok(()) | Err(Failure::ReaderGone) => ExitCode::SUCCESS,
        Err(Failure::Line(line)) => {
            let _ = writeln!(io::stderr(), "{line}");
            ExitCode::from(2)
        }
    }
}
