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
