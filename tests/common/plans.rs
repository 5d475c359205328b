//! Valid plan parts for the domain tests, built through the same `parse`
//! functions the pages use (so a builder can never hold what a page would refuse).

use plan_local_ga::catalog::PndEdition;
use plan_local_ga::domain::commitment::{
    AlignmentInput, ObjectivesInput, TeamMember, TeamMemberInput, ValuesInput,
};
use plan_local_ga::domain::contact::ContactInput;
use plan_local_ga::domain::key_action::{KeyAction, KeyActionInput};
use plan_local_ga::domain::profile::{Framework, FrameworkInput, Office, OfficeInput};
use plan_local_ga::domain::{
    Commitment, CommitmentId, CommitmentInput, ItemId, NationalPlan, Period, Profile, ProfileInput,
};

/// A contact as typed on a page: a person's name and institution, the rest empty.
pub fn person(name: &str, institution: &str) -> ContactInput {
    ContactInput {
        name: name.into(),
        institution: institution.into(),
        ..ContactInput::default()
    }
}

/// A commitment's team member as its page parses it, without a role.
pub fn team_member(contact: ContactInput, id: u32) -> TeamMember {
    TeamMemberInput {
        contact,
        role: String::new(),
    }
    .parse(ItemId(id))
    .expect("valid team member")
}

/// The coordinating office (profile, page 2).
pub fn office() -> Office {
    OfficeInput {
        name: "Dirección de Gobierno Abierto".into(),
        contact: ContactInput {
            email: "gobierno.abierto@queretaro.gob.mx".into(),
            phone: "442 238 7700".into(),
            ..person("María López Hernández", "Secretaría de la Contraloría")
        },
    }
    .parse()
    .expect("valid office")
}

/// The planning framework (profile, page 3), PND 2019-2024.
pub fn framework() -> Framework {
    let f = FrameworkInput {
        development_plan: "Plan Municipal de Desarrollo 2024-2027".into(),
        pnd_edition: "2019-2024".into(),
        legal_framework: "Ley de Transparencia del Estado de Querétaro\nReglamento municipal"
            .into(),
        guarantor: "Comisión de Transparencia del Estado de Querétaro".into(),
    }
    .parse()
    .expect("valid framework");
    assert_eq!(f.pnd_edition, PndEdition::Pnd2019);
    f
}

/// A key action as typed, with the given weight and dates.
pub fn key_action_input(weight: &str, start: &str, end: &str) -> KeyActionInput {
    KeyActionInput {
        name: "Publicar el presupuesto en datos abiertos".into(),
        weight: weight.into(),
        indicator: "Conjuntos de datos publicados".into(),
        verification: "Liga al portal de datos".into(),
        start: start.into(),
        end: end.into(),
        ..KeyActionInput::default()
    }
}

/// A valid key action within `commitment`.
pub fn key_action(
    id: u32,
    weight: u8,
    start: &str,
    end: &str,
    commitment: impl Into<Option<Period>>,
) -> KeyAction {
    key_action_input(&weight.to_string(), start, end)
        .parse(ItemId(id), commitment, Vec::new())
        .expect("valid key action")
}

/// A commitment whose ficha is complete: general data, people responsible,
/// objectives, values, alignment and key actions whose weights add up to 100.
pub fn complete_commitment(id: CommitmentId, start: &str, end: &str) -> Commitment {
    let mut c = CommitmentInput {
        name: "Presupuesto participativo".into(),
        start: start.into(),
        end: end.into(),
    }
    .parse(id, None, None)
    .expect("valid general data");
    c.responsible = vec![team_member(person("Ana Ruiz", "Tesorería municipal"), 1)];
    c.co_responsible = vec![team_member(
        person("Luis Pérez", "Observatorio Ciudadano de Querétaro"),
        2,
    )];
    c.objectives = Some(
        ObjectivesInput {
            short_term: "Publicar el presupuesto cada trimestre".into(),
            problem_text: "La ciudadanía no conoce en qué se gasta".into(),
            how_it_helps: "Permite vigilar el gasto".into(),
            verification: "Informes trimestrales publicados".into(),
            ..ObjectivesInput::default()
        }
        .parse(&[])
        .expect("valid objectives"),
    );
    c.values = ValuesInput {
        values: "transparencia".into(),
        transparencia: "Publica información presupuestaria".into(),
        ..ValuesInput::default()
    }
    .parse()
    .expect("valid values");
    c.alignment = AlignmentInput {
        relation: "replica".into(),
        national: "MX0087".into(),
        sdg_targets: "16.6".into(),
        ..AlignmentInput::default()
    }
    .parse(&NationalPlan::fourth_plan(), None)
    .expect("valid alignment");
    c.key_actions = vec![
        key_action(1, 60, start, end, c.period.clone()),
        key_action(2, 40, start, end, c.period.clone()),
    ];
    c
}

/// The profile of the municipality of Querétaro, plan period 10/12/2025 to 31/08/2027.
pub fn profile() -> Profile {
    ProfileInput {
        kind: "municipio".into(),
        state: "22".into(),
        municipality: "22014".into(),
        plan_name: "Plan de Acción Local de Gobierno Abierto 2025-2027".into(),
        start: "10/12/2025".into(),
        end: "31/08/2027".into(),
        term_end: "30/09/2027".into(),
    }
    .parse()
    .expect("valid profile")
}
