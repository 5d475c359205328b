//! Good practices («buenas prácticas», issue 20): marking a local commitment
//! of a loaded plan with its reasons and a note (the form's rules and
//! Spanish messages), marks kept when a plan is removed and back with it,
//! the library built from real plans (`planes-reales/borradores/`) and from
//! commitment 13's plan, its file round trip, files of other kinds, broken
//! and newer files, a practice that breaks the form's rules inside a file
//! (the same message as typed), duplicates in a file and across files, the
//! filters of «Ver ejemplos», the stored marks, and `/ejemplos` served by
//! the articulation bundle.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use plan_local_ga::bundles;
use plan_local_ga::domain::alignment::Relation;
use plan_local_ga::domain::articulation::practices::{
    parse_mark, parse_note, parse_reasons, stored, FormProblem, LeftOut, Library, MarkInput,
    Marked, Marks, PracticeError, PracticeField, Reason, Standing, MAX_NOTE,
};
use plan_local_ga::domain::articulation::{PlanKey, PlanSet};
use plan_local_ga::domain::commitment::OgpValue;
use plan_local_ga::domain::{CommitmentId, Plan};
use plan_local_ga::export::plan_pdf_with_draft;
use plan_local_ga::labels;
use plan_local_ga::messages::articulation::read_plan;
use plan_local_ga::messages::practices as words;
use plan_local_ga::persistence::practices::{self as file, LibraryError};
use plan_local_ga::persistence::{encode, Envelope};
use serde_json::{json, Value};
use time::macros::datetime;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/planes-reales/borradores/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

const MX0087: &str = "mx0087-estrategia-subnacional-2019-2021.json";
const NUEVO_LEON: &str = "nuevo-leon-coalicion-2022-2024.json";

fn draft_bytes(plan: &Plan) -> Vec<u8> {
    encode(&Envelope::new(
        plan.clone(),
        Default::default(),
        datetime!(2026-12-06 10:00:00 -6),
        1,
    ))
    .into_bytes()
}

/// The set a coordinator loaded: two real plans and commitment 13's plan
/// (Jalisco, which replicates MX0087).
fn set() -> PlanSet {
    let mut set = PlanSet::new();
    let reports = set.add_files(vec![
        ("mx0087.json".to_owned(), read_plan(&fixture(MX0087))),
        (
            "nuevo-leon.json".to_owned(),
            read_plan(&fixture(NUEVO_LEON)),
        ),
        (
            "jalisco.json".to_owned(),
            read_plan(&draft_bytes(&common::c13::plan())),
        ),
    ]);
    assert!(reports.iter().all(|r| r.is_added()), "{reports:?}");
    set
}

fn key(set: &PlanSet, i: usize) -> PlanKey {
    set.plans()[i].key.clone()
}

fn input(plan: &PlanKey, commitment: u32, reasons: &[&str], note: &str) -> MarkInput {
    MarkInput {
        plan: plan.0.clone(),
        commitment: commitment.to_string(),
        reasons: reasons.iter().map(|r| (*r).to_owned()).collect(),
        note: note.to_owned(),
    }
}

fn problems_of(set: &PlanSet, i: &MarkInput) -> Vec<(PracticeField, String)> {
    parse_mark(set, i)
        .expect_err("refused")
        .iter()
        .map(|(f, p)| (*f, words::form_problem(p)))
        .collect()
}

#[test]
fn the_reasons_and_the_note_follow_the_forms_rules() {
    assert_eq!(
        parse_reasons(&["resultados", "replicabilidad", "resultados", " "]),
        Ok(vec![Reason::Replicabilidad, Reason::Resultados])
    );
    assert_eq!(parse_reasons::<&str>(&[]), Err(PracticeError::NoReason));
    assert_eq!(
        parse_reasons(&["buena"]),
        Err(PracticeError::UnknownReason("buena".into()))
    );
    let keys: Vec<&str> = Reason::ALL.iter().map(|r| r.key()).collect();
    assert_eq!(
        keys,
        ["replicabilidad", "articulacion", "inclusion", "resultados"]
    );
    assert_eq!(
        parse_note("  Se replicó en tres municipios. "),
        Ok("Se replicó en tres municipios.".into())
    );
    assert_eq!(parse_note(" \n "), Err(PracticeError::EmptyNote));
    let at_max = "ñ".repeat(MAX_NOTE);
    assert_eq!(parse_note(&at_max), Ok(at_max.clone()));
    assert_eq!(
        parse_note(&format!("{at_max}a")),
        Err(PracticeError::NoteTooLong { max: 500 })
    );
    // The words: what to do, in plain Spanish.
    assert_eq!(
        words::practice_error(&PracticeError::NoReason),
        "Seleccione al menos una razón por la que es una buena práctica"
    );
    assert_eq!(
        words::practice_error(&PracticeError::EmptyNote),
        "Escriba una nota breve que diga por qué es una buena práctica"
    );
    assert_eq!(
        words::practice_error(&PracticeError::NoteTooLong { max: 500 }),
        "La nota debe tener 500 caracteres o menos"
    );
    let labels: Vec<&str> = Reason::ALL
        .iter()
        .map(|r| words::reason_label(*r))
        .collect();
    assert_eq!(
        labels,
        ["Replicabilidad", "Articulación", "Inclusión", "Resultados"]
    );
}

