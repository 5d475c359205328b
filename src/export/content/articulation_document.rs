//! «Descargar el informe (PDF)» of «Articulación nacional»: the consolidated
//! report of the plans shown, under the filters applied (pure).
//!
//! After its title block (the plans in the list and shown, the filters, the
//! date) it has, in order:
//! 1. "Filtros aplicados": each filter chosen, or that there is none;
//! 2. "Indicador de articulación": the seed commitment's indicator in total
//!    and, per national list, per national commitment (replica, complementa,
//!    local actions, local plans, weighted progress);
//! 3. "Matriz de articulación": per national list, the local plans against
//!    the national commitments that some shown plan replicates or
//!    complements (in tables of at most [`MATRIX_COLUMNS`] of them, so each
//!    fits the page's width);
//! 4. "Por estado": the map of Mexico drawn with its shades and legend (a
//!    [`Block::Shapes`] from the map's outlines, projected here into the
//!    block's box), by local plans and by local commitments, and the table
//!    per state with the same numbers;
//! 5. "Por plan": each local plan shown, its counts and progress;
//! 6. "Avance ponderado": how much of it is reported, and how it is computed;
//! 7. "Cobertura": SDG goals and targets, OGP values, PND axes, policy areas
//!    and gender perspective;
//! 8. "Fuentes": the map's licence.
//!
//! Progress is never shown as 0 % for commitments without a report: they are
//! counted apart ("Sin informe de avance"; see
//! [`crate::domain::articulation::progress`]).

use time::OffsetDateTime;

use super::blocks::{app_meta, columns, format_date_time, table, TOOL_NAME};
use super::document::{Block, Document, Field, LegendEntry, Rgb, Shape, TitleBlock};
use super::progress_document::WEIGHTED_PROGRESS_NOTE;
use super::summary::percent;
use crate::catalog;
use crate::domain::articulation::index::{Coverage, Filters, Index, Level, View};
use crate::domain::articulation::map::{map_view, shade, Measure, STATE_PATHS, VIEW_BOX};
use crate::domain::articulation::progress::{progress_view, Progress, ProgressView, Reports};
use crate::domain::articulation::PlanSet;
use crate::labels::{thousands, Label};
use crate::messages::articulation as words;

/// The report's title, on its first page and in the file's properties.
pub const REPORT_TITLE: &str = "Informe de articulación nacional";

/// The PDF's file name.
pub const FILE_NAME: &str = "informe-articulacion-nacional.pdf";

/// The most national commitments in one matrix table: with the plan's name,
/// each column keeps room for "12 R · 10 C" on a letter page.
pub const MATRIX_COLUMNS: usize = 6;

/// Shown for a progress with no commitments to count.
const NONE: &str = "—";

/// Shown for commitments none of which has a progress report.
pub const NO_REPORT: &str = "Sin informe de avance";

/// The map's shades, as the page's style sheet fills them
/// (`.map__state--n0` … `--n4`).
pub const SHADES: [Rgb; 5] = [
    Rgb::hex(0xF3F2F1),
    Rgb::hex(0xF2D4DC),
    Rgb::hex(0xDD8BA2),
    Rgb::hex(0xB03A5B),
    Rgb::hex(0x611232),
];

/// The line between states (the page's border colour).
const MAP_OUTLINE: Rgb = Rgb::hex(0xB1B4B6);

/// The map's licence, as the page states it.
pub const MAP_SOURCE: &str = "Mapa basado en MapSVG (mapsvg.com/maps/mexico), adaptado por Victor Cazanave (svg-maps), licencia CC BY 4.0; simplificado para esta herramienta. Claves de los estados: INEGI, Marco Geoestadístico.";

/// A level of government in words.
pub fn level_label(level: Level) -> &'static str {
    match level {
        Level::Estado => "Estatal",
        Level::Municipio => "Municipal o de alcaldía",
        Level::Federacion => "Federación (plan nacional)",
    }
}

