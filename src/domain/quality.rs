//! The quality review ("Revisión de calidad"): the plan read the way OGP's
//! Independent Reporting Mechanism (IRM) and the methodology will read it,
//! while it is still a draft.
//!
//! Every check is a pure rule with its source ([`Source`]) and severity
//! ([`Severity`]): what the methodology requires for the final version, or a
//! recommendation that never blocks. Each finding names the place to change
//! ([`Place`]). Per commitment, the review answers the IRM's three questions
//! (verifiable, relevant, potential for results) with the reasons, and marks
//! it "prometedor" when it passes all three.
//!
//! The texts of the rules and findings are in [`crate::messages`]; the list of
//! rules with their sources is in the README.

use super::choice::ItemId;
use super::classification::Classification;
use super::commitment::{Commitment, CommitmentId, OgpValue};
use super::error::{Field, Named};
pub use super::kept::KeptFinding;
use super::key_action::KeyAction;
use super::methodology::{Step, TaskStatus};
use super::ogp::YesNo;
use super::pending::{CommitmentCheck, Pending};
use super::plan::{CommitmentIssue, FichaPart, Plan};
use super::problem::ProblemAdvice;
use super::unknown::Unknown;
use crate::catalog::fold;

/// How much a finding weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// "Falta para la versión final": completeness and the rules the
    /// methodology requires; "Versión final" waits for them.
    Required,
    /// "Recomendación": advice; never blocks, and can be kept as it is
    /// with a reason.
    Advisory,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// The commitment ficha of the 4th national plan (commitment 13) and the
    /// articulation methodology it asked for.
    Ficha,
    /// OGP's Participation and Co-Creation Standards (2022), minimum requirements.
    CocreationStandards,
    /// OGP's National Handbook (2024): plan length, number of commitments.
    Handbook,
    /// OGP Local's eligibility: at least 16 months of the term left.
    OgpLocal,
    /// The IRM's Action Plan Review: verifiability, relevance, potential for
    /// results, promising commitments.
    IrmReview,
    /// The Open Gov Challenge (OGP strategy 2023-2028).
    OpenGovChallenge,
    /// CONEVAL's Metodología de Marco Lógico (assumptions, activities).
    Coneval,
}

impl Source {
    pub const ALL: [Source; 7] = [
        Source::Ficha,
        Source::CocreationStandards,
        Source::Handbook,
        Source::OgpLocal,
        Source::IrmReview,
        Source::OpenGovChallenge,
        Source::Coneval,
    ];

    /// Where to read it.
    pub fn url(self) -> &'static str {
        match self {
            Source::Ficha => "https://www.opengovpartnership.org/members/mexico/commitments/MX0087/",
            Source::CocreationStandards => {
                "https://www.opengovpartnership.org/ogp-participation-co-creation-standards/"
            }
            Source::Handbook => "https://www.opengovpartnership.org/national-handbook/",
            Source::OgpLocal => "https://www.opengovpartnership.org/ogp-local/",
            Source::IrmReview => {
                "https://www.opengovpartnership.org/documents/independent-reporting-mechanism-action-plan-review/"
            }
            Source::OpenGovChallenge => "https://www.opengovpartnership.org/open-gov-challenge/",
            Source::Coneval => "https://www.coneval.org.mx/",
        }
    }
}

/// A check of the review, without the data of one finding: the list the
/// README and the tests go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleId {
    StepIncomplete,
    ForumGovernment,
    ForumCivilSociety,
    ForumEverySixMonths,
    ForumPublicRules,
    RoadmapBeforeCocreation,
    Repository,
    ReasonedResponse,
    CommitmentCount,
    AccountabilityCommitment,
    GenderInPlan,
    TermLeft,
    PlanWithinTerm,
    PlanLength,
    ProblemWording,
    FichaComplete,
    DatesAndWeights,
    Deliverable,
    BaselineAndTarget,
    Activities,
    Assumptions,
    NonGovernmentCoResponsible,
    ResponseNamesCommitment,
    GenderSpecific,
    ModestPotential,
    Classified,
    ChallengeArea,
    ChallengeCoreValue,
    ChallengeFutureMilestone,
}

impl RuleId {
    pub const ALL: [RuleId; 29] = [
        RuleId::StepIncomplete,
        RuleId::ForumGovernment,
        RuleId::ForumCivilSociety,
        RuleId::ForumEverySixMonths,
        RuleId::ForumPublicRules,
        RuleId::RoadmapBeforeCocreation,
        RuleId::Repository,
        RuleId::ReasonedResponse,
        RuleId::CommitmentCount,
        RuleId::AccountabilityCommitment,
        RuleId::GenderInPlan,
        RuleId::TermLeft,
        RuleId::PlanWithinTerm,
        RuleId::PlanLength,
        RuleId::ProblemWording,
        RuleId::FichaComplete,
        RuleId::DatesAndWeights,
        RuleId::Deliverable,
        RuleId::BaselineAndTarget,
        RuleId::Activities,
        RuleId::Assumptions,
        RuleId::NonGovernmentCoResponsible,
        RuleId::ResponseNamesCommitment,
        RuleId::GenderSpecific,
        RuleId::ModestPotential,
        RuleId::Classified,
        RuleId::ChallengeArea,
        RuleId::ChallengeCoreValue,
        RuleId::ChallengeFutureMilestone,
    ];

