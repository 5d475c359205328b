//! Which WebAssembly bundle serves which address (pure).
//!
//! The app ships as more than one bundle: the drafting app, fetched for every
//! address, and *sections* that few people use on a given day (the plan's
//! progress reports, the readiness self-assessment, the print views), each a
//! binary of its own that is fetched
//! only when one of its addresses is opened, like the PDF worker.
//! `index.html` names each section and the address prefixes it serves:
//! `<meta name="section" content="seguimiento /plan/avances">`. The page's
//! loader (written into index.html by `.trunk-hooks/csp.mjs`) picks the bundle
//! for the address with the rule of [`serving`], and a bundle shown an address
//! that another one serves hands it over (`ui::section`).

/// A section: its binary's name and the address prefixes it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub prefixes: Vec<String>,
}

/// The section of the progress reports (`src/bin/seguimiento.rs`).
pub const IMPLEMENTATION: &str = "seguimiento";
/// The section of the readiness self-assessment (`src/bin/preparacion.rs`).
pub const READINESS: &str = "preparacion";
/// The section of the print views (`src/bin/imprimir.rs`).
pub const PRINT: &str = "imprimir";
/// The section of "Articulación nacional", many plans in one view
/// (`src/bin/articulacion.rs`), and of «Ver ejemplos» (`/ejemplos`), the
/// good practices of a library read while writing a commitment.
pub const ARTICULATION: &str = "articulacion";
/// The section of co-creation with others (`src/bin/coedicion.rs`): compare
/// two versions, combine another draft into the open one, comment rounds.
pub const COCREATION: &str = "coedicion";

/// Reads a `<meta name="section">` content: the name, then one or more
/// prefixes, separated by spaces. `None` when it names no prefix or a prefix
/// that is not an absolute path.
pub fn parse(content: &str) -> Option<Section> {
    let mut words = content.split_whitespace();
    let name = words.next()?.to_owned();
    let prefixes: Vec<String> = words.map(|p| p.trim_end_matches('/').to_owned()).collect();
    let valid = !prefixes.is_empty() && prefixes.iter().all(|p| p.starts_with('/') && p.len() > 1);
    valid.then_some(Section { name, prefixes })
}

/// Whether `path` is `prefix` or below it (whole segments: `/plan/avances`
/// serves `/plan/avances/3`, not `/plan/avancesx`).
pub fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The section serving `path`, or `None` for the drafting app. The first
/// section listed wins when two would serve it.
pub fn serving<'a>(path: &str, sections: &'a [Section]) -> Option<&'a str> {
    sections
        .iter()
        .find(|s| s.prefixes.iter().any(|p| under(path, p)))
        .map(|s| s.name.as_str())
}
