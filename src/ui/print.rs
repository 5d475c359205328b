//! The plan's print view (`/plan/imprimir`): the same export [`Document`] the
//! PDF is drawn from ([`plan_document`]), rendered as semantic HTML (headings,
//! description lists, tables, the contents as links, the charts and the
//! timeline as SVG) and styled for paper by `style/print.css` (the document's
//! page breaks, table headers repeated, no header or footer; the PDF's own
//! typeface, Plan Local Sans). Texts are shown as the PDF prints them
//! ([`Document::as_printed`]): a character the fonts cannot draw is U+FFFD here too.
//!
//! A round's progress report has its print view too
//! (`/plan/imprimir/avance/{id}`, [`progress_document`]), drawn the same way.
//!
//! Every [`Block`] kind is rendered by an exhaustive `match` (no wildcard), so a
//! new kind in the document model is a compile error here until it is drawn.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::ItemId;
use crate::export::document::{Bar, Block, Document, Field, LegendEntry, Rgb, Shape};
use crate::export::metrics::{text_width_pt, FontFace};
use crate::export::timeline::{RowKind, Timeline, AXIS_HEIGHT, RIGHT_MARGIN};
use crate::export::{plan_document, progress_document};
use crate::persistence::browser;
use crate::state::use_app;
use crate::ui::pages::not_found::NotFound;
use crate::ui::paths;
use crate::ui::shell::{BackLink, PageHeading};

#[component]
pub fn PrintPage() -> impl IntoView {
    let state = use_app();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let document = move || {
        // As printed: what the fonts cannot draw shows as U+FFFD, as in the PDF.
        let doc = state
            .plan
            .with(|p| plan_document(p, browser::now_local()).as_printed());
        view! { <DocumentView doc=doc /> }
    };
    view! {
        <BackLink href=paths::REVIEW text="Regresar a la revisión del plan" />
        <p class="body print-hint">
            "Esta es la versión para imprimir de su plan, con el mismo contenido y los mismos saltos de página que el PDF."
        </p>
        <div class="button-group print-actions">
            <button class="button" type="button" on:click=print>"Imprimir"</button>
        </div>
        {document}
    }
}

/// The print view of a round's progress report; "not found" for a round the
/// plan does not have.
#[component]
pub fn ProgressPrintPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let document = move || {
        let round = params
            .read()
            .get("informe")
            .and_then(|raw| raw.parse::<u32>().ok())
            .map(ItemId);
        let doc = round.and_then(|id| {
            state
                .plan
                .with(|p| progress_document(p, id, browser::now_local()))
        });
        match doc {
            // As printed, like the plan's view.
            Some(doc) => view! {
                <BackLink href=paths::PROGRESS text="Regresar a los informes de avance" />
                <p class="body print-hint">
                    "Esta es la versión para imprimir del informe de avance, con el mismo contenido y los mismos saltos de página que el PDF."
                </p>
                <div class="button-group print-actions">
                    <button class="button" type="button" on:click=print>"Imprimir"</button>
                </div>
                <DocumentView doc=doc.as_printed() />
            }
            .into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    };
    view! { {document} }
}

/// The whole document: title block, then one `<section>` per level-1 heading.
#[component]
fn DocumentView(doc: Document) -> impl IntoView {
    // What a block needs from the whole document: the contents' entries, and
    // each heading's number (its anchor, which the contents link to) and rank.
    let mut heading = 0;
    let mut ranks = HeadingRanks::default();
    let context: Vec<Context> = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| match b {
            Block::Heading { level, .. } => {
                heading += 1;
                Context::Heading(heading - 1, ranks.next(*level))
            }
            Block::Contents { .. } => Context::Contents(
                doc.contents_entries(i)
                    .into_iter()
                    .map(|(level, text, n)| (level, text.to_owned(), n))
                    .collect(),
            ),
            _ => Context::None,
        })
        .collect();
    let Document {
        meta,
        title_block,
        blocks,
    } = doc;
    let lines = title_block.lines;
    let sections = sections(blocks.into_iter().zip(context).enumerate().collect())
        .into_iter()
        .map(|section| {
            let blocks = section
                .into_iter()
                .map(|(i, (block, context))| block_view(block, context, i))
                .collect_view();
            view! { <section class="print-section">{blocks}</section> }
        })
        .collect_view();
    view! {
        <article class="print-doc" lang=meta.language>
            <header class="print-title">
                <PageHeading text=title_block.title caption=title_block.kicker />
                <p class="print-status"><strong class="tag tag--blue">{title_block.status}</strong></p>
                <FieldList fields=lines />
            </header>
            {sections}
            <p class="print-note">{meta.footer_note}</p>
        </article>
    }
}

