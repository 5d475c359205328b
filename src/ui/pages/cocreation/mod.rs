//! Co-creation with others, without a server (its own bundle,
//! `src/bin/coedicion.rs`): compare two versions of a plan, combine another
//! draft into the open one, and comment rounds with their answers.

pub mod comments;
pub mod compare;
pub mod merge;