/// A progress as a table cell: "45.5 %", "45.5 % (3 de 4 con informe)",
/// [`NO_REPORT`], or a dash with no commitments.
pub fn progress_cell(p: Progress) -> String {
    match p.mean() {
        _ if p.commitments == 0 => NONE.to_owned(),
        None => NO_REPORT.to_owned(),
        Some(m) if p.reported == p.commitments => percent(m),
        Some(m) => format!(
            "{} ({} de {} con informe)",
            percent(m),
            thousands(p.reported),
            thousands(p.commitments)
        ),
    }
}

/// How many of the shown local commitments have a progress report, and
/// their mean: "3 de 5 compromisos locales mostrados tienen informe de
/// avance; su avance ponderado promedio es de 63.3 %. Los 2 compromisos sin
/// informe no se cuentan en el promedio."
pub fn progress_summary(t: Progress) -> String {
    let Some(mean) = t.mean() else {
        return match t.commitments {
            0 => "No hay compromisos locales mostrados.".to_owned(),
            1 => format!("El compromiso local mostrado no tiene informe de avance ({NO_REPORT})."),
            n => format!(
                "Ninguno de los {} compromisos locales mostrados tiene informe de avance ({NO_REPORT}).",
                thousands(n)
            ),
        };
    };
    let have = if t.reported == 1 { "tiene" } else { "tienen" };
    let shown = match t.commitments {
        1 => "1 compromiso local mostrado".to_owned(),
        n => format!(
            "{} de {} compromisos locales mostrados",
            thousands(t.reported),
            thousands(n)
        ),
    };
    let rest = match t.unreported() {
        0 => String::new(),
        1 => " El compromiso sin informe no se cuenta en el promedio.".to_owned(),
        n => format!(
            " Los {} compromisos sin informe no se cuentan en el promedio.",
            thousands(n)
        ),
    };
    format!(
        "{shown} {have} informe de avance; su avance ponderado promedio es de {}.{rest}",
        percent(mean)
    )
}

/// The filters chosen, each as a field; empty when none is.
pub fn filter_fields(index: &Index, f: &Filters) -> Vec<Field> {
    let mut out = Vec::new();
    if let Some(code) = &f.state {
        let name = catalog::state(code).map_or(code.as_str(), |s| s.name);
        out.push(Field::new("Estado", name));
    }
    if let Some(level) = f.level {
        out.push(Field::new("Nivel de gobierno", level_label(level)));
    }
    if let Some(n) = f.national {
        let text = match (index.entry(n), index.groups.get(n.group)) {
            (Some(e), Some(g)) if e.title.is_empty() => format!("{} ({})", e.id, g.name),
            (Some(e), Some(g)) => format!("{} · {} ({})", e.id, e.title, g.name),
            _ => "No está en la lista".to_owned(),
        };
        out.push(Field::new("Compromiso nacional", text));
    }
    if let Some(y) = f.year {
        out.push(Field::new("Periodo", format!("Planes vigentes en {y}")));
    }
    if let Some(g) = f.sdg_goal {
        let text = catalog::sdg_goal(g).map_or_else(
            || format!("ODS {g}"),
            |x| format!("ODS {g}. {}", x.short_es),
        );
        out.push(Field::new("Objetivo de Desarrollo Sostenible", text));
    }
    out
}

/// The indicator in one sentence, as the page says it.
fn totals_sentence(view: &View) -> String {
    let t = view.totals;
    let local = match t.local_plans {
        1 => "1 plan local".to_owned(),
        n => format!("{} planes locales", thousands(n)),
    };
    let federal = match view.federal_plans {
        0 => String::new(),
        1 => " Además, 1 plan nacional de la federación.".to_owned(),
        n => format!(
            " Además, {} planes nacionales de la federación.",
            thousands(n)
        ),
    };
    format!(
        "{} acciones locales replican o complementan compromisos del Plan de Acción Nacional: {} replican y {} complementan. Vienen de {local}, con {} compromisos en total.{federal}",
        thousands(t.counts.actions()),
        thousands(t.counts.replica),
        thousands(t.counts.complementa),
        thousands(t.commitments),
    )
}

/// "2 R · 1 C"; "0" when none.
fn matrix_cell(replica: usize, complementa: usize) -> String {
    match (replica, complementa) {
        (0, 0) => "0".to_owned(),
        (r, 0) => format!("{r} R"),
        (0, c) => format!("{c} C"),
        (r, c) => format!("{r} R · {c} C"),
    }
}

