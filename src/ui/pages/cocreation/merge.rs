//! "Combinar con otro borrador" (`/plan/combinar`): the open draft is "mine";
//! the person chooses the other from «Mis borradores» or a file (JSON, or a
//! PDF made by this tool), sees what differs grouped by step and commitment
//! (conflicts side by side, in the review page's words), chooses per item,
//! and «Crear el borrador combinado» stores the result
//! ([`crate::domain::merge`]) as a new draft and opens it. Nothing changes
//! before that; the two sources stay as they were.

use leptos::prelude::*;

use crate::domain::merge::{
    self, counts, differences, Choice, Choices, Difference, ItemKey, Kind, ListKind, MergeError,
    Part,
};
use crate::domain::{CommitmentId, Plan};
use crate::export::content::summary::{summary, Section, Target};
use crate::messages;
use crate::messages::merge as words;
use crate::persistence::browser::{self, ReadFileError};
use crate::persistence::drafts::{self, DraftId, Loaded};
use crate::persistence::envelope::Unsaved;
use crate::persistence::{decode_file, max_file_bytes, Envelope};
use crate::state::use_app;
use crate::ui::form::{focus_id, on_file_bytes_chosen, FileField, SUMMARY_ID};
use crate::ui::paths;
use crate::ui::shell::{BackLink, PageHeading};

const INPUT_ID: &str = "archivo-combinar";
const CHOSEN_ID: &str = "combinar-diferencias";
const DONE_ID: &str = "combinado";

/// The other draft: its shown name and its plan.
#[derive(Clone, PartialEq)]
struct Other {
    name: String,
    plan: Plan,
}

/// What the creation left to say.
#[derive(Clone, PartialEq)]
struct Done {
    name: String,
    weights: Vec<(CommitmentId, String)>,
}

/// Whether a summary row is about `key`; `whole`: a commitment with its key
/// actions (an addition brings them all).
fn belongs(target: Target, key: ItemKey, whole: bool) -> bool {
    use Target as T;
    match key {
        ItemKey::Part(p) => match p {
            Part::Profile => target == T::Profile,
            Part::Office => target == T::Office,
            Part::Framework => target == T::Framework,
            Part::NationalPlan => target == T::NationalPlan,
            Part::Readiness => target == T::Readiness,
            Part::Political => target == T::Political,
            Part::CoordinationBody => target == T::Coordination,
            Part::Roadmap => target == T::Roadmap,
            Part::Monitoring => target == T::Monitoring,
            Part::Ogp => target == T::Ogp,
            Part::KeptFindings => false,
            Part::Implementation => matches!(
                target,
                T::ProgressLength
                    | T::ProgressBody
                    | T::Round(_)
                    | T::RoundReport(..)
                    | T::Assessment(_)
                    | T::Amendment(_)
            ),
        },
        ItemKey::Commitment(c) => match target {
            T::Part(x, _)
            | T::Responsible(x, _)
            | T::CoResponsible(x, _)
            | T::CommitmentOgp(x)
            | T::Classification(x) => x == c,
            T::KeyAction(x, _) | T::Activity(x, _, _) => whole && x == c,
            _ => false,
        },
        ItemKey::KeyAction(c, k) => match target {
            T::KeyAction(x, y) | T::Activity(x, y, _) => x == c && y == k,
            _ => false,
        },
        ItemKey::Item(kind, id) => match (kind, target) {
            (ListKind::Problem, T::Problem(x))
            | (ListKind::Member, T::Member(x))
            | (ListKind::Organization, T::Organization(x))
            | (ListKind::Response, T::Response(x))
            | (ListKind::Session, T::OgpSession(x))
            | (ListKind::Event, T::OgpEvent(x)) => x == id,
            _ => false,
        },
    }
}

/// The review page's rows about `key`: (label, value).
fn rows(sections: &[Section], key: ItemKey, whole: bool) -> Vec<(String, Option<String>)> {
    fn walk(
        g: &crate::export::content::summary::Group,
        key: ItemKey,
        whole: bool,
        out: &mut Vec<(String, Option<String>)>,
    ) {
        for r in &g.rows {
            if belongs(r.target, key, whole) {
                out.push((r.key.clone(), r.value.clone()));
            }
        }
        for s in &g.subgroups {
            walk(s, key, whole, out);
        }
    }
    let mut out = Vec::new();
    for s in sections {
        for g in &s.groups {
            walk(g, key, whole, &mut out);
        }
    }
    out
}

