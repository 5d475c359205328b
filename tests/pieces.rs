//! Native tests of big drafts stored in pieces (`persistence::pieces`): the
//! autosave writes only what changed, a save stopped at any step leaves the
//! previous version whole, superseded pieces go one save later, a missing
//! piece is said and what is left is kept, and everything that reads a stored
//! draft (opening, the list, a copy, a new name, a download) reads it whole.
#![cfg(not(target_arch = "wasm32"))]
// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

#[path = "common/bench_plan.rs"]
mod bench_plan;

use std::collections::BTreeMap;

use plan_local_ga::domain::Commitment;
use plan_local_ga::messages;
use plan_local_ga::persistence::drafts::{
    self, stored_revision, DraftId, KeyValue, Loaded, MemoryStore, StorageError, StoredRevision,
};
use plan_local_ga::persistence::pieces::{piece_key, Written, PIECES_FROM};
use plan_local_ga::persistence::{decode, DecodeError, Envelope};
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-12-06 10:05:00 -06:00);
const ID: DraftId = DraftId(1);

/// The benchmark plan with `n` commitments (about 17 KB of JSON each).
fn big(n: usize, revision: u64) -> Envelope {
    Envelope::new(bench_plan::plan_with(n), Default::default(), NOW, revision)
}

/// A published plan transcribed as a draft (tests/fixtures/planes-reales).
fn real(name: &str) -> Envelope {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/planes-reales/borradores/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    decode(&text).unwrap()
}

/// A store that records the keys written, and can refuse one key's writes.
#[derive(Default)]
struct Recording {
    inner: MemoryStore,
    set: Vec<String>,
    refuse: Option<String>,
}

impl KeyValue for Recording {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.refuse.as_deref() == Some(key) {
            return Err(StorageError::QuotaExceeded);
        }
        self.set.push(key.to_owned());
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}

/// Saves `envelope` as the autosave does; returns the keys written.
fn autosave(store: &mut Recording, envelope: &Envelope, written: &mut Written) -> Vec<String> {
    autosave_as(store, envelope, written, true)
}

/// [`autosave`], saying whether the plan was edited since the last save.
fn autosave_as(
    store: &mut Recording,
    envelope: &Envelope,
    written: &mut Written,
    plan_edited: bool,
) -> Vec<String> {
    let stored = stored_revision(store, ID);
    let mut head = envelope.clone();
    let commitments: Vec<Commitment> = std::mem::take(&mut head.plan.commitments);
    if plan_edited {
        written.plan_edited();
    }
    store.set.clear();
    drafts::save_plan(store, ID, &head, &commitments, written, stored, NOW).unwrap();
    let mut keys = std::mem::take(&mut store.set);
    keys.retain(|k| k != drafts::INDEX_KEY);
    keys
}

