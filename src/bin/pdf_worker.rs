//! The PDF worker: a second binary, built with the `pdf` feature, that runs as a
//! dedicated Web Worker (trunk builds it from the `data-type="worker"` link in
//! index.html). The app creates it on the first export (src/ui/pdf_client.rs),
//! so printpdf is not part of the first load, and the page stays responsive
//! while a PDF is made.
//!
//! Protocol (postMessage, both ways):
//! - worker → app, once, when it can take jobs: `{ready: true}`;
//! - app → worker, once, before any job: `{fonts: [ArrayBuffer, ArrayBuffer]}`
//!   (Plan Local Sans Regular and Bold, fetched by the page beside index.html
//!   while the worker loads; kept only if they are this build's files);
//! - app → worker: `{id: number, job: string}` (a [`Prepared`] request as
//!   JSON: the document the page built, and the draft to attach, if any; the
//!   worker carries no plan model and no content builder);
//! - worker → app: `{id, ok: true, pdf: ArrayBuffer (transferred), ms}` (`ms`:
//!   the time spent in the worker: reading the request, layout and PDF), or `{id, ok: true, layout:
//!   string, ms}` for [`Output::Layout`], or `{id, ok: false, error: string}` (a
//!   [`JobError`] as JSON).

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pdf_worker runs in the browser only (trunk builds it for wasm32).");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use plan_local_ga::export::font::fonts;
    use plan_local_ga::export::font::metrics::FontFace;
    use plan_local_ga::export::job::{JobError, Output, Prepared};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(handle);
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let ready = Object::new();
        set(&ready, "ready", &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }

    fn set(obj: &Object, key: &str, value: &JsValue) {
        let _ = Reflect::set(obj, &JsValue::from_str(key), value);
    }

    fn now_ms(scope: &DedicatedWorkerGlobalScope) -> f64 {
        scope.performance().map_or(0.0, |p| p.now())
    }

    /// Keeps the two font files the page sent (`{fonts: [Regular, Bold]}`).
    fn take_fonts(fonts: &JsValue) {
        let list: Array = fonts.clone().unchecked_into();
        for (i, face) in [FontFace::Regular, FontFace::Bold].into_iter().enumerate() {
            let bytes = Uint8Array::new(&list.get(i as u32)).to_vec();
            // A file that is not this build's is not kept: the export then
            // fails with the font named, rather than drawing wrong glyphs.
            let _ = fonts::provide(face, bytes);
        }
    }

    fn handle(event: MessageEvent) {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let data = event.data();
        if let Ok(fonts) = Reflect::get(&data, &JsValue::from_str("fonts")) {
            if Array::is_array(&fonts) {
                take_fonts(&fonts);
                return;
            }
        }
        let id = Reflect::get(&data, &JsValue::from_str("id")).unwrap_or(JsValue::NULL);
        let reply = Object::new();
        set(&reply, "id", &id);
        let json = Reflect::get(&data, &JsValue::from_str("job"))
            .ok()
            .and_then(|j| j.as_string())
            .unwrap_or_default();
        let mut transfer = None;
        match answer(&scope, &json, &reply) {
            Ok(buffer) => {
                set(&reply, "ok", &JsValue::TRUE);
                transfer = buffer;
            }
            Err(e) => {
                set(&reply, "ok", &JsValue::FALSE);
                let text = serde_json::to_string(&e).unwrap_or_default();
                set(&reply, "error", &JsValue::from_str(&text));
            }
        }
        let sent = match transfer {
            Some(buffer) => scope.post_message_with_transfer(&reply, &Array::of1(&buffer)),
            None => scope.post_message(&reply),
        };
        if sent.is_err() {
            // The reply could not be cloned; tell the app rather than leave it waiting.
            let fallback = Object::new();
            set(&fallback, "id", &id);
            set(&fallback, "ok", &JsValue::FALSE);
            let e = JobError::Pdf("the reply could not be sent".to_owned());
            let text = serde_json::to_string(&e).unwrap_or_default();
            set(&fallback, "error", &JsValue::from_str(&text));
            let _ = scope.post_message(&fallback);
        }
    }

    /// Fills `reply`; returns the buffer to transfer, if any.
    fn answer(
        scope: &DedicatedWorkerGlobalScope,
        json: &str,
        reply: &Object,
    ) -> Result<Option<JsValue>, JobError> {
        let t0 = now_ms(scope);
        let request = Prepared::from_json(json)?;
        match request.output {
            Output::Layout => {
                let laid = request.layout_json();
                set(reply, "ms", &JsValue::from(now_ms(scope) - t0));
                set(reply, "layout", &JsValue::from_str(&laid));
                Ok(None)
            }
            Output::Pdf => {
                let bytes = request.run()?;
                set(reply, "ms", &JsValue::from(now_ms(scope) - t0));
                let buffer = Uint8Array::from(bytes.as_slice()).buffer();
                set(reply, "pdf", &buffer);
                Ok(Some(buffer.into()))
            }
        }
    }
}
