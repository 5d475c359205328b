//! Native tests of the bundled catalogues: counts, unique codes, cross-references
//! (also enforced by build.rs), and accent- and case-insensitive search.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use plan_local_ga::catalog::{self, PndEdition};

#[test]
fn counts_match_the_sources() {
    assert_eq!(catalog::STATES.len(), 32);
    assert_eq!(catalog::MUNICIPALITIES.len(), 2469);
    assert_eq!(catalog::SDG_GOALS.len(), 17);
    assert_eq!(catalog::SDG_TARGETS.len(), 169);
    assert_eq!(catalog::NATIONAL_4PA.len(), 13);
    assert_eq!(catalog::pnd_axes(PndEdition::Pnd2019).count(), 6);
    assert_eq!(catalog::pnd_axes(PndEdition::Pnd2025).count(), 7);
    assert!(catalog::OGP_POLICY_AREAS.len() >= 30);
}

#[test]
fn codes_are_unique_and_cross_references_hold() {
    let unique = |codes: Vec<&str>| codes.len() == codes.iter().collect::<HashSet<_>>().len();
    assert!(unique(catalog::STATES.iter().map(|s| s.code).collect()));
    assert!(unique(
        catalog::MUNICIPALITIES.iter().map(|m| m.code).collect()
    ));
    assert!(unique(
        catalog::SDG_TARGETS.iter().map(|t| t.code).collect()
    ));
    assert!(unique(catalog::NATIONAL_4PA.iter().map(|c| c.id).collect()));
    for m in &catalog::MUNICIPALITIES {
        assert!(
            catalog::state(m.state_code()).is_some(),
            "{} has a state",
            m.code
        );
    }
    for s in &catalog::STATES {
        assert_eq!(
            catalog::municipalities_of(s.code).len(),
            usize::from(s.municipality_count),
            "{}",
            s.name
        );
    }
    for t in &catalog::SDG_TARGETS {
        assert!(catalog::sdg_goal(t.goal).is_some(), "{} has a goal", t.code);
    }
    let ids: Vec<&str> = catalog::NATIONAL_4PA.iter().map(|c| c.id).collect();
    assert_eq!(ids.first(), Some(&"MX0075"));
    assert_eq!(ids.last(), Some(&"MX0087"));
}

#[test]
fn known_facts_are_there() {
    assert_eq!(catalog::state("22").map(|s| s.name), Some("Querétaro"));
    assert_eq!(
        catalog::municipality("22014").map(|m| m.name),
        Some("Querétaro")
    );
    assert_eq!(catalog::municipalities_of("09").len(), 16, "16 alcaldías");
    assert_eq!(catalog::municipalities_of("20").len(), 570, "Oaxaca");
    let t = catalog::sdg_target("16.10").expect("16.10");
    assert!(t
        .title_es
        .starts_with("Garantizar el acceso público a la información"));
    assert_eq!(catalog::sdg_goal(16).map(|g| g.color), Some("#00689D"));
    let c13 = catalog::national_commitment("MX0087").expect("MX0087");
    assert_eq!(
        c13.title_es,
        Some("Estrategia subnacional de gobierno abierto")
    );
    // Press-only Spanish titles are not shown as official.
    assert_eq!(
        catalog::national_commitment("MX0082").and_then(|c| c.title_es),
        None
    );
}

#[test]
fn search_ignores_accents_and_case() {
    assert_eq!(catalog::fold("Querétaro ÑANDÚ"), "queretaro nandu");
    let q = catalog::search_municipalities(Some("22"), "queretaro");
    assert_eq!(q.first().map(|m| m.code), Some("22014"));
    let all = catalog::search_municipalities(None, "QUERETARO");
    assert!(all.iter().any(|m| m.code == "22014"));
    // Names that start with the query come first.
    let t = catalog::search_municipalities(Some("15"), "tlal");
    let names: Vec<&str> = t.iter().map(|m| m.name).collect();
    assert_eq!(names[..2], ["Tlalmanalco", "Tlalnepantla de Baz"]);
    // Decomposed accents (typed or pasted as a letter plus a combining mark)
    // fold to the same text as precomposed ones, the whole word.
    assert_eq!(catalog::fold("QUERE\u{301}TARO"), "queretaro");
    assert_eq!(
        catalog::fold("QUERE\u{301}TARO"),
        catalog::fold("Querétaro")
    );
    assert_eq!(catalog::fold("que\u{301}taro"), "quetaro");
    let decomposed = catalog::search_municipalities(Some("22"), "QUERE\u{301}TARO");
    assert_eq!(decomposed.first().map(|m| m.code), Some("22014"));
    // Several words, in any order.
    let b = catalog::search_municipalities(Some("15"), "baz tlalnepantla");
    assert_eq!(b.iter().map(|m| m.code).collect::<Vec<_>>(), vec!["15104"]);
    assert!(catalog::search_municipalities(Some("22"), "zzzz").is_empty());
    assert_eq!(catalog::search_municipalities(Some("09"), "").len(), 16);
}