/// The HTML rank (`h2`…`h6`) of each heading in turn. The document's levels
/// are visual and may skip (a section's level-3 heading right under its
/// level-1 title); the page's outline may not, so a heading is one rank below
/// the nearest heading above it of a lower level (`h1` is the plan's title).
#[derive(Default)]
struct HeadingRanks {
    /// The levels of the open headings, outermost first.
    open: Vec<u8>,
}

impl HeadingRanks {
    fn next(&mut self, level: u8) -> u8 {
        let level = level.max(1);
        while self.open.last().is_some_and(|&l| l >= level) {
            self.open.pop();
        }
        self.open.push(level);
        (self.open.len() as u8 + 1).min(6)
    }
}

/// What a block needs from the rest of the document.
enum Context {
    None,
    /// The heading's number in reading order (from 0), and its HTML rank.
    Heading(usize, u8),
    /// The contents' entries: (level, text, heading number).
    Contents(Vec<(u8, String, usize)>),
}

type Numbered = (usize, (Block, Context));

/// Groups the body into sections, a new one at every level-1 heading.
fn sections(blocks: Vec<Numbered>) -> Vec<Vec<Numbered>> {
    let mut out: Vec<Vec<Numbered>> = Vec::new();
    for item in blocks {
        let starts = matches!(item.1 .0, Block::Heading { level: 1, .. });
        match out.last_mut() {
            Some(current) if !starts => current.push(item),
            _ => out.push(vec![item]),
        }
    }
    out
}

/// The anchor of heading number `n`.
fn heading_id(n: usize) -> String {
    format!("titulo-{n}")
}

