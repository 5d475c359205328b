//! A small, defensive PDF reader: just enough of PDF 32000-1 to find the
//! objects of any PDF (classic cross-reference tables, cross-reference streams,
//! hybrid files, object streams, incremental updates) and read a stream's bytes.
//!
//! It reads what other programs write, so every step is bounded: nesting depth,
//! `/Prev` chains, reference chains, number of objects, and the total number of
//! bytes inflated. Bad input is a [`ReadError`], never a panic. When the
//! cross-reference data is broken, [`Doc::reconstruct`] rebuilds it by scanning
//! for `n g obj`, as PDF viewers do.

use std::collections::{HashMap, HashSet};
use std::io::Read;

/// Deepest nesting of arrays and dictionaries read.
const MAX_DEPTH: usize = 64;
/// Most objects a document may have (a 20 MB plan PDF has a few thousand).
const MAX_OBJECTS: usize = 500_000;
/// Most cross-reference sections followed through `/Prev`.
const MAX_SECTIONS: usize = 128;
/// Most bytes inflated for one document, all streams together (zip bombs).
const INFLATE_BUDGET: usize = 96 * 1024 * 1024;
/// Most `trailer` keywords tried when rebuilding a damaged file.
const MAX_TRAILERS: usize = 16;
/// Longest chain of references followed (`1 0 R` → `2 0 R` → …).
const MAX_HOPS: usize = 16;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// No `%PDF-` header in the first kilobyte.
    NotPdf,
    /// The bytes break the PDF syntax or structure.
    Damaged(String),
    /// A limit was reached (nesting, objects, inflated bytes).
    Limit(&'static str),
    /// Valid PDF, but a feature this reader does not handle (a filter).
    Unsupported(String),
}

fn damaged(what: impl Into<String>) -> ReadError {
    ReadError::Damaged(what.into())
}

type Result<T> = std::result::Result<T, ReadError>;

/// A PDF dictionary, keys in file order (so a re-written one keeps its order).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Dict(pub Vec<(Vec<u8>, Obj)>);

impl Dict {
    pub fn get(&self, key: &[u8]) -> Option<&Obj> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Replaces the value of `key` (keeping its place) or appends it.
    pub fn set(&mut self, key: &[u8], value: Obj) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key.to_vec(), value)),
        }
    }

    fn int(&self, key: &[u8]) -> Option<i64> {
        match self.get(key) {
            Some(Obj::Int(i)) => Some(*i),
            _ => None,
        }
    }

    fn is_type(&self, name: &[u8]) -> bool {
        matches!(self.get(b"Type"), Some(Obj::Name(n)) if n == name)
    }
}

/// Where a stream's (still encoded) bytes lie in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub len: usize,
}

/// A PDF object. Reals keep their text, so a re-written object is unchanged.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Obj {
    Null,
    Bool(bool),
    Int(i64),
    Real(Vec<u8>),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32, u16),
    /// Only from [`Doc::object`]: a stream object's dictionary and its data.
    Stream(Dict, Span),
}

impl Obj {
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }
}

/// PDF white-space characters (7.2.2).
pub(crate) fn is_ws(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

/// PDF delimiters (7.2.2).
pub(crate) fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_ws(b) && !is_delim(b)
}

