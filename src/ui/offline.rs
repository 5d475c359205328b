//! Offline use: registers the service worker (`assets/sw.js`) that keeps the
//! app working with no connection after the first visit, and announces a new
//! version ("Hay una versión nueva de la herramienta").
//!
//! Release builds name the worker in `<meta name="service-worker">`
//! (`.trunk-hooks/csp.mjs`, which also writes its file list); without it (a
//! debug build, `make serve`) nothing is registered, and a worker left by a
//! release build on the same address is unregistered.
//!
//! Why here and not in the page's loader script: the notice is part of the
//! app (the Banners area), and it needs the registration to see a new version
//! arrive; one module owns both. Every bundle's `Frame` calls [`start`], after
//! the page has loaded, so the worker's downloads never compete with the first
//! load.
//!
//! A new version never interrupts: its worker waits (the worker never skips
//! waiting on its own) and the page shows a notice without moving the focus.
//! "Actualizar" saves the draft, tells the waiting worker to take over, and
//! reloads once it has. When the draft cannot be saved (storage full or
//! disabled, another tab's newer version), the notice says so and offers the
//! JSON download first, so that a reload never loses what was typed.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::state::{use_app, AppState, SaveStatus};
use crate::ui::shell::download_draft;

/// What the worker page sends the waiting worker to take over (assets/sw.js).
const SKIP_WAITING: &str = "skip-waiting";

/// How often an open tab asks whether a new version was deployed (the
/// browser also checks on every page load).
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// If the new worker has not taken over by then, reload anyway (the draft is
/// saved): the page must not stay on "Actualizar" doing nothing.
const RELOAD_AFTER: Duration = Duration::from_secs(5);

/// What the notice shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Notice {
    None,
    /// A new version is ready: "Actualizar".
    NewVersion,
    /// "Actualizar" was pressed but the draft could not be saved.
    NotSaved,
}

/// The notice's state, shared by [`start`] and [`UpdateBanner`].
#[derive(Clone, Copy)]
struct Offline {
    notice: RwSignal<Notice>,
}

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// The person pressed "Actualizar": reload when the new worker takes over.
    static REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// The page's service worker container, where the browser has one (secure
/// contexts only).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into().ok()
}

/// The worker's address as index.html names it (release builds only).
fn worker_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=\"service-worker\"]")
        .ok()??
        .get_attribute("content")
        .filter(|u| !u.is_empty())
}

/// Called once per page by every bundle's frame: registers the worker after
/// the page has loaded, and provides the notice's state.
pub fn start() {
    let offline = Offline {
        notice: RwSignal::new(Notice::None),
    };
    provide_context(offline);
    let Some(container) = container() else {
        return;
    };
    leptos::task::spawn_local(async move {
        page_loaded().await;
        match worker_url() {
            Some(url) => register(container, &url, offline).await,
            None => unregister_all(container).await,
        }
    });
}

