//! Big drafts stored in pieces (pure): each commitment under a key of its
//! own, the rest of the draft under the draft's key, so that an autosave
//! writes what changed rather than the whole plan.
//!
//! Why: a 60-commitment plan is about 1 MB of JSON, and writing 1 MB to the
//! browser's localStorage alone takes 34 ms of main thread on a CPU slowed 4×
//! (serialising it, 20 more); an autosave while the person types must stay
//! within 8 ms (issue 21). A draft under [`PIECES_FROM`] bytes is stored whole,
//! as every draft was before.
//!
//! | key | holds |
//! |---|---|
//! | `plan-local-ga/borrador/<id>` | the draft's envelope; its `plan.commitments` is `{"piezas":[[<commitment id>,<revision>],…]}` |
//! | `plan-local-ga/borrador/<id>/compromiso/<commitment id>/<revision>` | one commitment's JSON, as written at that revision |
//!
//! The rules (native tests in `tests/pieces.rs`):
//! - **A save never leaves a half-written draft.** A changed commitment is
//!   written under a new key (its revision is in the key), never over the
//!   piece the stored head names; the head is written last. Stopped at any
//!   step, the stored head still names a complete earlier version.
//! - **Superseded pieces are removed one save later**, so a second tab that
//!   read the previous head a moment ago does not find its pieces gone; pieces
//!   no head names (a save stopped half-way) are removed when a save cannot
//!   trust what it knows of storage, and with the draft.
//! - **Reading gives the whole text** ([`whole_text`]): the head with its
//!   pieces put back is exactly the text the draft would have whole, and is
//!   then read by [`super::decode`] like any draft (migrations included). A
//!   piece that is missing makes the draft unreadable (kept aside, as any
//!   unreadable draft), never silently shorter.
//! - An older version of the app cannot read a head (its commitments are not a
//!   list), so it keeps it aside rather than saving it without commitments.

use std::borrow::Cow;

use super::drafts::{DraftId, KeyValue, StorageError};
use super::envelope::{DecodeError, Envelope};
use crate::domain::{Commitment, CommitmentId};

/// From this many bytes of JSON a draft is stored in pieces. Below it a whole
/// write takes under 3 ms on a CPU slowed 4×.
pub const PIECES_FROM: usize = 64 * 1024;

/// What stands for the commitments in a head.
const MARK: &str = "\"commitments\":{\"piezas\":";
const EMPTY_LIST: &str = "\"commitments\":[]";

/// The key of a commitment's piece written at `revision`.
pub fn piece_key(id: DraftId, commitment: CommitmentId, revision: u64) -> String {
    format!("{}/compromiso/{}/{revision}", id.key(), commitment.0)
}

/// Every piece key of a draft starts with this.
fn prefix(id: DraftId) -> String {
    format!("{}/", id.key())
}

/// The draft's whole text: `raw` itself when it is stored whole, or the head
/// with every piece it names put back in place of its list.
pub fn whole_text<'a>(
    store: &impl KeyValue,
    id: DraftId,
    raw: &'a str,
) -> Result<Cow<'a, str>, Partial> {
    let Some(List { at, end, named }) = named_pieces(raw) else {
        return Ok(Cow::Borrowed(raw));
    };
    let mut whole = String::with_capacity(raw.len() + named.len() * 16 * 1024);
    whole.push_str(&raw[..at]);
    whole.push_str("\"commitments\":[");
    let mut missing = None;
    let mut first = true;
    for (n, (commitment, revision)) in named.iter().enumerate() {
        let key = piece_key(id, CommitmentId(*commitment), *revision);
        let Some(piece) = store.get(&key).ok().flatten() else {
            missing.get_or_insert(n + 1);
            continue;
        };
        if !first {
            whole.push(',');
        }
        first = false;
        whole.push_str(&piece);
    }
    whole.push(']');
    whole.push_str(&raw[end..]);
    match missing {
        None => Ok(Cow::Owned(whole)),
        Some(commitment) => Err(Partial {
            error: DecodeError::MissingPiece { commitment },
            text: whole,
        }),
    }
}

/// A draft in pieces of which some are missing: why, and the text of what
/// is there (every other commitment), which is what gets kept aside.
#[derive(Debug, Clone)]
pub struct Partial {
    pub error: DecodeError,
    pub text: String,
}

/// A head's list of pieces: where it is (from its `"commitments"` to after
/// the object that holds the list) and what it names, commitment id and
/// revision.
struct List {
    at: usize,
    end: usize,
    named: Vec<(u32, u64)>,
}

/// The list of a head; `None` for a whole draft, or a head whose list cannot
/// be read (then the text is read as it is, and fails as any damaged draft
/// does).
fn named_pieces(raw: &str) -> Option<List> {
    let at = raw.find(MARK)?;
    let list = at + MARK.len();
    // The list is of pairs, so it ends at the first "]]" (then the "}" of
    // its object).
    let end = list + raw[list..].find("]]}")? + 2;
    let named = serde_json::from_str(&raw[list..end]).ok()?;
    Some(List {
        at,
        end: end + 1,
        named,
    })
}

