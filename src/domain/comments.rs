//! Comment rounds ("Observaciones"): one reviewer's comments on one plan, as
//! a file that travels by e-mail, and the team's answers to them, which
//! become entries of the plan's reasoned response.
//!
//! A reviewer who receives the plan's PDF or JSON writes comments attached to
//! a step, a commitment or a field (a row of «Revise su plan»), with their
//! name and organisation, and downloads them as one [`CommentsFile`]. The
//! team opens any number of such files ([`Received`]) beside its draft and
//! answers each comment ([`answer`]): the answer is a
//! [`ReasonedResponse`] linked to the comment ([`CommentLink`]), so answering
//! again updates it rather than adding another.
//!
//! A comment keeps what it is about as it was when written (the commitment's
//! name, the field's place and value), so it still shows when the commitment
//! was later deleted ([`Comment::commitment_gone`]).
//!
//! The file's JSON (read and written in `persistence::comments`):
//! `{"format": "plan-local-gobierno-abierto/observaciones", "version": 1,
//! "id": "…", "plan": {"name", "fingerprint", "key"}, "reviewer": {"name",
//! "organization"}, "date": "2026-03-12", "comments": [{"id", "step",
//! "commitment": {"id", "name"}, "field": {"target", "row", "place",
//! "value"}, "text"}]}`. Like drafts, every object keeps the fields of a
//! newer version ([`super::unknown`]).

use serde::{Deserialize, Serialize};
use time::Date;

use super::articulation::PlanKey;
use super::choice::{choices, next_id, ItemId};
use super::commitment::CommitmentId;
use super::contact::{MAX_LONG, MAX_SHORT};
use super::methodology::Step;
use super::monitoring::{next_response_id, Decision, ReasonedResponse};
use super::plan::Plan;
use super::unknown::{carry_fields, list_item_by, Unknown};

/// Marks a comments file, so that a draft or another program's JSON is
/// recognised as such.
pub const FORMAT: &str = "plan-local-gobierno-abierto/observaciones";

/// The version of the comments file this version writes. Bump it only for a
/// change that earlier versions could not read (a new field is not one: it
/// is kept by them).
pub const VERSION: u32 = 1;

/// The plan a comments file is about, as it was when the reviewer read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRef {
    /// The plan's name ([`Plan::display_name`]).
    pub name: String,
    /// [`Plan::fingerprint`]: tells whether the team's draft changed since.
    pub fingerprint: String,
    /// [`PlanKey`]: tells whether the team's draft is the same plan.
    pub key: PlanKey,
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(PlanRef);

impl PlanRef {
    pub fn of(plan: &Plan) -> Self {
        Self {
            name: plan.display_name().to_owned(),
            fingerprint: plan.fingerprint(),
            key: PlanKey::of(plan),
            unknown: Unknown::new(),
        }
    }
}

/// Who comments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub organization: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Reviewer);

/// Why a reviewer's name or organisation cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReviewerError {
    #[error("no name")]
    NoName,
    #[error("name too long")]
    NameTooLong,
    #[error("organisation too long")]
    OrganizationTooLong,
}

impl Reviewer {
    /// Reads the name and organisation as typed: a name is needed (the team
    /// answers people), the organisation is optional.
    pub fn parse(name: &str, organization: &str) -> Result<Self, Vec<ReviewerError>> {
        let (name, organization) = (name.trim(), organization.trim());
        let mut errors = Vec::new();
        if name.is_empty() {
            errors.push(ReviewerError::NoName);
        } else if name.chars().count() > MAX_SHORT {
            errors.push(ReviewerError::NameTooLong);
        }
        if organization.chars().count() > MAX_SHORT {
            errors.push(ReviewerError::OrganizationTooLong);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            name: name.to_owned(),
            organization: organization.to_owned(),
            unknown: Unknown::new(),
        })
    }

    /// "Ana López, Colectivo Ciudadano" (the organisation when given).
    pub fn who(&self) -> String {
        if self.organization.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.organization)
        }
    }
}

/// The commitment a comment is about, with its name when the comment was
/// written (shown if the commitment is later deleted or renamed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentRef {
    pub id: CommitmentId,
    #[serde(default)]
    pub name: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(CommitmentRef);

