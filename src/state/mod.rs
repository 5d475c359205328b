//! Thin reactive glue: the one plan signal, unsaved page input, and autosave.
//!
//! [`AppState`] is a `Copy` struct of signals provided as context; pages read
//! the plan and call its methods. All rules stay in `crate::domain`.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;
use time::OffsetDateTime;

use crate::domain::Plan;
use crate::persistence::browser::{self, Loaded, StorageError};
use crate::persistence::envelope::Unsaved;
use crate::persistence::{DecodeError, Envelope};

/// How long typing must pause before the draft is written (house style: under a second).
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

/// What the save-status line says.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing saved yet in this browser.
    NotSaved,
    Saved(OffsetDateTime),
    Failed(StorageError),
    /// Storage cannot be used: the draft lives only in this tab.
    MemoryOnly,
    /// Another tab saved a newer version; this tab does not save over it
    /// until the person chooses (see [`AppState::conflict`]).
    Conflict,
}

/// A stored draft that could not be read, kept aside so it is never overwritten.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    pub raw: String,
    /// Storage key of the kept copy, or `None` if it could not be copied (then the
    /// original stays where it was and autosave is off).
    pub key: Option<String>,
    pub error: DecodeError,
}

/// The app's state, provided once at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: RwSignal<Plan>,
    pub unsaved: RwSignal<Unsaved>,
    pub status: RwSignal<SaveStatus>,
    pub quarantined: RwSignal<Option<Quarantined>>,
    /// A newer version saved by another tab or window, while this one is open.
    /// While set, this tab does not save; the person chooses which to keep.
    pub conflict: RwSignal<Option<Envelope>>,
    /// A one-off confirmation ("Se abrió el borrador…") and the path of the page
    /// that shows it; it disappears once the person moves to another page.
    pub flash: RwSignal<Option<(String, String)>>,
    revision: StoredValue<u64>,
    dirty: StoredValue<bool>,
    autosave_allowed: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Whether a route has already been shown (focus moves only on later routes).
    pub routed_once: StoredValue<bool>,
}

impl AppState {
    /// Loads the stored draft (never overwriting one it cannot read) and starts autosave.
    pub fn init() -> Self {
        let mut plan = Plan::default();
        let mut unsaved = Unsaved::new();
        let mut status = SaveStatus::NotSaved;
        let mut quarantined = None;
        let mut revision = 0;
        let mut autosave_allowed = true;
        match browser::load() {
            Loaded::Empty => {}
            Loaded::Draft(env) => {
                let env = *env;
                plan = env.plan;
                unsaved = env.unsaved;
                revision = env.revision;
                status = SaveStatus::Saved(env.saved_at);
            }
            Loaded::Unreadable { raw, error } => {
                let key = browser::quarantine(&raw, browser::now_local()).ok();
                // Without a safe copy elsewhere, the original must not be overwritten.
                autosave_allowed = key.is_some();
                if !autosave_allowed {
                    status = SaveStatus::Failed(StorageError::QuotaExceeded);
                }
                quarantined = Some(Quarantined { raw, key, error });
            }
            Loaded::Unavailable => status = SaveStatus::MemoryOnly,
        }
        let state = Self {
            plan: RwSignal::new(plan),
            unsaved: RwSignal::new(unsaved),
            status: RwSignal::new(status),
            quarantined: RwSignal::new(quarantined),
            conflict: RwSignal::new(None),
            flash: RwSignal::new(None),
            revision: StoredValue::new(revision),
            dirty: StoredValue::new(false),
            autosave_allowed: StoredValue::new(autosave_allowed),
            timer: StoredValue::new(None),
            routed_once: StoredValue::new(false),
        };
        state.start_autosave();
        state
    }