    /// Stable key (kept findings are stored by it).
    pub fn key(self) -> &'static str {
        match self {
            RuleId::StepIncomplete => "paso-incompleto",
            RuleId::ForumGovernment => "foro-gobierno",
            RuleId::ForumCivilSociety => "foro-sociedad-civil",
            RuleId::ForumEverySixMonths => "foro-cada-seis-meses",
            RuleId::ForumPublicRules => "foro-reglas-publicas",
            RuleId::RoadmapBeforeCocreation => "hoja-de-ruta-antes",
            RuleId::Repository => "repositorio",
            RuleId::ReasonedResponse => "respuesta-razonada",
            RuleId::CommitmentCount => "numero-compromisos",
            RuleId::AccountabilityCommitment => "compromiso-rendicion",
            RuleId::GenderInPlan => "genero-plan",
            RuleId::TermLeft => "meses-de-gestion",
            RuleId::PlanWithinTerm => "plan-dentro-gestion",
            RuleId::PlanLength => "duracion-plan",
            RuleId::ProblemWording => "problema",
            RuleId::FichaComplete => "ficha",
            RuleId::DatesAndWeights => "fechas-ponderaciones",
            RuleId::Deliverable => "entregable",
            RuleId::BaselineAndTarget => "linea-base-meta",
            RuleId::Activities => "actividades",
            RuleId::Assumptions => "supuestos",
            RuleId::NonGovernmentCoResponsible => "corresponsable-no-gobierno",
            RuleId::ResponseNamesCommitment => "respuesta-compromiso",
            RuleId::GenderSpecific => "genero-especifico",
            RuleId::ModestPotential => "potencial-modesto",
            RuleId::Classified => "clasificacion",
            RuleId::ChallengeArea => "desafio-area",
            RuleId::ChallengeCoreValue => "desafio-valor",
            RuleId::ChallengeFutureMilestone => "desafio-hitos",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            RuleId::StepIncomplete
            | RuleId::ForumGovernment
            | RuleId::ForumCivilSociety
            | RuleId::ForumEverySixMonths
            | RuleId::ForumPublicRules
            | RuleId::RoadmapBeforeCocreation
            | RuleId::Repository
            | RuleId::ReasonedResponse
            | RuleId::GenderInPlan
            | RuleId::FichaComplete
            | RuleId::DatesAndWeights
            | RuleId::ChallengeArea
            | RuleId::ChallengeCoreValue => Severity::Required,
            RuleId::CommitmentCount
            | RuleId::AccountabilityCommitment
            | RuleId::TermLeft
            | RuleId::PlanWithinTerm
            | RuleId::PlanLength
            | RuleId::ProblemWording
            | RuleId::Deliverable
            | RuleId::BaselineAndTarget
            | RuleId::Activities
            | RuleId::Assumptions
            | RuleId::NonGovernmentCoResponsible
            | RuleId::ResponseNamesCommitment
            | RuleId::GenderSpecific
            | RuleId::ModestPotential
            | RuleId::Classified
            | RuleId::ChallengeFutureMilestone => Severity::Advisory,
        }
    }

    pub fn source(self) -> Source {
        match self {
            RuleId::StepIncomplete
            | RuleId::GenderInPlan
            | RuleId::ProblemWording
            | RuleId::FichaComplete
            | RuleId::DatesAndWeights
            | RuleId::NonGovernmentCoResponsible
            | RuleId::GenderSpecific => Source::Ficha,
            RuleId::ForumGovernment
            | RuleId::ForumCivilSociety
            | RuleId::ForumEverySixMonths
            | RuleId::ForumPublicRules
            | RuleId::RoadmapBeforeCocreation
            | RuleId::Repository
            | RuleId::ReasonedResponse
            | RuleId::ResponseNamesCommitment => Source::CocreationStandards,
            RuleId::CommitmentCount | RuleId::PlanLength => Source::Handbook,
            RuleId::TermLeft | RuleId::PlanWithinTerm => Source::OgpLocal,
            RuleId::AccountabilityCommitment
            | RuleId::Deliverable
            | RuleId::BaselineAndTarget
            | RuleId::ModestPotential
            | RuleId::Classified => Source::IrmReview,
            RuleId::Activities | RuleId::Assumptions => Source::Coneval,
            RuleId::ChallengeArea
            | RuleId::ChallengeCoreValue
            | RuleId::ChallengeFutureMilestone => Source::OpenGovChallenge,
        }
    }

    /// Whether it looks at one commitment (otherwise at the whole plan).
    pub fn per_commitment(self) -> bool {
        matches!(
            self,
            RuleId::FichaComplete
                | RuleId::DatesAndWeights
                | RuleId::Deliverable
                | RuleId::BaselineAndTarget
                | RuleId::Activities
                | RuleId::Assumptions
                | RuleId::NonGovernmentCoResponsible
                | RuleId::ResponseNamesCommitment
                | RuleId::GenderSpecific
                | RuleId::ModestPotential
                | RuleId::Classified
                | RuleId::ChallengeArea
                | RuleId::ChallengeCoreValue
                | RuleId::ChallengeFutureMilestone
        )
    }
}

