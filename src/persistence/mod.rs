//! Drafts: the versioned envelope and its migrations (pure), and, in the
//! browser only, storage and file transfer.

pub mod envelope;

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use envelope::{
    decode, decode_file, encode, max_file_bytes, DecodeError, Envelope, FORMAT, SCHEMA_VERSION,
};
