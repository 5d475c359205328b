//! Drafts saved by a newer version of the app (the same schema, with fields
//! added): every field this version does not know is kept with its value, at
//! every level of the envelope and the plan, through loading, the edits the
//! pages make, and saving; the person is told; drafts without such fields read,
//! re-encode and fingerprint exactly as before.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::c13;
use plan_local_ga::domain::choice::upsert;
use plan_local_ga::domain::commitment::{
    AlignmentInput, CommitmentInput, ObjectivesInput, TeamMemberInput, ValuesInput,
};
use plan_local_ga::domain::coordination::{
    BodyInput, MemberInput, OrganizationInput, PoliticalInput,
};
use plan_local_ga::domain::final_mark::DocumentStatus;
use plan_local_ga::domain::key_action::{ActivityInput, KeyActionInput};
use plan_local_ga::domain::monitoring::{MonitoringInput, ResponseInput};
use plan_local_ga::domain::problem::ProblemInput;
use plan_local_ga::domain::profile::{FrameworkInput, OfficeInput};
use plan_local_ga::domain::roadmap::RoadmapInput;
use plan_local_ga::domain::unknown::edit_keeping_unknown;
use plan_local_ga::domain::{Carry, CommitmentId, ItemId, NationalPlan, Plan, ProfileInput};
use plan_local_ga::persistence::envelope::{fingerprint_as_written, is_newer_version};
use plan_local_ga::persistence::{decode, encode, DecodeError, Envelope};
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::{date, datetime};

/// Written by hand: `borrador-v5.json` as a newer version (app 0.4.0, schema
/// 6: the step from 5 changed nothing else) would save it, with fields this
/// version does not know. Never edited but for that schema number.
const NEWER: &str = "borrador-v6-con-campos-nuevos.json";

/// Every field of [`NEWER`] that this version does not know (JSON pointers).
const UNKNOWN: [&str; 42] = [
    "/device",
    "/locale",
    "/plan/annexes",
    "/plan/language_versions",
    "/plan/profile/population",
    "/plan/profile/region",
    "/plan/profile/jurisdictions/0/metro_area",
    "/plan/profile/period/label",
    "/plan/commitments/0/tags",
    "/plan/commitments/0/budget",
    "/plan/commitments/0/period/approximate",
    "/plan/commitments/0/alignment/sdg_indicators",
    "/plan/commitments/0/alignment/national/confirmed_by",
    "/plan/commitments/0/responsible/0/orcid",
    "/plan/commitments/0/objectives/theory_of_change",
    "/plan/commitments/0/values/0/strength",
    "/plan/commitments/0/key_actions/0/risk",
    "/plan/commitments/0/key_actions/0/milestones",
    "/plan/commitments/0/key_actions/0/indicator/formula",
    "/plan/commitments/0/key_actions/0/period/label",
    "/plan/commitments/0/key_actions/0/activities/0/cost",
    "/plan/commitments/0/key_actions/0/activities/0/notes",
    "/plan/coordination/members/0/attendance",
    "/plan/coordination/members/0/contact/pronouns",
    "/plan/coordination/board_url",
    "/plan/coordination/body/quorum",
    "/plan/coordination/organizations/0/rfc",
    "/plan/problems/0/evidence",
    "/plan/problems/0/score",
    "/plan/responses/0/published_on",
    "/plan/national_plan/source",
    "/plan/national_plan/commitments/0/status",
    "/plan/roadmap/meetings_held",
    "/plan/roadmap/phases/0/venue",
    "/plan/roadmap/phases/1/period/extended",
    "/plan/office/hours",
    "/plan/office/contact/extension_public",
    "/plan/framework/transparency_law_year",
    "/plan/political/signed_in_public_session",
    "/plan/monitoring/open_data_format",
    // Two more in lists of lists, to show the whole value comes back.
    "/plan/commitments/0/budget/sources/1/fund",
    "/plan/commitments/0/key_actions/0/milestones/1/done",
];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