/// Resolves once the window's `load` event has fired.
async fn page_loaded() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let complete = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if complete {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            "load", &resolve, &options,
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// Debug build: a worker a release build left here would serve stale files.
async fn unregister_all(container: ServiceWorkerContainer) {
    let Ok(list) = JsFuture::from(container.get_registrations()).await else {
        return;
    };
    for reg in js_sys::Array::from(&list).iter() {
        if let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() {
            if let Ok(p) = reg.unregister() {
                let _ = JsFuture::from(p).await;
            }
        }
    }
}

async fn register(container: ServiceWorkerContainer, url: &str, offline: Offline) {
    let online = web_sys::window().is_some_and(|w| w.navigator().on_line());
    // Offline, registering would only fail to check for a new version: take
    // the registration there is.
    let promise = if online {
        container.register(url)
    } else {
        container.get_registration()
    };
    // Not a registration: none yet (offline), or the browser refused it (a
    // test profile may block workers). The app works as before.
    let Ok(reg) = JsFuture::from(promise)
        .await
        .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>())
    else {
        return;
    };
    let controlled = std::rc::Rc::new(Cell::new(container.controller().is_some()));

    // A version already waiting (installed in an earlier visit).
    if reg.waiting().is_some() && controlled.get() {
        offline.notice.set(Notice::NewVersion);
    }

    // A version installed while this page is open.
    let on_update_found = {
        let reg = reg.clone();
        let controlled = controlled.clone();
        Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg.installing() else {
                return;
            };
            let controlled = controlled.clone();
            let watched = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // "installed" with a controller: it waits for "Actualizar".
                // Without one, it is the first install and takes over itself.
                if watched.state() == ServiceWorkerState::Installed && controlled.get() {
                    offline.notice.set(Notice::NewVersion);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        })
    };
    reg.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();

    // A new worker took over: this page asked for it (reload), or another
    // tab did (this page runs the old version: say so, do not reload).
    let on_controller_change = Closure::<dyn Fn()>::new(move || {
        if REQUESTED.get() {
            reload();
        } else if controlled.get() {
            offline.notice.set(Notice::NewVersion);
        }
        controlled.set(true);
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    // A tab left open for days still hears of a new version.
    let checked = reg.clone();
    let _ = set_interval_with_handle(
        move || {
            if let Ok(p) = checked.update() {
                leptos::task::spawn_local(async move {
                    let _ = JsFuture::from(p).await;
                });
            }
        },
        CHECK_EVERY,
    );
    REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Whether the open draft is safely stored, so that a reload loses nothing.
fn draft_stored(state: AppState) -> bool {
    let status_ok = matches!(
        state.status.get_untracked(),
        SaveStatus::Saved(_) | SaveStatus::NotSaved
    );
    // An unreadable draft that could not be copied aside: autosave is off.
    let quarantined = state
        .quarantined
        .get_untracked()
        .is_some_and(|q| q.key.is_none());
    status_ok && !quarantined
}

/// Switches to the new version (`force`: even if the draft is not stored).
fn update_now(state: AppState, offline: Offline, force: bool) {
    state.save_now();
    if !force && !draft_stored(state) {
        offline.notice.set(Notice::NotSaved);
        // The pressed button is gone: the notice that replaced it takes the focus.
        request_animation_frame(|| crate::ui::form::focus_id("version-nueva"));
        return;
    }
    REQUESTED.set(true);
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    match waiting {
        Some(worker) => {
            if worker
                .post_message(&JsValue::from_str(SKIP_WAITING))
                .is_err()
            {
                reload();
                return;
            }
            set_timeout(reload, RELOAD_AFTER);
        }
        // Another tab already let it take over: this page only needs a reload.
        None => reload(),
    }
}

/// The notice of a new version, in the Banners area above every page. It
/// appears inside a polite live region that is always there (so screen
/// readers announce it) and never takes the focus: it may arrive while the
/// person types.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let Some(offline) = use_context::<Offline>() else {
        return ().into_any();
    };
    let state = use_app();
    let notice = move || {
        match offline.notice.get() {
        Notice::None => None,
        Notice::NewVersion => Some(
            view! {
                <div class="banner">
                    <p class="banner__text">"Hay una versión nueva de la herramienta."</p>
                    <p class="banner__text">
                        "Al actualizar, guardamos su borrador y la página se vuelve a cargar."
                    </p>
                    <div class="button-group">
                        <button class="button" type="button" on:click=move |_| update_now(state, offline, false)>
                            "Actualizar"
                        </button>
                    </div>
                </div>
            }
            .into_any(),
        ),
        Notice::NotSaved => Some(
            view! {
                <div class="banner banner--warning" id="version-nueva" tabindex="-1">
                    <h2 class="banner__title">"Antes de actualizar, descargue su borrador"</h2>
                    <p class="banner__text">
                        "Su borrador no se pudo guardar en este navegador. Si actualiza ahora, perderá los cambios que no se guardaron."
                    </p>
                    <div class="button-group">
                        <button class="button" type="button" on:click=move |_| download_draft()>
                            "Descargar borrador (JSON)"
                        </button>
                        <button class="button button--secondary" type="button" on:click=move |_| update_now(state, offline, true)>
                            "Actualizar de todos modos"
                        </button>
                    </div>
                </div>
            }
            .into_any(),
        ),
    }
    };
    view! { <div role="status" aria-live="polite">{notice}</div> }.into_any()
}
