//! Native tests of the draft envelope: round trip, migrations from every
//! released version (fixtures never edited), and damaged input.
#![cfg(not(target_arch = "wasm32"))]

use plan_local_ga::domain::CommitmentId;
use plan_local_ga::messages;
use plan_local_ga::persistence::{decode, encode, DecodeError, Envelope, SCHEMA_VERSION};
use time::macros::{date, datetime};

fn fixture_v1() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/borrador-v1.json"
    ))
    .expect("fixture")
}

#[test]
fn version_1_fixture_loads_without_loss() {
    let env = decode(&fixture_v1()).expect("v1 loads");
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    assert_eq!(env.revision, 12);
    assert_eq!(env.saved_at, datetime!(2026-11-24 10:42:07 -06:00));
    let profile = env.plan.profile.as_ref().expect("profile");
    assert_eq!(profile.jurisdiction.name, "Querétaro");
    assert_eq!(profile.jurisdiction.inegi_code.as_str(), "22014");
    assert_eq!(profile.period.start(), date!(2025 - 12 - 10));
    assert_eq!(env.plan.commitments.len(), 2);
    assert_eq!(env.plan.commitments[1].id, CommitmentId(3));
    assert!(env.plan.commitments[1]
        .name
        .contains("¿quién decide? ¡La ciudadanía!"));
    assert_eq!(
        env.unsaved["compromiso/nuevo"]["inicio-compromiso"], "01/02/20",
        "unsaved input survives exactly as typed"
    );
}

#[test]
fn encode_then_decode_is_identity() {
    let env = decode(&fixture_v1()).expect("v1 loads");
    let text = encode(&env);
    let back = decode(&text).expect("round trip");
    assert_eq!(back, env);
    // Human-readable dates, as people might open the file.
    assert!(text.contains("\"start\": \"2025-12-10\""));
}

fn with(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&fixture_v1()).expect("json");
    f(&mut v);
    v.to_string()
}

#[test]
fn damaged_drafts_give_typed_errors_not_defaults() {
    assert_eq!(decode(""), Err(DecodeError::Empty));
    assert_eq!(decode("  \n"), Err(DecodeError::Empty));
    assert!(matches!(
        decode("{\"format\": "),
        Err(DecodeError::NotJson { .. })
    ));
    let half = &fixture_v1()[..300];
    assert!(matches!(decode(half), Err(DecodeError::NotJson { .. })));
    assert_eq!(decode("[1, 2, 3]"), Err(DecodeError::NotADraft));
    assert_eq!(
        decode("{\"name\": \"otro programa\"}"),
        Err(DecodeError::NotADraft)
    );
    assert_eq!(decode("%PDF-1.7\n..."), Err(DecodeError::PdfWithoutDraft));
    assert_eq!(
        decode(&with(|v| v["schema_version"] = 99.into())),
        Err(DecodeError::FromNewerVersion { found: 99 })
    );
    assert_eq!(
        decode(&with(|v| v["schema_version"] = 0.into())),
        Err(DecodeError::UnknownVersion { found: 0 })
    );
    assert_eq!(
        decode(&with(|v| v["schema_version"] = "1".into())),
        Err(DecodeError::NotADraft)
    );
}

#[test]
fn invalid_values_name_where_they_are() {
    // An end before the start breaks the Period invariant: refused, with its place.
    let text = with(|v| v["plan"]["profile"]["period"]["end"] = "2020-01-01".into());
    match decode(&text) {
        Err(DecodeError::Invalid { path, .. }) => {
            assert_eq!(path, "plan.profile.period");
            let m = messages::decode_error(&DecodeError::Invalid {
                path,
                detail: String::new(),
            });
            assert!(m.contains("periodo del plan"), "{m}");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let text = with(|v| v["plan"]["commitments"][0]["period"]["start"] = "31/02/2026".into());
    assert!(
        matches!(decode(&text), Err(DecodeError::Invalid { path, .. }) if path.starts_with("plan.commitments[0]"))
    );
    let text = with(|v| v["plan"]["profile"]["jurisdiction"]["kind"] = "pais".into());
    assert!(matches!(decode(&text), Err(DecodeError::Invalid { .. })));
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = " ".repeat(plan_local_ga::persistence::envelope::MAX_BYTES + 1);
    assert!(matches!(decode(&big), Err(DecodeError::TooLarge { .. })));
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000);
    assert!(decode(&deep).is_err());
}

#[test]
fn every_decode_error_has_a_spanish_message_saying_what_to_do() {
    let errors = [
        DecodeError::Empty,
        DecodeError::TooLarge {
            bytes: 60_000_000,
            max: 5_242_880,
        },
        DecodeError::PdfWithoutDraft,
        DecodeError::NotJson { line: 1, column: 2 },
        DecodeError::NotADraft,
        DecodeError::FromNewerVersion { found: 9 },
        DecodeError::UnknownVersion { found: 0 },
        DecodeError::Invalid {
            path: "plan.x".into(),
            detail: "d".into(),
        },
    ];
    for e in &errors {
        let m = messages::decode_error(e);
        assert!(m.len() > 40, "{m}");
        assert!(
            !m.to_lowercase().contains("inválid") && !m.contains("lo sentimos"),
            "{m}"
        );
    }
    assert!(messages::decode_error(&errors[1]).contains("58,593 KB"));
}

#[test]
fn a_new_envelope_carries_version_and_format() {
    let env = Envelope::new(
        Default::default(),
        Default::default(),
        datetime!(2026-01-01 0:00 UTC),
        1,
    );
    let v: serde_json::Value = serde_json::from_str(&encode(&env)).expect("json");
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
    assert_eq!(v["format"], "plan-local-gobierno-abierto");
    assert_eq!(v["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["saved_at"], "2026-01-01T00:00:00Z");
}

#[test]
fn version_1_migrates_to_2_with_the_fourth_national_plan_and_empty_alignment() {
    let env = decode(&fixture_v1()).expect("v1 loads");
    assert_eq!(env.schema_version, 3);
    assert!(env.plan.readiness.is_empty());
    assert_eq!(
        env.plan.national_plan,
        plan_local_ga::domain::NationalPlan::fourth_plan()
    );
    assert_eq!(env.plan.national_plan.commitments.len(), 13);
    assert!(env
        .plan
        .commitments
        .iter()
        .all(|c| c.alignment == Default::default()));
}

#[test]
fn version_2_fixture_loads_with_its_alignment() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/borrador-v2.json"
    ))
    .expect("fixture");
    let env = decode(&text).expect("v2 loads");
    assert_eq!(env.schema_version, 3, "migrated to the current version");
    assert!(env.plan.readiness.is_empty());
    let c = &env.plan.commitments[0];
    let link = c.alignment.national.as_ref().expect("national link");
    assert_eq!(link.relation(), plan_local_ga::domain::Relation::Replica);
    assert_eq!(link.commitment(), Some("MX0087"));
    assert_eq!(c.alignment.sdg_targets, vec!["16.6", "16.10"]);
    assert_eq!(decode(&encode(&env)).expect("round trip"), env);
    // A replica without its national commitment breaks the invariant.
    let broken = text.replace("\"commitment\": \"MX0087\"", "\"other\": 1");
    assert!(matches!(decode(&broken), Err(DecodeError::Invalid { .. })));
}