/// Removes the field a JSON pointer names; true when it was there.
fn remove(value: &mut Value, pointer: &str) -> bool {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => map.remove(key).is_some(),
        _ => false,
    }
}

/// The fields of [`UNKNOWN`] that `saved` lacks or holds with another value.
fn lost(original: &Value, saved: &Value) -> Vec<&'static str> {
    UNKNOWN
        .into_iter()
        .filter(|p| {
            let before = original.pointer(p).expect("the fixture has it");
            saved.pointer(p) != Some(before)
        })
        .collect()
}

/// The envelope the app writes for the open draft: this version, a new
/// revision, the envelope's unknown fields kept (`AppState::envelope_at`).
fn save_as_the_app_does(opened: &Envelope, plan: Plan) -> Value {
    let mut env = Envelope::new(
        plan,
        opened.unsaved.clone(),
        datetime!(2026-12-01 09:30 -6),
        opened.revision + 1,
    );
    env.name = opened.name.clone();
    env.unknown = opened.unknown.clone();
    json(&encode(&env))
}

#[test]
fn the_fixture_is_the_current_fixture_plus_new_fields() {
    let mut newer = json(&fixture(NEWER));
    for p in UNKNOWN {
        // Nested pointers (inside a removed field) may already be gone.
        remove(&mut newer, p);
    }
    newer["app_version"] = "0.1.0".into();
    newer["schema_version"] = 5.into();
    assert_eq!(newer, json(&fixture("borrador-v5.json")));
}

#[test]
fn every_unknown_field_survives_loading_and_saving_with_its_value() {
    let text = fixture(NEWER);
    let original = json(&text);
    let env = decode(&text).expect("a newer draft of the same schema loads");
    // Re-encoded as read: the very same JSON, unknown fields included.
    assert_eq!(json(&encode(&env)), original);
    // Saved as the app saves the open draft.
    let saved = save_as_the_app_does(&env, env.plan.clone());
    assert_eq!(lost(&original, &saved), Vec::<&str>::new());
    assert_eq!(saved["app_version"], plan_local_ga::APP_VERSION);
    // And read again by this version: still there.
    let again = decode(&saved.to_string()).expect("reads back");
    assert_eq!(lost(&original, &json(&encode(&again))), Vec::<&str>::new());
}

#[test]
fn long_numbers_come_back_to_the_last_digit_save_after_save() {
    let mut v = json(&fixture("borrador-v5.json"));
    let numbers = json!([
        0.30000000000000004,
        1.6917727859083611e-59,
        -9007199254740993.0,
        1e300
    ]);
    v["plan"]["problems"][0]["mediciones"] = numbers.clone();
    let mut text = v.to_string();
    for _ in 0..3 {
        let env = decode(&text).expect("loads");
        text = encode(&env);
        assert_eq!(json(&text)["plan"]["problems"][0]["mediciones"], numbers);
        assert!(text.contains("0.30000000000000004") && text.contains("1.6917727859083611e-59"));
    }
}

#[test]
fn the_known_parts_read_as_in_the_draft_without_new_fields() {
    let newer = decode(&fixture(NEWER)).expect("loads");
    let plain = decode(&fixture("borrador-v5.json")).expect("loads");
    let mut known = json(&encode(&newer));
    for p in UNKNOWN {
        remove(&mut known, p);
    }
    known["app_version"] = plain.app_version.clone().into();
    assert_eq!(known, json(&encode(&plain)));
    assert!(
        newer.plan != plain.plan,
        "the unknown fields are part of the plan"
    );
    assert!(!plain.holds_unknown());
}

