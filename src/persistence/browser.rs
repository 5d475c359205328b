//! Browser side of drafts: the store behind [`super::drafts`] (localStorage,
//! or memory when the browser allows no storage), this tab's open draft,
//! file download and upload, and the local clock. Compiled for wasm32 only.
//!
//! Every entry point first probes `window.localStorage` ([`store`]): reading
//! that property throws when storage is disabled, and the app then keeps its
//! drafts in memory and says so.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, SessionStorage, Storage as _};
use time::{OffsetDateTime, UtcOffset};
use wasm_bindgen::{JsCast, JsValue};

use super::drafts::{DraftId, KeyValue, MemoryStore};
pub use super::drafts::{
    Loaded, StorageError, DRAFT_PREFIX, INDEX_KEY, KEY_PREFIX, LEGACY_KEY, QUARANTINE_PREFIX,
};

/// Key, in this tab's sessionStorage, of the draft the tab has open: a reload
/// reopens it even when another tab opened another draft since.
pub const TAB_KEY: &str = "plan-local-ga/abierto";

thread_local! {
    /// The drafts of a browser that allows no storage: they last as long as the tab.
    static MEMORY: RefCell<MemoryStore> = RefCell::new(MemoryStore::default());
}

/// Where drafts are kept: the browser's localStorage, or this tab's memory.
pub enum Store {
    Local(web_sys::Storage),
    Memory,
}

/// The browser's localStorage, if this page may use it. gloo-storage's
/// `raw()` panics when storage is disabled, so the property is probed first.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

/// The store to use now.
pub fn store() -> Store {
    storage().map_or(Store::Memory, Store::Local)
}

/// Whether localStorage can be used at all.
pub fn available() -> bool {
    storage().is_some()
}

impl KeyValue for Store {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            Store::Local(s) => s.get_item(key).map_err(|_| StorageError::Unavailable),
            Store::Memory => MEMORY.with(|m| m.borrow().get(key)),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        match self {
            Store::Local(s) => s.set_item(key, value).map_err(map_js),
            Store::Memory => MEMORY.with(|m| m.borrow_mut().set(key, value)),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        match self {
            Store::Local(s) => s.remove_item(key).map_err(map_js),
            Store::Memory => MEMORY.with(|m| m.borrow_mut().remove(key)),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        match self {
            Store::Local(s) => {
                let len = LocalStorage::length();
                Ok((0..len).filter_map(|i| s.key(i).ok().flatten()).collect())
            }
            Store::Memory => MEMORY.with(|m| m.borrow().keys()),
        }
    }
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StorageError> {
        match self {
            // Sliced in JavaScript: only the head is copied into Rust.
            Store::Local(s) => Ok(get_js(s, key)?
                .map(|v| String::from(v.slice(0, u32::try_from(chars).unwrap_or(u32::MAX))))),
            Store::Memory => MEMORY.with(|m| m.borrow().get_head(key, chars)),
        }
    }
    fn set_verified(&mut self, key: &str, text: &str) -> Result<(), StorageError> {
        match self {
            // The text is converted for JavaScript once, and read back and
            // compared there (string equality), not copied into Rust again.
            Store::Local(s) => {
                let previous = get_js(s, key)?;
                let written = js_sys::JsString::from(text);
                set_js(s, key, &written)?;
                match get_js(s, key) {
                    Ok(Some(back)) if back == written => Ok(()),
                    _ => {
                        let _ = match previous {
                            Some(old) => set_js(s, key, &old),
                            None => s.remove_item(key).map_err(map_js),
                        };
                        Err(StorageError::NotVerified)
                    }
                }
            }
            Store::Memory => MEMORY.with(|m| m.borrow_mut().set_verified(key, text)),
        }
    }
}

/// `storage.getItem(key)` as a JavaScript string, not copied into Rust.
fn get_js(s: &web_sys::Storage, key: &str) -> Result<Option<js_sys::JsString>, StorageError> {
    let get = js_sys::Reflect::get(s, &JsValue::from_str("getItem"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(StorageError::Unavailable)?;
    let value = get
        .call1(s, &JsValue::from_str(key))
        .map_err(|_| StorageError::Unavailable)?;
    Ok(value.dyn_into::<js_sys::JsString>().ok())
}

/// `storage.setItem(key, value)` with a JavaScript string.
fn set_js(s: &web_sys::Storage, key: &str, value: &js_sys::JsString) -> Result<(), StorageError> {
    let set = js_sys::Reflect::get(s, &JsValue::from_str("setItem"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(StorageError::Unavailable)?;
    set.call2(s, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(map_js)
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()?;
    Some(SessionStorage::raw())
}

/// The draft this tab had open before a reload, if any.
pub fn tab_draft() -> Option<DraftId> {
    DraftId::parse(&session()?.get_item(TAB_KEY).ok()??)
}

/// Remembers the draft this tab has open (for a reload of this tab only).
pub fn set_tab_draft(id: DraftId) {
    if let Some(s) = session() {
        let _ = s.set_item(TAB_KEY, &id.to_string());
    }
}

/// Removes everything this app stored in this browser (and in this tab's
/// memory); returns how many keys.
pub fn remove_all() -> usize {
    if let Some(s) = session() {
        let _ = s.remove_item(TAB_KEY);
    }
    MEMORY.with(|m| *m.borrow_mut() = MemoryStore::default());
    // «Articulación nacional»'s plans (IndexedDB).
    let _ = super::idb::delete_database(super::idb::DATABASE);
    match storage() {
        Some(s) => super::drafts::erase_all(&mut Store::Local(s)).unwrap_or(0),
        None => 0,
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
