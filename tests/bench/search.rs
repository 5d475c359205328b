//! `make bench` (cargo bench --bench search): catalogue search time natively,
//! median of 101 runs after a warm-up. Budget: one frame (16 ms).

use std::time::{Duration, Instant};

use plan_local_ga::catalog;

fn median<F: FnMut() -> usize>(mut f: F) -> (Duration, usize) {
    let n = f();
    let mut times: Vec<Duration> = (0..101)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[50], n)
}

/// A search to time; returns its number of results.
type Search = Box<dyn FnMut() -> usize>;

fn main() {
    println!("Catalogue search, native release build, median of 101 runs");
    println!("{:<52} {:>8} {:>10}", "query", "results", "time");
    let cases: Vec<(&str, Search)> = vec![
        (
            "all 2,469 municipalities, «san»",
            Box::new(|| catalog::search_municipalities(None, "san").len()),
        ),
        (
            "all 2,469 municipalities, «tlalnepantla de baz»",
            Box::new(|| catalog::search_municipalities(None, "tlalnepantla de baz").len()),
        ),
        (
            "Oaxaca's 570 municipalities, «santa maria»",
            Box::new(|| catalog::search_municipalities(Some("20"), "santa maria").len()),
        ),
        (
            "169 SDG targets, «16.10»",
            Box::new(|| catalog::search_targets("16.10").len()),
        ),
        (
            "169 SDG targets, «acceso informacion»",
            Box::new(|| catalog::search_targets("acceso informacion").len()),
        ),
        (
            "169 SDG targets, «mujeres»",
            Box::new(|| catalog::search_targets("mujeres").len()),
        ),
    ];
    for (label, mut f) in cases {
        let (t, n) = median(&mut f);
        println!("{label:<52} {n:>8} {:>8.3}ms", t.as_secs_f64() * 1e3);
    }
}
