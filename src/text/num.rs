//! Numbers as text: fixed-point for SVG attributes, without `core::fmt`'s float machinery
//! (Grisu and Dragon4 cost about 12 kB of wasm, and `{:.1}` is all the page needs), and
//! counts with thousands separators.

/// `v` with exactly `decimals` digits after the point (at most 4), like `format!("{v:.1}")`
/// for the values a diagram has; not finite, or beyond ±9e14: `0`.
pub fn fixed(v: f64, decimals: u32) -> String {
    let mut out = String::with_capacity(12);
    push_fixed(&mut out, v, decimals);
    out
}

/// [`fixed`], written at the end of `out` (a path of thousands of numbers allocates once).
pub fn push_fixed(out: &mut String, v: f64, decimals: u32) {
    let decimals = decimals.min(4);
    let scale = 10i64.pow(decimals);
    let scaled = (v * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() > 9.0e14 {
        out.push('0');
        return;
    }
    let n = scaled as i64;
    let (int, frac) = (
        n.unsigned_abs() / scale as u64,
        n.unsigned_abs() % scale as u64,
    );
    if n < 0 {
        out.push('-');
    }
    push_digits(out, int, 1);
    if decimals > 0 {
        out.push('.');
        push_digits(out, frac, decimals as usize);
    }
}

/// `n` in decimal, with leading zeros to at least `width` digits.
fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while n > 0 || buf.len() - i < width {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend(buf[i..].iter().map(|&b| char::from(b)));
}

/// 250000 as "250,000" (the same in both languages).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{fixed, thousands};

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(250_000), "250,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn matches_std_formatting_on_diagram_values() {
        for v in [
            0.0, 1.0, 12.34, -12.36, 0.05, -0.4, 480.0, 1234.5678, 99.95, 7e5,
        ] {
            assert_eq!(fixed(v, 1), format!("{v:.1}").replace("-0.0", "0.0"), "{v}");
            assert_eq!(
                fixed(v, 2),
                format!("{v:.2}").replace("-0.00", "0.00"),
                "{v}"
            );
            assert_eq!(fixed(v, 0), format!("{v:.0}").replace("-0", "0"), "{v}");
        }
        assert_eq!(fixed(f64::NAN, 1), "0");
        assert_eq!(fixed(f64::INFINITY, 2), "0");
        assert_eq!(fixed(0.75, 4), "0.7500");
    }
}
