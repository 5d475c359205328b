//! "Articulación nacional" (issue 20): the weighted progress of the local
//! commitments under the filters (per national commitment, per state, per
//! plan), checked by hand on a small set, and the consolidated report as PDF
//! (its text, its tables within the page, and the map of Mexico drawn as
//! filled paths with its legend).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use plan_local_ga::domain::alignment::{NationalEntry, NationalLink, NationalPlan, Relation};
use plan_local_ga::domain::articulation::index::{Filters, Index, NationalRef};
use plan_local_ga::domain::articulation::map::Measure;
use plan_local_ga::domain::articulation::progress::{
    progress_view, reported_progress, Progress, Reports,
};
use plan_local_ga::domain::articulation::{LoadedPlan, PlanSet};
use plan_local_ga::domain::progress::{ItemReport, Round, Status};
use plan_local_ga::domain::{
    Commitment, CommitmentId, ItemId, Jurisdiction, Jurisdictions, Plan, ProfileInput, Unknown,
};
use plan_local_ga::export::content::articulation_document::{
    articulation_document, map_block, path_rings, progress_cell, progress_summary, NO_REPORT,
};
use plan_local_ga::export::document::{Block, Document};
use plan_local_ga::export::layout::{layout, Item, PageSize};
use plan_local_ga::export::render_pdf;
use time::macros::{date, datetime};

use common::{cleanup, path_str, pdftotext, run, scratch_dir, squash};

fn when() -> time::OffsetDateTime {
    datetime!(2026-12-06 10:00:00 -6)
}

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

/// A plan by `codes` (the first leads), aligned to `list`, with one
/// commitment per link (`None`: not aligned), each with the key actions of
/// commitment 13 (weights 35, 40, 25) and no progress typed.
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
    let members = codes
        .iter()
        .map(|c| Jurisdiction::from_catalog(c).expect("a catalogue code"))
        .collect();
    profile.jurisdictions = Jurisdictions::with_lead(members, 0).expect("valid makers");
    let mut plan = Plan {
        profile: Some(profile),
        national_plan: list,
        ..Plan::default()
    };
    let actions = common::c13::plan().commitments[0].key_actions.clone();
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
        c.key_actions = actions.clone();
        for k in &mut c.key_actions {
            k.progress = None;
        }
        plan.commitments.push(c);
    }
    plan
}

fn typed(plan: &mut Plan, commitment: usize, percents: [u8; 3]) {
    for (k, p) in plan.commitments[commitment]
        .key_actions
        .iter_mut()
        .zip(percents)
    {
        k.progress = Some(p);
    }
}

use Relation::{Complementa as C, Replica as R};

/// The hand-checked set:
/// - Querétaro (municipality 22014, 4th plan), no report rounds: commitment 1
///   replicates MX0087, typed 51 %, 30 %, 10 % → 17.85 + 12 + 2.5 = 32.35 %;
///   2 complements MX0081, nothing typed (no report); 3 has no link, typed
///   100 % each → 100 %.
/// - The northern coalition (Nuevo León, San Pedro Garza García, Saltillo in
///   Coahuila; 4th plan), with one report round: commitment 1 complements
///   MX0081 and the round reports its first key action at 50 % → 50 × 35 =
///   17.5 %; 2 replicates MX0075 and has 80 % typed in its fichas, but the
///   round (the current source) does not report it: no report.
/// - Oaxaca (state 20, list B): two linked commitments, no progress at all.
fn set() -> PlanSet {
    let mut qro = plan(
        "Plan de Acción Local Querétaro 2026-2027",
        &["22014"],
        NationalPlan::fourth_plan(),
        &[Some((R, "MX0087")), Some((C, "MX0081")), None],
    );
    typed(&mut qro, 0, [51, 30, 10]);
    typed(&mut qro, 2, [100, 100, 100]);

    let mut north = plan(
        "Plan de Acción de la coalición norte",
        &["19", "19019", "05030"],
        NationalPlan::fourth_plan(),
        &[Some((C, "MX0081")), Some((R, "MX0075"))],
    );
    typed(&mut north, 1, [80, 80, 80]);
    let first = north.commitments[0].key_actions[0].id;
    let mut report = ItemReport::new(CommitmentId(1), first, None);
    report.status = Some(Status::Sustancial);
    report.percent = Some(50);
    north.implementation.rounds.push(Round {
        id: ItemId(1),
        name: "Primer informe semestral".into(),
        cutoff: date!(2026 - 06 - 30),
        reporter: None,
        reports: vec![report],
        unknown: Unknown::new(),
    });

    let oax = plan(
        "Plan de Acción Local de Oaxaca",
        &["20"],
        list_b(),
        &[Some((R, "MX0081")), Some((C, "PB02"))],
    );

    let mut set = PlanSet::new();
    for (file, p) in [
        ("queretaro.json", qro),
        ("norte.pdf", north),
        ("oaxaca.json", oax),
    ] {
        set.add(LoadedPlan::new(file, p));
    }
    set
}