#[test]
fn the_marking_form_names_each_problem_with_its_field() {
    let set = set();
    let empty = MarkInput::default();
    assert_eq!(
        problems_of(&set, &empty),
        vec![
            (PracticeField::Plan, "Seleccione el plan".to_owned()),
            (
                PracticeField::Reasons,
                "Seleccione al menos una razón por la que es una buena práctica".to_owned()
            ),
            (
                PracticeField::Note,
                "Escriba una nota breve que diga por qué es una buena práctica".to_owned()
            ),
        ]
    );
    // A plan chosen, a commitment it does not have, a note too long.
    let jalisco = key(&set, 2);
    let long = "a".repeat(501);
    assert_eq!(
        problems_of(&set, &input(&jalisco, 99, &["inclusion"], &long)),
        vec![
            (
                PracticeField::Commitment,
                "Seleccione el compromiso".to_owned()
            ),
            (
                PracticeField::Note,
                "La nota debe tener 500 caracteres o menos".to_owned()
            ),
        ]
    );
    // A plan no longer in the set is "no plan".
    let gone = PlanKey("plan que ya no está".into());
    assert_eq!(
        parse_mark(&set, &input(&gone, 1, &["inclusion"], "Nota")).unwrap_err(),
        vec![(PracticeField::Plan, FormProblem::NoPlan)]
    );
    let ids: Vec<&str> = [
        PracticeField::Plan,
        PracticeField::Commitment,
        PracticeField::Reasons,
        PracticeField::Note,
    ]
    .iter()
    .map(|f| f.key())
    .collect();
    assert_eq!(
        ids,
        [
            "practica-plan",
            "practica-compromiso",
            "practica-razones",
            "practica-nota"
        ]
    );
}

#[test]
fn marking_changing_and_unmarking() {
    let set = set();
    let jalisco = key(&set, 2);
    let mut marks = Marks::new();
    let m = parse_mark(
        &set,
        &input(
            &jalisco,
            1,
            &["resultados", "articulacion"],
            "  Replica la estrategia nacional. ",
        ),
    )
    .expect("valid");
    assert_eq!(m.plan_name, common::c13::PLAN_NAME);
    assert_eq!(m.commitment, CommitmentId(1));
    assert_eq!(m.commitment_name, common::c13::NAME);
    assert_eq!(m.reasons, vec![Reason::Articulacion, Reason::Resultados]);
    assert_eq!(m.note, "Replica la estrategia nacional.");
    assert_eq!(marks.mark(m), Marked::Added);
    let nl = key(&set, 1);
    let second = parse_mark(
        &set,
        &input(
            &nl,
            2,
            &["inclusion"],
            "Niñas, niños y adolescentes participan.",
        ),
    )
    .expect("valid");
    assert_eq!(marks.mark(second), Marked::Added);
    // Marking the same commitment again changes it, in its place.
    let again =
        parse_mark(&set, &input(&jalisco, 1, &["replicabilidad"], "Otra nota.")).expect("valid");
    assert_eq!(marks.mark(again), Marked::Changed);
    assert_eq!(marks.len(), 2);
    assert_eq!(marks.all()[0].reasons, vec![Reason::Replicabilidad]);
    assert_eq!(marks.all()[0].note, "Otra nota.");
    assert!(marks.get(&nl, CommitmentId(2)).is_some());
    assert!(marks.unmark(&nl, CommitmentId(2)));
    assert!(!marks.unmark(&nl, CommitmentId(2)));
    assert_eq!(marks.len(), 1);
    assert!(marks.get(&nl, CommitmentId(2)).is_none());
}

