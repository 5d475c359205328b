//! Native tests of several drafts in one browser (`persistence::drafts`): the
//! index and its text, ids, names of copies, the save that never leaves a
//! half-written draft, a damaged index that loses no draft, and the move of the
//! single draft of earlier versions into the list.
#![cfg(not(target_arch = "wasm32"))]
// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use plan_local_ga::domain::{Field, Named, Problem};
use plan_local_ga::persistence::drafts::{
    self, copy_name, decode_index, encode_index, parse_name, DraftEntry, DraftError, DraftId,
    DraftIndex, IndexError, KeyValue, Legacy, Loaded, MemoryStore, StorageError, INDEX_KEY,
    LEGACY_KEY, MAX_NAME, QUARANTINE_PREFIX,
};
use plan_local_ga::persistence::drafts::{stored_revision, StoredRevision};
use plan_local_ga::persistence::{decode, Envelope};
use plan_local_ga::{labels, messages};
use proptest::prelude::*;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-11-25 10:05:00 -06:00);

fn fixture(version: u32) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/borrador-v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// A small draft with a name of its own.
fn named(name: &str, revision: u64) -> Envelope {
    let mut env = Envelope::new(Default::default(), Default::default(), NOW, revision);
    env.name = Some(name.to_owned());
    env
}

/// A store that fails on purpose: refuses to write one key, or reads back
/// something else than was written to it (a browser that corrupts a write).
#[derive(Default)]
struct Faulty {
    inner: MemoryStore,
    refuse: Option<String>,
    garble: Option<String>,
}

impl KeyValue for Faulty {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.refuse.as_deref() == Some(key) {
            return Err(StorageError::QuotaExceeded);
        }
        if self.garble.as_deref() == Some(key) {
            // Once: the write that puts the previous text back works.
            self.garble = None;
            let half = &value[..value.len() / 2];
            return self.inner.set(key, half);
        }
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}

fn stored_index(store: &impl KeyValue) -> DraftIndex {
    decode_index(&store.get(INDEX_KEY).unwrap().expect("an index")).expect("readable index")
}

