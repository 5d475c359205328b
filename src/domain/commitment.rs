//! Commitments (compromisos) in the national ficha's format: general data,
//! people responsible, objectives, OGP values, alignment, and key actions
//! (see [`super::key_action`]). Each part is edited on its own page, so each
//! has its own raw input and `parse`.

use serde::{Deserialize, Serialize};

use super::alignment::{split_codes, Alignment, NationalLink, NationalPlan, Relation};
use super::choice::{
    choice_set, choices, join_keys, next_id, optional_choice, remove_item, upsert, ItemId,
};
use super::contact::{Contact, ContactInput, ContactRules, MAX_LONG, MAX_SHORT};
use super::date::{format_date, Period};
use super::error::{optional_text, required_text, Field, FieldError, Named, Problem, Reading};
use super::key_action::{
    spread_remainder, weight_status, Activity, KeyAction, Weight, WeightStatus,
};
use super::unknown::{carry_fields, list_item_by, Carry, Unknown};
use crate::catalog;

/// Longest accepted commitment name.
pub const MAX_COMMITMENT_NAME: usize = 300;

/// A commitment's identity inside one plan. It never changes when commitments are
/// reordered, so links (`/plan/compromisos/3`) stay valid; the number shown to
/// people is the commitment's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CommitmentId(pub u32);

choices! {
    /// OGP values a commitment can be relevant to.
    OgpValue {
        Transparencia => "transparencia",
        ParticipacionCiudadana => "participacion",
        RendicionDeCuentas => "rendicion",
        TecnologiaInnovacion => "tecnologia",
        Inclusion => "inclusion",
    }
}

impl OgpValue {
    /// Transparency, civic participation and public accountability; technology
    /// and inclusion count only in addition to one of these.
    pub fn is_core(self) -> bool {
        matches!(
            self,
            OgpValue::Transparencia
                | OgpValue::ParticipacionCiudadana
                | OgpValue::RendicionDeCuentas
        )
    }
}

/// An OGP value with the reason the commitment serves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueReason {
    pub value: OgpValue,
    #[serde(default)]
    pub reason: String,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(ValueReason);
list_item_by!(ValueReason, value);

choices! {
    /// What a member of a commitment's team does in it.
    TeamRole {
        Lidera => "lidera",
        Coordina => "coordina",
        Supervisa => "supervisa",
        Apoya => "apoya",
    }
}

/// A member of a commitment's team (responsible or co-responsible): an
/// institution or organisation, optionally with a person, and its role; with
/// an id so each can be changed or removed on its own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub id: ItemId,
    /// Lidera, Coordina, Supervisa or Apoya (schema 5), when given.
    #[serde(default)]
    pub role: Option<TeamRole>,
    #[serde(flatten)]
    pub contact: Contact,
}

// The member's own object is its contact's (flattened): the contact collects
// every unknown field of it.
impl Carry for TeamMember {
    fn carry_from(&mut self, old: &Self) {
        self.contact.carry_from(&old.contact);
    }
    fn holds_unknown(&self) -> bool {
        self.contact.holds_unknown()
    }
}
list_item_by!(TeamMember, id);

/// A team member's page as typed (serde names are field keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamMemberInput {
    #[serde(flatten)]
    pub contact: ContactInput,
    #[serde(rename = "papel-compromiso")]
    pub role: String,
}

impl TeamMemberInput {
    pub fn from_value(m: &TeamMember) -> Self {
        Self {
            contact: ContactInput::from_contact(&m.contact),
            role: m.role.map(|r| r.key().to_owned()).unwrap_or_default(),
        }
    }

    /// A responsible or co-responsible institution (required), optionally
    /// with a person, and its role (optional).
    pub fn parse(&self, id: ItemId) -> Result<TeamMember, Vec<FieldError>> {
        let mut errors = Vec::new();
        let contact = self
            .contact
            .parse_into(ContactRules::INSTITUTION, &mut errors);
        let role = optional_choice(
            &self.role,
            Named::TeamRole.into(),
            TeamRole::from_key,
            &mut errors,
        );
        match contact {
            Some(contact) if errors.is_empty() => Ok(TeamMember { id, role, contact }),
            _ => Err(errors),
        }
    }
}

