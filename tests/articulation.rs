//! "Articulación nacional" (issue 20): many plans read from files as «Abrir
//! un borrador» reads one, duplicates recognised, the articulation matrix and
//! the seed commitment's indicator for a small set checked by hand, the
//! counts per state, the filters, and the set as stored in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Instant;

use plan_local_ga::domain::alignment::{NationalEntry, NationalLink, NationalPlan, Relation};
use plan_local_ga::domain::articulation::index::{Counts, Filters, Index, Level, NationalRef};
use plan_local_ga::domain::articulation::stored::{self, StoredError};
use plan_local_ga::domain::articulation::{FileOutcome, PlanKey, PlanSet};
use plan_local_ga::domain::{
    Commitment, CommitmentId, Jurisdiction, Jurisdictions, Plan, ProfileInput, Unknown,
};
use plan_local_ga::export::plan_pdf_with_draft;
use plan_local_ga::messages::{self, articulation::read_plan};
use plan_local_ga::persistence::{encode, DecodeError, Envelope};
use time::macros::datetime;

fn when() -> time::OffsetDateTime {
    datetime!(2026-12-06 10:00:00 -6)
}

/// A draft file's bytes, as «Descargar borrador (JSON)» writes them.
fn json_file(plan: &Plan) -> Vec<u8> {
    encode(&Envelope::new(plan.clone(), Default::default(), when(), 1)).into_bytes()
}

/// A PDF exported by the app, the draft inside.
fn pdf_file(plan: &Plan) -> Vec<u8> {
    let draft = encode(&Envelope::new(plan.clone(), Default::default(), when(), 1));
    plan_pdf_with_draft(plan, &draft, when()).expect("the PDF renders")
}

/// A PDF made by another program: a minimal valid one-page PDF, no draft.
const FOREIGN_PDF: &[u8] = b"%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
trailer << /Root 1 0 R >>
%%EOF
";

/// Another national list, whose ids partly repeat the 4th plan's ("MX0081").
fn list_b() -> NationalPlan {
    let entry = |id: &str, title: &str| NationalEntry {
        id: id.into(),
        title: title.into(),
        title_in_english: false,
        institutions: String::new(),
        unknown: Unknown::new(),
    };
    NationalPlan {
        name: "Plan de Acción Nacional de prueba 2027-2029".into(),
        commitments: vec![
            entry("MX0081", "Compromiso B uno"),
            entry("PB02", "Compromiso B dos"),
        ],
        unknown: Unknown::new(),
    }
}

fn jurisdictions(codes: &[&str]) -> Jurisdictions {
    let members = codes
        .iter()
        .map(|c| Jurisdiction::from_catalog(c).expect("a catalogue code"))
        .collect();
    Jurisdictions::with_lead(members, 0).expect("valid makers")
}

/// A plan by `codes` (the first leads), aligned to `list`, with one
/// commitment per link (`None`: not aligned).
fn plan(
    name: &str,
    codes: &[&str],
    list: NationalPlan,
    links: &[Option<(Relation, &str)>],
) -> Plan {
    let mut profile = ProfileInput {
        kind: "estado".into(),
        state: "14".into(),
        plan_name: name.into(),
        start: "01/01/2026".into(),
        end: "31/12/2027".into(),
        ..ProfileInput::default()
    }
    .parse()
    .expect("valid profile");
    profile.jurisdictions = jurisdictions(codes);
    let mut plan = Plan {
        profile: Some(profile),
        national_plan: list,
        ..Plan::default()
    };
    for (i, link) in links.iter().enumerate() {
        let mut c = Commitment::new(
            CommitmentId(i as u32 + 1),
            format!("Compromiso {}", i + 1),
            None,
        );
        c.alignment.national = link.map(|(relation, id)| {
            let id = (relation != Relation::Nuevo).then(|| id.to_owned());
            NationalLink::new(relation, id).expect("valid link")
        });
        plan.commitments.push(c);
    }
    plan
}

use Relation::{Complementa as C, Nuevo as N, Replica as R};

fn queretaro() -> Plan {
    plan(
        "Plan de Acción Local Querétaro 2026-2027",
        &["22014"],
        NationalPlan::fourth_plan(),
        &[
            Some((R, "MX0087")),
            Some((C, "MX0087")),
            Some((C, "MX0081")),
            Some((N, "")),
            None,
        ],
    )
}

fn coalition() -> Plan {
    // Nuevo León with San Pedro Garza García and, across the state line,
    // Saltillo (Coahuila): it counts in both states.
    plan(
        "Plan de Acción de la coalición norte",
        &["19", "19019", "05030"],
        NationalPlan::fourth_plan(),
        &[Some((C, "MX0081")), Some((R, "MX0075"))],
    )
}

