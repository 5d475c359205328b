//! One module per page (or per small group of pages of one task).

pub mod commitment;
pub mod coordination;
pub mod drafts;
pub mod glossary;
pub mod monitoring;
pub mod national;
pub mod not_found;
pub mod open;
pub mod problems;
pub mod profile;
pub mod profile_more;
pub mod readiness;
pub mod review;
pub mod roadmap;
pub mod sources;
pub mod start;
pub mod tasks;