/// Reads objects from PDF syntax.
pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Self { data, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.data.get(self.pos.checked_add(ahead)?).copied()
    }

    pub fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            if is_ws(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn starts_with(&self, s: &[u8]) -> bool {
        self.data
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(s))
    }

    /// Consumes `kw` (after white space) if it is a whole token.
    pub fn keyword(&mut self, kw: &[u8]) -> bool {
        self.skip_ws();
        if self.starts_with(kw) && self.peek_at(kw.len()).is_none_or(|b| !is_regular(b)) {
            self.pos += kw.len();
            true
        } else {
            false
        }
    }

    fn token(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(is_regular) {
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or(&[])
    }

    /// An unsigned integer token (after white space), or `None` (position kept).
    pub fn uint(&mut self) -> Option<u64> {
        let save = self.pos;
        self.skip_ws();
        let tok = self.token();
        match parse_uint(tok) {
            Some(n) => Some(n),
            None => {
                self.pos = save;
                None
            }
        }
    }

    /// One object, `depth` levels down.
    pub fn object(&mut self, depth: usize) -> Result<Obj> {
        if depth > MAX_DEPTH {
            return Err(ReadError::Limit("nesting"));
        }
        self.skip_ws();
        match self.peek() {
            None => Err(damaged("unexpected end of data")),
            Some(b'/') => {
                self.pos += 1;
                Ok(Obj::Name(self.name()))
            }
            Some(b'(') => {
                self.pos += 1;
                self.literal_string().map(Obj::Str)
            }
            Some(b'<') if self.peek_at(1) == Some(b'<') => {
                self.pos += 2;
                self.dict_body(depth).map(Obj::Dict)
            }
            Some(b'<') => {
                self.pos += 1;
                self.hex_string().map(Obj::Str)
            }
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Obj::Array(items));
                        }
                        None => return Err(damaged("unterminated array")),
                        Some(_) => items.push(self.object(depth + 1)?),
                    }
                }
            }
            Some(b) if is_delim(b) => Err(damaged(format!(
                "unexpected '{}' at {}",
                char::from(b),
                self.pos
            ))),
            Some(_) => {
                let start = self.pos;
                let tok = self.token();
                match tok {
                    b"true" => Ok(Obj::Bool(true)),
                    b"false" => Ok(Obj::Bool(false)),
                    b"null" => Ok(Obj::Null),
                    _ => self.number(tok, start),
                }
            }
        }
    }

    fn number(&mut self, tok: &'a [u8], start: usize) -> Result<Obj> {
        let digits = tok.strip_prefix(b"+").unwrap_or(tok);
        if let Some(n) = parse_uint(digits) {
            // `n g R` is a reference.
            let after = self.pos;
            if let (Ok(num), Some(gen)) = (u32::try_from(n), self.uint()) {
                if let Ok(gen) = u16::try_from(gen) {
                    if self.keyword(b"R") {
                        return Ok(Obj::Ref(num, gen));
                    }
                }
            }
            self.pos = after;
            return Ok(i64::try_from(n).map_or_else(|_| Obj::Real(tok.to_vec()), Obj::Int));
        }
        let body = tok.strip_prefix(b"-").unwrap_or(digits);
        if let Some(n) = parse_uint(body) {
            return Ok(i64::try_from(n).map_or_else(|_| Obj::Real(tok.to_vec()), |n| Obj::Int(-n)));
        }
        let dots = body.iter().filter(|b| **b == b'.').count();
        if !body.is_empty()
            && dots == 1
            && body.len() > 1
            && body.iter().all(|b| b.is_ascii_digit() || *b == b'.')
        {
            return Ok(Obj::Real(tok.to_vec()));
        }
        Err(damaged(format!("unknown token at {start}")))
    }

    fn name(&mut self) -> Vec<u8> {
        let raw = self.token();
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while let Some(&b) = raw.get(i) {
            if b == b'#' {
                if let (Some(h), Some(l)) = (
                    raw.get(i + 1).and_then(|c| hex_val(*c)),
                    raw.get(i + 2).and_then(|c| hex_val(*c)),
                ) {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
            }
            out.push(b);
            i += 1;
        }
        out
    }

    fn literal_string(&mut self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut nesting = 0usize;
        loop {
            let Some(b) = self.peek() else {
                return Err(damaged("unterminated string"));
            };
            self.pos += 1;
            match b {
                b'(' => {
                    nesting += 1;
                    out.push(b);
                }
                b')' if nesting == 0 => return Ok(out),
                b')' => {
                    nesting -= 1;
                    out.push(b);
                }
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(damaged("unterminated string"));
                    };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }

    fn hex_string(&mut self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let Some(b) = self.peek() else {
                return Err(damaged("unterminated hex string"));
            };
            self.pos += 1;
            if b == b'>' {
                if let Some(h) = high {
                    out.push(h << 4);
                }
                return Ok(out);
            }
            if is_ws(b) {
                continue;
            }
            let v = hex_val(b).ok_or_else(|| damaged("bad hex string"))?;
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
    }

    fn dict_body(&mut self, depth: usize) -> Result<Dict> {
        let mut dict = Dict::default();
        loop {
            self.skip_ws();
            if self.starts_with(b">>") {
                self.pos += 2;
                return Ok(dict);
            }
            match self.peek() {
                Some(b'/') => {
                    self.pos += 1;
                    let key = self.name();
                    let value = self.object(depth + 1)?;
                    // Later duplicates are ignored, as most readers do.
                    if dict.get(&key).is_none() {
                        dict.0.push((key, value));
                    }
                }
                None => return Err(damaged("unterminated dictionary")),
                Some(_) => return Err(damaged(format!("bad dictionary key at {}", self.pos))),
            }
        }
    }
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn parse_uint(tok: &[u8]) -> Option<u64> {
    if tok.is_empty() || tok.len() > 19 || !tok.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(tok).ok()?.parse().ok()
}

/// An object parsed at a file offset: `n g obj … [stream]`.
struct Indirect {
    num: u32,
    obj: Obj,
    /// Where the stream data starts, after `stream` and its end of line.
    stream_start: Option<usize>,
}

fn indirect_at(data: &[u8], offset: usize) -> Result<Indirect> {
    let mut lx = Lexer::new(data, offset);
    let num = lx
        .uint()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| damaged(format!("no object number at {offset}")))?;
    lx.uint()
        .ok_or_else(|| damaged(format!("no generation at {offset}")))?;
    if !lx.keyword(b"obj") {
        return Err(damaged(format!("no 'obj' at {offset}")));
    }
    let obj = lx.object(0)?;
    let mut stream_start = None;
    if matches!(obj, Obj::Dict(_)) && lx.keyword(b"stream") {
        if lx.starts_with(b"\r\n") {
            lx.pos += 2;
        } else if matches!(lx.peek(), Some(b'\n' | b'\r')) {
            lx.pos += 1;
        }
        stream_start = Some(lx.pos);
    }
    Ok(Indirect {
        num,
        obj,
        stream_start,
    })
}

/// Where an object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Free,
    Offset(usize),
    /// In object stream `.0`, at index `.1`.
    InStream(u32, u32),
}

