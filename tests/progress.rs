//! Implementation over the plan's years (issue 18): report rounds, weighted
//! progress per round, what needs attention, the schema-6 fixture and the
//! migration from earlier drafts.

mod common;

use plan_local_ga::domain::progress::{
    evidence_lines, parse_percent, Attention, Implementation, Item, ItemReport, Round, Status,
};
use plan_local_ga::domain::{CommitmentId, ItemId, Plan, Unknown};
use plan_local_ga::persistence::{decode, encode, SCHEMA_VERSION};
use time::macros::date;
use time::Date;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn round(id: u32, cutoff: Date, reports: Vec<ItemReport>) -> Round {
    Round {
        id: ItemId(id),
        name: format!("Informe {id}"),
        cutoff,
        reporter: None,
        reports,
        unknown: Unknown::new(),
    }
}

fn report(c: u32, k: u32, a: Option<u32>, status: Status, percent: Option<u8>) -> ItemReport {
    let mut r = ItemReport::new(CommitmentId(c), ItemId(k), a.map(ItemId));
    r.status = Some(status);
    r.percent = percent;
    r
}

fn item(c: u32, k: u32, a: Option<u32>) -> Item {
    Item {
        commitment: CommitmentId(c),
        key_action: ItemId(k),
        activity: a.map(ItemId),
    }
}

#[test]
fn weighted_progress_per_round_follows_the_weights_35_40_25() {
    // Commitment 13: key actions weighted 35, 40 and 25.
    let plan = common::c13::plan();
    let weights: Vec<u8> = plan.commitments[0]
        .key_actions
        .iter()
        .map(|k| k.weight.expect("weighted").get())
        .collect();
    assert_eq!(weights, [35, 40, 25]);
    let first = round(
        1,
        date!(2020 - 06 - 30),
        vec![
            report(1, 1, None, Status::Completo, None),
            report(1, 2, None, Status::Limitado, Some(25)),
            report(1, 3, None, Status::NoIniciado, Some(0)),
        ],
    );
    let p = plan.round_progress(&first);
    // 100 × 35 + 25 × 40 + 0 × 25 = 4,500 hundredths: 45 %.
    assert_eq!(p.commitments[0].hundredths, 4_500);
    assert_eq!(p.plan, 4_500);
    let second = round(
        2,
        date!(2020 - 12 - 31),
        vec![
            report(1, 1, None, Status::Completo, Some(100)),
            report(1, 2, None, Status::Sustancial, Some(80)),
            report(1, 3, None, Status::Limitado, Some(10)),
            // Activities do not count in the weighted progress.
            report(1, 3, Some(1), Status::Completo, Some(100)),
        ],
    );
    // 3,500 + 3,200 + 250 = 6,950: 69.5 %.
    assert_eq!(
        plan.round_progress(&second).commitments[0].hundredths,
        6_950
    );
    // A key action without a report counts as 0.
    assert_eq!(
        plan.round_progress(&round(3, date!(2021 - 01 - 31), Vec::new()))
            .commitments[0]
            .hundredths,
        0
    );
}

#[test]
fn the_plan_progress_is_the_mean_of_its_commitments() {
    let mut plan = common::c13::plan();
    let mut other = plan.commitments[0].clone();
    other.id = plan.next_commitment_id();
    plan.upsert_commitment(other);
    let r = round(
        1,
        date!(2020 - 06 - 30),
        vec![
            report(1, 1, None, Status::Completo, Some(100)),
            report(2, 2, None, Status::Sustancial, Some(50)),
        ],
    );
    let p = plan.round_progress(&r);
    assert_eq!(
        p.commitments
            .iter()
            .map(|c| c.hundredths)
            .collect::<Vec<_>>(),
        [3_500, 2_000]
    );
    assert_eq!(p.plan, 2_750);
}

