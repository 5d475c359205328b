//! Step 7 (seguimiento) and step 8 (respuesta razonada): how progress is
//! reported, and what was done with each input from the consultation.

use serde::{Deserialize, Serialize};

use super::choice::{choices, next_id, optional_choice, required_choice, ItemId};
use super::commitment::CommitmentId;
use super::contact::{optional, WebAddress, MAX_LONG, MAX_SHORT};
use super::error::{optional_text, required_text, FieldError, Named, Problem};
use super::key_action::Frequency;
use super::unknown::{carry_fields, list_item_by, Unknown};

/// Step 7, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Monitoring {
    pub frequency: Frequency,
    #[serde(default)]
    pub dashboard_url: Option<WebAddress>,
    #[serde(default)]
    pub repository_url: Option<WebAddress>,
    /// Follow-up meetings with civil society (OGP standard 5): when and how.
    pub meetings: String,
    /// Who updates progress.
    pub updater: String,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Monitoring);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MonitoringInput {
    #[serde(rename = "frecuencia-reportes")]
    pub frequency: String,
    #[serde(rename = "liga-tablero")]
    pub dashboard_url: String,
    #[serde(rename = "liga-repositorio-seguimiento")]
    pub repository_url: String,
    #[serde(rename = "reuniones-seguimiento")]
    pub meetings: String,
    #[serde(rename = "responsable-avance")]
    pub updater: String,
}

impl MonitoringInput {
    pub fn from_value(m: &Monitoring) -> Self {
        Self {
            frequency: m.frequency.key().into(),
            dashboard_url: m
                .dashboard_url
                .as_ref()
                .map(|u| u.as_str().to_owned())
                .unwrap_or_default(),
            repository_url: m
                .repository_url
                .as_ref()
                .map(|u| u.as_str().to_owned())
                .unwrap_or_default(),
            meetings: m.meetings.clone(),
            updater: m.updater.clone(),
        }
    }
    pub fn parse(&self) -> Result<Monitoring, Vec<FieldError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let frequency = required_choice(
            &self.frequency,
            Named::ReportFrequency.into(),
            Frequency::from_key,
            e,
        );
        let dashboard_url = optional(
            &self.dashboard_url,
            Named::DashboardUrl.into(),
            WebAddress::parse,
            e,
        );
        let repository_url = optional(
            &self.repository_url,
            Named::MonitoringRepoUrl.into(),
            WebAddress::parse,
            e,
        );
        let meetings = required_text(&self.meetings, Named::FollowUpMeetings.into(), MAX_LONG, e);
        let updater = required_text(&self.updater, Named::ProgressUpdater.into(), MAX_SHORT, e);
        match (frequency, meetings, updater) {
            (Some(frequency), Some(meetings), Some(updater)) if errors.is_empty() => {
                Ok(Monitoring {
                    frequency,
                    dashboard_url,
                    repository_url,
                    meetings,
                    updater,
                    unknown: Unknown::new(),
                })
            }
            _ => Err(errors),
        }
    }
}

choices! {
    /// What was decided about an input.
    Decision {
        Incorporada => "incorporada",
        Fusionada => "fusionada",
        NoIncorporada => "no-incorporada",
    }
}

/// One input from the consultation and the reasoned answer to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonedResponse {
    pub id: ItemId,
    /// The proposal or comment received.
    pub input: String,
    /// Who made it or where it came from ("Mesa temática de salud, 12/03/2026").
    #[serde(default)]
    pub source: Option<String>,
    pub decision: Decision,
    /// The commitment it fed; required unless not incorporated.
    #[serde(default)]
    pub commitment: Option<CommitmentId>,
    pub reason: String,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(ReasonedResponse);
list_item_by!(ReasonedResponse, id);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResponseInput {
    #[serde(rename = "propuesta")]
    pub input: String,
    #[serde(rename = "origen-propuesta")]
    pub source: String,
    #[serde(rename = "decision")]
    pub decision: String,
    /// Commitment id, or empty.
    #[serde(rename = "compromiso-relacionado")]
    pub commitment: String,
    #[serde(rename = "razon")]
    pub reason: String,
}

impl ResponseInput {
    pub fn from_value(r: &ReasonedResponse) -> Self {
        Self {
            input: r.input.clone(),
            source: r.source.clone().unwrap_or_default(),
            decision: r.decision.key().into(),
            commitment: r.commitment.map(|c| c.0.to_string()).unwrap_or_default(),
            reason: r.reason.clone(),
        }
    }

    /// Parses the response; a commitment named must exist (`commitments`), and
    /// one is required when the input was incorporated or merged.
    pub fn parse(
        &self,
        id: ItemId,
        commitments: &[CommitmentId],
    ) -> Result<ReasonedResponse, Vec<FieldError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let input = required_text(&self.input, Named::ResponseInput.into(), MAX_LONG, e);
        let source = optional_text(&self.source, Named::ResponseSource.into(), MAX_SHORT, e);
        let decision = required_choice(
            &self.decision,
            Named::Decision.into(),
            Decision::from_key,
            e,
        );
        let commitment = optional_choice(
            &self.commitment,
            Named::ResponseCommitment.into(),
            |k| {
                k.trim()
                    .parse::<u32>()
                    .ok()
                    .map(CommitmentId)
                    .filter(|c| commitments.contains(c))
            },
            e,
        );
        if commitment.is_none()
            && self.commitment.trim().is_empty()
            && matches!(decision, Some(Decision::Incorporada | Decision::Fusionada))
        {
            e.push(FieldError::new(
                Named::ResponseCommitment.into(),
                Problem::Missing,
            ));
        }
        let reason = required_text(&self.reason, Named::Reason.into(), MAX_LONG, e);
        match (input, decision, reason) {
            (Some(input), Some(decision), Some(reason)) if errors.is_empty() => {
                Ok(ReasonedResponse {
                    id,
                    input,
                    source,
                    decision,
                    commitment: if decision == Decision::NoIncorporada {
                        None
                    } else {
                        commitment
                    },
                    reason,
                    unknown: Unknown::new(),
                })
            }
            _ => Err(errors),
        }
    }
}

pub fn next_response_id(responses: &[ReasonedResponse]) -> ItemId {
    next_id(responses.iter().map(|r| r.id))
}

super::choice::identified!(ReasonedResponse);
