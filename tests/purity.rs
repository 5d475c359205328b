//! Guards the architecture: the domain (and the other pure layers) must not use
//! browser or UI crates, so they stay testable natively and reusable in a worker
//! or a command-line tool.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

const FORBIDDEN: [&str; 5] = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn offenders(paths: &[std::path::PathBuf]) -> Vec<String> {
    let mut found = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).expect("utf-8 source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(&format!("{word}::")) || code.contains(&format!("use {word}")) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn domain_export_and_messages_use_no_browser_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("domain"), &mut files);
    rust_files(&root.join("export"), &mut files);
    files.push(root.join("messages.rs"));
    files.push(root.join("persistence/envelope.rs"));
    files.push(root.join("persistence/drafts.rs"));
    assert!(files.len() >= 6, "the scan found the source files");
    let bad = offenders(&files);
    assert!(
        bad.is_empty(),
        "browser/UI crates in pure code:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_check_would_catch_an_offender() {
    let dir = std::env::temp_dir().join(format!("purity-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let file = dir.join("bad.rs");
    std::fs::write(
        &file,
        "use leptos::prelude::*;\nfn f() { web_sys::window(); }\n",
    )
    .expect("write");
    assert_eq!(offenders(&[file]).len(), 2);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn no_inner_html_anywhere_in_the_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).expect("utf-8");
        assert!(
            !text.contains("inner_html") && !text.contains("set_inner_html"),
            "{} sets HTML from strings; render text nodes instead",
            path.display()
        );
    }
}

/// The release page's Content-Security-Policy has `style-src 'self'` without
/// 'unsafe-inline': a `style` attribute written by a view is refused by the
/// browser (and reported as a console error). Styles go in `style/`.
#[test]
fn no_inline_style_attribute_in_the_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() >= 10, "the scan found the UI files");
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("utf-8");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(" style=") || code.trim_start().starts_with("style=") {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "inline styles:\n{}", found.join("\n"));
}