/// One thing the review found, with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A required step that is not complete yet.
    StepIncomplete(Step),
    ForumGovernment,
    ForumCivilSociety,
    ForumEverySixMonths,
    ForumPublicRules,
    RoadmapBeforeCocreation,
    Repository,
    ReasonedResponse,
    /// The plan has this many commitments (not 5 to 15).
    CommitmentCount(usize),
    AccountabilityCommitment,
    GenderInPlan,
    /// Months of the administration's term left today (under 16).
    TermLeft(i32),
    PlanWithinTerm,
    /// The plan lasts this many months (neither about two nor four years).
    PlanLength(i32),
    ProblemWording(ItemId, ProblemAdvice),
    FichaComplete(FichaPart, Pending),
    DatesAndWeights(CommitmentIssue),
    /// A key action that names only vague verbs, no deliverable.
    Deliverable(ItemId),
    /// A key action whose indicator lacks a baseline or a target.
    BaselineAndTarget(ItemId),
    /// A key action without activities.
    Activities(ItemId),
    /// No assumptions, or written as the team's own actions.
    Assumptions {
        missing: bool,
    },
    NonGovernmentCoResponsible,
    ResponseNamesCommitment,
    /// No gender perspective (`missing`) or one that names no group and no
    /// disaggregation.
    GenderSpecific {
        missing: bool,
    },
    ModestPotential,
    Classified,
    ChallengeArea,
    ChallengeCoreValue,
    ChallengeFutureMilestone,
}

impl Rule {
    pub fn id(&self) -> RuleId {
        match self {
            Rule::StepIncomplete(_) => RuleId::StepIncomplete,
            Rule::ForumGovernment => RuleId::ForumGovernment,
            Rule::ForumCivilSociety => RuleId::ForumCivilSociety,
            Rule::ForumEverySixMonths => RuleId::ForumEverySixMonths,
            Rule::ForumPublicRules => RuleId::ForumPublicRules,
            Rule::RoadmapBeforeCocreation => RuleId::RoadmapBeforeCocreation,
            Rule::Repository => RuleId::Repository,
            Rule::ReasonedResponse => RuleId::ReasonedResponse,
            Rule::CommitmentCount(_) => RuleId::CommitmentCount,
            Rule::AccountabilityCommitment => RuleId::AccountabilityCommitment,
            Rule::GenderInPlan => RuleId::GenderInPlan,
            Rule::TermLeft(_) => RuleId::TermLeft,
            Rule::PlanWithinTerm => RuleId::PlanWithinTerm,
            Rule::PlanLength(_) => RuleId::PlanLength,
            Rule::ProblemWording(..) => RuleId::ProblemWording,
            Rule::FichaComplete(..) => RuleId::FichaComplete,
            Rule::DatesAndWeights(_) => RuleId::DatesAndWeights,
            Rule::Deliverable(_) => RuleId::Deliverable,
            Rule::BaselineAndTarget(_) => RuleId::BaselineAndTarget,
            Rule::Activities(_) => RuleId::Activities,
            Rule::Assumptions { .. } => RuleId::Assumptions,
            Rule::NonGovernmentCoResponsible => RuleId::NonGovernmentCoResponsible,
            Rule::ResponseNamesCommitment => RuleId::ResponseNamesCommitment,
            Rule::GenderSpecific { .. } => RuleId::GenderSpecific,
            Rule::ModestPotential => RuleId::ModestPotential,
            Rule::Classified => RuleId::Classified,
            Rule::ChallengeArea => RuleId::ChallengeArea,
            Rule::ChallengeCoreValue => RuleId::ChallengeCoreValue,
            Rule::ChallengeFutureMilestone => RuleId::ChallengeFutureMilestone,
        }
    }
}

/// The page (and field) where a finding is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A step's first page, at a field when given.
    Step(Step, Option<Field>),
    /// The coordination body's members.
    Members,
    Problem(ItemId, Option<Field>),
    CommitmentPart(CommitmentId, FichaPart, Option<Field>),
    KeyAction(CommitmentId, ItemId, Option<Field>),
    Activity(CommitmentId, ItemId, ItemId, Option<Field>),
    /// The commitment's classification page.
    Classification(CommitmentId, Option<Field>),
}

/// One finding: a rule, the commitment it is about (if any) and where to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub commitment: Option<CommitmentId>,
    pub place: Place,
}

impl Finding {
    pub fn severity(&self) -> Severity {
        self.rule.id().severity()
    }

    /// Stable key of this finding in this plan ("entregable/c3/k2"): what a
    /// kept finding is stored by.
    pub fn key(&self) -> String {
        let mut key = self.rule.id().key().to_owned();
        if let Some(c) = self.commitment {
            key.push_str(&format!("/c{}", c.0));
        }
        match &self.rule {
            Rule::StepIncomplete(s) => key.push_str(&format!("/{}", s.unsaved_prefix())),
            Rule::ProblemWording(p, advice) => {
                key.push_str(&format!("/p{}/{}", p.0, advice_key(*advice)));
            }
            Rule::Deliverable(k) | Rule::BaselineAndTarget(k) | Rule::Activities(k) => {
                key.push_str(&format!("/k{}", k.0));
            }
            Rule::FichaComplete(part, item) => {
                key.push_str(&format!("/{}/{}", part_key(*part), pending_key(item)));
            }
            Rule::DatesAndWeights(issue) => key.push_str(match issue {
                CommitmentIssue::OutsidePlan => "/plan",
                CommitmentIssue::KeyActionsOutside(_) => "/acciones",
                CommitmentIssue::ActivitiesOutside(_) => "/actividades",
                CommitmentIssue::WeightsDoNotAddUp { .. } => "/ponderaciones",
            }),
            _ => {}
        }
        key
    }
}

fn part_key(part: FichaPart) -> &'static str {
    match part {
        FichaPart::General => "datos",
        FichaPart::Responsible => "responsables",
        FichaPart::CoResponsible => "corresponsables",
        FichaPart::Objectives => "objetivos",
        FichaPart::Values => "valores",
        FichaPart::Alignment => "alineacion",
        FichaPart::KeyActions => "acciones",
    }
}