/// The ficha's narrative: objectives, problem, assumptions, verification.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objectives {
    #[serde(default)]
    pub short_term: String,
    #[serde(default)]
    pub medium_term: Option<String>,
    /// The step-5 problem it answers.
    #[serde(default)]
    pub problem: Option<ItemId>,
    /// "¿Cuál es la problemática que el compromiso aborda?"
    #[serde(default)]
    pub problem_text: String,
    /// "¿Cómo contribuirá a resolver la problemática?"
    #[serde(default)]
    pub how_it_helps: String,
    #[serde(default)]
    pub assumptions: Option<String>,
    /// "¿Cómo se verificará el cumplimiento del compromiso?"
    #[serde(default)]
    pub verification: String,
    /// Other actors involved (civil society, private sector, multilaterals, academia).
    #[serde(default)]
    pub other_actors: Option<String>,
    /// The executive summary (resumen ejecutivo).
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub additional_info: Option<String>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Objectives);

/// One commitment of the plan: every value is readable by construction; what
/// the methodology still asks for (an empty name, no dates) is allowed, so a
/// published plan can be recorded as published (see [`crate::domain::error::Reading`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub id: CommitmentId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub period: Option<Period>,
    /// National commitment and SDG targets (schema 2; empty in drafts from schema 1),
    /// PND and local plan axes and gender perspective (schema 4).
    #[serde(default)]
    pub alignment: Alignment,
    /// Responsible institutions and people (schema 4, as all that follows).
    #[serde(default)]
    pub responsible: Vec<TeamMember>,
    /// Co-responsible organisations (at least one non-government, advisory).
    #[serde(default)]
    pub co_responsible: Vec<TeamMember>,
    #[serde(default)]
    pub objectives: Option<Objectives>,
    #[serde(default)]
    pub values: Vec<ValueReason>,
    #[serde(default)]
    pub key_actions: Vec<KeyAction>,
    /// What OGP and the monitoring body publish about it ([`super::ogp`]);
    /// absent, it is not written (earlier drafts re-encode unchanged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ogp: Option<super::ogp::CommitmentOgp>,
    /// The plan's own classification the way OGP's data classifies
    /// commitments ([`super::classification`]); absent, it is not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<super::classification::Classification>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(
    Commitment,
    period,
    alignment,
    responsible,
    co_responsible,
    objectives,
    values,
    key_actions,
    ogp,
    classification,
);
list_item_by!(Commitment, id);

impl Commitment {
    /// A new commitment with only its general data.
    pub fn new(id: CommitmentId, name: String, period: Option<Period>) -> Self {
        Self {
            id,
            name,
            period,
            alignment: Alignment::default(),
            responsible: Vec::new(),
            co_responsible: Vec::new(),
            objectives: None,
            values: Vec::new(),
            key_actions: Vec::new(),
            ogp: None,
            classification: None,
            unknown: Unknown::new(),
        }
    }
    pub fn key_action(&self, id: ItemId) -> Option<&KeyAction> {
        self.key_actions.iter().find(|k| k.id == id)
    }
    pub fn key_action_mut(&mut self, id: ItemId) -> Option<&mut KeyAction> {
        self.key_actions.iter_mut().find(|k| k.id == id)
    }
    pub fn next_key_action_id(&self) -> ItemId {
        next_id(self.key_actions.iter().map(|k| k.id))
    }
    pub fn next_contact_id(&self) -> ItemId {
        next_id(
            self.responsible
                .iter()
                .chain(&self.co_responsible)
                .map(|c| c.id),
        )
    }
    /// Key actions whose dates fall outside the commitment's period (when both have dates).
    pub fn key_actions_outside(&self) -> Vec<ItemId> {
        let Some(period) = &self.period else {
            return Vec::new();
        };
        self.key_actions
            .iter()
            .filter(|k| k.period.as_ref().is_some_and(|p| !period.contains(p)))
            .map(|k| k.id)
            .collect()
    }

    /// Whether the key actions' weights add up to 100.
    pub fn weight_status(&self) -> WeightStatus {
        weight_status(&self.key_actions)
    }