fn oaxaca() -> Plan {
    plan(
        "Plan de Acción Local de Oaxaca",
        &["20"],
        list_b(),
        &[Some((R, "MX0081")), Some((C, "PB02"))],
    )
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/planes-reales/borradores/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// The hand-checked set: the files a coordinator received, in order.
fn files() -> Vec<(String, Vec<u8>)> {
    let c13 = common::c13::plan();
    let mut qro_v2 = queretaro();
    qro_v2.commitments[0].name = "Compromiso 1, corregido".into();
    let mut broken = json_file(&queretaro());
    broken.truncate(broken.len() / 2);
    vec![
        ("jalisco-c13.json".into(), json_file(&c13)),
        ("queretaro.pdf".into(), pdf_file(&queretaro())),
        ("coalicion.json".into(), json_file(&coalition())),
        ("oaxaca-lista-b.json".into(), json_file(&oaxaca())),
        (
            "quintana-roo.json".into(),
            fixture("quintana-roo-2023-2025.json"),
        ),
        (
            "mx0087.json".into(),
            fixture("mx0087-estrategia-subnacional-2019-2021.json"),
        ),
        ("jalisco-copia.json".into(), json_file(&c13)),
        ("queretaro-v2.json".into(), json_file(&qro_v2)),
        ("roto.json".into(), broken),
        ("otro.pdf".into(), FOREIGN_PDF.to_vec()),
    ]
}

fn loaded() -> (
    PlanSet,
    Vec<plan_local_ga::domain::articulation::FileReport>,
) {
    let mut set = PlanSet::new();
    let reports = set.add_files(
        files()
            .into_iter()
            .map(|(name, bytes)| (name, read_plan(&bytes))),
    );
    (set, reports)
}

fn counts(replica: usize, complementa: usize) -> Counts {
    Counts {
        replica,
        complementa,
    }
}

#[test]
fn each_file_is_added_repeated_or_refused_with_its_reason() {
    let (set, reports) = loaded();
    assert_eq!(reports.len(), 10);
    let added: Vec<&str> = reports
        .iter()
        .filter(|r| r.is_added())
        .map(|r| r.file_name.as_str())
        .collect();
    assert_eq!(
        added,
        [
            "jalisco-c13.json",
            "queretaro.pdf",
            "coalicion.json",
            "oaxaca-lista-b.json",
            "quintana-roo.json",
            "mx0087.json"
        ]
    );
    assert_eq!(set.len(), 6);
    // The same file twice: the same plan, the same content.
    assert!(matches!(
        &reports[6].outcome,
        FileOutcome::Duplicate { first_file, same_content: true, .. } if first_file == "jalisco-c13.json"
    ));
    // Another version (a commitment renamed): the same plan, kept once, the
    // first one stays.
    assert!(matches!(
        &reports[7].outcome,
        FileOutcome::Duplicate { first_file, same_content: false, .. } if first_file == "queretaro.pdf"
    ));
    assert_eq!(
        set.get(&PlanKey::of(&queretaro()))
            .expect("kept")
            .plan
            .commitments[0]
            .name,
        "Compromiso 1"
    );
    // The broken file and the foreign PDF: «Abrir un borrador»'s words.
    let FileOutcome::Refused { reason } = &reports[8].outcome else {
        panic!("the broken file is refused: {:?}", reports[8]);
    };
    assert!(
        reason
            .starts_with("El archivo no es un borrador de esta herramienta: su texto está dañado"),
        "{reason}"
    );
    let FileOutcome::Refused { reason } = &reports[9].outcome else {
        panic!("the foreign PDF is refused: {:?}", reports[9]);
    };
    assert_eq!(
        reason,
        &messages::decode_error(&DecodeError::PdfWithoutDraft)
    );

    // What the page says of each file not added.
    let first = |r: &plan_local_ga::domain::articulation::FileReport| match &r.outcome {
        FileOutcome::Duplicate { key, .. } => {
            set.get(key).map(|p| p.plan.display_name().to_owned())
        }
        _ => None,
    };
    let said: Vec<String> = reports
        .iter()
        .filter_map(|r| messages::articulation::not_added(r, first(r).as_deref()))
        .collect();
    assert_eq!(said.len(), 4);
    assert!(said[0].starts_with(&format!(
        "El plan «{}» ya está en la lista (llegó con el archivo «jalisco-c13.json»)",
        common::c13::PLAN_NAME
    )));
    assert!(said[1].starts_with(
        "Es otra versión del plan «Plan de Acción Local Querétaro 2026-2027», que ya está en la lista con el archivo «queretaro.pdf»"
    ));
    assert_eq!(
        messages::articulation::added_summary(6, 4),
        "Se agregaron 6 planes. 4 archivos no se agregaron: vea por qué abajo."
    );
}

#[test]
fn the_key_ignores_case_accents_and_spaces_but_not_makers_or_period() {
    let a = queretaro();
    let mut b = a.clone();
    b.profile.as_mut().expect("profile").plan_name =
        "  plan de accion LOCAL  Querétaro 2026-2027 ".into();
    assert_eq!(PlanKey::of(&a), PlanKey::of(&b));
    let mut other_maker = a.clone();
    other_maker.profile.as_mut().expect("profile").jurisdictions = jurisdictions(&["22"]);
    assert_ne!(PlanKey::of(&a), PlanKey::of(&other_maker));
    let later = plan(
        "Plan de Acción Local Querétaro 2026-2027",
        &["22014"],
        NationalPlan::fourth_plan(),
        &[],
    );
    let mut later = later;
    let p = later.profile.as_mut().expect("profile");
    p.period = ProfileInput {
        kind: "estado".into(),
        state: "22".into(),
        plan_name: "x".into(),
        start: "01/01/2028".into(),
        end: "31/12/2029".into(),
        ..ProfileInput::default()
    }
    .parse()
    .expect("valid")
    .period;
    assert_ne!(PlanKey::of(&a), PlanKey::of(&later));
    // No profile: the content decides.
    let empty = Plan::default();
    assert!(PlanKey::of(&empty).0.starts_with("huella:"));
}

#[test]
fn the_matrix_and_the_indicator_of_the_hand_checked_set() {
    let (set, _) = loaded();
    let index = Index::build(&set);
    // Two lists, kept apart: the 4th plan (every plan but Oaxaca's) and list B.
    assert_eq!(index.groups.len(), 2);
    assert_eq!(index.groups[0].name, NationalPlan::fourth_plan().name);
    assert_eq!(index.groups[0].entries.len(), 13);
    assert_eq!(index.groups[1].name, list_b().name);
    let view = index.view(&Filters::default());

    let g = &view.groups[0];
    let entry = |id: &str| {
        let pos = index.groups[0]
            .entries
            .iter()
            .position(|e| e.id == id)
            .expect("listed");
        &g.entries[pos]
    };
    // MX0087: Jalisco replicates it once; Querétaro replicates and complements it.
    assert_eq!(entry("MX0087").counts, counts(2, 1));
    assert_eq!(entry("MX0087").plans, 2);
    // MX0081 of the 4th plan: Querétaro and the coalition complement it;
    // Oaxaca's MX0081 is list B's and does not count here.
    assert_eq!(entry("MX0081").counts, counts(0, 2));
    assert_eq!(entry("MX0075").counts, counts(1, 0));
    assert_eq!(entry("MX0076").counts, counts(0, 0));
    assert_eq!(g.counts, counts(3, 3));
    assert_eq!(g.counts.actions(), 6);
    // Four local plans; the federation's plan is not a column.
    let names: Vec<&str> = g
        .plans
        .iter()
        .map(|c| set.plans()[index.plans[c.row].position].plan.display_name())
        .collect();
    assert_eq!(
        names,
        [
            common::c13::PLAN_NAME,
            "Plan de Acción Local Querétaro 2026-2027",
            "Plan de Acción de la coalición norte",
            "Action plan – Quintana Roo, Mexico, 2023 – 2025",
        ]
    );
    let qro = &g.plans[1];
    assert_eq!(qro.counts, counts(1, 2));
    assert_eq!(qro.unlinked, 2, "a new commitment and one not aligned");
    // Quintana Roo's plan has no alignment: a column of zeros, 4 unlinked.
    assert_eq!(g.plans[3].counts, counts(0, 0));
    assert_eq!(g.plans[3].unlinked, 4);
    assert_eq!(g.unlinked, 6);

    let b = &view.groups[1];
    assert_eq!(b.entries.len(), 2);
    assert_eq!(b.entries[0].counts, counts(1, 0));
    assert_eq!(b.entries[1].counts, counts(0, 1));
    assert_eq!(b.plans.len(), 1);

    // The indicator: 8 local actions (4 replicate, 4 complement) in 5 local
    // plans with 14 commitments; 6 plans with the federation's.
    assert_eq!(view.totals.counts, counts(4, 4));
    assert_eq!(view.totals.local_plans, 5);
    assert_eq!(view.totals.commitments, 14);
    assert_eq!(view.totals.plans, 6);
    assert_eq!(view.federal_plans, 1);
    assert_eq!(view.federal_commitments, 1);
}

#[test]
fn counts_per_state_count_a_coalition_in_each_members_state() {
    let (set, _) = loaded();
    let view = Index::build(&set).view(&Filters::default());
    assert_eq!(view.states.len(), 32);
    let row = |code: &str| {
        let r = view.states.iter().find(|s| s.code == code).expect("state");
        (r.plans, r.commitments, r.actions)
    };
    assert_eq!(row("14"), (1, 1, 1), "Jalisco");
    assert_eq!(row("22"), (1, 5, 3), "Querétaro");
    assert_eq!(
        row("19"),
        (1, 2, 2),
        "Nuevo León, two members of the coalition, once"
    );
    assert_eq!(row("05"), (1, 2, 2), "Coahuila, through Saltillo");
    assert_eq!(row("23"), (1, 4, 0), "Quintana Roo");
    assert_eq!(row("20"), (1, 2, 2), "Oaxaca");
    assert_eq!(row("09"), (0, 0, 0));
    assert_eq!(view.states.iter().map(|s| s.plans).sum::<usize>(), 6);
    assert_eq!(view.without_state, 0);
}

#[test]
fn filters_by_state_level_and_national_commitment() {
    let (set, _) = loaded();
    let index = Index::build(&set);
    let mx = |group: usize, id: &str| NationalRef {
        group,
        entry: index.groups[group]
            .entries
            .iter()
            .position(|e| e.id == id)
            .expect("listed"),
    };

    let nl = index.view(&Filters {
        state: Some("19".into()),
        ..Filters::default()
    });
    assert_eq!(nl.plans.len(), 1);
    assert_eq!(nl.totals.commitments, 2);
    assert_eq!(nl.totals.counts, counts(1, 1));
    assert_eq!(nl.groups.len(), 1);
    assert_eq!(index.states_present(), ["05", "14", "19", "20", "22", "23"]);

    let municipal = index.view(&Filters {
        level: Some(Level::Municipio),
        ..Filters::default()
    });
    assert_eq!(
        municipal.totals.local_plans, 2,
        "Querétaro and the coalition"
    );
    assert_eq!(municipal.totals.commitments, 7);
    assert_eq!(municipal.totals.counts.actions(), 5);

    let federal = index.view(&Filters {
        level: Some(Level::Federacion),
        ..Filters::default()
    });
    assert_eq!((federal.plans.len(), federal.federal_plans), (1, 1));
    assert!(federal.groups.is_empty());

    // The 4th plan's MX0081: the plans that link to it, and only those links.
    let n = index.view(&Filters {
        national: Some(mx(0, "MX0081")),
        ..Filters::default()
    });
    assert_eq!(n.totals.local_plans, 2);
    assert_eq!(n.totals.commitments, 2);
    assert_eq!(n.groups.len(), 1);
    assert_eq!(n.groups[0].entries.len(), 1);
    assert_eq!(n.groups[0].entries[0].counts, counts(0, 2));
    assert_eq!(n.groups[0].plans[0].cells, vec![counts(0, 1)]);
    let row = |code: &str| {
        let r = n.states.iter().find(|s| s.code == code).expect("state");
        (r.plans, r.commitments, r.actions)
    };
    assert_eq!(row("22"), (1, 1, 1));
    assert_eq!(row("05"), (1, 1, 1));
    assert_eq!(row("14"), (0, 0, 0));
    // List B's MX0081 is another commitment.
    let b = index.view(&Filters {
        national: Some(mx(1, "MX0081")),
        ..Filters::default()
    });
    assert_eq!(b.totals.counts, counts(1, 0));
    assert_eq!(b.groups[0].group, 1);

    // Combined: Querétaro and MX0087.
    let both = index.view(&Filters {
        state: Some("22".into()),
        national: Some(mx(0, "MX0087")),
        ..Filters::default()
    });
    assert_eq!(both.totals.commitments, 2);
    assert_eq!(both.totals.counts, counts(1, 1));
    // A state with no plan leaves nothing.
    let none = index.view(&Filters {
        state: Some("09".into()),
        ..Filters::default()
    });
    assert!(none.plans.is_empty() && none.groups.is_empty());
    assert_eq!(none.totals.counts.actions(), 0);
}

#[test]
fn removing_plans_and_the_set_as_stored() {
    let (mut set, _) = loaded();
    let text = stored::encode(&set);
    let back = stored::decode(&text).expect("reads back");
    assert_eq!(back.set, set);
    assert_eq!(back.unreadable, 0);

    // One stored plan damaged: the others come back.
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value["plans"][1]["plan"]["commitments"] = serde_json::json!("no es una lista");
    let partial = stored::decode(&value.to_string()).expect("reads back");
    assert_eq!(partial.set.len(), 5);
    assert_eq!(partial.unreadable, 1);
    assert_eq!(
        messages::articulation::stored_plans_unreadable(1),
        "Un plan guardado en este navegador no se pudo leer y se dejó fuera. Agréguelo de nuevo desde su archivo."
    );
    assert_eq!(stored::decode("{}"), Err(StoredError::NotASet));
    assert_eq!(stored::decode("no"), Err(StoredError::NotASet));
    let newer = text.replacen("\"version\":1", "\"version\":2", 1);
    assert_eq!(stored::decode(&newer), Err(StoredError::Newer { found: 2 }));

    let key = PlanKey::of(&queretaro());
    assert!(set.remove(&key));
    assert!(!set.remove(&key));
    assert_eq!(set.len(), 5);
    let view = Index::build(&set).view(&Filters::default());
    assert_eq!(view.totals.counts, counts(3, 2));
    set.clear();
    assert!(set.is_empty());
    assert_eq!(
        stored::decode(&stored::encode(&set))
            .expect("empty")
            .set
            .len(),
        0
    );
}

/// Guards the set's index by key: after a plan in the middle is removed, the
/// plans after it are still found, and a copy of one is still recognised.
#[test]
fn removing_a_plan_keeps_the_others_found_by_key() {
    let (mut set, _) = loaded();
    let keys: Vec<PlanKey> = set.plans().iter().map(|p| p.key.clone()).collect();
    assert!(set.remove(&keys[1]));
    assert!(set.get(&keys[1]).is_none());
    for key in keys.iter().filter(|k| *k != &keys[1]) {
        assert_eq!(set.get(key).map(|p| &p.key), Some(key));
    }
    let last = set.plans().last().cloned().expect("a plan");
    assert!(matches!(set.add(last), FileOutcome::Duplicate { .. }));
    set.clear();
    assert!(set.get(&keys[0]).is_none());
    assert_eq!(set, PlanSet::new());
}

#[test]
fn the_set_as_one_record_per_plan() {
    let (set, _) = loaded();
    // Records come back in their order, whatever order the store gives them.
    let mut records: Vec<String> = set
        .plans()
        .iter()
        .enumerate()
        .map(|(i, p)| stored::encode_record(1_000 + i as u64, p))
        .collect();
    records.reverse();
    let back = stored::decode_records(&records);
    assert_eq!(back.set, set);
    assert_eq!(back.unreadable, 0);

    // One record damaged, one not a record at all: the others come back.
    let mut value: serde_json::Value = serde_json::from_str(&records[1]).expect("JSON");
    value["plan"]["commitments"] = serde_json::json!("no es una lista");
    records[1] = value.to_string();
    records.push("no".to_owned());
    let partial = stored::decode_records(&records);
    assert_eq!(partial.set.len(), set.len() - 1);
    assert_eq!(partial.unreadable, 2);

    // A record repeated (written twice): the plan comes back once.
    let twice = [
        stored::encode_record(1, &set.plans()[0]),
        stored::encode_record(2, &set.plans()[0]),
    ];
    assert_eq!(stored::decode_records(&twice).set.len(), 1);
    assert_eq!(stored::decode_records(Vec::<String>::new()).set.len(), 0);
}

/// Not a timed test (the figures are printed, nothing is asserted of them):
/// how long 500 generated plans take to join the set, be indexed and be
/// filtered. `cargo test --release --test articulation -- --nocapture`.
#[test]
fn five_hundred_plans_rough_figures() {
    let states: Vec<&str> = plan_local_ga::catalog::STATES
        .iter()
        .map(|s| s.code)
        .collect();
    let ids: Vec<String> = NationalPlan::fourth_plan()
        .commitments
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let plans: Vec<(String, Result<Plan, String>)> = (0..500)
        .map(|i| {
            let state = states[i % 32];
            let municipalities = plan_local_ga::catalog::municipalities_of(state);
            let code = if i % 3 == 0 {
                state
            } else {
                municipalities[i % municipalities.len()].code
            };
            let links: Vec<Option<(Relation, &str)>> = (0..(1 + i % 15))
                .map(|k| match k % 4 {
                    0 => Some((R, ids[(i + k) % ids.len()].as_str())),
                    1 => Some((C, ids[(i * 7 + k) % ids.len()].as_str())),
                    2 => Some((N, "")),
                    _ => None,
                })
                .collect();
            let p = plan(
                &format!("Plan local {i}"),
                &[code],
                NationalPlan::fourth_plan(),
                &links,
            );
            (format!("plan-{i}.json"), Ok(p))
        })
        .collect();
    let start = Instant::now();
    let mut set = PlanSet::new();
    let reports = set.add_files(plans);
    let added = start.elapsed();
    assert!(reports.iter().all(|r| r.is_added()));
    let start = Instant::now();
    let index = Index::build(&set);
    let built = start.elapsed();
    let start = Instant::now();
    let all = index.view(&Filters::default());
    let unfiltered = start.elapsed();
    let start = Instant::now();
    let one = index.view(&Filters {
        state: Some("14".into()),
        ..Filters::default()
    });
    let filtered = start.elapsed();
    let start = Instant::now();
    let text = stored::encode(&set);
    let encoded = start.elapsed();
    assert_eq!(all.totals.local_plans, 500);
    assert!(one.totals.local_plans < 500 && one.totals.local_plans > 0);
    eprintln!(
        "500 plans: add (keys, fingerprints) {added:?}, index {built:?}, view {unfiltered:?}, \
         state filter {filtered:?}, stored text {} KB in {encoded:?}",
        text.len() / 1024
    );
}

#[test]
fn the_maps_classes_cover_zero_then_up_to_four_equal_ranges() {
    use plan_local_ga::domain::articulation::map::{bins, class_of, Bin};
    let b = |from, to| Bin { from, to };
    assert_eq!(bins(0), [b(0, 0)]);
    assert_eq!(bins(3), [b(0, 0), b(1, 1), b(2, 2), b(3, 3)]);
    assert_eq!(bins(4), [b(0, 0), b(1, 1), b(2, 2), b(3, 3), b(4, 4)]);
    assert_eq!(bins(5), [b(0, 0), b(1, 2), b(3, 4), b(5, 5)]);
    assert_eq!(bins(12), [b(0, 0), b(1, 3), b(4, 6), b(7, 9), b(10, 12)]);
    let ten = bins(10);
    assert_eq!(ten, [b(0, 0), b(1, 3), b(4, 6), b(7, 9), b(10, 10)]);
    assert_eq!(class_of(&ten, 0), 0);
    assert_eq!(class_of(&ten, 3), 1);
    assert_eq!(class_of(&ten, 4), 2);
    assert_eq!(class_of(&ten, 10), 4);
    assert_eq!(class_of(&ten, 99), 4, "above every class: the last");
    assert_eq!(messages::articulation::bin_label(b(0, 0)), "0");
    assert_eq!(messages::articulation::bin_label(b(4, 6)), "4 a 6");
    assert_eq!(
        messages::articulation::bin_label(b(1000, 2500)),
        "1,000 a 2,500"
    );
}

#[test]
fn the_map_shades_each_state_and_names_its_counts() {
    use plan_local_ga::domain::articulation::map::{map_view, Measure, STATE_PATHS};
    let (set, _) = loaded();
    let view = Index::build(&set).view(&Filters::default());
    let class = |m: &plan_local_ga::domain::articulation::map::MapView, code: &str| {
        m.states
            .iter()
            .find(|s| s.code == code)
            .expect("state")
            .class
    };
    // By plans: every state with a plan has 1 (one class: 0, 1).
    let by_plans = map_view(&view.states, Measure::Plans);
    assert_eq!(by_plans.bins.len(), 2);
    assert_eq!(by_plans.states.len(), 32);
    assert_eq!(class(&by_plans, "14"), 1);
    assert_eq!(class(&by_plans, "09"), 0);
    // By commitments: Querétaro 5, Quintana Roo 4, Coahuila 2, Jalisco 1:
    // classes 0 | 1-2 | 3-4 | 5.
    let by_commitments = map_view(&view.states, Measure::Commitments);
    assert_eq!(by_commitments.bins.len(), 4);
    assert_eq!(class(&by_commitments, "22"), 3);
    assert_eq!(class(&by_commitments, "23"), 2);
    assert_eq!(class(&by_commitments, "05"), 1);
    assert_eq!(class(&by_commitments, "14"), 1);
    assert_eq!(class(&by_commitments, "31"), 0);
    // Shades: the most is always the darkest (n4); fewer classes take the
    // darkest ones.
    use plan_local_ga::domain::articulation::map::shade;
    let shades = |m: &plan_local_ga::domain::articulation::map::MapView, code: &str| {
        m.states
            .iter()
            .find(|s| s.code == code)
            .expect("state")
            .shade
    };
    assert_eq!(shades(&by_plans, "14"), 4);
    assert_eq!(shades(&by_plans, "09"), 0);
    assert_eq!(
        ["22", "23", "05", "31"].map(|c| shades(&by_commitments, c)),
        [4, 3, 2, 0]
    );
    assert_eq!(
        (0..5).map(|c| shade(5, c)).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4]
    );
    assert_eq!((0..3).map(|c| shade(3, c)).collect::<Vec<_>>(), [0, 3, 4]);
    assert_eq!(shade(1, 0), 0);
    let qro = by_commitments
        .states
        .iter()
        .find(|s| s.code == "22")
        .expect("Querétaro");
    assert_eq!(
        messages::articulation::map_state_label(qro.name, qro.plans, qro.commitments),
        "Querétaro: 1 plan, 5 compromisos"
    );
    assert_eq!(
        messages::articulation::map_state_label("Jalisco", 3, 12),
        "Jalisco: 3 planes, 12 compromisos"
    );
    // The outlines: one per state, in INEGI order, closed, and small.
    let codes: Vec<String> = STATE_PATHS.iter().map(|(c, _)| (*c).to_owned()).collect();
    let expected: Vec<String> = (1..=32).map(|n| format!("{n:02}")).collect();
    assert_eq!(codes, expected);
    assert!(STATE_PATHS
        .iter()
        .all(|(_, d)| d.starts_with('M') && d.ends_with('z')));
    let bytes: usize = STATE_PATHS.iter().map(|(_, d)| d.len()).sum();
    assert!(bytes < 40_000, "{bytes} bytes of outlines");
}

