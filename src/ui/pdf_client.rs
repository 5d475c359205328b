//! The app's side of the PDF worker (src/bin/pdf_worker.rs): creates the worker
//! when the review page opens ([`warm`]) or on the first export (never at the
//! app's load, so printpdf stays out of the first download), sends it the documents pages build
//! ([`Prepared`]) and hands back the PDF bytes; plus the export
//! button's behaviour shared by the review page and the readiness result: a
//! polite "Preparando el PDF…" when an export takes longer than half a second,
//! and errors in Spanish with the JSON download as a fallback.
//!
//! One worker serves the whole session. If it fails (its files cannot be
//! loaded, or it crashes), every waiting export fails with a clear message and
//! the next export starts a fresh worker.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::export::font::fonts;
use crate::export::font::metrics::FontFace;
use crate::export::job::{ExportFailure, Prepared};
use crate::messages;
use crate::persistence::browser;
use crate::ui::shell::download_draft;

/// The worker's entry script when index.html names none (debug builds): trunk
/// writes `pdf_worker_loader.js` next to index.html. Release builds rename the
/// worker's files with a content hash (.trunk-hooks/csp.mjs) and name the
/// loader in `<meta name="pdf-worker" content="…">`.
const DEFAULT_WORKER_URL: &str = "/pdf_worker_loader.js";

/// How long the worker and its fonts may take to load before the export gives
/// up: about half a megabyte, so this allows for a slow connection.
const READY_TIMEOUT: Duration = Duration::from_secs(120);

/// After this long without a result, the page says that the PDF is being prepared.
pub const PROGRESS_AFTER: Duration = Duration::from_millis(500);

/// Rejection reasons passed through the JS promises.
const LOAD_FAILED: &str = "load";
const CRASHED: &str = "crashed";

type Settle = (Function, Function);

#[derive(Default)]
struct Shared {
    /// The worker has said `{ready}`.
    worker_ready: bool,
    /// The font files, fetched while the worker loads; sent to it once it is
    /// ready (`{fonts}`), after which it takes jobs.
    fonts: Option<js_sys::Array>,
    /// Both done: the worker has its fonts and takes jobs.
    ready: bool,
    /// Set when the worker failed; the next export replaces it.
    broken: bool,
    waiting_ready: Vec<Settle>,
    pending: HashMap<u32, Settle>,
    next_id: u32,
}

struct Client {
    worker: Worker,
    shared: Rc<RefCell<Shared>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    /// Exports started and not yet downloaded (or failed).
    static IN_FLIGHT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether an export is under way in this page: a change to another bundle
/// waits for it, so that the PDF is still downloaded (`ui::section`).
pub fn exporting() -> bool {
    IN_FLIGHT.with(|n| n.get() > 0)
}

/// Whether the worker has been created in this page (tests and the benchmark
/// check that page load does not create it).
pub fn started() -> bool {
    CLIENT.with(|c| c.borrow().is_some())
}

/// Starts the worker ahead of an export, so that its files arrive while the
/// person reads: the review page calls it, since whoever opens it is about
/// to export. Nothing when a worker runs already, or when the browser asks
/// to save data (`navigator.connection.saveData`): then the first export
/// fetches it. A worker that fails to load here is replaced at the export,
/// which then says what failed.
pub fn warm() {
    let save_data = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &key("connection")).ok())
        .filter(|c| c.is_object())
        .and_then(|c| Reflect::get(&c, &key("saveData")).ok())
        .is_some_and(|v| v.is_truthy());
    if !save_data {
        let _ = client();
    }
}

fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=\"pdf-worker\"]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| DEFAULT_WORKER_URL.to_owned())
}

fn key(name: &str) -> JsValue {
    JsValue::from_str(name)
}

/// Rejects everything waiting on a failed worker and marks it for replacement.
fn fail_all(shared: &Rc<RefCell<Shared>>) {
    let (waiting, pending) = {
        let mut s = shared.borrow_mut();
        s.broken = true;
        (
            std::mem::take(&mut s.waiting_ready),
            std::mem::take(&mut s.pending),
        )
    };
    for (_, reject) in waiting {
        let _ = reject.call1(&JsValue::NULL, &key(LOAD_FAILED));
    }
    for (_, (_, reject)) in pending {
        let _ = reject.call1(&JsValue::NULL, &key(CRASHED));
    }
}