    /// The sum of the weights of the key actions other than `id` (all of them
    /// for a new key action): what a key action's weight must complete to 100.
    pub fn other_weights(&self, id: ItemId) -> u32 {
        self.key_actions
            .iter()
            .filter(|k| k.id != id)
            .filter_map(|k| k.weight)
            .map(u32::from)
            .sum()
    }

    /// Makes the key actions' weights add up to exactly 100, changing them as
    /// little as possible (see [`spread_remainder`]); returns whether any changed.
    pub fn spread_weights(&mut self) -> bool {
        // A key action without a weight yet counts as 0 and receives its share.
        let weights: Vec<u8> = self
            .key_actions
            .iter()
            .map(|k| k.weight.map_or(0, Weight::get))
            .collect();
        let Some(spread) = spread_remainder(&weights) else {
            return false;
        };
        let mut changed = false;
        for (k, w) in self.key_actions.iter_mut().zip(spread) {
            // Every spread weight is 1-100: it holds for up to 100 key actions.
            if let Ok(w) = Weight::new(w.into()) {
                changed |= k.weight != Some(w);
                k.weight = Some(w);
            }
        }
        changed
    }

    /// Replaces the key action with the same id, or appends it (saving its page).
    pub fn upsert_key_action(&mut self, key_action: KeyAction) {
        upsert(&mut self.key_actions, key_action);
    }

    /// Removes a key action and its activities; returns whether it existed.
    /// The other weights stay as they are: [`Self::weight_status`] then says
    /// how far they are from 100.
    pub fn remove_key_action(&mut self, id: ItemId) -> bool {
        remove_item(&mut self.key_actions, id)
    }

    /// Removes an activity of a key action; returns whether it existed.
    pub fn remove_activity(&mut self, key_action: ItemId, activity: ItemId) -> bool {
        self.key_action_mut(key_action)
            .is_some_and(|k| k.remove_activity(activity))
    }

    /// Replaces the activity with the same id under a key action, or appends
    /// it; returns whether the key action exists.
    pub fn upsert_activity(&mut self, key_action: ItemId, activity: Activity) -> bool {
        match self.key_action_mut(key_action) {
            Some(k) => {
                upsert(&mut k.activities, activity);
                true
            }
            None => false,
        }
    }
}

/// The commitment's general data as typed (serde names are [`Field::key`]s).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommitmentInput {
    #[serde(rename = "nombre-compromiso")]
    pub name: String,
    #[serde(rename = "inicio-compromiso")]
    pub start: String,
    #[serde(rename = "termino-compromiso")]
    pub end: String,
}

impl CommitmentInput {
    pub fn from_commitment(c: &Commitment) -> Self {
        Self {
            name: c.name.clone(),
            start: c
                .period
                .as_ref()
                .map(|p| format_date(p.start()))
                .unwrap_or_default(),
            end: c
                .period
                .as_ref()
                .map(|p| format_date(p.end()))
                .unwrap_or_default(),
        }
    }

