//! Thin reactive glue: the open draft (the one plan signal and unsaved page
//! input), the list of drafts in this browser, and autosave.
//!
//! [`AppState`] is a `Copy` struct of signals provided as context; pages read
//! the plan and call its methods. All rules stay in `crate::domain`, and every
//! storage step in `crate::persistence::drafts`.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use time::OffsetDateTime;

use crate::domain::pending::CommitmentCheck;
use crate::domain::quality::Counts;
use crate::domain::unknown::edit_keeping_unknown;
use crate::domain::{Carry, Plan, Unknown};
use crate::messages;
use crate::persistence::browser::{self, Loaded, StorageError};
use crate::persistence::drafts::{
    self, DraftError, DraftId, DraftIndex, IndexRepair, KeyValue as _, Legacy, SaveFailure,
    StoredRevision,
};
use crate::persistence::envelope::Unsaved;
use crate::persistence::pieces::Written;
use crate::persistence::{decode, DecodeError, Envelope};

/// How long typing must pause before the draft is written (house style: under a second).
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

/// What the save-status line says.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing saved yet in this browser.
    NotSaved,
    Saved(OffsetDateTime),
    Failed(StorageError),
    /// Storage cannot be used: the drafts live only in this tab.
    MemoryOnly,
    /// Another tab saved a newer version; this tab does not save over it
    /// until the person chooses (see [`AppState::conflict`]).
    Conflict,
    /// Another tab deleted the open draft; this tab does not save it again
    /// until the person chooses (see [`AppState::removed_elsewhere`]).
    RemovedElsewhere,
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

/// Why an action on the drafts was not done.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionError {
    /// Another tab saved the open draft; the person chooses first.
    Conflict,
    /// The open draft's last changes could not be saved, so it stays open.
    NotSaved,
    Draft(DraftError),
}

impl ActionError {
    /// What the page says.
    pub fn message(&self) -> String {
        match self {
            ActionError::Conflict => messages::CONFLICT_FIRST.to_owned(),
            ActionError::NotSaved => messages::OPEN_DRAFT_NOT_SAVED.to_owned(),
            ActionError::Draft(e) => messages::draft_error(e),
        }
    }
}

impl From<StorageError> for ActionError {
    fn from(e: StorageError) -> Self {
        ActionError::Draft(DraftError::Storage(e))
    }
}

impl From<DraftError> for ActionError {
    fn from(e: DraftError) -> Self {
        ActionError::Draft(e)
    }
}

/// The app's state, provided once at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: RwSignal<Plan>,
    /// Every commitment's check ([`Plan::checks`]), once per change of the
    /// plan, for every page and step status that asks (kept across pages).
    pub checks: Memo<Arc<Vec<CommitmentCheck>>>,
    /// The quality review's counts ([`Plan::quality_review`]), once per
    /// change of the plan (`None` before the first commitment), for the task
    /// list, its quality step and «Revise su plan» (kept across pages).
    pub quality: Memo<Option<Counts>>,
    pub unsaved: RwSignal<Unsaved>,
    /// The open draft's own name (`None`: the plan's name is shown).
    pub name: RwSignal<Option<String>>,
    /// Fields of the open draft's envelope that this version does not know
    /// (a newer version wrote them): written back on every save.
    pub envelope_unknown: RwSignal<Unknown>,
    /// The open draft was last saved by a newer version of the app.
    pub saved_by_newer_app: RwSignal<bool>,
    /// The open draft's id (its storage key).
    pub draft: RwSignal<DraftId>,
    /// The drafts stored in this browser.
    pub drafts: RwSignal<DraftIndex>,
    pub status: RwSignal<SaveStatus>,
    pub quarantined: RwSignal<Option<Quarantined>>,
    /// A newer version saved by another tab or window, while this one is open.
    /// While set, this tab does not save; the person chooses which to keep.
    pub conflict: RwSignal<Option<Envelope>>,
    /// Another tab deleted the open draft (or erased all data). While set,
    /// this tab does not write it back; the person chooses.
    pub removed_elsewhere: RwSignal<bool>,
    /// The index of drafts could not be read at start-up and was rebuilt.
    pub index_repair: RwSignal<Option<IndexRepair>>,
    /// A one-off confirmation ("Se abrió el borrador…") and the path of the page
    /// that shows it; it disappears once the person moves to another page.
    pub flash: RwSignal<Option<(String, String)>>,
    revision: StoredValue<u64>,
    /// What the last autosave wrote of the open draft, so that the next one
    /// writes only what changed ([`crate::persistence::pieces`]).
    written: StoredValue<Written>,
    dirty: StoredValue<bool>,
    autosave_allowed: StoredValue<bool>,
    /// The open draft was read from or written to storage, so a missing key
    /// means another tab deleted it.
    stored: StoredValue<bool>,
    /// The next change of the plan, input or name comes from opening a draft,
    /// not from the person: it is not a reason to save.
    opening: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Whether a route has already been shown (focus moves only on later routes).
    pub routed_once: StoredValue<bool>,
}

