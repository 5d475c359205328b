//! Helpers shared by the native tests: running poppler and qpdf tools (a
//! missing tool fails with the Debian package to install), scratch directories,
//! text comparison that ignores wrapping, and valid plan parts ([`plans`]).
// Each test crate uses a different subset.
#![allow(dead_code)]

pub mod bench_plan;
pub mod c13;
pub mod plans;

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
