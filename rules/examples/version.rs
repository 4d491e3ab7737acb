//! Prints, as one line of JSON, the engine's version and the date of the guide its rules
//! implement: what `dist/version.json` says of the engine (scripts/precache.mjs runs this at
//! build time, so no date is written twice).
//!
//!     cargo run -q -p csp-rules --example version

fn main() {
    println!(
        r#"{{"engine":"{}","guide":"{}"}}"#,
        csp_rules::VERSION,
        csp_rules::DEFAULT_AS_OF
    );
}