fn progress(commitments: usize, reported: usize, sum: u64) -> Progress {
    Progress {
        commitments,
        reported,
        sum,
    }
}

#[test]
fn a_commitment_has_a_report_only_where_the_current_source_gives_a_percent() {
    let set = set();
    let qro = &set.plans()[0].plan;
    let north = &set.plans()[1].plan;
    let oax = &set.plans()[2].plan;
    assert_eq!(reported_progress(qro, &qro.commitments[0]), Some(3235));
    assert_eq!(reported_progress(qro, &qro.commitments[1]), None);
    assert_eq!(reported_progress(qro, &qro.commitments[2]), Some(10_000));
    assert_eq!(reported_progress(north, &north.commitments[0]), Some(1750));
    // Typed in its fichas, but the plan reports by rounds now: the round is
    // the source, and it says nothing of this commitment.
    assert_eq!(reported_progress(north, &north.commitments[1]), None);
    assert_eq!(north.current_commitment_progress(&north.commitments[1]), 0);
    assert!(oax
        .commitments
        .iter()
        .all(|c| reported_progress(oax, c).is_none()));
}

#[test]
fn weighted_progress_per_national_commitment_state_and_plan_of_the_hand_checked_set() {
    let set = set();
    let index = Index::build(&set);
    let reports = Reports::read(&set);
    let all = Filters::default();
    let view = index.view(&all);
    let p = progress_view(&index, &reports, &view, &all);

    // In total: 7 local commitments, 3 with a report: (32.35 + 100 + 17.5) / 3
    // = 49.95 %.
    assert_eq!(p.total, progress(7, 3, 3235 + 10_000 + 1750));
    assert_eq!(p.total.mean(), Some(4995));
    assert_eq!(p.total.unreported(), 4);

    // The 4th plan's group: MX0087 (Querétaro's 1), MX0081 (Querétaro's 2,
    // the coalition's 1), MX0075 (the coalition's 2), and Querétaro's 3 with
    // no link.
    assert_eq!(view.groups.len(), 2);
    let fourth = &p.groups[0];
    let entry = |id: &str| {
        let g = &view.groups[0];
        let k = g
            .entries
            .iter()
            .position(|t| index.groups[g.group].entries[t.entry].id == id)
            .expect("listed");
        fourth.entries[k]
    };
    assert_eq!(entry("MX0087"), progress(1, 1, 3235));
    assert_eq!(entry("MX0081"), progress(2, 1, 1750));
    assert_eq!(entry("MX0075"), progress(1, 0, 0));
    assert_eq!(entry("MX0075").mean(), None);
    assert_eq!(entry("MX0080"), progress(0, 0, 0));
    assert_eq!(fourth.unlinked, progress(1, 1, 10_000));
    assert_eq!(fourth.total, progress(5, 3, 14_985));
    // List B: nothing reported.
    assert_eq!(p.groups[1].total, progress(2, 0, 0));
    assert!(p.groups[1].entries.iter().all(|e| e.reported == 0));

    // Per state: the coalition counts in Nuevo León and in Coahuila.
    let state = |code: &str| {
        let k = view
            .states
            .iter()
            .position(|s| s.code == code)
            .expect("state");
        p.states[k]
    };
    assert_eq!(state("22"), progress(3, 2, 13_235));
    assert_eq!(state("22").mean(), Some(6618), "66.175 % rounds to 66.18 %");
    assert_eq!(state("19"), progress(2, 1, 1750));
    assert_eq!(state("05"), progress(2, 1, 1750));
    assert_eq!(state("20"), progress(2, 0, 0));
    assert_eq!(state("14"), progress(0, 0, 0));

    // Per plan, in the set's order.
    let plans: Vec<(String, Progress)> = p
        .plans
        .iter()
        .map(|(row, pr)| (index.plans[*row].name.clone(), *pr))
        .collect();
    assert_eq!(
        plans,
        vec![
            (
                "Plan de Acción Local Querétaro 2026-2027".to_owned(),
                progress(3, 2, 13_235)
            ),
            (
                "Plan de Acción de la coalición norte".to_owned(),
                progress(2, 1, 1750)
            ),
            (
                "Plan de Acción Local de Oaxaca".to_owned(),
                progress(2, 0, 0)
            ),
        ]
    );

    // As the tables write it: never 0 % without a report.
    assert_eq!(progress_cell(state("22")), "66.1 % (2 de 3 con informe)");
    assert_eq!(progress_cell(entry("MX0087")), "32.3 %");
    assert_eq!(progress_cell(state("20")), NO_REPORT);
    assert_eq!(progress_cell(state("14")), "—");
    assert_eq!(
        progress_summary(p.total),
        "3 de 7 compromisos locales mostrados tienen informe de avance; su avance ponderado promedio es de 49.9 %. Los 4 compromisos sin informe no se cuentan en el promedio."
    );
    assert_eq!(
        progress_summary(state("19")),
        "1 de 2 compromisos locales mostrados tiene informe de avance; su avance ponderado promedio es de 17.5 %. El compromiso sin informe no se cuenta en el promedio."
    );
    assert_eq!(
        progress_summary(entry("MX0075")),
        "El compromiso local mostrado no tiene informe de avance (Sin informe de avance)."
    );
    assert_eq!(
        progress_summary(entry("MX0087")),
        "1 compromiso local mostrado tiene informe de avance; su avance ponderado promedio es de 32.3 %."
    );
}

