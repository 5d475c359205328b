//! Comment rounds ("Observaciones", issue 19): the comments file's format
//! (round trip, fields of a newer version kept, a newer format refused, a
//! draft or a PDF recognised and named), its reader under random bytes and
//! random JSON (no panic, a Spanish sentence for every refusal), a comment
//! on a commitment deleted afterwards, and the team's answers as entries of
//! the plan's reasoned response (author, commitment, decision, reason;
//! answering twice updates the same entry).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use plan_local_ga::domain::comments::{
    self, add_received, answer, entries, About, Added, Answer, CommentLink, CommentsFile, Filters,
    Fit, Received, Reviewer, State,
};
use plan_local_ga::domain::monitoring::{Decision, ResponseInput};
use plan_local_ga::domain::{CommitmentId, Plan, Step};
use plan_local_ga::export::content::comment_places::{self, target_key};
use plan_local_ga::export::content::summary::{summary, Target};
use plan_local_ga::messages::comments::comments_error;
use plan_local_ga::persistence::comments::{decode, encode, CommentsError};
use plan_local_ga::persistence::{encode as encode_draft, Envelope};
use proptest::prelude::*;
use time::macros::{date, datetime};

fn cases() -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Commitment 13 with a second commitment (a copy of the first, renamed).
fn plan() -> Plan {
    let mut plan = common::c13::plan();
    let second = plan
        .duplicate_commitment(CommitmentId(1))
        .expect("a copy of commitment 1");
    plan.commitment_mut(second).expect("copy").name = "Portal de datos abiertos".into();
    plan
}

fn reviewer() -> Reviewer {
    Reviewer::parse(" Ana López ", "Colectivo Ciudadano").expect("a reviewer")
}

/// A round with a comment on each commitment, one on a step and one on a
/// field (the first key action's row).
fn round(plan: &Plan) -> CommentsFile {
    let mut file = CommentsFile::new(plan, reviewer(), date!(2026 - 03 - 12), "r1".into());
    let ids: Vec<CommitmentId> = plan.commitments.iter().map(|c| c.id).collect();
    file.add(
        About::commitment(plan, ids[0]),
        "Falta una meta medible.".into(),
    );
    file.add(
        About::commitment(plan, ids[1]),
        "¿Quién publica los datos? «Sí», ñ, 😀".into(),
    );
    file.add(
        About::step(Step::Roadmap),
        "La hoja de ruta es corta.".into(),
    );
    let sections = summary(plan, date!(2026 - 03 - 12));
    let rows = comment_places::rows(&sections);
    let ka = rows
        .iter()
        .find(|r| matches!(r.row.target, Target::KeyAction(..)))
        .expect("a key action row");
    file.add(
        comment_places::about_row(plan, ka),
        "El indicador no tiene línea base.".into(),
    );
    file
}

#[test]
fn a_comments_file_round_trips_exactly() {
    let plan = plan();
    let file = round(&plan);
    let text = encode(&file);
    let back = decode(text.as_bytes()).expect("reads back");
    assert_eq!(back, file);
    assert_eq!(encode(&back), text, "written again byte for byte");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["format"], comments::FORMAT);
    assert_eq!(v["version"], 1);
    assert_eq!(v["plan"]["fingerprint"], plan.fingerprint());
    assert_eq!(v["reviewer"]["name"], "Ana López");
    assert_eq!(v["date"], "2026-03-12");
    assert_eq!(v["comments"][0]["commitment"]["name"], common::c13::NAME);
    assert_eq!(v["comments"][2]["step"], "hoja-de-ruta");
    assert!(v["comments"][3]["field"]["target"]
        .as_str()
        .expect("a target")
        .starts_with("compromiso-1/accion-clave-"));
    assert_eq!(
        file.file_name(),
        "observaciones-plan-de-accion-local-de-gobierno-abierto-ana-lopez.json"
    );
    // A BOM and surrounding space are read as the browser reads them.
    let with_bom = format!("\u{feff}\n {text}\n");
    assert_eq!(decode(with_bom.as_bytes()).expect("reads"), file);
}

#[test]
fn fields_of_a_newer_version_are_kept_and_a_newer_format_is_refused() {
    let file = round(&plan());
    let mut v: serde_json::Value = serde_json::from_str(&encode(&file)).expect("JSON");
    v["firma"] = "nueva".into();
    v["comments"][1]["prioridad"] = serde_json::json!({"nivel": 2});
    v["reviewer"]["correo"] = "ana@ejemplo.org".into();
    let read = decode(v.to_string().as_bytes()).expect("same version, new fields: read");
    let again: serde_json::Value = serde_json::from_str(&encode(&read)).expect("JSON");
    assert_eq!(again, v, "every unknown field written back");

    v["version"] = 2.into();
    let e = decode(v.to_string().as_bytes()).expect_err("a newer format");
    assert_eq!(e, CommentsError::FromNewerVersion { found: 2 });
    assert!(comments_error(&e).contains("versión más reciente"));
}

