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
fn pure_layers_use_no_browser_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("domain"), &mut files);
    rust_files(&root.join("export"), &mut files);
    rust_files(&root.join("persistence/pdf_draft"), &mut files);
    files.push(root.join("messages.rs"));
    files.push(root.join("labels.rs"));
    files.push(root.join("persistence/envelope.rs"));
    files.push(root.join("persistence/drafts.rs"));
    files.push(root.join("persistence/file.rs"));
    files.push(root.join("persistence/json_path.rs"));
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

/// The floors of `src/`, lowest first. A file may name (`crate::…`, `super::…`)
/// only its own floor or lower ones, so imports run one way and no two floors
/// import each other. Within a floor, `domain` files form no circle either
/// (checked below for the export's floors, whose order matters most).
const FLOORS: [&str; 15] = [
    "bundles",
    "catalog",
    "domain",
    "labels",
    "export/font",
    "persistence",
    "messages",
    "export/content",
    "export/layout",
    "export/pdf",
    "export/job",
    "state",
    "ui",
    "bin",
    "main",
];

/// The floor of a file (its path under `src/`) or of a module path
/// (`export::content::summary`): the longest floor that is a prefix.
fn floor_of(path: &str) -> Option<usize> {
    let path = path.trim_end_matches(".rs").replace("::", "/");
    FLOORS
        .iter()
        .enumerate()
        .filter(|(_, f)| path == **f || path.starts_with(&format!("{f}/")))
        .max_by_key(|(_, f)| f.len())
        .map(|(i, _)| i)
}

/// The module path of a file under `src/` ("export/layout/mod.rs" →
/// ["export", "layout"]).
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// Every module path a file names: `crate::a::b` and `super::…` paths, resolved.
fn named_paths(rel: &str, text: &str) -> Vec<String> {
    let here = module_of(rel);
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::").or_else(|| rest.find("super::")) {
            let tail = &rest[i..];
            let path: String = tail
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let mut base: Vec<String> = Vec::new();
            if segs.first() == Some(&"crate") {
                segs.remove(0);
            } else {
                base = here.clone();
                while segs.first() == Some(&"super") {
                    segs.remove(0);
                    base.pop();
                }
            }
            base.extend(segs.iter().map(|s| s.to_string()));
            let after = &tail[path.len()..];
            if let Some(group) = after.strip_prefix('{') {
                // `use crate::{a::b, c};`: each name of the group, one level deep.
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let item: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    let item = item.trim_end_matches(':');
                    if !item.is_empty() && item != "self" {
                        let mut full = base.clone();
                        full.extend(item.split("::").map(String::from));
                        out.push(full.join("::"));
                    }
                }
            } else {
                out.push(base.join("::"));
            }
            rest = &tail[path.len().max(1)..];
        }
    }
    out
}

#[test]
fn floors_import_only_downward() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut upward = Vec::new();
    let mut checked = 0;
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let Some(own) = floor_of(&rel) else {
            continue;
        };
        checked += 1;
        let text = std::fs::read_to_string(path).expect("utf-8");
        for named in named_paths(&rel, &text) {
            if let Some(other) = floor_of(&named) {
                if other > own {
                    upward.push(format!(
                        "{rel} ({}) names {named} ({})",
                        FLOORS[own], FLOORS[other]
                    ));
                }
            }
        }
    }
    assert!(checked > 60, "the scan found the source files ({checked})");
    assert!(
        upward.is_empty(),
        "imports that run up a floor:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_floor_check_would_catch_an_upward_import() {
    let named = named_paths(
        "export/content/summary.rs",
        "use super::super::layout::wrap_text;\nuse crate::{labels, state::use_app};",
    );
    assert_eq!(
        named,
        ["export::layout::wrap_text", "labels", "state::use_app"]
    );
    let own = floor_of("export/content/summary.rs");
    assert!(floor_of(&named[0]) > own && floor_of(&named[2]) > own);
    assert!(floor_of(&named[1]) < own);
    assert_eq!(
        floor_of("export::layout::text::wrap_text"),
        floor_of("export/layout/text.rs")
    );
}