fn pending_key(item: &Pending) -> String {
    match item {
        Pending::Field(e) => e.field.key().to_owned(),
        Pending::Nothing => "nada".to_owned(),
        Pending::KeyAction(k, e) => format!("k{}/{}", k.0, e.field.key()),
        Pending::Activity(k, a, e) => format!("k{}/a{}/{}", k.0, a.0, e.field.key()),
        Pending::Weights(_) => "ponderaciones".to_owned(),
    }
}

fn advice_key(a: ProblemAdvice) -> &'static str {
    match a {
        ProblemAdvice::PhrasedAsMissingSolution => "redaccion",
        ProblemAdvice::NoCause => "causas",
        ProblemAdvice::NoBaseline => "linea-base",
    }
}

/// Longest accepted reason for keeping a finding.
pub const MAX_KEPT_REASON: usize = 1000;

/// The IRM's potential for results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PotentialLevel {
    /// Not clear enough to judge: not verifiable or not relevant.
    Unclear,
    Modest,
    Substantial,
}

/// Why the potential is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PotentialReason {
    NotVerifiable,
    NotRelevant,
    /// It changes rules (the classification says so, or a key action names a
    /// law, a regulation, guidelines, a cabildo agreement).
    Binding,
    /// The classification says the change is not binding.
    DeclaredNotBinding,
    NoBindingChange,
    /// Baselines and targets in every key action.
    BaselinesAndTargets,
    /// Some key actions have no baseline or target.
    SomeWithoutBaseline,
    /// Its deliverables are only websites, trainings, pilots or events.
    OnlyModestDeliverables,
    /// A deliverable beyond a website or a training.
    BeyondWebsiteOrTraining,
}

/// A commitment's answers to the IRM's three questions, with the reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IrmAnswers {
    pub verifiable: bool,
    /// What makes it verifiable or not: the things missing, as findings' rules.
    pub not_verifiable_because: Vec<Rule>,
    /// The core values it changes with their reasons (empty: not relevant).
    pub relevant_values: Vec<OgpValue>,
    pub potential: PotentialLevel,
    pub potential_because: Vec<PotentialReason>,
}

impl IrmAnswers {
    pub fn relevant(&self) -> bool {
        !self.relevant_values.is_empty()
    }
    /// The IRM's "promising commitment": verifiable, relevant, and with a
    /// potential for results it can judge (modest or substantial).
    pub fn promising(&self) -> bool {
        self.verifiable && self.relevant() && self.potential != PotentialLevel::Unclear
    }
}

/// One commitment's review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentReview {
    pub id: CommitmentId,
    pub irm: IrmAnswers,
    pub findings: Vec<Finding>,
}

/// The whole review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub plan: Vec<Finding>,
    pub commitments: Vec<CommitmentReview>,
}

/// Counts for the summaries (task list, "Revise su plan", the annex).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub required: usize,
    /// Recommendations not kept.
    pub advisory: usize,
    pub kept: usize,
    pub promising: usize,
    pub commitments: usize,
}

impl Review {
    /// Every finding, plan level first.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.plan
            .iter()
            .chain(self.commitments.iter().flat_map(|c| c.findings.iter()))
    }

    pub fn counts(&self, plan: &Plan) -> Counts {
        let mut counts = Counts {
            commitments: self.commitments.len(),
            promising: self
                .commitments
                .iter()
                .filter(|c| c.irm.promising())
                .count(),
            ..Counts::default()
        };
        for f in self.findings() {
            match f.severity() {
                Severity::Required => counts.required += 1,
                Severity::Advisory if plan.kept(f).is_some() => counts.kept += 1,
                Severity::Advisory => counts.advisory += 1,
            }
        }
        counts
    }
}

/// Verbs that promise effort, not a product (the methodology's list).
const VAGUE_VERBS: &[&str] = &[
    "promover",
    "fortalecer",
    "impulsar",
    "fomentar",
    "coadyuvar",
    "propiciar",
    "contribuir",
    "incentivar",
    "favorecer",
    "procurar",
    "sensibilizar",
    "difundir",
];

/// Words that name a product someone can check (stems, folded; an entry
/// ending in a space is a whole word: "red " is not "reducir").
const DELIVERABLES: &[&str] = &[
    "publica",
    "portal",
    "plataforma",
    "sitio",
    "micrositio",
    "tablero",
    "repositorio",
    "lineamiento",
    "reglamento",
    "ley",
    "decreto",
    "acuerdo",
    "norma",
    "protocolo",
    "manual",
    "guia",
    "metodologia",
    "informe",
    "reporte",
    "estudio",
    "diagnostico",
    "documento",
    "sesion",
    "acta ",
    "convocatoria",
    "catalogo",
    "base de datos",
    "datos abiertos",
    "registro",
    "padron",
    "sistema",
    "mecanismo",
    "comite",
    "consejo",
    "grupo de trabajo",
    "espacio",
    "red ",
    "mesa ",
    "programa",
    "plan ",
    "planes ",
    "mapa ",
    "taller",
    "curso",
    "capacitacion",
    "foro ",
    "foros ",
    "evento",
    "encuesta",
    "convenio",
    "modelo",
    "estrategia",
    "indice",
    "formato",
];

/// Deliverables the IRM reads as modest on their own.
const MODEST: &[&str] = &[
    "portal",
    "plataforma",
    "sitio",
    "micrositio",
    "pagina",
    "taller",
    "curso",
    "capacitacion",
    "piloto",
    "evento",
    "foro ",
    "foros ",
    "difusion",
    "campana",
    "sensibilizacion",
    "platica",
];

