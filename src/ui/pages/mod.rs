//! One module per page (or per small group of pages of one task).

pub mod commitments;
pub mod national;
pub mod not_found;
pub mod open;
pub mod profile;
pub mod readiness;
pub mod review;
pub mod sources;
pub mod start;
pub mod tasks;