fn quarantined(store: &MemoryStore) -> Vec<(String, String)> {
    store
        .items
        .iter()
        .filter(|(k, _)| k.starts_with(QUARANTINE_PREFIX))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

// ---------------------------------------------------------------- the index

#[test]
fn the_index_round_trips_through_its_text() {
    let mut index = DraftIndex::new();
    let v4 = decode(&fixture(4)).unwrap();
    index.upsert(DraftEntry::describe(DraftId(1), &v4, 12_345));
    index.upsert(DraftEntry::describe(DraftId(4), &named("Segundo", 3), 800));
    index.current = Some(DraftId(4));
    let text = encode_index(&index);
    assert_eq!(decode_index(&text).unwrap(), index);
    assert!(text.contains(r#""format":"plan-local-gobierno-abierto/borradores","version":1"#));
    let first = index.get(DraftId(1)).unwrap();
    assert_eq!(
        first.name,
        "Plan de Acción Local de Gobierno Abierto 2025-2027"
    );
    assert_eq!(
        first.jurisdiction.as_deref(),
        Some("Municipio de Querétaro")
    );
    assert_eq!(first.saved_at, v4.saved_at);
    assert_eq!(first.size, 12_345);
    assert_eq!(index.next_id, 5, "past the highest id");
}

#[test]
fn an_index_that_cannot_be_read_gets_a_typed_error() {
    let cases: [(&str, IndexError); 6] = [
        ("", IndexError::NotJson),
        (
            "{\"format\": \"plan-local-gobierno-abierto/borradores\",",
            IndexError::NotJson,
        ),
        ("[1, 2]", IndexError::NotAnIndex),
        (
            r#"{"format": "otro", "version": 1}"#,
            IndexError::NotAnIndex,
        ),
        (
            r#"{"format": "plan-local-gobierno-abierto/borradores", "version": 9}"#,
            IndexError::FromNewerVersion { found: 9 },
        ),
        (
            r#"{"format": "plan-local-gobierno-abierto/borradores", "version": 1, "drafts": [{"id": "uno"}]}"#,
            IndexError::Invalid {
                path: "drafts[0].id".into(),
            },
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(decode_index(text), Err(expected), "{text}");
    }
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert_eq!(decode_index(&deep), Err(IndexError::NotJson));
    let huge = " ".repeat(drafts::MAX_INDEX_BYTES + 1);
    assert!(matches!(
        decode_index(&huge),
        Err(IndexError::TooLarge { .. })
    ));
}

#[test]
fn a_readable_index_is_tidied_duplicate_ids_and_an_unknown_current_are_dropped() {
    let text = r#"{"format": "plan-local-gobierno-abierto/borradores", "version": 1, "current": 7, "next_id": 1,
        "drafts": [
          {"id": 3, "name": "B", "saved_at": "2026-11-25T10:05:00-06:00", "size": 10},
          {"id": 2, "name": "A", "saved_at": "2026-11-25T10:05:00-06:00", "size": 10},
          {"id": 3, "name": "B otra vez", "saved_at": "2026-11-25T10:05:00-06:00", "size": 10}
        ], "campo-futuro": true}"#;
    let index = decode_index(text).unwrap();
    let names: Vec<&str> = index.drafts.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["A", "B"]);
    assert_eq!(index.current, None);
    assert_eq!(index.next_id, 4, "never below an id in use");
}

#[test]
fn draft_keys_are_recognised_exactly() {
    assert_eq!(DraftId(12).key(), "plan-local-ga/borrador/12");
    assert_eq!(
        DraftId::from_key("plan-local-ga/borrador/12"),
        Some(DraftId(12))
    );
    for other in [
        LEGACY_KEY,
        INDEX_KEY,
        "plan-local-ga/borrador/",
        "plan-local-ga/borrador/0",
        "plan-local-ga/borrador/012",
        "plan-local-ga/borrador/+3",
        "plan-local-ga/borrador/3/x",
        "plan-local-ga/borrador/99999999999",
        "plan-local-ga/danado/borrador-3-1",
    ] {
        assert_eq!(DraftId::from_key(other), None, "{other}");
    }
}

#[test]
fn which_draft_a_tab_opens() {
    let mut index = DraftIndex::new();
    assert_eq!(index.choose_open(Some(DraftId(1))), None, "no drafts yet");
    let mut older = named("Viejo", 1);
    older.saved_at = datetime!(2026-01-01 9:00 -06:00);
    index.upsert(DraftEntry::describe(DraftId(1), &older, 10));
    index.upsert(DraftEntry::describe(DraftId(2), &named("Nuevo", 1), 10));
    index.upsert(DraftEntry::describe(DraftId(3), &older, 10));
    assert_eq!(
        index.choose_open(None),
        Some(DraftId(2)),
        "most recently saved"
    );
    index.current = Some(DraftId(1));
    assert_eq!(index.choose_open(None), Some(DraftId(1)), "opened last");
    assert_eq!(
        index.choose_open(Some(DraftId(3))),
        Some(DraftId(3)),
        "this tab's own"
    );
    assert_eq!(
        index.choose_open(Some(DraftId(9))),
        Some(DraftId(1)),
        "a tab's draft that is gone"
    );
    let order: Vec<u32> = index.by_recency().iter().map(|d| d.id.0).collect();
    assert_eq!(order, [2, 3, 1]);
}

// ------------------------------------------------------------- names

#[test]
fn a_copy_is_called_copia_de_and_numbered_when_taken() {
    assert_eq!(
        copy_name("Plan de Querétaro", &["Plan de Querétaro"]),
        "Copia de Plan de Querétaro"
    );
    assert_eq!(
        copy_name("Plan", &["Plan", "Copia de Plan"]),
        "Copia de Plan (2)"
    );
    assert_eq!(
        copy_name(
            "Copia de Plan",
            &["Plan", "Copia de Plan", "copia de plan (2)"]
        ),
        "Copia de Plan (3)",
        "a copy of a copy is numbered, not «Copia de Copia de»"
    );
    assert_eq!(
        copy_name("Copia de Plan (3)", &["Copia de Plan"]),
        "Copia de Plan (2)"
    );
    assert_eq!(copy_name("  ", &[]), "Copia de Borrador sin nombre");
    assert_eq!(copy_name("Plan (2025)", &[]), "Copia de Plan (2025)");
    let long = "x".repeat(MAX_NAME);
    let copy = copy_name(&long, &[]);
    assert_eq!(copy.chars().count(), MAX_NAME, "a copy's name still fits");
    let taken = [copy.as_str()];
    let second = copy_name(&long, &taken);
    assert!(second.ends_with(" (2)") && second.chars().count() == MAX_NAME);
}

#[test]
fn a_new_name_is_trimmed_required_and_limited() {
    assert_eq!(
        parse_name("  Versión para el cabildo "),
        Ok("Versión para el cabildo".into())
    );
    let field = Field::from(Named::DraftName);
    assert_eq!(field.key(), "nombre-borrador");
    let empty = parse_name("   ").unwrap_err();
    assert_eq!(empty[0].field, field);
    assert_eq!(
        messages::field_error(&empty[0]),
        "Escriba el nombre del borrador"
    );
    let long = parse_name(&"ñ".repeat(MAX_NAME + 1)).unwrap_err();
    assert_eq!(long[0].problem, Problem::TooLong { max: MAX_NAME });
    assert_eq!(
        messages::field_error(&long[0]),
        "El nombre del borrador debe tener 150 caracteres o menos"
    );
    assert!(parse_name(&"ñ".repeat(MAX_NAME)).is_ok());
}

#[test]
fn the_shown_name_falls_back_to_the_plan_then_to_sin_nombre() {
    let v4 = decode(&fixture(4)).unwrap();
    assert_eq!(
        drafts::shown_name(&v4),
        "Plan de Acción Local de Gobierno Abierto 2025-2027"
    );
    let mut renamed = v4.clone();
    renamed.name = Some("Para el cabildo".into());
    assert_eq!(drafts::shown_name(&renamed), "Para el cabildo");
    let empty = Envelope::new(Default::default(), Default::default(), NOW, 0);
    assert_eq!(drafts::shown_name(&empty), "Borrador sin nombre");
    assert_eq!(DraftEntry::describe(DraftId(1), &empty, 1).name, "");
}

#[test]
fn sizes_and_times_are_written_for_people() {
    assert_eq!(labels::kilobytes(0), "0.0 KB");
    assert_eq!(labels::kilobytes(300), "0.3 KB");
    assert_eq!(labels::kilobytes(9_700), "9.5 KB");
    assert_eq!(labels::kilobytes(12_700), "12 KB");
    assert_eq!(labels::kilobytes(1_048_576), "1,024 KB");
    assert_eq!(
        labels::date_time(datetime!(2026-03-04 9:07 -06:00)),
        "04/03/2026 09:07"
    );
}

// ------------------------------------------------------------- saving

#[test]
fn a_save_writes_the_draft_then_records_it() {
    let mut store = MemoryStore::default();
    let v4 = decode(&fixture(4)).unwrap();
    let index = drafts::save(&mut store, DraftId(1), &v4, NOW).unwrap();
    let raw = store.get("plan-local-ga/borrador/1").unwrap().unwrap();
    assert_eq!(decode(&raw).unwrap(), v4);
    assert_eq!(stored_index(&store), index);
    assert_eq!(
        index.current,
        Some(DraftId(1)),
        "the first draft saved is the current one"
    );
    assert_eq!(index.get(DraftId(1)).unwrap().size, raw.len() as u64);
    assert!(matches!(drafts::load(&store, DraftId(1)), Loaded::Draft(_)));
    assert!(matches!(drafts::load(&store, DraftId(2)), Loaded::Empty));
}

#[test]
fn full_storage_keeps_the_last_good_version_and_the_index_pointing_to_it() {
    let mut store = MemoryStore::default();
    drafts::save(&mut store, DraftId(1), &named("Bueno", 1), NOW).unwrap();
    let good = store.clone();
    store.quota = Some(store.items.values().map(|v| v.len() + 40).sum());
    let mut big = named("Bueno", 2);
    big.unsaved.insert(
        "perfil".into(),
        [("nombre-plan".to_owned(), "x".repeat(5000))].into(),
    );
    let failure = drafts::save(&mut store, DraftId(1), &big, NOW).unwrap_err();
    assert_eq!(failure.error, StorageError::QuotaExceeded);
    assert!(!failure.written);
    store.quota = None;
    assert_eq!(
        store, good,
        "nothing changed: the draft and its index are the last good version"
    );
}

#[test]
fn a_write_that_reads_back_different_is_undone() {
    let mut store = Faulty::default();
    drafts::save(&mut store, DraftId(1), &named("Bueno", 1), NOW).unwrap();
    let before = store.inner.clone();
    store.garble = Some(DraftId(1).key());
    let failure = drafts::save(&mut store, DraftId(1), &named("Nuevo", 2), NOW).unwrap_err();
    assert_eq!(failure.error, StorageError::NotVerified);
    assert!(!failure.written);
    assert_eq!(
        store.inner, before,
        "the previous text is back and the index never moved"
    );
}

#[test]
fn when_only_the_index_fails_the_draft_is_stored_and_says_so() {
    let mut store = Faulty::default();
    drafts::save(&mut store, DraftId(1), &named("Uno", 1), NOW).unwrap();
    let index_before = stored_index(&store);
    store.refuse = Some(INDEX_KEY.into());
    let failure = drafts::save(&mut store, DraftId(1), &named("Uno cambiado", 2), NOW).unwrap_err();
    assert!(
        failure.written,
        "the draft itself was stored (its revision moves on)"
    );
    assert_eq!(
        stored_index(&store),
        index_before,
        "the index still describes a version that exists"
    );
    let Loaded::Draft(env) = drafts::load(&store, DraftId(1)) else {
        panic!("draft readable")
    };
    assert_eq!(env.revision, 2);
    // The next save that can write the index records the latest version.
    store.refuse = None;
    let index = drafts::save(&mut store, DraftId(1), &named("Uno cambiado", 3), NOW).unwrap();
    assert_eq!(index.get(DraftId(1)).unwrap().name, "Uno cambiado");
}

// ------------------------------------------------------------- damaged index

#[test]
fn a_damaged_index_loses_no_draft_and_is_kept_aside() {
    let mut store = MemoryStore::default();
    let v4 = decode(&fixture(4)).unwrap();
    drafts::save(&mut store, DraftId(1), &v4, NOW).unwrap();
    drafts::create(&mut store, &named("Segundo", 1), true, NOW).unwrap();
    drafts::create(&mut store, &named("Tercero", 1), false, NOW).unwrap();
    let text = store.get(INDEX_KEY).unwrap().unwrap();
    let damaged = text[..text.len() / 2].to_owned();
    store.set(INDEX_KEY, &damaged).unwrap();

    let opened = drafts::open(&mut store, NOW).unwrap();
    let repair = opened.repair.expect("the damage is reported");
    assert_eq!(repair.error, IndexError::NotJson);
    let kept = repair.kept.expect("the bad index was copied");
    assert!(kept.starts_with("plan-local-ga/danado/indice-"));
    assert_eq!(
        store.get(&kept).unwrap().as_deref(),
        Some(damaged.as_str()),
        "byte for byte"
    );
    let names: Vec<&str> = opened
        .index
        .drafts
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Plan de Acción Local de Gobierno Abierto 2025-2027",
            "Segundo",
            "Tercero"
        ],
        "rebuilt from the draft keys, nothing lost"
    );
    assert_eq!(
        stored_index(&store),
        opened.index,
        "the rebuilt index is stored"
    );
    // Damaged again, then read twice (as another tab's change is): one more
    // copy, not one per read.
    store.set(INDEX_KEY, "[]").unwrap();
    let again = drafts::index(&mut store, NOW).unwrap();
    drafts::index(&mut store, NOW).unwrap();
    assert_eq!(quarantined(&store).len(), 2);
    assert_eq!(again.drafts.len(), 3);
    // The next new draft does not take an id in use.
    let (id, _) = drafts::create(&mut store, &named("Cuarto", 1), false, NOW).unwrap();
    assert_eq!(id, DraftId(4));
}