/// The small set of the CSV test: Querétaro (one commitment with every
/// column filled, a comma and quotes in its name; one not aligned) and
/// Oaxaca (list B), and a filter that leaves Oaxaca out.
fn csv_set() -> PlanSet {
    use plan_local_ga::domain::commitment::{OgpValue, ValueReason};
    let mut qro = plan(
        "Plan de Acción Local Querétaro 2026-2027",
        &["22014"],
        NationalPlan::fourth_plan(),
        &[Some((R, "MX0087")), None],
    );
    let c = &mut qro.commitments[0];
    c.name = "Datos \"abiertos\", para todos".into();
    c.alignment.sdg_targets = vec!["16.6".into(), "16.10".into()];
    c.alignment.pnd_axis = Some("Eje general 1. Justicia y Estado de Derecho".into());
    c.alignment.gender = Some("Brecha digital de las mujeres rurales".into());
    c.values = vec![
        ValueReason {
            value: OgpValue::Transparencia,
            reason: String::new(),
            unknown: Unknown::new(),
        },
        ValueReason {
            value: OgpValue::Inclusion,
            reason: String::new(),
            unknown: Unknown::new(),
        },
    ];
    // The key actions of commitment 13 (weights 35, 40 and 25) at 51 %, 30 %
    // and 10 %: 17.85 + 12 + 2.5 = 32.35 %.
    c.key_actions = common::c13::plan().commitments[0].key_actions.clone();
    for (k, p) in c.key_actions.iter_mut().zip([51, 30, 10]) {
        k.progress = Some(p);
    }
    let mut set = PlanSet::new();
    set.add(plan_local_ga::domain::articulation::LoadedPlan::new(
        "queretaro.json",
        qro,
    ));
    set.add(plan_local_ga::domain::articulation::LoadedPlan::new(
        "oaxaca.pdf",
        oaxaca(),
    ));
    set
}

