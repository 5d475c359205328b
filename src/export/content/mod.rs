//! What each document says: the export-document model ([`document`]) and its
//! construction from the plan ([`plan_document`](mod@plan_document), with
//! [`plan_sections`] and the commitments' [`ficha`]s), the readiness report
//! ([`readiness_document`]), the progress report of a round and the CSV of
//! every round ([`progress_document`], [`progress_csv`]), the
//! check-your-answers [`summary`], the
//! [`timeline`] chart, the data [`sources`], and the answers the PDF's fonts
//! cannot draw ([`unprintable`]).
//!
//! The lowest floor of the export besides the typeface: it never imports
//! `layout` or `pdf` (`tests/purity.rs` checks it), so the print view and any
//! other renderer can use it as it is.

pub mod articulation_csv;
pub mod articulation_document;
pub mod blocks;
pub mod changes;
pub mod comment_places;
pub mod document;
pub mod ficha;
pub mod ogp;
pub mod plan_document;
pub mod plan_sections;
pub mod progress_csv;
pub mod progress_document;
pub mod quality;
pub mod readiness_document;
pub mod sources;
pub mod summary;
pub mod timeline;
pub mod unprintable;