#[test]
fn files_of_another_kind_are_named() {
    let plan = plan();
    let draft = encode_draft(&Envelope::new(
        plan.clone(),
        Default::default(),
        datetime!(2026-03-12 10:00 -6),
        1,
    ));
    let e = decode(draft.as_bytes()).expect_err("a draft");
    assert_eq!(e, CommentsError::IsDraft);
    assert_eq!(
        comments_error(&e),
        "Este archivo es un borrador, no un archivo de observaciones; ábralo en «Abrir un borrador»."
    );
    let pdf =
        plan_local_ga::export::plan_pdf_with_draft(&plan, &draft, datetime!(2026-03-12 10:00 -6))
            .expect("a PDF");
    let e = decode(&pdf).expect_err("the plan's PDF");
    assert_eq!(e, CommentsError::IsPlanPdf);
    assert!(comments_error(&e).contains("es el PDF de un plan"));
    let e = decode(b"%PDF-1.4\n%%EOF\n").expect_err("another PDF");
    assert_eq!(e, CommentsError::IsPdf);
    assert_eq!(decode(b"  \n").expect_err("empty"), CommentsError::Empty);
    assert_eq!(
        decode(br#"{"format": "otra-cosa", "version": 1}"#).expect_err("other JSON"),
        CommentsError::NotComments
    );
    assert!(matches!(
        decode(b"{\"format\": ").expect_err("cut"),
        CommentsError::NotJson { .. }
    ));
    let mut v: serde_json::Value = serde_json::from_str(&encode(&round(&plan))).expect("JSON");
    v["comments"][0]["commitment"]["id"] = "uno".into();
    let e = decode(v.to_string().as_bytes()).expect_err("a value that does not fit");
    assert!(
        matches!(&e, CommentsError::Invalid { path, .. } if path == "comments[0].commitment.id"),
        "{e:?}"
    );
}

fn assert_spanish(e: &CommentsError) {
    let m = comments_error(e);
    assert!(!m.is_empty() && m.ends_with('.'), "{m}");
    assert!(
        m.contains("archivo") || m.contains("Archivo") || m.contains("observaciones"),
        "{m}"
    );
}

/// Any JSON value (shallow), for putting at a place of a comments file.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!({"id": 1, "name": 2})),
    ]
}