/// A draft read for opening: what the state starts from.
struct Opening {
    id: DraftId,
    plan: Plan,
    unsaved: Unsaved,
    name: Option<String>,
    envelope_unknown: Unknown,
    saved_by_newer_app: bool,
    revision: u64,
    status: SaveStatus,
    quarantined: Option<Quarantined>,
    autosave_allowed: bool,
    stored: bool,
    /// What is known of how it is stored (a big draft's pieces).
    written: Written,
}

impl Opening {
    /// A new, empty draft under `id`, stored at its first change.
    fn fresh(id: DraftId) -> Self {
        Self {
            id,
            plan: Plan::default(),
            unsaved: Unsaved::new(),
            name: None,
            envelope_unknown: Unknown::new(),
            saved_by_newer_app: false,
            revision: 0,
            status: if browser::available() {
                SaveStatus::NotSaved
            } else {
                SaveStatus::MemoryOnly
            },
            quarantined: None,
            autosave_allowed: true,
            stored: false,
            written: Written::default(),
        }
    }

    /// Reads draft `id`. A draft that cannot be read is first copied aside
    /// and never overwritten without that copy.
    fn read(id: DraftId) -> Self {
        let mut store = browser::store();
        let mut o = Self::fresh(id);
        let (loaded, written) = drafts::load_written(&store, id);
        o.written = written;
        match loaded {
            Loaded::Empty => {}
            Loaded::Draft(env) => {
                let env = *env;
                o.saved_by_newer_app = env.saved_by_newer_app();
                o.plan = env.plan;
                o.unsaved = env.unsaved;
                o.name = env.name;
                o.envelope_unknown = env.unknown;
                o.revision = env.revision;
                o.stored = true;
                if browser::available() {
                    o.status = SaveStatus::Saved(env.saved_at);
                }
            }
            Loaded::Unreadable { raw, error } => {
                let now = browser::now_local();
                let what = format!("borrador-{id}");
                let key = drafts::quarantine(&mut store, &raw, &what, now).ok();
                o.stored = true;
                if key.is_some() {
                    // The text is safe under its own key: an empty draft takes
                    // its place, so that opening it again makes no second copy.
                    let empty = Envelope::new(Plan::default(), Unsaved::new(), now, 1);
                    if drafts::save(&mut store, id, &empty, now).is_ok() {
                        o.revision = 1;
                    }
                } else {
                    // Without a safe copy elsewhere, the original must not be overwritten.
                    o.autosave_allowed = false;
                    o.status = SaveStatus::Failed(StorageError::QuotaExceeded);
                }
                o.quarantined = Some(Quarantined { raw, key, error });
            }
            Loaded::Unavailable => o.status = SaveStatus::MemoryOnly,
        }
        o
    }

    /// The draft of an earlier version that could not be moved into the list
    /// (storage full): shown, left where it is, and nothing saved until it can
    /// be moved at a later start.
    fn legacy(id: DraftId, raw: String, error: StorageError) -> Self {
        let mut o = Self::fresh(id);
        o.autosave_allowed = false;
        o.status = SaveStatus::Failed(error);
        match decode(&raw) {
            Ok(env) => {
                o.saved_by_newer_app = env.saved_by_newer_app();
                o.plan = env.plan;
                o.unsaved = env.unsaved;
                o.name = env.name;
                o.envelope_unknown = env.unknown;
                o.revision = env.revision;
            }
            Err(error) => {
                o.quarantined = Some(Quarantined {
                    raw,
                    key: None,
                    error,
                })
            }
        }
        o
    }
}

