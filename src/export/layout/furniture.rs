//! Page furniture: the running head of a continued ficha and the footer of every page.

use super::builder::*;
use super::page::*;
use super::text::*;
use crate::export::content::document::Document;
use crate::export::font::metrics::{self, FontFace};

/// On every page that continues a level-2 section (a commitment's ficha) without
/// showing its heading, the heading in small type above the frame, as the
/// national fichas repeat theirs: "Compromiso 3. Nombre (continuación)".
pub(super) fn add_running_heads(
    pages: &mut [LaidPage],
    headings: &[LaidHeading],
    frame: Frame,
    size: PageSize,
) {
    let mut current: Option<&LaidHeading> = None;
    let mut next = headings.iter().peekable();
    for (n, page) in pages.iter_mut().enumerate() {
        let mut starts_here = false;
        while let Some(h) = next.next_if(|h| h.page <= n) {
            match h.level {
                0 | 1 => current = None,
                2 => {
                    current = Some(h);
                    starts_here = h.page == n;
                }
                _ => {}
            }
        }
        let Some(h) = current.filter(|_| !starts_here) else {
            continue;
        };
        let suffix = " (continuación)";
        let suffix_w = metrics::text_width_pt(suffix, FontFace::Regular, RUNNING_HEAD_SIZE);
        let mut text = truncate_to_width(
            &h.text,
            FontFace::Regular,
            RUNNING_HEAD_SIZE,
            frame.width() - suffix_w - WIDTH_SLACK,
        );
        text.push_str(suffix);
        // First in the page's painting order, so it also reads first.
        page.items.splice(
            0..0,
            [
                Item::Text {
                    x_pt: frame.left,
                    y_pt: size.height_pt - RUNNING_HEAD_BASELINE,
                    size_pt: RUNNING_HEAD_SIZE,
                    face: FontFace::Regular,
                    color: palette::MUTED,
                    text,
                    lang: None,
                },
                Item::Rect {
                    x_pt: frame.left,
                    y_pt: size.height_pt - RUNNING_HEAD_BASELINE - 5.0,
                    w_pt: frame.width(),
                    h_pt: 0.5,
                    fill: palette::RULE,
                },
            ],
        );
    }
}

pub(super) fn add_footers(pages: &mut [LaidPage], doc: &Document, frame: Frame) {
    let total = pages.len();
    for (n, p) in pages.iter_mut().enumerate() {
        let number = format!("Página {} de {}", n + 1, total);
        let number_w = metrics::text_width_pt(&number, FontFace::Regular, FOOTER_SIZE);
        let title_w = frame.width() - number_w - 18.0;
        let title = truncate_to_width(&doc.meta.title, FontFace::Bold, FOOTER_SIZE, title_w);
        let note = truncate_to_width(
            &doc.meta.footer_note,
            FontFace::Regular,
            FOOTER_NOTE_SIZE,
            title_w,
        );
        p.items.push(Item::Rect {
            x_pt: frame.left,
            y_pt: FOOTER_RULE_Y,
            w_pt: frame.width(),
            h_pt: 0.5,
            fill: palette::RULE,
        });
        for (x, y, size, face, text) in [
            (
                frame.left,
                FOOTER_BASELINE,
                FOOTER_SIZE,
                FontFace::Bold,
                title,
            ),
            (
                frame.left,
                FOOTER_NOTE_BASELINE,
                FOOTER_NOTE_SIZE,
                FontFace::Regular,
                note,
            ),
            (
                frame.right - number_w,
                FOOTER_BASELINE,
                FOOTER_SIZE,
                FontFace::Regular,
                number,
            ),
        ] {
            if !text.is_empty() {
                p.items.push(Item::Text {
                    x_pt: x,
                    y_pt: y,
                    size_pt: size,
                    face,
                    color: palette::MUTED,
                    text,
                    lang: None,
                });
            }
        }
    }
}