#[test]
fn the_person_is_told_when_a_newer_version_made_the_draft() {
    let newer = decode(&fixture(NEWER)).expect("loads");
    assert!(newer.saved_by_newer_app());
    assert!(newer.holds_unknown());
    assert!(newer.made_by_newer_version());

    // Unknown fields alone are enough (the draft was saved here since).
    let mut v = json(&fixture(NEWER));
    v["app_version"] = plan_local_ga::APP_VERSION.into();
    let resaved = decode(&v.to_string()).expect("loads");
    assert!(!resaved.saved_by_newer_app());
    assert!(resaved.made_by_newer_version());
    // So is one field deep in the plan (`borrador-v5.json` as this schema writes it).
    let current = || {
        let mut v = json(&fixture("borrador-v5.json"));
        v["schema_version"] = plan_local_ga::persistence::SCHEMA_VERSION.into();
        v
    };
    let mut v = current();
    v["plan"]["commitments"][0]["key_actions"][0]["activities"][0]["nuevo"] = json!([1]);
    assert!(decode(&v.to_string())
        .expect("loads")
        .made_by_newer_version());
    // And a newer version number alone.
    let mut v = current();
    v["app_version"] = "0.2.0".into();
    let env = decode(&v.to_string()).expect("loads");
    assert!(!env.holds_unknown());
    assert!(env.made_by_newer_version());

    // Drafts of this and every earlier version: nothing to say (the fixtures
    // of schemas 2 and 3 carry version numbers above this app's, but a draft
    // of an earlier schema was made by an earlier version).
    for name in [
        "borrador-v1.json",
        "borrador-v2.json",
        "borrador-v3.json",
        "borrador-v5.json",
        "borrador-v6.json",
    ] {
        let env = decode(&fixture(name)).expect("loads");
        assert!(!env.made_by_newer_version(), "{name}");
    }
}

#[test]
fn version_numbers_compare_part_by_part() {
    assert!(is_newer_version("0.4.0", "0.1.0"));
    assert!(is_newer_version("0.10.0", "0.9.3"));
    assert!(is_newer_version("1.0.0-beta.2", "0.9"));
    assert!(is_newer_version("0.1.1", "0.1"));
    assert!(!is_newer_version("0.1.0", "0.1.0"));
    assert!(!is_newer_version("0.1", "0.1.0"));
    assert!(!is_newer_version("0.0.9", "0.1.0"));
    assert!(!is_newer_version("", "0.1.0"));
    assert!(!is_newer_version("versión rara", "0.1.0"));
}

