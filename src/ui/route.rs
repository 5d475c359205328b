//! Route helpers for pages whose address names something: the values of the
//! route parameters (a page mounted afresh when they change), a saved
//! commitment's id, and an item of a list ("nuevo" or a stable id).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::choice::Identified;
use crate::domain::{CommitmentId, ItemId, Plan};
use crate::state::use_app;
use crate::ui::pages::not_found::NotFound;

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
