//! Step 7 (seguimiento) and step 8 (respuesta razonada): how progress is
//! reported, and what was done with each input from the consultation.

use serde::{Deserialize, Serialize};

use super::choice::{choices, next_id, optional_choice, required_choice, ItemId};
use super::commitment::CommitmentId;
use super::contact::{optional, WebAddress, MAX_LONG, MAX_SHORT};
use super::error::{optional_text, required_text, FieldError, Named, Problem, Reading};
use super::key_action::Frequency;
use super::unknown::{carry_fields, list_item_by, Unknown};

/// Step 7, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Monitoring {
    #[serde(default)]
    pub frequency: Option<Frequency>,
    #[serde(default)]
    pub dashboard_url: Option<WebAddress>,
    #[serde(default)]
    pub repository_url: Option<WebAddress>,
    /// Follow-up meetings with civil society (OGP standard 5): when and how.
    #[serde(default)]
    pub meetings: String,
    /// Who updates progress.
    #[serde(default)]
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
            frequency: m.frequency.map(|f| f.key().into()).unwrap_or_default(),
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
    /// Parses the page (strict: every rule met).
    pub fn parse(&self) -> Result<Monitoring, Vec<FieldError>> {
        self.read().complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(&self) -> Reading<Monitoring> {
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
        Reading::new(
            || Monitoring {
                frequency,
                dashboard_url,
                repository_url,
                meetings: meetings.unwrap_or_default(),
                updater: updater.unwrap_or_default(),
                unknown: Unknown::new(),
            },
            errors,
        )
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
    #[serde(default)]
    pub input: String,
    /// Who made it or where it came from ("Mesa temática de salud, 12/03/2026").
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub decision: Option<Decision>,
    /// The commitment it fed; required unless not incorporated.
    #[serde(default)]
    pub commitment: Option<CommitmentId>,
    #[serde(default)]
    pub reason: String,
    /// Taken only in part ("aceptada en parte" in a comment round): meaningful
    /// with [`Decision::Incorporada`]. A field rather than a fourth decision so
    /// that a draft with one still opens in earlier versions (they refuse an
    /// unknown choice key, but keep an unknown field and show "Se incorporó").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partly: bool,
    /// The comment this answers, when it came from a comments file
    /// ([`crate::domain::comments::CommentLink`]): answering it again updates
    /// this response instead of adding another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
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
    /// Not on the page: carried through it so that editing a response keeps
    /// what a comment round recorded ("si" when taken in part).
    #[serde(rename = "en-parte")]
    pub partly: String,
    #[serde(rename = "observacion")]
    pub comment: String,
}

impl ResponseInput {
    pub fn from_value(r: &ReasonedResponse) -> Self {
        Self {
            input: r.input.clone(),
            source: r.source.clone().unwrap_or_default(),
            decision: r.decision.map(|d| d.key().into()).unwrap_or_default(),
            commitment: r.commitment.map(|c| c.0.to_string()).unwrap_or_default(),
            reason: r.reason.clone(),
            partly: if r.partly { "si".into() } else { String::new() },
            comment: r.comment.clone().unwrap_or_default(),
        }
    }

    /// Parses the response; a commitment named must exist (`commitments`), and
    /// one is required when the input was incorporated or merged.
    pub fn parse(
        &self,
        id: ItemId,
        commitments: &[CommitmentId],
    ) -> Result<ReasonedResponse, Vec<FieldError>> {
        self.read(id, commitments).complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(&self, id: ItemId, commitments: &[CommitmentId]) -> Reading<ReasonedResponse> {
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
        Reading::new(
            || ReasonedResponse {
                id,
                input: input.unwrap_or_default(),
                source,
                decision,
                // A response to a comment keeps the commitment the comment
                // was about, whatever was decided (domain::comments::answer).
                commitment: if decision == Some(Decision::NoIncorporada)
                    && self.comment.trim().is_empty()
                {
                    None
                } else {
                    commitment
                },
                reason: reason.unwrap_or_default(),
                partly: decision == Some(Decision::Incorporada) && self.partly == "si",
                comment: Some(self.comment.trim().to_owned()).filter(|c| !c.is_empty()),
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

pub fn next_response_id(responses: &[ReasonedResponse]) -> ItemId {
    next_id(responses.iter().map(|r| r.id))
}

super::choice::identified!(ReasonedResponse);

impl Monitoring {
    /// True when nothing the page asks for is missing.
    pub fn is_complete(&self) -> bool {
        MonitoringInput::from_value(self)
            .read()
            .pending()
            .is_empty()
    }
}

impl ReasonedResponse {
    /// True when nothing the page asks for is missing (`commitments`: the plan's).
    pub fn is_complete(&self, commitments: &[CommitmentId]) -> bool {
        ResponseInput::from_value(self)
            .read(self.id, commitments)
            .pending()
            .is_empty()
    }
}