#[test]
fn a_damaged_index_that_cannot_be_copied_is_not_overwritten() {
    let mut store = MemoryStore::default();
    drafts::save(&mut store, DraftId(1), &named("Uno", 1), NOW).unwrap();
    store.set(INDEX_KEY, "{roto").unwrap();
    store.quota = Some(store.items.iter().map(|(k, v)| k.len() + v.len()).sum());
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(opened.repair.unwrap().kept, None);
    assert_eq!(
        opened.index.drafts.len(),
        1,
        "the drafts are still listed (in memory)"
    );
    assert_eq!(store.get(INDEX_KEY).unwrap().as_deref(), Some("{roto"));
    // Saving still writes the draft, and says the index could not be.
    let failure = drafts::save(&mut store, DraftId(1), &named("Uno", 2), NOW).unwrap_err();
    assert!(failure.written);
    assert_eq!(store.get(INDEX_KEY).unwrap().as_deref(), Some("{roto"));
    assert!(matches!(
        drafts::create(&mut store, &named("Dos", 1), false, NOW),
        Err(StorageError::QuotaExceeded)
    ));
}

#[test]
fn a_listed_draft_whose_key_is_gone_is_dropped_and_an_unlisted_key_is_added() {
    let mut store = MemoryStore::default();
    drafts::save(&mut store, DraftId(1), &named("Uno", 1), NOW).unwrap();
    drafts::save(&mut store, DraftId(2), &named("Dos", 1), NOW).unwrap();
    store.remove(&DraftId(1).key()).unwrap();
    store.set(&DraftId(7).key(), "no es un borrador").unwrap();
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(opened.repair, None);
    let ids: Vec<u32> = opened.index.drafts.iter().map(|d| d.id.0).collect();
    assert_eq!(ids, [2, 7]);
    let found = opened.index.get(DraftId(7)).unwrap();
    assert!(found.damaged, "listed, marked as unreadable");
    assert_eq!(found.shown_name(), "Borrador sin nombre");
    assert_eq!(
        opened.index.current, None,
        "the current draft was the deleted one"
    );
}

