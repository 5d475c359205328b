//! Step 5: public problems (problemas públicos), the diagnosis commitments answer.

use serde::{Deserialize, Serialize};

use super::choice::{choices, next_id, required_choice, ItemId};
use super::contact::MAX_LONG;
use super::error::{optional_text, required_text, FieldError, Named, Reading};
use super::unknown::{carry_fields, list_item_by, Unknown};

choices! {
    /// Where the input that named the problem came from.
    InputOrigin {
        Consulta => "consulta",
        Foro => "foro",
        MesaTematica => "mesa",
        PropuestaOsc => "propuesta-osc",
        Diagnostico => "diagnostico",
        Otro => "otro",
    }
}

choices! {
    /// Priority agreed by the coordination body.
    Priority {
        Alta => "alta",
        Media => "media",
        Baja => "baja",
    }
}

/// A public problem: readable by construction; what the methodology still
/// asks for may be missing ([`PublicProblem::is_complete`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicProblem {
    pub id: ItemId,
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub affected_population: String,
    #[serde(default)]
    pub baseline: Option<String>,
    #[serde(default)]
    pub baseline_source: Option<String>,
    #[serde(default)]
    pub causes: Option<String>,
    #[serde(default)]
    pub origin: Option<InputOrigin>,
    #[serde(default)]
    pub priority: Option<Priority>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(PublicProblem);
list_item_by!(PublicProblem, id);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProblemInput {
    #[serde(rename = "enunciado-problema")]
    pub statement: String,
    #[serde(rename = "poblacion-afectada")]
    pub affected_population: String,
    #[serde(rename = "linea-base")]
    pub baseline: String,
    #[serde(rename = "fuente-linea-base")]
    pub baseline_source: String,
    #[serde(rename = "causas")]
    pub causes: String,
    #[serde(rename = "origen-insumo")]
    pub origin: String,
    #[serde(rename = "prioridad")]
    pub priority: String,
}

/// Advice (never blocking) about how a problem is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemAdvice {
    /// "Falta de un portal": a missing solution, not a situation that affects people.
    PhrasedAsMissingSolution,
    NoCause,
    NoBaseline,
}

impl ProblemInput {
    pub fn from_value(p: &PublicProblem) -> Self {
        Self {
            statement: p.statement.clone(),
            affected_population: p.affected_population.clone(),
            baseline: p.baseline.clone().unwrap_or_default(),
            baseline_source: p.baseline_source.clone().unwrap_or_default(),
            causes: p.causes.clone().unwrap_or_default(),
            origin: p.origin.map(|o| o.key().into()).unwrap_or_default(),
            priority: p.priority.map(|o| o.key().into()).unwrap_or_default(),
        }
    }
    /// Parses the page (strict: every rule met).
    pub fn parse(&self, id: ItemId) -> Result<PublicProblem, Vec<FieldError>> {
        self.read(id).complete()
    }

    /// Reads the page by its rules (see [`Reading`]).
    pub fn read(&self, id: ItemId) -> Reading<PublicProblem> {
        let mut errors = Vec::new();
        let statement = required_text(
            &self.statement,
            Named::ProblemStatement.into(),
            MAX_LONG,
            &mut errors,
        );
        let affected_population = required_text(
            &self.affected_population,
            Named::AffectedPopulation.into(),
            MAX_LONG,
            &mut errors,
        );
        let baseline = optional_text(
            &self.baseline,
            Named::Baseline.into(),
            MAX_LONG,
            &mut errors,
        );
        let baseline_source = optional_text(
            &self.baseline_source,
            Named::BaselineSource.into(),
            MAX_LONG,
            &mut errors,
        );
        let causes = optional_text(&self.causes, Named::Causes.into(), MAX_LONG, &mut errors);
        let origin = required_choice(
            &self.origin,
            Named::InputOrigin.into(),
            InputOrigin::from_key,
            &mut errors,
        );
        let priority = required_choice(
            &self.priority,
            Named::Priority.into(),
            Priority::from_key,
            &mut errors,
        );
        Reading::new(
            || PublicProblem {
                id,
                statement: statement.unwrap_or_default(),
                affected_population: affected_population.unwrap_or_default(),
                baseline,
                baseline_source,
                causes,
                origin,
                priority,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

impl PublicProblem {
    /// The methodology's advice on a problem statement.
    pub fn advice(&self) -> Vec<ProblemAdvice> {
        let mut out = Vec::new();
        let folded = crate::catalog::fold(&self.statement);
        let folded = folded.trim_start();
        if [
            "falta de",
            "no existe",
            "no hay",
            "carencia de",
            "ausencia de",
        ]
        .iter()
        .any(|p| folded.starts_with(p))
        {
            out.push(ProblemAdvice::PhrasedAsMissingSolution);
        }
        if self.causes.is_none() {
            out.push(ProblemAdvice::NoCause);
        }
        if self.baseline.is_none() {
            out.push(ProblemAdvice::NoBaseline);
        }
        out
    }
}

/// The next unused problem id.
pub fn next_problem_id(problems: &[PublicProblem]) -> ItemId {
    next_id(problems.iter().map(|p| p.id))
}

super::choice::identified!(PublicProblem);

impl PublicProblem {
    /// What the problem's page still asks for, read by the page's own rules.
    pub fn pending(&self) -> Vec<FieldError> {
        ProblemInput::from_value(self)
            .read(self.id)
            .pending()
            .to_vec()
    }
    /// True when nothing the page asks for is missing.
    pub fn is_complete(&self) -> bool {
        self.pending().is_empty()
    }
}
