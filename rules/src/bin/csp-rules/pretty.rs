//! The report's indented JSON, byte for byte what `serde_json::to_writer_pretty` writes (two
//! spaces a level), but each line break with its indentation in one write instead of one per
//! level: a findings-dense report has millions of lines, and those small writes were a tenth
//! of the CLI's time.

use serde_json::ser::Formatter;
use std::io::{self, Write};

const INDENT: usize = 2;

/// A comma, a line break and the indentation of 32 levels, written from as a slice. Deeper
/// levels (no report has them) take more writes of the spaces.
static BREAK: [u8; 2 + 32 * INDENT] = {
    let mut b = [b' '; 2 + 32 * INDENT];
    b[0] = b',';
    b[1] = b'\n';
    b
};

#[derive(Debug, Default)]
pub struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break (after a comma when `comma`) and the current level's indentation.
    fn line<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        let room = BREAK.len() - 2;
        let mut spaces = self.depth * INDENT;
        let first = spaces.min(room);
        w.write_all(&BREAK[usize::from(!comma)..2 + first])?;
        spaces -= first;
        while spaces > 0 {
            let n = spaces.min(room);
            w.write_all(&BREAK[2..2 + n])?;
            spaces -= n;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `value` as indented JSON into `w`.
pub fn write<W: Write, T: ?Sized + serde::Serialize>(w: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        w,
        Pretty::default(),
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failing test panics
mod tests {
    use serde_json::{json, Value};

    fn pretty(v: &Value) -> String {
        let mut out = Vec::new();
        super::write(&mut out, v).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let values = [
            json!(null),
            json!([]),
            json!({}),
            json!([[], {}, [[]], {"a": {}}]),
            json!({"a": 1, "b": [true, "x\"\n", 2.5], "c": {"d": [{"e": []}]}}),
        ];
        for v in &values {
            assert_eq!(pretty(v), serde_json::to_string_pretty(v).unwrap(), "{v}");
        }
    }

    #[test]
    fn writes_every_guide_report_as_serde_json_does() {
        for preset in csp_rules::presets::all() {
            let path = format!("{}/{}", env!("CARGO_MANIFEST_DIR"), preset.path());
            let text = std::fs::read(&path).unwrap();
            let file = csp_rules::Borrowed::read(&text).unwrap();
            for lang in [csp_rules::Lang::En, csp_rules::Lang::ZhTw] {
                let judged = file.judge(lang);
                let mut out = Vec::new();
                super::write(&mut out, &judged).unwrap();
                let expected = serde_json::to_string_pretty(&judged).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), expected, "{path}");
            }
        }
    }

    #[test]
    fn indents_past_the_prepared_levels() {
        // 40 levels, past the 32 that one write indents.
        let mut v = json!({"leaf": [1, 2]});
        for i in 0..40 {
            v = json!({ format!("k{i}"): [v, i] });
        }
        let ours = pretty(&v);
        assert_eq!(ours, serde_json::to_string_pretty(&v).unwrap());
        let deepest = ours.lines().map(|l| l.len() - l.trim_start().len()).max();
        assert_eq!(deepest, Some(2 * 82));
    }
}