#[test]
fn progress_follows_the_filters() {
    let set = set();
    let index = Index::build(&set);
    let reports = Reports::read(&set);

    let qro = Filters {
        state: Some("22".into()),
        ..Filters::default()
    };
    let p = progress_view(&index, &reports, &index.view(&qro), &qro);
    assert_eq!(p.total, progress(3, 2, 13_235));
    assert_eq!(p.plans.len(), 1);

    // MX0081 of the 4th plan: only the commitments linked to it.
    let g = index
        .groups
        .iter()
        .position(|g| g.name == NationalPlan::fourth_plan().name)
        .expect("the 4th plan's group");
    let e = index.groups[g]
        .entries
        .iter()
        .position(|e| e.id == "MX0081")
        .expect("MX0081");
    let mx0081 = Filters {
        national: Some(NationalRef { group: g, entry: e }),
        ..Filters::default()
    };
    let view = index.view(&mx0081);
    let p = progress_view(&index, &reports, &view, &mx0081);
    assert_eq!(p.total, progress(2, 1, 1750));
    assert_eq!(p.groups.len(), 1);
    assert_eq!(p.groups[0].entries, vec![progress(2, 1, 1750)]);
    assert_eq!(p.groups[0].unlinked, progress(0, 0, 0));
}

#[test]
fn the_maps_outlines_read_as_closed_rings_inside_the_box() {
    // Relative moves after a closed ring start from its first point; numbers
    // run together as SVG writes them.
    assert_eq!(
        path_rings("M 10 10l5 0 0 5-5 0zm 20 0l1-.5.5.5z"),
        vec![
            vec![[10.0, 10.0], [15.0, 10.0], [15.0, 15.0], [10.0, 15.0]],
            vec![[30.0, 10.0], [31.0, 9.5], [31.5, 10.0]],
        ]
    );
    let Block::Shapes {
        width,
        height,
        shapes,
        legend,
        ..
    } = map_block(
        &Index::build(&set()).view(&Filters::default()),
        Measure::Plans,
    )
    else {
        panic!("a shapes block");
    };
    assert_eq!(shapes.len(), 32);
    assert!(shapes.iter().all(|s| !s.rings.is_empty()));
    for [x, y] in shapes.iter().flat_map(|s| s.rings.iter().flatten()) {
        assert!(
            (0.0..=width).contains(x) && (0.0..=height).contains(y),
            "({x}, {y}) outside {width} × {height}"
        );
    }
    // Querétaro, Nuevo León, Coahuila and Oaxaca have one plan each: two classes.
    let labels: Vec<&str> = legend.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["0", "1"]);
    let jal = shapes
        .iter()
        .find(|s| s.label.starts_with("Jalisco"))
        .expect("Jalisco");
    let qro = shapes
        .iter()
        .find(|s| s.label.starts_with("Querétaro"))
        .expect("Querétaro");
    assert_eq!(jal.fill, legend[0].fill);
    assert_eq!(qro.fill, legend[1].fill);
    assert_eq!(qro.label, "Querétaro: 1 plan, 3 compromisos");
    // By commitments: Querétaro 3, Nuevo León and Coahuila 2, Oaxaca 2: one
    // class per value.
    let Block::Shapes { shapes, legend, .. } = map_block(
        &Index::build(&set()).view(&Filters::default()),
        Measure::Commitments,
    ) else {
        panic!("a shapes block");
    };
    let labels: Vec<&str> = legend.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["0", "1", "2", "3"]);
    let fill = |name: &str| {
        shapes
            .iter()
            .find(|s| s.label.starts_with(name))
            .expect(name)
            .fill
    };
    assert_eq!(fill("Querétaro"), legend[3].fill);
    assert_eq!(fill("Oaxaca"), legend[2].fill);
    assert_eq!(fill("Jalisco"), legend[0].fill);
}

