//! «Comparar versiones» (issue 19): the changes between two versions of a
//! plan list exactly the changes made (a commitment added, one deleted, one
//! moved, a long text edited, key-action weights changed), groups are matched
//! by id and not by number, the same plan has no changes, and the PDF's
//! document of the changes says them.

mod common;

use common::{bench_plan, c13, plans};
use plan_local_ga::domain::key_action::Weight;
use plan_local_ga::domain::{CommitmentId, ItemId, Plan, Step};
use plan_local_ga::export::content::changes::{
    changes, changes_document, words, Changes, GroupChanges, GroupStatus, RowChange, Version,
    NO_CHANGES,
};
use plan_local_ga::export::content::document::Block;
use time::macros::{date, datetime};

const TODAY: time::Date = date!(2020 - 06 - 01);

/// Commitment 13's plan with two more commitments after it: «Presupuesto
/// participativo» (id 2) and «Datos abiertos de obra pública» (id 3).
fn before() -> Plan {
    let mut plan = c13::plan();
    for name in [
        "Presupuesto participativo",
        "Datos abiertos de obra pública",
    ] {
        let id = plan.next_commitment_id();
        let mut c = plans::complete_commitment(id, "10/12/2019", "31/08/2021");
        c.name = name.to_owned();
        plan.upsert_commitment(c);
    }
    plan
}

const NEW_ASSUMPTIONS: &str = "a) Interés simulado de las instituciones públicas por promover ejercicios de apertura institucional a nivel subnacional. b) Cambios al interior de los Organismos Garantes o del funcionariado público en las entidades federativas que pudiera interrumpir, reiniciar o concluir con el avance de los esfuerzos de apertura institucional a nivel subnacional - en el marco de la Iniciativa: \"Gobierno Abierto, cocreación desde lo local\". c) Poca participación de la ciudadanía en los procesos de gobierno abierto.";

/// The edited copy: commitment 2 deleted, a new one added at the end,
/// commitment 13's assumptions edited and its first two weights changed
/// (35/40/25 → 30/45/25).
fn after() -> Plan {
    let mut plan = before();
    assert!(plan.remove_commitment(CommitmentId(2)));
    let id = plan.next_commitment_id();
    let mut c = plans::complete_commitment(id, "10/12/2019", "31/08/2021");
    c.name = "Contraloría social de programas".to_owned();
    plan.upsert_commitment(c);
    let c = &mut plan.commitments[0];
    c.objectives.as_mut().expect("objectives").assumptions = Some(NEW_ASSUMPTIONS.to_owned());
    c.key_actions[0].weight = Some(Weight::new(30).expect("in range"));
    c.key_actions[1].weight = Some(Weight::new(45).expect("in range"));
    plan
}

/// The changes as one line each: step › group › what.
fn lines(c: &Changes) -> Vec<String> {
    fn group(out: &mut Vec<String>, at: &str, g: &GroupChanges) {
        let at = format!("{at} › {}", g.title.clone().unwrap_or_default());
        match g.status {
            GroupStatus::Added => out.push(format!(
                "{at} › agregado: {}",
                g.name.clone().unwrap_or_default()
            )),
            GroupStatus::Removed => out.push(format!(
                "{at} › quitado: {}",
                g.name.clone().unwrap_or_default()
            )),
            GroupStatus::Moved => out.push(format!(
                "{at} › movido desde {}",
                g.old_title.clone().unwrap_or_default()
            )),
            GroupStatus::Kept => {}
        }
        if matches!(g.status, GroupStatus::Kept | GroupStatus::Moved) {
            for r in &g.rows {
                out.push(match r {
                    RowChange::Added { key, value } => format!("{at} › {key}: + {value}"),
                    RowChange::Removed { key, value } => format!("{at} › {key}: - {value}"),
                    RowChange::Changed { key, old, new, .. } => {
                        format!("{at} › {key}: {old} → {new}")
                    }
                });
            }
            for s in &g.subgroups {
                group(out, &at, s);
            }
        }
    }
    let mut out = Vec::new();
    for s in &c.sections {
        for g in &s.groups {
            group(&mut out, &s.title, g);
        }
    }
    out
}