/// Mine's and theirs' rows side by side, by label (the n-th row of a label
/// with the n-th), keeping only those that differ.
type SideRow = (String, Option<String>, Option<String>);

fn side_by_side(
    mine: Vec<(String, Option<String>)>,
    theirs: Vec<(String, Option<String>)>,
) -> (Vec<SideRow>, usize) {
    let mut used = vec![false; theirs.len()];
    let mut out = Vec::new();
    let mut same = 0;
    for (label, value) in mine {
        let found = (0..theirs.len()).find(|&i| !used[i] && theirs[i].0 == label);
        let other = found.and_then(|i| {
            used[i] = true;
            theirs[i].1.clone()
        });
        if other == value {
            same += 1;
        } else {
            out.push((label, value, other));
        }
    }
    for (i, (label, value)) in theirs.into_iter().enumerate() {
        if !used[i] && value.is_some() {
            out.push((label, None, value));
        }
    }
    (out, same)
}

fn shown(value: Option<String>) -> String {
    value.unwrap_or_else(|| "No proporcionado".to_owned())
}

/// The radio id of a difference's choice.
fn radio_id(i: usize, c: Choice) -> String {
    let what = match c {
        Choice::KeepMine => "mio",
        Choice::TakeTheirs => "suyo",
        Choice::KeepBoth => "ambos",
    };
    format!("eleccion-{i}-{what}")
}

/// A difference's first radio (where the error summary sends the focus).
fn first_radio(d: &Difference, i: usize) -> String {
    radio_id(i, d.options()[0])
}