/// The field a comment is about: a row of «Revise su plan».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldRef {
    /// The row's page as a stable key ("compromiso-3/accion-clave-2"; see
    /// `export::content::comment_places::target_key`).
    pub target: String,
    /// The row's label ("Nombre de la acción clave").
    pub row: String,
    /// Where the row was shown ("Compromiso 1 · Acción clave 2"), when in a group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The value the reviewer read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(FieldRef);

/// One comment. What it is about is the narrowest of: a field, a
/// commitment, a step (a field of a commitment names both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: ItemId,
    /// The step's key ([`step_key`]).
    pub step: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<CommitmentRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<FieldRef>,
    pub text: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Comment, commitment, field);
list_item_by!(Comment, id);
super::choice::identified!(Comment);

/// What a comment is attached to, as the reviewer chooses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    pub step: Step,
    pub commitment: Option<CommitmentRef>,
    pub field: Option<FieldRef>,
}

impl About {
    pub fn step(step: Step) -> Self {
        Self {
            step,
            commitment: None,
            field: None,
        }
    }

    /// A commitment of `plan` (its current name kept).
    pub fn commitment(plan: &Plan, id: CommitmentId) -> Self {
        Self {
            step: Step::Commitments,
            commitment: Some(CommitmentRef {
                id,
                name: plan
                    .commitment(id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                unknown: Unknown::new(),
            }),
            field: None,
        }
    }

    /// A field, within `commitment` when it is one of its rows.
    pub fn field(step: Step, commitment: Option<CommitmentRef>, field: FieldRef) -> Self {
        Self {
            step,
            commitment,
            field: Some(field),
        }
    }
}

/// A stable key for a step in a comments file: the last part of its address
/// ("compromisos", "respuesta-razonada").
pub fn step_key(step: Step) -> &'static str {
    let path = step.path();
    path.rsplit('/').next().unwrap_or(path)
}

/// The step of a key written by [`step_key`].
pub fn step_of_key(key: &str) -> Option<Step> {
    Step::ALL.into_iter().find(|s| step_key(*s) == key)
}

/// Why a comment's text cannot be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("empty")]
    Empty,
    #[error("longer than {max} characters")]
    TooLong { max: usize },
}

/// A comment's text or an answer's reason as typed: not empty, at most
/// [`MAX_LONG`] characters; surrounding space removed.
pub fn parse_text(raw: &str) -> Result<String, TextError> {
    let t = raw.trim();
    if t.is_empty() {
        Err(TextError::Empty)
    } else if t.chars().count() > MAX_LONG {
        Err(TextError::TooLong { max: MAX_LONG })
    } else {
        Ok(t.to_owned())
    }
}

/// One reviewer's comments on one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentsFile {
    pub format: String,
    pub version: u32,
    /// Tells this reviewer's round apart from every other (made when the
    /// round starts; the same in every download of it): the team's answers
    /// name it ([`CommentLink`]).
    pub id: String,
    pub plan: PlanRef,
    pub reviewer: Reviewer,
    /// When the comments were written (last changed).
    pub date: Date,
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(CommentsFile, plan, reviewer, comments);

impl CommentsFile {
    /// A new round of comments on `plan` by `reviewer`; `id` must be unique
    /// to this round (the page makes it from the time and the plan).
    pub fn new(plan: &Plan, reviewer: Reviewer, date: Date, id: String) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            id,
            plan: PlanRef::of(plan),
            reviewer,
            date,
            comments: Vec::new(),
            unknown: Unknown::new(),
        }
    }

    /// Adds a comment; returns its id.
    pub fn add(&mut self, about: About, text: String) -> ItemId {
        let id = next_id(self.comments.iter().map(|c| c.id));
        self.comments.push(Comment {
            id,
            step: step_key(about.step).to_owned(),
            commitment: about.commitment,
            field: about.field,
            text,
            unknown: Unknown::new(),
        });
        id
    }

    /// Changes a comment's text; returns whether it was there.
    pub fn edit(&mut self, id: ItemId, text: String) -> bool {
        match self.comments.iter_mut().find(|c| c.id == id) {
            Some(c) => {
                c.text = text;
                true
            }
            None => false,
        }
    }

    /// Removes a comment; returns whether it was there.
    pub fn remove(&mut self, id: ItemId) -> bool {
        super::choice::remove_item(&mut self.comments, id)
    }

    /// The file name for the download: "observaciones-<plan>-<reviewer>.json",
    /// lower case, plain letters and hyphens.
    pub fn file_name(&self) -> String {
        let slug = |s: &str| {
            let folded = crate::catalog::fold(s);
            let mut out = String::new();
            for c in folded.chars() {
                if c.is_ascii_alphanumeric() {
                    out.push(c.to_ascii_lowercase());
                } else if !out.ends_with('-') && !out.is_empty() {
                    out.push('-');
                }
            }
            let cut: String = out.chars().take(40).collect();
            cut.trim_end_matches('-').to_owned()
        };
        let parts: Vec<String> = [slug(&self.plan.name), slug(&self.reviewer.name)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if parts.is_empty() {
            "observaciones.json".to_owned()
        } else {
            format!("observaciones-{}.json", parts.join("-"))
        }
    }
}

