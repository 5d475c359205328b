//! Typed reading of a JSON value that says *where* a value does not fit
//! ("plan.commitments[0].period"), for the messages of «Abrir un borrador».
//!
//! Why not a path-tracking deserializer (serde_path_to_error): it wraps every
//! `Deserialize` implementation of the plan a second time, 185 KB of the
//! first-load wasm. Here the value is read once with serde_json's own
//! deserializer from compact text, and only when that fails is the text
//! scanned up to the error's position to name the place.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why a value does not fit, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    /// Keys joined by `.`, array positions as `[n]`; empty at the top.
    pub path: String,
    pub detail: String,
}

/// Reads `value` as a `T`; on failure, says where in `value` it failed.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, PathError> {
    // Serialising a Value cannot fail (its map keys are strings).
    let text = value.to_string();
    serde_json::from_str(&text).map_err(|e| PathError {
        path: path_at(&text, e.line(), e.column()),
        detail: e.to_string(),
    })
}

/// One open container while scanning.
enum Frame {
    /// The key whose value is being read, once seen.
    Object(Option<String>),
    /// The position of the element being read, once one has started.
    Array(Option<usize>),
}

/// The path of the value being read at 1-based `line` and `column` (serde_json
/// counts columns in bytes) of `text`: the containers open there, each with its
/// current key or position. A value that has just ended is still named, so an
/// error raised at an object's closing brace (a missing field, a broken rule
/// between fields) names that object; the whole document is "".
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let offset = byte_offset(text, line, column);
    let bytes = &text.as_bytes()[..offset];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i = string_end(bytes, start);
                // A string is a key when a ':' follows it (after blanks).
                let is_key = bytes[(i + 1).min(bytes.len())..]
                    .iter()
                    .find(|b| !b.is_ascii_whitespace())
                    == Some(&b':');
                if is_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        let end = i.min(bytes.len());
                        *key = Some(String::from_utf8_lossy(&bytes[start..end]).into_owned());
                    }
                } else {
                    begin_element(&mut stack);
                }
            }
            b'{' => {
                begin_element(&mut stack);
                stack.push(Frame::Object(None));
            }
            b'[' => {
                begin_element(&mut stack);
                stack.push(Frame::Array(None));
            }
            // The parent keeps the closed container's key or position, so an
            // error raised at its closing brace names it.
            b'}' | b']' => {
                stack.pop();
            }
            b',' | b':' => {}
            b if b.is_ascii_whitespace() => {}
            // A number, true, false or null: one element, however long.
            _ => {
                begin_element(&mut stack);
                while i + 1 < bytes.len()
                    && !matches!(bytes[i + 1], b',' | b']' | b'}')
                    && !bytes[i + 1].is_ascii_whitespace()
                {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array(Some(n)) => {
                path.push_str(&format!("[{n}]"));
            }
            Frame::Object(None) | Frame::Array(None) => {}
        }
    }
    path
}

/// A scalar, object or array starts: in an array, that is the next position.
fn begin_element(stack: &mut [Frame]) {
    if let Some(Frame::Array(n)) = stack.last_mut() {
        *n = Some(n.map_or(0, |n| n + 1));
    }
}

/// The index of the closing quote of a string whose text starts at `start`
/// (or the end of `bytes`).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The byte offset just past 1-based `line` and `column`, within `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        n: u8,
        tag: Option<String>,
    }

    fn path_of(json: &str) -> String {
        let value: Value = serde_json::from_str(json).expect("test JSON");
        from_value::<Outer>(&value).expect_err("must not fit").path
    }

    #[test]
    fn names_the_value_that_does_not_fit() {
        assert_eq!(path_of(r#"{"name": 3, "items": []}"#), "name");
        assert_eq!(
            path_of(r#"{"name": "a", "items": [{"n": 1}, {"n": 300}]}"#),
            "items[1].n"
        );
        assert_eq!(
            path_of(r#"{"name": "a", "items": [{"n": 1, "tag": "x"}, {"tag": 5, "n": 1}]}"#),
            "items[1].tag"
        );
    }

    #[test]
    fn a_missing_field_names_its_object() {
        assert_eq!(
            path_of(r#"{"name": "a", "items": [{"n": 1}, {}]}"#),
            "items[1]"
        );
        assert_eq!(path_of(r#"{"items": []}"#), "");
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_it() {
        assert_eq!(
            path_of(r#"{"name": "a\"]}[{", "items": [{"n": 1, "tag": "}{,"}, {"n": -1}]}"#),
            "items[1].n"
        );
    }

    #[test]
    fn positions_on_later_lines() {
        let text = "{\n  \"a\": [\n    1,\n    true\n  ]\n}";
        // After `true` on line 4 (column 8).
        assert_eq!(path_at(text, 4, 8), "a[1]");
        assert_eq!(path_at(text, 1, 0), "");
    }
}