/// Every page's save, as the page makes it: the parsed value (fresh, with no
/// unknown fields) in place of the old one. With `carry`, through
/// `edit_keeping_unknown` as `AppState::edit_plan` does; without, as a plain
/// assignment (to show what the carrying prevents).
fn edit_every_page(plan: &mut Plan, carry: bool) {
    let edit = |plan: &mut Plan, change: &dyn Fn(&mut Plan)| {
        if carry {
            edit_keeping_unknown(plan, change);
        } else {
            change(plan);
        }
    };
    let c1 = CommitmentId(1);
    let id1 = ItemId(1);
    edit(plan, &|p| {
        let input = ProfileInput {
            plan_name: "Plan de Acción Local 2025-2027 (revisado)".into(),
            ..ProfileInput::from_profile(p.profile.as_ref().expect("profile"))
        };
        p.profile = Some(input.parse().expect("valid profile"));
    });
    edit(plan, &|p| {
        p.office = Some(
            OfficeInput::from_value(p.office.as_ref().expect("office"))
                .parse()
                .expect("valid"),
        );
    });
    edit(plan, &|p| {
        p.framework = Some(
            FrameworkInput::from_value(p.framework.as_ref().expect("framework"))
                .parse()
                .expect("valid"),
        );
    });
    edit(plan, &|p| {
        p.political = Some(
            PoliticalInput::from_value(p.political.as_ref().expect("political"))
                .parse()
                .expect("valid"),
        );
    });
    edit(plan, &|p| {
        p.coordination.body = Some(
            BodyInput::from_value(p.coordination.body.as_ref().expect("body"))
                .parse()
                .expect("valid"),
        );
    });
    edit(plan, &|p| {
        let member = MemberInput {
            role: "Coordinación".into(),
            ..MemberInput::from_value(&p.coordination.members[0])
        }
        .parse(id1)
        .expect("valid member");
        upsert(&mut p.coordination.members, member);
    });
    edit(plan, &|p| {
        let org = OrganizationInput::from_value(&p.coordination.organizations[0])
            .parse(id1)
            .expect("valid");
        upsert(&mut p.coordination.organizations, org);
    });
    edit(plan, &|p| {
        p.roadmap = Some(
            RoadmapInput::from_value(p.roadmap.as_ref().expect("roadmap"))
                .parse()
                .expect("valid"),
        );
    });
    edit(plan, &|p| {
        let problem = ProblemInput {
            statement: "Las familias rurales no conocen el gasto de obra de su comunidad.".into(),
            ..ProblemInput::from_value(&p.problems[0])
        }
        .parse(id1)
        .expect("valid problem");
        upsert(&mut p.problems, problem);
    });
    edit(plan, &|p| {
        let period = p.profile.as_ref().map(|pr| pr.period.clone());
        let c = p.commitment(c1).expect("commitment").clone();
        let edited = CommitmentInput {
            name: "Presupuesto participativo por localidad".into(),
            ..CommitmentInput::from_commitment(&c)
        }
        .parse(c1, period, Some(&c))
        .expect("valid commitment");
        p.upsert_commitment(edited);
    });
    edit(plan, &|p| {
        let edition = p.pnd_edition();
        let c = p.commitment(c1).expect("commitment");
        let alignment = AlignmentInput::from_commitment(c, edition)
            .parse(&p.national_plan, edition)
            .expect("valid alignment");
        p.commitment_mut(c1).expect("commitment").alignment = alignment;
    });
    edit(plan, &|p| {
        let c = p.commitment_mut(c1).expect("commitment");
        let first = c.responsible[0].clone();
        let member = TeamMemberInput::from_value(&first)
            .parse(first.id)
            .expect("valid");
        upsert(&mut c.responsible, member);
    });
    edit(plan, &|p| {
        let problems: Vec<ItemId> = p.problems.iter().map(|x| x.id).collect();
        let c = p.commitment_mut(c1).expect("commitment");
        c.objectives = Some(
            ObjectivesInput::from_value(c.objectives.as_ref().expect("objectives"))
                .parse(&problems)
                .expect("valid"),
        );
    });
    edit(plan, &|p| {
        let c = p.commitment_mut(c1).expect("commitment");
        c.values = ValuesInput::from_values(&c.values)
            .parse()
            .expect("valid values");
    });
    edit(plan, &|p| {
        let c = p.commitment_mut(c1).expect("commitment");
        let k = c.key_actions[0].clone();
        let ka = KeyActionInput {
            name: "Publicar el presupuesto por localidad en datos abiertos".into(),
            ..KeyActionInput::from_value(&k)
        }
        .parse(k.id, c.period.clone(), k.activities.clone())
        .expect("valid key action");
        upsert(&mut c.key_actions, ka);
    });
    edit(plan, &|p| {
        let c = p.commitment_mut(c1).expect("commitment");
        let ka = &mut c.key_actions[0];
        let a = ka.activities[0].clone();
        let activity = ActivityInput {
            name: "Integrar el grupo de trabajo de datos".into(),
            ..ActivityInput::from_value(&a)
        }
        .parse(a.id, ka.period.clone())
        .expect("valid activity");
        upsert(&mut ka.activities, activity);
    });
    edit(plan, &|p| {
        p.monitoring = Some(
            MonitoringInput::from_value(p.monitoring.as_ref().expect("monitoring"))
                .parse()
                .expect("valid"),
        );
    });
    edit(plan, &|p| {
        let ids: Vec<CommitmentId> = p.commitments.iter().map(|c| c.id).collect();
        let response = ResponseInput::from_value(&p.responses[0])
            .parse(id1, &ids)
            .expect("valid response");
        upsert(&mut p.responses, response);
    });
    // "Usar el 4º plan": the same list again.
    edit(plan, &|p| p.national_plan = NationalPlan::fourth_plan());
}