/// The names of a plan's states, or "Nacional" / "Sin estado".
fn states_text(index: &Index, row: usize) -> String {
    let p = &index.plans[row];
    let names: Vec<&str> = p
        .states
        .iter()
        .filter_map(|s| catalog::state(s))
        .map(|s| s.name)
        .collect();
    if !names.is_empty() {
        names.join(", ")
    } else if p.federal {
        "Nacional".to_owned()
    } else {
        "Sin estado".to_owned()
    }
}

/// An SVG path of the map's outlines (`M`/`m`, `L`/`l`, `H`/`h`, `V`/`v`,
/// `Z`/`z`) as rings of absolute points; numbers as SVG writes them ("-2.3-.1",
/// ".9 .3"). Anything else ends the path.
pub fn path_rings(d: &str) -> Vec<Vec<[f32; 2]>> {
    let bytes = d.as_bytes();
    let mut i = 0;
    // The next number, skipping separators; `None` at a command or the end.
    let number = |i: &mut usize| -> Option<f32> {
        while *i < bytes.len() && (bytes[*i] == b' ' || bytes[*i] == b',') {
            *i += 1;
        }
        let start = *i;
        if *i < bytes.len() && (bytes[*i] == b'-' || bytes[*i] == b'+') {
            *i += 1;
        }
        let mut dot = false;
        while *i < bytes.len() {
            match bytes[*i] {
                b'0'..=b'9' => *i += 1,
                b'.' if !dot => {
                    dot = true;
                    *i += 1;
                }
                _ => break,
            }
        }
        d.get(start..*i)?.parse().ok().or_else(|| {
            *i = start;
            None
        })
    };
    let mut rings: Vec<Vec<[f32; 2]>> = Vec::new();
    let mut ring: Vec<[f32; 2]> = Vec::new();
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let mut start = (0.0f32, 0.0f32);
    let mut command = b' ';
    loop {
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b',') {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i].is_ascii_alphabetic() {
            command = bytes[i];
            i += 1;
            if matches!(command, b'Z' | b'z') {
                if ring.len() >= 3 {
                    rings.push(std::mem::take(&mut ring));
                }
                ring.clear();
                (x, y) = start;
                continue;
            }
        }
        let relative = command.is_ascii_lowercase();
        let (dx, dy) = if relative { (x, y) } else { (0.0, 0.0) };
        match command.to_ascii_uppercase() {
            b'M' | b'L' => {
                let (Some(a), Some(b)) = (number(&mut i), number(&mut i)) else {
                    break;
                };
                (x, y) = (dx + a, dy + b);
                if command.eq_ignore_ascii_case(&b'M') {
                    if ring.len() >= 3 {
                        rings.push(std::mem::take(&mut ring));
                    }
                    ring.clear();
                    start = (x, y);
                    // Pairs after a move are lines (SVG's implicit command).
                    command = if relative { b'l' } else { b'L' };
                }
            }
            b'H' => {
                let Some(a) = number(&mut i) else { break };
                x = dx + a;
            }
            b'V' => {
                let Some(b) = number(&mut i) else { break };
                y = dy + b;
            }
            _ => break,
        }
        ring.push([x, y]);
    }
    if ring.len() >= 3 {
        rings.push(ring);
    }
    rings
}