/// Instruments that change rules (binding or institutional change).
const BINDING: &[&str] = &[
    "reglamento",
    "ley ",
    "reforma",
    "lineamiento",
    "decreto",
    "acuerdo de cabildo",
    "norma",
    "iniciativa de ley",
    "politica publica",
    "institucionaliz",
];

/// Words of a gender perspective that is specific: a group named or a
/// disaggregation.
const GENDER_SPECIFIC: &[&str] = &[
    "mujeres",
    "ninas",
    "adolescentes",
    "indigena",
    "afromexican",
    "discapacidad",
    "jovenes",
    "juventudes",
    "personas mayores",
    "lgbt",
    "rural",
    "desagreg",
    "por sexo",
    "brecha",
];

/// `text` folded (lower case, no accents), punctuation as spaces, with a
/// space at each end: every word starts after a space.
fn words(text: &str) -> String {
    let folded: String = fold(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    format!(" {folded} ")
}

/// Whether a word of `folded` ([`words`]) starts with an entry of `list`
/// (a stem: "publica" finds "publicacion" and "publicar", not "republica").
fn has_any(folded: &str, list: &[&str]) -> bool {
    list.iter().any(|w| folded.contains(&format!(" {w}")))
}

fn key_action_text(k: &KeyAction) -> String {
    words(&format!(
        "{} {} {}",
        k.name,
        k.objective.as_deref().unwrap_or(""),
        k.verification
    ))
}

/// A key action whose description (name and objective) promises effort but
/// names no product.
fn only_vague(k: &KeyAction) -> bool {
    let text = words(&format!(
        "{} {}",
        k.name,
        k.objective.as_deref().unwrap_or("")
    ));
    let vague = VAGUE_VERBS.iter().any(|v| text.contains(&format!(" {v}")));
    vague && !has_any(&text, DELIVERABLES)
}

fn has_baseline_and_target(k: &KeyAction) -> bool {
    k.indicator.baseline.is_some() && k.indicator.target.is_some()
}

/// Assumptions written as the team's own tasks ("Elaborar…", "Capacitar…")
/// rather than external conditions: the first word is an infinitive.
fn assumptions_are_tasks(text: &str) -> bool {
    // A list marker ("a)", "1.", "-") is not the first word.
    let marker = |t: &&str| {
        t.chars().count() <= 3 && !t.chars().any(char::is_alphabetic)
            || (t.chars().count() <= 2 && (t.ends_with(')') || t.ends_with('.')))
    };
    let firsts: Vec<String> = text
        .split(['\n', ';'])
        .filter_map(|line| {
            let first = line.split_whitespace().find(|t| !marker(t))?;
            Some(fold(first.trim_matches(|c: char| !c.is_alphabetic())))
        })
        .collect();
    !firsts.is_empty()
        && firsts.iter().all(|w| {
            w.chars().count() > 3 && (w.ends_with("ar") || w.ends_with("er") || w.ends_with("ir"))
        })
}

impl Plan {
    /// The kept mark of `finding`, if the team kept it (only recommendations
    /// can be kept).
    pub fn kept(&self, finding: &Finding) -> Option<&KeptFinding> {
        if finding.severity() != Severity::Advisory {
            return None;
        }
        let key = finding.key();
        self.kept_findings.iter().find(|k| k.key == key)
    }

    /// Keeps `key` as it is with `reason` (replacing an earlier reason).
    pub fn keep_finding(&mut self, key: String, reason: String) {
        match self.kept_findings.iter_mut().find(|k| k.key == key) {
            Some(k) => k.reason = reason,
            None => self.kept_findings.push(KeptFinding {
                key,
                reason,
                unknown: Unknown::new(),
            }),
        }
    }

    /// Takes back a kept mark.
    pub fn unkeep_finding(&mut self, key: &str) {
        self.kept_findings.retain(|k| k.key != key);
    }

    /// The quality review of the plan as of `today`.
    pub fn quality_review(&self, today: time::Date) -> Review {
        self.quality_review_checked(today, &self.checks())
    }

    /// [`Plan::quality_review`] with the commitments' checks already made
    /// ([`Plan::checks`], in the plan's order).
    pub fn quality_review_checked(&self, today: time::Date, checks: &[CommitmentCheck]) -> Review {
        Review {
            plan: self.plan_findings(Some(today)),
            commitments: self
                .commitments
                .iter()
                .zip(checks)
                .map(|(c, check)| self.commitment_review(c, check, Some(today)))
                .collect(),
        }
    }

    /// How many findings the final version still needs fixed. No required
    /// rule depends on the date, so the step's status needs none.
    pub fn quality_required_findings(&self) -> usize {
        let commitments = self
            .commitments
            .iter()
            .map(|c| self.commitment_review(c, &self.check(c), None));
        self.plan_findings(None)
            .iter()
            .chain(
                commitments
                    .collect::<Vec<_>>()
                    .iter()
                    .flat_map(|c| c.findings.iter()),
            )
            .filter(|f| f.severity() == Severity::Required)
            .count()
    }

    /// `today` is `None` where only the required rules matter: the advisory
    /// rules that read the date are then left out.
    fn plan_findings(&self, today: Option<time::Date>) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut push = |rule: Rule, place: Place| {
            out.push(Finding {
                rule,
                commitment: None,
                place,
            })
        };
        // Steps still to complete (commitments are reviewed one by one; the
        // coordination body and the roadmap by their own rules below).
        for step in Step::required() {
            let skip = matches!(step, Step::Commitments | Step::Quality)
                || (step == Step::Responses && self.responses.is_empty());
            if skip {
                continue;
            }
            if matches!(
                step.status(self, false),
                TaskStatus::NotStarted | TaskStatus::InProgress | TaskStatus::CannotStartYet
            ) {
                push(Rule::StepIncomplete(step), Place::Step(step, None));
            }
        }
        let c = &self.coordination;
        if c.body.is_some() {
            use super::coordination::CoordinationGap as G;
            for gap in c.gaps() {
                let (rule, place) = match gap {
                    G::NoGovernmentMember => (Rule::ForumGovernment, Place::Members),
                    G::NoNonGovernmentMember => (Rule::ForumCivilSociety, Place::Members),
                    G::MeetsTooRarely => (
                        Rule::ForumEverySixMonths,
                        Place::Step(Step::Coordination, Some(Named::Cadence.into())),
                    ),
                    G::NoPublicRules => (
                        Rule::ForumPublicRules,
                        Place::Step(Step::Coordination, Some(Named::RulesUrl.into())),
                    ),
                };
                push(rule, place);
            }
        }
        if let Some(r) = &self.roadmap {
            use super::roadmap::RoadmapGap as G;
            if r.gaps().contains(&G::NotPublishedBeforeCocreation) {
                push(
                    Rule::RoadmapBeforeCocreation,
                    Place::Step(Step::Roadmap, Some(Named::RoadmapPublished.into())),
                );
            }
        }
        // OGP's minimum: an online repository (a website or a page counts).
        let repository = self
            .roadmap
            .as_ref()
            .is_some_and(|r| r.repository_url.is_some() || r.site_url.is_some())
            || self
                .monitoring
                .as_ref()
                .is_some_and(|m| m.repository_url.is_some());
        if !repository {
            push(
                Rule::Repository,
                Place::Step(Step::Roadmap, Some(Named::RepositoryUrl.into())),
            );
        }
        if self.responses.is_empty() {
            push(Rule::ReasonedResponse, Place::Step(Step::Responses, None));
        }
        let n = self.commitments.len();
        if !(5..=15).contains(&n) {
            push(
                Rule::CommitmentCount(n),
                Place::Step(Step::Commitments, None),
            );
        }
        if n > 0 {
            let accountability = self.commitments.iter().any(|c| {
                c.values
                    .iter()
                    .any(|v| v.value == OgpValue::RendicionDeCuentas && !v.reason.trim().is_empty())
            });
            if !accountability {
                push(
                    Rule::AccountabilityCommitment,
                    Place::Step(Step::Commitments, None),
                );
            }
            if !self
                .commitments
                .iter()
                .any(|c| c.alignment.gender.is_some())
            {
                // Written in a commitment's alignment: the first one's.
                let first = self.commitments[0].id;
                push(
                    Rule::GenderInPlan,
                    Place::CommitmentPart(first, FichaPart::Alignment, Some(Named::Gender.into())),
                );
            }
        }
        if let Some(p) = &self.profile {
            let term = Some(Place::Step(Step::Profile, Some(Named::TermEnd.into())));
            let left = today.and_then(|t| p.months_left(t));
            if let Some(months) = left.filter(|m| *m < super::profile::MIN_MONTHS_LEFT) {
                if let Some(place) = term.clone() {
                    push(Rule::TermLeft(months), place);
                }
            }
            if p.term_end
                .is_some_and(|end| end.last_day() < p.period.last_day())
            {
                if let Some(place) = term {
                    push(Rule::PlanWithinTerm, place);
                }
            }
            let months = months_between(p.period.first_day(), p.period.last_day());
            if !((12..=30).contains(&months) || (42..=54).contains(&months)) {
                push(
                    Rule::PlanLength(months),
                    Place::Step(Step::Profile, Some(Field::PlanEnd)),
                );
            }
        }
        for problem in &self.problems {
            for advice in problem.advice() {
                let field = match advice {
                    ProblemAdvice::PhrasedAsMissingSolution => Named::ProblemStatement,
                    ProblemAdvice::NoCause => Named::Causes,
                    ProblemAdvice::NoBaseline => Named::Baseline,
                };
                push(
                    Rule::ProblemWording(problem.id, advice),
                    Place::Problem(problem.id, Some(field.into())),
                );
            }
        }
        out
    }

    fn commitment_review(
        &self,
        c: &Commitment,
        check: &CommitmentCheck,
        today: Option<time::Date>,
    ) -> CommitmentReview {
        let mut findings = Vec::new();
        let mut push = |rule: Rule, place: Place| {
            findings.push(Finding {
                rule,
                commitment: Some(c.id),
                place,
            })
        };
        let id = c.id;
        // Completeness, by the pages' own rules (weights are the issue below).
        for (part, items) in &check.pending {
            let part = *part;
            for item in items.iter().cloned() {
                if matches!(item, Pending::Weights(_)) {
                    continue;
                }
                let place = pending_place(id, part, &item);
                push(Rule::FichaComplete(part, item), place);
            }
        }
        for issue in check.issues.iter().cloned() {
            let place = match &issue {
                CommitmentIssue::OutsidePlan => {
                    Place::CommitmentPart(id, FichaPart::General, Some(Field::CommitmentStart))
                }
                CommitmentIssue::KeyActionsOutside(ks) => match ks.first() {
                    Some(k) => Place::KeyAction(id, *k, Some(Named::KeyActionStart.into())),
                    None => Place::CommitmentPart(id, FichaPart::KeyActions, None),
                },
                CommitmentIssue::ActivitiesOutside(acts) => match acts.first() {
                    Some((k, a)) => Place::Activity(id, *k, *a, Some(Named::ActivityStart.into())),
                    None => Place::CommitmentPart(id, FichaPart::KeyActions, None),
                },
                CommitmentIssue::WeightsDoNotAddUp { .. } => {
                    Place::CommitmentPart(id, FichaPart::KeyActions, None)
                }
            };
            push(Rule::DatesAndWeights(issue), place);
        }
        // Verifiability beyond completeness.
        let mut vague = Vec::new();
        for k in &c.key_actions {
            if only_vague(k) {
                vague.push(Rule::Deliverable(k.id));
                push(
                    Rule::Deliverable(k.id),
                    Place::KeyAction(id, k.id, Some(Named::KeyActionName.into())),
                );
            }
            if !k.indicator.name.trim().is_empty() && !has_baseline_and_target(k) {
                let field = if k.indicator.baseline.is_none() {
                    Named::IndicatorBaseline
                } else {
                    Named::IndicatorTarget
                };
                push(
                    Rule::BaselineAndTarget(k.id),
                    Place::KeyAction(id, k.id, Some(field.into())),
                );
            }
            if k.activities.is_empty() {
                push(Rule::Activities(k.id), Place::KeyAction(id, k.id, None));
            }
        }
        if let Some(o) = &c.objectives {
            let place =
                Place::CommitmentPart(id, FichaPart::Objectives, Some(Named::Assumptions.into()));
            match o.assumptions.as_deref() {
                None => push(Rule::Assumptions { missing: true }, place),
                Some(text) if assumptions_are_tasks(text) => {
                    push(Rule::Assumptions { missing: false }, place)
                }
                Some(_) => {}
            }
        }
        if !c.co_responsible.is_empty()
            && !c
                .co_responsible
                .iter()
                .any(|m| m.contact.is_non_government())
        {
            push(
                Rule::NonGovernmentCoResponsible,
                Place::CommitmentPart(id, FichaPart::CoResponsible, None),
            );
        }
        if !self.responses.is_empty() && !self.responses.iter().any(|r| r.commitment == Some(id)) {
            push(
                Rule::ResponseNamesCommitment,
                Place::Step(Step::Responses, None),
            );
        }
        let gender_place =
            Place::CommitmentPart(id, FichaPart::Alignment, Some(Named::Gender.into()));
        match c.alignment.gender.as_deref() {
            None => push(Rule::GenderSpecific { missing: true }, gender_place),
            Some(g) if !has_any(&words(g), GENDER_SPECIFIC) => {
                push(Rule::GenderSpecific { missing: false }, gender_place)
            }
            Some(_) => {}
        }
        let irm = self.irm_answers(c, vague);
        if irm.potential == PotentialLevel::Modest {
            push(
                Rule::ModestPotential,
                Place::Classification(id, Some(Named::OwnBinding.into())),
            );
        }
        let classification = c.classification.clone().unwrap_or_default();
        let classified = classification.challenge_area.is_some()
            && classification.policy_area.is_some()
            && classification.practice.is_some()
            && classification.binding.is_some();
        if !classified {
            push(Rule::Classified, Place::Classification(id, None));
        }
        if classification.nominate {
            if classification.challenge_area.is_none() {
                push(
                    Rule::ChallengeArea,
                    Place::Classification(id, Some(Named::ChallengeArea.into())),
                );
            }
            if !core_value_justified(c) {
                push(
                    Rule::ChallengeCoreValue,
                    Place::CommitmentPart(id, FichaPart::Values, None),
                );
            }
            if today.is_some_and(|t| !has_future_milestone(c, t)) {
                push(
                    Rule::ChallengeFutureMilestone,
                    Place::CommitmentPart(id, FichaPart::KeyActions, None),
                );
            }
        }
        CommitmentReview { id, irm, findings }
    }

    /// The IRM's three questions for `c`; `vague` are its findings of key
    /// actions without a deliverable.
    fn irm_answers(&self, c: &Commitment, vague: Vec<Rule>) -> IrmAnswers {
        // Verifiable: every key action has a name, an indicator, a means of
        // verification and dates, and names a product.
        let mut not_verifiable_because = Vec::new();
        if c.key_actions.is_empty() {
            not_verifiable_because
                .push(Rule::FichaComplete(FichaPart::KeyActions, Pending::Nothing));
        }
        for item in self.pending(c, FichaPart::KeyActions) {
            if let Pending::KeyAction(_, e) = &item {
                let verifiability = matches!(
                    e.field,
                    Field::Named(
                        Named::KeyActionName
                            | Named::IndicatorName
                            | Named::KeyActionVerification
                            | Named::KeyActionStart
                            | Named::KeyActionEnd
                    )
                );
                if verifiability {
                    not_verifiable_because.push(Rule::FichaComplete(FichaPart::KeyActions, item));
                }
            }
        }
        not_verifiable_because.extend(vague);
        let verifiable = not_verifiable_because.is_empty();
        let relevant_values: Vec<OgpValue> = c
            .values
            .iter()
            .filter(|v| v.value.is_core() && !v.reason.trim().is_empty())
            .map(|v| v.value)
            .collect();
        let mut because = Vec::new();
        if !verifiable {
            because.push(PotentialReason::NotVerifiable);
        }
        if relevant_values.is_empty() {
            because.push(PotentialReason::NotRelevant);
        }
        let potential = if !because.is_empty() {
            PotentialLevel::Unclear
        } else {
            let text: String = c.key_actions.iter().map(key_action_text).collect();
            let declared = c
                .classification
                .as_ref()
                .and_then(|cl: &Classification| cl.binding);
            let binding = match declared {
                Some(YesNo::Si) => {
                    because.push(PotentialReason::Binding);
                    true
                }
                Some(YesNo::No) => {
                    because.push(PotentialReason::DeclaredNotBinding);
                    false
                }
                None if has_any(&text, BINDING) => {
                    because.push(PotentialReason::Binding);
                    true
                }
                None => {
                    because.push(PotentialReason::NoBindingChange);
                    false
                }
            };
            let all_measured = c.key_actions.iter().all(has_baseline_and_target);
            because.push(if all_measured {
                PotentialReason::BaselinesAndTargets
            } else {
                PotentialReason::SomeWithoutBaseline
            });
            let beyond = c.key_actions.iter().any(|k| {
                let t = key_action_text(k);
                let modest_only = has_any(&t, MODEST)
                    && !DELIVERABLES
                        .iter()
                        .filter(|d| !MODEST.contains(d))
                        .any(|d| t.contains(&format!(" {d}")));
                !modest_only
            });
            because.push(if beyond {
                PotentialReason::BeyondWebsiteOrTraining
            } else {
                PotentialReason::OnlyModestDeliverables
            });
            if binding && all_measured && beyond {
                PotentialLevel::Substantial
            } else {
                PotentialLevel::Modest
            }
        };
        IrmAnswers {
            verifiable,
            not_verifiable_because,
            relevant_values,
            potential,
            potential_because: because,
        }
    }
}