#[test]
fn removing_a_plan_keeps_its_marks_out_of_the_library_until_it_comes_back() {
    let mut set = set();
    let jalisco = key(&set, 2);
    let nl = key(&set, 1);
    let mut marks = Marks::new();
    for i in [
        input(&jalisco, 1, &["articulacion"], "Replica MX0087."),
        input(&nl, 3, &["replicabilidad"], "Transparencia proactiva."),
    ] {
        marks.mark(parse_mark(&set, &i).expect("valid"));
    }
    let standing = |set: &PlanSet, marks: &Marks| -> Vec<Standing> {
        marks.standing(set).into_iter().map(|(_, s)| s).collect()
    };
    assert_eq!(
        standing(&set, &marks),
        [Standing::Present, Standing::Present]
    );

    assert!(set.remove(&jalisco));
    assert_eq!(
        standing(&set, &marks),
        [Standing::PlanAbsent, Standing::Present]
    );
    let (library, left) = Library::build(&set, &marks, "2026-12-06".into(), labels::entity_name);
    assert_eq!(library.practices.len(), 1);
    assert_eq!(
        left,
        LeftOut {
            plan_absent: 1,
            commitment_absent: 0
        }
    );
    assert_eq!(marks.left_out(&set), left);
    assert_eq!(
        words::left_out(left).as_deref(),
        Some("1 buena práctica no entra en la biblioteca porque su plan o su compromiso no está en la lista de planes. Agregue el plan de nuevo para incluirla.")
    );

    // A newer version of the plan, renamed commitment, comes back with its mark;
    // the names kept in the mark follow it.
    let mut newer = common::c13::plan();
    newer.commitments[0].name = "Estrategia subnacional, versión 2".into();
    set.add_files(vec![("jalisco-v2.json".into(), Ok(newer))]);
    assert_eq!(
        standing(&set, &marks),
        [Standing::Present, Standing::Present]
    );
    assert!(marks.refresh_names(&set));
    assert!(!marks.refresh_names(&set));
    assert_eq!(
        marks.all()[0].commitment_name,
        "Estrategia subnacional, versión 2"
    );

    // A version without the commitment: the mark stays, out of the library.
    set.remove(&jalisco);
    let mut without = common::c13::plan();
    without.commitments.clear();
    set.add_files(vec![("jalisco-v3.json".into(), Ok(without))]);
    assert_eq!(
        standing(&set, &marks),
        [Standing::CommitmentAbsent, Standing::Present]
    );
    let (_, left) = Library::build(&set, &marks, String::new(), labels::entity_name);
    assert_eq!(left.commitment_absent, 1);
}

/// The library of three practices of the loaded set.
fn library() -> Library {
    let set = set();
    let (mx, nl, jalisco) = (key(&set, 0), key(&set, 1), key(&set, 2));
    let mut marks = Marks::new();
    for i in [
        input(
            &mx,
            1,
            &["replicabilidad", "articulacion"],
            "La estrategia que los planes locales replican.",
        ),
        input(
            &nl,
            2,
            &["inclusion", "resultados"],
            "Niñas, niños y adolescentes participan en la mejora de su ciudad.",
        ),
        input(
            &jalisco,
            1,
            &["articulacion"],
            "Replica el compromiso nacional MX0087 con acciones ponderadas.",
        ),
    ] {
        marks.mark(parse_mark(&set, &i).expect("valid"));
    }
    let (library, left) = Library::build(&set, &marks, "2026-12-06".into(), labels::entity_name);
    assert_eq!(left.total(), 0);
    library
}