#[test]
fn the_diff_of_an_edited_copy_lists_exactly_the_changes_made() {
    let c = changes(&before(), &after(), TODAY);
    let step = Step::Commitments.name();
    let c1 = "Compromiso 1 · Estrategia subnacional de gobierno abierto";
    assert_eq!(
        lines(&c),
        vec![
            format!("{step} › Compromiso 1 › Supuestos: {} → {NEW_ASSUMPTIONS}", c13::ASSUMPTIONS),
            format!("{step} › Compromiso 1 › Acciones clave: 3 acciones clave; ponderaciones: 100 %; avance ponderado: 64 % → 3 acciones clave; ponderaciones: 100 %; avance ponderado: 62 %"),
            format!("{step} › Compromiso 1 › Acción clave 1 › Ponderación: 35 % → 30 %"),
            format!("{step} › Compromiso 1 › Acción clave 2 › Ponderación: 40 % → 45 %"),
            // Deleted: the commitment that was number 2.
            format!("{step} › Compromiso 2 › quitado: Presupuesto participativo"),
            // «Datos abiertos de obra pública» is now number 2, not "changed".
            format!("{step} › Compromiso 3 › agregado: Contraloría social de programas"),
        ]
    );
    assert_eq!(c.sections.len(), 1, "only the commitments' step changed");
    let groups = &c.sections[0].groups;
    assert_eq!(groups[0].heading(step), c1);
    assert_eq!(groups[0].status_text(), None);

    // The long text carries its changed words; the short weight does not.
    let RowChange::Changed { words: Some(w), .. } = &groups[0].rows[0] else {
        panic!("the assumptions are a long text: {:?}", groups[0].rows[0]);
    };
    assert_eq!(w.removed(), vec!["Débil involucramiento ciudadano"]);
    assert_eq!(w.added(), vec!["Poca participación de la ciudadanía"]);
    let RowChange::Changed { words, .. } = &groups[0].subgroups[0].rows[0] else {
        panic!("a weight change");
    };
    assert_eq!(*words, None);

    // The deleted and the added commitment carry every answer they have.
    let removed = &groups[1];
    assert!(removed
        .rows
        .iter()
        .all(|r| matches!(r, RowChange::Removed { .. })));
    assert!(removed
        .rows
        .iter()
        .any(|r| r.key() == "Nombre" && r.before() == "Presupuesto participativo"));
    assert_eq!(removed.subgroups.len(), 2, "its two key actions");
    assert!(groups[2]
        .rows
        .iter()
        .any(|r| r.key() == "Nombre" && r.after() == "Contraloría social de programas"));

    let counts = c.counts();
    assert_eq!(
        (counts.added, counts.removed, counts.changed, counts.moved),
        (1, 1, 4, 0)
    );
    assert_eq!(
        counts.sentence(),
        "Hay 6 cambios: 1 agregado, 1 quitado y 4 modificados."
    );
}

#[test]
fn the_same_plan_has_no_changes() {
    for plan in [
        c13::plan(),
        before(),
        after(),
        bench_plan::plan_with(60),
        Plan::default(),
    ] {
        let c = changes(&plan, &plan.clone(), TODAY);
        assert!(c.is_empty(), "{:?}", lines(&c));
        assert_eq!(c.counts().sentence(), NO_CHANGES);
    }
    // The same plan on different days would differ in the months left; the
    // comparison reads both on the same day.
    assert!(changes(&c13::plan(), &c13::plan(), date!(2024 - 01 - 01)).is_empty());
}

#[test]
fn a_moved_commitment_and_key_action_are_moved_not_changed() {
    let old = before();
    let mut new = old.clone();
    // The third commitment goes first: it moved; the other two kept their order.
    assert!(new.move_commitment(CommitmentId(3), true));
    assert!(new.move_commitment(CommitmentId(3), true));
    // Commitment 13's last key action goes first.
    new.commitments[1].key_actions.rotate_right(1);
    let c = changes(&old, &new, TODAY);
    let step = Step::Commitments.name();
    assert_eq!(
        lines(&c),
        vec![
            format!("{step} › Compromiso 1 › movido desde Compromiso 3"),
            format!("{step} › Compromiso 2 › Acción clave 1 › movido desde Acción clave 3"),
        ]
    );
    assert_eq!(c.counts().moved, 2);
    let g = &c.sections[0].groups[0];
    assert_eq!(
        g.status_text().as_deref(),
        Some("Cambió de lugar: antes era «Compromiso 3», ahora es «Compromiso 1».")
    );
}

#[test]
fn members_and_problems_are_matched_by_id_not_by_number() {
    let old = c13::plan();
    let mut new = old.clone();
    // Deleting the first member renumbers the others: only one is removed.
    let gone = new.coordination.members.remove(0);
    // A second problem before the first: the commitment's "Problema 1: …"
    // becomes "Problema 2: …", which is not a change of the commitment.
    let mut p = new.problems[0].clone();
    p.id = ItemId(9);
    p.statement = "Las personas no conocen los compromisos de su municipio.".to_owned();
    new.problems.insert(0, p);
    let c = changes(&old, &new, TODAY);
    let l = lines(&c);
    assert_eq!(l.len(), 2, "{l:#?}");
    assert!(
        l[0].starts_with(&format!(
            "{} › Integrantes › Integrante 1: - {}",
            Step::Coordination.name(),
            gone.contact.who()
        )),
        "{l:#?}"
    );
    assert_eq!(
        l[1],
        format!(
            "{} › Problema 1 › agregado: Las personas no conocen los compromisos de su municipio.",
            Step::Problems.name()
        )
    );
}

