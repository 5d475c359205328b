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
    assert_eq!(profile.lead().name, "Querétaro");
    assert_eq!(profile.lead().code(), Some("22014"));
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
        DecodeError::WeightOutOfRange {
            commitment: 1,
            key_action: 2,
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
    assert_eq!(env.schema_version, SCHEMA_VERSION);
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
    assert_eq!(
        env.schema_version, SCHEMA_VERSION,
        "migrated to the current version"
    );
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

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// A profile of schema 1-4 as schema 5 writes it: its one `jurisdiction`
/// becomes `jurisdictions`, the list of that member marked as the lead, so
/// that [`kept`] can compare everything else.
fn as_schema_5(profile: &serde_json::Value) -> serde_json::Value {
    let mut profile = profile.clone();
    if let Some(map) = profile.as_object_mut() {
        if let Some(mut only) = map.remove("jurisdiction") {
            only["lead"] = true.into();
            map.insert("jurisdictions".into(), serde_json::json!([only]));
        }
    }
    profile
}

/// True when everything in `old` is in `new` with the same value: objects may
/// gain keys (new parts of the format), arrays keep their length and order.
fn kept(old: &serde_json::Value, new: &serde_json::Value, path: &str) -> Result<(), String> {
    use serde_json::Value as V;
    match (old, new) {
        (V::Object(o), V::Object(n)) => o.iter().try_for_each(|(k, v)| match n.get(k) {
            Some(nv) => kept(v, nv, &format!("{path}.{k}")),
            None => Err(format!("{path}.{k} was lost")),
        }),
        (V::Array(o), V::Array(n)) if o.len() == n.len() => o
            .iter()
            .zip(n)
            .enumerate()
            .try_for_each(|(i, (a, b))| kept(a, b, &format!("{path}[{i}]"))),
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{path}: {a} became {b}")),
    }
}

#[test]
fn every_earlier_version_has_a_fixture_that_loads_and_round_trips() {
    for version in 1..SCHEMA_VERSION {
        let name = format!("borrador-v{version}.json");
        let text = fixture(&name);
        let original: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
        assert_eq!(original["schema_version"], version, "{name}");
        let env = decode(&text).unwrap_or_else(|e| panic!("{name} loads: {e}"));
        assert_eq!(env.schema_version, SCHEMA_VERSION, "{name}");
        assert_eq!(decode(&encode(&env)).as_ref(), Ok(&env), "{name}");
        // The profile and the commitments come through as written.
        let migrated = serde_json::to_value(&env.plan).expect("json");
        kept(
            &as_schema_5(&original["plan"]["profile"]),
            &migrated["profile"],
            "profile",
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        for (i, c) in original["plan"]["commitments"]
            .as_array()
            .expect("commitments")
            .iter()
            .enumerate()
        {
            kept(c, &migrated["commitments"][i], "commitment")
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn version_3_fixture_migrates_to_4_without_loss() {
    use plan_local_ga::domain::readiness::Answer;
    use plan_local_ga::domain::Relation;

    let text = fixture("borrador-v3.json");
    let original: serde_json::Value = serde_json::from_str(&text).expect("json");
    let env = decode(&text).expect("v3 loads");
    const { assert!(SCHEMA_VERSION >= 4) };
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    assert_eq!(env.revision, 12);
    assert_eq!(env.app_version, "0.3.0", "the version that wrote it");
    assert_eq!(env.saved_at, datetime!(2026-11-25 09:15:31 -06:00));

    // Profile, with no term end yet (new in schema 4).
    let profile = env.plan.profile.as_ref().expect("profile");
    assert_eq!(profile.lead().name, "Querétaro");
    assert_eq!(profile.lead().code(), Some("22014"));
    assert_eq!(
        profile.plan_name,
        "Plan de Acción Local de Gobierno Abierto 2025-2027"
    );
    assert_eq!(profile.period.start(), date!(2025 - 12 - 10));
    assert_eq!(profile.period.end(), date!(2027 - 08 - 31));
    assert_eq!(profile.term_end, None);

    // Both commitments, with their alignment; the new parts of the ficha empty.
    let [first, second] = env.plan.commitments.as_slice() else {
        panic!("two commitments, got {}", env.plan.commitments.len());
    };
    assert_eq!(first.id, CommitmentId(1));
    assert_eq!(first.name, "Estrategia subnacional de gobierno abierto");
    assert_eq!(
        first.period.as_ref().expect("dates").start(),
        date!(2026 - 01 - 02)
    );
    assert_eq!(
        first.period.as_ref().expect("dates").end(),
        date!(2027 - 07 - 31)
    );
    let link = first.alignment.national.as_ref().expect("national link");
    assert_eq!(link.relation(), Relation::Replica);
    assert_eq!(link.commitment(), Some("MX0087"));
    assert_eq!(first.alignment.sdg_targets, vec!["16.6", "16.10"]);
    assert_eq!(first.alignment.pnd_axis, None);
    assert_eq!(first.alignment.local_axis, None);
    assert_eq!(first.alignment.gender, None);
    assert_eq!(second.id, CommitmentId(3));
    assert!(second.name.contains("¿quién decide? ¡La ciudadanía!"));
    let link = second.alignment.national.as_ref().expect("national link");
    assert_eq!(link.relation(), Relation::Nuevo);
    assert_eq!(link.commitment(), None);
    assert_eq!(second.alignment.sdg_targets, vec!["5.5"]);
    for c in &env.plan.commitments {
        assert!(c.responsible.is_empty() && c.co_responsible.is_empty());
        assert!(c.objectives.is_none() && c.values.is_empty() && c.key_actions.is_empty());
    }

    // The national list the draft used (not replaced by the default one).
    assert_eq!(env.plan.national_plan.commitments.len(), 2);
    assert_eq!(env.plan.national_plan.commitments[1].id, "MX0075");
    assert_eq!(
        env.plan.national_plan.commitments[0].institutions,
        "INAI; SFP"
    );

    // The readiness assessment with its answers, evidence and gate.
    let [assessment] = env.plan.readiness.as_slice() else {
        panic!("one assessment");
    };
    assert_eq!(assessment.date, date!(2026 - 11 - 20));
    assert_eq!(assessment.answers.len(), 15);
    assert_eq!(assessment.answers["p1-1"], Answer::Level(2));
    assert_eq!(assessment.answers["p1-3"], Answer::DontKnow);
    assert_eq!(assessment.answers["p2-1"], Answer::Level(3));
    assert_eq!(assessment.answers["p5-3"], Answer::DontKnow);
    assert_eq!(assessment.evidence.len(), 2);
    assert_eq!(
        assessment.evidence["p1-1"],
        "https://queretaro.gob.mx/sesion-instalacion"
    );
    assert_eq!(
        assessment.evidence["p2-1"], "Acta del 3 de marzo de 2024 <b>firmada</b>",
        "kept as typed, markup and all"
    );
    let gate: Vec<(&str, bool)> = assessment
        .gate
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        gate,
        vec![("e-1", true), ("e-2", true), ("e-3", false), ("e-4", true)]
    );

    // Everything new in schema 4 starts empty.
    let plan = &env.plan;
    assert!(plan.office.is_none() && plan.framework.is_none() && plan.political.is_none());
    assert!(plan.coordination.is_empty() && plan.roadmap.is_none());
    assert!(plan.problems.is_empty() && plan.monitoring.is_none() && plan.responses.is_empty());

    // Unsaved input is kept exactly (no commitment page to move).
    let unsaved = serde_json::to_value(&env.unsaved).expect("json");
    assert_eq!(unsaved, original["unsaved"]);
    assert_eq!(env.unsaved["perfil"]["nombre-plan"], "Plan (sin guardar)");
    assert_eq!(
        env.unsaved["preparacion/tema/3"]["p3-1-evidencia"],
        "Tablero en construcción"
    );

    // Nothing of the stored plan was dropped by the migration.
    let migrated = serde_json::to_value(&env.plan).expect("json");
    let mut before = original["plan"].clone();
    before["profile"] = as_schema_5(&before["profile"]);
    kept(&before, &migrated, "plan").expect("nothing lost");

    // And the migrated draft round-trips as schema 4.
    let encoded = encode(&env);
    let v: serde_json::Value = serde_json::from_str(&encoded).expect("json");
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
    assert_eq!(decode(&encoded).expect("round trip"), env);
}

#[test]
fn unsaved_alignment_input_moves_to_the_alignment_page_when_migrating_from_3() {
    let mut v: serde_json::Value =
        serde_json::from_str(&fixture("borrador-v3.json")).expect("json");
    v["unsaved"]["compromiso/1"] = serde_json::json!({
        "nombre-compromiso": "x",
        "metas-ods": "16.6"
    });
    // A page holding only alignment input moves whole.
    v["unsaved"]["compromiso/3"] = serde_json::json!({
        "relacion-nacional": "complementa",
        "compromiso-nacional": "MX0075"
    });
    // A commitment not saved yet has no alignment page: its input stays put.
    v["unsaved"]["compromiso/nuevo"] = serde_json::json!({
        "nombre-compromiso": "Nuevo",
        "metas-ods": "5.5"
    });
    let env = decode(&v.to_string()).expect("loads");
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    let page = |k: &str| {
        env.unsaved
            .get(k)
            .map(|m| {
                m.iter()
                    .map(|(a, b)| (a.as_str(), b.as_str()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_else(|| panic!("no unsaved page {k}"))
    };
    assert_eq!(page("compromiso/1"), vec![("nombre-compromiso", "x")]);
    assert_eq!(page("compromiso/1/alineacion"), vec![("metas-ods", "16.6")]);
    assert!(
        !env.unsaved.contains_key("compromiso/3"),
        "emptied page goes"
    );
    assert_eq!(
        page("compromiso/3/alineacion"),
        vec![
            ("compromiso-nacional", "MX0075"),
            ("relacion-nacional", "complementa")
        ]
    );
    assert_eq!(
        page("compromiso/nuevo"),
        vec![("metas-ods", "5.5"), ("nombre-compromiso", "Nuevo")]
    );
    // The other pages are untouched.
    assert_eq!(page("perfil").len(), 4);
    assert_eq!(page("preparacion/tema/3").len(), 2);
    assert_eq!(env.unsaved.len(), 6);
    assert_eq!(decode(&encode(&env)).expect("round trip"), env);

    // A schema-4 draft is not migrated again: its keys stay where they are.
    let mut v4: serde_json::Value = serde_json::from_str(&encode(&env)).expect("json");
    v4["unsaved"]["compromiso/1"]["metas-ods"] = "16.10".into();
    let again = decode(&v4.to_string()).expect("loads");
    assert_eq!(again.unsaved["compromiso/1"]["metas-ods"], "16.10");
    assert_eq!(
        again.unsaved["compromiso/1/alineacion"]["metas-ods"],
        "16.6"
    );
}

#[test]
fn the_current_version_has_a_fixture_of_a_complete_plan_that_round_trips_exactly() {
    // Written by this version (schema 6) and never edited: when the format
    // grows again, it becomes the fixture the next migration must load.
    let text = fixture(&format!("borrador-v{SCHEMA_VERSION}.json"));
    let env = decode(&text).expect("the current fixture loads");
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    let plan = &env.plan;
    assert!(plan.office.is_some() && plan.framework.is_some() && plan.political.is_some());
    assert_eq!(plan.coordination.members.len(), 3);
    assert!(
        plan.coordination.gaps().is_empty(),
        "a body that meets OGP's minimum"
    );
    assert_eq!(plan.problems.len(), 1);
    assert_eq!(plan.commitments[0].key_actions[0].activities.len(), 1);
    assert!(plan.commitment_complete(&plan.commitments[0]));
    assert_eq!(plan.responses.len(), 1);
    // What is written is what was read: re-encoding gives the same JSON.
    let original: serde_json::Value = serde_json::from_str(&text).expect("json");
    let again: serde_json::Value = serde_json::from_str(&encode(&env)).expect("json");
    assert_eq!(original, again);
}

// ---------------------------------------------------------------------------------
// Schema 5: several jurisdictions per plan

#[test]
fn single_jurisdictions_of_every_earlier_version_become_one_member_lists() {
    use plan_local_ga::domain::{Makers, ProfileInput};
    for version in 1..5 {
        let name = format!("borrador-v{version}.json");
        let text = fixture(&name);
        let original: serde_json::Value = serde_json::from_str(&text).expect("json");
        let env = decode(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let profile = env.plan.profile.as_ref().expect("profile");
        // The one member, every field as it was, marked as the lead.
        let before = &original["plan"]["profile"]["jurisdiction"];
        let mut expected = before.clone();
        expected["lead"] = true.into();
        let stored = serde_json::to_value(&profile.jurisdictions).expect("json");
        assert_eq!(stored, serde_json::json!([expected]), "{name}");
        assert_eq!(profile.jurisdictions.makers(), Makers::One, "{name}");
        assert_eq!(
            Some(&profile.lead().name),
            before["name"].as_str().map(str::to_owned).as_ref()
        );
        assert_eq!(
            profile.lead().code(),
            before["inegi_code"].as_str(),
            "{name}"
        );
        // The schema-4 shape is gone from the file written now.
        let written: serde_json::Value = serde_json::from_str(&encode(&env)).expect("json");
        assert!(
            written["plan"]["profile"].get("jurisdiction").is_none(),
            "{name}"
        );
        // The profile page shows it as it was chosen, and saves it unchanged.
        let input = ProfileInput::from_profile(profile);
        assert_eq!(
            (
                input.kind.as_str(),
                input.state.as_str(),
                input.municipality.as_str()
            ),
            ("municipio", "22", "22014"),
            "{name}"
        );
        assert_eq!(input.parse().as_ref(), Ok(profile), "{name}");
        // Unsaved profile input keeps its keys, and still names the same jurisdiction.
        if let Some(unsaved) = env.unsaved.get("perfil") {
            let typed: ProfileInput =
                serde_json::from_value(serde_json::to_value(unsaved).expect("json"))
                    .expect("unsaved profile input");
            assert_eq!(
                (
                    typed.kind.as_str(),
                    typed.state.as_str(),
                    typed.municipality.as_str()
                ),
                ("municipio", "22", "22014"),
                "{name}"
            );
        }
    }
}

#[test]
fn a_version_4_plan_marked_final_is_still_final_after_the_migration() {
    use plan_local_ga::domain::final_mark::{DocumentStatus, FinalMark};
    let mark = |fingerprint: &str| {
        serde_json::to_value(FinalMark {
            on: date!(2026 - 11 - 25),
            fingerprint: fingerprint.to_owned(),
            commitments: Vec::new(),
            unknown: Default::default(),
        })
        .expect("json")
    };
    // The mark goes where the app writes it: the plan's last known field,
    // in a file written by the app (pretty, fields in declaration order).
    let marked = |version: u32, fingerprint: &str| {
        let text = fixture(&format!("borrador-v{version}.json"));
        let v: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert!(v["plan"].get("final_mark").is_none());
        let at = text.rfind("\n  },\n  \"unsaved\"").expect("end of plan");
        let with_mark = format!(
            "{},\n    \"final_mark\": {}{}",
            &text[..at],
            mark(fingerprint),
            &text[at..]
        );
        decode(&with_mark).expect("loads").plan
    };
    // The fingerprint the version of schema 4 gave this plan
    // (tests/newer_drafts.rs pins it).
    let v4 = marked(4, "dfd119098fc24ed7");
    assert_eq!(
        v4.document_status(),
        DocumentStatus::Final(date!(2026 - 11 - 25))
    );
    let stamped = v4.final_mark.as_ref().expect("mark");
    assert_eq!(stamped.fingerprint, v4.fingerprint());
    // A mark the plan no longer matches stays a draft's.
    assert_eq!(
        marked(4, "0123456789abcdef").document_status(),
        DocumentStatus::ChangedSinceFinal(date!(2026 - 11 - 25))
    );
    // Only drafts written before schema 5 are re-stamped.
    assert_eq!(
        marked(5, "dfd119098fc24ed7").document_status(),
        DocumentStatus::ChangedSinceFinal(date!(2026 - 11 - 25))
    );
}

#[test]
fn a_file_whose_jurisdictions_break_a_rule_says_which_in_spanish() {
    let v5 = fixture("borrador-v5.json");
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&v5).expect("json");
        f(&mut v["plan"]["profile"]["jurisdictions"]);
        decode(&v.to_string())
    };
    use plan_local_ga::domain::JurisdictionsError as J;
    let twice = with(&|js| {
        let mut again = js[0].clone();
        again["lead"] = false.into();
        js.as_array_mut().expect("list").push(again);
    });
    assert_eq!(
        twice,
        Err(DecodeError::Jurisdictions(J::Duplicate {
            position: 2,
            first: 1
        }))
    );
    let message = messages::decode_error(twice.as_ref().expect_err("refused"));
    assert_eq!(
        message,
        "En el borrador, la jurisdicción 2 repite a la jurisdicción 1; cada integrante de una coalición aparece una sola vez. Corrija el archivo o elija otro borrador."
    );
    let no_lead = with(&|js| js[0]["lead"] = false.into());
    assert_eq!(no_lead, Err(DecodeError::Jurisdictions(J::NoLead)));
    assert!(messages::decode_error(&no_lead.expect_err("refused"))
        .contains("ninguna jurisdicción está marcada como líder"));
    let federation_with_code = with(&|js| {
        js[0] = serde_json::json!({"kind": "federacion", "name": "México", "inegi_code": "00", "lead": true});
    });
    assert_eq!(
        federation_with_code,
        Err(DecodeError::Jurisdictions(J::FederationWithCode {
            position: 1
        }))
    );
    let empty = with(&|js| *js = serde_json::json!([]));
    assert_eq!(empty, Err(DecodeError::Jurisdictions(J::Empty)));
    // A member that does not read at all is named by its place.
    let bad_kind = with(&|js| js[0]["kind"] = "pais".into());
    assert!(
        matches!(&bad_kind, Err(DecodeError::Invalid { path, .. }) if path.starts_with("plan.profile.jurisdictions")),
        "{bad_kind:?}"
    );
}

#[test]
fn version_4_contacts_migrate_to_5_with_every_name_and_the_sectors_meaning() {
    use plan_local_ga::domain::contact::{Branch, Contact, Sector};
    use serde_json::Value;
    let text = fixture("borrador-v4.json");
    let original: Value = serde_json::from_str(&text).expect("json");
    let plan = decode(&text).expect("v4 loads").plan;
    // A person keeps every field, wherever the contact is.
    let same = |old: &Value, new: &Contact, at: &str| {
        let given = |k: &str| old[k].as_str();
        assert_eq!(new.name(), given("name"), "{at}: name");
        assert_eq!(new.position(), given("position"), "{at}: position");
        assert_eq!(new.institution(), given("institution"), "{at}: institution");
        assert_eq!(
            new.email().map(|e| e.as_str()),
            given("email"),
            "{at}: email"
        );
        assert_eq!(
            new.phone().map(|p| p.as_str()),
            given("phone"),
            "{at}: phone"
        );
        assert!(new.name().is_some(), "{at}: every v4 contact had a person");
    };
    let old = &original["plan"];
    same(
        &old["office"]["contact"],
        &plan.office.as_ref().expect("office").contact,
        "office",
    );
    let members = old["coordination"]["members"].as_array().expect("members");
    assert_eq!(members.len(), plan.coordination.members.len());
    for (m, new) in members.iter().zip(&plan.coordination.members) {
        same(&m["person"], &new.contact, "member");
        assert_eq!(new.role.as_deref(), m["role"].as_str());
    }
    // "gobierno" and "sociedad-civil" as they were; the órgano garante is a
    // government body of the autonomous branch.
    let sectors: Vec<(Option<Sector>, Option<Branch>)> = plan
        .coordination
        .members
        .iter()
        .map(|m| (m.contact.sector(), m.contact.branch()))
        .collect();
    assert_eq!(
        sectors,
        [
            (Some(Sector::Gobierno), None),
            (Some(Sector::SociedadCivil), None),
            (Some(Sector::Gobierno), Some(Branch::Autonomo))
        ]
    );
    assert!(
        plan.coordination.gaps().is_empty(),
        "still meets the minimum"
    );
    let c = &plan.commitments[0];
    for (list, key) in [
        (&c.responsible, "responsible"),
        (&c.co_responsible, "co_responsible"),
    ] {
        let old_list = old["commitments"][0][key].as_array().expect("team");
        assert_eq!(old_list.len(), list.len());
        for (o, m) in old_list.iter().zip(list) {
            same(o, &m.contact, key);
            assert_eq!(Value::from(m.id.0), o["id"]);
            assert_eq!(m.role, None, "v4 had no roles");
        }
    }
    // Earlier versions had no contacts at all: nothing appears.
    for v in 1..4 {
        let p = decode(&fixture(&format!("borrador-v{v}.json")))
            .expect("loads")
            .plan;
        assert!(
            p.office.is_none() && p.coordination.members.is_empty(),
            "v{v}"
        );
    }
}

#[test]
fn every_sector_of_version_4_keeps_its_meaning_in_the_plan_and_in_unsaved_input() {
    use plan_local_ga::domain::contact::{Branch, Sector};
    use plan_local_ga::domain::coordination::CoordinationGap as G;
    use serde_json::{json, Value};
    let v4 = |sectors: &[&str], unsaved: Value| {
        let mut v: Value = serde_json::from_str(&fixture("borrador-v4.json")).expect("json");
        let template = v["plan"]["coordination"]["members"][0].clone();
        v["plan"]["coordination"]["members"] = sectors
            .iter()
            .zip(1..)
            .map(|(s, id)| {
                let mut m = template.clone();
                m["id"] = json!(id);
                m["sector"] = json!(s);
                m
            })
            .collect();
        v["unsaved"] = unsaved;
        decode(&v.to_string())
    };
    let env = v4(
        &[
            "gobierno",
            "organo-garante",
            "legislativo",
            "sociedad-civil",
            "academia",
            "sector-privado",
            "otro",
        ],
        json!({
            "coordinacion/integrante/2": {"sector": "organo-garante", "papel": "Integrante"},
            "coordinacion/integrante/nuevo": {"sector": "otro", "persona-nombre": "Rosa"},
            "coordinacion/integrante/3": {"sector": "legislativo"},
            "compromiso/1/responsables/1": {"sector": "organo-garante"}
        }),
    )
    .expect("loads");
    let got: Vec<(Option<Sector>, Option<Branch>)> = env
        .plan
        .coordination
        .members
        .iter()
        .map(|m| (m.contact.sector(), m.contact.branch()))
        .collect();
    assert_eq!(
        got,
        [
            (Some(Sector::Gobierno), None),
            (Some(Sector::Gobierno), Some(Branch::Autonomo)),
            (Some(Sector::Gobierno), Some(Branch::Legislativo)),
            (Some(Sector::SociedadCivil), None),
            (Some(Sector::Academia), None),
            (Some(Sector::SectorPrivado), None),
            (None, None),
        ]
    );
    let page = |p: &str| env.unsaved.get(p).expect("page kept");
    assert_eq!(page("coordinacion/integrante/2")["sector"], "gobierno");
    assert_eq!(page("coordinacion/integrante/2")["poder"], "autonomo");
    assert_eq!(page("coordinacion/integrante/2")["papel"], "Integrante");
    assert_eq!(page("coordinacion/integrante/nuevo")["sector"], "");
    assert_eq!(
        page("coordinacion/integrante/nuevo")["persona-nombre"],
        "Rosa"
    );
    assert_eq!(page("coordinacion/integrante/3")["poder"], "legislativo");
    // Only a member's page had a sector in schema 4.
    assert_eq!(
        page("compromiso/1/responsables/1")["sector"],
        "organo-garante"
    );

    // The balance rules read the migrated sectors as they read the old ones.
    let gaps = |sectors: &[&str]| {
        let mut g = v4(sectors, json!({}))
            .expect("loads")
            .plan
            .coordination
            .gaps();
        g.retain(|g| matches!(g, G::NoGovernmentMember | G::NoNonGovernmentMember));
        g
    };
    assert_eq!(
        gaps(&["organo-garante", "otro"]),
        [G::NoNonGovernmentMember]
    );
    assert_eq!(gaps(&["legislativo", "academia"]), []);
    assert_eq!(gaps(&["sociedad-civil"]), [G::NoGovernmentMember]);
    assert_eq!(
        gaps(&["otro"]),
        [G::NoGovernmentMember, G::NoNonGovernmentMember]
    );

    // A value that never fitted still does not, and its place is named.
    for bad in ["no-existe", "5"] {
        let sector: Value = serde_json::from_str(bad).unwrap_or(json!(bad));
        let mut v: Value = serde_json::from_str(&fixture("borrador-v4.json")).expect("json");
        v["plan"]["coordination"]["members"][1]["sector"] = sector;
        match decode(&v.to_string()) {
            Err(DecodeError::Invalid { path, .. }) => {
                assert!(path.starts_with("plan.coordination.members[1]"), "{path}");
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}