fn create() -> Result<Client, JsValue> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&worker_url(), &options)?;
    let shared = Rc::new(RefCell::new(Shared::default()));

    let on_message = {
        let shared = Rc::clone(&shared);
        let worker = worker.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if Reflect::get(&data, &key("ready")).is_ok_and(|r| r.is_truthy()) {
                shared.borrow_mut().worker_ready = true;
                deliver_fonts(&shared, &worker);
                return;
            }
            let Some(id) = Reflect::get(&data, &key("id"))
                .ok()
                .and_then(|v| v.as_f64())
            else {
                return;
            };
            let Some((resolve, reject)) = shared.borrow_mut().pending.remove(&(id as u32)) else {
                return;
            };
            if Reflect::get(&data, &key("ok")).is_ok_and(|v| v.is_truthy()) {
                let _ = resolve.call1(&JsValue::NULL, &data);
            } else {
                let error = Reflect::get(&data, &key("error")).unwrap_or(JsValue::NULL);
                let _ = reject.call1(&JsValue::NULL, &error);
            }
        })
    };
    let on_error = {
        let shared = Rc::clone(&shared);
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            // Handled here: the person gets a message, the console no error.
            event.prevent_default();
            fail_all(&shared);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The fonts travel beside the worker's WebAssembly, not inside it: a new
    // version of the app does not download them again (the service worker
    // keeps them by content). Fetched now, while the worker loads.
    {
        let shared = Rc::clone(&shared);
        let worker = worker.clone();
        leptos::task::spawn_local(async move {
            match fetch_fonts().await {
                Ok(fonts) => {
                    shared.borrow_mut().fonts = Some(fonts);
                    deliver_fonts(&shared, &worker);
                }
                Err(_) => fail_all(&shared),
            }
        });
    }
    Ok(Client {
        worker,
        shared,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Fetches the two font files beside the worker's loader (Regular, Bold).
async fn fetch_fonts() -> Result<js_sys::Array, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let loader = worker_url();
    let dir = loader.rsplit_once('/').map_or("", |(dir, _)| dir);
    // Both requests go out at once (one promise for both, so a refused one
    // is an error here, never an unhandled rejection); read in order.
    let requests: js_sys::Array = [FontFace::Regular, FontFace::Bold]
        .into_iter()
        .map(|face| window.fetch_with_str(&format!("{dir}/{}", fonts::file_name(face))))
        .collect();
    let responses: js_sys::Array = JsFuture::from(js_sys::Promise::all(&requests))
        .await?
        .dyn_into()?;
    let fonts = js_sys::Array::new();
    for response in responses.iter() {
        let response: web_sys::Response = response.dyn_into()?;
        if !response.ok() {
            return Err(JsValue::NULL);
        }
        fonts.push(&JsFuture::from(response.array_buffer()?).await?);
    }
    Ok(fonts)
}

/// Once the worker is ready and the fonts are here: sends them (transferred)
/// and lets the waiting exports go.
fn deliver_fonts(shared: &Rc<RefCell<Shared>>, worker: &Worker) {
    let waiting = {
        let mut s = shared.borrow_mut();
        if s.ready || s.broken || !s.worker_ready {
            return;
        }
        let Some(fonts) = s.fonts.take() else {
            return;
        };
        let message = Object::new();
        let _ = Reflect::set(&message, &key("fonts"), &fonts);
        if worker.post_message_with_transfer(&message, &fonts).is_err() {
            drop(s);
            fail_all(shared);
            return;
        }
        s.ready = true;
        std::mem::take(&mut s.waiting_ready)
    };
    for (resolve, _) in waiting {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// The running worker's shared state, creating the worker if there is none
/// (or if the last one failed).
fn client() -> Result<Rc<RefCell<Shared>>, ExportFailure> {
    CLIENT.with(|cell| {
        let mut slot = cell.borrow_mut();
        if let Some(old) = slot.as_ref() {
            if old.shared.borrow().broken {
                old.worker.terminate();
                *slot = None;
            }
        }
        if slot.is_none() {
            let fresh = create().map_err(|_| ExportFailure::WorkerUnavailable)?;
            let shared = Rc::clone(&fresh.shared);
            let timeout = Closure::once_into_js(move || {
                if !shared.borrow().ready {
                    fail_all(&shared);
                }
            });
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    timeout.unchecked_ref(),
                    READY_TIMEOUT.as_millis() as i32,
                );
            }
            *slot = Some(fresh);
        }
        slot.as_ref()
            .map(|c| Rc::clone(&c.shared))
            .ok_or(ExportFailure::WorkerUnavailable)
    })
}

fn post(message: &JsValue) -> Result<(), JsValue> {
    CLIENT.with(|cell| match cell.borrow().as_ref() {
        Some(c) => c.worker.post_message(message),
        None => Err(JsValue::NULL),
    })
}

/// Sends a request (a [`Prepared`] document, as JSON) to the worker and
/// returns the PDF bytes.
async fn render_json(request: String) -> Result<Vec<u8>, ExportFailure> {
    let shared = client()?;
    if !shared.borrow().ready {
        let ready = Promise::new(&mut |resolve, reject| {
            shared.borrow_mut().waiting_ready.push((resolve, reject));
        });
        JsFuture::from(ready)
            .await
            .map_err(|_| ExportFailure::WorkerUnavailable)?;
    }
    let message = Object::new();
    let id = {
        let mut s = shared.borrow_mut();
        s.next_id += 1;
        s.next_id
    };
    let _ = Reflect::set(&message, &key("id"), &JsValue::from(id));
    let _ = Reflect::set(&message, &key("job"), &JsValue::from_str(&request));
    let reply = Promise::new(&mut |resolve, reject| {
        shared.borrow_mut().pending.insert(id, (resolve, reject));
    });
    if post(&message).is_err() {
        shared.borrow_mut().pending.remove(&id);
        return Err(ExportFailure::Generation);
    }
    match JsFuture::from(reply).await {
        Ok(data) => {
            let buffer = Reflect::get(&data, &key("pdf")).map_err(|_| ExportFailure::Generation)?;
            if !buffer.is_instance_of::<js_sys::ArrayBuffer>() {
                return Err(ExportFailure::Generation);
            }
            Ok(Uint8Array::new(&buffer).to_vec())
        }
        // A crash, or a typed `JobError` from the worker (as JSON): no PDF.
        Err(reason) => Err(match reason.as_string().as_deref() {
            Some(LOAD_FAILED) => ExportFailure::WorkerUnavailable,
            _ => ExportFailure::Generation,
        }),
    }
}

/// The state of an export button: whether a job is running, whether it has run
/// long enough to say so, and the last failure.
#[derive(Debug, Clone, Copy)]
pub struct Export {
    busy: RwSignal<bool>,
    slow: RwSignal<bool>,
    failure: RwSignal<Option<ExportFailure>>,
    /// Whether the export is of the open draft, so that a failure offers
    /// «Descargar borrador (JSON)»; a section's own document does not.
    of_draft: RwSignal<bool>,
}

impl Export {
    pub fn new() -> Self {
        Self {
            busy: RwSignal::new(false),
            slow: RwSignal::new(false),
            failure: RwSignal::new(None),
            of_draft: RwSignal::new(true),
        }
    }

    /// Draws the open draft's document (the plan, a progress report, the
    /// readiness report: [`Prepared::plan`] and its siblings, made by `build`)
    /// and downloads the PDF as `file_name`; a failure offers «Descargar
    /// borrador (JSON)». The document is built once the press has been
    /// painted, not in the click itself: for a big plan on a slow computer it
    /// takes a moment. A second press while an export runs does nothing
    /// (buttons are never disabled).
    pub fn start(self, build: impl FnOnce() -> Option<Prepared> + 'static, file_name: String) {
        self.of_draft.set(true);
        self.start_json(move || build().map(|p| p.to_json()), file_name);
    }

    /// Draws a document a section built itself ([`Prepared`]) and downloads
    /// the PDF as `file_name`, like [`Export::start`].
    /// A failure does not offer the open draft's JSON: the document is not
    /// the draft.
    pub fn start_prepared(self, prepared: &Prepared, file_name: String) {
        self.of_draft.set(false);
        let request = prepared.to_json();
        self.start_json(move || Some(request), file_name);
    }

    fn start_json(self, request: impl FnOnce() -> Option<String> + 'static, file_name: String) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.slow.set(false);
        self.failure.set(None);
        // The page that owns these signals may be gone when the timer fires or
        // the PDF comes back (the person moved on inside the app): the PDF is
        // still downloaded, and the signals, disposed with their page, are
        // left alone (`try_`), instead of panicking.
        set_timeout(
            move || {
                if self.busy.try_get_untracked() == Some(true) {
                    let _ = self.slow.try_set(true);
                }
            },
            PROGRESS_AFTER,
        );
        IN_FLIGHT.with(|n| n.set(n.get() + 1));
        // After the next frame is painted: the request is built, then sent.
        request_animation_frame(move || {
            set_timeout(
                move || leptos::task::spawn_local(self.finish(request(), file_name)),
                Duration::ZERO,
            );
        });
    }

    /// Sends `request` (none: nothing to draw, such as a round or an
    /// assessment gone meanwhile), downloads the PDF and says how it went.
    async fn finish(self, request: Option<String>, file_name: String) {
        let rendered = match request {
            Some(request) => render_json(request).await,
            None => Err(ExportFailure::Generation),
        };
        let outcome = rendered.and_then(|bytes| {
            browser::download(&bytes, &file_name, "application/pdf")
                .map_err(|_| ExportFailure::DownloadBlocked)
        });
        IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
        let _ = self.busy.try_set(false);
        let _ = self.slow.try_set(false);
        let _ = self.failure.try_set(outcome.err());
    }
}

impl Default for Export {
    fn default() -> Self {
        Self::new()
    }
}

/// The progress line (a polite live region, always in the page so that screen
/// readers announce its text) and, after a failure, the message with the JSON
/// download as a way not to lose anything.
#[component]
pub fn ExportStatus(export: Export) -> impl IntoView {
    let progress = move || export.slow.get().then_some(messages::EXPORT_IN_PROGRESS);
    view! {
        <p class="export-status" role="status" id="estado-exportacion">{progress}</p>
        {move || export.failure.get().map(|f| {
            let of_draft = export.of_draft.get_untracked();
            let text = if of_draft { messages::export_failure(f) } else { messages::document_export_failure(f) };
            view! {
                <div class="banner banner--warning" role="alert" id="error-exportacion">
                    <p class="banner__text">{text}</p>
                    {of_draft.then(|| view! {
                        <div class="button-group">
                            <button class="button button--secondary" type="button" on:click=move |_| download_draft()>
                                "Descargar borrador (JSON)"
                            </button>
                        </div>
                    })}
                </div>
            }
        })}
    }
}