#[test]
fn edits_made_as_the_pages_make_them_keep_every_unknown_field() {
    let text = fixture(NEWER);
    let original = json(&text);
    let env = decode(&text).expect("loads");

    let mut plan = env.plan.clone();
    edit_every_page(&mut plan, true);
    let saved = save_as_the_app_does(&env, plan.clone());
    assert_eq!(lost(&original, &saved), Vec::<&str>::new());
    // The edits themselves took effect.
    let c = &plan.commitments[0];
    assert_eq!(c.name, "Presupuesto participativo por localidad");
    assert_eq!(
        c.key_actions[0].activities[0].name,
        "Integrar el grupo de trabajo de datos"
    );
    assert_eq!(
        plan.coordination.members[0].role.as_deref(),
        Some("Coordinación")
    );
    assert_eq!(
        saved["plan"]["profile"]["plan_name"],
        "Plan de Acción Local 2025-2027 (revisado)"
    );

    // The same edits as plain assignments lose what the parsed values replace
    // (so the check above can fail).
    let mut plain = env.plan.clone();
    edit_every_page(&mut plain, false);
    let dropped = lost(&original, &save_as_the_app_does(&env, plain));
    for p in [
        "/plan/profile/population",
        "/plan/commitments/0/period/approximate",
        "/plan/commitments/0/key_actions/0/risk",
        "/plan/commitments/0/key_actions/0/activities/0/cost",
        "/plan/coordination/members/0/attendance",
        "/plan/problems/0/score",
        "/plan/national_plan/source",
    ] {
        assert!(dropped.contains(&p), "{p} is replaced by an edit");
    }
}

#[test]
fn a_different_national_list_does_not_take_the_old_lists_fields() {
    let env = decode(&fixture(NEWER)).expect("loads");
    let mut plan = env.plan.clone();
    let mut other = NationalPlan::fourth_plan();
    other.name = "5º Plan de Acción Nacional".into();
    edit_keeping_unknown(&mut plan, |p| p.national_plan = other.clone());
    assert_eq!(plan.national_plan, other);
    assert!(!plan.national_plan.holds_unknown());
    // The rest of the plan keeps its own.
    assert!(plan.holds_unknown());
}

/// Map-valued fields (question id → answer, page → input): their keys are
/// data, not fields.
const MAPS: [&str; 4] = ["unsaved", "answers", "evidence", "gate"];