#[test]
fn target_search_by_code_goal_and_words() {
    let codes = |q: &str| {
        catalog::search_targets(q)
            .iter()
            .map(|t| t.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("16.10"), vec!["16.10"]);
    assert_eq!(
        codes("16.1"),
        vec!["16.1"],
        "an exact code wins over prefixes"
    );
    assert_eq!(
        codes("5").len(),
        catalog::SDG_TARGETS.iter().filter(|t| t.goal == 5).count()
    );
    assert!(codes("educacion").contains(&"4.1"));
    assert!(codes("ACCESO PUBLICO informacion").contains(&"16.10"));
    // Source texts are stored composed (NFC), so they compare as people type them.
    assert!(catalog::SDG_TARGETS
        .iter()
        .all(|t| !t.title_es.contains('\u{301}')));
    assert!(codes("corrupcion").contains(&"16.5"));
    assert_eq!(codes("").len(), 169);
    assert!(codes("xyzzy").is_empty());
}

// ---- The transparency authorities of 2026 (instituciones-2026.csv) ----------

use catalog::{AuthorityScope, CatalogDate, DataStatus};
use plan_local_ga::labels;

/// The CSV's records, read here with a small reader of its own (quoted fields
/// with commas and doubled quotes), so the tests do not trust `build.rs`.
fn authorities_csv() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/catalog/data/instituciones-2026.csv"
    ))
    .expect("the catalogue file");
    let mut records = Vec::new();
    let (mut record, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the file ends with a line break"
    );
    records
}