/// At least one of transparency, participation or accountability, justified.
fn core_value_justified(c: &Commitment) -> bool {
    c.values
        .iter()
        .any(|v| v.value.is_core() && !v.reason.trim().is_empty())
}

/// A key action or activity that ends on or after `today`.
fn has_future_milestone(c: &Commitment, today: time::Date) -> bool {
    c.key_actions.iter().any(|k| {
        k.period.as_ref().is_some_and(|p| p.last_day() >= today)
            || k.activities
                .iter()
                .any(|a| a.period.as_ref().is_some_and(|p| p.last_day() >= today))
    })
}

/// Where a missing item of the ficha is written.
pub fn pending_place(id: CommitmentId, part: FichaPart, item: &Pending) -> Place {
    match item {
        Pending::Field(e) => Place::CommitmentPart(id, part, Some(e.field)),
        Pending::Nothing | Pending::Weights(_) => Place::CommitmentPart(id, part, None),
        Pending::KeyAction(k, e) => Place::KeyAction(id, *k, Some(e.field)),
        Pending::Activity(k, a, e) => Place::Activity(id, *k, *a, Some(e.field)),
    }
}

/// Whole months from `start` to `end` (a period from 1 January 2023 to 31
/// December 2024 lasts 24).
fn months_between(start: time::Date, end: time::Date) -> i32 {
    let next = end.next_day().unwrap_or(end);
    (next.year() - start.year()) * 12 + i32::from(u8::from(next.month()))
        - i32::from(u8::from(start.month()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_action(name: &str, objective: Option<&str>) -> KeyAction {
        let mut k = crate::domain::key_action::KeyActionInput {
            name: name.into(),
            ..Default::default()
        }
        .read(ItemId(1), None, Vec::new())
        .savable()
        .expect("a name is enough to save");
        k.objective = objective.map(str::to_owned);
        k
    }

    #[test]
    fn a_description_of_vague_verbs_names_no_product() {
        for (name, objective, vague) in [
            ("Promover la cultura de apertura", None, true),
            (
                "Fortalecer e impulsar la participación",
                Some("Fomentar la confianza"),
                true,
            ),
            // A product named: a report, a regulation, a platform.
            (
                "Promover la publicación del informe trimestral",
                None,
                false,
            ),
            ("Impulsar el reglamento de participación", None, false),
            // "reducir" is not "red", nor "república" a "publicación".
            ("Fortalecer la república para reducir la brecha", None, true),
            // No vague verb at all.
            ("Integrar el padrón de obras", None, false),
        ] {
            assert_eq!(only_vague(&key_action(name, objective)), vague, "{name}");
        }
    }

    #[test]
    fn assumptions_written_as_tasks_are_told_apart_from_conditions() {
        assert!(assumptions_are_tasks(
            "Elaborar el diagnóstico.\nCapacitar al personal."
        ));
        assert!(assumptions_are_tasks("a) Publicar el informe; b) Difundir"));
        assert!(!assumptions_are_tasks(
            "Que el Congreso apruebe la reforma."
        ));
        assert!(!assumptions_are_tasks(
            "Cambios en el personal de los organismos garantes."
        ));
    }

    #[test]
    fn a_specific_gender_perspective_names_a_group_or_a_disaggregation() {
        assert!(has_any(
            &words("Atiende a mujeres jefas de familia"),
            GENDER_SPECIFIC
        ));
        assert!(has_any(
            &words("Indicadores desagregados por sexo."),
            GENDER_SPECIFIC
        ));
        assert!(has_any(&words("(Niñas y adolescentes)"), GENDER_SPECIFIC));
        assert!(!has_any(
            &words("Se tomará en cuenta la perspectiva de género."),
            GENDER_SPECIFIC
        ));
    }

    #[test]
    fn months_count_whole_months_of_a_period() {
        use time::macros::date;
        assert_eq!(
            months_between(date!(2023 - 01 - 01), date!(2024 - 12 - 31)),
            24
        );
        assert_eq!(
            months_between(date!(2019 - 12 - 10), date!(2021 - 08 - 31)),
            21
        );
        assert_eq!(
            months_between(date!(2023 - 07 - 01), date!(2025 - 12 - 31)),
            30
        );
    }
}