/// The JSON pointers of every object that is a struct of the draft.
fn struct_objects(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(at.clone());
            for (k, v) in map {
                if !MAPS.contains(&k.as_str()) {
                    struct_objects(v, format!("{at}/{k}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                struct_objects(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A complete plan (the commitment-13 fixture plan, marked final, with a
/// readiness assessment and unsaved input) as a draft.
fn complete_draft() -> Value {
    let mut plan = c13::plan();
    plan.mark_final(date!(2021 - 09 - 01)).expect("complete");
    let mut env = Envelope::new(
        plan,
        [(
            "perfil".to_owned(),
            [("nombre-plan".to_owned(), "Plan".to_owned())].into(),
        )]
        .into(),
        datetime!(2021-09-01 10:00 -6),
        3,
    );
    env.name = Some("Jalisco".into());
    json(&encode(&env))
}

#[test]
fn a_new_field_in_every_object_of_a_complete_draft_is_kept() {
    let plain = complete_draft();
    let mut objects = Vec::new();
    struct_objects(&plain, String::new(), &mut objects);
    assert!(objects.len() > 60, "{} objects", objects.len());

    let mut newer = plain.clone();
    for (n, at) in objects.iter().enumerate() {
        let value = match n % 4 {
            0 => json!(n),
            1 => json!(format!("valor {n} «nuevo»")),
            2 => json!({"lista": [n, null, true], "x": -2.5}),
            _ => Value::Null,
        };
        newer
            .pointer_mut(at)
            .and_then(Value::as_object_mut)
            .expect("an object")
            .insert(format!("campo_nuevo_{n}"), value);
    }
    let env = decode(&newer.to_string()).expect("loads");
    assert_eq!(json(&encode(&env)), newer, "every new field comes back");
    assert!(env.holds_unknown());

    // Carrying from it into the same plan without the fields restores them
    // all: every struct is covered by `Carry`.
    let mut fresh = decode(&plain.to_string()).expect("loads").plan;
    assert!(!fresh.holds_unknown());
    fresh.carry_from(&env.plan);
    assert_eq!(fresh, env.plan);
}

#[test]
fn one_new_field_anywhere_is_noticed() {
    let plain = complete_draft();
    let mut objects = Vec::new();
    struct_objects(&plain, String::new(), &mut objects);
    for at in objects {
        let mut v = plain.clone();
        v.pointer_mut(&at)
            .and_then(Value::as_object_mut)
            .expect("an object")
            .insert("campo_nuevo".into(), json!(1));
        let env = decode(&v.to_string()).unwrap_or_else(|e| panic!("{at}: {e}"));
        assert!(env.holds_unknown(), "{at}");
        assert_eq!(json(&encode(&env)), v, "{at}");
    }
}

#[test]
fn fingerprints_of_drafts_without_new_fields_are_unchanged() {
    // Computed by the version before unknown fields were kept (schema 4),
    // and reproduced for the plans schema 4 could write: a "Versión final"
    // mark made then still holds after the migration (tests/envelope.rs).
    let v4 = decode(&fixture("borrador-v5.json")).expect("loads").plan;
    // The schema-4 file, read as written, gives the fingerprint schema 4 gave it.
    assert_eq!(
        fingerprint_as_written(&fixture("borrador-v4.json")).as_deref(),
        Some("dfd119098fc24ed7")
    );
    // Schema 5 writes jurisdictions and contacts in a new shape: new fingerprints, pinned.
    assert_eq!(v4.fingerprint(), "4f8ecdb6b5e51e61");
    assert_eq!(c13::plan().fingerprint(), "931e1a39b58e7ac3");
    assert_eq!(Plan::default().fingerprint(), "5b106cf5b00afa60");
    assert!(Plan::default().is_empty());
    assert!(!v4.is_empty());
}

#[test]
fn a_final_mark_holds_across_saves_and_sees_new_fields_as_a_change() {
    let mut newer = complete_draft();
    newer["plan"]["commitments"][0]["nuevo"] = json!("dato");
    // Marked final before the newer version added a field: changed since.
    let env = decode(&newer.to_string()).expect("loads");
    assert!(matches!(
        env.plan.document_status(),
        DocumentStatus::ChangedSinceFinal(_)
    ));
    // Marked final here, with the field: final, also after a save and a load.
    let mut plan = env.plan.clone();
    plan.mark_final(date!(2021 - 09 - 02)).expect("complete");
    let again = decode(&save_as_the_app_does(&env, plan).to_string()).expect("loads");
    assert_eq!(
        again.plan.document_status(),
        DocumentStatus::Final(date!(2021 - 09 - 02))
    );
    // An empty plan with a field of a newer version is not empty: nothing of
    // it may be dropped as "nothing there".
    let mut v = json(&encode(&Envelope::new(
        Plan::default(),
        Default::default(),
        datetime!(2021-09-01 10:00 -6),
        1,
    )));
    v["plan"]["nuevo"] = json!(true);
    assert!(!decode(&v.to_string()).expect("loads").plan.is_empty());
}

#[test]
fn a_value_that_does_not_fit_is_still_named_by_its_place() {
    let base = json(&fixture(NEWER));
    let cases = [
        (
            "/plan/commitments/0/key_actions/0/activities/0/name",
            json!(7),
            "plan.commitments[0].key_actions[0].activities[0].name",
        ),
        (
            "/plan/problems/0/priority",
            json!("urgentísima"),
            "plan.problems[0].priority",
        ),
        (
            "/plan/profile/period/start",
            json!("2030-01-01"),
            "plan.profile.period",
        ),
    ];
    for (at, value, path) in cases {
        let mut v = base.clone();
        *v.pointer_mut(at).expect(at) = value;
        match decode(&v.to_string()) {
            Err(DecodeError::Invalid { path: found, .. }) => assert_eq!(found, path, "{at}"),
            other => panic!("{at}: {other:?}"),
        }
    }
    // A weight that is not 1-100 is named as such (which key action of which
    // commitment), with the fields of a newer version around it as well.
    let mut v = base.clone();
    *v.pointer_mut("/plan/commitments/0/key_actions/0/weight")
        .expect("weight") = json!("mucho");
    assert_eq!(
        decode(&v.to_string()),
        Err(DecodeError::WeightOutOfRange {
            commitment: 1,
            key_action: 1
        })
    );
}

/// Any JSON value a newer version might write.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        // Numbers as people write them, and any finite float to its last digit.
        (-999_999_999_999_999i64..=999_999_999_999_999, 0i32..=15)
            .prop_map(|(m, k)| Value::from(m as f64 / 10f64.powi(k))),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

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

    /// New fields with any values, in any objects of the newer fixture, come
    /// back unchanged, and edits keep them.
    #[test]
    fn any_new_fields_anywhere_come_back_unchanged(
        inserts in prop::collection::vec((any::<prop::sample::Index>(), "[a-z_]{1,12}", any_json()), 1..8)
    ) {
        let base = json(&fixture(NEWER));
        let mut objects = Vec::new();
        struct_objects(&base, String::new(), &mut objects);
        let mut v = base.clone();
        for (which, name, value) in inserts {
            let at = which.get(&objects);
            // "zz_" keeps clear of every known field name.
            v.pointer_mut(at).and_then(Value::as_object_mut).expect("an object")
                .insert(format!("zz_{name}"), value);
        }
        let env = decode(&v.to_string()).expect("loads");
        prop_assert_eq!(json(&encode(&env)), v.clone());
        let mut plan = env.plan.clone();
        edit_every_page(&mut plan, true);
        let saved = save_as_the_app_does(&env, plan);
        // Every field inserted is in the edited and saved draft with its value.
        let mut inserted = Vec::new();
        struct_objects(&v, String::new(), &mut inserted);
        for at in inserted {
            let (Some(Value::Object(before)), Some(Value::Object(after))) =
                (v.pointer(&at), saved.pointer(&at)) else { continue };
            for (k, value) in before.iter().filter(|(k, _)| k.starts_with("zz_")) {
                prop_assert_eq!(after.get(k), Some(value), "{}/{}", at, k);
            }
        }
    }
}

/// Found by the draft reader's fuzz test: a 17-digit float in a newer
/// version's field must come back to its last digit.
#[test]
fn a_seventeen_digit_number_in_an_unknown_field_comes_back_exactly() {
    let mut draft: Value = serde_json::from_str(&fixture("borrador-v5.json")).expect("fixture");
    let text = "7.424943904175027e-119";
    draft["plan"]["campo_nuevo"] = serde_json::from_str(text).expect("number");
    let env = decode(&draft.to_string()).expect("reads");
    let again: Value = serde_json::from_str(&encode(&env)).expect("json");
    assert_eq!(again["plan"]["campo_nuevo"].to_string(), text);
    assert_eq!(decode(&encode(&env)), Ok(env));
}