    fn start_autosave(self) {
        Effect::new(move |prev: Option<()>| {
            self.plan.track();
            self.unsaved.track();
            if prev.is_some() {
                self.dirty.set_value(true);
                self.schedule_save();
            }
        });
        // Save at once when the page is hidden or closed (tab switch, reload, crash-prone exits).
        let on_hide = move |_: web_sys::Event| {
            let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
            if hidden {
                self.save_now();
            }
        };
        let h1 = window_event_listener_untyped("visibilitychange", on_hide);
        let h2 = window_event_listener_untyped("pagehide", move |_| self.save_now());
        // Another tab saved the same draft: never apply it silently (this tab's
        // open forms would then save stale values over it); say so and let the
        // person choose.
        let h3 = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            if ev.key().as_deref() != Some(browser::DRAFT_KEY) {
                return;
            }
            let newer = ev
                .new_value()
                .and_then(|raw| crate::persistence::decode(&raw).ok())
                .filter(|env| env.revision > self.revision.get_value());
            if let Some(env) = newer {
                self.conflict.set(Some(env));
                self.status.set(SaveStatus::Conflict);
            }
        });
        // The root state lives as long as the page; keep the listeners.
        std::mem::forget((h1, h2, h3));
    }

    fn schedule_save(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Writes the draft now if anything changed since the last write.
    pub fn save_now(self) {
        if !self.dirty.get_value() {
            return;
        }
        if !self.autosave_allowed.get_value() {
            return;
        }
        if !browser::available() {
            self.status.set(SaveStatus::MemoryOnly);
            return;
        }
        // Never save over a newer version written by another tab (one read:
        // the stored envelope both answers the question and fills the banner).
        if let Loaded::Draft(stored) = browser::load() {
            if stored.revision > self.revision.get_value() {
                self.conflict.set(Some(*stored));
                self.status.set(SaveStatus::Conflict);
                return;
            }
        }
        let revision = self.revision.get_value() + 1;
        let envelope = self.envelope_at(browser::now_local(), revision);
        match browser::save(&envelope) {
            Ok(()) => {
                self.revision.set_value(revision);
                self.dirty.set_value(false);
                self.status.set(SaveStatus::Saved(envelope.saved_at));
            }
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
    }

    /// The current draft wrapped for saving or download.
    pub fn envelope_at(self, at: OffsetDateTime, revision: u64) -> Envelope {
        Envelope::new(
            self.plan.get_untracked(),
            self.unsaved.get_untracked(),
            at,
            revision,
        )
    }

    /// The current draft as of now, for "Descargar borrador (JSON)".
    pub fn envelope_now(self) -> Envelope {
        self.envelope_at(browser::now_local(), self.revision.get_value())
    }

    /// Replaces the whole draft with an opened one and saves it at once.
    pub fn replace(self, envelope: Envelope) {
        self.plan.set(envelope.plan);
        self.unsaved.set(envelope.unsaved);
        self.dirty.set_value(true);
        self.save_now();
    }

    /// Shows a confirmation on the page at `path` (and only there).
    pub fn flash_on(self, path: &str, message: String) {
        self.flash.set(Some((path.to_owned(), message)));
    }

    /// "Borrar todos mis datos de este equipo": stop saving first (so no pending
    /// save writes the draft back), remove every stored key, and start afresh.
    pub fn erase_everything(self) {
        self.autosave_allowed.set_value(false);
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        browser::remove_all();
        let _ = window().location().assign("/");
    }

    /// Conflict resolved in favour of the newer stored version: reload the page,
    /// so the state and every open form start again from what is stored.
    pub fn use_stored_version(self) {
        let _ = window().location().reload();
    }

    /// Conflict resolved in favour of this tab: save over the newer version.
    pub fn keep_this_version(self) {
        if let Some(stored) = browser::stored_revision() {
            self.revision
                .set_value(stored.max(self.revision.get_value()));
        }
        self.conflict.set(None);
        self.dirty.set_value(true);
        self.save_now();
    }

    /// Typed but not yet saved input of a page, if any.
    pub fn unsaved_for(self, page: &str) -> Option<BTreeMap<String, String>> {
        self.unsaved.with_untracked(|u| u.get(page).cloned())
    }

    pub fn set_unsaved(self, page: &str, values: BTreeMap<String, String>) {
        self.unsaved.update(|u| {
            u.insert(page.to_owned(), values);
        });
    }

    pub fn clear_unsaved(self, page: &str) {
        if self.unsaved.with_untracked(|u| u.contains_key(page)) {
            self.unsaved.update(|u| {
                u.remove(page);
            });
        }
    }

    /// Drops the unsaved input of `page` and of every page under it (`page/…`),
    /// e.g. when a commitment and all its sub-pages are deleted.
    pub fn clear_unsaved_tree(self, page: &str) {
        let under = format!("{page}/");
        if self
            .unsaved
            .with_untracked(|u| u.keys().any(|k| k == page || k.starts_with(&under)))
        {
            self.unsaved
                .update(|u| u.retain(|k, _| k != page && !k.starts_with(&under)));
        }
    }

    /// Whether any page whose key starts with `prefix` holds unsaved input.
    pub fn has_unsaved(self, prefix: &str) -> bool {
        self.unsaved
            .with(|u| u.keys().any(|k| k.starts_with(prefix)))
    }

    /// Forgets the quarantined copy (after the person downloaded or discarded it).
    pub fn discard_quarantined(self) {
        if let Some(q) = self.quarantined.get_untracked() {
            match q.key {
                Some(key) => browser::remove(&key),
                // The unreadable draft is still in the main slot: once the person
                // has chosen to discard it, saving over it is allowed again.
                None => self.autosave_allowed.set_value(true),
            }
        }
        self.quarantined.set(None);
        self.dirty.set_value(true);
        self.save_now();
    }
}

/// The state provided at the root.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