// ------------------------------------------------------------- ids

#[test]
fn ids_are_never_reused_while_a_draft_exists() {
    let mut store = MemoryStore::default();
    let (a, _) = drafts::create(&mut store, &named("A", 1), true, NOW).unwrap();
    let (b, _) = drafts::create(&mut store, &named("B", 1), false, NOW).unwrap();
    assert_eq!((a, b), (DraftId(1), DraftId(2)));
    drafts::delete(&mut store, b, NOW).unwrap();
    let (c, _) = drafts::create(&mut store, &named("C", 1), false, NOW).unwrap();
    assert_eq!(c, DraftId(3), "the deleted draft's id is not given again");
    // Even with the index lost, an id found in storage is never given again.
    store.remove(INDEX_KEY).unwrap();
    let (d, index) = drafts::create(&mut store, &named("D", 1), false, NOW).unwrap();
    assert_eq!(d, DraftId(4));
    assert_eq!(index.drafts.len(), 3);
    // Nor is a key that appeared since the index was last written (another tab).
    store
        .set(
            &DraftId(5).key(),
            &drafts::stored_text(&named("Otra pestaña", 1)),
        )
        .unwrap();
    let mut stale = stored_index(&store);
    stale.next_id = 5;
    store.set(INDEX_KEY, &encode_index(&stale)).unwrap();
    let (e, _) = drafts::create(&mut store, &named("E", 1), false, NOW).unwrap();
    assert_eq!(e, DraftId(6));
    assert_eq!(
        drafts::shown_name(&decode(&store.get(&DraftId(5).key()).unwrap().unwrap()).unwrap()),
        "Otra pestaña"
    );
}

#[derive(Debug, Clone)]
enum Op {
    Create,
    Duplicate(usize),
    Delete(usize),
    Save(usize),
    DamageIndex,
    LoseIndex,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => Just(Op::Create),
        2 => (0usize..8).prop_map(Op::Duplicate),
        2 => (0usize..8).prop_map(Op::Delete),
        2 => (0usize..8).prop_map(Op::Save),
        1 => Just(Op::DamageIndex),
        1 => Just(Op::LoseIndex),
    ]
}

