//! Native tests of the full plan document: the commitment-13 fixture's every
//! field in the PDF text, in order; the tools' checks; pagination of long plans.

mod common;

use common::{bench_plan, c13, cleanup, page_count, path_str, scratch_dir};
use plan_local_ga::export::{layout, plan_document, plan_pdf, PageSize};
use time::macros::datetime;
use time::OffsetDateTime;

fn when() -> OffsetDateTime {
    datetime!(2020-11-24 10:42:07 -6)
}

/// Writes the commitment-13 and benchmark PDFs to `$RENDER_DIR` for a person to look at.
#[test]
fn render_samples_when_asked() {
    let Some(dir) = std::env::var_os("RENDER_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("dir");
    for (name, plan) in [("c13", c13::plan()), ("bench15", bench_plan::plan_with(15))] {
        let bytes = plan_pdf(&plan, when()).expect("pdf");
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, &bytes).expect("write");
        let laid = layout(&plan_document(&plan, when()), PageSize::LETTER);
        eprintln!(
            "{name}: {} pages, {} bytes, {} outside",
            page_count(&path),
            bytes.len(),
            laid.items_outside_page().len()
        );
        for h in laid.headings.iter().filter(|h| h.level <= 2).take(12) {
            eprintln!(
                "  p{:>3} {}",
                h.page + 1,
                h.text.chars().take(50).collect::<String>()
            );
        }
        for h in laid.headings.iter().filter(|h| h.level == 1) {
            eprintln!("  p{:>3} {}", h.page + 1, h.text);
        }
    }
    let _ = (path_str, cleanup, scratch_dir);
}