#[test]
fn a_library_of_real_plans_carries_what_an_example_needs() {
    let library = library();
    assert_eq!(library.date, "2026-12-06");
    assert_eq!(library.practices.len(), 3);

    // The national plan MX0087 (the federation's), as published.
    let mx = &library.practices[0];
    assert_eq!(mx.plan.name, "Cuarto Plan de Acción 2019-2021");
    assert!(mx.plan.states.is_empty(), "the federation has no state");
    assert!(!mx.plan.jurisdiction.is_empty());
    assert!(!mx.plan.period.is_empty());
    assert_eq!(mx.commitment.id, CommitmentId(1));
    assert_eq!(
        mx.commitment.title,
        "Estrategia subnacional de gobierno abierto"
    );
    assert!(mx
        .commitment
        .problem
        .starts_with("A ocho años de la creación de la Alianza"));
    let weights: Vec<Option<u8>> = mx.commitment.key_actions.iter().map(|k| k.weight).collect();
    assert_eq!(weights, [Some(35), Some(40), Some(25)]);
    assert!(mx.commitment.key_actions[0]
        .name
        .starts_with("Estudio de las condiciones de apertura"));
    assert_eq!(
        mx.commitment.sdg_targets,
        ["11.a", "11.b", "16.5", "16.6", "16.8", "16.10", "17.14", "17.16"]
    );
    assert_eq!(mx.sdg_goals(), [11, 16, 17]);
    assert_eq!(
        mx.commitment.ogp_values,
        [OgpValue::Transparencia, OgpValue::ParticipacionCiudadana]
    );
    assert_eq!(mx.commitment.national, None);
    assert_eq!(mx.reasons, [Reason::Replicabilidad, Reason::Articulacion]);

    // The Nuevo León coalition: its makers in words, its state once.
    let nl = &library.practices[1];
    assert_eq!(nl.plan.states, ["Nuevo León"]);
    assert!(
        nl.plan.jurisdiction.starts_with("Coalición:"),
        "{}",
        nl.plan.jurisdiction
    );
    assert!(nl.plan.jurisdiction.contains("Monterrey"));
    assert!(nl
        .commitment
        .title
        .starts_with("In Nuevo León, girls, boys and adolescents"));
    assert_eq!(nl.commitment.ogp_values.len(), 4);

    // Commitment 13's plan: replicates MX0087, with its title from the list.
    let jal = &library.practices[2];
    assert_eq!(jal.plan.states, ["Jalisco"]);
    let n = jal.commitment.national.as_ref().expect("aligned");
    assert_eq!(n.relation, Relation::Replica);
    assert_eq!(n.id.as_deref(), Some("MX0087"));
    assert_eq!(
        n.title.as_deref(),
        Some("Estrategia subnacional de gobierno abierto")
    );
    assert!(n.list.starts_with("4º Plan de Acción Nacional de México"));
    let jal_weights: Vec<Option<u8>> = jal
        .commitment
        .key_actions
        .iter()
        .map(|k| k.weight)
        .collect();
    assert_eq!(jal_weights, [Some(35), Some(40), Some(25)]);
    assert!(!jal.commitment.objective.is_empty());
}

#[test]
fn the_library_file_round_trips() {
    let library = library();
    let text = file::encode(&library);
    let v: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        v["format"],
        "plan-local-gobierno-abierto/biblioteca-buenas-practicas"
    );
    assert_eq!(v["version"], 1);
    assert_eq!(v["date"], "2026-12-06");
    let p = &v["practices"][2];
    assert_eq!(p["reasons"], json!(["articulacion"]));
    assert_eq!(p["commitment"]["national"]["relation"], "replica");
    assert_eq!(p["commitment"]["national"]["id"], "MX0087");
    assert_eq!(p["commitment"]["key_actions"][1]["weight"], 40);
    assert_eq!(
        p["commitment"]["ogp_values"],
        json!(["transparencia", "participacion"])
    );
    assert_eq!(p["plan"]["states"], json!(["Jalisco"]));

    let read = file::decode(text.as_bytes()).expect("reads");
    assert_eq!(read.duplicates, 0);
    assert_eq!(read.library, library);
    // With a BOM and surrounding space, as another editor may save it.
    let bom = format!("\u{feff}\n {text}\n");
    assert_eq!(
        file::decode(bom.as_bytes()).expect("reads").library,
        library
    );
    // Encoding again gives the same bytes.
    assert_eq!(file::encode(&read.library), text);
}

/// The library's JSON with `edit` applied.
fn edited(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(&file::encode(&library())).expect("JSON");
    edit(&mut v);
    serde_json::to_vec(&v).expect("JSON")
}

fn refusal(bytes: &[u8]) -> (LibraryError, String) {
    let e = file::decode(bytes).expect_err("refused");
    let text = words::library_error(&e);
    (e, text)
}