#[test]
fn needs_attention_no_progress_overdue_and_no_evidence() {
    let mut plan = common::c13::plan();
    // Key action 1 ran 02/01/2020 to 30/04/2020 in the ficha.
    let k1_end = plan
        .item_period(item(1, 1, None))
        .expect("dated")
        .last_day();
    assert_eq!(k1_end, date!(2020 - 04 - 30));
    let mut evidenced = report(1, 2, None, Status::Limitado, Some(20));
    evidenced.evidence = vec!["Acta de la sesión del 12/03/2020".into()];
    let first = round(
        1,
        date!(2020 - 03 - 31),
        vec![
            report(1, 1, None, Status::Limitado, Some(40)),
            evidenced.clone(),
        ],
    );
    let mut evidenced_again = evidenced.clone();
    evidenced_again.percent = Some(60);
    let second = round(
        2,
        date!(2020 - 09 - 30),
        vec![
            // No growth, past its end date, started without evidence.
            report(1, 1, None, Status::Limitado, Some(40)),
            // Grew, with evidence: nothing to say.
            evidenced_again,
        ],
    );
    plan.implementation.upsert_round(second);
    plan.implementation.upsert_round(first);
    assert_eq!(
        plan.implementation
            .rounds
            .iter()
            .map(|r| r.id.0)
            .collect::<Vec<_>>(),
        [1, 2],
        "rounds kept in cut-off order"
    );
    let attention = plan.needs_attention(ItemId(2));
    let k1 = attention
        .iter()
        .find(|a| a.item == item(1, 1, None))
        .expect("key action 1 needs attention");
    assert_eq!(
        k1.why,
        [
            Attention::NoProgress,
            Attention::Overdue,
            Attention::NoEvidence
        ]
    );
    assert!(attention.iter().all(|a| a.item != item(1, 2, None)));
    // In the first round nothing came before: only what its own report says.
    let first = plan.needs_attention(ItemId(1));
    assert_eq!(
        first
            .iter()
            .find(|a| a.item == item(1, 1, None))
            .map(|a| a.why.clone()),
        Some(vec![Attention::NoEvidence])
    );
    // Complete items never need attention for progress or dates.
    let mut done = plan.clone();
    let mut r = done.implementation.round(ItemId(2)).expect("round").clone();
    let mut complete = report(1, 1, None, Status::Completo, Some(100));
    complete.evidence = vec!["Informe final".into()];
    r.set_report(complete);
    done.implementation.upsert_round(r);
    assert!(done
        .needs_attention(ItemId(2))
        .iter()
        .all(|a| a.item != item(1, 1, None)));
}

#[test]
fn an_empty_report_removes_the_items_answer() {
    let mut r = round(
        1,
        date!(2020 - 06 - 30),
        vec![report(1, 1, None, Status::Limitado, Some(10))],
    );
    r.set_report(ItemReport::new(CommitmentId(1), ItemId(1), None));
    assert!(r.reports.is_empty());
}

#[test]
fn percents_and_evidence_read_as_typed() {
    assert_eq!(parse_percent("35"), Some(35));
    assert_eq!(parse_percent(" 35 % "), Some(35));
    assert_eq!(parse_percent("100%"), Some(100));
    assert_eq!(parse_percent("101"), None);
    assert_eq!(parse_percent("treinta"), None);
    assert_eq!(
        evidence_lines("https://ejemplo.gob.mx/acta.pdf\n\n  Minuta del 3 de marzo  \n"),
        ["https://ejemplo.gob.mx/acta.pdf", "Minuta del 3 de marzo"]
    );
}

#[test]
fn the_schema_6_fixture_holds_an_implementation_and_round_trips_exactly() {
    let text = fixture("borrador-v6.json");
    let env = decode(&text).expect("loads");
    assert_eq!(env.schema_version, SCHEMA_VERSION);
    assert_eq!(encode(&env), text, "written by this version, byte for byte");
    let imp = &env.plan.implementation;
    assert_eq!(imp.rounds.len(), 2);
    assert!(imp.monitoring_body.is_some());
    assert_eq!(imp.assessments.len(), 1);
    let over_time: Vec<u32> = env
        .plan
        .progress_over_time()
        .iter()
        .map(|p| p.plan)
        .collect();
    // Weights 60/40: 30 × 60 + 0 × 40 = 1,800; 70 × 60 + 20 × 40 = 5,000.
    assert_eq!(over_time, [1_800, 5_000]);
}

