//! `make bench` (cargo bench --bench pdf): PDF export time natively, median of 7
//! runs after a warm-up, for plans of growing size, and the progress report of
//! the benchmark plan's latest of 8 rounds. Prints figures; asserts nothing.
//! The in-browser benchmark against peers is tests/bench/pdf-browser.mjs.

use std::time::{Duration, Instant};

#[path = "../common/bench_plan.rs"]
mod plan;

#[path = "../common/c13.rs"]
mod c13;

use plan::{plan_with, with_rounds};
use plan_local_ga::export::job::{Output, Prepared};
use plan_local_ga::export::pdf::render_laid;
use plan_local_ga::export::{layout, plan_document, progress_document, PageSize};
use plan_local_ga::persistence::{encode, Envelope};
use time::macros::datetime;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let at = datetime!(2026-11-24 10:42 -06:00);
    println!("PDF export, native release build, median of 7 after 1 warm-up");
    println!(
        "{:>12} {:>7} {:>10} {:>10} {:>10} {:>10}",
        "commitments", "pages", "layout", "render", "total", "bytes"
    );
    // The commitment-13 fixture (a whole plan of Jalisco), then benchmark plans
    // of 1 to 200 commitments (15 is the browser benchmark's plan).
    let plans = std::iter::once(("c13".to_owned(), c13::plan()))
        .chain([1usize, 15, 60, 200].map(|n| (n.to_string(), plan_with(n))));
    for (name, plan) in plans {
        let (pages, bytes, lay, ren, tot) = measure(|| plan_document(&plan, at));
        print_row(&name, pages, lay, ren, tot, bytes);
    }
    // What the page does before the worker starts: the plan's document, the
    // draft encoded for the attachment, the request as JSON (on the page's
    // main thread since the worker carries no plan model).
    println!();
    println!("The request the review page sends the worker: the document, the draft, the JSON");
    println!(
        "{:>12} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "commitments", "document", "draft", "JSON", "total", "bytes"
    );
    for n in [15usize, 60, 200] {
        let envelope = Envelope::new(plan_with(n), Default::default(), at, 1);
        let run = || {
            let t0 = Instant::now();
            let doc = plan_document(&envelope.plan, at);
            let t1 = Instant::now();
            let draft = encode(&envelope);
            let t2 = Instant::now();
            let json = Prepared {
                prepared: doc,
                draft: Some(draft),
                output: Output::Pdf,
            }
            .to_json();
            let t3 = Instant::now();
            ([t1 - t0, t2 - t1, t3 - t2, t3 - t0], json.len())
        };
        run();
        let runs: Vec<_> = (0..7).map(|_| run()).collect();
        let m = |i: usize| median(runs.iter().map(|r| r.0[i]).collect()).as_secs_f64() * 1e3;
        println!(
            "{:>12} {:>8.2}ms {:>8.2}ms {:>8.2}ms {:>8.2}ms {:>10}",
            n,
            m(0),
            m(1),
            m(2),
            m(3),
            runs[0].1
        );
    }
    // The progress benchmark: the 15-commitment plan with 8 rounds,
    // every key action and activity reported in each; the latest round's report.
    println!();
    println!("Progress report (informe de avance), latest of 8 rounds, every item reported");
    println!(
        "{:>12} {:>7} {:>10} {:>10} {:>10} {:>10}",
        "commitments", "pages", "layout", "render", "total", "bytes"
    );
    for n in [1usize, 15, 60] {
        let plan = with_rounds(plan_with(n), 8);
        let latest = plan
            .implementation
            .rounds_in_order()
            .last()
            .map(|r| r.id)
            .expect("8 rounds");
        let (pages, bytes, lay, ren, tot) =
            measure(|| progress_document(&plan, latest, at).expect("the round exists"));
        print_row(&n.to_string(), pages, lay, ren, tot, bytes);
    }
}

/// Document + layout, then the PDF, 7 times after a warm-up: pages, bytes and
/// the medians.
fn measure(
    doc: impl Fn() -> plan_local_ga::export::Document,
) -> (usize, usize, Duration, Duration, Duration) {
    let run = || {
        let t0 = Instant::now();
        let d = doc();
        let laid = layout(&d, PageSize::LETTER);
        let t1 = Instant::now();
        let bytes = render_laid(&d, &laid).expect("pdf");
        (t1 - t0, t1.elapsed(), laid.pages.len(), bytes.len())
    };
    run();
    let runs: Vec<_> = (0..7).map(|_| run()).collect();
    let (pages, bytes) = (runs[0].2, runs[0].3);
    let lay = median(runs.iter().map(|r| r.0).collect());
    let ren = median(runs.iter().map(|r| r.1).collect());
    let tot = median(runs.iter().map(|r| r.0 + r.1).collect());
    (pages, bytes, lay, ren, tot)
}

fn print_row(name: &str, pages: usize, lay: Duration, ren: Duration, tot: Duration, bytes: usize) {
    println!(
        "{:>12} {:>7} {:>8.2}ms {:>8.2}ms {:>8.2}ms {:>10}",
        name,
        pages,
        lay.as_secs_f64() * 1e3,
        ren.as_secs_f64() * 1e3,
        tot.as_secs_f64() * 1e3,
        bytes
    );
}
