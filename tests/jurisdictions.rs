//! Native tests of who makes a plan (schema 5): one state, municipality or
//! alcaldía; a coalition of them with one lead; or the federation. The rules of
//! the list, the profile page's coalition fields (add, remove, move, choose the
//! lead), the real plans of `tests/fixtures/planes-reales/`, the Spanish
//! messages, and how the plan names its makers.
#![cfg(not(target_arch = "wasm32"))]

use plan_local_ga::domain::profile::{JurisdictionsError as E, FEDERATION_NAME};
use plan_local_ga::domain::{
    Field, FieldError, InegiCode, Jurisdiction, JurisdictionKind, Jurisdictions, Makers, Named,
    Problem, Profile, ProfileInput,
};
use plan_local_ga::labels::{entity_line, entity_name};
use plan_local_ga::messages;
use serde_json::{json, Value};

/// A transcribed real plan (`tests/fixtures/planes-reales/<name>.json`).
fn real_plan(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/planes-reales/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
}

/// The jurisdictions a real plan publishes: (INEGI name, kind, code).
fn published(plan: &Value) -> Vec<(String, String, Option<String>)> {
    plan["jurisdicciones"]
        .as_array()
        .expect("jurisdicciones")
        .iter()
        .map(|j| {
            (
                j["nombre"].as_str().expect("nombre").to_owned(),
                j["tipo"].as_str().expect("tipo").to_owned(),
                j["clave_inegi"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// The profile page's fields for a plan made by `kind`, period 2023-2024.
fn input(kind: &str) -> ProfileInput {
    ProfileInput {
        kind: kind.into(),
        plan_name: "Plan de Acción Local de Gobierno Abierto".into(),
        start: "01/01/2023".into(),
        end: "31/07/2024".into(),
        ..ProfileInput::default()
    }
}

fn coalition(members: &str, lead: &str) -> ProfileInput {
    ProfileInput {
        members: members.into(),
        lead: lead.into(),
        ..input("coalicion")
    }
}

fn member(code: &str) -> Jurisdiction {
    Jurisdiction::from_catalog(code).expect("in the catalogue")
}

fn errors(input: &ProfileInput) -> Vec<FieldError> {
    input.parse().expect_err("refused")
}

fn said(errors: &[FieldError]) -> Vec<String> {
    errors.iter().map(messages::field_error).collect()
}

const MEMBERS: Field = Field::Named(Named::Members);
const LEAD: Field = Field::Named(Named::Lead);

// ---------------------------------------------------------------------------------
// The rules of the list

#[test]
fn the_nuevo_leon_coalition_as_published_is_a_coalition_led_by_the_state() {
    let plan = real_plan("nuevo-leon-coalicion-2022-2024");
    let members = published(&plan);
    assert_eq!(members.len(), 3);
    let codes: Vec<&str> = members
        .iter()
        .map(|(_, _, code)| code.as_deref().expect("a code"))
        .collect();
    let profile = coalition(&codes.join(","), "19").parse().expect("valid");
    let js = &profile.jurisdictions;
    assert_eq!(js.makers(), Makers::Coalition);
    for ((name, kind, code), m) in members.iter().zip(js.members()) {
        assert_eq!(&m.name, name, "the catalogue's name is the one INEGI uses");
        assert_eq!(m.kind.key(), kind.as_str());
        assert_eq!(m.code(), code.as_deref());
    }
    assert_eq!(profile.lead().name, "Nuevo León");
    assert_eq!(js.members().iter().filter(|m| m.lead).count(), 1);
    // Shown again as entered.
    assert_eq!(
        ProfileInput::from_profile(&profile),
        coalition("19,19039,19019", "19")
    );
}

#[test]
fn the_estado_de_mexico_plan_keeps_tlalnepantla() {
    let plan = real_plan("estado-de-mexico-tlalnepantla-2021-2022");
    let codes: Vec<String> = published(&plan)
        .into_iter()
        .map(|(_, _, c)| c.expect("a code"))
        .collect();
    let lead = plan["jurisdiccion_lider"]["valor"]
        .as_str()
        .expect("a lead");
    let profile = coalition(&codes.join(","), "15").parse().expect("valid");
    assert_eq!(profile.lead().name, lead);
    assert_eq!(
        entity_name(&profile),
        "Coalición: Estado de México (líder) y Municipio de Tlalnepantla de Baz"
    );
}

#[test]
fn a_national_plan_is_made_by_the_federation_without_an_inegi_code() {
    let plan = real_plan("mx0087-estrategia-subnacional-2019-2021");
    let [(name, kind, code)] = published(&plan).try_into().expect("one maker");
    assert_eq!((kind.as_str(), code), ("federación", None));

    let profile = input("federacion").parse().expect("valid");
    let js = &profile.jurisdictions;
    assert_eq!(js.makers(), Makers::Federation);
    assert_eq!(profile.lead().name, name);
    assert_eq!(profile.lead().name, FEDERATION_NAME);
    assert_eq!(profile.lead().code(), None);
    assert_eq!(ProfileInput::from_profile(&profile), input("federacion"));
    // Stored without a code, and read back.
    let stored = serde_json::to_value(js).expect("json");
    assert_eq!(
        stored,
        json!([{"kind": "federacion", "name": "Estados Unidos Mexicanos", "lead": true}])
    );
    assert_eq!(
        serde_json::from_value::<Jurisdictions>(stored).expect("reads"),
        *js
    );
    // No INEGI code, whatever is typed: "00" is not the federation's.
    for raw in ["00", "09", "", "19039"] {
        assert!(
            InegiCode::parse(raw, JurisdictionKind::Federacion).is_err(),
            "{raw}"
        );
    }
    let with_code =
        json!([{"kind": "federacion", "name": "México", "inegi_code": "00", "lead": true}]);
    assert!(serde_json::from_value::<Jurisdictions>(with_code).is_err());
    let mut federation = Jurisdiction::federation();
    federation.inegi_code = InegiCode::parse("09", JurisdictionKind::Estado).ok();
    assert_eq!(
        Jurisdictions::new(vec![federation]),
        Err(E::FederationWithCode { position: 1 })
    );
}

#[test]
fn the_federation_makes_a_plan_alone() {
    assert_eq!(
        Jurisdictions::with_lead(vec![Jurisdiction::federation(), member("19")], 0),
        Err(E::FederationNotAlone)
    );
    assert_eq!(
        Jurisdictions::with_lead(vec![member("19"), Jurisdiction::federation()], 0),
        Err(E::FederationNotAlone)
    );
}

#[test]
fn exactly_one_member_leads() {
    let three = || vec![member("19"), member("19039"), member("19019")];
    let none = Jurisdictions::new(three());
    assert_eq!(none, Err(E::NoLead));
    let mut two_leads = three();
    two_leads[0].lead = true;
    two_leads[2].lead = true;
    assert_eq!(
        Jurisdictions::new(two_leads),
        Err(E::SeveralLeads { count: 2 })
    );
    let led = Jurisdictions::with_lead(three(), 1).expect("valid");
    assert_eq!(led.lead().name, "Monterrey");
    assert_eq!(
        led.members().iter().map(|m| m.lead).collect::<Vec<_>>(),
        [false, true, false]
    );
    // A one-member list has its lead too.
    assert_eq!(Jurisdictions::new(vec![member("22014")]), Err(E::NoLead));
    let one = Jurisdictions::one(member("22014")).expect("valid");
    assert_eq!(one.makers(), Makers::One);
    assert_eq!(one.lead().name, "Querétaro");
    assert_eq!(Jurisdictions::new(Vec::new()), Err(E::Empty));
}

#[test]
fn no_member_twice_and_every_code_fits_its_kind() {
    assert_eq!(
        Jurisdictions::with_lead(vec![member("19"), member("19039"), member("19039")], 0),
        Err(E::Duplicate {
            position: 3,
            first: 2
        })
    );
    let mut wrong = member("19039");
    wrong.kind = JurisdictionKind::Estado;
    assert_eq!(
        Jurisdictions::with_lead(vec![member("19"), wrong], 0),
        Err(E::CodeShape { position: 2 })
    );
    let mut no_code = member("19039");
    no_code.inegi_code = None;
    assert_eq!(
        Jurisdictions::with_lead(vec![member("19"), no_code], 0),
        Err(E::CodeShape { position: 2 })
    );
}

#[test]
fn the_stored_list_marks_only_the_lead_and_reads_back_by_the_same_rules() {
    let js = Jurisdictions::with_lead(vec![member("19"), member("19039")], 0).expect("valid");
    let stored = serde_json::to_value(&js).expect("json");
    assert_eq!(
        stored,
        json!([
            {"kind": "estado", "name": "Nuevo León", "inegi_code": "19", "lead": true},
            {"kind": "municipio", "name": "Monterrey", "inegi_code": "19039"}
        ])
    );
    assert_eq!(
        serde_json::from_value::<Jurisdictions>(stored.clone()).expect("reads"),
        js
    );
    let mut twice = stored.clone();
    twice[1] = twice[0].clone();
    assert!(serde_json::from_value::<Jurisdictions>(twice).is_err());
    let mut leaderless = stored;
    leaderless[0]["lead"] = false.into();
    assert!(serde_json::from_value::<Jurisdictions>(leaderless).is_err());
}

// ---------------------------------------------------------------------------------
// The profile page's fields

#[test]
fn a_coalition_needs_two_members_and_a_lead() {
    let e = errors(&coalition("", ""));
    assert_eq!(e, vec![FieldError::new(MEMBERS, Problem::Missing)]);
    assert_eq!(
        said(&e),
        ["Seleccione los estados, municipios o alcaldías de la coalición y agréguelos a la lista"]
    );

    let e = errors(&coalition("19", "19"));
    assert_eq!(e, vec![FieldError::new(MEMBERS, Problem::TooFewMembers)]);
    assert_eq!(
        said(&e),
        ["Una coalición tiene al menos dos integrantes. Agregue otro estado, municipio o alcaldía"]
    );

    let e = errors(&coalition("19,19039", ""));
    assert_eq!(e, vec![FieldError::new(LEAD, Problem::Missing)]);
    assert_eq!(said(&e), ["Seleccione qué integrante lidera la coalición"]);
    // A lead that is not (or no longer) a member is no lead.
    assert_eq!(errors(&coalition("19,19039", "19019")), e);

    let p = coalition("19,19039", "19039").parse().expect("valid");
    assert_eq!(p.lead().name, "Monterrey");
}

#[test]
fn a_member_listed_twice_is_refused_in_spanish() {
    let e = errors(&coalition("19,19039,19039", "19"));
    assert_eq!(
        e,
        vec![FieldError::new(
            MEMBERS,
            Problem::AlreadyMember {
                code: "19039".into()
            }
        )]
    );
    assert_eq!(
        said(&e),
        ["Municipio de Monterrey ya es integrante de la coalición. Elija otro estado, municipio o alcaldía"]
    );
    let e = errors(&coalition("19,19999", "19"));
    assert_eq!(e, vec![FieldError::new(MEMBERS, Problem::NotInCatalog)]);
    assert_eq!(
        said(&e),
        ["Un integrante de la coalición no está en el catálogo del INEGI. Quítelo y elija uno de la lista"]
    );
}

#[test]
fn adding_members_by_kind_state_and_municipality() {
    let mut page = input("coalicion");
    // Nothing chosen yet.
    let e = page.add_member().expect_err("no kind");
    assert_eq!(
        said(&e),
        ["Seleccione si el integrante es un estado, un municipio o una alcaldía"]
    );

    // The state first: it becomes the lead, as nothing leads yet.
    page.member_kind = "estado".into();
    page.member_state = "19".into();
    assert_eq!(page.add_member().expect("added").name, "Nuevo León");
    assert_eq!((page.members.as_str(), page.lead.as_str()), ("19", "19"));

    // The same state again.
    let e = page.add_member().expect_err("twice");
    assert_eq!(
        e,
        vec![FieldError::new(
            Named::MemberState.into(),
            Problem::AlreadyMember { code: "19".into() }
        )]
    );
    assert_eq!(
        said(&e),
        ["Estado de Nuevo León ya es integrante de la coalición. Elija otro estado, municipio o alcaldía"]
    );

    // Two municipalities of it: kind and state stay chosen, the municipality is cleared.
    page.member_kind = "municipio".into();
    let e = page.add_member().expect_err("no municipality");
    assert_eq!(
        said(&e),
        ["Seleccione el municipio o la alcaldía del integrante"]
    );
    page.member_municipality = "19039".into();
    page.add_member().expect("Monterrey");
    assert_eq!(page.member_municipality, "");
    assert_eq!(page.member_kind, "municipio");
    assert_eq!(page.member_state, "19");
    page.member_municipality = "19039".into();
    let e = page.add_member().expect_err("Monterrey twice");
    assert_eq!(e[0].field, Field::Named(Named::MemberMunicipality));
    page.member_municipality = "19019".into();
    page.add_member().expect("San Pedro Garza García");
    assert_eq!(page.members, "19,19039,19019");
    assert_eq!(page.lead, "19", "the first member still leads");

    // A municipality of another state, or an alcaldía outside Mexico City.
    page.member_municipality = "15104".into();
    assert_eq!(
        page.add_member().expect_err("other state")[0].problem,
        Problem::MunicipalityOfOtherState
    );
    page.member_kind = "alcaldia".into();
    page.member_municipality = "09015".into();
    assert_eq!(
        page.add_member().expect_err("state is 19")[0].problem,
        Problem::KindDoesNotFitState
    );
    page.member_state.clear();
    assert_eq!(page.add_member().expect("CDMX implied").name, "Cuauhtémoc");

    let profile = page.parse().expect("valid");
    assert_eq!(profile.jurisdictions.members().len(), 4);
    assert_eq!(
        entity_name(&profile),
        "Coalición: Estado de Nuevo León (líder), Municipio de Monterrey, Municipio de San Pedro Garza García y Alcaldía Cuauhtémoc"
    );
}

#[test]
fn moving_and_removing_members_and_the_lead() {
    let mut page = coalition("19039,19019,19", "19039");
    assert!(page.move_member("19", true));
    assert_eq!(page.members, "19039,19,19019");
    assert!(page.move_member("19", true));
    assert_eq!(page.members, "19,19039,19019");
    assert!(!page.move_member("19", true), "already first");
    assert!(!page.move_member("19019", false), "already last");
    assert!(!page.move_member("15104", false), "not a member");
    assert!(page.move_member("19039", false));
    assert_eq!(page.members, "19,19019,19039");

    page.remove_member("19019");
    assert_eq!(
        (page.members.as_str(), page.lead.as_str()),
        ("19,19039", "19039")
    );
    // Removing the lead leaves the choice to the person.
    page.remove_member("19039");
    assert_eq!((page.members.as_str(), page.lead.as_str()), ("19", ""));
    let e = errors(&page);
    assert_eq!(fields(&e), [MEMBERS, LEAD]);
}

fn fields(errors: &[FieldError]) -> Vec<Field> {
    errors.iter().map(|e| e.field).collect()
}

#[test]
fn a_single_jurisdiction_is_entered_as_before() {
    let mut page = input("municipio");
    page.state = "19".into();
    page.municipality = "19039".into();
    // Coalition fields typed before switching to one municipality are ignored.
    page.members = "19,19019".into();
    let p = page.parse().expect("valid");
    assert_eq!(p.jurisdictions.makers(), Makers::One);
    assert_eq!(p.lead().name, "Monterrey");
    assert_eq!(p.lead().kind, JurisdictionKind::Municipio);
    // Unknown kinds ask for a kind.
    assert_eq!(fields(&errors(&input("pais"))), [Field::JurisdictionKind]);
}

// ---------------------------------------------------------------------------------
// How the plan names its makers

fn profile_of(input: ProfileInput) -> Profile {
    input.parse().expect("valid")
}

#[test]
fn every_member_is_named_with_its_code_and_the_federation_without_one() {
    let nl = profile_of(coalition("19,19039,19019", "19"));
    assert_eq!(
        entity_line(&nl),
        "Coalición: Estado de Nuevo León (clave INEGI 19, líder), Municipio de Monterrey (clave INEGI 19039) y Municipio de San Pedro Garza García (clave INEGI 19019)"
    );
    assert_eq!(
        entity_name(&nl),
        "Coalición: Estado de Nuevo León (líder), Municipio de Monterrey y Municipio de San Pedro Garza García"
    );
    let federation = profile_of(input("federacion"));
    assert_eq!(
        entity_line(&federation),
        "Federación (Estados Unidos Mexicanos)"
    );
    assert_eq!(entity_name(&federation), entity_line(&federation));
    let mut one = input("municipio");
    one.state = "22".into();
    one.municipality = "22014".into();
    let one = profile_of(one);
    assert_eq!(
        entity_line(&one),
        "Municipio de Querétaro (clave INEGI 22014)"
    );
    assert_eq!(entity_name(&one), "Municipio de Querétaro");
}

#[test]
fn a_member_chosen_but_not_added_is_not_lost_without_a_word() {
    let mut page = coalition("19,19039", "19");
    page.member_kind = "municipio".into();
    page.member_state = "19".into();
    page.member_municipality = "19026".into();
    let e = errors(&page);
    assert_eq!(
        e,
        vec![FieldError::new(
            Named::MemberMunicipality.into(),
            Problem::MemberNotAdded {
                code: "19026".into()
            }
        )]
    );
    assert_eq!(
        said(&e),
        ["Falta agregar Municipio de Guadalupe a la coalición: pulse «Agregar a la coalición»"]
    );
    page.add_member().expect("Guadalupe");
    assert_eq!(
        page.parse().expect("valid").jurisdictions.members().len(),
        3
    );
    // A choice that is already a member is nothing pending.
    page.member_kind = "estado".into();
    assert!(page.parse().is_ok());
}