/// Bounded for CI (300 cases); run longer with e.g.
/// `PROPTEST_CASES=20000 cargo test --release --test drafts`.
fn cases() -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases())]

    /// Any sequence of changes, with the index damaged or lost on the way:
    /// every draft that was not deleted is still stored and listed with its
    /// last saved text, and no new draft takes the id of one that exists.
    #[test]
    fn no_sequence_of_changes_loses_a_draft(ops in proptest::collection::vec(op(), 1..30)) {
        let mut store = MemoryStore::default();
        let mut alive: Vec<(DraftId, String)> = Vec::new();
        let mut counter = 0u64;
        for op in ops {
            counter += 1;
            match op {
                Op::Create => {
                    let env = named(&format!("B{counter}"), 1);
                    let (id, _) = drafts::create(&mut store, &env, false, NOW).unwrap();
                    prop_assert!(alive.iter().all(|(a, _)| *a != id), "{id} is in use");
                    alive.push((id, drafts::stored_text(&env)));
                }
                Op::Duplicate(i) if !alive.is_empty() => {
                    let (source, _) = alive[i % alive.len()].clone();
                    let (id, _) = drafts::duplicate(&mut store, source, NOW).unwrap();
                    prop_assert!(alive.iter().all(|(a, _)| *a != id));
                    alive.push((id, store.get(&id.key()).unwrap().unwrap()));
                }
                Op::Delete(i) if !alive.is_empty() => {
                    let (id, _) = alive.remove(i % alive.len());
                    drafts::delete(&mut store, id, NOW).unwrap();
                }
                Op::Save(i) if !alive.is_empty() => {
                    let k = i % alive.len();
                    let env = named(&format!("S{counter}"), counter);
                    drafts::save(&mut store, alive[k].0, &env, NOW).unwrap();
                    alive[k].1 = drafts::stored_text(&env);
                }
                Op::DamageIndex => store.items.insert(INDEX_KEY.into(), "{\"format\": 1".into()).map_or((), |_| ()),
                Op::LoseIndex => store.items.remove(INDEX_KEY).map_or((), |_| ()),
                _ => {}
            }
        }
        let opened = drafts::open(&mut store, NOW).unwrap();
        prop_assert_eq!(opened.index.drafts.len(), alive.len());
        for (id, text) in &alive {
            prop_assert!(opened.index.contains(*id));
            let stored = store.get(&id.key()).unwrap();
            prop_assert_eq!(stored.as_deref(), Some(text.as_str()));
        }
    }

    /// Whatever text sits where the index should be (random text, index-shaped
    /// JSON with any value in any field, cut or byte-edited index texts): either
    /// a tidy index that survives its own round trip, or the typed error that
    /// fits the text.
    #[test]
    fn any_index_text_is_read_or_rejected(text in index_text()) {
        let json = serde_json::from_str::<serde_json::Value>(&text).ok();
        let object = json.as_ref().and_then(serde_json::Value::as_object);
        let format_ok = object
            .and_then(|o| o.get("format"))
            .and_then(serde_json::Value::as_str)
            == Some(drafts::INDEX_FORMAT);
        let version = object.and_then(|o| o.get("version")).and_then(serde_json::Value::as_u64);
        match decode_index(&text) {
            Ok(index) => {
                prop_assert!(format_ok, "read without the index's format: {}", text);
                prop_assert!(matches!(version, Some(v) if (1..=u64::from(drafts::INDEX_VERSION)).contains(&v)));
                prop_assert_eq!(&index.format, drafts::INDEX_FORMAT);
                // Tidy: ids unique and in order, the current one listed, the
                // next id past every listed id.
                prop_assert!(index.drafts.windows(2).all(|w| w[0].id < w[1].id), "{:?}", index.drafts);
                prop_assert!(index.current.is_none_or(|id| index.contains(id)));
                prop_assert!(index.next_id >= 1);
                prop_assert!(index.drafts.iter().all(|d| d.id.0 < index.next_id));
                // Only drafts the text lists, each with its first entry's name.
                let listed = object
                    .and_then(|o| o.get("drafts"))
                    .and_then(serde_json::Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                for d in &index.drafts {
                    let first = listed
                        .iter()
                        .find(|e| e.get("id").and_then(serde_json::Value::as_u64) == Some(u64::from(d.id.0)));
                    prop_assert!(first.is_some(), "{} is not in the text", d.id);
                    prop_assert_eq!(
                        first.and_then(|e| e.get("name")).and_then(serde_json::Value::as_str),
                        Some(d.name.as_str())
                    );
                }
                prop_assert_eq!(decode_index(&encode_index(&index)), Ok(index));
            }
            Err(IndexError::TooLarge { bytes, max }) => {
                prop_assert!(bytes > max && bytes == text.len());
            }
            Err(IndexError::NotJson) => prop_assert!(json.is_none(), "JSON refused as not JSON: {}", text),
            Err(IndexError::NotAnIndex) => {
                prop_assert!(json.is_some());
                prop_assert!(!format_ok || !matches!(version, Some(v) if v >= 1));
            }
            Err(IndexError::FromNewerVersion { found }) => {
                prop_assert!(format_ok);
                prop_assert_eq!(version, Some(found));
                prop_assert!(found > u64::from(drafts::INDEX_VERSION));
            }
            Err(IndexError::Invalid { path }) => {
                prop_assert!(format_ok && matches!(version, Some(v) if v >= 1));
                prop_assert!(!path.is_empty());
            }
        }
    }
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u32..10).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        Just(Value::from("2026-11-25T10:05:00-06:00")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An entry of the index: valid fields, each of which may be replaced by any value.
fn index_entry() -> impl Strategy<Value = serde_json::Value> {
    (
        0u32..8,
        "[A-Za-zÁÉáéñ ]{0,12}",
        any::<bool>(),
        prop::option::of((0usize..5, json_value())),
    )
        .prop_map(|(id, name, damaged, replace)| {
            let mut entry = serde_json::json!({
                "id": id, "name": name, "jurisdiction": "Municipio de Querétaro",
                "saved_at": "2026-11-25T10:05:00-06:00", "size": 100, "damaged": damaged,
            });
            if let Some((field, value)) = replace {
                let key = ["id", "name", "saved_at", "size", "jurisdiction"][field];
                entry[key] = value;
            }
            entry
        })
}

/// Text where an index should be: random text, index-shaped JSON, or such
/// JSON cut short or with one character changed.
fn index_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => ".{0,400}",
        4 => index_json(),
        1 => (index_json(), any::<prop::sample::Index>())
            .prop_map(|(t, at)| t.chars().take(at.index(t.chars().count() + 1)).collect()),
        1 => (index_json(), any::<prop::sample::Index>(), any::<char>()).prop_map(|(t, at, c)| {
            let mut chars: Vec<char> = t.chars().collect();
            let i = at.index(chars.len());
            chars[i] = c;
            chars.into_iter().collect()
        }),
    ]
}