/// Writes to the plan signal that skip `AppState::edit_plan` (which carries the
/// fields of a newer version into edited values): `.plan` followed by a
/// writing method, blanks and line breaks allowed between.
fn direct_plan_writes(text: &str) -> Vec<String> {
    let squeezed: String = text.split_whitespace().collect();
    [
        "update(",
        "try_update(",
        "set(",
        "try_set(",
        "write(",
        "maybe_update(",
    ]
    .iter()
    .filter(|m| squeezed.contains(&format!(".plan.{m}")))
    .map(|m| format!(".plan.{m}"))
    .collect()
}

#[test]
fn pages_change_the_plan_only_through_edit_plan() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 10, "the scan found the UI files");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("utf-8");
        let found = direct_plan_writes(&text);
        assert!(
            found.is_empty(),
            "{} writes the plan with {found:?}: use state.edit_plan(…)",
            path.display()
        );
    }
    // The check sees a write split over lines, and lets reads through.
    assert_eq!(
        direct_plan_writes("state\n    .plan\n    .update(|p| p.problems.clear());"),
        [".plan.update("]
    );
    assert!(direct_plan_writes("state.plan.with(|p| p.is_empty())").is_empty());
}

/// The code of a line without its `//` comment: a `//` inside a string literal
/// (an address such as "https://…") is code, not the start of a comment.
fn without_comment(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Places in a line of a view that would write a `style` attribute: `style=`
/// (with or without blanks around `=`, after a blank, `<tag`, `{…}` or at the
/// start of the line), `attr:style=`, and `"style"` as a string (as in
/// `.attr("style", …)` or `set_attribute("style", …)`). Leptos's `style:prop=`
/// directive is not one: it goes through the CSSOM, which the CSP allows.
fn inline_styles(line: &str) -> bool {
    let code = without_comment(line);
    if code.contains("\"style\"") {
        return true;
    }
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find("style") {
        let start = from + at;
        let end = start + "style".len();
        from = end;
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let word_before =
            before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if word_before {
            continue;
        }
        let rest = code[end..].trim_start();
        if rest.starts_with('=') && !rest.starts_with("==") {
            return true;
        }
    }
    false
}

/// The release page's Content-Security-Policy has `style-src 'self'` without
/// 'unsafe-inline': a `style` attribute written by a view is refused by the
/// browser (and reported as a console error). Styles go in `style/`.
///
/// The first version of this check (which arrived with the fix of the
/// timeline's `style=format!("max-width: …")`) looked for " style=" only after
/// cutting each line at its first `//`, so a style after an address
/// (`href="https://…" style="…"`) was never seen, nor `attr:style=`,
/// `style = …` or `.attr("style", …)`; the cases below keep those in view.
#[test]
fn no_inline_style_attribute_in_the_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("ui"), &mut files);
    files.push(root.join("main.rs"));
    assert!(files.len() >= 10, "the scan found the UI files");
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("utf-8");
        for (n, line) in text.lines().enumerate() {
            if inline_styles(line) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "inline styles:\n{}", found.join("\n"));
}

#[test]
fn the_style_check_would_catch_an_inline_style() {
    for offender in [
        // The timeline's line before the CSP fix.
        r#"                style=format!("max-width: {}px", t.width)"#,
        r#"<svg class="timeline__svg" style="max-width: 750px">"#,
        r#"<a href="https://ejemplo.gob.mx" style="color: red">"x"</a>"#,
        r#"<div attr:style="display: none"></div>"#,
        r#"<p style = "margin: 0">"#,
        r#"<p {..} style=move || "margin: 0">"#,
        r#"el.set_attribute("style", "display: none")"#,
        r#"leptos::html::div().attr("style", "color: red")"#,
    ] {
        assert!(inline_styles(offender), "not caught: {offender}");
    }
    for fine in [
        r#"<svg class="timeline__svg" viewBox="0 0 750 300">"#,
        r#"<p style:color="red">"#,
        r#"// style="color: red" in a comment"#,
        r#"<a href="https://ejemplo.gob.mx">"x"</a> // style="…""#,
        r#"let house_style = "tokens.css";"#,
        r#"if style == other {"#,
        r#"/// Styles go in `style/`."#,
    ] {
        assert!(!inline_styles(fine), "caught wrongly: {fine}");
    }
}