fn report(set: &PlanSet, filters: &Filters) -> Document {
    let index = Index::build(set);
    let view = index.view(filters);
    articulation_document(set, &index, &view, filters, when())
}

#[test]
fn the_report_keeps_every_item_on_the_page_and_the_map_on_one_page_with_its_legend() {
    let doc = report(&set(), &Filters::default());
    let laid = layout(&doc, PageSize::LETTER);
    assert!(
        laid.items_outside_page().is_empty(),
        "{:?}",
        laid.items_outside_page()
    );
    let map_pages: Vec<usize> = laid
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.items.iter().any(|i| matches!(i, Item::Polygon { .. })))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(map_pages.len(), 2, "each map on a page");
    let page = &laid.pages[map_pages[0]];
    let polygons = page
        .items
        .iter()
        .filter(|i| matches!(i, Item::Polygon { .. }))
        .count();
    assert_eq!(polygons, 32);
    let texts: Vec<&str> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for t in [
        "Mapa de México: planes locales por estado",
        "Planes locales:",
        "0",
        "1",
    ] {
        assert!(texts.contains(&t), "{t:?} on the map's page: {texts:?}");
    }
    // The document survives its trip to the PDF worker.
    let json = serde_json::to_string(&doc).expect("serialises");
    let back: Document = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, doc);
    assert!(
        json.len() < 200_000,
        "{} bytes sent to the worker",
        json.len()
    );
}

#[test]
fn the_report_pdf_says_the_indicator_the_matrix_the_filters_and_progress_and_draws_the_map() {
    let set = set();
    let dir = scratch_dir("articulation-report");

    // Everything.
    let pdf = render_pdf(&report(&set, &Filters::default())).expect("renders");
    let path = dir.join("informe.pdf");
    std::fs::write(&path, &pdf).expect("write");
    run("qpdf", "qpdf", &["--check", path_str(&path)]);
    let text = squash(&pdftotext(&path, false));
    for expected in [
        "Informedearticulaciónnacional",
        "Filtrosaplicados",
        "Ninguno:elinformemuestratodoslosplanesdelalista.",
        // The indicator in total.
        "6accioneslocalesreplicanocomplementancompromisosdelPlandeAcciónNacional:3replicany3complementan.Vienende3planeslocales,con7compromisosentotal.",
        // Both lists, kept apart.
        "PlandeAcciónNacionaldeprueba2027-2029",
        // The 4th plan's matrix: Querétaro's row and the total, by column
        // (MX0075, MX0081, MX0087).
        "PlanlocalMX0075MX0081MX0087PlandeAcciónLocalQuerétaro2026-2027(Querétaro)01C1R",
        "Total1R2C1R",
        // Per national commitment: MX0081 has 2 local commitments, 1 reported.
        "MX0081·TechnologyRightsandPrivacy022217.5%(1de2coninforme)",
        // Progress, never 0 % without a report.
        "3de7compromisoslocalesmostradostieneninformedeavance;suavanceponderadopromedioesde49.9%.Los4compromisossininformenosecuentanenelpromedio.",
        "66.1%(2de3coninforme)",
        "Sininformedeavance",
        // The map's legend and source.
        "Mapademéxico:planeslocalesporestado".replace('m', "M").as_str(),
        "Planeslocales:",
        "MapadeMéxico:compromisoslocalesporestadoCompromisoslocales:",
        "CCBY4.0",
    ] {
        assert!(text.contains(expected), "{expected} missing in:\n{text}");
    }
    // The map is drawn: filled and outlined paths in the page content.
    let qdf = dir.join("informe-qdf.pdf");
    run(
        "qpdf",
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            path_str(&path),
            path_str(&qdf),
        ],
    );
    let content = String::from_utf8_lossy(&std::fs::read(&qdf).expect("qdf")).into_owned();
    let fill_strokes = content.lines().filter(|l| l.trim() == "b").count();
    let lines = content.lines().filter(|l| l.ends_with(" l")).count();
    assert!(
        fill_strokes >= 64,
        "{fill_strokes} filled and outlined paths (two maps)"
    );
    assert!(lines > 1000, "{lines} line segments");

    // Filtered by Querétaro: the filter is named, and only its plan counts.
    let qro = Filters {
        state: Some("22".into()),
        ..Filters::default()
    };
    let pdf = render_pdf(&report(&set, &qro)).expect("renders");
    let path = dir.join("informe-queretaro.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let text = squash(&pdftotext(&path, false));
    for expected in [
        "FiltrosaplicadosFechadegeneración3planes1planEstado:Querétaro",
        "FiltrosaplicadosEstadoQuerétaro",
        "2accioneslocalesreplicanocomplementancompromisosdelPlandeAcciónNacional:1replicany1complementan.Vienende1planlocal,con3compromisosentotal.",
    ] {
        assert!(text.contains(expected), "{expected} missing in:\n{text}");
    }
    assert!(!text.contains("PlandeAcciónLocaldeOaxaca"));
    cleanup(&dir);
}

