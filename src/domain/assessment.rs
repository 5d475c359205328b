//! A readiness self-assessment as stored in the draft: the answers, evidence
//! and eligibility criteria of one sitting. The instrument, its scoring and the
//! route are in [`super::readiness`]; this module stays below the plan.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use super::unknown::{carry_fields, ListItem, Unknown};

/// An answer to a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// 0 No existe, 1 Inicial, 2 Intermedio, 3 Avanzado.
    Level(u8),
    DontKnow,
}

impl Answer {
    /// Points out of 100.
    pub fn points(self) -> f64 {
        match self {
            Answer::Level(l) => f64::from(l.min(3)) * 100.0 / 3.0,
            Answer::DontKnow => 0.0,
        }
    }
    /// The stored form value ("0"-"3" or "no-se").
    pub fn key(self) -> String {
        match self {
            Answer::Level(l) => l.to_string(),
            Answer::DontKnow => "no-se".into(),
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        match key.trim() {
            "no-se" => Some(Answer::DontKnow),
            "0" => Some(Answer::Level(0)),
            "1" => Some(Answer::Level(1)),
            "2" => Some(Answer::Level(2)),
            "3" => Some(Answer::Level(3)),
            _ => None,
        }
    }
}

/// A completed self-assessment, as stored in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The day it was completed.
    pub date: Date,
    /// Question id → answer.
    pub answers: BTreeMap<String, Answer>,
    /// Question id → evidence (a link or a note), when given.
    #[serde(default)]
    pub evidence: BTreeMap<String, String>,
    /// Gate criterion id → yes (true) or no.
    pub gate: BTreeMap<String, bool>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Assessment);

// Assessments are only ever added, never edited: one continues an earlier one
// only when it is the same assessment.
impl ListItem for Assessment {
    fn same_item(&self, other: &Self) -> bool {
        self.date == other.date
            && self.answers == other.answers
            && self.evidence == other.evidence
            && self.gate == other.gate
    }
}
