//! Prints how the engine's cost grows on adversarial shapes (`tests/support/shapes.rs`): each
//! shape at two sizes, the least time of several runs, and the ratio against its bound.
//!
//! `cargo run --release -p csp-rules --example scaling -- [SMALL [LARGE [NAME]]]` (edges;
//! default 25,000 and 250,000; NAME picks the shapes whose name contains it).

#[path = "../tests/support/shapes.rs"]
mod shapes;

fn main() {
    let mut args = std::env::args().skip(1);
    let small: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(25_000);
    let large: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(250_000);
    let only = args.next().unwrap_or_default();
    if let Some(name) = only.strip_prefix("write:") {
        // `scaling 0 N write:NAME` prints that shape's file, to look into.
        if let Some(shape) = shapes::SHAPES.iter().find(|s| s.name.contains(name)) {
            let _ = std::io::Write::write_all(&mut std::io::stdout(), &(shape.build)(large));
        }
        return;
    }
    println!(
        "  {:<38} {:>8} {:>9} {:>8} {:>9} {:>7}  bound",
        "shape", "edges", "ms", "edges", "ms", "ratio"
    );
    let mut worst: f64 = 0.0;
    for shape in shapes::SHAPES.iter().filter(|s| s.name.contains(&only)) {
        let (a, b) = ((shape.build)(small), (shape.build)(large));
        let (ea, eb) = (shapes::edges_in(&a), shapes::edges_in(&b));
        if (shape.name == shapes::ERROR_SHAPE) == csp_rules::Borrowed::read(&b).is_ok() {
            println!("  {:<38} not the file it should be", shape.name);
            continue;
        }
        let (ta, tb) = shapes::min_times(&a, &b, 5);
        let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-9);
        let growth = (eb as f64 / ea.max(1) as f64).powf(shape.exponent);
        // 15× for 10× the edges, scaled to the shape's own growth.
        let bound = 1.5 * growth;
        if shape.exponent == 1.0 {
            worst = worst.max(ratio / growth * 10.0);
        }
        println!(
            "  {:<38} {:>8} {:>9.2} {:>8} {:>9.2} {:>6.1}x  {:>5.1}x{}",
            shape.name,
            ea,
            ta.as_secs_f64() * 1e3,
            eb,
            tb.as_secs_f64() * 1e3,
            ratio,
            bound,
            if ratio > bound { "  OVER" } else { "" }
        );
        println!("      {}", shape.stresses);
    }
    println!("  worst linear shape, per 10x the edges: {worst:.1}x (target <= 15x)");
}