#[test]
fn the_csv_bytes_of_a_small_set() {
    use plan_local_ga::export::content::articulation_csv::articulation_csv;
    let set = csv_set();
    let index = Index::build(&set);
    let all = Filters::default();
    let csv = articulation_csv(&set, &index, &index.view(&all), &all);
    let header = "\u{feff}plan,file,jurisdiction,states,inegi_codes,levels,period_start,period_end,commitment_number,commitment_id,commitment_name,national_list,national_commitment,national_title,relation,sdg_targets,ogp_values,pnd_axis,gender_perspective,policy_area,progress_percent,progress_round\r\n";
    let fourth =
        "4º Plan de Acción Nacional de México en la Alianza para el Gobierno Abierto (2019-2021)";
    let qro = "Plan de Acción Local Querétaro 2026-2027,queretaro.json,Municipio de Querétaro,Querétaro,22014,municipio,2026-01-01,2027-12-31";
    let qro_rows = format!(
        "{qro},1,1,\"Datos \"\"abiertos\"\", para todos\",{fourth},MX0087,Estrategia subnacional de gobierno abierto,replica,16.6 | 16.10,transparencia | inclusion,Eje general 1. Justicia y Estado de Derecho,Brecha digital de las mujeres rurales,,32.35,\r\n\
         {qro},2,2,Compromiso 2,{fourth},,,,,,,,,,\r\n"
    );
    let oax = "Plan de Acción Local de Oaxaca,oaxaca.pdf,Estado de Oaxaca,Oaxaca,20,estado,2026-01-01,2027-12-31";
    let list_b = "Plan de Acción Nacional de prueba 2027-2029";
    let oax_rows = format!(
        "{oax},1,1,Compromiso 1,{list_b},MX0081,Compromiso B uno,replica,,,,,,,\r\n\
         {oax},2,2,Compromiso 2,{list_b},PB02,Compromiso B dos,complementa,,,,,,,\r\n"
    );
    assert_eq!(csv, format!("{header}{qro_rows}{oax_rows}"));
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));

    // Filtered: only what is shown (Querétaro); by SDG goal 16, only its
    // aligned commitment.
    let only_qro = Filters {
        state: Some("22".into()),
        ..Filters::default()
    };
    let filtered = articulation_csv(&set, &index, &index.view(&only_qro), &only_qro);
    assert_eq!(filtered, format!("{header}{qro_rows}"));
    let goal_16 = Filters {
        sdg_goal: Some(16),
        ..Filters::default()
    };
    let by_goal = articulation_csv(&set, &index, &index.view(&goal_16), &goal_16);
    assert_eq!(by_goal.lines().count(), 2);
    assert!(by_goal.contains("32.35"));
}