/// How the newest cross-reference section is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum XrefKind {
    Table,
    Stream,
}

/// A decoded object stream: its objects' numbers and offsets into `data`.
struct ObjStm {
    data: Vec<u8>,
    objects: Vec<(u32, usize)>,
    /// The objects' offsets, sorted (each object ends where the next starts).
    starts: Vec<usize>,
}

/// A PDF's objects, found through its cross-reference data.
pub(crate) struct Doc<'a> {
    data: &'a [u8],
    entries: HashMap<u32, Entry>,
    /// The newest trailer (with what only older trailers had, added).
    pub trailer: Dict,
    pub xref_kind: XrefKind,
    /// Offset of the newest cross-reference section (for `/Prev`).
    pub startxref: usize,
    /// How far the file's offsets are from real ones (bytes before `%PDF-`
    /// when the writer counted from the header; usually 0).
    pub shift: usize,
    objstms: HashMap<u32, ObjStm>,
    budget: usize,
    /// Every object's offset, sorted: an object ends where the next begins,
    /// which keeps hostile overlapping objects from costing quadratic time.
    bounds: Vec<usize>,
}

/// Offset of `%PDF-` in the first kilobyte, if any.
pub(crate) fn header_offset(data: &[u8]) -> Option<usize> {
    let head = data.get(..data.len().min(1024))?;
    find(head, b"%PDF-", 0)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut at = from;
    loop {
        let i = at + hay.get(at..)?.iter().position(|b| *b == first)?;
        if hay.get(i + 1..i + needle.len()) == Some(rest) {
            return Some(i);
        }
        at = i + 1;
    }
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut end = hay.len();
    loop {
        let i = hay.get(..end)?.iter().rposition(|b| *b == first)?;
        if hay.get(i + 1..i + needle.len()) == Some(rest) {
            return Some(i);
        }
        end = i;
    }
}

impl<'a> Doc<'a> {
    fn empty(data: &'a [u8]) -> Self {
        Self {
            data,
            entries: HashMap::new(),
            trailer: Dict::default(),
            xref_kind: XrefKind::Table,
            startxref: 0,
            shift: 0,
            objstms: HashMap::new(),
            budget: INFLATE_BUDGET,
            bounds: Vec::new(),
        }
    }

    fn set_bounds(&mut self) {
        let shift = self.shift;
        self.bounds = self
            .entries
            .values()
            .filter_map(|e| match e {
                Entry::Offset(o) => Some(o.saturating_add(shift)),
                _ => None,
            })
            .collect();
        self.bounds.sort_unstable();
        self.bounds.dedup();
    }