/// Removes every piece of a draft whose key is not in `keep` (all of them
/// with an empty `keep`: the draft is stored whole now, or deleted). Failures
/// are left for later: a piece no head names is never read. (Lists, not sets:
/// a plan has tens of commitments, and the first load stays smaller.)
pub fn remove_pieces(store: &mut impl KeyValue, id: DraftId, keep: &[String]) {
    let Ok(keys) = store.keys() else { return };
    let prefix = prefix(id);
    for key in keys {
        if key.starts_with(&prefix) && !keep.contains(&key) {
            let _ = store.remove(&key);
        }
    }
}

/// One commitment as this tab last wrote it.
#[derive(Debug, Clone)]
struct Piece {
    commitment: Commitment,
    text: String,
    /// The revision of the key that holds it, when it is stored as a piece.
    stored_at: Option<u64>,
}

/// What this tab last wrote of its open draft: each commitment with its JSON
/// (so an unchanged one is not serialised again) and, in pieces, where it is.
/// Trusted only while the stored head is still the one this tab wrote (same
/// draft, same revision); otherwise every piece is written again.
#[derive(Debug, Clone, Default)]
pub struct Written {
    draft: Option<(DraftId, u64)>,
    /// In the plan's order.
    pieces: Vec<(CommitmentId, Piece)>,
    /// Keys superseded by the last save, removed by the next one.
    retiring: Vec<String>,
    /// The plan has not been edited since the last write ([`Self::plan_edited`]
    /// clears it): its commitments need not be compared again.
    unedited: bool,
}

impl Written {
    /// What is known of a draft just read: stored under `id` as `head`, read
    /// as `envelope`. For a draft in pieces read without a migration, each
    /// commitment and the piece that holds it, so that its first save writes
    /// only what changed; otherwise nothing (whole, migrated, or a list that
    /// does not match what was read), and the first save writes it all.
    pub fn read(id: DraftId, head: &str, envelope: &Envelope) -> Self {
        let commitments = &envelope.plan.commitments;
        let Some(List { named, .. }) = named_pieces(head) else {
            return Self::default();
        };
        let same = envelope.read_from.0 == super::SCHEMA_VERSION
            && named.len() == commitments.len()
            && named
                .iter()
                .zip(commitments)
                .all(|((c, _), k)| *c == k.id.0);
        if !same {
            return Self::default();
        }
        let pieces = named
            .iter()
            .zip(commitments)
            .map(|((_, revision), commitment)| {
                let piece = Piece {
                    text: serde_json::to_string(commitment)
                        .expect("a commitment always serialises"),
                    commitment: commitment.clone(),
                    stored_at: Some(*revision),
                };
                (commitment.id, piece)
            })
            .collect();
        Self {
            draft: Some((id, envelope.revision)),
            pieces,
            retiring: Vec::new(),
            unedited: true,
        }
    }

    /// The plan was (or may have been) edited: the next write compares its
    /// commitments with those written. The page's state calls it on every
    /// edit of the plan.
    pub fn plan_edited(&mut self) {
        self.unedited = false;
    }
}

