//! Drafts: the versioned envelope and its migrations (pure), several drafts
//! in one store and the steps that keep them whole (pure), and, in the browser
//! only, storage and file transfer.

pub mod comments;
pub mod drafts;
pub mod envelope;
pub mod file;
pub mod json_path;
pub mod pdf_draft;
pub mod pieces;
pub mod practices;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod idb;

pub use envelope::{decode, encode, DecodeError, Envelope, FORMAT, SCHEMA_VERSION};
pub use file::{decode_file, max_file_bytes};