    /// Parses the name and dates (strict: every rule met). When the plan has a
    /// period, the commitment must lie within it. The result is the commitment
    /// `existing` (or a new one) with these values.
    pub fn parse(
        &self,
        id: CommitmentId,
        plan_period: impl Into<Option<Period>>,
        existing: Option<&Commitment>,
    ) -> Result<Commitment, Vec<FieldError>> {
        self.read(id, plan_period.into().as_ref(), existing)
            .complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(
        &self,
        id: CommitmentId,
        plan_period: Option<&Period>,
        existing: Option<&Commitment>,
    ) -> Reading<Commitment> {
        let mut errors = Vec::new();
        let name = required_text(
            &self.name,
            Field::CommitmentName,
            MAX_COMMITMENT_NAME,
            &mut errors,
        );
        let period = Period::parse(
            &self.start,
            &self.end,
            Field::CommitmentStart,
            Field::CommitmentEnd,
            &mut errors,
        );
        if let (Some(own), Some(plan)) = (&period, plan_period) {
            if !plan.contains_date(own.start()) {
                errors.push(FieldError::new(
                    Field::CommitmentStart,
                    Problem::OutsidePlanPeriod {
                        period: plan.clone(),
                    },
                ));
            }
            if !plan.contains_date(own.end()) {
                errors.push(FieldError::new(
                    Field::CommitmentEnd,
                    Problem::OutsidePlanPeriod {
                        period: plan.clone(),
                    },
                ));
            }
        }
        let name = name.unwrap_or_default();
        Reading::new(
            || match existing {
                Some(c) => Commitment {
                    name,
                    period,
                    ..c.clone()
                },
                None => Commitment::new(id, name, period),
            },
            errors,
        )
    }
}

/// The alignment page as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignmentInput {
    /// "replica", "complementa", "nuevo" or empty.
    #[serde(rename = "relacion-nacional")]
    pub relation: String,
    /// Id of the national commitment (e.g. "MX0087").
    #[serde(rename = "compromiso-nacional")]
    pub national: String,
    /// SDG target codes separated by commas ("16.6,16.10").
    #[serde(rename = "metas-ods")]
    pub sdg_targets: String,
    /// Key of a PND axis of the profile's edition ("general-1"), "otro", or empty.
    #[serde(rename = "eje-pnd")]
    pub pnd_axis: String,
    /// The axis or section typed when "otro".
    #[serde(rename = "eje-pnd-cual")]
    pub pnd_axis_other: String,
    #[serde(rename = "eje-plan-local")]
    pub local_axis: String,
    #[serde(rename = "perspectiva-genero")]
    pub gender: String,
}

/// Form key of a PND axis ("general-1", "transversal-2").
pub fn pnd_axis_key(axis: &catalog::PndAxis) -> String {
    let kind = match axis.kind {
        catalog::PndAxisKind::General => "general",
        catalog::PndAxisKind::Transversal => "transversal",
    };
    format!("{kind}-{}", axis.number)
}

/// How a PND axis is written in a plan ("Eje general 1. Justicia y Estado de Derecho").
pub fn pnd_axis_label(axis: &catalog::PndAxis) -> String {
    let kind = match axis.kind {
        catalog::PndAxisKind::General => "Eje general",
        catalog::PndAxisKind::Transversal => "Eje transversal",
    };
    format!("{kind} {}. {}", axis.number, axis.name)
}

impl AlignmentInput {
    pub fn from_commitment(c: &Commitment, edition: Option<catalog::PndEdition>) -> Self {
        let a = &c.alignment;
        let (pnd_axis, pnd_axis_other) = match &a.pnd_axis {
            None => (String::new(), String::new()),
            Some(text) => match edition
                .and_then(|e| catalog::pnd_axes(e).find(|x| pnd_axis_label(x) == *text))
            {
                Some(axis) => (pnd_axis_key(axis), String::new()),
                None => ("otro".to_owned(), text.clone()),
            },
        };
        Self {
            relation: a
                .national
                .as_ref()
                .map_or("", |n| n.relation().key())
                .to_owned(),
            national: a
                .national
                .as_ref()
                .and_then(|n| n.commitment())
                .unwrap_or("")
                .to_owned(),
            sdg_targets: a.sdg_targets.join(","),
            pnd_axis,
            pnd_axis_other,
            local_axis: a.local_axis.clone().unwrap_or_default(),
            gender: a.gender.clone().unwrap_or_default(),
        }
    }

