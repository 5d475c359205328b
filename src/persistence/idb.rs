//! IndexedDB, for what localStorage cannot hold (browser only): one object
//! store of texts by text key, written in batches.
//!
//! Why: localStorage holds about 5 million characters per site, shared with
//! the drafts, and writes a value whole. «Articulación nacional» keeps
//! hundreds or thousands of plans (tens of megabytes); IndexedDB's quota is a
//! share of the disk, and each plan is its own record, so adding files writes
//! only them and «Quitar» deletes one record.
//!
//! Every call opens the database, does one thing and lets it close: nothing
//! stays open between calls, so «Borrar todos mis datos de este equipo» can
//! delete the database at any time ([`delete_database`]).

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::drafts::StorageError;

/// The app's one IndexedDB database (its object stores: «Articulación
/// nacional»'s plans, `articulacion`).
pub const DATABASE: &str = "plan-local-ga";

/// The database's version (its one object store exists from version 1).
const VERSION: u32 = 1;

fn factory() -> Result<web_sys::IdbFactory, StorageError> {
    web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// What a failed request or transaction says, as a [`StorageError`].
fn error_of(error: Option<web_sys::DomException>) -> StorageError {
    match error {
        Some(e) if e.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
        Some(e) => StorageError::Other(e.name()),
        None => StorageError::Other("IndexedDB".to_owned()),
    }
}

/// Waits for a request: its result, or its error.
async fn request(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(resolve.unchecked_ref()));
        req.set_onerror(Some(reject.unchecked_ref()));
    });
    let done = JsFuture::from(promise).await;
    req.set_onsuccess(None);
    req.set_onerror(None);
    match done {
        Ok(_) => req
            .result()
            .map_err(|_| StorageError::Other("result".to_owned())),
        Err(_) => Err(error_of(req.error().ok().flatten())),
    }
}

/// Waits for a transaction to be committed (or aborted: then its error).
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(resolve.unchecked_ref()));
        tx.set_onerror(Some(reject.unchecked_ref()));
        tx.set_onabort(Some(reject.unchecked_ref()));
    });
    let done = JsFuture::from(promise).await;
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    done.map(|_| ()).map_err(|_| error_of(tx.error()))
}

/// Opens database `name`, making its object store `store` the first time.
async fn open(name: &str, store: &str) -> Result<IdbDatabase, StorageError> {
    let req: IdbOpenDbRequest = factory()?
        .open_with_u32(name, VERSION)
        .map_err(|_| StorageError::Unavailable)?;
    let store_name = store.to_owned();
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(&store_name) {
                let _ = db.create_object_store(&store_name);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(&req).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    result?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| StorageError::Unavailable)
}

fn transaction(
    db: &IdbDatabase,
    store: &str,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StorageError> {
    let tx = db
        .transaction_with_str_and_mode(store, mode)
        .map_err(|_| StorageError::Unavailable)?;
    let os = tx
        .object_store(store)
        .map_err(|_| StorageError::Unavailable)?;
    Ok((tx, os))
}

/// Every text of `store`, in key order.
pub async fn get_all(name: &str, store: &str) -> Result<Vec<String>, StorageError> {
    let db = open(name, store).await?;
    let (_tx, os) = transaction(&db, store, IdbTransactionMode::Readonly)?;
    let req = os.get_all().map_err(|_| StorageError::Unavailable)?;
    let values = request(&req).await;
    db.close();
    let values: Array = values?.dyn_into().map_err(|_| StorageError::Unavailable)?;
    Ok(values.iter().filter_map(|v| v.as_string()).collect())
}

/// Writes `records` (key, text), in transactions of `batch` records each, in
/// order; stops at the first that fails. Returns how many were written, and
/// the error that stopped it.
pub async fn put_all(
    name: &str,
    store: &str,
    records: &[(String, String)],
    batch: usize,
) -> (usize, Result<(), StorageError>) {
    let db = match open(name, store).await {
        Ok(db) => db,
        Err(e) => return (0, Err(e)),
    };
    let mut written = 0;
    let mut result = Ok(());
    for chunk in records.chunks(batch.max(1)) {
        let step = async {
            let (tx, os) = transaction(&db, store, IdbTransactionMode::Readwrite)?;
            for (key, text) in chunk {
                os.put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
                    .map_err(|e| error_of(e.dyn_into().ok()))?;
            }
            committed(&tx).await
        };
        match step.await {
            Ok(()) => written += chunk.len(),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    db.close();
    (written, result)
}

/// Deletes the records of `keys`.
pub async fn delete(name: &str, store: &str, keys: &[String]) -> Result<(), StorageError> {
    let db = open(name, store).await?;
    let step = async {
        let (tx, os) = transaction(&db, store, IdbTransactionMode::Readwrite)?;
        for key in keys {
            os.delete(&JsValue::from_str(key))
                .map_err(|_| StorageError::Unavailable)?;
        }
        committed(&tx).await
    };
    let result = step.await;
    db.close();
    result
}

/// Deletes every record of `store`.
pub async fn clear(name: &str, store: &str) -> Result<(), StorageError> {
    let db = open(name, store).await?;
    let step = async {
        let (tx, os) = transaction(&db, store, IdbTransactionMode::Readwrite)?;
        os.clear().map_err(|_| StorageError::Unavailable)?;
        committed(&tx).await
    };
    let result = step.await;
    db.close();
    result
}

/// Deletes database `name` (for «Borrar todos mis datos de este equipo»):
/// asked for, not waited on; the browser finishes it even if the page goes.
pub fn delete_database(name: &str) -> Result<(), StorageError> {
    factory()?
        .delete_database(name)
        .map(|_| ())
        .map_err(|_| StorageError::Unavailable)
}