/// One block as HTML; `index` (its place in the body) makes element ids unique.
fn block_view(block: Block, context: Context, index: usize) -> AnyView {
    let (id, rank) = match context {
        Context::Heading(n, rank) => (Some(heading_id(n)), rank),
        _ => (None, 2),
    };
    match block {
        Block::Heading { level, text } => {
            // The look follows the document's level; the tag, the outline.
            let class = match level {
                0 | 1 => "heading-l print-h",
                2 => "heading-m print-h print-h--ficha",
                _ => "heading-s print-h",
            };
            match rank {
                2 => view! { <h2 class=class id=id>{text}</h2> }.into_any(),
                3 => view! { <h3 class=class id=id>{text}</h3> }.into_any(),
                4 => view! { <h4 class=class id=id>{text}</h4> }.into_any(),
                5 => view! { <h5 class=class id=id>{text}</h5> }.into_any(),
                _ => view! { <h6 class=class id=id>{text}</h6> }.into_any(),
            }
        }
        Block::Paragraph(text) => view! { <p class="body print-text">{text}</p> }.into_any(),
        Block::Fields(fields) => view! { <FieldList fields=fields /> }.into_any(),
        Block::Table {
            caption,
            columns,
            rows,
        } => {
            let width = columns.len();
            let head = columns
                .into_iter()
                .map(|c| view! { <th scope="col" class="table__header">{c}</th> })
                .collect_view();
            let body = rows
                .into_iter()
                .map(|mut row| {
                    row.resize(width.max(row.len()), String::new());
                    let cells = row
                        .into_iter()
                        .map(|c| view! { <td class="table__cell print-text">{c}</td> })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                <table class="table print-table">
                    <caption class="table__caption">{caption}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            }
            .into_any()
        }
        Block::Note(text) => view! {
            <div class="inset print-note-block"><p class="body print-text">{text}</p></div>
        }
        .into_any(),
        Block::BarChart { caption, max, bars } => view! {
            <BarChartView caption=caption max=max bars=bars id=format!("grafica-{index}") />
        }
        .into_any(),
        Block::Contents { title, .. } => {
            let entries = match context {
                Context::Contents(entries) => entries,
                _ => Vec::new(),
            };
            let title_id = format!("contenido-{index}");
            let labelled_by = title_id.clone();
            let items = entries
                .into_iter()
                .map(|(level, text, n)| {
                    let class = format!("print-contents__item print-contents__item--{}", level.min(3));
                    view! {
                        <li class=class><a class="link" href=format!("#{}", heading_id(n))>{text}</a></li>
                    }
                })
                .collect_view();
            view! {
                <nav class="print-contents" aria-labelledby=labelled_by>
                    <h2 class="heading-l print-h" id=title_id>{title}</h2>
                    <ol class="print-contents__list">{items}</ol>
                </nav>
            }
            .into_any()
        }
        Block::PageBreak => view! { <div class="print-page-break"></div> }.into_any(),
        Block::Timeline { caption, timeline } => {
            view! { <TimelineView caption=caption timeline=timeline /> }.into_any()
        }
        Block::Shapes {
            caption,
            width,
            height,
            shapes,
            outline,
            legend_title,
            legend,
        } => shapes_view(
            caption,
            (width, height),
            shapes,
            outline,
            legend_title,
            legend,
        ),
    }
}

/// `#rrggbb`.
fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

/// A [`Block::Shapes`] as SVG: each shape a path filled with its colour and
/// named by its label, then the legend as a list (each swatch a small SVG:
/// no inline style under the CSP).
fn shapes_view(
    caption: String,
    (width, height): (f32, f32),
    shapes: Vec<Shape>,
    outline: Option<Rgb>,
    legend_title: String,
    legend: Vec<LegendEntry>,
) -> AnyView {
    let stroke = outline.map_or_else(|| "none".to_owned(), hex);
    let paths = shapes
        .into_iter()
        .map(|shape| {
            let mut d = String::new();
            for ring in &shape.rings {
                for (i, [x, y]) in ring.iter().enumerate() {
                    d.push_str(&format!("{}{x} {y} ", if i == 0 { 'M' } else { 'L' }));
                }
                d.push_str("Z ");
            }
            view! {
                <path d=d fill=hex(shape.fill) stroke=stroke.clone() stroke-width="0.8" stroke-linejoin="round">
                    <title>{shape.label}</title>
                </path>
            }
        })
        .collect_view();
    let entries = legend
        .into_iter()
        .map(|e| {
            view! {
                <li class="map-legend__item">
                    <svg class="print-swatch" viewBox="0 0 16 12" width="24" height="16" aria-hidden="true">
                        <rect x="0.5" y="0.5" width="15" height="11" fill=hex(e.fill) stroke="#545454"></rect>
                    </svg>
                    {e.label}
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="chart print-chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=caption.clone() class="chart__svg">
                {paths}
            </svg>
            <figcaption class="hint">{caption}</figcaption>
            <div class="map-legend">
                <p class="map-legend__title">{legend_title}</p>
                <ul class="map-legend__list">{entries}</ul>
            </div>
        </figure>
    }
    .into_any()
}

/// Label/value rows as a description list.
#[component]
fn FieldList(fields: Vec<Field>) -> impl IntoView {
    let rows = fields
        .into_iter()
        .map(|f| {
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{f.label}</dt>
                    <dd class="summary-list__value summary-list__value--text" lang=f.lang>{f.value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list print-fields">{rows}</dl> }
}

// Chart geometry, in SVG user units (about CSS pixels at full width).
const LABEL_W: f32 = 230.0;
const TRACK_W: f32 = 300.0;
const VALUE_W: f32 = 170.0;
const LABEL_SIZE: f32 = 13.0;
const LINE_H: f32 = 16.0;
const BAR_H: f32 = 22.0;
const ROW_GAP: f32 = 12.0;
const AXIS_H: f32 = 22.0;

/// Room for a font wider than the export's metrics: the print view uses the
/// PDF's own Plan Local Sans (same metrics), but a reader that blocks web fonts
/// falls back to the page's sans-serif (DejaVu Sans runs about 15 % wider).
const FONT_SLACK: f32 = 1.2;

/// Greedy word wrap with the export's font metrics, with room for a wider font.
fn wrap(text: &str, width: f32, size: f32) -> Vec<String> {
    let width = width / FONT_SLACK;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width_pt(&candidate, FontFace::Regular, size) > width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A [`Block::BarChart`] as SVG: wrapped labels on the left, the bar on its
/// track, the value text on the right, and a light scale at 0-100 % of `max`.
#[component]
fn BarChartView(caption: String, max: f32, bars: Vec<Bar>, id: String) -> impl IntoView {
    let fraction = move |v: f32| {
        if max > 0.0 && v > 0.0 {
            (v / max).min(1.0)
        } else {
            0.0
        }
    };
    let mut y = 4.0;
    let mut rows = Vec::new();
    for bar in &bars {
        let lines = wrap(&bar.label, LABEL_W - 12.0, LABEL_SIZE);
        let h = (lines.len() as f32 * LINE_H).max(BAR_H);
        rows.push((y, h, lines, bar));
        y += h + ROW_GAP;
    }
    let plot_h = y;
    let height = plot_h + AXIS_H;
    let desc = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.value_text))
        .collect::<Vec<_>>()
        .join("; ");
    let ticks = [0.0f32, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|t| {
            let x = LABEL_W + TRACK_W * t;
            let label = format!("{}", (max * t).round());
            view! {
                <line x1=x x2=x y1="0" y2=plot_h class="chart__grid"></line>
                <text x=x y=height - 6.0 class="chart__tick" text-anchor="middle">{label}</text>
            }
        })
        .collect_view();
    let bar_views = rows
        .into_iter()
        .map(|(top, h, lines, bar)| {
            let bar_y = top + (h - BAR_H) / 2.0;
            let first = top + (h - lines.len() as f32 * LINE_H) / 2.0 + LINE_H - 4.0;
            let spans = lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| view! { <tspan x="0" y=first + i as f32 * LINE_H>{l}</tspan> })
                .collect_view();
            let color = format!("#{:02x}{:02x}{:02x}", bar.color.r, bar.color.g, bar.color.b);
            view! {
                <g>
                    <text class="chart__label print-chart__label">{spans}</text>
                    <rect x=LABEL_W y=bar_y width=TRACK_W height=BAR_H class="chart__track"></rect>
                    <rect x=LABEL_W y=bar_y width=TRACK_W * fraction(bar.value) height=BAR_H fill=color></rect>
                    <text x=LABEL_W + TRACK_W + 8.0 y=bar_y + BAR_H - 6.0 class="chart__value print-chart__value">
                        {bar.value_text.clone()}
                    </text>
                </g>
            }
        })
        .collect_view();
    let title_id = format!("{id}-titulo");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart print-chart">
            <svg
                viewBox=format!("0 0 {} {}", LABEL_W + TRACK_W + VALUE_W, height)
                role="img"
                aria-labelledby=labelled_by
                class="chart__svg"
            >
                <title id=title_id>{caption.clone()}</title>
                <desc id=desc_id>{desc}</desc>
                {ticks}
                {bar_views}
            </svg>
            <figcaption class="hint">{caption}</figcaption>
        </figure>
    }
}

/// Rows of the timeline per picture: a picture never splits across pages, so a
/// long timeline is drawn as several, each with the month axis above its rows.
const TIMELINE_ROWS_PER_PART: usize = 24;

/// A [`Block::Timeline`] as SVG pictures from the same geometry as the app's
/// timeline: month ticks above the rows, each row's label (key actions bold,
/// activities indented) and bar, light lines at the ticks, a rule above each
/// commitment after the first. Split between commitments (or, for a very long
/// commitment, every few rows) so that each part fits on a page.
#[component]
fn TimelineView(caption: String, timeline: Timeline) -> impl IntoView {
    let t = timeline;
    // Parts: consecutive rows, starting a new part at a commitment once the
    // current part is not empty, or when it is full.
    let mut parts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, row) in t.rows.iter().enumerate() {
        let full = i - start >= TIMELINE_ROWS_PER_PART;
        if i > start && (row.starts_commitment || full) {
            parts.push(start..i);
            start = i;
        }
    }
    if start < t.rows.len() {
        parts.push(start..t.rows.len());
    }
    let count = parts.len();
    let right = t.width - RIGHT_MARGIN;
    let pictures = parts
        .into_iter()
        .enumerate()
        .map(|(p, range)| {
            let rows = &t.rows[range];
            let top = rows.first().map_or(AXIS_HEIGHT, |r| r.y);
            let bottom = rows
                .last()
                .map_or(top, |r| r.y + crate::export::timeline::ROW_HEIGHT);
            // The axis sits just above this part's first row.
            let axis = top - AXIS_HEIGHT;
            let ticks = t
                .ticks
                .iter()
                .map(|k| {
                    view! {
                        <line class="timeline__grid" x1=k.x x2=k.x y1=top - 8.0 y2=bottom></line>
                        <text class="timeline__tick" x=k.x + 3.0 y=top - 12.0>{k.label.clone()}</text>
                    }
                })
                .collect_view();
            let row_views = rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let (label_class, bar_class) = match r.kind {
                        RowKind::KeyAction => (
                            "timeline__label print-timeline__label--key",
                            "timeline__bar--key",
                        ),
                        RowKind::Activity => (
                            "timeline__label timeline__label--activity",
                            "timeline__bar--activity",
                        ),
                    };
                    let rule = (i > 0 && r.starts_commitment).then(|| {
                        view! { <line class="timeline__separator" x1="0" x2=right y1=r.y y2=r.y></line> }
                    });
                    view! {
                        {rule}
                        <text class=label_class x=r.label_x + 4.0 y=r.y + 18.0>{r.label.clone()}</text>
                        <rect class=bar_class x=r.bar_x y=r.bar_y width=r.bar_width height=r.bar_height></rect>
                    }
                })
                .collect_view();
            let label = if count == 1 {
                caption.clone()
            } else {
                format!("{caption} (parte {} de {count})", p + 1)
            };
            view! {
                <svg
                    class="timeline__svg print-timeline__svg"
                    viewBox=format!("0 {axis} {} {}", t.width, bottom - axis + 4.0)
                    role="img"
                    aria-label=label
                >
                    {ticks}
                    {row_views}
                </svg>
            }
        })
        .collect_view();
    view! {
        <figure class="print-timeline">
            {pictures}
            <figcaption class="hint">{caption.clone()}</figcaption>
        </figure>
    }
}
