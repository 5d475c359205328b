//! Plan de acción local de gobierno abierto: a guided, private drafting tool.
//!
//! Layers (see README, "Arquitectura / Dónde buscar"):
//! - [`catalog`]: bundled reference data (INEGI, SDG, OGP, PND), built at compile time (pure).
//! - [`domain`]: the plan model and its rules (pure).
//! - [`messages`]: every user-facing error sentence, es-MX (pure).
//! - [`persistence`]: the versioned draft envelope and migrations (pure), and the
//!   browser storage and file transfer (wasm only).
//! - [`export`]: the export-document model and its PDF rendering (pure).
//! - `state` and `ui`: the reactive glue and the Leptos pages (wasm only).

pub mod bundles;
pub mod catalog;
pub mod domain;
pub mod export;
pub mod labels;
pub mod messages;
pub mod persistence;

#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app's version, written into every saved draft and exported file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