    /// Parses the alignment against the plan's national list and PND edition.
    pub fn parse(
        &self,
        national_plan: &NationalPlan,
        edition: Option<catalog::PndEdition>,
    ) -> Result<Alignment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut alignment = self.alignment(national_plan, &mut errors);
        alignment.pnd_axis = match self.pnd_axis.trim() {
            "" => None,
            "otro" => required_text(
                &self.pnd_axis_other,
                Named::PndAxisOther.into(),
                MAX_SHORT,
                &mut errors,
            ),
            key => {
                match edition.and_then(|e| catalog::pnd_axes(e).find(|x| pnd_axis_key(x) == key)) {
                    Some(axis) => Some(pnd_axis_label(axis)),
                    None => {
                        errors.push(FieldError::new(
                            Named::PndAxis.into(),
                            Problem::NotInCatalog,
                        ));
                        None
                    }
                }
            }
        };
        alignment.local_axis = optional_text(
            &self.local_axis,
            Named::LocalAxis.into(),
            MAX_SHORT,
            &mut errors,
        );
        alignment.gender = optional_text(&self.gender, Named::Gender.into(), MAX_LONG, &mut errors);
        if errors.is_empty() {
            Ok(alignment)
        } else {
            Err(errors)
        }
    }

    fn alignment(&self, national_plan: &NationalPlan, errors: &mut Vec<FieldError>) -> Alignment {
        let national_id = self.national.trim();
        let national = match Relation::from_key(self.relation.trim()) {
            None if self.relation.trim().is_empty() => None,
            None => {
                errors.push(FieldError::new(
                    Field::NationalRelation,
                    Problem::NotInCatalog,
                ));
                None
            }
            Some(Relation::Nuevo) => NationalLink::new(Relation::Nuevo, None),
            Some(relation) if national_id.is_empty() => {
                errors.push(FieldError::new(Field::NationalCommitment, Problem::Missing));
                let _ = relation;
                None
            }
            Some(relation) => {
                if national_plan.entry(national_id).is_some() {
                    NationalLink::new(relation, Some(national_id.to_owned()))
                } else {
                    errors.push(FieldError::new(
                        Field::NationalCommitment,
                        Problem::NotInCatalog,
                    ));
                    None
                }
            }
        };
        let mut codes = split_codes(&self.sdg_targets);
        if codes.iter().any(|c| catalog::sdg_target(c).is_none()) {
            errors.push(FieldError::new(Field::SdgTargets, Problem::NotInCatalog));
        }
        // Catalogue order, no repeats.
        codes.retain(|c| catalog::sdg_target(c).is_some());
        let sdg_targets = catalog::SDG_TARGETS
            .iter()
            .filter(|t| codes.iter().any(|c| c == t.code))
            .map(|t| t.code.to_owned())
            .collect();
        Alignment {
            national,
            sdg_targets,
            ..Alignment::default()
        }
    }
}

/// The objectives page as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectivesInput {
    #[serde(rename = "objetivo-corto")]
    pub short_term: String,
    #[serde(rename = "objetivo-mediano")]
    pub medium_term: String,
    /// Id of a step-5 problem, or empty.
    #[serde(rename = "problema-vinculado")]
    pub problem: String,
    #[serde(rename = "problematica")]
    pub problem_text: String,
    #[serde(rename = "como-contribuye")]
    pub how_it_helps: String,
    #[serde(rename = "supuestos")]
    pub assumptions: String,
    #[serde(rename = "verificacion")]
    pub verification: String,
    #[serde(rename = "otros-actores")]
    pub other_actors: String,
    #[serde(rename = "resumen-ejecutivo")]
    pub summary: String,
    #[serde(rename = "informacion-adicional")]
    pub additional_info: String,
}

impl ObjectivesInput {
    pub fn from_value(o: &Objectives) -> Self {
        Self {
            short_term: o.short_term.clone(),
            medium_term: o.medium_term.clone().unwrap_or_default(),
            problem: o.problem.map(|p| p.0.to_string()).unwrap_or_default(),
            problem_text: o.problem_text.clone(),
            how_it_helps: o.how_it_helps.clone(),
            assumptions: o.assumptions.clone().unwrap_or_default(),
            verification: o.verification.clone(),
            other_actors: o.other_actors.clone().unwrap_or_default(),
            summary: o.summary.clone().unwrap_or_default(),
            additional_info: o.additional_info.clone().unwrap_or_default(),
        }
    }