impl AppState {
    /// Opens this tab's draft (moving the draft of an earlier version into the
    /// list, never overwriting one it cannot read) and starts autosave.
    pub fn init() -> Self {
        let mut store = browser::store();
        let (index, repair, legacy) = match drafts::open(&mut store, browser::now_local()) {
            Ok(o) => (o.index, o.repair, o.legacy),
            Err(_) => (DraftIndex::new(), None, Legacy::None),
        };
        let id = index
            .choose_open(browser::tab_draft())
            .unwrap_or_else(|| index.peek_id());
        let o = match legacy {
            Legacy::NotMigrated { raw, error } => Opening::legacy(id, raw, error),
            _ => Opening::read(id),
        };
        if o.stored {
            browser::set_tab_draft(id);
        }
        let plan = RwSignal::new(o.plan);
        let checks = Memo::new(move |_| Arc::new(plan.with(Plan::checks)));
        let state = Self {
            plan,
            checks,
            quality: Memo::new(move |_| {
                let today = browser::now_local().date();
                checks.with(|checks| {
                    plan.with(|p| {
                        (!p.commitments.is_empty())
                            .then(|| p.quality_review_checked(today, checks).counts(p))
                    })
                })
            }),
            unsaved: RwSignal::new(o.unsaved),
            name: RwSignal::new(o.name),
            envelope_unknown: RwSignal::new(o.envelope_unknown),
            saved_by_newer_app: RwSignal::new(o.saved_by_newer_app),
            draft: RwSignal::new(id),
            drafts: RwSignal::new(index),
            status: RwSignal::new(o.status),
            quarantined: RwSignal::new(o.quarantined),
            conflict: RwSignal::new(None),
            removed_elsewhere: RwSignal::new(false),
            index_repair: RwSignal::new(repair),
            flash: RwSignal::new(None),
            revision: StoredValue::new(o.revision),
            written: StoredValue::new(o.written),
            dirty: StoredValue::new(false),
            autosave_allowed: StoredValue::new(o.autosave_allowed),
            stored: StoredValue::new(o.stored),
            opening: StoredValue::new(false),
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
            self.name.track();
            if prev.is_some() {
                if self.opening.get_value() {
                    self.opening.set_value(false);
                    return;
                }
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
        let h3 = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            self.on_storage(ev)
        });
        // The root state lives as long as the page; keep the listeners.
        std::mem::forget((h1, h2, h3));
    }

    /// Another tab changed storage.
    fn on_storage(self, ev: web_sys::StorageEvent) {
        let mine = self.draft.get_untracked().key();
        match ev.key() {
            // The open draft itself: never apply it silently (this tab's open
            // forms would then save stale values over it); say so and let the
            // person choose.
            Some(key) if key == mine => match ev.new_value() {
                None => self.mark_removed_if_gone(),
                Some(raw) => {
                    let id = self.draft.get_untracked();
                    let newer = drafts::read_stored(&browser::store(), id, &raw)
                        .ok()
                        .filter(|env| env.revision > self.revision.get_value());
                    if let Some(env) = newer {
                        self.conflict.set(Some(env));
                        self.status.set(SaveStatus::Conflict);
                    }
                }
            },
            Some(key) if key == browser::INDEX_KEY => self.refresh_list(),
            // Everything was cleared.
            None => {
                self.mark_removed_if_gone();
                self.refresh_list();
            }
            _ => {}
        }
    }

    fn mark_removed_if_gone(self) {
        let gone = matches!(
            drafts::load(&browser::store(), self.draft.get_untracked()),
            Loaded::Empty
        );
        if gone && self.stored.get_value() {
            self.removed_elsewhere.set(true);
            self.status.set(SaveStatus::RemovedElsewhere);
        }
    }

    /// Reads the list of drafts again (another tab changed it).
    pub fn refresh_list(self) {
        if let Ok(index) = drafts::index(&mut browser::store(), browser::now_local()) {
            self.drafts.set(index);
        }
    }

