//! Drafts: the versioned envelope and its migrations (pure), several drafts
//! in one store and the steps that keep them whole (pure), and, in the browser
//! only, storage and file transfer.

pub mod drafts;
pub mod envelope;
pub mod json_path;
pub mod pdf_draft;

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use envelope::{
    decode, decode_file, encode, max_file_bytes, DecodeError, Envelope, FORMAT, SCHEMA_VERSION,
};