    /// Parses the page (strict); a linked problem must be one of `problem_ids`.
    pub fn parse(&self, problem_ids: &[ItemId]) -> Result<Objectives, Vec<FieldError>> {
        self.read(problem_ids).complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(&self, problem_ids: &[ItemId]) -> Reading<Objectives> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let short_term = required_text(&self.short_term, Named::ShortObjective.into(), MAX_LONG, e);
        let medium_term = optional_text(
            &self.medium_term,
            Named::MediumObjective.into(),
            MAX_LONG,
            e,
        );
        let problem = match self.problem.trim() {
            "" => None,
            raw => match raw.parse::<u32>().map(ItemId) {
                Ok(id) if problem_ids.contains(&id) => Some(id),
                _ => {
                    e.push(FieldError::new(
                        Named::LinkedProblem.into(),
                        Problem::NotInCatalog,
                    ));
                    None
                }
            },
        };
        let problem_text =
            required_text(&self.problem_text, Named::ProblemText.into(), MAX_LONG, e);
        let how_it_helps = required_text(&self.how_it_helps, Named::HowItHelps.into(), MAX_LONG, e);
        let assumptions = optional_text(&self.assumptions, Named::Assumptions.into(), MAX_LONG, e);
        let verification =
            required_text(&self.verification, Named::Verification.into(), MAX_LONG, e);
        let other_actors =
            optional_text(&self.other_actors, Named::OtherActors.into(), MAX_LONG, e);
        let summary = optional_text(&self.summary, Named::Summary.into(), MAX_LONG, e);
        let additional_info = optional_text(
            &self.additional_info,
            Named::AdditionalInfo.into(),
            MAX_LONG,
            e,
        );
        Reading::new(
            || Objectives {
                short_term: short_term.unwrap_or_default(),
                medium_term,
                problem,
                problem_text: problem_text.unwrap_or_default(),
                how_it_helps: how_it_helps.unwrap_or_default(),
                assumptions,
                verification: verification.unwrap_or_default(),
                other_actors,
                summary,
                additional_info,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

/// The OGP values page as typed: the chosen values and a reason for each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ValuesInput {
    /// Chosen value keys separated by commas.
    #[serde(rename = "valores-aga")]
    pub values: String,
    #[serde(rename = "razon-transparencia")]
    pub transparencia: String,
    #[serde(rename = "razon-participacion")]
    pub participacion: String,
    #[serde(rename = "razon-rendicion")]
    pub rendicion: String,
    #[serde(rename = "razon-tecnologia")]
    pub tecnologia: String,
    #[serde(rename = "razon-inclusion")]
    pub inclusion: String,
}

impl ValuesInput {
    fn reason_mut(&mut self, v: OgpValue) -> &mut String {
        match v {
            OgpValue::Transparencia => &mut self.transparencia,
            OgpValue::ParticipacionCiudadana => &mut self.participacion,
            OgpValue::RendicionDeCuentas => &mut self.rendicion,
            OgpValue::TecnologiaInnovacion => &mut self.tecnologia,
            OgpValue::Inclusion => &mut self.inclusion,
        }
    }

    pub fn from_values(values: &[ValueReason]) -> Self {
        let mut input = Self {
            values: join_keys(values.iter().map(|v| v.value.key())),
            ..Self::default()
        };
        for v in values {
            *input.reason_mut(v.value) = v.reason.clone();
        }
        input
    }

    /// At least one core value; a reason for each value chosen (strict).
    pub fn parse(&self) -> Result<Vec<ValueReason>, Vec<FieldError>> {
        self.read().complete()
    }

    /// Reads the page by its rules (see [`Reading`]): a value chosen without
    /// its reason is kept, with the reason still to write.
    pub fn read(&self) -> Reading<Vec<ValueReason>> {
        let mut errors = Vec::new();
        let chosen = choice_set(
            &self.values,
            Named::OgpValues.into(),
            OgpValue::ALL,
            OgpValue::from_key,
            &mut errors,
        );
        if chosen.is_empty() {
            errors.push(FieldError::new(Named::OgpValues.into(), Problem::Missing));
        } else if !chosen.iter().any(|v| v.is_core()) {
            errors.push(FieldError::new(
                Named::OgpValues.into(),
                Problem::NoCoreValue,
            ));
        }
        let mut this = self.clone();
        let mut out = Vec::new();
        for v in chosen {
            let i = OgpValue::ALL.iter().position(|x| *x == v).unwrap_or(0) as u8;
            let raw = this.reason_mut(v).clone();
            let reason = required_text(&raw, Field::ValueReason(i), MAX_LONG, &mut errors);
            out.push(ValueReason {
                value: v,
                reason: reason.unwrap_or_default(),
                unknown: Unknown::new(),
            });
        }
        Reading::new(|| out, errors)
    }
}

super::choice::identified!(TeamMember);