    /// The bytes an object at `off` may use: up to the next object.
    fn bounded(&self, off: usize) -> &'a [u8] {
        let i = self.bounds.partition_point(|o| *o <= off);
        let end = self.bounds.get(i).copied().unwrap_or(self.data.len());
        self.data.get(..end).unwrap_or(self.data)
    }

    /// Reads the cross-reference data the file declares (`startxref`, then
    /// every `/Prev`). Fails on anything inconsistent; see [`Self::reconstruct`].
    pub fn load(data: &'a [u8]) -> Result<Self> {
        let header = header_offset(data).ok_or(ReadError::NotPdf)?;
        let at = rfind(data, b"startxref").ok_or_else(|| damaged("no startxref"))?;
        let mut lx = Lexer::new(data, at + b"startxref".len());
        let declared = lx
            .uint()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| damaged("bad startxref"))?;
        let mut doc = Self::empty(data);
        // Offsets count from the header; some writers put bytes before it.
        let first = match doc.read_section(declared) {
            Ok(t) => t,
            Err(e) if header > 0 => {
                doc.shift = header;
                doc.entries.clear();
                doc.read_section(declared.saturating_add(header))
                    .map_err(|_| e)?
            }
            Err(e) => return Err(e),
        };
        doc.startxref = declared;
        doc.trailer = first.0.clone();
        doc.xref_kind = first.1;
        let mut seen = HashSet::from([declared]);
        let mut next = prev_of(&first.0);
        while let Some(off) = next {
            if !seen.insert(off) || seen.len() > MAX_SECTIONS {
                break;
            }
            let off = off.saturating_add(doc.shift);
            let (trailer, _) = doc.read_section(off)?;
            for (k, v) in &trailer.0 {
                if doc.trailer.get(k).is_none() && k != b"Prev" && k != b"XRefStm" {
                    doc.trailer.0.push((k.clone(), v.clone()));
                }
            }
            next = prev_of(&trailer);
        }
        if doc.trailer.get(b"Root").is_none() {
            return Err(damaged("trailer without /Root"));
        }
        doc.set_bounds();
        Ok(doc)
    }

    /// Rebuilds the cross-reference data by scanning for `n g obj` (later
    /// definitions win), for files whose declared offsets are wrong.
    pub fn reconstruct(data: &'a [u8]) -> Result<Self> {
        header_offset(data).ok_or(ReadError::NotPdf)?;
        let mut doc = Self::empty(data);
        let mut at = 0;
        while let Some(i) = find(data, b"obj", at) {
            at = i + 3;
            if data.get(i + 3).is_some_and(|b| is_regular(*b)) {
                continue;
            }
            if let Some((num, start)) = object_header_before(data, i) {
                doc.entries.insert(num, Entry::Offset(start));
                if doc.entries.len() > MAX_OBJECTS {
                    return Err(ReadError::Limit("objects"));
                }
            }
        }
        // The newest trailer with a /Root: a classic one or an xref stream's,
        // whichever comes last in the file.
        let mut trailer: Option<(usize, Dict)> = None;
        let mut at = data.len();
        // A few candidates, each read within 64 KB: a trailer is small, and a
        // file of nothing but "trailer(" must not cost quadratic time.
        for _ in 0..MAX_TRAILERS {
            let Some(i) = rfind(data.get(..at).unwrap_or(&[]), b"trailer") else {
                break;
            };
            at = i;
            let end = data.len().min(i.saturating_add(64 * 1024));
            let mut lx = Lexer::new(data.get(..end).unwrap_or(data), i + b"trailer".len());
            if let Ok(Obj::Dict(d)) = lx.object(0) {
                if d.get(b"Root").is_some() {
                    trailer = Some((i, d));
                    break;
                }
            }
        }
        let mut numbers: Vec<(usize, u32)> = doc
            .entries
            .iter()
            .filter_map(|(n, e)| match e {
                Entry::Offset(o) => Some((*o, *n)),
                _ => None,
            })
            .collect();
        numbers.sort_unstable();
        doc.set_bounds();
        let mut catalog = None;
        let mut streams = Vec::new();
        for (off, num) in &numbers {
            let Ok(ind) = indirect_at(doc.bounded(*off), *off) else {
                continue;
            };
            let Some(d) = ind.obj.as_dict() else {
                continue;
            };
            if d.is_type(b"XRef") && d.get(b"Root").is_some() {
                if trailer.as_ref().is_none_or(|(t, _)| *t < *off) {
                    trailer = Some((*off, d.clone()));
                }
            } else if d.is_type(b"Catalog") {
                catalog = Some(*num);
            } else if d.is_type(b"ObjStm") && ind.stream_start.is_some() {
                streams.push(*num);
            }
        }
        for stm in streams {
            if doc.load_objstm(stm, 0).is_ok() {
                let members: Vec<(u32, usize)> = doc
                    .objstms
                    .get(&stm)
                    .map(|s| s.objects.clone())
                    .unwrap_or_default();
                for (index, (num, _)) in members.iter().enumerate() {
                    let index = u32::try_from(index).unwrap_or(u32::MAX);
                    doc.entries
                        .entry(*num)
                        .or_insert(Entry::InStream(stm, index));
                }
                if doc.entries.len() > MAX_OBJECTS {
                    return Err(ReadError::Limit("objects"));
                }
            }
        }
        let mut trailer = trailer.map(|(_, t)| t).unwrap_or_default();
        if trailer.get(b"Root").is_none() {
            let num = catalog.ok_or_else(|| damaged("no catalog"))?;
            trailer.set(b"Root", Obj::Ref(num, 0));
        }
        doc.trailer = trailer;
        Ok(doc)
    }

    /// Every object number the document defines (for a last-resort scan).
    pub fn object_numbers(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .entries
            .iter()
            .filter(|(_, e)| !matches!(e, Entry::Free))
            .map(|(n, _)| *n)
            .collect();
        v.sort_unstable();
        v
    }

    /// The largest object number in use, plus one.
    #[cfg_attr(not(feature = "pdf"), allow(dead_code))]
    pub fn next_number(&self) -> u32 {
        let declared = self
            .trailer
            .int(b"Size")
            .and_then(|s| u32::try_from(s).ok())
            .unwrap_or(0);
        let used = self.entries.keys().max().map_or(0, |m| m.saturating_add(1));
        declared.max(used)
    }

    /// Reads one cross-reference section (table + trailer, or stream) at
    /// `off`; entries already known (from newer sections) are kept.
    fn read_section(&mut self, off: usize) -> Result<(Dict, XrefKind)> {
        let mut lx = Lexer::new(self.data, off);
        if lx.keyword(b"xref") {
            loop {
                if lx.keyword(b"trailer") {
                    let trailer = match lx.object(0)? {
                        Obj::Dict(d) => d,
                        _ => return Err(damaged("trailer is not a dictionary")),
                    };
                    // A hybrid file's stream holds the objects in object streams.
                    if let Some(Obj::Int(x)) = trailer.get(b"XRefStm") {
                        if let Ok(x) = usize::try_from(*x) {
                            let _ = self.read_xref_stream(x.saturating_add(self.shift));
                        }
                    }
                    return Ok((trailer, XrefKind::Table));
                }
                let start = lx.uint().ok_or_else(|| damaged("bad xref subsection"))?;
                let count = lx.uint().ok_or_else(|| damaged("bad xref subsection"))?;
                for i in 0..count {
                    let offset = lx.uint().ok_or_else(|| damaged("bad xref entry"))?;
                    lx.uint().ok_or_else(|| damaged("bad xref entry"))?;
                    lx.skip_ws();
                    let kind = lx.token();
                    let num = start
                        .checked_add(i)
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| damaged("xref number out of range"))?;
                    let entry = match kind {
                        b"n" => match usize::try_from(offset) {
                            Ok(o) if o > 0 => Entry::Offset(o),
                            _ => Entry::Free,
                        },
                        b"f" => Entry::Free,
                        _ => return Err(damaged("bad xref entry type")),
                    };
                    self.add_entry(num, entry)?;
                }
            }
        }
        let trailer = self.read_xref_stream(off)?;
        Ok((trailer, XrefKind::Stream))
    }

    fn add_entry(&mut self, num: u32, entry: Entry) -> Result<()> {
        self.entries.entry(num).or_insert(entry);
        if self.entries.len() > MAX_OBJECTS {
            return Err(ReadError::Limit("objects"));
        }
        Ok(())
    }

    fn read_xref_stream(&mut self, off: usize) -> Result<Dict> {
        let Obj::Stream(dict, span) = self.stream_at(off, 0)? else {
            return Err(damaged(format!("no cross-reference at {off}")));
        };
        if !dict.is_type(b"XRef") {
            return Err(damaged("stream at startxref is not /Type /XRef"));
        }
        let data = self.stream_data(&dict, span, INFLATE_BUDGET)?;
        let widths: Vec<usize> = match dict.get(b"W") {
            Some(Obj::Array(w)) if w.len() == 3 => w
                .iter()
                .map(|x| match x {
                    Obj::Int(i) => usize::try_from(*i).ok().filter(|n| *n <= 8),
                    _ => None,
                })
                .collect::<Option<_>>()
                .ok_or_else(|| damaged("bad /W"))?,
            _ => return Err(damaged("bad /W")),
        };
        let row: usize = widths.iter().sum();
        if row == 0 {
            return Err(damaged("bad /W"));
        }
        let index: Vec<(u64, u64)> = match dict.get(b"Index") {
            Some(Obj::Array(a)) => a
                .chunks(2)
                .map(|p| match p {
                    [Obj::Int(s), Obj::Int(c)] => {
                        Some((u64::try_from(*s).ok()?, u64::try_from(*c).ok()?))
                    }
                    _ => None,
                })
                .collect::<Option<_>>()
                .ok_or_else(|| damaged("bad /Index"))?,
            _ => {
                let size = dict
                    .int(b"Size")
                    .and_then(|s| u64::try_from(s).ok())
                    .ok_or_else(|| damaged("xref stream without /Size"))?;
                vec![(0, size)]
            }
        };
        let mut rows = data.chunks_exact(row);
        'sections: for (start, count) in index {
            for i in 0..count {
                let Some(r) = rows.next() else {
                    break 'sections;
                };
                let (f1, rest) = r.split_at(widths[0]);
                let (f2, f3) = rest.split_at(widths[1]);
                let kind = if widths[0] == 0 { 1 } else { be(f1) };
                let num = start
                    .checked_add(i)
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| damaged("xref number out of range"))?;
                let entry = match kind {
                    0 => Entry::Free,
                    1 => match usize::try_from(be(f2)) {
                        Ok(o) if o > 0 => Entry::Offset(o),
                        _ => Entry::Free,
                    },
                    2 => match (u32::try_from(be(f2)), u32::try_from(be(f3))) {
                        (Ok(s), Ok(x)) => Entry::InStream(s, x),
                        _ => Entry::Free,
                    },
                    // Unknown types are null references (7.5.8.3).
                    _ => Entry::Free,
                };
                self.add_entry(num, entry)?;
            }
        }
        Ok(dict)
    }

    /// Parses the object at `off`, with its stream data located.
    fn stream_at(&mut self, off: usize, depth: usize) -> Result<Obj> {
        let ind = indirect_at(self.bounded(off), off)?;
        self.finish(ind, depth).map(|(_, o)| o)
    }

    fn finish(&mut self, ind: Indirect, depth: usize) -> Result<(u32, Obj)> {
        let Some(start) = ind.stream_start else {
            return Ok((ind.num, ind.obj));
        };
        let ind_end = self.bounded(start).len();
        let Obj::Dict(dict) = ind.obj else {
            return Err(damaged("stream without dictionary"));
        };
        let declared = match dict.get(b"Length") {
            Some(Obj::Int(n)) => usize::try_from(*n).ok(),
            Some(Obj::Ref(n, _)) if depth < 4 => match self.object_at_depth(*n, depth + 1) {
                Ok(Obj::Int(n)) => usize::try_from(n).ok(),
                _ => None,
            },
            _ => None,
        };
        let len = declared
            .filter(|len| self.stream_end_ok(start, *len))
            .or_else(|| self.endstream_search(start, ind_end))
            .ok_or_else(|| damaged("stream without end"))?;
        Ok((ind.num, Obj::Stream(dict, Span { start, len })))
    }

    /// Whether `endstream` follows `len` bytes of data from `start`.
    fn stream_end_ok(&self, start: usize, len: usize) -> bool {
        let Some(end) = start.checked_add(len) else {
            return false;
        };
        if end > self.data.len() {
            return false;
        }
        let mut lx = Lexer::new(self.data, end);
        lx.keyword(b"endstream")
    }

    /// The data length when `/Length` is wrong: up to the next `endstream`,
    /// without the end of line before it.
    fn endstream_search(&self, start: usize, end: usize) -> Option<usize> {
        let at = find(self.data.get(..end)?, b"endstream", start)?;
        let mut end = at;
        if end > start && self.data.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && self.data.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(end - start)
    }

    /// Object `num` (null when undefined, as the standard says).
    pub fn object(&mut self, num: u32) -> Result<Obj> {
        self.object_at_depth(num, 0)
    }

    fn object_at_depth(&mut self, num: u32, depth: usize) -> Result<Obj> {
        if depth > MAX_HOPS {
            return Err(ReadError::Limit("references"));
        }
        match self.entries.get(&num).copied() {
            None | Some(Entry::Free) => Ok(Obj::Null),
            Some(Entry::Offset(off)) => {
                let off = off.saturating_add(self.shift);
                let ind = indirect_at(self.bounded(off), off)?;
                if ind.num != num {
                    return Err(damaged(format!("object {num} is not at {off}")));
                }
                self.finish(ind, depth).map(|(_, o)| o)
            }
            Some(Entry::InStream(stm, index)) => {
                self.load_objstm(stm, depth + 1)?;
                let s = self
                    .objstms
                    .get(&stm)
                    .ok_or_else(|| damaged("object stream missing"))?;
                let off = usize::try_from(index)
                    .ok()
                    .and_then(|i| s.objects.get(i))
                    .filter(|(n, _)| *n == num)
                    .or_else(|| s.objects.iter().find(|(n, _)| *n == num))
                    .map(|(_, o)| *o)
                    .ok_or_else(|| damaged(format!("object {num} not in its object stream")))?;
                let i = s.starts.partition_point(|o| *o <= off);
                let end = s.starts.get(i).copied().unwrap_or(s.data.len());
                Lexer::new(s.data.get(..end).unwrap_or(&s.data), off).object(0)
            }
        }
    }

    fn load_objstm(&mut self, stm: u32, depth: usize) -> Result<()> {
        if self.objstms.contains_key(&stm) {
            return Ok(());
        }
        // An object stream is itself never in an object stream.
        let Some(Entry::Offset(off)) = self.entries.get(&stm).copied() else {
            return Err(damaged("object stream not found"));
        };
        let off = off.saturating_add(self.shift);
        let Obj::Stream(dict, span) = self.stream_at(off, depth)? else {
            return Err(damaged("object stream is not a stream"));
        };
        let n = dict
            .int(b"N")
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| damaged("object stream without /N"))?;
        let first = dict
            .int(b"First")
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| damaged("object stream without /First"))?;
        let data = self.stream_data(&dict, span, INFLATE_BUDGET)?;
        let header = data.get(..first).unwrap_or(&data);
        let mut lx = Lexer::new(header, 0);
        let mut objects = Vec::new();
        for _ in 0..n {
            let (Some(num), Some(rel)) = (lx.uint(), lx.uint()) else {
                break;
            };
            let (Ok(num), Some(at)) = (
                u32::try_from(num),
                usize::try_from(rel).ok().and_then(|r| r.checked_add(first)),
            ) else {
                break;
            };
            objects.push((num, at));
        }
        let mut starts: Vec<usize> = objects.iter().map(|(_, o)| *o).collect();
        starts.sort_unstable();
        starts.dedup();
        self.objstms.insert(
            stm,
            ObjStm {
                data,
                objects,
                starts,
            },
        );
        Ok(())
    }

    /// Follows references until a direct object.
    pub fn resolve(&mut self, obj: &Obj) -> Result<Obj> {
        let mut current = obj.clone();
        for _ in 0..MAX_HOPS {
            match current {
                Obj::Ref(n, _) => current = self.object(n)?,
                other => return Ok(other),
            }
        }
        Err(ReadError::Limit("references"))
    }

    /// A stream's decoded bytes, at most `limit` of them.
    pub fn stream_data(&mut self, dict: &Dict, span: Span, limit: usize) -> Result<Vec<u8>> {
        let raw = span
            .start
            .checked_add(span.len)
            .and_then(|end| self.data.get(span.start..end))
            .ok_or_else(|| damaged("stream outside the file"))?;
        let filters = match dict.get(b"Filter").map(|f| self.resolve(f)).transpose()? {
            None | Some(Obj::Null) => Vec::new(),
            Some(Obj::Name(n)) => vec![n],
            Some(Obj::Array(a)) => a
                .into_iter()
                .map(|f| match f {
                    Obj::Name(n) => Ok(n),
                    _ => Err(damaged("bad /Filter")),
                })
                .collect::<Result<_>>()?,
            Some(_) => return Err(damaged("bad /Filter")),
        };
        let parms: Vec<Option<Dict>> = match dict.get(b"DecodeParms") {
            Some(Obj::Dict(d)) => vec![Some(d.clone())],
            Some(Obj::Array(a)) => a.iter().map(|p| p.as_dict().cloned()).collect(),
            _ => Vec::new(),
        };
        let mut data = raw.to_vec();
        for (i, filter) in filters.iter().enumerate() {
            data = match filter.as_slice() {
                b"FlateDecode" | b"Fl" => {
                    let cap = limit.min(self.budget);
                    let out = inflate(&data, cap)?;
                    self.budget -= out.len().min(self.budget);
                    match parms.get(i).and_then(Option::as_ref) {
                        Some(p) => unpredict(out, p)?,
                        None => out,
                    }
                }
                b"ASCIIHexDecode" | b"AHx" => {
                    let mut with_end = data;
                    with_end.push(b'>');
                    Lexer::new(&with_end, 0).hex_string()?
                }
                other => {
                    return Err(ReadError::Unsupported(format!(
                        "filter {}",
                        String::from_utf8_lossy(other)
                    )))
                }
            };
        }
        if data.len() > limit {
            return Err(ReadError::Limit("stream size"));
        }
        Ok(data)
    }
}