/// Rough figures for 500 generated plans (1 to 15 commitments each, every
/// third commitment with percents typed): the progress read and added up,
/// the report built, laid out and drawn. Printed, not asserted (run with
/// `cargo test --release --test articulation_report five_hundred -- --nocapture`).
#[test]
fn five_hundred_plans_report_rough_figures() {
    use std::time::Instant;
    let states: Vec<&str> = plan_local_ga::catalog::STATES
        .iter()
        .map(|s| s.code)
        .collect();
    let ids: Vec<String> = NationalPlan::fourth_plan()
        .commitments
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let mut set = PlanSet::new();
    for i in 0..500 {
        let state = states[i % 32];
        let municipalities = plan_local_ga::catalog::municipalities_of(state);
        let code = if i % 3 == 0 {
            state
        } else {
            municipalities[i % municipalities.len()].code
        };
        let links: Vec<Option<(Relation, &str)>> = (0..(1 + i % 15))
            .map(|k| match k % 3 {
                0 => Some((R, ids[(i + k) % ids.len()].as_str())),
                1 => Some((C, ids[(i * 7 + k) % ids.len()].as_str())),
                _ => None,
            })
            .collect();
        let mut p = plan(
            &format!("Plan local {i}"),
            &[code],
            NationalPlan::fourth_plan(),
            &links,
        );
        for c in (0..p.commitments.len()).step_by(3) {
            typed(&mut p, c, [(i % 101) as u8, 50, 10]);
        }
        set.add(LoadedPlan::new(format!("plan-{i}.json"), p));
    }
    let index = Index::build(&set);
    let all = Filters::default();
    let view = index.view(&all);
    let start = Instant::now();
    let reports = Reports::read(&set);
    let read = start.elapsed();
    let start = Instant::now();
    let p = progress_view(&index, &reports, &view, &all);
    let added = start.elapsed();
    assert_eq!(p.plans.len(), 500);
    assert!(p.total.reported > 0 && p.total.reported < p.total.commitments);
    let start = Instant::now();
    let doc = articulation_document(&set, &index, &view, &all, when());
    let built = start.elapsed();
    let json = serde_json::to_string(&doc).expect("serialises");
    let start = Instant::now();
    let laid = layout(&doc, PageSize::LETTER);
    let laid_out = start.elapsed();
    assert!(laid.items_outside_page().is_empty());
    let start = Instant::now();
    let pdf = render_pdf(&doc).expect("renders");
    let drawn = start.elapsed();
    if std::env::var_os("KEEP_PDF").is_some() {
        let dir = scratch_dir("articulation-report-500");
        std::fs::write(dir.join("informe-500.pdf"), &pdf).expect("write");
        cleanup(&dir);
    }
    eprintln!(
        "500 plans ({} commitments): progress read {read:?}, added up {added:?}; report built \
         {built:?} ({} KB as JSON), laid out {laid_out:?} ({} pages), PDF drawn (layout \
         included) {drawn:?}, {} KB",
        p.total.commitments,
        json.len() / 1024,
        laid.pages.len(),
        pdf.len() / 1024
    );
}