#[test]
fn files_of_other_kinds_and_broken_or_newer_files_get_clear_messages() {
    let c13 = common::c13::plan();
    let draft = draft_bytes(&c13);
    let (e, text) = refusal(&draft);
    assert_eq!(e, LibraryError::IsDraft);
    assert_eq!(text, "Este archivo es un borrador, no una biblioteca de buenas prácticas; ábralo en «Abrir un borrador».");

    let pdf = plan_pdf_with_draft(
        &c13,
        &String::from_utf8(draft.clone()).expect("UTF-8"),
        datetime!(2026-12-06 10:00:00 -6),
    )
    .expect("PDF");
    assert_eq!(refusal(&pdf).0, LibraryError::IsPlanPdf);
    let foreign =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let (e, text) = refusal(foreign);
    assert_eq!(e, LibraryError::IsPdf);
    assert!(text.starts_with("Este archivo es un PDF, no una biblioteca de buenas prácticas."));

    let comments = json!({"format": "plan-local-gobierno-abierto/observaciones", "version": 1});
    assert_eq!(
        refusal(comments.to_string().as_bytes()).0,
        LibraryError::IsComments
    );

    assert_eq!(refusal(b"").0, LibraryError::Empty);
    assert_eq!(refusal(b" \n ").0, LibraryError::Empty);
    let (e, text) =
        refusal(b"{\"format\": \"plan-local-gobierno-abierto/biblioteca-buenas-practicas\",");
    assert!(matches!(e, LibraryError::NotJson { line: 1, .. }), "{e:?}");
    assert!(text.starts_with("El archivo no es una biblioteca de buenas prácticas: su texto está dañado o no es JSON (línea 1, columna"));
    let (e, text) = refusal(b"{\"nombre\": \"otra cosa\"}");
    assert_eq!(e, LibraryError::NotLibrary);
    assert!(text.starts_with(
        "El archivo es JSON, pero no es una biblioteca de buenas prácticas de esta herramienta."
    ));
    assert_eq!(refusal(b"[1, 2]").0, LibraryError::NotLibrary);

    let newer = edited(|v| v["version"] = json!(2));
    let (e, text) = refusal(&newer);
    assert_eq!(e, LibraryError::FromNewerVersion { found: 2 });
    assert_eq!(text, "La biblioteca se hizo con una versión más reciente de esta herramienta (formato 2). Actualice la página e intente de nuevo.");
    assert_eq!(
        refusal(&edited(|v| v["version"] = json!(0))).0,
        LibraryError::UnknownVersion { found: 0 }
    );

    // A value that does not fit is named by its place.
    let bad_weight =
        edited(|v| v["practices"][2]["commitment"]["key_actions"][0]["weight"] = json!("mucho"));
    let (e, text) = refusal(&bad_weight);
    assert!(
        matches!(&e, LibraryError::Invalid { path, .. } if path == "practices[2].commitment.key_actions[0].weight"),
        "{e:?}"
    );
    assert_eq!(text, "La biblioteca tiene un dato que no se puede leer en «practices[2].commitment.key_actions[0].weight». Pida a quien la envió que la descargue de nuevo.");
    let bad_reason = edited(|v| v["practices"][0]["reasons"] = json!(["simpatia"]));
    assert!(
        matches!(refusal(&bad_reason).0, LibraryError::Invalid { path, .. } if path.starts_with("practices[0].reasons"))
    );
}

#[test]
fn a_practice_in_a_file_follows_the_same_rules_as_when_typed() {
    let long = edited(|v| v["practices"][1]["note"] = json!("x".repeat(501)));
    let (e, text) = refusal(&long);
    assert_eq!(
        e,
        LibraryError::Practice {
            number: 2,
            title: library().practices[1].commitment.title.clone(),
            error: PracticeError::NoteTooLong { max: 500 }
        }
    );
    assert!(
        text.starts_with("La buena práctica 2 de la biblioteca («In Nuevo León, girls, boys"),
        "{text}"
    );
    assert!(
        text.contains(
            ": la nota debe tener 500 caracteres o menos. Pida a quien la envió que la corrija"
        ),
        "{text}"
    );
    let empty = edited(|v| v["practices"][0]["note"] = json!("   "));
    assert!(matches!(
        refusal(&empty).0,
        LibraryError::Practice {
            number: 1,
            error: PracticeError::EmptyNote,
            ..
        }
    ));
    let none = edited(|v| v["practices"][2]["reasons"] = json!([]));
    let (e, text) = refusal(&none);
    assert!(matches!(
        e,
        LibraryError::Practice {
            number: 3,
            error: PracticeError::NoReason,
            ..
        }
    ));
    assert!(text.contains("seleccione al menos una razón"), "{text}");
    // 500 characters and spaces around: read as typed (trimmed).
    let at_max = edited(|v| v["practices"][0]["note"] = json!(format!("  {}  ", "é".repeat(500))));
    let read = file::decode(&at_max).expect("reads");
    assert_eq!(read.library.practices[0].note, "é".repeat(500));
}