#[test]
fn coverage_and_the_period_and_sdg_filters_of_the_small_set() {
    use plan_local_ga::domain::commitment::OgpValue;
    let mut set = csv_set();
    // Two of Oaxaca's commitments with a policy area, one with Querétaro's.
    let mut oax = oaxaca();
    for c in &mut oax.commitments {
        c.classification = Some(plan_local_ga::domain::classification::Classification {
            policy_area: Some("Apertura fiscal".into()),
            ..Default::default()
        });
    }
    set.remove(&PlanKey::of(&oax));
    set.add(plan_local_ga::domain::articulation::LoadedPlan::new(
        "oaxaca.pdf",
        oax,
    ));
    let index = Index::build(&set);
    assert_eq!(index.years_present(), [2026, 2027]);

    let all = Filters::default();
    let c = index.coverage(&set, &index.view(&all), &all);
    assert_eq!(c.commitments, 4);
    assert_eq!(c.sdg_goals, [(16, 1)]);
    assert_eq!(c.sdg_targets, [("16.6", 1), ("16.10", 1)]);
    assert_eq!(c.without_sdg, 3);
    assert_eq!(
        c.values,
        [
            (OgpValue::Transparencia, 1),
            (OgpValue::ParticipacionCiudadana, 0),
            (OgpValue::RendicionDeCuentas, 0),
            (OgpValue::TecnologiaInnovacion, 0),
            (OgpValue::Inclusion, 1),
        ]
    );
    assert_eq!(
        c.pnd_axes,
        [("Eje general 1. Justicia y Estado de Derecho".to_owned(), 1)]
    );
    assert_eq!(c.without_pnd_axis, 3);
    assert_eq!(c.policy_areas, [("Apertura fiscal".to_owned(), 2)]);
    assert_eq!(c.without_policy_area, 2);
    assert_eq!(c.gender, 1);

    // SDG goal 16: Querétaro alone, and of it only the aligned commitment.
    let goal = Filters {
        sdg_goal: Some(16),
        ..Filters::default()
    };
    let v = index.view(&goal);
    assert_eq!(v.totals.local_plans, 1);
    assert_eq!(v.totals.commitments, 1);
    assert_eq!(v.totals.counts, counts(1, 0));
    let c = index.coverage(&set, &v, &goal);
    assert_eq!((c.commitments, c.gender, c.without_sdg), (1, 1, 0));
    assert_eq!(c.policy_areas, []);
    // A goal nobody serves: nothing.
    let none = Filters {
        sdg_goal: Some(3),
        ..Filters::default()
    };
    assert_eq!(index.view(&none).totals.plans, 0);

    // Period: plans in force in a year.
    let year = |y| Filters {
        year: Some(y),
        ..Filters::default()
    };
    assert_eq!(index.view(&year(2027)).totals.local_plans, 2);
    assert_eq!(index.view(&year(2028)).totals.local_plans, 0);
    assert_eq!(index.view(&year(2025)).totals.plans, 0);
}

