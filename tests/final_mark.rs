//! "Borrador" or "Versión final": only a complete plan can be marked final, the
//! mark holds only while the plan is unchanged, it travels in the draft, and
//! the exported PDF says which.

mod common;

use common::{c13, cleanup, pdftotext, scratch_dir};
use plan_local_ga::domain::final_mark::DocumentStatus;
use plan_local_ga::domain::methodology::{Step, TaskStatus};
use plan_local_ga::domain::{ItemId, Plan};
use plan_local_ga::export::{plan_document, plan_pdf};
use plan_local_ga::persistence::{decode, encode, Envelope};
use time::macros::{date, datetime};

#[test]
fn an_unfinished_plan_cannot_be_final_and_says_what_is_missing() {
    let mut plan = Plan::default();
    assert_eq!(
        plan.mark_final(date!(2026 - 11 - 25)),
        Err(Step::required().collect::<Vec<_>>())
    );
    assert_eq!(plan.final_mark, None);

    let mut plan = c13::plan();
    plan.monitoring = None;
    plan.responses.clear();
    assert_eq!(
        plan.mark_final(date!(2026 - 11 - 25)),
        Err(vec![Step::Monitoring, Step::Responses, Step::Quality])
    );
    assert_eq!(plan.document_status(), DocumentStatus::Draft);
}

/// The review page passes the checks and the quality review's count it
/// keeps; what is missing for "Versión final" is the same as computed afresh.
#[test]
fn what_is_missing_is_the_same_from_the_kept_checks() {
    let complete = c13::plan();
    let mut unfinished = c13::plan();
    unfinished.monitoring = None;
    unfinished.commitments[0].key_actions.clear();
    assert!(unfinished
        .unfinished_for_final()
        .contains(&Step::Commitments));
    for plan in [Plan::default(), complete, unfinished] {
        let checks = plan.checks();
        let required = (!plan.commitments.is_empty()).then(|| plan.quality_required_findings());
        assert_eq!(
            plan.unfinished_for_final_checked(&checks, required),
            plan.unfinished_for_final()
        );
    }
}

#[test]
fn the_mark_holds_while_the_plan_is_unchanged() {
    let mut plan = c13::plan();
    assert_eq!(plan.unfinished_for_final(), Vec::<Step>::new());
    let on = date!(2026 - 11 - 25);
    assert_eq!(Step::Review.status(&plan, false), TaskStatus::NotStarted);
    plan.mark_final(on)
        .expect("the commitment-13 plan is complete");
    assert_eq!(plan.document_status(), DocumentStatus::Final(on));
    // The task list's last task is done once the plan is final.
    assert_eq!(Step::Review.status(&plan, false), TaskStatus::Completed);

    // Any change makes it a draft again; undoing the change restores it.
    let name = plan.commitments[0].name.clone();
    plan.commitments[0].name.push('.');
    assert_eq!(Step::Review.status(&plan, false), TaskStatus::NotStarted);
    assert_eq!(
        plan.document_status(),
        DocumentStatus::ChangedSinceFinal(on)
    );
    plan.commitments[0].name = name;
    assert_eq!(plan.document_status(), DocumentStatus::Final(on));

    plan.unmark_final();
    assert_eq!(plan.document_status(), DocumentStatus::Draft);
}

#[test]
fn the_fingerprint_ignores_the_mark_and_sees_every_part() {
    let mut plan = c13::plan();
    // A second, different reasoned response, so that their order is a real change.
    let mut second = plan.responses[0].clone();
    second.id = ItemId(2);
    second.input = "Abrir las sesiones del Secretariado a la ciudadanía.".into();
    plan.responses.push(second);
    assert_eq!(plan.responses.len(), 2);
    assert_ne!(plan.responses[0], plan.responses[1]);

    let before = plan.fingerprint();
    assert_eq!(before.len(), 16);
    assert!(before.chars().all(|c| c.is_ascii_hexdigit()), "{before}");
    assert_eq!(
        plan.clone().fingerprint(),
        before,
        "the same plan, the same fingerprint"
    );
    let mut marked = plan.clone();
    marked.mark_final(date!(2026 - 11 - 25)).expect("complete");
    assert_eq!(
        marked.fingerprint(),
        before,
        "the mark itself is not fingerprinted"
    );

    // One change in each part of the plan, each seen.
    type Change = (&'static str, fn(&mut Plan));
    let changes: [Change; 8] = [
        ("problem", |p| p.problems[0].statement.push(' ')),
        ("commitment", |p| p.commitments[0].name.push('.')),
        ("profile", |p| {
            p.profile.as_mut().expect("profile").plan_name.push('.')
        }),
        ("monitoring", |p| p.monitoring = None),
        ("response", |p| p.responses[1].reason.push('.')),
        ("order of responses", |p| p.responses.reverse()),
        ("readiness", |p| p.readiness.clear()),
        ("national list", |p| {
            p.national_plan.commitments.pop().map_or((), drop)
        }),
    ];
    for (what, change) in changes {
        let mut changed = plan.clone();
        change(&mut changed);
        assert_ne!(changed, plan, "{what}: the change is a change");
        assert_ne!(
            changed.fingerprint(),
            before,
            "{what}: seen by the fingerprint"
        );
    }
}

#[test]
fn the_mark_travels_in_the_draft_file() {
    let mut plan = c13::plan();
    let on = date!(2026 - 11 - 25);
    plan.mark_final(on).expect("complete");
    let envelope = Envelope::new(plan, Default::default(), datetime!(2026-11-25 10:00 -6), 1);
    let text = encode(&envelope);
    assert!(text.contains("\"final_mark\""), "written");
    let back = decode(&text).expect("reads back");
    assert_eq!(back.plan.document_status(), DocumentStatus::Final(on));

    // A plan never marked writes no mark at all (drafts read as before).
    let text = encode(&Envelope::new(
        c13::plan(),
        Default::default(),
        datetime!(2026-11-25 10:00 -6),
        1,
    ));
    assert!(!text.contains("final_mark"));
}

#[test]
fn the_pdf_says_draft_or_final() {
    let dir = scratch_dir("final-mark");
    let when = datetime!(2026-11-25 10:42 -6);
    let text_of = |plan: &Plan, name: &str| {
        let bytes = plan_pdf(plan, when).expect("PDF renders");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write PDF");
        pdftotext(&path, false)
    };

    let mut plan = c13::plan();
    let draft = text_of(&plan, "draft.pdf");
    assert!(
        draft.contains("Borrador (no es la versión final)"),
        "{draft:.600}"
    );
    assert!(!draft.contains("Versión final"));

    plan.mark_final(date!(2026 - 11 - 20)).expect("complete");
    let doc = plan_document(&plan, when);
    assert_eq!(doc.title_block.status, "Versión final");
    assert!(doc
        .meta
        .footer_note
        .starts_with("Versión final. Generado con"));
    let final_text = text_of(&plan, "final.pdf");
    assert!(
        final_text.contains("Versión final (marcada el 20/11/2026)"),
        "{final_text:.600}"
    );
    assert!(!final_text.contains("Borrador"));

    // Changed after marking: a draft again.
    plan.problems[0].statement.push_str(" Actualizado.");
    let changed = text_of(&plan, "changed.pdf");
    assert!(changed.contains("Borrador (no es la versión final)"));
    cleanup(&dir);
}