/// Index-shaped JSON text: the right or a wrong format, any version, any
/// `current`, entries with odd fields, a field of a later version.
fn index_json() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            4 => Just(serde_json::Value::from(drafts::INDEX_FORMAT)),
            1 => json_value(),
        ],
        prop_oneof![
            3 => Just(serde_json::Value::from(1)),
            1 => (0u64..4).prop_map(serde_json::Value::from),
            1 => json_value(),
        ],
        prop::option::of(0u32..9),
        0u32..12,
        prop::collection::vec(index_entry(), 0..5),
        prop::option::of(json_value()),
    )
        .prop_map(|(format, version, current, next_id, drafts, extra)| {
            let mut v = serde_json::json!({
                "format": format, "version": version, "current": current,
                "next_id": next_id, "drafts": drafts,
            });
            if let Some(extra) = extra {
                v["campo-futuro"] = extra;
            }
            v.to_string()
        })
}

// ------------------------------------------------------------- drafts of earlier versions

#[test]
fn the_single_draft_of_an_earlier_version_becomes_draft_1_with_nothing_lost() {
    let mut store = MemoryStore::default();
    let legacy = fixture(3);
    store.set(LEGACY_KEY, &legacy).unwrap();
    store.set("otra-app/dato", "ajeno").unwrap();
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(opened.legacy, Legacy::Migrated(DraftId(1)));
    assert_eq!(
        store.get("plan-local-ga/borrador/1").unwrap().as_deref(),
        Some(legacy.as_str()),
        "copied byte for byte (it is migrated to the current schema when opened)"
    );
    assert_eq!(
        store.get(LEGACY_KEY).unwrap(),
        None,
        "the old key is removed, last"
    );
    assert_eq!(opened.index.current, Some(DraftId(1)));
    assert_eq!(stored_index(&store), opened.index);
    let entry = opened.index.get(DraftId(1)).unwrap();
    let env = decode(&legacy).unwrap();
    assert_eq!(entry.name, drafts::draft_name(&env));
    assert_eq!(entry.saved_at, env.saved_at);
    assert_eq!(
        store.get("otra-app/dato").unwrap().as_deref(),
        Some("ajeno")
    );
    // A second start finds nothing more to do.
    let again = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(again.legacy, Legacy::None);
    assert_eq!(again.index, opened.index);
}

#[test]
fn an_earlier_draft_joins_drafts_that_already_exist() {
    let mut store = MemoryStore::default();
    drafts::create(&mut store, &named("Nuevo", 1), true, NOW).unwrap();
    drafts::create(&mut store, &named("Otro", 1), false, NOW).unwrap();
    store.set(LEGACY_KEY, &fixture(1)).unwrap();
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(opened.legacy, Legacy::Migrated(DraftId(3)));
    assert_eq!(
        opened.index.current,
        Some(DraftId(1)),
        "the draft opened last stays so"
    );
    assert_eq!(opened.index.drafts.len(), 3);
}

