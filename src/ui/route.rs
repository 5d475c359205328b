//! Route helpers for pages whose address names something: the values of the
//! route parameters (a page mounted afresh when they change), a saved
//! commitment's id, an item of a list ("nuevo" or a stable id), the addresses,
//! captions and unsaved-input keys of a commitment's pages, and the page of a
//! place the quality review names ([`place_path`], [`place_href`]).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::choice::Identified;
use crate::domain::plan::FichaPart;
use crate::domain::quality::Place;
use crate::domain::{CommitmentId, ItemId, Plan};
use crate::state::use_app;
use crate::ui::draft_form::{RETURN_PARAM, RETURN_TO_QUALITY};
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;

/// Mounts `render` with the values of the route parameters `names`, afresh
/// whenever they change (going from one commitment to another must not reuse
/// the previous page's form).
pub fn remount_on<V: IntoView + 'static>(
    names: &'static [&'static str],
    render: impl Fn(Vec<String>) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        names
            .iter()
            .map(|n| params.read().get(n).unwrap_or_default())
            .collect::<Vec<_>>()
    };
    view! { <For each=move || std::iter::once(key()) key=|k| k.clone() let:k>{render(k)}</For> }
}

/// A saved commitment's id from the address, if it exists.
pub fn saved_commitment(raw: &str) -> Option<CommitmentId> {
    let id = CommitmentId(raw.parse::<u32>().ok()?);
    use_app()
        .plan
        .with_untracked(|p| p.commitment(id).is_some())
        .then_some(id)
}

/// An item of a list from the address: `Some(None)` for "nuevo", `Some(Some(id))`
/// for a number, `None` otherwise.
pub fn item_param(raw: &str) -> Option<Option<ItemId>> {
    if raw == "nuevo" {
        Some(None)
    } else {
        raw.parse::<u32>().ok().map(|n| Some(ItemId(n)))
    }
}

/// The page of one item of a list, from its address: a new item for "nuevo",
/// an existing one when `list` holds its id, otherwise "not found".
pub fn item_page<T: Identified>(
    raw: &str,
    list: impl Fn(&Plan) -> &[T],
    render: impl FnOnce(Option<ItemId>) -> AnyView,
) -> AnyView {
    let found = item_param(raw).filter(|n| {
        n.is_none_or(|n| {
            use_app()
                .plan
                .with_untracked(|p| list(p).iter().any(|x| x.item_id() == n))
        })
    });
    match found {
        Some(n) => render(n),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// Unsaved-input key of a commitment's end-of-commitment assessment
/// ("avances/valoracion/3").
pub(crate) fn assessment_key(id: CommitmentId) -> String {
    format!("avances/valoracion/{}", id.0)
}

/// Unsaved-input key of a report round's pages ("avances/informe/2", or
/// "avances/informe/nuevo").
pub(crate) fn round_key(r: Option<ItemId>) -> String {
    format!("avances/informe/{}", paths::item(r))
}

/// Unsaved-input key of one commitment's report in a round
/// ("avances/informe/2/compromiso/3").
pub(crate) fn round_report_key(r: ItemId, id: CommitmentId) -> String {
    format!("{}/compromiso/{}", round_key(Some(r)), id.0)
}

/// Whether an unsaved-input key is of commitment `id`'s pages of the
/// implementation (its assessment, its report in any round): they go with it.
pub(crate) fn is_progress_key_of(key: &str, id: CommitmentId) -> bool {
    key == assessment_key(id)
        || key
            .strip_prefix("avances/informe/")
            .is_some_and(|rest| rest.ends_with(&format!("/compromiso/{}", id.0)))
}

/// Unsaved-input key of a commitment's page ("compromiso/3/objetivos").
pub(crate) fn page_key(id: CommitmentId, part: &str) -> String {
    if part.is_empty() {
        format!("compromiso/{}", id.0)
    } else {
        format!("compromiso/{}/{part}", id.0)
    }
}

/// "Compromiso 2 · Acciones clave": the caption of a commitment's pages.
pub(crate) fn caption(id: CommitmentId, part: &str) -> String {
    let number = use_app()
        .plan
        .with_untracked(|p| p.commitment_number(id).unwrap_or(0));
    format!("Compromiso {number} · {part}")
}

pub(crate) fn part_path(id: CommitmentId, part: FichaPart) -> String {
    paths::commitment_part(id, part_slug(part))
}

pub(crate) fn part_slug(part: FichaPart) -> &'static str {
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

/// The page (and field, as the fragment: the page focuses it) where `place`
/// is changed.
pub fn place_path(place: &Place) -> String {
    let (path, fragment) = place_parts(place);
    format!("{path}{fragment}")
}

/// [`place_path`] with "?volver=calidad", so that "Guardar y continuar"
/// comes back to the review.
pub fn place_href(place: &Place) -> String {
    let (path, fragment) = place_parts(place);
    format!("{path}?{RETURN_PARAM}={RETURN_TO_QUALITY}{fragment}")
}

fn place_parts(place: &Place) -> (String, String) {
    let (path, field) = match place {
        Place::Step(step, field) => (step.path().to_owned(), *field),
        Place::Members => (paths::MEMBERS.to_owned(), None),
        Place::Problem(n, field) => (paths::problem(Some(*n)), *field),
        Place::CommitmentPart(id, part, field) => (part_path(*id, *part), *field),
        Place::KeyAction(id, k, field) => (paths::key_action(*id, Some(*k)), *field),
        Place::Activity(id, k, a, field) => (paths::activity(*id, *k, Some(*a)), *field),
        Place::Classification(id, field) => (paths::classification(*id), *field),
    };
    let fragment = field.map(|f| format!("#{}", f.key())).unwrap_or_default();
    (path, fragment)
}