fn prev_of(trailer: &Dict) -> Option<usize> {
    trailer.int(b"Prev").and_then(|p| usize::try_from(p).ok())
}

/// Big-endian unsigned value of up to 8 bytes.
fn be(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |acc, b| acc << 8 | u64::from(*b))
}

/// If `data[obj_at..]` is the `obj` of `num gen obj`, the number and where it starts.
fn object_header_before(data: &[u8], obj_at: usize) -> Option<(u32, usize)> {
    // White space runs longer than this are not an object header.
    const MAX_WS: usize = 64;
    let mut i = obj_at;
    let ws_end = i;
    while i > 0 && ws_end - i < MAX_WS && data.get(i - 1).is_some_and(|b| is_ws(*b)) {
        i -= 1;
    }
    if i == ws_end {
        return None;
    }
    let gen_end = i;
    while i > 0 && data.get(i - 1).is_some_and(u8::is_ascii_digit) {
        i -= 1;
    }
    if i == gen_end || gen_end - i > 5 {
        return None;
    }
    let ws_end = i;
    while i > 0 && ws_end - i < MAX_WS && data.get(i - 1).is_some_and(|b| is_ws(*b)) {
        i -= 1;
    }
    if i == ws_end {
        return None;
    }
    let num_end = i;
    while i > 0 && data.get(i - 1).is_some_and(u8::is_ascii_digit) {
        i -= 1;
    }
    if i == num_end || num_end - i > 10 {
        return None;
    }
    if i > 0 && data.get(i - 1).is_some_and(|b| is_regular(*b)) {
        return None;
    }
    let num = parse_uint(data.get(i..num_end)?)?;
    Some((u32::try_from(num).ok()?, i))
}