/// Writes the draft whose envelope, without its commitments, is `head`, and
/// whose commitments are `commitments`: whole under [`PIECES_FROM`] bytes,
/// in pieces from it. `stored_revision` is the revision of the head in storage
/// now, as the caller read it (`None` when it could not tell). When the plan
/// was not edited since the last write ([`Written::plan_edited`]) and the
/// commitments are the same ids in the same order, they are not compared
/// again: while a person types, only the page's unsaved input changes.
/// Returns the bytes of the draft's whole text.
pub fn write(
    store: &mut impl KeyValue,
    id: DraftId,
    head: &Envelope,
    commitments: &[Commitment],
    written: &mut Written,
    stored_revision: Option<u64>,
) -> Result<usize, StorageError> {
    let trusted = stored_revision.is_some_and(|r| written.draft == Some((id, r)));
    let head_text = super::drafts::stored_text(head);
    let unique = {
        let mut ids: Vec<u32> = commitments.iter().map(|c| c.id.0).collect();
        ids.sort_unstable();
        ids.windows(2).all(|pair| pair[0] != pair[1])
    };
    let list_at = match commitments_list(&head_text, head) {
        Some(at) if unique => at,
        // Not the text this module knows how to split (it cannot happen with
        // this version's envelope), or two commitments with one id: whole.
        _ => {
            let mut envelope = head.clone();
            envelope.plan.commitments = commitments.to_vec();
            let text = super::drafts::stored_text(&envelope);
            store.set_verified(&id.key(), &text)?;
            remove_pieces(store, id, &[]);
            *written = Written::default();
            return Ok(text.len());
        }
    };

    let had_pieces =
        written.pieces.iter().any(|(_, p)| p.stored_at.is_some()) || !written.retiring.is_empty();
    let same_list = written.pieces.len() == commitments.len()
        && written
            .pieces
            .iter()
            .zip(commitments)
            .all(|((cid, _), c)| *cid == c.id);
    let mut superseded = Vec::new();
    let mut pieces = std::mem::take(&mut written.pieces);
    if !written.unedited || !same_list {
        // Each commitment's text: the one written before when it has not changed.
        let mut previous: Vec<(CommitmentId, Piece)> = std::mem::take(&mut pieces);
        for commitment in commitments {
            let earlier = previous
                .iter()
                .position(|(cid, _)| *cid == commitment.id)
                .map(|at| previous.swap_remove(at).1);
            let piece = match earlier {
                Some(piece) if piece.commitment == *commitment => piece,
                earlier => {
                    if let Some(Piece {
                        stored_at: Some(r), ..
                    }) = earlier
                    {
                        superseded.push(piece_key(id, commitment.id, r));
                    }
                    Piece {
                        text: serde_json::to_string(commitment)
                            .expect("a commitment always serialises"),
                        commitment: commitment.clone(),
                        stored_at: None,
                    }
                }
            };
            pieces.push((commitment.id, piece));
        }
        // Commitments removed since.
        for (cid, piece) in previous {
            if let Some(r) = piece.stored_at {
                superseded.push(piece_key(id, cid, r));
            }
        }
    }
    if !trusted {
        for (_, piece) in &mut pieces {
            piece.stored_at = None;
        }
    }

    let total = head_text.len() - 2
        + pieces.iter().map(|(_, p)| p.text.len() + 1).sum::<usize>()
        + usize::from(pieces.is_empty())
        + 1;
    let before = &head_text[..list_at];
    let after = &head_text[list_at + EMPTY_LIST.len()..];
    let in_pieces = total >= PIECES_FROM && !pieces.is_empty();
    let result = if in_pieces {
        write_pieces(store, id, head.revision, before, after, &mut pieces)
    } else {
        let mut text = String::with_capacity(total);
        text.push_str(before);
        text.push_str("\"commitments\":[");
        for (n, (_, piece)) in pieces.iter().enumerate() {
            if n > 0 {
                text.push(',');
            }
            text.push_str(&piece.text);
        }
        text.push(']');
        text.push_str(after);
        store.set_verified(&id.key(), &text)
    };
    if let Err(error) = result {
        // What is stored is the last good head; what this tab knows of it is
        // no longer sure.
        for (_, piece) in &mut pieces {
            piece.stored_at = None;
        }
        written.pieces = pieces;
        written.draft = None;
        written.retiring.clear();
        return Err(error);
    }

    if trusted && in_pieces {
        for key in std::mem::replace(&mut written.retiring, superseded) {
            let _ = store.remove(&key);
        }
    } else if trusted && !in_pieces && !had_pieces {
        // Whole before and now: no piece to look for.
        written.retiring.clear();
    } else {
        // Stored whole now, or storage held something this tab did not
        // write: whatever the new head does not name goes.
        written.retiring.clear();
        let keep: Vec<String> = if in_pieces {
            pieces
                .iter()
                .filter_map(|(cid, p)| p.stored_at.map(|r| piece_key(id, *cid, r)))
                .collect()
        } else {
            Vec::new()
        };
        remove_pieces(store, id, &keep);
    }
    written.draft = Some((id, head.revision));
    written.pieces = pieces;
    written.unedited = true;
    Ok(total)
}

/// Writes every piece not yet stored under its key at `revision`, then the
/// head that names them all.
fn write_pieces(
    store: &mut impl KeyValue,
    id: DraftId,
    revision: u64,
    before: &str,
    after: &str,
    pieces: &mut [(CommitmentId, Piece)],
) -> Result<(), StorageError> {
    let mut named = String::with_capacity(pieces.len() * 12);
    for (n, (cid, piece)) in pieces.iter_mut().enumerate() {
        if piece.stored_at.is_none() {
            store.set_verified(&piece_key(id, *cid, revision), &piece.text)?;
            piece.stored_at = Some(revision);
        }
        if n > 0 {
            named.push(',');
        }
        named.push_str(&format!(
            "[{},{}]",
            cid.0,
            piece.stored_at.unwrap_or(revision)
        ));
    }
    let head = format!("{before}{MARK}[{named}]}}{after}");
    store.set_verified(&id.key(), &head)
}

/// Where `"commitments":[]` is in the text of `head` (an envelope whose plan
/// has no commitments): right after the plan's profile, the first member of
/// the plan, which comes after the envelope's own fixed fields.
fn commitments_list(text: &str, head: &Envelope) -> Option<usize> {
    if !head.plan.commitments.is_empty() {
        return None;
    }
    let plan = text.find("\"plan\":{\"profile\":")? + "\"plan\":{\"profile\":".len();
    let profile = serde_json::to_string(&head.plan.profile).ok()?;
    let at = plan + profile.len() + 1;
    (text[plan..].starts_with(&profile)
        && text.get(plan + profile.len()..at) == Some(",")
        && text[at..].starts_with(EMPTY_LIST))
    .then_some(at)
}