#[test]
fn changed_words_are_joined_into_runs() {
    let w = words(
        "Publicar el presupuesto cada trimestre en el portal.",
        "Publicar el presupuesto aprobado cada mes en el portal.",
    );
    assert_eq!(w.removed(), vec!["trimestre"]);
    assert_eq!(w.added(), vec!["aprobado", "mes"]);
    let old: String = w.old.iter().map(|p| p.text.as_str()).collect();
    let new: String = w.new.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(old, "Publicar el presupuesto cada trimestre en el portal.");
    assert_eq!(
        new,
        "Publicar el presupuesto aprobado cada mes en el portal."
    );
    let w = words("uno dos tres cuatro", "uno cinco seis cuatro");
    assert_eq!(w.removed(), vec!["dos tres"]);
    assert_eq!(w.added(), vec!["cinco seis"]);
}

/// Every text of a document, in reading order.
fn document_text(d: &plan_local_ga::export::content::document::Document) -> String {
    let mut out = vec![d.title_block.kicker.clone(), d.title_block.title.clone()];
    for f in &d.title_block.lines {
        out.push(format!("{}: {}", f.label, f.value));
    }
    for b in &d.blocks {
        match b {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => {
                out.push(text.clone())
            }
            Block::Table {
                caption,
                columns,
                rows,
            } => {
                out.push(caption.clone());
                out.push(columns.join(" | "));
                for r in rows {
                    out.push(r.join(" | "));
                }
            }
            Block::Fields(fields) => {
                for f in fields {
                    out.push(format!("{}: {}", f.label, f.value));
                }
            }
            _ => {}
        }
    }
    out.join("\n")
}

#[test]
fn the_document_of_the_changes_names_both_versions_and_says_each_change() {
    let c = changes(&before(), &after(), TODAY);
    let old = Version {
        source: "archivo jalisco.json".to_owned(),
        plan: c13::PLAN_NAME.to_owned(),
        saved_at: datetime!(2026-12-01 10:30 -6),
    };
    let new = Version {
        source: "borrador de «Mis borradores»".to_owned(),
        plan: c13::PLAN_NAME.to_owned(),
        saved_at: datetime!(2026-12-06 09:05 -6),
    };
    let d = changes_document(&c, &old, &new, datetime!(2026-12-06 12:00 -6));
    let text = document_text(&d);
    let expected = [
        "Plan de acción local de gobierno abierto",
        "Cambios entre dos versiones del plan",
        &format!("Versión anterior: «{}» (archivo jalisco.json), guardada el 01/12/2026, 10:30", c13::PLAN_NAME),
        &format!("Versión nueva: «{}» (borrador de «Mis borradores»), guardada el 06/12/2026, 09:05", c13::PLAN_NAME),
        "Hay 6 cambios: 1 agregado, 1 quitado y 4 modificados.",
        Step::Commitments.name(),
        "Compromiso 1 · Estrategia subnacional de gobierno abierto",
        "Dato | Cambio | Versión anterior | Versión nueva",
        &format!("Supuestos | Cambió | {} | {NEW_ASSUMPTIONS}", c13::ASSUMPTIONS),
        "Palabras cambiadas en «Supuestos»: se quitó «Débil involucramiento ciudadano»; se agregó «Poca participación de la ciudadanía».",
        "Acción clave 1",
        "Ponderación | Cambió | 35 % | 30 %",
        "Ponderación | Cambió | 40 % | 45 %",
        "Compromiso 2 · Presupuesto participativo",
        "Se quitó en la versión nueva.",
        "Dato | Versión anterior",
        "Nombre | Presupuesto participativo",
        "Compromiso 3 · Contraloría social de programas",
        "Se agregó en la versión nueva.",
        "Dato | Versión nueva",
        "Nombre | Contraloría social de programas",
    ];
    let mut from = 0;
    for e in expected {
        let at = text[from..]
            .find(e)
            .unwrap_or_else(|| panic!("«{e}» not found after byte {from} in:\n{text}"));
        from += at + e.len();
    }
    assert_eq!(d.meta.title, "Cambios entre dos versiones del plan");
    assert_eq!(d.meta.language, "es-MX");

    // No changes: the document says so.
    let same = changes(&before(), &before(), TODAY);
    let d = changes_document(&same, &old, &new, datetime!(2026-12-06 12:00 -6));
    assert_eq!(d.blocks, vec![Block::Paragraph(NO_CHANGES.to_owned())]);
}

#[test]
fn the_benchmark_plan_with_an_edited_copy() {
    let old = bench_plan::plan_with(60);
    let mut new = old.clone();
    let id = new.commitments[10].id;
    assert!(new.remove_commitment(id));
    new.commitments[0].name.push_str(" (revisado)");
    let started = std::time::Instant::now();
    let c = changes(&old, &new, TODAY);
    let took = started.elapsed();
    eprintln!("changes of the 60-commitment benchmark plan: {took:?}");
    assert_eq!(c.counts().removed, 1);
    // The name, and the proposal that names the commitment.
    assert_eq!(c.counts().changed, 2);
    assert_eq!(c.counts().moved, 0);
}