/// The map of Mexico as a [`Block::Shapes`]: each state's outline projected
/// into a box of the map's own proportions (its `viewBox`), filled with its
/// shade for `measure` (local plans or local commitments) of `view`, and the
/// legend of the shades.
pub fn map_block(view: &View, measure: Measure) -> Block {
    let mut vb = VIEW_BOX
        .split_whitespace()
        .filter_map(|n| n.parse::<f32>().ok());
    let (x0, y0, w, h) = (
        vb.next().unwrap_or(0.0),
        vb.next().unwrap_or(0.0),
        vb.next().unwrap_or(1.0),
        vb.next().unwrap_or(1.0),
    );
    // Tenths of the box's units: as precise as the outlines, and short in
    // the document sent to the PDF worker.
    let tenth = |v: f32| (v * 10.0).round() / 10.0;
    let map = map_view(&view.states, measure);
    let shapes = map
        .states
        .iter()
        .filter(|s| STATE_PATHS.iter().any(|(c, _)| *c == s.code))
        .map(|s| Shape {
            label: words::map_state_label(s.name, s.plans, s.commitments),
            rings: path_rings(s.path)
                .into_iter()
                .map(|r| {
                    r.into_iter()
                        .map(|[x, y]| [tenth(x - x0), tenth(y - y0)])
                        .collect()
                })
                .collect(),
            fill: SHADES[s.shade.min(SHADES.len() - 1)],
        })
        .collect();
    let legend = map
        .bins
        .iter()
        .enumerate()
        .map(|(class, b)| LegendEntry {
            label: words::bin_label(*b),
            fill: SHADES[shade(map.bins.len(), class).min(SHADES.len() - 1)],
        })
        .collect();
    Block::Shapes {
        caption: match measure {
            Measure::Plans => "Mapa de México: planes locales por estado",
            Measure::Commitments => "Mapa de México: compromisos locales por estado",
        }
        .to_owned(),
        width: w,
        height: h,
        shapes,
        outline: Some(MAP_OUTLINE),
        legend_title: format!("{}:", words::measure_label(measure)),
        legend,
    }
}