#[test]
fn an_unreadable_earlier_draft_is_moved_as_it_is() {
    let mut store = MemoryStore::default();
    store
        .set(
            LEGACY_KEY,
            "{\"format\": \"plan-local-gobierno-abierto\", \"plan\": {",
        )
        .unwrap();
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(opened.legacy, Legacy::Migrated(DraftId(1)));
    assert!(opened.index.get(DraftId(1)).unwrap().damaged);
    assert!(matches!(
        drafts::load(&store, DraftId(1)),
        Loaded::Unreadable { .. }
    ));
}

#[test]
fn a_move_that_does_not_fit_leaves_the_earlier_draft_untouched() {
    let legacy = fixture(2);
    // The copy does not fit.
    let mut store = MemoryStore::default();
    store.set(LEGACY_KEY, &legacy).unwrap();
    store.quota = Some(legacy.len() + LEGACY_KEY.len() + 100);
    let before = store.clone();
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(
        opened.legacy,
        Legacy::NotMigrated {
            raw: legacy.clone(),
            error: StorageError::QuotaExceeded
        }
    );
    assert_eq!(store, before, "nothing written, nothing removed");
    // The copy fits but the index does not: the copy is taken back.
    let mut store = Faulty::default();
    store.inner.set(LEGACY_KEY, &legacy).unwrap();
    store.refuse = Some(INDEX_KEY.into());
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert!(matches!(opened.legacy, Legacy::NotMigrated { .. }));
    assert_eq!(
        store.inner.keys().unwrap(),
        [LEGACY_KEY],
        "only the earlier draft, as it was"
    );
    assert!(opened.index.drafts.is_empty());
}

#[test]
fn a_move_stopped_before_removing_the_old_key_is_finished_without_a_second_copy() {
    let legacy = fixture(4);
    let mut store = MemoryStore::default();
    store.set(LEGACY_KEY, &legacy).unwrap();
    drafts::open(&mut store, NOW).unwrap();
    // As if the tab closed between switching the index and removing the old key.
    store.set(LEGACY_KEY, &legacy).unwrap();
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(opened.legacy, Legacy::Migrated(DraftId(1)));
    assert_eq!(opened.index.drafts.len(), 1, "no second copy");
    assert_eq!(store.get(LEGACY_KEY).unwrap(), None);
    // And between copying and switching the index (the index never written).
    let mut store = MemoryStore::default();
    store.set(LEGACY_KEY, &legacy).unwrap();
    store.set(&DraftId(1).key(), &legacy).unwrap();
    let opened = drafts::open(&mut store, NOW).unwrap();
    assert_eq!(opened.legacy, Legacy::Migrated(DraftId(1)));
    assert_eq!(opened.index.drafts.len(), 1);
    assert_eq!(stored_index(&store), opened.index);
}

// ------------------------------------------------------------- the list's actions

#[test]
fn duplicate_rename_and_delete() {
    let mut store = MemoryStore::default();
    let v4 = decode(&fixture(4)).unwrap();
    let (one, _) = drafts::create(&mut store, &v4, true, NOW).unwrap();
    let later = datetime!(2026-11-26 8:30 -06:00);
    let (copy, index) = drafts::duplicate(&mut store, one, later).unwrap();
    let Loaded::Draft(copied) = drafts::load(&store, copy) else {
        panic!("copy readable")
    };
    assert_eq!(copied.plan, v4.plan, "the same plan");
    assert_eq!(copied.unsaved, v4.unsaved, "and the same typed input");
    assert_eq!(
        copied.name.as_deref(),
        Some("Copia de Plan de Acción Local de Gobierno Abierto 2025-2027")
    );
    assert_eq!(
        (copied.revision, copied.saved_at),
        (1, later),
        "a history of its own"
    );
    assert_eq!(
        index.current,
        Some(one),
        "duplicating does not open the copy"
    );
    let (second, _) = drafts::duplicate(&mut store, one, later).unwrap();
    assert_eq!(
        stored_index(&store).get(second).unwrap().name,
        "Copia de Plan de Acción Local de Gobierno Abierto 2025-2027 (2)"
    );

    let index = drafts::rename(&mut store, copy, "Versión para el cabildo", later).unwrap();
    assert_eq!(index.get(copy).unwrap().name, "Versión para el cabildo");
    let Loaded::Draft(renamed) = drafts::load(&store, copy) else {
        panic!("renamed readable")
    };
    assert_eq!(renamed.revision, 2, "another tab with it open notices");
    assert_eq!(renamed.plan, v4.plan);

    let index = drafts::delete(&mut store, one, later).unwrap();
    assert!(!index.contains(one));
    assert_eq!(index.current, None);
    assert_eq!(store.get(&one.key()).unwrap(), None);
    assert_eq!(stored_index(&store), index);
    assert_eq!(
        drafts::duplicate(&mut store, one, later),
        Err(DraftError::Missing(one))
    );
    store.set(&DraftId(9).key(), "roto").unwrap();
    assert!(matches!(
        drafts::rename(&mut store, DraftId(9), "X", later),
        Err(DraftError::Unreadable(_))
    ));
}