impl Comment {
    /// The step it is about (`None`: a step of a newer version).
    pub fn step(&self) -> Option<Step> {
        step_of_key(&self.step)
    }

    /// The commitment it is about, if any.
    pub fn commitment_id(&self) -> Option<CommitmentId> {
        self.commitment.as_ref().map(|c| c.id)
    }

    /// Whether it is about a commitment that `plan` no longer has.
    pub fn commitment_gone(&self, plan: &Plan) -> bool {
        self.commitment_id()
            .is_some_and(|id| plan.commitment(id).is_none())
    }
}

/// Names one comment of one round, stored in the reasoned response it
/// became ([`ReasonedResponse::comment`]): "<round id>/<comment id>".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CommentLink(pub String);

impl CommentLink {
    pub fn new(file: &CommentsFile, comment: &Comment) -> Self {
        Self(format!("{}/{}", file.id, comment.id.0))
    }
}

choices! {
    /// The team's answer to a comment.
    Answer {
        Aceptada => "aceptada",
        EnParte => "aceptada-en-parte",
        NoAceptada => "no-aceptada",
    }
}

impl Answer {
    /// The reasoned response's decision, and whether only in part.
    pub fn decision(self) -> (Decision, bool) {
        match self {
            Answer::Aceptada => (Decision::Incorporada, false),
            Answer::EnParte => (Decision::Incorporada, true),
            Answer::NoAceptada => (Decision::NoIncorporada, false),
        }
    }

    /// The answer a response records (a response changed on the reasoned
    /// response's own page to "se fusionó" counts as accepted).
    pub fn of(response: &ReasonedResponse) -> Option<Self> {
        match response.decision? {
            Decision::Incorporada if response.partly => Some(Answer::EnParte),
            Decision::Incorporada | Decision::Fusionada => Some(Answer::Aceptada),
            Decision::NoIncorporada => Some(Answer::NoAceptada),
        }
    }
}

/// Where a comment's response comes from, as the reasoned response shows it:
/// "Ana López, Colectivo Ciudadano, observaciones del 12/03/2026".
pub fn source_of(file: &CommentsFile) -> String {
    format!(
        "{}, observaciones del {}",
        file.reviewer.who(),
        super::date::format_date(file.date)
    )
}

/// The response that answers `link` in `plan`, if any.
pub fn response_to<'a>(plan: &'a Plan, link: &CommentLink) -> Option<&'a ReasonedResponse> {
    plan.responses
        .iter()
        .find(|r| r.comment.as_deref() == Some(link.0.as_str()))
}

/// Records the team's answer to a comment as an entry of the plan's
/// reasoned response: input = the comment's text, source = who and when,
/// the decision, the commitment the comment is about (while the plan has
/// it), the reason. Answering the same comment again updates its entry
/// (its id, place in the list and fields of a newer version stay).
/// Returns the response's id. `reason` must already be read ([`parse_text`]).
pub fn answer(
    plan: &mut Plan,
    file: &CommentsFile,
    comment: &Comment,
    answer: Answer,
    reason: String,
) -> ItemId {
    let link = CommentLink::new(file, comment);
    let (decision, partly) = answer.decision();
    let commitment = comment
        .commitment_id()
        .filter(|id| plan.commitment(*id).is_some());
    let existing = plan
        .responses
        .iter()
        .position(|r| r.comment.as_deref() == Some(link.0.as_str()));
    let id = existing.map_or_else(
        || next_response_id(&plan.responses),
        |i| plan.responses[i].id,
    );
    let unknown = existing.map_or_else(Unknown::new, |i| plan.responses[i].unknown.clone());
    let response = ReasonedResponse {
        id,
        input: comment.text.clone(),
        source: Some(source_of(file)),
        decision: Some(decision),
        commitment,
        reason,
        partly,
        comment: Some(link.0),
        unknown,
    };
    match existing {
        Some(i) => plan.responses[i] = response,
        None => plan.responses.push(response),
    }
    id
}

