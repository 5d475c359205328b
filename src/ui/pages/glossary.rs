//! "Glosario": every term the app explains in place, on one page.

use leptos::prelude::*;

use crate::catalog::fold;
use crate::ui::shell::PageHeading;
use crate::ui::widgets::Term;

/// Every [`Term`], in alphabetical order, as a description list; each term
/// has an id ("accion-clave") so it can be linked to.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let mut terms = Term::ALL.to_vec();
    terms.sort_by_key(|t| fold(t.word()));
    let items = terms
        .into_iter()
        .map(|t| {
            let id = fold(t.word()).replace(' ', "-");
            view! {
                <div class="glossary__item">
                    <dt class="glossary__term" id=id>{crate::labels::capitalized(t.word())}</dt>
                    <dd class="glossary__meaning">{t.meaning()}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <PageHeading text="Glosario" />
        <p class="body">"Qué quiere decir cada término de la metodología que usa esta herramienta."</p>
        <dl class="glossary">{items}</dl>
    }
}
