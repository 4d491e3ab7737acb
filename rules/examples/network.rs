//! Writes a large synthetic partner network as a scenario file (`tests/support/network.rs`
//! says what is in it), for benchmarks and audits.
//!
//! `cargo run --release -p csp-rules --example network -- EDGES [SEED] [dense] > network.json`

#[path = "../tests/support/network.rs"]
mod network;

use std::io::Write as _;

fn main() {
    let mut args = std::env::args().skip(1);
    let target: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(250_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let dense = args.next().as_deref() == Some("dense");
    let _ = std::io::stdout()
        .lock()
        .write_all(network::network(target, seed, dense).as_bytes());
}
