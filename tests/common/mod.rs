//! Helpers shared by the native tests: running poppler and qpdf tools (a
//! missing tool fails with the Debian package to install), scratch directories,
//! text comparison that ignores wrapping, and valid plan parts ([`plans`]).
// Each test crate uses a different subset.
#![allow(dead_code)]

pub mod bench_plan;
pub mod c13;
pub mod plans;
pub mod real_plans;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a command-line tool; a missing tool fails with the package to install.
pub fn run(tool: &str, package: &str, args: &[&str]) -> std::process::Output {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run `{tool}` ({e}): install the Debian package `{package}` \
             (apt-get install {package})"
        )
    });
    assert!(
        output.status.success(),
        "`{tool} {}` failed ({}):\n{}{}",
        args.join(" "),
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

pub fn stdout(output: std::process::Output) -> String {
    String::from_utf8(output.stdout).expect("tool output is UTF-8")
}

/// A fresh directory for one test's files.
pub fn scratch_dir(test: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!(
        "plan-local-ga-{test}-{}-{nanos}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// Removes a test's files, unless `KEEP_PDF` is set (then says where they are, so
/// a person can look at the PDF and its page images).
pub fn cleanup(dir: &Path) {
    if std::env::var_os("KEEP_PDF").is_some() {
        eprintln!("PDF and page images kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Text of the PDF as `pdftotext -enc UTF-8` gives it (with `-layout` or not).
pub fn pdftotext(pdf: &Path, layout: bool) -> String {
    let out = pdf.with_extension(if layout { "layout.txt" } else { "txt" });
    let mut args = vec!["-enc", "UTF-8"];
    if layout {
        args.push("-layout");
    }
    args.extend([path_str(pdf), path_str(&out)]);
    run("pdftotext", "poppler-utils", &args);
    std::fs::read_to_string(&out).expect("pdftotext output")
}

/// The page count `pdfinfo` reports.
pub fn page_count(pdf: &Path) -> usize {
    let info = stdout(run(
        "pdfinfo",
        "poppler-utils",
        &["-enc", "UTF-8", path_str(pdf)],
    ));
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports Pages")
}

/// Renders every page to PNG and returns how many non-empty files came out.
pub fn rendered_pages(pdf: &Path, dir: &Path) -> usize {
    let prefix = dir.join("page");
    run(
        "pdftoppm",
        "poppler-utils",
        &["-png", "-r", "70", path_str(pdf), path_str(&prefix)],
    );
    std::fs::read_dir(dir)
        .expect("read scratch dir")
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("page") && name.ends_with(".png")
        })
        .filter(|e| e.metadata().map(|m| m.len() > 0).unwrap_or(false))
        .count()
}

/// Text without any whitespace, so wrapped lines compare equal to the original.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

// ---------------------------------------------------------------------------------
// A document's text, checked value by value in order (tests/pdf_plan.rs, tests/contacts.rs)

/// The PDF's text without each page's footer (title, note, page number) and
/// running head ("Compromiso 1. … (continuación)"), so that text continuing
/// across pages reads as one.
pub fn body_text(text: &str, title: &str, note: &str) -> String {
    let title = squash(title);
    let note = squash(note);
    text.split('\u{c}')
        .map(|page| {
            let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            // The footer is among the page's last lines.
            let footer_start = lines.len().saturating_sub(4);
            lines
                .iter()
                .enumerate()
                .filter(|(i, l)| {
                    let s = squash(l);
                    let running_head = *i < 2 && l.trim_end().ends_with("(continuación)");
                    if running_head {
                        return false;
                    }
                    let footer = l.starts_with("Página ")
                        || s == note
                        || (s.len() > 8 && title.starts_with(s.trim_end_matches('…')));
                    !(*i >= footer_start && footer)
                })
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks that every `(what, value)` appears in `text` in this order: each value's
/// words, in order, each at most [`GAP`] characters (whitespace ignored) after
/// the previous one, starting after where the previous value started. The gap
/// allows for what a PDF puts between two lines of one value: a field's label
/// line beside it, a table row's other cells on the same line, a page's footer
/// and repeated table header.
pub fn assert_in_order(text: &str, expected: &[(String, String)]) {
    const GAP: usize = 600;
    let hay = squash(text);
    let mut from = 0;
    let mut row_start = 0;
    for (what, value) in expected {
        // Another cell of the same table row: its lines share baselines with the
        // row's first cell, so it is searched from the row's start.
        let cell = what.starts_with(CELL);
        if cell {
            from = row_start;
        }
        // As typed: every character of the fixture is in the fonts.
        let words: Vec<String> = value.split_whitespace().map(squash).collect();
        assert!(!words.is_empty(), "{what}: empty value");
        let follows = |start: usize| -> bool {
            let mut pos = start + words[0].len();
            for w in &words[1..] {
                match hay[pos..].find(w.as_str()) {
                    Some(i) if i <= GAP => pos += i + w.len(),
                    _ => return false,
                }
            }
            true
        };
        let mut start = None;
        let mut search = from;
        while let Some(i) = hay[search..].find(words[0].as_str()) {
            let at = search + i;
            if follows(at) {
                start = Some(at);
                break;
            }
            search = at + words[0].len();
        }
        let Some(at) = start else {
            let earlier = (0..from)
                .any(|i| hay.is_char_boundary(i) && hay[i..].starts_with(&words[0]) && follows(i));
            panic!(
                "{what}: {value:?} not found after the previous field ({}).",
                if earlier {
                    "it appears earlier: out of order"
                } else {
                    "missing or broken"
                }
            );
        };
        from = at;
        if !cell {
            row_start = at;
        }
    }
}

/// Marks an expected value as a further cell of the previous value's table row.
pub const CELL: &str = "cell: ";

pub fn cell(what: &str, value: impl Into<String>) -> (String, String) {
    (format!("{CELL}{what}"), value.into())
}

pub fn field(what: &str, value: impl Into<String>) -> (String, String) {
    (what.to_owned(), value.into())
}

/// The bytes with every trailer's `/ID[(…)(…)]` (random per file) removed,
/// to compare two PDFs byte for byte (an incremental update repeats it, as
/// `/ID [(…) (…)]`).
pub fn without_id(pdf: &[u8]) -> Vec<u8> {
    let mut out = pdf.to_vec();
    while let Some(start) = out.windows(3).position(|w| w == b"/ID") {
        let len = out[start..]
            .iter()
            .position(|&b| b == b']')
            .expect("end of /ID")
            + 1;
        out.drain(start..start + len);
    }
    out
}