fn pieces_in(store: &Recording) -> BTreeMap<String, String> {
    let prefix = format!("{}/", ID.key());
    store
        .inner
        .items
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn loaded(store: &impl KeyValue) -> Envelope {
    match drafts::load(store, ID) {
        Loaded::Draft(env) => *env,
        other => panic!("not a draft: {other:?}"),
    }
}

#[test]
fn a_draft_under_the_limit_is_stored_whole_as_before() {
    for name in [
        "mx0087-estrategia-subnacional-2019-2021",
        "nuevo-leon-coalicion-2022-2024",
        "quintana-roo-2023-2025",
    ] {
        let mut envelope = real(name);
        envelope.revision = 3;
        let mut store = Recording::default();
        let mut written = Written::default();
        let keys = autosave(&mut store, &envelope, &mut written);
        assert_eq!(keys, vec![ID.key()], "{name}: one key, the draft's");
        let stored = store.inner.items[&ID.key()].clone();
        assert!(stored.len() < PIECES_FROM, "{name}: {} bytes", stored.len());
        // Byte for byte the text every earlier version wrote.
        assert_eq!(stored, drafts::stored_text(&envelope), "{name}");
        assert!(pieces_in(&store).is_empty());
        assert_eq!(loaded(&store), envelope, "{name}");
    }
}

#[test]
fn a_big_draft_is_stored_in_pieces_and_reads_back_whole() {
    let envelope = big(60, 1);
    let whole = drafts::stored_text(&envelope);
    assert!(whole.len() > 900_000, "{} bytes", whole.len());
    let mut store = Recording::default();
    let mut written = Written::default();
    let keys = autosave(&mut store, &envelope, &mut written);
    assert_eq!(keys.len(), 61, "60 pieces, then the head");
    assert_eq!(keys.last(), Some(&ID.key()), "the head is written last");
    let head = &store.inner.items[&ID.key()];
    assert!(head.len() < 20_000, "the head has {} bytes", head.len());
    assert!(
        head.contains(r#""commitments":{"piezas":[[1,1],[2,1],"#),
        "{head}"
    );
    assert_eq!(pieces_in(&store).len(), 60);
    // What is read is exactly the whole text, and the same draft.
    assert_eq!(
        drafts::stored_whole_text(&store, ID).unwrap().unwrap(),
        whole
    );
    assert_eq!(loaded(&store), envelope);
    // The list shows it as one draft, readable, with its whole size.
    let index = drafts::index(&mut store, NOW).unwrap();
    assert_eq!(index.drafts.len(), 1);
    assert!(!index.drafts[0].damaged);
    assert_eq!(index.drafts[0].size, whole.len() as u64);
    // The revision is still read from the head's first characters.
    assert_eq!(stored_revision(&store, ID), StoredRevision::At(1));
}

#[test]
fn an_older_version_cannot_read_a_head_as_a_draft_without_commitments() {
    let mut store = Recording::default();
    autosave(&mut store, &big(60, 1), &mut Written::default());
    let head = &store.inner.items[&ID.key()];
    assert!(decode(head).is_err(), "read alone, the head is not a draft");
}

#[test]
fn a_change_writes_only_its_commitment_and_the_head() {
    let mut envelope = big(60, 1);
    let mut store = Recording::default();
    let mut written = Written::default();
    autosave(&mut store, &envelope, &mut written);
    let before = pieces_in(&store);

    envelope.revision = 2;
    envelope.plan.commitments[6].name.push_str(" y abierto");
    let keys = autosave(&mut store, &envelope, &mut written);
    let id7 = envelope.plan.commitments[6].id;
    assert_eq!(keys, vec![piece_key(ID, id7, 2), ID.key()]);
    assert_eq!(loaded(&store), envelope);
    // The superseded piece stays one save, so that a tab that read the
    // previous head a moment ago still finds it.
    assert!(store.inner.items.contains_key(&piece_key(ID, id7, 1)));
    for (key, text) in &before {
        assert_eq!(store.inner.items.get(key), Some(text), "{key} untouched");
    }

    // A change of the plan's profile only: the head alone.
    envelope.revision = 3;
    envelope
        .plan
        .profile
        .as_mut()
        .unwrap()
        .plan_name
        .push_str(" (versión 2)");
    let keys = autosave(&mut store, &envelope, &mut written);
    assert_eq!(keys, vec![ID.key()]);
    assert!(
        !store.inner.items.contains_key(&piece_key(ID, id7, 1)),
        "removed by the save after the one that superseded it"
    );
    assert_eq!(pieces_in(&store).len(), 60);
    assert_eq!(loaded(&store), envelope);
}

#[test]
fn while_a_person_types_only_the_head_is_written() {
    let mut envelope = big(60, 1);
    let mut store = Recording::default();
    let mut written = Written::default();
    autosave(&mut store, &envelope, &mut written);
    // Typed input of a page (not yet «Guardar y continuar»): the plan is not
    // edited, and its commitments are not even compared.
    envelope.revision = 2;
    envelope
        .unsaved
        .entry("/plan/compromisos/1/datos".into())
        .or_default()
        .insert(
            "nombre-compromiso".into(),
            "Presupuesto participativo y".into(),
        );
    let keys = autosave_as(&mut store, &envelope, &mut written, false);
    assert_eq!(keys, vec![ID.key()]);
    assert_eq!(loaded(&store), envelope);
    // A list that is not the one written (here, reordered) is compared even
    // so: the head names the new order.
    envelope.revision = 3;
    envelope.plan.commitments.swap(1, 2);
    let keys = autosave_as(&mut store, &envelope, &mut written, false);
    assert_eq!(keys, vec![ID.key()]);
    assert_eq!(loaded(&store), envelope);
}

#[test]
fn a_draft_just_opened_saves_only_what_changed() {
    let envelope = big(60, 4);
    let mut store = Recording::default();
    autosave(&mut store, &envelope, &mut Written::default());
    // Another start of the app: what it knows comes from what it reads.
    let (Loaded::Draft(opened), mut written) = drafts::load_written(&store, ID) else {
        panic!("the draft reads");
    };
    let mut opened = *opened;
    opened.revision += 1;
    opened.plan.commitments[59].name.push_str(" (revisado)");
    let keys = autosave(&mut store, &opened, &mut written);
    let last = opened.plan.commitments[59].id;
    assert_eq!(keys, vec![piece_key(ID, last, 5), ID.key()]);
    assert_eq!(loaded(&store), opened);

    // A draft stored whole is written whole at its first save, as before.
    let small = real("mx0087-estrategia-subnacional-2019-2021");
    let mut store = Recording::default();
    autosave(&mut store, &small, &mut Written::default());
    let (_, mut written) = drafts::load_written(&store, ID);
    let mut next = small.clone();
    next.revision += 1;
    let keys = autosave(&mut store, &next, &mut written);
    assert_eq!(keys, vec![ID.key()]);
    assert_eq!(loaded(&store), next);
}

#[test]
fn moving_and_removing_commitments_writes_no_piece() {
    let mut envelope = big(60, 1);
    let mut store = Recording::default();
    let mut written = Written::default();
    autosave(&mut store, &envelope, &mut written);

    envelope.revision = 2;
    envelope.plan.commitments.swap(0, 59);
    let removed = envelope.plan.commitments.remove(30);
    let keys = autosave(&mut store, &envelope, &mut written);
    assert_eq!(keys, vec![ID.key()], "only the head names a new order");
    assert_eq!(loaded(&store), envelope);

    envelope.revision = 3;
    envelope.plan.commitments[1].name.push('.');
    autosave(&mut store, &envelope, &mut written);
    assert!(!store
        .inner
        .items
        .contains_key(&piece_key(ID, removed.id, 1)));
    // 59 named by the head, and the one this save superseded.
    assert_eq!(pieces_in(&store).len(), 60);
    assert_eq!(loaded(&store), envelope);
}

#[test]
fn a_save_stopped_before_its_head_leaves_the_previous_version_whole() {
    let mut envelope = big(60, 1);
    let mut store = Recording::default();
    let mut written = Written::default();
    autosave(&mut store, &envelope, &mut written);
    let first = envelope.clone();

    // The storage refuses the head: the new piece is written, the head not.
    envelope.revision = 2;
    envelope.plan.commitments[0].name = "Compromiso con otro nombre".into();
    store.refuse = Some(ID.key());
    let stored = stored_revision(&store, ID);
    let mut head = envelope.clone();
    let commitments = std::mem::take(&mut head.plan.commitments);
    let failure = drafts::save_plan(
        &mut store,
        ID,
        &head,
        &commitments,
        &mut written,
        stored,
        NOW,
    )
    .unwrap_err();
    assert!(!failure.written);
    assert_eq!(failure.error, StorageError::QuotaExceeded);
    assert_eq!(
        loaded(&store),
        first,
        "the stored head names the first version"
    );

    // The next save works and leaves no piece that no head names.
    store.refuse = None;
    autosave(&mut store, &envelope, &mut written);
    assert_eq!(loaded(&store), envelope);
    assert_eq!(pieces_in(&store).len(), 60);
}

#[test]
fn after_another_tab_wrote_every_piece_is_written_again() {
    let mut envelope = big(60, 1);
    let mut store = Recording::default();
    let mut mine = Written::default();
    autosave(&mut store, &envelope, &mut mine);

    // Another tab saves revision 2 with its own change.
    let mut theirs = envelope.clone();
    theirs.revision = 2;
    theirs.plan.commitments[3].name = "Cambio de la otra pestaña".into();
    autosave(&mut store, &theirs, &mut Written::default());
    assert_eq!(loaded(&store), theirs);

    // This tab (after the person chose to keep its version) saves revision
    // 3: what it knew of storage is not trusted, so it writes every piece,
    // and no piece of revision 2 is left.
    envelope.revision = 3;
    let keys = autosave(&mut store, &envelope, &mut mine);
    assert_eq!(keys.len(), 61);
    assert_eq!(loaded(&store), envelope);
    assert_eq!(pieces_in(&store).len(), 60);
    assert!(pieces_in(&store).keys().all(|k| k.ends_with("/3")));
}

#[test]
fn a_draft_that_shrinks_is_stored_whole_again_and_its_pieces_go() {
    let mut envelope = big(60, 1);
    let mut store = Recording::default();
    let mut written = Written::default();
    autosave(&mut store, &envelope, &mut written);
    envelope.revision = 2;
    envelope.plan.commitments.truncate(2);
    let keys = autosave(&mut store, &envelope, &mut written);
    assert_eq!(keys, vec![ID.key()]);
    assert!(pieces_in(&store).is_empty());
    assert_eq!(store.inner.items[&ID.key()], drafts::stored_text(&envelope));
    assert_eq!(loaded(&store), envelope);
}

#[test]
fn a_missing_piece_is_said_and_the_rest_is_kept() {
    let envelope = big(60, 1);
    let mut store = Recording::default();
    autosave(&mut store, &envelope, &mut Written::default());
    let gone = piece_key(ID, envelope.plan.commitments[4].id, 1);
    store.inner.items.remove(&gone);

    let Loaded::Unreadable { raw, error } = drafts::load(&store, ID) else {
        panic!("a draft with a missing piece must not open as if whole");
    };
    assert_eq!(error, DecodeError::MissingPiece { commitment: 5 });
    let message = messages::decode_error(&error);
    assert!(message.contains("compromiso 5"), "{message}");
    assert!(message.contains("«Abrir un borrador»"), "{message}");
    // What is kept aside is a draft with every other commitment.
    let rest = decode(&raw).unwrap();
    assert_eq!(rest.plan.commitments.len(), 59);
    let mut expected = envelope.plan.commitments.clone();
    expected.remove(4);
    assert_eq!(rest.plan.commitments, expected);
    // The list, rebuilt from storage, marks it damaged; the download gives
    // what is there.
    store.inner.items.remove(drafts::INDEX_KEY);
    let index = drafts::index(&mut store, NOW).unwrap();
    assert!(index.drafts[0].damaged);
    assert_eq!(drafts::stored_whole_text(&store, ID).unwrap().unwrap(), raw);
}

#[test]
fn copies_new_names_and_deletion_read_and_remove_the_pieces() {
    let envelope = big(60, 1);
    let mut store = MemoryStore::default();
    let (id, _) = drafts::create(&mut store, &envelope, true, NOW).unwrap();
    assert_eq!(id, ID);
    // Stored in pieces by an autosave.
    let mut recording = Recording {
        inner: store,
        ..Default::default()
    };
    let mut next = envelope.clone();
    next.revision = 2;
    autosave(&mut recording, &next, &mut Written::default());
    let mut store = recording.inner;
    assert_eq!(pieces_in_memory(&store, ID), 60);

    let (copy, index) = drafts::duplicate(&mut store, ID, NOW).unwrap();
    assert_eq!(index.drafts.len(), 2);
    let Loaded::Draft(copied) = drafts::load(&store, copy) else {
        panic!("the copy reads");
    };
    assert_eq!(copied.plan, next.plan);

    drafts::rename(&mut store, ID, "Plan grande", NOW).unwrap();
    let Loaded::Draft(renamed) = drafts::load(&store, ID) else {
        panic!("the renamed draft reads");
    };
    assert_eq!(renamed.plan, next.plan);
    assert_eq!(renamed.name.as_deref(), Some("Plan grande"));
    assert_eq!(
        pieces_in_memory(&store, ID),
        0,
        "written whole: no piece left"
    );

    // In pieces again, then deleted: nothing of it is left.
    let mut recording = Recording {
        inner: store,
        ..Default::default()
    };
    let mut again = renamed.as_ref().clone();
    again.revision += 1;
    autosave(&mut recording, &again, &mut Written::default());
    let mut store = recording.inner;
    assert_eq!(pieces_in_memory(&store, ID), 60);
    drafts::delete(&mut store, ID, NOW).unwrap();
    assert_eq!(pieces_in_memory(&store, ID), 0);
    assert!(store.items.keys().all(|k| !k.starts_with(&ID.key())));
}

fn pieces_in_memory(store: &MemoryStore, id: DraftId) -> usize {
    let prefix = format!("{}/", id.key());
    store
        .items
        .keys()
        .filter(|k| k.starts_with(&prefix))
        .count()
}