#[test]
fn duplicates_in_a_file_and_across_files_are_recognised() {
    let twice = edited(|v| {
        let first = v["practices"][0].clone();
        v["practices"].as_array_mut().expect("list").push(first);
    });
    let read = file::decode(&twice).expect("reads");
    assert_eq!(read.duplicates, 1);
    assert_eq!(read.library.practices.len(), 3);

    // Loading a second library: what is there stays, the new ones join.
    let mut loaded = library();
    let mut other = library();
    other.practices[0].note = "Otra nota del mismo compromiso.".into();
    other.practices.truncate(1);
    let mut extra = other.practices[0].clone();
    extra.commitment.id = CommitmentId(2);
    extra.commitment.title = "Otro compromiso".into();
    other.practices.push(extra);
    other.date = "2027-01-15".into();
    let added = loaded.add(other);
    assert_eq!((added.added, added.duplicates), (1, 1));
    assert_eq!(loaded.practices.len(), 4);
    assert_eq!(
        loaded.practices[0].note,
        "La estrategia que los planes locales replican."
    );
    assert_eq!(loaded.date, "2027-01-15", "the most recent library's day");
    assert_eq!(
        words::loaded(added, 1),
        "Se agregó 1 ejemplo. 2 ejemplos ya estaban cargados o venían repetidos, así que no se agregaron otra vez."
    );
}

#[test]
fn the_examples_filter_by_national_commitment_and_sdg_goal() {
    let library = library();
    let list = library.practices[2]
        .commitment
        .national
        .as_ref()
        .expect("aligned")
        .list
        .clone();
    assert_eq!(
        library.national_commitments(),
        vec![(
            list.clone(),
            "MX0087".to_owned(),
            "Estrategia subnacional de gobierno abierto".to_owned()
        )]
    );
    assert_eq!(library.filtered(None, None), [0, 1, 2]);
    assert_eq!(library.filtered(Some((&list, "MX0087")), None), [2]);
    assert_eq!(
        library.filtered(Some(("otra lista", "MX0087")), None),
        Vec::<usize>::new()
    );
    assert_eq!(library.filtered(None, Some(17)), [0, 2]);
    let goals = library.sdg_goals();
    assert!(
        goals.contains(&11) && goals.contains(&16) && goals.contains(&17),
        "{goals:?}"
    );
    for g in &goals {
        assert!(!library.filtered(None, Some(*g)).is_empty());
    }
    assert_eq!(library.filtered(None, Some(1)), Vec::<usize>::new());
}

#[test]
fn the_marks_as_stored() {
    let set = set();
    let mut marks = Marks::new();
    marks.mark(
        parse_mark(
            &set,
            &input(
                &key(&set, 2),
                1,
                &["inclusion", "resultados"],
                "Nota con «comillas» y ñ.",
            ),
        )
        .expect("valid"),
    );
    let text = stored::encode(&marks);
    assert!(text.starts_with(
        "{\"format\":\"plan-local-gobierno-abierto/buenas-practicas\",\"version\":1,"
    ));
    assert_eq!(stored::decode(&text), Ok(marks));
    assert_eq!(
        stored::decode(&stored::encode(&Marks::new())),
        Ok(Marks::new())
    );
    assert_eq!(
        stored::decode("{\"format\":\"plan-local-gobierno-abierto/buenas-practicas\",\"version\":2,\"marks\":[]}"),
        Err(stored::StoredError::Newer { found: 2 })
    );
    assert_eq!(stored::decode("[]"), Err(stored::StoredError::NotMarks));
    assert_eq!(
        stored::decode("{\"format\":\"plan-local-gobierno-abierto/articulacion\",\"version\":1}"),
        Err(stored::StoredError::NotMarks)
    );
}

#[test]
fn the_examples_page_is_in_the_articulation_bundle() {
    let html = std::fs::read_to_string("index.html").expect("index.html");
    let sections: Vec<_> = html
        .split("<meta name=\"section\" content=\"")
        .skip(1)
        .filter_map(|s| bundles::parse(&s[..s.find('"').expect("end")]))
        .collect();
    assert_eq!(
        bundles::serving("/ejemplos", &sections),
        Some(bundles::ARTICULATION)
    );
    assert_eq!(
        bundles::serving("/articulacion", &sections),
        Some(bundles::ARTICULATION)
    );
    assert_eq!(bundles::serving("/plan/compromisos/1", &sections), None);
}
