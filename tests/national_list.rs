//! Native tests of reading a replacement national commitment list (JSON, CSV).
#![cfg(not(target_arch = "wasm32"))]

use plan_local_ga::domain::national_list::{parse_national_list, ListError};
use plan_local_ga::messages;

#[test]
fn csv_with_spanish_headers_quotes_and_semicolons() {
    let text = "clave;título;instituciones\r\nMX0100;\"Datos abiertos; para todas las personas\";SABG\nMX0101;\"Participación \"\"ciudadana\"\"\nen línea\";\n\n";
    let plan = parse_national_list(text, "quinto-plan").expect("valid CSV");
    assert_eq!(plan.name, "quinto-plan");
    assert_eq!(plan.commitments.len(), 2);
    assert_eq!(plan.commitments[0].id, "MX0100");
    assert_eq!(
        plan.commitments[0].title,
        "Datos abiertos; para todas las personas"
    );
    assert_eq!(plan.commitments[0].institutions, "SABG");
    assert_eq!(
        plan.commitments[1].title,
        "Participación \"ciudadana\"\nen línea"
    );
}

#[test]
fn csv_with_english_headers_and_commas() {
    let text = "id,title,institutions\nA1,Primero,\"SFP, INAI\"\nA2,Segundo,";
    let plan = parse_national_list(text, "lista").expect("valid CSV");
    assert_eq!(plan.commitments[0].institutions, "SFP, INAI");
    assert_eq!(plan.commitments[1].title, "Segundo");
}

#[test]
fn json_named_or_bare() {
    let named = r#"{"name": "5º Plan de Acción Nacional (2025-2027)", "commitments": [{"id": "MX0100", "title": "Compromiso uno"}]}"#;
    let plan = parse_national_list(named, "archivo").expect("named JSON");
    assert_eq!(plan.name, "5º Plan de Acción Nacional (2025-2027)");
    let bare = r#"[{"clave": "X1", "titulo": "Uno", "instituciones": "SABG"}]"#;
    let plan = parse_national_list(bare, "archivo").expect("bare JSON with Spanish keys");
    assert_eq!(plan.name, "archivo");
    assert_eq!(plan.commitments[0].institutions, "SABG");
}

#[test]
fn bad_lists_are_refused_with_a_reason() {
    assert_eq!(parse_national_list("  ", "x"), Err(ListError::Empty));
    assert_eq!(
        parse_national_list("{\"name\": ", "x"),
        Err(ListError::Unreadable)
    );
    assert_eq!(
        parse_national_list("a,b\n1,2", "x"),
        Err(ListError::MissingColumns)
    );
    assert_eq!(
        parse_national_list("id,title\n", "x"),
        Err(ListError::NoEntries)
    );
    assert_eq!(
        parse_national_list("id,title\nA1,\n", "x"),
        Err(ListError::MissingValue { row: 1 })
    );
    assert_eq!(
        parse_national_list("id,title\nA1,Uno\nA1,Otro\n", "x"),
        Err(ListError::DuplicateId { id: "A1".into() })
    );
    assert_eq!(
        parse_national_list("id,title\nA1,\"sin cerrar\n", "x"),
        Err(ListError::Unreadable)
    );
    let many: String = std::iter::once("id,title".to_owned())
        .chain((0..301).map(|i| format!("C{i},Título {i}")))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        parse_national_list(&many, "x"),
        Err(ListError::TooMany { count: 301 })
    );
    let long = format!("id,title\nA1,{}\n", "x".repeat(501));
    assert_eq!(
        parse_national_list(&long, "x"),
        Err(ListError::TooLong { row: 1 })
    );
    for e in [
        ListError::Empty,
        ListError::Unreadable,
        ListError::MissingColumns,
        ListError::NoEntries,
        ListError::TooMany { count: 1000 },
        ListError::MissingValue { row: 2 },
        ListError::TooLong { row: 2 },
        ListError::DuplicateId { id: "A".into() },
    ] {
        let m = messages::national_list_error(&e);
        assert!(m.len() > 30 && !m.to_lowercase().contains("inválid"), "{m}");
    }
}

#[test]
fn the_bundled_fourth_plan_round_trips_through_json() {
    let fourth = plan_local_ga::domain::NationalPlan::fourth_plan();
    let text = serde_json::to_string(&fourth).expect("json");
    let back = parse_national_list(&text, "x").expect("reads its own JSON");
    assert_eq!(back.name, fourth.name);
    assert_eq!(back.commitments.len(), 13);
    assert_eq!(back, fourth, "nothing lost, English-title marks included");
}
