//! Browser side of drafts: localStorage through gloo-storage, file download and
//! upload, and the local clock. Compiled for wasm32 only.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is disabled, so every
//! entry point first probes `window.localStorage` itself ([`storage`]) and
//! reports [`StorageError::Unavailable`] instead.

use gloo_storage::{LocalStorage, Storage as _};
use time::{OffsetDateTime, UtcOffset};
use wasm_bindgen::{JsCast, JsValue};

use super::envelope::{decode, DecodeError, Envelope};

/// Key of the current draft.
pub const DRAFT_KEY: &str = "plan-local-ga/borrador";
/// Prefix of quarantined copies of drafts that could not be read.
pub const QUARANTINE_PREFIX: &str = "plan-local-ga/danado/";

/// Why a write to browser storage failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("browser storage is disabled or unavailable")]
    Unavailable,
    #[error("browser storage is full")]
    QuotaExceeded,
    #[error("the draft was written but did not read back the same")]
    NotVerified,
    #[error("browser storage failed: {0}")]
    Other(String),
}

/// What was found in storage at start-up.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    Draft(Box<Envelope>),
    /// Something is stored but cannot be read; `raw` is kept untouched.
    Unreadable {
        raw: String,
        error: DecodeError,
    },
    /// Storage cannot be used at all (disabled, private mode policies).
    Unavailable,
}

/// The browser's localStorage, if this page may use it.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether localStorage can be used at all.
pub fn available() -> bool {
    storage().is_some()
}

/// Reads the current draft without changing anything in storage.
pub fn load() -> Loaded {
    let Some(store) = storage() else {
        return Loaded::Unavailable;
    };
    match store.get_item(DRAFT_KEY) {
        Ok(None) => Loaded::Empty,
        Ok(Some(raw)) => match decode(&raw) {
            Ok(env) => Loaded::Draft(Box::new(env)),
            Err(error) => Loaded::Unreadable { raw, error },
        },
        Err(_) => Loaded::Unavailable,
    }
}

/// The revision of the stored draft, if one can be read.
pub fn stored_revision() -> Option<u64> {
    match load() {
        Loaded::Draft(env) => Some(env.revision),
        _ => None,
    }
}

/// Writes the draft, then reads it back to be sure it is whole.
pub fn save(envelope: &Envelope) -> Result<(), StorageError> {
    let store = storage().ok_or(StorageError::Unavailable)?;
    LocalStorage::set(DRAFT_KEY, envelope).map_err(map_gloo)?;
    let back = store
        .get_item(DRAFT_KEY)
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::NotVerified)?;
    match decode(&back) {
        Ok(read) if read.revision == envelope.revision => Ok(()),
        _ => Err(StorageError::NotVerified),
    }
}

/// Keeps an unreadable draft's text under its own key so it is never overwritten.
/// Returns the key used.
pub fn quarantine(raw: &str, at: OffsetDateTime) -> Result<String, StorageError> {
    let store = storage().ok_or(StorageError::Unavailable)?;
    let key = format!("{QUARANTINE_PREFIX}{}", at.unix_timestamp());
    store.set_item(&key, raw).map_err(map_js)?;
    match store.get_item(&key) {
        Ok(Some(back)) if back == raw => Ok(key),
        _ => Err(StorageError::NotVerified),
    }
}

/// Prefix of every key this app writes.
pub const KEY_PREFIX: &str = "plan-local-ga/";

/// Removes everything this app stored in this browser; returns how many keys.
pub fn remove_all() -> usize {
    let Some(store) = storage() else {
        return 0;
    };
    let len = store.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect();
    for k in &keys {
        let _ = store.remove_item(k);
    }
    keys.len()
}

/// Removes a key (used after the person has dealt with a quarantined copy).
pub fn remove(key: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(key);
    }
}

fn map_gloo(e: gloo_storage::errors::StorageError) -> StorageError {
    match e {
        gloo_storage::errors::StorageError::JsError(js) if js.name == "QuotaExceededError" => {
            StorageError::QuotaExceeded
        }
        other => StorageError::Other(other.to_string()),
    }
}

fn map_js(e: JsValue) -> StorageError {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) if err.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
        Some(err) => StorageError::Other(String::from(err.message())),
        None => StorageError::Other("unknown".into()),
    }
}

/// The local date and time, with the browser's UTC offset.
pub fn now_local() -> OffsetDateTime {
    let date = js_sys::Date::new_0();
    let millis = date.get_time();
    // getTimezoneOffset is minutes *behind* UTC (Mexico City: 360).
    let offset_secs = -(date.get_timezone_offset() * 60.0) as i32;
    let utc = OffsetDateTime::from_unix_timestamp_nanos(millis as i128 * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    match UtcOffset::from_whole_seconds(offset_secs) {
        Ok(offset) => utc.to_offset(offset),
        Err(_) => utc,
    }
}

/// Why a file could not be offered for download.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the browser refused to create the download")]
pub struct DownloadError;

/// Offers bytes to the person as a file download (no network involved: a blob URL).
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), DownloadError> {
    let window = web_sys::window().ok_or(DownloadError)?;
    let document = window.document().ok_or(DownloadError)?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DownloadError)?
        .dyn_into()
        .map_err(|_| DownloadError)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or(DownloadError)?;
    let _ = body.append_child(&anchor);
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Revoke later: some browsers read the blob after click() returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadFileError {
    #[error("the file is larger than allowed")]
    TooLarge { bytes: u64 },
    #[error("the browser could not read the file")]
    Unreadable,
}

/// Reads a chosen file as text, refusing files over `max_bytes` before reading them.
pub async fn read_text(file: &web_sys::File, max_bytes: u64) -> Result<String, ReadFileError> {
    let size = file.size() as u64;
    if size > max_bytes {
        return Err(ReadFileError::TooLarge { bytes: size });
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ReadFileError::Unreadable)?;
    text.as_string().ok_or(ReadFileError::Unreadable)
}

/// Reads a chosen file's bytes (a draft may come as JSON text or inside a
/// PDF), refusing files over `max_bytes` before reading them.
pub async fn read_bytes(file: &web_sys::File, max_bytes: u64) -> Result<Vec<u8>, ReadFileError> {
    let size = file.size() as u64;
    if size > max_bytes {
        return Err(ReadFileError::TooLarge { bytes: size });
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadFileError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
