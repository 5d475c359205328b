//! Writes the benchmark plan for the browser bench (tests/bench/pdf-browser.mjs):
//! `cargo run --example bench_plan -- OUT_DIR [COMMITMENTS]` writes
//! `OUT_DIR/bench-job.json` (the request the app sends the PDF worker: the
//! plan's document and the draft),
//! `OUT_DIR/bench-draft.json` (the same plan as a stored draft, for the print view)
//! and `OUT_DIR/bench-progress-job.json` (the progress report of the latest of
//! 8 rounds of the same plan, every key action and activity reported in each).

#[path = "../common/bench_plan.rs"]
mod plan;

use plan_local_ga::export::job::{DocumentKind, Job};
use plan_local_ga::persistence::{encode, Envelope};
use time::macros::datetime;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| ".".to_owned()));
    let commitments = args.next().and_then(|n| n.parse().ok()).unwrap_or(15);
    let at = datetime!(2026-11-24 10:42 -06:00);
    let envelope = Envelope::new(plan::plan_with(commitments), Default::default(), at, 1);
    let draft = encode(&envelope);
    let job = Job::pdf(DocumentKind::Plan, envelope, at);
    std::fs::create_dir_all(&out).expect("output directory");
    // What the app sends the worker: the document built, the draft to attach.
    let request = job.prepare().expect("the plan's document").to_json();
    std::fs::write(out.join("bench-job.json"), request).expect("write job");
    std::fs::write(out.join("bench-draft.json"), draft).expect("write draft");
    let rounds = plan::with_rounds(plan::plan_with(commitments), 8);
    let latest = rounds
        .implementation
        .rounds_in_order()
        .last()
        .map(|r| r.id)
        .expect("8 rounds");
    let progress = Job::pdf(
        DocumentKind::Progress { round: latest },
        Envelope::new(rounds, Default::default(), at, 1),
        at,
    );
    let request = progress.prepare().expect("the report's document").to_json();
    std::fs::write(out.join("bench-progress-job.json"), request).expect("write progress job");
    println!(
        "benchmark plan ({commitments} commitments × 4 key actions × 4 activities) written to {}",
        out.display()
    );
}