/// The consolidated report of what `view` shows: `index` built from `set`,
/// `view` = `index.view(filters)`.
pub fn articulation_document(
    set: &PlanSet,
    index: &Index,
    view: &View,
    filters: &Filters,
    generated_at: OffsetDateTime,
) -> Document {
    let reports = Reports::read(set);
    let progress = progress_view(index, &reports, view, filters);
    let coverage = index.coverage(set, view, filters);
    let filters_given = filter_fields(index, filters);

    let mut blocks = vec![Block::Paragraph(
        "Este informe reúne los planes locales de gobierno abierto de la lista de «Articulación nacional»: qué compromisos del Plan de Acción Nacional replican o complementan, dónde y con qué avance. Cuenta solo lo que muestran los filtros aplicados.".to_owned(),
    )];

    blocks.push(heading(1, "Filtros aplicados"));
    if filters_given.is_empty() {
        blocks.push(Block::Paragraph(
            "Ninguno: el informe muestra todos los planes de la lista.".to_owned(),
        ));
    } else {
        blocks.push(Block::Fields(filters_given.clone()));
    }

    indicator_blocks(&mut blocks, index, view, &progress);
    matrix_blocks(&mut blocks, index, view);
    state_blocks(&mut blocks, view, &progress);
    plan_blocks(&mut blocks, index, view, &progress);
    progress_blocks(&mut blocks, &progress);
    coverage_blocks(&mut blocks, &coverage);

    blocks.push(heading(1, "Fuentes"));
    blocks.push(Block::Paragraph(MAP_SOURCE.to_owned()));

    let filters_line = if filters_given.is_empty() {
        "Ninguno".to_owned()
    } else {
        filters_given
            .iter()
            .map(|f| format!("{}: {}", f.label, f.value))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let shown = match (view.totals.local_plans, view.federal_plans) {
        (l, 0) => words::plans(l),
        (l, n) => format!(
            "{} locales y {} de la federación",
            words::plans(l),
            thousands(n)
        ),
    };
    Document {
        meta: app_meta(
            REPORT_TITLE.to_owned(),
            String::new(),
            "Planes locales que replican o complementan compromisos del Plan de Acción Nacional"
                .to_owned(),
            generated_at,
            "Informe",
        ),
        title_block: TitleBlock {
            kicker: TOOL_NAME.to_owned(),
            title: REPORT_TITLE.to_owned(),
            lines: vec![
                Field::new("Planes en la lista", words::plans(set.len())),
                Field::new("Planes mostrados", shown),
                Field::new("Filtros aplicados", filters_line),
                Field::new("Fecha de generación", format_date_time(generated_at)),
            ],
            status: "Informe".to_owned(),
        },
        blocks,
    }
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// 2. The indicator in total and per national commitment.
fn indicator_blocks(blocks: &mut Vec<Block>, index: &Index, view: &View, progress: &ProgressView) {
    blocks.push(heading(1, "Indicador de articulación"));
    blocks.push(Block::Paragraph(
        "El indicador del compromiso de articulación del 4º Plan de Acción Nacional es el número de acciones de gobierno abierto en lo local que replican o complementan compromisos del plan nacional. Cada acción es un compromiso de un plan local cuya alineación dice que replica o complementa un compromiso nacional. Los planes alineados a listas nacionales distintas se cuentan por separado.".to_owned(),
    ));
    blocks.push(Block::Note(totals_sentence(view)));
    if view.groups.is_empty() {
        blocks.push(Block::Paragraph(
            "Ningún plan local mostrado tiene compromisos.".to_owned(),
        ));
    }
    for (g, gp) in view.groups.iter().zip(&progress.groups) {
        let group = &index.groups[g.group];
        blocks.push(heading(2, group.name.clone()));
        let mut rows: Vec<Vec<String>> = g
            .entries
            .iter()
            .zip(&gp.entries)
            .map(|(t, p)| {
                let e = &group.entries[t.entry];
                let title = if e.title.is_empty() {
                    "(no está en la lista del plan)"
                } else {
                    e.title.as_str()
                };
                vec![
                    format!("{} · {title}", e.id),
                    thousands(t.counts.replica),
                    thousands(t.counts.complementa),
                    thousands(t.counts.actions()),
                    thousands(t.plans),
                    progress_cell(*p),
                ]
            })
            .collect();
        let linked = gp.entries.iter().fold(Progress::default(), |mut a, p| {
            a.commitments += p.commitments;
            a.reported += p.reported;
            a.sum += p.sum;
            a
        });
        rows.push(vec![
            "Total".to_owned(),
            thousands(g.counts.replica),
            thousands(g.counts.complementa),
            thousands(g.counts.actions()),
            thousands(g.plans.len()),
            progress_cell(linked),
        ]);
        blocks.push(table(
            format!("Acciones locales por compromiso nacional: {}", group.name),
            columns([
                "Compromiso nacional",
                "Replican",
                "Complementan",
                "Acciones locales",
                "Planes locales",
                "Avance ponderado",
            ]),
            rows,
        ));
    }
}

/// 3. The matrix per national list, in tables that fit the page.
fn matrix_blocks(blocks: &mut Vec<Block>, index: &Index, view: &View) {
    blocks.push(heading(1, "Matriz de articulación"));
    blocks.push(Block::Paragraph(
        "Compromisos de cada plan local que replican (R) o complementan (C) cada compromiso nacional. Solo tienen columna los compromisos nacionales con alguna acción local; cuando son muchos, la matriz sigue en varios cuadros.".to_owned(),
    ));
    for g in &view.groups {
        let group = &index.groups[g.group];
        blocks.push(heading(2, group.name.clone()));
        let shown: Vec<usize> = (0..g.entries.len())
            .filter(|&k| g.entries[k].counts.actions() > 0)
            .collect();
        if shown.is_empty() {
            blocks.push(Block::Paragraph(
                "Ningún compromiso local mostrado replica o complementa un compromiso de esta lista."
                    .to_owned(),
            ));
            continue;
        }
        let parts = shown.len().div_ceil(MATRIX_COLUMNS);
        for (n, chunk) in shown.chunks(MATRIX_COLUMNS).enumerate() {
            let ids: Vec<&str> = chunk
                .iter()
                .map(|&k| group.entries[g.entries[k].entry].id.as_str())
                .collect();
            let mut cols = vec!["Plan local".to_owned()];
            cols.extend(ids.iter().map(|s| (*s).to_owned()));
            let mut rows: Vec<Vec<String>> = g
                .plans
                .iter()
                .map(|c| {
                    let mut row = vec![format!(
                        "{} ({})",
                        index.plans[c.row].name,
                        states_text(index, c.row)
                    )];
                    row.extend(
                        chunk
                            .iter()
                            .map(|&k| matrix_cell(c.cells[k].replica, c.cells[k].complementa)),
                    );
                    row
                })
                .collect();
            let mut total = vec!["Total".to_owned()];
            total.extend(chunk.iter().map(|&k| {
                let t = g.entries[k].counts;
                matrix_cell(t.replica, t.complementa)
            }));
            rows.push(total);
            let caption = if parts == 1 {
                format!("Matriz de articulación: {}", group.name)
            } else {
                format!(
                    "Matriz de articulación: {} (cuadro {} de {parts}: {} a {})",
                    group.name,
                    n + 1,
                    ids.first().copied().unwrap_or_default(),
                    ids.last().copied().unwrap_or_default()
                )
            };
            blocks.push(table(caption, cols, rows));
        }
    }
}

/// 4. The map and the table per state.
fn state_blocks(blocks: &mut Vec<Block>, view: &View, progress: &ProgressView) {
    blocks.push(heading(1, "Por estado"));
    // The map right under its heading: a paragraph between them could be
    // left alone at the bottom of a page when the map goes to the next.
    blocks.push(map_block(view, Measure::Plans));
    blocks.push(map_block(view, Measure::Commitments));
    blocks.push(Block::Paragraph(
        "En el primer mapa, cada estado tiene el tono de su número de planes locales; en el segundo, el de sus compromisos locales. Un plan de una coalición cuenta en el estado de cada integrante, así que la suma de los estados puede ser mayor que el total de planes. El cuadro tiene los mismos números que los mapas.".to_owned(),
    ));
    let mut rows: Vec<Vec<String>> = view
        .states
        .iter()
        .zip(&progress.states)
        .map(|(s, p)| {
            vec![
                s.code.to_owned(),
                s.name.to_owned(),
                thousands(s.plans),
                thousands(s.commitments),
                thousands(s.actions),
                progress_cell(*p),
            ]
        })
        .collect();
    if view.federal_plans > 0 {
        rows.push(vec![
            NONE.to_owned(),
            level_label(Level::Federacion).to_owned(),
            thousands(view.federal_plans),
            thousands(view.federal_commitments),
            NONE.to_owned(),
            NONE.to_owned(),
        ]);
    }
    if view.without_state > 0 {
        rows.push(vec![
            NONE.to_owned(),
            "Sin estado".to_owned(),
            thousands(view.without_state),
            NONE.to_owned(),
            NONE.to_owned(),
            NONE.to_owned(),
        ]);
    }
    rows.push(vec![
        String::new(),
        "Total".to_owned(),
        thousands(view.totals.local_plans),
        thousands(view.totals.commitments),
        thousands(view.totals.counts.actions()),
        progress_cell(progress.total),
    ]);
    blocks.push(table(
        "Planes y compromisos locales por estado",
        columns([
            "Clave INEGI",
            "Estado",
            "Planes locales",
            "Compromisos locales",
            "Acciones que replican o complementan",
            "Avance ponderado",
        ]),
        rows,
    ));
}

/// 5. Each local plan shown.
fn plan_blocks(blocks: &mut Vec<Block>, index: &Index, view: &View, progress: &ProgressView) {
    blocks.push(heading(1, "Por plan"));
    let columns_of = |row: usize| {
        view.groups
            .iter()
            .flat_map(|g| &g.plans)
            .find(|c| c.row == row)
    };
    let rows: Vec<Vec<String>> = progress
        .plans
        .iter()
        .map(|(row, p)| {
            let column = columns_of(*row);
            vec![
                index.plans[*row].name.clone(),
                states_text(index, *row),
                index.plans[*row]
                    .years
                    .map_or_else(|| NONE.to_owned(), |(a, b)| format!("{a} a {b}")),
                thousands(p.commitments),
                column.map_or_else(|| "0".to_owned(), |c| thousands(c.counts.actions())),
                column.map_or_else(|| "0".to_owned(), |c| thousands(c.unlinked)),
                progress_cell(*p),
            ]
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Paragraph(
            "Los filtros no dejan ningún plan local.".to_owned(),
        ));
        return;
    }
    blocks.push(table(
        "Planes locales mostrados",
        columns([
            "Plan local",
            "Estado",
            "Periodo",
            "Compromisos",
            "Acciones locales",
            "Sin vínculo",
            "Avance ponderado",
        ]),
        rows,
    ));
    blocks.push(Block::Paragraph(
        "«Sin vínculo»: compromisos nuevos, sin compromiso nacional, o que todavía no tienen alineación.".to_owned(),
    ));
}

/// 6. How much of the progress is reported, and how it is computed.
fn progress_blocks(blocks: &mut Vec<Block>, progress: &ProgressView) {
    blocks.push(heading(1, "Avance ponderado"));
    let sentence = progress_summary(progress.total);
    blocks.push(Block::Note(sentence));
    blocks.push(Block::Paragraph(format!(
        "{WEIGHTED_PROGRESS_NOTE} Aquí, el avance de un compromiso nacional, de un estado o de un plan es el promedio del avance de sus compromisos locales que tienen informe de avance: el del último informe del plan o, si el plan todavía no tiene informes, el que se escribió en cada acción clave. Un compromiso sin informe no cuenta como 0 %: se dice «{NO_REPORT}» y cuántos compromisos tienen informe."
    )));
}

/// The coverage rows that count catalogue entries, each with its name as
/// the page and the report show it.
pub struct NamedCoverage {
    pub goals: Vec<(String, usize)>,
    pub targets: Vec<(String, usize)>,
    pub values: Vec<(String, usize)>,
}

/// Names the SDG goals, SDG targets and OGP values of `c`.
pub fn named_coverage(c: &Coverage) -> NamedCoverage {
    let goals = c
        .sdg_goals
        .iter()
        .map(|(g, n)| {
            let name = catalog::sdg_goal(*g).map_or_else(
                || format!("ODS {g}"),
                |x| format!("ODS {g}. {}", x.short_es),
            );
            (name, *n)
        })
        .collect();
    let targets = c
        .sdg_targets
        .iter()
        .map(|(code, n)| {
            let name = catalog::sdg_target(code)
                .map_or_else(|| (*code).to_owned(), |t| format!("{code} {}", t.title_es));
            (name, *n)
        })
        .collect();
    let values = c
        .values
        .iter()
        .map(|(v, n)| (v.label().to_owned(), *n))
        .collect();
    NamedCoverage {
        goals,
        targets,
        values,
    }
}

/// 7. What the shown local commitments cover.
fn coverage_blocks(blocks: &mut Vec<Block>, c: &Coverage) {
    blocks.push(heading(1, "Cobertura"));
    blocks.push(Block::Paragraph(format!(
        "De {} compromisos locales mostrados, {} tienen perspectiva de igualdad de género. Un compromiso puede contar en varias filas de un cuadro: por ejemplo, si se alinea a metas de dos ODS.",
        thousands(c.commitments),
        thousands(c.gender)
    )));
    let count_table =
        |caption: &str, label: &str, rows: Vec<(String, usize)>, without: Option<(&str, usize)>| {
            let mut body: Vec<Vec<String>> = rows
                .into_iter()
                .map(|(name, n)| vec![name, thousands(n)])
                .collect();
            if body.is_empty() {
                body.push(vec![
                    "Ninguno de los compromisos mostrados.".to_owned(),
                    String::new(),
                ]);
            }
            if let Some((text, n)) = without.filter(|(_, n)| *n > 0) {
                body.push(vec![text.to_owned(), thousands(n)]);
            }
            table(caption, columns([label, "Compromisos locales"]), body)
        };
    let NamedCoverage {
        goals,
        targets,
        values,
    } = named_coverage(c);
    blocks.push(count_table(
        "Objetivos de Desarrollo Sostenible (ODS)",
        "Objetivo",
        goals,
        Some(("Sin metas de ODS", c.without_sdg)),
    ));
    blocks.push(count_table("Metas de los ODS", "Meta", targets, None));
    blocks.push(count_table(
        "Valores de la Alianza para el Gobierno Abierto",
        "Valor",
        values,
        None,
    ));
    blocks.push(count_table(
        "Ejes del Plan Nacional de Desarrollo",
        "Eje",
        c.pnd_axes.clone(),
        Some(("Sin eje", c.without_pnd_axis)),
    ));
    blocks.push(count_table(
        "Áreas de política pública",
        "Área",
        c.policy_areas.clone(),
        Some(("Sin área", c.without_policy_area)),
    ));
}