const fn day(year: u16, month: u16, day: u16) -> CatalogDate {
    CatalogDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

#[test]
fn every_authority_row_of_the_file_is_in_the_app_with_its_source_and_date() {
    let records = authorities_csv();
    let header = &records[0];
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows = &records[1..];
    assert_eq!(rows.len(), 63, "63 rows, as SOURCES.md says");
    assert_eq!(catalog::AUTHORITIES.len(), rows.len());
    for r in rows {
        let code = (!r[col("clave_inegi")].is_empty()).then_some(r[col("clave_inegi")].as_str());
        let name = (!r[col("institucion")].is_empty()).then_some(r[col("institucion")].as_str());
        let found = catalog::authorities_of(code)
            .iter()
            .find(|a| a.name == name && a.source_title == r[col("fuente_titulo")]);
        let a = found.unwrap_or_else(|| panic!("row {r:?} is in the app"));
        // Every row has a source (its title, and its address unless nothing was
        // confirmed) and the day it was consulted.
        assert!(!a.source_title.trim().is_empty(), "{r:?}: source");
        assert_eq!(a.source_url.unwrap_or(""), r[col("fuente_url")]);
        if a.status != DataStatus::Unconfirmed {
            assert!(
                a.source_url.is_some_and(|u| u.starts_with("https://")),
                "{r:?}: source address"
            );
        }
        assert!(a.consulted.day.is_some(), "{r:?}: consulted on a day");
        assert_eq!(
            a.consulted,
            day(2026, 12, 6),
            "{r:?}: consulted as SOURCES.md says"
        );
        if let Some(since) = a.since {
            assert!(
                since <= a.consulted,
                "{r:?}: in force before it was consulted"
            );
        }
        assert_eq!(
            a.since.is_some(),
            !r[col("desde")].is_empty(),
            "{r:?}: since"
        );
        // A row that names nobody says why, and is not presented as confirmed.
        if a.name.is_none() {
            assert!(a.note.is_some(), "{r:?}: says why nobody is named");
            assert_eq!(a.status, DataStatus::Unconfirmed, "{r:?}");
        }
        let status = match a.status {
            DataStatus::Confirmed => "confirmado",
            DataStatus::Pending => "pendiente",
            DataStatus::Unconfirmed => "sin confirmar",
        };
        assert_eq!(status, r[col("estado_del_dato")], "{r:?}: status");
    }
}

#[test]
fn every_state_has_its_rows_and_the_lookup_gives_only_them() {
    let mut total = catalog::authorities_of(None).len();
    assert_eq!(total, 8, "8 national rows");
    assert!(catalog::authorities_of(None)
        .iter()
        .all(|a| a.state.is_none()));
    for s in &catalog::STATES {
        let rows = catalog::authorities_of(Some(s.code));
        assert!(!rows.is_empty(), "{} has at least one row", s.name);
        assert!(rows.iter().all(|a| a.state == Some(s.code)), "{}", s.name);
        total += rows.len();
    }
    assert_eq!(
        total,
        catalog::AUTHORITIES.len(),
        "no row belongs to no one"
    );
    assert!(catalog::authorities_of(Some("33")).is_empty());
    assert!(catalog::authorities_of(Some("")).is_empty());
}

#[test]
fn quintana_roo_names_its_authority_for_each_branch() {
    let rows = catalog::authorities_for("23", AuthorityScope::Municipal);
    assert_eq!(rows.len(), 4);
    let first = rows[0];
    assert_eq!(
        first.name,
        Some("Instituto Quintanarroense de Transparencia para el Pueblo (IQTP)")
    );
    assert!(first.covers(AuthorityScope::Executive) && first.covers(AuthorityScope::Municipal));
    assert!(!first.covers(AuthorityScope::Judicial));
    assert_eq!(first.status, DataStatus::Confirmed);
    assert_eq!(
        labels::since(first.since.expect("date")),
        "desde el 27 de noviembre de 2025"
    );
    assert_eq!(labels::scopes(first.scopes), "Poder Ejecutivo y municipios");
    let judicial: Vec<_> = rows
        .iter()
        .filter(|a| a.covers(AuthorityScope::Judicial))
        .filter_map(|a| a.name)
        .collect();
    assert_eq!(judicial, ["Tribunal de Disciplina Judicial"]);
    assert_eq!(labels::guarantor_gap("23", AuthorityScope::Executive), None);
    assert_eq!(labels::guarantor_gap("23", AuthorityScope::Municipal), None);
}

#[test]
fn a_state_that_has_named_no_one_is_said_so_with_the_catalogues_date() {
    assert_eq!(
        labels::guarantor_gap("07", AuthorityScope::Executive).as_deref(),
        Some("Al 6 de diciembre de 2026, según las fuentes consultadas, Chiapas no ha designado su autoridad garante de acceso a la información.")
    );
    for code in ["19", "22", "08", "04"] {
        assert!(
            labels::guarantor_gap(code, AuthorityScope::Municipal).is_some(),
            "{code}"
        );
    }
    // Aguascalientes named its executive's, not its municipalities'.
    assert_eq!(labels::guarantor_gap("01", AuthorityScope::Executive), None);
    assert_eq!(
        labels::guarantor_gap("01", AuthorityScope::Municipal).as_deref(),
        Some("Al 6 de diciembre de 2026, según las fuentes consultadas, Aguascalientes no ha designado la autoridad garante de acceso a la información de sus municipios.")
    );
    // A pending or unconfirmed name is still a name: it is shown with its status.
    assert_eq!(labels::guarantor_gap("02", AuthorityScope::Executive), None);
    assert_eq!(labels::guarantor_gap("15", AuthorityScope::Executive), None);
}

#[test]
fn the_national_bodies_are_those_after_the_2025_reform() {
    let names: Vec<&str> = catalog::authorities_of(None)
        .iter()
        .filter_map(|a| a.name)
        .collect();
    for expected in [
        "Secretaría Anticorrupción y Buen Gobierno (SABG)",
        "Transparencia para el Pueblo",
        "Sistema Nacional de Acceso a la Información Pública (SNAIP)",
        "Plataforma Nacional de Transparencia (PNT)",
    ] {
        assert!(names.contains(&expected), "{expected}");
    }
    assert!(
        names
            .iter()
            .all(|n| !n.contains("INAI") && !n.contains("Sistema Nacional de Transparencia")),
        "no extinguished body is named as current: {names:?}"
    );
    assert_eq!(catalog::authorities_consulted(), Some(day(2026, 12, 6)));
}

#[test]
fn catalogue_dates_read_at_their_precision() {
    let d = |year, month, day| CatalogDate { year, month, day };
    assert_eq!(labels::catalog_date(d(2025, None, None)), "2025");
    assert_eq!(
        labels::catalog_date(d(2025, Some(3), None)),
        "marzo de 2025"
    );
    assert_eq!(
        labels::catalog_date(d(2026, Some(12), Some(6))),
        "6 de diciembre de 2026"
    );
    assert_eq!(labels::since(d(2025, Some(3), None)), "desde marzo de 2025");
    assert_eq!(labels::since(d(2025, None, None)), "desde 2025");
    assert_eq!(
        labels::scopes(&[
            AuthorityScope::Legislative,
            AuthorityScope::Judicial,
            AuthorityScope::Autonomous
        ]),
        "Poder Legislativo, Poder Judicial y organismos autónomos"
    );
}