    fn schedule_save(self) {
        self.clear_timer();
        let handle = set_timeout_with_handle(move || self.save_now(), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    fn clear_timer(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
    }

    /// Writes the open draft now if anything changed since the last write.
    pub fn save_now(self) {
        if !self.dirty.get_value()
            || !self.autosave_allowed.get_value()
            || self.removed_elsewhere.get_untracked()
        {
            return;
        }
        save_timing(false);
        let mut store = browser::store();
        let id = self.draft.get_untracked();
        // Never save over a newer version written by another tab, nor bring
        // back a draft another tab deleted. The stored revision is read from
        // the draft's first characters; the whole draft is read only when it
        // is newer (to fill the banner) or when its head does not tell.
        let mine = self.revision.get_value();
        let stored = drafts::stored_revision(&store, id);
        let newer = match stored {
            StoredRevision::At(stored) => stored > mine,
            StoredRevision::Empty => {
                if self.stored.get_value() {
                    self.removed_elsewhere.set(true);
                    self.status.set(SaveStatus::RemovedElsewhere);
                    return;
                }
                false
            }
            StoredRevision::Unknown => true,
        };
        if newer {
            match drafts::load(&store, id) {
                Loaded::Draft(stored) if stored.revision > mine => {
                    self.conflict.set(Some(*stored));
                    self.status.set(SaveStatus::Conflict);
                    return;
                }
                Loaded::Empty if self.stored.get_value() => {
                    self.removed_elsewhere.set(true);
                    self.status.set(SaveStatus::RemovedElsewhere);
                    return;
                }
                _ => {}
            }
        }
        let now = browser::now_local();
        let revision = self.revision.get_value() + 1;
        let head = self.head_at(now, revision);
        let saved = self.plan.with_untracked(|plan| {
            self.written.try_update_value(|written| {
                drafts::save_plan(
                    &mut store,
                    id,
                    &head,
                    &plan.commitments,
                    written,
                    stored,
                    now,
                )
            })
        });
        let Some(saved) = saved else { return };
        let written = match saved {
            Ok(index) => {
                self.drafts.set(index);
                true
            }
            // The draft is stored; only its line in the list is behind, and
            // the next save writes it.
            Err(SaveFailure { written: true, .. }) => true,
            Err(SaveFailure { error, .. }) => {
                self.status.set(SaveStatus::Failed(error));
                false
            }
        };
        if written {
            self.revision.set_value(revision);
            self.dirty.set_value(false);
            self.stored.set_value(true);
            browser::set_tab_draft(id);
            self.status.set(if browser::available() {
                SaveStatus::Saved(now)
            } else {
                SaveStatus::MemoryOnly
            });
        }
        save_timing(true);
    }

    /// The open draft's envelope without its commitments (what an autosave
    /// writes besides them), made without copying them.
    fn head_at(self, at: OffsetDateTime, revision: u64) -> Envelope {
        let rest = self
            .plan
            .try_update_untracked(|plan| {
                let commitments = std::mem::take(&mut plan.commitments);
                let rest = plan.clone();
                plan.commitments = commitments;
                rest
            })
            .unwrap_or_default();
        self.wrap(rest, at, revision)
    }

    /// The open draft wrapped for saving or download.
    pub fn envelope_at(self, at: OffsetDateTime, revision: u64) -> Envelope {
        self.wrap(self.plan.get_untracked(), at, revision)
    }

    /// `plan` in the open draft's envelope: its unsaved input, name and the
    /// fields of a newer version.
    fn wrap(self, plan: Plan, at: OffsetDateTime, revision: u64) -> Envelope {
        let mut envelope = Envelope::new(plan, self.unsaved.get_untracked(), at, revision);
        envelope.name = self.name.get_untracked();
        envelope.unknown = self.envelope_unknown.get_untracked();
        envelope
    }

    /// Changes the plan. Pages put whole values in place of the old ones (the
    /// parsed profile, an edited key action): fields of a newer version that
    /// an old value held are carried into the value that replaces it, so
    /// nothing this version does not know is lost by an edit.
    pub fn edit_plan(self, change: impl FnOnce(&mut Plan)) {
        self.try_edit_plan(change);
    }

    /// [`Self::edit_plan`] with the change's result (`None` if the state is gone).
    pub fn try_edit_plan<R>(self, change: impl FnOnce(&mut Plan) -> R) -> Option<R> {
        self.written.update_value(Written::plan_edited);
        self.plan
            .try_update(|plan| edit_keeping_unknown(plan, change))
    }

    /// Whether the open draft was made by a newer version of the app: the
    /// version that saved it last is newer, or it holds fields this version
    /// does not know (which are kept unchanged). Reactive.
    pub fn made_by_newer_version(self) -> bool {
        self.saved_by_newer_app.get()
            || self.envelope_unknown.with(Carry::holds_unknown)
            || self.plan.with(Carry::holds_unknown)
    }

    /// The open draft as of now, for "Descargar borrador (JSON)".
    pub fn envelope_now(self) -> Envelope {
        self.envelope_at(browser::now_local(), self.revision.get_value())
    }

    /// The open draft's name: its own, else its plan's; empty when it has neither.
    pub fn draft_name(self) -> String {
        self.name.with_untracked(|own| {
            self.plan
                .with_untracked(|p| drafts::name_of(own.as_deref(), p))
        })
    }

    /// The name shown for the open draft ("Borrador sin nombre" when it has none).
    pub fn shown_name(self) -> String {
        drafts::shown_or_unnamed(&self.draft_name())
    }

    /// Saves the open draft before another one takes its place; refuses when
    /// that would lose this tab's changes.
    fn leave(self) -> Result<(), ActionError> {
        if self.conflict.with_untracked(Option::is_some) {
            return Err(ActionError::Conflict);
        }
        if self.removed_elsewhere.get_untracked() {
            // Deleted on purpose in another tab: nothing of it is written back.
            return Ok(());
        }
        self.save_now();
        if self.dirty.get_value() {
            return Err(ActionError::NotSaved);
        }
        Ok(())
    }

    /// Puts a draft in place of the open one (saving nothing).
    fn show(self, o: Opening) {
        self.clear_timer();
        self.opening.set_value(true);
        self.plan.set(o.plan);
        self.unsaved.set(o.unsaved);
        self.name.set(o.name);
        self.envelope_unknown.set(o.envelope_unknown);
        self.saved_by_newer_app.set(o.saved_by_newer_app);
        self.draft.set(o.id);
        self.revision.set_value(o.revision);
        self.written.set_value(o.written);
        self.dirty.set_value(false);
        self.stored.set_value(o.stored);
        self.autosave_allowed.set_value(o.autosave_allowed);
        self.status.set(o.status);
        self.quarantined.set(o.quarantined);
        self.conflict.set(None);
        self.removed_elsewhere.set(false);
        if o.stored {
            browser::set_tab_draft(o.id);
        }
    }

    /// Opens a stored draft after saving the open one.
    pub fn open_draft(self, id: DraftId) -> Result<(), ActionError> {
        if id == self.draft.get_untracked() {
            return Ok(());
        }
        self.leave()?;
        self.show(Opening::read(id));
        if let Ok(index) = drafts::set_current(&mut browser::store(), id, browser::now_local()) {
            self.drafts.set(index);
        }
        Ok(())
    }

    /// Stores `envelope` as a new draft (revision 1, saved now) and opens it,
    /// after saving the open one, which stays as it is.
    fn open_new(self, mut envelope: Envelope) -> Result<(), ActionError> {
        self.leave()?;
        let now = browser::now_local();
        envelope.revision = 1;
        envelope.saved_at = now;
        // Stored now by this version; a newer version's number stays, so that
        // the draft still says who made it until this version saves it.
        if !envelope.saved_by_newer_app() {
            envelope.app_version = crate::APP_VERSION.to_owned();
        }
        let (id, index) = drafts::create(&mut browser::store(), &envelope, true, now)?;
        self.drafts.set(index);
        self.show(Opening::read(id));
        Ok(())
    }

    /// "Crear un borrador nuevo".
    pub fn create_draft(self) -> Result<(), ActionError> {
        self.open_new(Envelope::new(
            Plan::default(),
            Unsaved::new(),
            browser::now_local(),
            1,
        ))
    }

    /// "Abrir este borrador" on a chosen file: it becomes a new draft, and the
    /// open one stays in the list untouched.
    pub fn import(self, envelope: Envelope) -> Result<(), ActionError> {
        self.open_new(envelope)
    }

    /// "Duplicar": stores a copy named "Copia de …" (of the open draft as it is
    /// now, when it is the open one). The copy is not opened.
    pub fn duplicate(self, id: DraftId) -> Result<String, ActionError> {
        if id == self.draft.get_untracked() {
            self.save_now();
        }
        let now = browser::now_local();
        let (copy, index) = drafts::duplicate(&mut browser::store(), id, now)?;
        let name = index
            .get(copy)
            .map(|d| d.shown_name().to_owned())
            .unwrap_or_default();
        self.drafts.set(index);
        Ok(name)
    }

    /// "Cambiar el nombre" of any stored draft, or of the open one.
    pub fn rename(self, id: DraftId, name: String) -> Result<(), ActionError> {
        if id != self.draft.get_untracked() {
            let index = drafts::rename(&mut browser::store(), id, &name, browser::now_local())?;
            self.drafts.set(index);
            return Ok(());
        }
        if self.conflict.with_untracked(Option::is_some) {
            return Err(ActionError::Conflict);
        }
        // Saved here and now, not by the autosave that the change would start.
        self.opening.set_value(true);
        self.name.set(Some(name));
        self.dirty.set_value(true);
        self.save_now();
        match self.status.get_untracked() {
            SaveStatus::Failed(e) => Err(e.into()),
            SaveStatus::Conflict => Err(ActionError::Conflict),
            _ => Ok(()),
        }
    }

    /// "Eliminar": removes a stored draft. When it is the open one, nothing of
    /// it is saved again, and the most recently saved other draft opens (or a
    /// new, empty one). Returns the name of the draft opened instead, if any.
    pub fn delete_draft(self, id: DraftId) -> Result<Option<String>, ActionError> {
        let open = id == self.draft.get_untracked();
        let was_dirty = self.dirty.get_value();
        if open {
            self.clear_timer();
            self.dirty.set_value(false);
        }
        let index = match drafts::delete(&mut browser::store(), id, browser::now_local()) {
            Ok(index) => index,
            Err(e) => {
                self.dirty.set_value(was_dirty);
                return Err(e.into());
            }
        };
        self.drafts.set(index.clone());
        if !open {
            return Ok(None);
        }
        match index.choose_open(None) {
            Some(next) => {
                self.show(Opening::read(next));
                if let Ok(index) =
                    drafts::set_current(&mut browser::store(), next, browser::now_local())
                {
                    self.drafts.set(index);
                }
                Ok(Some(self.shown_name()))
            }
            None => {
                self.show(Opening::fresh(index.peek_id()));
                Ok(None)
            }
        }
    }

    /// The open draft, deleted in another tab, is stored again as a new draft.
    pub fn save_as_new(self) -> Result<(), ActionError> {
        let now = browser::now_local();
        let envelope = self.envelope_at(now, 1);
        let (id, index) = drafts::create(&mut browser::store(), &envelope, true, now)?;
        self.drafts.set(index);
        self.draft.set(id);
        self.revision.set_value(1);
        self.stored.set_value(true);
        self.dirty.set_value(false);
        self.removed_elsewhere.set(false);
        self.status.set(SaveStatus::Saved(now));
        browser::set_tab_draft(id);
        Ok(())
    }

    /// Shows a confirmation on the page at `path` (and only there).
    pub fn flash_on(self, path: &str, message: String) {
        self.flash.set(Some((path.to_owned(), message)));
    }

    /// "Borrar todos mis datos de este equipo": stop saving first (so no pending
    /// save writes a draft back), remove every key of the app, and start afresh.
    pub fn erase_everything(self) {
        self.autosave_allowed.set_value(false);
        self.clear_timer();
        browser::remove_all();
        let _ = window().location().assign("/");
    }

    /// Conflict resolved in favour of the newer stored version: reload the page
    /// (this tab reopens the same draft), so the state and every open form
    /// start again from what is stored.
    pub fn use_stored_version(self) {
        let _ = window().location().reload();
    }

    /// Conflict resolved in favour of this tab: save over the newer version.
    pub fn keep_this_version(self) {
        if let Loaded::Draft(stored) = drafts::load(&browser::store(), self.draft.get_untracked()) {
            self.revision
                .set_value(stored.revision.max(self.revision.get_value()));
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

    /// Drops the unsaved input of every page whose key `matches`.
    pub fn clear_unsaved_matching(self, matches: impl Fn(&str) -> bool) {
        if self
            .unsaved
            .with_untracked(|u| u.keys().any(|k| matches(k)))
        {
            self.unsaved.update(|u| u.retain(|k, _| !matches(k)));
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
                Some(key) => {
                    let _ = browser::store().remove(&key);
                }
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

/// Puts one save on the page's performance timeline: the mark
/// "autosave-start" when it starts and the measure "autosave" (its main-thread
/// time) when it has written, which `make bench` reads
/// (tests/bench/web-vitals.mjs). Only the last save's entries are kept, so the
/// timeline does not grow with the session.
fn save_timing(end: bool) {
    let Some(timeline) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    if end {
        timeline.clear_measures_with_measure_name("autosave");
        let _ = timeline.measure_with_start_mark("autosave", "autosave-start");
    } else {
        timeline.clear_marks_with_mark_name("autosave-start");
        let _ = timeline.mark("autosave-start");
    }
}