#[test]
fn set_current_records_only_stored_drafts() {
    let mut store = MemoryStore::default();
    drafts::create(&mut store, &named("A", 1), true, NOW).unwrap();
    drafts::create(&mut store, &named("B", 1), false, NOW).unwrap();
    assert_eq!(
        drafts::set_current(&mut store, DraftId(2), NOW)
            .unwrap()
            .current,
        Some(DraftId(2))
    );
    assert_eq!(stored_index(&store).current, Some(DraftId(2)));
    assert_eq!(
        drafts::set_current(&mut store, DraftId(8), NOW)
            .unwrap()
            .current,
        Some(DraftId(2))
    );
}

#[test]
fn a_creation_that_does_not_fit_leaves_storage_as_it_was() {
    let mut store = Faulty::default();
    drafts::create(&mut store, &named("A", 1), true, NOW).unwrap();
    let before = store.inner.clone();
    store.refuse = Some(INDEX_KEY.into());
    assert!(drafts::create(&mut store, &named("B", 1), false, NOW).is_err());
    assert_eq!(store.inner, before, "no orphan draft left behind");
}

#[test]
fn unreadable_drafts_are_kept_under_their_own_keys() {
    let mut store = MemoryStore::default();
    let a = drafts::quarantine(&mut store, "uno", "borrador-1", NOW).unwrap();
    let b = drafts::quarantine(&mut store, "dos", "borrador-1", NOW).unwrap();
    assert_ne!(a, b, "two in the same second do not overwrite each other");
    assert_eq!(quarantined(&store).len(), 2);
    assert!(a.starts_with("plan-local-ga/danado/borrador-1-"));
}

#[test]
fn erase_all_removes_every_key_of_the_app_and_nothing_else() {
    let mut store = MemoryStore::default();
    store.set(LEGACY_KEY, &fixture(1)).unwrap();
    drafts::open(&mut store, NOW).unwrap();
    drafts::create(&mut store, &named("B", 1), false, NOW).unwrap();
    drafts::quarantine(&mut store, "roto", "borrador-1", NOW).unwrap();
    store.set("otra-app/dato", "ajeno").unwrap();
    assert_eq!(drafts::erase_all(&mut store).unwrap(), 4);
    assert_eq!(store.keys().unwrap(), ["otra-app/dato"]);
}

// ------------------------------------------------- the revision, read cheaply

/// Every autosave asks whether another tab wrote a newer version; the answer
/// comes from the draft's first characters, and whenever they do not tell for
/// sure the caller is sent to read the whole draft.
#[test]
fn the_stored_revision_is_read_from_the_head_or_said_unknown() {
    let mut store = MemoryStore::default();
    let id = DraftId(3);
    assert_eq!(stored_revision(&store, id), StoredRevision::Empty);
    drafts::save(&mut store, id, &named("Uno", 7), NOW).unwrap();
    assert_eq!(stored_revision(&store, id), StoredRevision::At(7));
    // Every fixture, as people's files have it (pretty-printed, revision on line 6 or 10).
    for (v, revision) in [(1, 12), (2, 3), (4, 42), (5, 42), (6, 42)] {
        store.items.insert(id.key(), fixture(v));
        assert_eq!(
            stored_revision(&store, id),
            StoredRevision::At(revision),
            "v{v}"
        );
    }
    let newer = std::fs::read_to_string(format!(
        "{}/tests/fixtures/borrador-v6-con-campos-nuevos.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    store.items.insert(id.key(), newer);
    assert_eq!(stored_revision(&store, id), StoredRevision::At(42));
    for unknown in [
        // A key of the plan named "revision" comes first: not the draft's own.
        r#"{"plan": {"revision": 9}, "revision": 2}"#,
        // No revision at all (read as 0 by the full reader), or beyond the head.
        r#"{"format": "plan-local-gobierno-abierto/borrador", "plan": {}}"#,
        // Not a number, not ended, too big, not an object.
        r#"{"revision": "7"}"#,
        r#"{"revision": 7.5}"#,
        r#"{"revision": 7"#,
        r#"{"revision": 99999999999999999999999}"#,
        r#"["revision": 7]"#,
        "texto dañado",
        "",
    ] {
        store.items.insert(id.key(), unknown.to_owned());
        assert_eq!(
            stored_revision(&store, id),
            StoredRevision::Unknown,
            "{unknown}"
        );
    }
    let far = format!(r#"{{"format": "{}", "revision": 5}}"#, "x".repeat(500));
    store.items.insert(id.key(), far);
    assert_eq!(stored_revision(&store, id), StoredRevision::Unknown);
}

/// The store's own verified write: a garbled write is found and undone
/// (the browser's store does the same comparison in JavaScript).
#[test]
fn a_verified_write_puts_back_the_previous_text_when_it_reads_back_otherwise() {
    let mut store = Faulty::default();
    store.inner.items.insert("k".into(), "antes".into());
    store.garble = Some("k".into());
    assert_eq!(
        store.set_verified("k", "después del cambio"),
        Err(StorageError::NotVerified)
    );
    assert_eq!(store.get("k").unwrap().as_deref(), Some("antes"));
    assert_eq!(store.set_verified("k", "después"), Ok(()));
    assert_eq!(store.get("k").unwrap().as_deref(), Some("después"));
    assert_eq!(
        store.get_head("k", 3).unwrap().as_deref(),
        Some("des"),
        "characters, not bytes"
    );
}