#[component]
pub fn MergePage() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let other = RwSignal::new(None::<Other>);
    let choices = RwSignal::new(Choices::new());
    let unchosen = RwSignal::new(Vec::<(String, String)>::new());
    let done = RwSignal::new(None::<Done>);

    // A new choice of the other draft starts the choices afresh.
    Effect::new(move |_| {
        other.track();
        choices.set(Choices::new());
        unchosen.set(Vec::new());
    });

    let diffs = Memo::new(move |_| {
        other.with(|o| {
            o.as_ref()
                .map(|o| state.plan.with(|mine| differences(mine, &o.plan)))
        })
    });

    let on_change =
        on_file_bytes_chosen(
            max_file_bytes,
            other,
            error,
            CHOSEN_ID,
            |read, max| match read {
                Ok(bytes) => decode_file(&bytes)
                    .map(|env| Other {
                        name: drafts::shown_name(&env),
                        plan: env.plan,
                    })
                    .map_err(|e| messages::decode_error(&e)),
                Err(ReadFileError::TooLarge { bytes }) => Err(messages::decode_error(
                    &crate::persistence::DecodeError::TooLarge {
                        bytes: bytes as usize,
                        max,
                    },
                )),
                Err(ReadFileError::Unreadable) => Err(messages::FILE_UNREADABLE.to_owned()),
            },
        );
    let on_change = move |ev| {
        done.set(None);
        on_change(ev);
    };

    let choose_draft = move |id: DraftId| {
        done.set(None);
        error.set(None);
        match drafts::load(&browser::store(), id) {
            Loaded::Draft(env) => {
                other.set(Some(Other {
                    name: drafts::shown_name(&env),
                    plan: env.plan,
                }));
                request_animation_frame(|| focus_id(CHOSEN_ID));
            }
            _ => {
                other.set(None);
                error.set(Some(words::DRAFT_UNREADABLE.to_owned()));
                request_animation_frame(|| focus_id(SUMMARY_ID));
            }
        }
    };

    let busy = StoredValue::new(false);
    let create = move |_| {
        if busy.get_value() {
            return;
        }
        let Some(o) = other.get_untracked() else {
            return;
        };
        let mine = state.plan.get_untracked();
        let chosen = choices.get_untracked();
        match merge::merge(&mine, &o.plan, &chosen) {
            Err(MergeError::Unchosen(keys)) => {
                let list = diffs.get_untracked().unwrap_or_default();
                let lines = keys
                    .iter()
                    .filter_map(|k| {
                        let i = list.iter().position(|d| d.theirs == *k)?;
                        Some((
                            first_radio(&list[i], i),
                            words::unchosen(&words::item_title(&o.plan, *k)),
                        ))
                    })
                    .collect();
                unchosen.set(lines);
                request_animation_frame(|| focus_id(SUMMARY_ID));
            }
            Err(MergeError::NotOffered(_)) => {
                // The page offers only what each difference allows.
                error.set(Some(words::DRAFT_UNREADABLE.to_owned()));
            }
            Ok(merged) => {
                busy.set_value(true);
                let taken: Vec<String> = state
                    .drafts
                    .with_untracked(|i| i.shown_names().iter().map(|s| (*s).to_owned()).collect());
                let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
                let name = words::combined_name(&state.shown_name(), &taken);
                let weights = words::weight_lines(&merged.plan, &merged.weights);
                let mut envelope =
                    Envelope::new(merged.plan, Unsaved::new(), browser::now_local(), 1);
                envelope.name = Some(name.clone());
                match state.import(envelope) {
                    Ok(()) => {
                        other.set(None);
                        done.set(Some(Done { name, weights }));
                        request_animation_frame(|| focus_id(DONE_ID));
                    }
                    Err(e) => {
                        error.set(Some(e.message()));
                        request_animation_frame(|| focus_id(SUMMARY_ID));
                    }
                }
                busy.set_value(false);
            }
        }
    };

    let error_summary = move || {
        let file_error = error.get();
        let lines = unchosen.get();
        if file_error.is_none() && lines.is_empty() {
            return None;
        }
        let file_line = file_error.map(|m| {
            view! {
                <li><a href=format!("#{INPUT_ID}") on:click=move |ev| {
                    ev.prevent_default();
                    focus_id(INPUT_ID);
                }>{m}</a></li>
            }
        });
        let choice_lines = lines
            .into_iter()
            .map(|(id, text)| {
                let target = id.clone();
                view! {
                    <li><a href=format!("#{id}") on:click=move |ev| {
                        ev.prevent_default();
                        focus_id(&target);
                    }>{text}</a></li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="error-summary" id=SUMMARY_ID tabindex="-1" role="alert" aria-labelledby="resumen-errores-titulo">
                <h2 class="error-summary__title" id="resumen-errores-titulo">"Hay un problema"</h2>
                <ul class="error-summary__list">{file_line}{choice_lines}</ul>
            </div>
        })
    };

    let drafts_list = move || {
        let open = state.draft.get();
        let entries: Vec<(DraftId, String, String)> = state.drafts.with(|index| {
            index
                .by_recency()
                .into_iter()
                .filter(|d| d.id != open && !d.damaged)
                .map(|d| {
                    (
                        d.id,
                        d.shown_name().to_owned(),
                        d.jurisdiction.clone().unwrap_or_default(),
                    )
                })
                .collect()
        });
        if entries.is_empty() {
            return view! {
                <p class="body">"No tiene otros borradores en este navegador. Elija un archivo."</p>
            }
            .into_any();
        }
        let items = entries
            .into_iter()
            .map(|(id, name, jurisdiction)| {
                let detail = (!jurisdiction.is_empty()).then(|| format!(" ({jurisdiction})"));
                view! {
                    <li class="merge-drafts__item">
                        <span class="merge-drafts__name">{name.clone()}{detail}</span>
                        <button class="button button--secondary button--small" type="button" on:click=move |_| choose_draft(id)>
                            "Combinar con este"<span class="visually-hidden">{format!(": {name}")}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="merge-drafts">{items}</ul> }.into_any()
    };

    let done_panel = move || {
        let d = done.get()?;
        let weights = (!d.weights.is_empty()).then(|| {
            let items = d
                .weights
                .iter()
                .map(|(id, text)| {
                    view! {
                        <li><a class="link" href=paths::commitment_part(*id, "acciones")>{text.clone()}</a></li>
                    }
                })
                .collect_view();
            view! {
                <div class="warning-text">
                    <strong>"Revise las ponderaciones de estos compromisos:"</strong>
                </div>
                <ul class="list list--bullet">{items}</ul>
            }
        });
        Some(view! {
            <div class="panel panel--result" id=DONE_ID tabindex="-1" role="status">
                <h2 class="heading-m">"Borrador combinado"</h2>
                <p class="body">{words::created(&d.name)}</p>
                {weights}
                <ul class="list">
                    <li><a class="link" href=paths::COMMITMENTS>"Ver los compromisos del borrador combinado"</a></li>
                    <li><a class="link" href=paths::TASKS>"Ir a la lista de tareas"</a></li>
                    <li><a class="link" href=paths::DRAFTS>"Ir a «Mis borradores»"</a></li>
                </ul>
            </div>
        })
    };

    let chosen_panel = move || {
        let o = other.get()?;
        let list = diffs.get().unwrap_or_default();
        let mine_name = state.shown_name();
        if list.is_empty() {
            return Some(
                view! {
                    <div class="panel" id=CHOSEN_ID tabindex="-1">
                        <h2 class="heading-m">{format!("«{}» y su borrador", o.name)}</h2>
                        <p class="body">{words::NOTHING_TO_MERGE}</p>
                    </div>
                }
                .into_any(),
            );
        }
        let today = browser::now_local().date();
        let mine_plan = state.plan.get_untracked();
        let mine_rows = summary(&mine_plan, today);
        let theirs_rows = summary(&o.plan, today);
        let counts_view = move || {
            let c = diffs.with(|d| counts(d.as_deref().unwrap_or_default(), &choices.get()));
            words::counts_lines(&c)
                .into_iter()
                .map(|(k, v)| {
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{k}</dt>
                            <dd class="summary-list__value">{v}</dd>
                        </div>
                    }
                })
                .collect_view()
        };

        // Grouped by step (h3) and, inside commitments, by commitment (h4).
        let mut blocks = Vec::new();
        let mut last_step = None;
        let mut last_commitment = None;
        for (i, d) in list.iter().enumerate() {
            let step = d.theirs.step();
            if last_step != Some(step) {
                last_step = Some(step);
                last_commitment = None;
                blocks
                    .push(view! { <h3 class="heading-s merge-step">{step.name()}</h3> }.into_any());
            }
            let commitment = match d.theirs {
                ItemKey::Commitment(c) | ItemKey::KeyAction(c, _) => Some(c),
                _ => None,
            };
            if let Some(c) = commitment.filter(|_| commitment != last_commitment) {
                last_commitment = commitment;
                let title = words::item_title(&o.plan, ItemKey::Commitment(c));
                blocks.push(view! { <h4 class="merge-commitment">{title}</h4> }.into_any());
            }
            blocks.push(difference_view(
                i,
                d.clone(),
                &o.plan,
                &mine_plan,
                &mine_rows,
                &theirs_rows,
                choices,
            ));
        }
        Some(
            view! {
                <div class="merge" id=CHOSEN_ID tabindex="-1">
                    <h2 class="heading-m">{format!("Lo que tiene «{}» distinto del suyo", o.name)}</h2>
                    <p class="body">
                        {format!("Su borrador abierto es «{mine_name}». Elija qué hacer con cada dato. Los que solo tiene el otro borrador se agregan si no elige otra cosa; en los que cambiaron, elija usted.")}
                    </p>
                    <dl class="summary-list">{counts_view}</dl>
                    {blocks}
                    <div class="warning-text">
                        <strong>"Se creará un borrador nuevo en «Mis borradores». Su borrador abierto y el otro no cambian."</strong>
                    </div>
                    <div class="button-group">
                        <button class="button" type="button" on:click=create>"Crear el borrador combinado"</button>
                        <a class="link" href=paths::TASKS>"Cancelar y volver a mi borrador"</a>
                    </div>
                </div>
            }
            .into_any(),
        )
    };

    view! {
        <BackLink href=paths::TASKS text="Regresar a la lista de tareas" />
        <div class="grid-two-thirds">
            {error_summary}
            <PageHeading text="Combinar con otro borrador" has_errors=Signal::derive(move || error.get().is_some() || !unchosen.get().is_empty()) />
            <p class="body">
                "Traiga a su borrador abierto lo que tiene otro borrador, por ejemplo los compromisos que una dependencia escribió en su copia. Verá cada dato que cambió o que solo tiene el otro, y elegirá qué conservar. El resultado será un borrador nuevo: los dos que combine no cambian."
            </p>
            {done_panel}
            <h2 class="heading-m">"Elija el otro borrador"</h2>
            <h3 class="heading-s">"De «Mis borradores»"</h3>
            {drafts_list}
            <h3 class="heading-s">"De un archivo"</h3>
            <FileField id=INPUT_ID label="Archivo del borrador (.json o .pdf)" accept=".json,.pdf,application/json,application/pdf" error=error on_change=on_change />
        </div>
        {chosen_panel}
    }
}

/// One difference: its title, both sides (a conflict's differing rows side by
/// side; an addition's rows), and its choices.
fn difference_view(
    i: usize,
    d: Difference,
    theirs: &Plan,
    mine: &Plan,
    mine_rows: &[Section],
    theirs_rows: &[Section],
    choices: RwSignal<Choices>,
) -> AnyView {
    let title = words::item_title(theirs, d.theirs);
    let legend_id = format!("diferencia-{i}");
    let comparison = match (d.kind, d.mine) {
        (Kind::Conflict, Some(mine_key)) => {
            let (changed, same) = side_by_side(
                rows(mine_rows, mine_key, false),
                rows(theirs_rows, d.theirs, false),
            );
            let mine_title = words::item_title(mine, mine_key);
            // Numbered: two key actions of different commitments may share a name.
            let caption = if mine_title == title {
                format!("Diferencia {}: {title}, el mío y el suyo", i + 1)
            } else {
                format!(
                    "Diferencia {}: {mine_title} (el mío) y {title} (el suyo)",
                    i + 1
                )
            };
            let note = match (changed.is_empty(), same) {
                (true, _) => Some("La diferencia está en datos que esta página no muestra (identificadores o vínculos).".to_owned()),
                (false, 0) => None,
                (false, 1) => Some("Otro dato es igual en los dos.".to_owned()),
                (false, n) => Some(format!("Otros {n} datos son iguales en los dos.")),
            };
            let body = changed
                .into_iter()
                .map(|(label, a, b)| {
                    view! {
                        <tr class="table__row">
                            <th scope="row" class="table__header">{label}</th>
                            <td class="table__cell merge-table__value" data-label="El mío">{shown(a)}</td>
                            <td class="table__cell merge-table__value" data-label="El suyo">{shown(b)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
                    <table class="table merge-table">
                        <caption class="visually-hidden">{caption.clone()}</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="table__header">"Dato"</th>
                                <th scope="col" class="table__header">"El mío"</th>
                                <th scope="col" class="table__header">"El suyo"</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                {note.map(|n| view! { <p class="hint">{n}</p> })}
            }
            .into_any()
        }
        _ => {
            let all = rows(theirs_rows, d.theirs, true);
            let total = all.len();
            let shown_rows = all
                .into_iter()
                .filter(|(_, v)| v.is_some())
                .take(6)
                .map(|(label, value)| {
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{label}</dt>
                            <dd class="summary-list__value">{shown(value)}</dd>
                        </div>
                    }
                })
                .collect_view();
            let more = (total > 6).then(|| {
                view! { <p class="hint">{format!("Y {} datos más.", total - 6)}</p> }
            });
            view! {
                <dl class="summary-list merge-added">{shown_rows}</dl>
                {more}
            }
            .into_any()
        }
    };
    let key = d.theirs;
    let radios = d
        .options()
        .iter()
        .map(|&c| {
            let id = radio_id(i, c);
            let label = words::choice_label(&d, c);
            let hint = (c == Choice::KeepBoth).then(|| {
                view! { <div class="hint radios__hint">{words::BOTH_HINT}</div> }
            });
            let default = d.default_choice();
            let checked = move || choices.with(|map| map.get(&key).copied().or(default)) == Some(c);
            view! {
                <div class="radios__item">
                    <input
                        class="radios__input"
                        type="radio"
                        id=id.clone()
                        name=format!("eleccion-{i}")
                        value=label
                        prop:checked=checked
                        on:change=move |_| {
                            choices.update(|m| {
                                m.insert(key, c);
                            });
                        }
                    />
                    <label class="label radios__label" for=id>{label}</label>
                    {hint}
                </div>
            }
        })
        .collect_view();
    let kind_class = match d.kind {
        Kind::Conflict => "merge-item merge-item--conflict",
        Kind::Addition => "merge-item merge-item--addition",
    };
    view! {
        <div class=kind_class>
            <fieldset class="fieldset">
                <legend class="fieldset__legend merge-item__title" id=legend_id>{title}</legend>
                <p class="hint">{words::kind_text(&d)}</p>
                {comparison}
                <div class="radios merge-item__choices">{radios}</div>
            </fieldset>
        </div>
    }
    .into_any()
}