#[test]
fn earlier_drafts_open_with_an_empty_implementation_and_write_none() {
    for version in 1..SCHEMA_VERSION {
        let name = format!("borrador-v{version}.json");
        let env = decode(&fixture(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(env.plan.implementation.is_empty(), "{name}");
        assert!(!encode(&env).contains("\"implementation\""), "{name}");
    }
    assert_eq!(Plan::default().implementation, Implementation::default());
}

#[test]
fn reporting_progress_after_approval_keeps_the_plan_final() {
    use plan_local_ga::domain::final_mark::DocumentStatus;
    let mut plan = common::c13::plan();
    let on = date!(2019 - 12 - 10);
    plan.mark_final(on)
        .expect("the commitment-13 plan is complete");
    plan.implementation.upsert_round(round(
        1,
        date!(2020 - 06 - 30),
        vec![report(1, 1, None, Status::Limitado, Some(40))],
    ));
    assert_eq!(plan.document_status(), DocumentStatus::Final(on));
    // A change to the plan itself still makes it a draft again.
    plan.commitments[0].name.push_str(" (corregido)");
    assert_eq!(
        plan.document_status(),
        DocumentStatus::ChangedSinceFinal(on)
    );
}

/// "Revise su plan" and the plan PDF read the implementation's record from
/// the summary: its section appears once anything is recorded, and each
/// answer links to the page where it changes.
#[test]
fn the_record_is_a_summary_section_once_anything_is_recorded() {
    use plan_local_ga::domain::Step;
    use plan_local_ga::export::summary::{summary, Target};
    let env = decode(&fixture("borrador-v6.json")).expect("loads");
    let today = date!(2027 - 01 - 15);
    let sections = summary(&env.plan, today);
    let record = sections
        .iter()
        .find(|s| s.step == Step::Progress)
        .expect("a section for the record");
    let rows: Vec<(String, Option<String>, Target)> = record
        .groups
        .iter()
        .flat_map(|g| g.all_rows())
        .map(|r| (r.key.clone(), r.value.clone(), r.target))
        .collect();
    let find = |key: &str| {
        rows.iter()
            .find(|(k, _, _)| k == key)
            .unwrap_or_else(|| panic!("{key} in {rows:?}"))
            .clone()
    };
    assert_eq!(find("Duración del plan").1.as_deref(), Some("Dos años"));
    assert_eq!(
        find("Órgano de monitoreo").1.as_deref(),
        Some("Comité de Monitoreo Ciudadano de Querétaro")
    );
    assert_eq!(find("Órgano de monitoreo").2, Target::ProgressBody);
    let first = find("Primer informe semestral (30/06/2026)");
    assert_eq!(first.2, Target::Round(ItemId(1)));
    let line = first.1.expect("a line");
    assert!(line.contains("Fecha de corte: 30/06/2026"), "{line}");
    assert!(line.contains("avance del plan: 18 %"), "{line}");
    let second = find("Segundo informe semestral (31/12/2026)")
        .1
        .expect("a line");
    assert!(second.contains("avance del plan: 50 %"), "{second}");
    assert_eq!(find("Compromiso 1").2, Target::Assessment(CommitmentId(1)));

    // A plan with nothing recorded has no such section.
    let mut empty = env.plan.clone();
    empty.implementation = Implementation::default();
    assert!(summary(&empty, today)
        .iter()
        .all(|s| s.step != Step::Progress));
}

/// The check before a round's PDF finds characters the fonts cannot draw in
/// the round's own texts (evidence, difficulties…), with the page to fix them.
#[test]
fn undrawable_characters_in_a_rounds_texts_are_found_before_its_pdf() {
    use plan_local_ga::export::summary::Target;
    use plan_local_ga::export::unprintable::{unprintable, unprintable_round};
    let mut env = decode(&fixture("borrador-v6.json")).expect("loads");
    let today = date!(2027 - 01 - 15);
    assert!(unprintable_round(&env.plan, ItemId(2)).is_empty());
    let round = env
        .plan
        .implementation
        .rounds
        .iter_mut()
        .find(|r| r.id == ItemId(2))
        .expect("round 2");
    round.reports[0].difficulties = Some("Faltó personal 😕".to_owned());
    round.reports[0].evidence.push("Acta 日本".to_owned());
    env.plan
        .implementation
        .monitoring_body
        .as_mut()
        .expect("body")
        .name = "Comité 🙂".to_owned();
    let found = unprintable_round(&env.plan, ItemId(2));
    let fields: Vec<(&str, &[String])> = found
        .iter()
        .map(|f| (f.field.as_str(), f.chars.as_slice()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("Evidencia", &["日".to_owned(), "本".to_owned()][..]),
            ("Dificultades", &["😕".to_owned()][..]),
        ]
    );
    assert!(found
        .iter()
        .all(|f| f.target == Target::RoundReport(ItemId(2), CommitmentId(1))));
    assert!(found[0].group.as_deref().is_some_and(|g| g
        .starts_with("Segundo informe semestral (31/12/2026) · Compromiso 1 · Acción clave 1.")));
    // The first round is untouched; the record's own texts are in the plan's check.
    assert!(unprintable_round(&env.plan, ItemId(1)).is_empty());
    assert!(unprintable(&env.plan, today)
        .iter()
        .any(|f| f.target == Target::ProgressBody && f.chars == ["🙂".to_owned()]));
}

/// One source of current progress: the ficha's typed percent before the
/// first round, the latest round's after; the commitment's weighted progress,
/// the monitoring plan and the review read the same.
#[test]
fn current_progress_comes_from_the_latest_round_once_there_is_one() {
    use plan_local_ga::export::summary::{summary, Target};
    let env = decode(&fixture("borrador-v6.json")).expect("loads");
    let plan = &env.plan;
    let c = &plan.commitments[0];
    let latest = plan.latest_round().expect("two rounds");
    assert_eq!(latest.id, ItemId(2));
    let now: Vec<Option<u8>> = c
        .key_actions
        .iter()
        .map(|k| plan.current_key_action_progress(c.id, k))
        .collect();
    assert_eq!(now, [Some(70), Some(20)]);
    assert_eq!(plan.current_commitment_progress(c), 5_000);

    // The review's "Avance" of key action 1 says where it comes from and links to the round.
    let sections = summary(plan, date!(2027 - 01 - 15));
    let avance = sections
        .iter()
        .flat_map(|s| s.groups.iter())
        .flat_map(|g| g.all_rows())
        .find(|r| r.key == "Avance")
        .expect("a key action's progress");
    assert_eq!(
        avance.value.as_deref(),
        Some("70 % (según «Segundo informe semestral» (al 31/12/2026))")
    );
    assert_eq!(avance.target, Target::RoundReport(ItemId(2), c.id));

    // Without rounds, the ficha's own figures.
    let mut before = plan.clone();
    before.implementation.rounds.clear();
    let c = &before.commitments[0];
    let typed: Vec<Option<u8>> = c.key_actions.iter().map(|k| k.progress).collect();
    let now: Vec<Option<u8>> = c
        .key_actions
        .iter()
        .map(|k| before.current_key_action_progress(c.id, k))
        .collect();
    assert_eq!(now, typed);
    assert_eq!(
        before.current_commitment_progress(c),
        plan_local_ga::domain::key_action::weighted_progress(&c.key_actions)
    );
}
