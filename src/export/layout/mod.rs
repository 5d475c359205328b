//! Pure page layout: places a [`Document`] on pages as positioned text runs,
//! filled rectangles and polygons ([`Laid`]), which a renderer draws without further decisions.
//!
//! Coordinates are PDF points (1/72 in) from the page's bottom-left corner; a text
//! item's `y_pt` is its baseline. Measuring uses [`metrics`], and every string
//! goes through [`metrics::printable`] first (the text as typed; a character the
//! fonts cannot draw becomes U+FFFD), so what is measured is exactly what the
//! PDF prints.
//!
//! The rules, in one place:
//! - greedy word wrap; a word longer than the line is broken by character
//!   (after a `-`, `/` or `@` when one fits);
//! - a heading is kept with at least the next two lines of what follows it;
//! - a table row of up to four lines never splits across pages; a longer one may
//!   split between its lines, leaving at least two on each page; the column
//!   header row is repeated on every page the table spans;
//! - a bar chart is kept whole on one page (it moves to the next page when it
//!   does not fit) unless it alone is taller than a page; then it splits between
//!   bars, keeping its caption with the first two;
//! - a paragraph or a field value never leaves its first line alone at the bottom
//!   of a page nor its last line alone at the top of one;
//! - a timeline splits between rows, with its tick labels repeated on each page;
//! - a picture of shapes (a map) is scaled to the frame's width (at most 55 % of
//!   its height) and kept on one page with its caption and legend;
//! - a page break starts a new page unless already at the top of one;
//! - the title block (kicker, title, label/value lines, status badge) opens page 1;
//! - a table of contents gets each heading's page once the flow has placed it
//!   (its entries have a fixed height, so filling in the numbers moves nothing);
//! - a page that continues a commitment's ficha (a level-2 section) repeats its
//!   heading, small, above the frame;
//! - every page gets a footer: the document title on the left (truncated to fit),
//!   "Página n de N" on the right, and the footer note under the title;
//! - nothing is placed outside the page box ([`Laid::items_outside_page`] checks it).

mod builder;
mod chart;
mod contents;
mod fields;
mod furniture;
mod heading;
mod page;
mod prose;
mod shapes;
mod table;
mod text;
mod timeline;
mod title;

use super::content::document::{Block, Document};
use super::font::metrics;
use builder::*;
use contents::contents_number;
use furniture::{add_footers, add_running_heads};
pub use page::*;
pub use text::{truncate_to_width, wrap_text};

// ---------------------------------------------------------------------------------
// Flow

/// Places `doc` on pages of size `page`.
pub fn layout(doc: &Document, page: PageSize) -> Laid {
    let frame = Frame {
        left: MARGIN_PT,
        right: page.width_pt - MARGIN_PT,
        top: page.height_pt - MARGIN_PT,
        bottom: MARGIN_PT,
    };
    let mut b = Builder {
        frame,
        units: Vec::new(),
        headers: Vec::new(),
        headings: Vec::new(),
    };
    b.title_block(doc);
    for (index, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading { level, text } => b.heading(*level, text),
            Block::Paragraph(text) => b.paragraph(text),
            Block::Fields(fields) => b.fields(fields),
            Block::Table {
                caption,
                columns,
                rows,
            } => b.table(caption, columns, rows),
            Block::Note(text) => b.note(text),
            Block::BarChart { caption, max, bars } => b.bar_chart(caption, *max, bars),
            Block::Contents { title, .. } => b.contents(title, &doc.contents_entries(index)),
            Block::PageBreak => b.page_break(),
            Block::Timeline { caption, timeline } => b.timeline(caption, timeline),
            Block::Shapes {
                caption,
                width,
                height,
                shapes,
                outline,
                legend_title,
                legend,
            } => b.shapes(
                caption,
                (*width, *height),
                shapes,
                *outline,
                legend_title,
                legend,
            ),
        }
    }

    let (mut pages, placed) = flow(&b.units, &b.headers, frame);
    // Where each heading landed, then the contents' page numbers.
    let mut headings: Vec<LaidHeading> = b
        .headings
        .iter()
        .map(|(level, text)| LaidHeading {
            level: *level,
            text: metrics::printable(text),
            page: 0,
            top_pt: frame.top,
        })
        .collect();
    for (unit, &(page_index, top)) in b.units.iter().zip(&placed) {
        if let Some(h) = unit.heading.and_then(|h| headings.get_mut(h)) {
            h.page = page_index;
            h.top_pt = top;
        }
    }
    for (unit, &(page_index, top)) in b.units.iter().zip(&placed) {
        if let (Some(slot), Some(p)) = (unit.toc, pages.get_mut(page_index)) {
            let number = headings.get(slot.heading).map_or(0, |h| h.page + 1);
            contents_number(p, frame, top, slot, number);
        }
    }
    add_running_heads(&mut pages, &headings, frame, page);
    add_footers(&mut pages, doc, frame);
    Laid {
        page,
        pages,
        headings,
    }
}

/// Height needed to place unit `i` together with the units it keeps with.
fn keep_height(units: &[Unit], i: usize) -> f32 {
    let mut need = units[i].height;
    let mut remaining = units[i].keep_with_next;
    let mut j = i + 1;
    while remaining > 0 && j < units.len() {
        if units[j].break_before {
            break;
        }
        need += units[j].space_before + units[j].height;
        remaining = (remaining - 1).max(units[j].keep_with_next);
        j += 1;
    }
    need
}

/// Places the units on pages; returns the pages and, per unit, its page index and
/// the y of its top.
fn flow(units: &[Unit], headers: &[Unit], frame: Frame) -> (Vec<LaidPage>, Vec<(usize, f32)>) {
    let mut pages = vec![LaidPage::default()];
    let mut placed = Vec::with_capacity(units.len());
    let mut y = frame.top;
    let mut at_top = true;
    for (i, unit) in units.iter().enumerate() {
        if unit.break_before {
            if !at_top {
                pages.push(LaidPage::default());
                y = frame.top;
                at_top = true;
            }
            placed.push((pages.len() - 1, y));
            continue;
        }
        let space = if at_top { 0.0 } else { unit.space_before };
        let header_h = unit
            .header
            .and_then(|h| headers.get(h))
            .map_or(0.0, |h| h.height);
        // Keep-with-next is a wish: it never pushes more than a page's worth.
        let need = keep_height(units, i).min(frame.height() - header_h);
        if !at_top && y - space - need < frame.bottom - 0.001 {
            pages.push(LaidPage::default());
            y = frame.top;
            at_top = true;
        }
        if at_top {
            if let Some(header) = unit.header.and_then(|h| headers.get(h)) {
                // A table continues on a new page: repeat its header row first.
                place(header, y, &mut pages);
                y -= header.height;
            }
        } else {
            y -= unit.space_before;
        }
        placed.push((pages.len() - 1, y));
        place(unit, y, &mut pages);
        y -= unit.height;
        at_top = false;
    }
    (pages, placed)
}

fn place(unit: &Unit, top: f32, pages: &mut [LaidPage]) {
    let Some(page) = pages.last_mut() else {
        return;
    };
    page.items
        .extend(unit.items.iter().cloned().map(|mut item| {
            match &mut item {
                Item::Text { y_pt, .. } | Item::Rect { y_pt, .. } => *y_pt += top,
                Item::Polygon { rings, .. } => {
                    for point in rings.iter_mut().flatten() {
                        point.1 += top;
                    }
                }
            }
            item
        }));
}
