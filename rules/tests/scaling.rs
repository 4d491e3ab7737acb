//! The engine stays linear on adversarial shapes: each shape of `support/shapes.rs` at 1,000
//! and 10,000 edges, and the larger may cost at most 2.5× its growth (25× for 10× the edges,
//! where a quadratic path costs 100×). A cost is the least CPU time of several runs, the two
//! sizes taken in turn, so that a busy machine neither counts against a run nor slows one
//! size more than the other; `scripts/bench.sh` prints the same at 25,000 and 250,000 edges
//! in an optimized build.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

#[path = "support/shapes.rs"]
mod shapes;

#[test]
fn every_shape_costs_in_proportion_to_its_size() {
    let mut over = Vec::new();
    for shape in &shapes::SHAPES {
        let (a, b) = ((shape.build)(1_000), (shape.build)(10_000));
        let (ea, eb) = (shapes::edges_in(&a), shapes::edges_in(&b));
        let valid = shape.name != shapes::ERROR_SHAPE;
        for json in [&a, &b] {
            let read = csp_rules::Borrowed::read(json).map(|_| ());
            assert_eq!(read.is_ok(), valid, "{}: {:?}", shape.name, read.err());
        }
        let growth = (eb as f64 / ea as f64).powf(shape.exponent);
        let (ta, tb) = shapes::min_times(&a, &b, 3);
        let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-9);
        println!(
            "{:<40} {ea:>6} edges {:>8.2} ms, {eb:>6} edges {:>8.2} ms: {ratio:.1}x (growth {growth:.1}x)",
            shape.name,
            ta.as_secs_f64() * 1e3,
            tb.as_secs_f64() * 1e3,
        );
        if ratio > 2.5 * growth {
            over.push(format!(
                "{} ({ratio:.1}x for {growth:.1}x; {})",
                shape.name, shape.stresses
            ));
        }
    }
    assert!(over.is_empty(), "not linear: {over:?}");
}