/// Every place (JSON pointer) of a value.
fn places(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                places(x, p, out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                places(x, p, out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn random_bytes_never_panic_and_get_a_spanish_sentence(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match decode(&bytes) {
            Ok(file) => prop_assert_eq!(decode(encode(&file).as_bytes()).expect("round trip"), file),
            Err(e) => assert_spanish(&e),
        }
    }

    #[test]
    fn a_cut_or_edited_file_is_read_or_refused_in_spanish(cut in 0usize..2000, at in 0usize..2000, byte in any::<u8>()) {
        let text = encode(&round(&plan()));
        let mut bytes = text.as_bytes()[..cut.min(text.len())].to_vec();
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = byte;
        }
        match decode(&bytes) {
            Ok(file) => prop_assert_eq!(decode(encode(&file).as_bytes()).expect("round trip"), file),
            Err(e) => assert_spanish(&e),
        }
    }

    #[test]
    fn any_value_at_any_place_is_read_or_refused_in_spanish(pick in any::<prop::sample::Index>(), value in any_json()) {
        let file = round(&plan());
        let mut v: serde_json::Value = serde_json::from_str(&encode(&file)).expect("JSON");
        let mut all = Vec::new();
        places(&v, String::new(), &mut all);
        let place = pick.get(&all).clone();
        if let Some(slot) = v.pointer_mut(&place) {
            *slot = value;
        }
        match decode(v.to_string().as_bytes()) {
            Ok(read) => {
                let again = decode(encode(&read).as_bytes()).expect("round trip");
                prop_assert_eq!(again, read);
            }
            Err(e) => assert_spanish(&e),
        }
    }

    #[test]
    fn comments_files_round_trip(texts in proptest::collection::vec(".{1,80}", 0..8), name in "[^\\x00]{1,30}", org in ".{0,30}") {
        let plan = plan();
        let who = Reviewer::parse(&name, &org);
        prop_assume!(who.is_ok());
        let mut file = CommentsFile::new(&plan, who.expect("ok"), date!(2026 - 01 - 31), "x".into());
        for (i, t) in texts.into_iter().enumerate() {
            let about = if i % 2 == 0 { About::commitment(&plan, CommitmentId(1)) } else { About::step(Step::Problems) };
            file.add(about, t);
        }
        prop_assert_eq!(decode(encode(&file).as_bytes()).expect("reads"), file);
    }
}

#[test]
fn a_comment_on_a_commitment_deleted_afterwards_is_kept_and_marked() {
    let mut plan = plan();
    let file = round(&plan);
    let gone = plan.commitments[1].id;
    assert!(plan.remove_commitment(gone));
    let list = vec![Received {
        file_name: "obs.json".into(),
        file: file.clone(),
    }];
    let all = entries(&list, &plan, &Filters::default());
    assert_eq!(all.len(), 4, "every comment still listed");
    let on_gone: Vec<_> = all
        .iter()
        .filter(|e| e.comment.commitment_gone(&plan))
        .collect();
    assert_eq!(on_gone.len(), 1);
    let c = on_gone[0].comment.clone();
    assert_eq!(
        c.commitment.as_ref().map(|c| c.name.as_str()),
        Some("Portal de datos abiertos")
    );
    // Answering it records the response without a commitment the plan lacks.
    let id = answer(
        &mut plan,
        &file,
        &c,
        Answer::NoAceptada,
        "Se eliminó el compromiso.".into(),
    );
    let r = plan
        .responses
        .iter()
        .find(|r| r.id == id)
        .expect("response");
    assert_eq!(r.commitment, None);
    assert_eq!(r.input, c.text);
    // The file is the same plan, changed since.
    assert_eq!(list[0].fit(&plan), Fit::Changed);
}

#[test]
fn answers_become_reasoned_response_entries_and_answering_again_updates() {
    let mut plan = plan();
    let before = plan.responses.len();
    let file = round(&plan);
    let list = vec![Received {
        file_name: "obs.json".into(),
        file: file.clone(),
    }];
    assert_eq!(list[0].fit(&plan), Fit::Same);
    let first = file.comments[0].clone();
    let second = file.comments[1].clone();
    let ids: Vec<CommitmentId> = plan.commitments.iter().map(|c| c.id).collect();

    let a = answer(
        &mut plan,
        &file,
        &first,
        Answer::Aceptada,
        "Se agregó la meta.".into(),
    );
    let b = answer(
        &mut plan,
        &file,
        &second,
        Answer::EnParte,
        "Se nombra a la dependencia.".into(),
    );
    assert_eq!(plan.responses.len(), before + 2);
    let ra = plan.responses.iter().find(|r| r.id == a).expect("a");
    assert_eq!(ra.input, "Falta una meta medible.");
    assert_eq!(
        ra.source.as_deref(),
        Some("Ana López, Colectivo Ciudadano, observaciones del 12/03/2026")
    );
    assert_eq!(ra.decision, Some(Decision::Incorporada));
    assert!(!ra.partly);
    assert_eq!(ra.commitment, Some(ids[0]));
    assert_eq!(ra.reason, "Se agregó la meta.");
    assert_eq!(ra.comment.as_deref(), Some("r1/1"));
    assert!(ra.is_complete(&ids));
    let rb = plan.responses.iter().find(|r| r.id == b).expect("b");
    assert_eq!(
        (rb.decision, rb.partly),
        (Some(Decision::Incorporada), true)
    );
    assert_eq!(rb.commitment, Some(ids[1]));
    assert_eq!(
        plan_local_ga::labels::response_decision(rb),
        Some("Se incorporó en parte")
    );

    // Answered: the state and the filters see it.
    let answered = Filters {
        state: Some(State::Contestada),
        ..Filters::default()
    };
    assert_eq!(entries(&list, &plan, &answered).len(), 2);
    let roadmap = Filters {
        step: Some(Step::Roadmap),
        ..Filters::default()
    };
    assert_eq!(entries(&list, &plan, &roadmap).len(), 1);
    let nobody = Filters {
        reviewer: Some("Otra persona".into()),
        ..Filters::default()
    };
    assert!(entries(&list, &plan, &nobody).is_empty());

    // Answering again updates the same entry.
    let again = answer(
        &mut plan,
        &file,
        &second,
        Answer::NoAceptada,
        "No es competencia estatal.".into(),
    );
    assert_eq!(again, b);
    assert_eq!(plan.responses.len(), before + 2);
    let rb = plan.responses.iter().find(|r| r.id == b).expect("b");
    assert_eq!(
        (rb.decision, rb.partly),
        (Some(Decision::NoIncorporada), false)
    );
    assert_eq!(
        rb.commitment,
        Some(ids[1]),
        "still linked to its commitment"
    );
    assert_eq!(rb.reason, "No es competencia estatal.");
    assert_eq!(Answer::of(rb), Some(Answer::NoAceptada));
    let link = CommentLink::new(&file, &second);
    assert_eq!(comments::response_to(&plan, &link).map(|r| r.id), Some(b));

    // The reasoned response's own page keeps the link, the part and the commitment.
    let ra = plan
        .responses
        .iter()
        .find(|r| r.id == a)
        .expect("a")
        .clone();
    let through = ResponseInput::from_value(rb)
        .parse(rb.id, &ids)
        .expect("valid");
    assert_eq!(&through, rb);
    let partial = plan.responses.iter().find(|r| r.id == a).expect("a");
    assert_eq!(
        ResponseInput::from_value(partial)
            .parse(a, &ids)
            .expect("valid"),
        ra
    );

    // And the draft round-trips with them.
    let env = Envelope::new(
        plan.clone(),
        Default::default(),
        datetime!(2026-03-13 9:00 -6),
        2,
    );
    let back = plan_local_ga::persistence::decode(&encode_draft(&env)).expect("draft");
    assert_eq!(back.plan, plan);
}

#[test]
fn the_answers_are_in_the_plans_pdf() {
    let mut plan = plan();
    let file = round(&plan);
    answer(
        &mut plan,
        &file,
        &file.comments[0],
        Answer::Aceptada,
        "Se agregó la meta.".into(),
    );
    answer(
        &mut plan,
        &file,
        &file.comments[1],
        Answer::EnParte,
        "Se nombra a la dependencia.".into(),
    );
    let dir = common::scratch_dir("comments");
    let pdf = dir.join("plan.pdf");
    let bytes =
        plan_local_ga::export::plan_pdf(&plan, datetime!(2026-03-13 9:00 -6)).expect("a PDF");
    std::fs::write(&pdf, bytes).expect("write");
    let text = common::squash(&common::pdftotext(&pdf, false));
    common::cleanup(&dir);
    for needle in [
        "Falta una meta medible.",
        "Ana López, Colectivo Ciudadano, observaciones del 12/03/2026",
        "Se incorporó en parte",
        "Se nombra a la dependencia.",
    ] {
        assert!(
            text.contains(&common::squash(needle)),
            "{needle} in the PDF's text"
        );
    }
}

#[test]
fn earlier_drafts_write_no_comment_fields_and_keep_their_fingerprints() {
    let plan = common::c13::plan();
    let json = encode_draft(&Envelope::new(
        plan.clone(),
        Default::default(),
        datetime!(2026-03-13 9:00 -6),
        1,
    ));
    assert!(!json.contains("\"partly\"") && !json.contains("\"comment\""));
}

#[test]
fn a_later_download_of_the_same_round_replaces_the_earlier_one() {
    let plan = plan();
    let mut list = Vec::new();
    let mut file = round(&plan);
    let first = Received {
        file_name: "a.json".into(),
        file: file.clone(),
    };
    assert_eq!(add_received(&mut list, first), Added::New);
    file.add(About::step(Step::Problems), "Otra.".into());
    let later = Received {
        file_name: "b.json".into(),
        file,
    };
    assert_eq!(
        add_received(&mut list, later),
        Added::Replaced {
            previous_file: "a.json".into()
        }
    );
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].file.comments.len(), 5);
    assert_eq!(
        comments::reviewers(&list),
        ["Ana López, Colectivo Ciudadano"]
    );
}

#[test]
fn a_field_is_found_again_in_the_plan_as_it_is_now() {
    let plan = plan();
    let file = round(&plan);
    let field = file.comments[3].field.clone().expect("a field");
    let sections = summary(&plan, date!(2026 - 03 - 12));
    let now = comment_places::current(&sections, &field).expect("still there");
    assert_eq!(target_key(now.row.target), field.target);
    assert_eq!(now.row.value, field.value);
    assert_eq!(now.commitment, Some(CommitmentId(1)));
    assert_eq!(
        file.comments[3].commitment.as_ref().map(|c| c.id),
        Some(CommitmentId(1))
    );
}

#[test]
fn the_reviewers_fields_are_read_with_spanish_messages() {
    use plan_local_ga::domain::comments::ReviewerError;
    use plan_local_ga::messages::comments::reviewer_error;
    let e = Reviewer::parse("  ", "").expect_err("no name");
    assert_eq!(e, [ReviewerError::NoName]);
    assert_eq!(reviewer_error(e[0]), "Escriba su nombre");
    assert!(Reviewer::parse("Ana", "").is_ok());
    assert_eq!(comments::parse_text("   "), Err(comments::TextError::Empty));
}