/// A comments file the team opened, with the name of the file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub file_name: String,
    pub file: CommentsFile,
}

/// How a comments file relates to the team's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The plan as the reviewer read it.
    Same,
    /// The same plan, changed since the reviewer read it.
    Changed,
    /// Another plan (another name, makers or period).
    OtherPlan,
}

impl Received {
    pub fn fit(&self, plan: &Plan) -> Fit {
        if self.file.plan.key != PlanKey::of(plan) {
            Fit::OtherPlan
        } else if self.file.plan.fingerprint != plan.fingerprint() {
            Fit::Changed
        } else {
            Fit::Same
        }
    }
}

/// What became of a comments file added to the team's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    New,
    /// A later download of a round already in the list, which it replaces.
    Replaced {
        previous_file: String,
    },
}

/// Adds a received file to `list`: a file of a round already there (same
/// [`CommentsFile::id`]) replaces it, since the reviewer may send a
/// corrected copy.
pub fn add_received(list: &mut Vec<Received>, received: Received) -> Added {
    match list.iter_mut().find(|r| r.file.id == received.file.id) {
        Some(slot) => {
            let previous_file = std::mem::replace(slot, received).file_name;
            Added::Replaced { previous_file }
        }
        None => {
            list.push(received);
            Added::New
        }
    }
}

/// A comment's state for the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    SinRespuesta,
    Contestada,
}

/// One received comment, for the team's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub file: &'a CommentsFile,
    pub comment: &'a Comment,
    pub link: CommentLink,
    pub response: Option<&'a ReasonedResponse>,
}

impl Entry<'_> {
    pub fn state(&self) -> State {
        if self.response.is_some() {
            State::Contestada
        } else {
            State::SinRespuesta
        }
    }
}

/// The team's filters; `None` is "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub step: Option<Step>,
    /// The reviewer as [`Reviewer::who`] gives it.
    pub reviewer: Option<String>,
    pub state: Option<State>,
}

/// Every comment of every received file, in the order of the steps (then
/// commitments in the plan's order, a deleted one last; then file and
/// comment order), with its response in `plan`, filtered.
pub fn entries<'a>(list: &'a [Received], plan: &'a Plan, filters: &Filters) -> Vec<Entry<'a>> {
    let mut out: Vec<Entry<'a>> = list
        .iter()
        .flat_map(|r| {
            r.file.comments.iter().map(move |c| {
                let link = CommentLink::new(&r.file, c);
                Entry {
                    file: &r.file,
                    comment: c,
                    response: response_to(plan, &link),
                    link,
                }
            })
        })
        .filter(|e| filters.step.is_none_or(|s| e.comment.step() == Some(s)))
        .filter(|e| {
            filters
                .reviewer
                .as_ref()
                .is_none_or(|w| &e.file.reviewer.who() == w)
        })
        .filter(|e| filters.state.is_none_or(|s| e.state() == s))
        .collect();
    let step_order = |c: &Comment| {
        c.step()
            .and_then(|s| Step::ALL.iter().position(|x| *x == s))
            .unwrap_or(Step::ALL.len())
    };
    let commitment_order = |c: &Comment| match c.commitment_id() {
        None => 0,
        Some(id) => plan.commitment_number(id).unwrap_or(usize::MAX),
    };
    // Stable: file and comment order stay within a place.
    out.sort_by_key(|e| (step_order(e.comment), commitment_order(e.comment)));
    out
}

/// The reviewers of the received files, each once, in order.
pub fn reviewers(list: &[Received]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in list {
        let who = r.file.reviewer.who();
        if !out.contains(&who) {
            out.push(who);
        }
    }
    out
}