/// Inflates zlib (or raw deflate) data, keeping what was read before an error
/// (many writers leave a bad checksum); more than `limit` bytes is an error.
fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut out = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(data)
        .take(cap)
        .read_to_end(&mut out);
    if zlib.is_err() && out.is_empty() {
        let _ = flate2::read::DeflateDecoder::new(data)
            .take(cap)
            .read_to_end(&mut out);
        if out.is_empty() && !data.is_empty() {
            return Err(damaged("bad Flate data"));
        }
    }
    if out.len() > limit {
        return Err(ReadError::Limit("inflated size"));
    }
    Ok(out)
}

/// Undoes a PNG predictor (`/Predictor` 10-15); other predictors are not used
/// by the streams this reader needs.
fn unpredict(data: Vec<u8>, parms: &Dict) -> Result<Vec<u8>> {
    let predictor = parms.int(b"Predictor").unwrap_or(1);
    if predictor <= 1 {
        return Ok(data);
    }
    if predictor < 10 {
        return Err(ReadError::Unsupported(format!("predictor {predictor}")));
    }
    let field = |key: &[u8], default: i64| -> Result<usize> {
        usize::try_from(parms.int(key).unwrap_or(default))
            .ok()
            .filter(|v| (1..=1 << 20).contains(v))
            .ok_or_else(|| damaged("bad /DecodeParms"))
    };
    let colors = field(b"Colors", 1)?;
    let bits = field(b"BitsPerComponent", 8)?;
    let columns = field(b"Columns", 1)?;
    let bpp = (colors * bits).div_ceil(8).max(1);
    let width = (colors * bits * columns).div_ceil(8);
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; width];
    for chunk in data.chunks(width + 1) {
        let Some((&kind, row)) = chunk.split_first() else {
            break;
        };
        let mut cur = row.to_vec();
        cur.resize(width, 0);
        for i in 0..width {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            let add = match kind {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, up_left),
                _ => return Err(damaged("bad PNG predictor row")),
            };
            cur[i] = cur[i].wrapping_add(add);
        }
        out.extend_from_slice(&cur[..row.len().min(width)]);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// A PDF text string as Rust text: UTF-16BE with its byte order mark, UTF-8
/// with its mark (PDF 2.0), or PDFDocEncoding (read as Latin-1, enough for names).
pub(crate) fn text_of(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|b| char::from(*b)).collect()
}