#[test]
fn replicating_a_national_commitment_starts_a_local_one_aligned_to_it() {
    use plan_local_ga::domain::articulation::replicate::{replicate, source, Replicated};
    let (set, _) = loaded();
    let index = Index::build(&set);
    let mx0087 = NationalRef {
        group: 0,
        entry: index.groups[0]
            .entries
            .iter()
            .position(|e| e.id == "MX0087")
            .expect("listed"),
    };
    let src = source(&set, &index, mx0087).expect("a listed commitment");
    assert_eq!(src.id, "MX0087");
    assert_eq!(src.list.name, NationalPlan::fourth_plan().name);

    // A fresh draft (the 4th plan's list): one commitment, named after the
    // national one, "replica" of it.
    let mut draft = Plan::default();
    assert_eq!(
        replicate(&mut draft, &src),
        Replicated::Added {
            id: CommitmentId(1),
            list_changed: false
        }
    );
    let c = &draft.commitments[0];
    assert_eq!(c.name, src.title);
    let link = c.alignment.national.as_ref().expect("aligned");
    assert_eq!((link.relation(), link.commitment()), (R, Some("MX0087")));
    assert_eq!(c.objectives, None, "the list has no objectives");
    // Again: a second commitment, the next id.
    assert!(matches!(
        replicate(&mut draft, &src),
        Replicated::Added {
            id: CommitmentId(2),
            ..
        }
    ));

    // List B's commitment into a draft with no links yet: the draft takes
    // list B. Into one linked to the 4th plan: a new draft is needed, and
    // nothing changes.
    let pb02 = NationalRef {
        group: 1,
        entry: index.groups[1]
            .entries
            .iter()
            .position(|e| e.id == "PB02")
            .expect("listed"),
    };
    let b = source(&set, &index, pb02).expect("listed");
    let mut unlinked = queretaro();
    for c in &mut unlinked.commitments {
        c.alignment.national = None;
    }
    assert!(matches!(
        replicate(&mut unlinked, &b),
        Replicated::Added {
            list_changed: true,
            ..
        }
    ));
    assert_eq!(unlinked.national_plan, list_b());
    let before = queretaro();
    let mut linked = before.clone();
    assert_eq!(replicate(&mut linked, &b), Replicated::NeedsNewDraft);
    assert_eq!(linked, before);

    // An id only named by a link (no title in any list): nothing to start from.
    let unlisted = index.groups[0].entries.iter().position(|e| !e.listed);
    if let Some(entry) = unlisted {
        assert_eq!(source(&set, &index, NationalRef { group: 0, entry }), None);
    }
    assert_eq!(
        messages::articulation::replicated(3, "MX0087", "Lista", false, false),
        "Se agregó el compromiso 3, que replica el compromiso nacional MX0087. Ya tiene el nombre del compromiso nacional y su alineación «replica». Adapte el nombre a su localidad y escriba sus objetivos, responsables y acciones clave."
    );
}
