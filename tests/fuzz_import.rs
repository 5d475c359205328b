//! Property ("fuzz") tests of everything that reads outside input: the draft
//! decoder and its migrations, the draft inside a PDF (our PDF reader), the
//! national list reader, the date parser.
//! Bounded for CI (1,000 cases each); run longer with e.g.
//! `PROPTEST_CASES=200000 cargo test --release --test fuzz_import`.
//! Properties: no panic, no hang, every rejection is a typed error, and
//! whatever is accepted round-trips.
#![cfg(not(target_arch = "wasm32"))]

use plan_local_ga::domain::national_list::parse_national_list;
use plan_local_ga::domain::{parse_date, PartialDate, Problem};
use plan_local_ga::messages;
use plan_local_ga::persistence::{decode, decode_file, encode, DecodeError, Envelope};
use proptest::prelude::*;
use std::sync::OnceLock;

fn cases() -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Every earlier version's fixture (never edited).
const FIXTURES: [&str; 3] = ["borrador-v1.json", "borrador-v2.json", "borrador-v3.json"];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// PDFs that carry the v4 fixture's draft: our own export (classic
/// cross-reference table, incremental update), and the same re-saved by qpdf
/// with object streams (cross-reference stream, compressed objects), a fixture.
fn pdfs() -> &'static [(Vec<u8>, Envelope); 2] {
    static PDFS: OnceLock<[(Vec<u8>, Envelope); 2]> = OnceLock::new();
    PDFS.get_or_init(|| {
        let env = decode(&fixture("borrador-v5.json")).expect("fixture");
        let ours = plan_local_ga::export::plan_pdf_with_draft(
            &env.plan,
            &encode(&env),
            time::macros::datetime!(2026-11-25 10:05 -6),
        )
        .expect("PDF renders");
        let resaved = std::fs::read(format!(
            "{}/tests/fixtures/borrador-v4-en-pdf-qpdf.pdf",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("PDF fixture");
        [(ours, env.clone()), (resaved, env)]
    })
}

/// Pieces of PDF syntax, to build PDF-looking input.
fn pdf_token() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            " ",
            "\n",
            "\r\n",
            "obj",
            "endobj",
            "<<",
            ">>",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "stream\n",
            "\nendstream",
            "xref\n",
            "trailer",
            "startxref\n",
            "%%EOF",
            "R",
            "/Type",
            "/Catalog",
            "/Names",
            "/EmbeddedFiles",
            "/Kids",
            "/EF",
            "/F",
            "/UF",
            "/Filespec",
            "/Root",
            "/Prev",
            "/Size",
            "/Length",
            "/Filter",
            "/FlateDecode",
            "/DecodeParms",
            "/Predictor 12",
            "/Columns 4",
            "/XRef",
            "/W",
            "/Index",
            "/ObjStm",
            "/N",
            "/First",
            "/XRefStm",
            "/Encrypt",
            "(borrador.json)",
            "0000000000 65535 f ",
            "0000000009 00000 n ",
            "\\",
            "#20",
            "%",
            "-",
            ".",
        ])
        .prop_map(str::to_owned),
        (0u32..40, 0u32..3).prop_map(|(n, g)| format!("{n} {g} R")),
        (0u32..40, 0u32..3).prop_map(|(n, g)| format!("{n} {g} obj")),
        (0u64..100_000).prop_map(|n| n.to_string()),
        prop::collection::vec(any::<u8>(), 0..8)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        ".{0,20}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Paths into a draft where a value can be replaced.
const PATHS: &[&[&str]] = &[
    &["schema_version"],
    &["saved_at"],
    &["revision"],
    &["plan"],
    &["plan", "profile"],
    &["plan", "profile", "period"],
    &["plan", "profile", "period", "start"],
    &["plan", "profile", "jurisdiction", "kind"],
    &["plan", "profile", "jurisdiction", "inegi_code"],
    &["plan", "commitments"],
    &["plan", "commitments", "0"],
    &["plan", "commitments", "0", "alignment"],
    &["plan", "commitments", "0", "alignment", "national"],
    &["plan", "national_plan"],
    &["plan", "readiness"],
    &["plan", "readiness", "0", "answers"],
    &["plan", "readiness", "0", "gate"],
    &["plan", "coordination"],
    &["plan", "commitments", "0", "key_actions"],
    &["plan", "profile", "term_end"],
    &["unsaved"],
    &["unsaved", "compromiso/1"],
];

fn replace_at(root: &mut serde_json::Value, path: &[&str], value: serde_json::Value) {
    let mut node = root;
    for (i, key) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let next = match node {
            serde_json::Value::Object(map) => {
                if last {
                    map.insert((*key).to_owned(), value);
                    return;
                }
                map.get_mut(*key)
            }
            serde_json::Value::Array(items) => match key.parse::<usize>() {
                Ok(idx) if idx < items.len() => {
                    if last {
                        items[idx] = value;
                        return;
                    }
                    items.get_mut(idx)
                }
                _ => None,
            },
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => return,
        }
    }
}

/// Text for a date field: any text, or three numbers of 1-5 digits with
/// separators (some of them real dates, some not on the calendar).
fn date_text() -> impl Strategy<Value = String> {
    let sep = prop::sample::select(vec!["/", "-", ".", " / ", "x", ""]);
    let number = prop_oneof!["[0-9]{1,2}", "[0-9]{4}", "[0-9]{3,5}"];
    prop_oneof![
        1 => ".{0,16}",
        1 => "[0-9/.\\- ]{0,12}",
        2 => (number.clone(), sep.clone(), number.clone(), sep, number.clone(), "[ ]{0,2}")
            .prop_map(|(a, s1, b, s2, c, pad)| format!("{pad}{a}{s1}{b}{s2}{c}{pad}")),
        1 => (number.clone(), prop::sample::select(vec!["/", "-", ".", " / ", "x", ""]), number.clone())
            .prop_map(|(a, s, b)| format!("{a}{s}{b}")),
        1 => "[0-9]{3,5}",
        1 => (1u32..=12, 1800i32..=2300, any::<bool>())
            .prop_map(|(m, y, iso)| if iso { format!("{y}-{m:02}") } else { format!("{m}/{y}") }),
        2 => (1u32..=31, 1u32..=12, 1900i32..=2200, any::<bool>(), any::<bool>())
            .prop_map(|(d, m, y, iso, pad)| match (iso, pad) {
                (true, _) => format!("{y}-{m:02}-{d:02}"),
                (false, true) => format!("{d:02}/{m:02}/{y}"),
                (false, false) => format!("{d}/{m}/{y}"),
            }),
    ]
}

/// "31/08/2021", "1/8/2021" or "2021-08-31" naming a day on the calendar
/// between 1900 and 2200 (checked with the `time` crate, not the parser);
/// or "08/2021", "2021-08" or "2021" in those years.
fn is_plain_date(text: &str) -> bool {
    let t = text.trim();
    let year_in_range = |y: &str| {
        y.len() == 4
            && y.bytes().all(|b| b.is_ascii_digit())
            && (1900..=2200).contains(&y.parse::<i32>().unwrap_or(0))
    };
    let month_ok = |m: &str| {
        !m.is_empty()
            && m.len() <= 2
            && m.bytes().all(|b| b.is_ascii_digit())
            && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
    };
    if year_in_range(t) {
        return true;
    }
    let halves: Vec<&str> = t.split(['/', '-']).collect();
    if let [a, b] = halves[..] {
        if (year_in_range(a) && month_ok(b) && b.len() == 2 && t.contains('-'))
            || (year_in_range(b) && month_ok(a) && t.contains('/'))
        {
            return true;
        }
    }
    let (y, m, d) = if let Some((y, rest)) = t.split_once('-').filter(|(y, _)| y.len() == 4) {
        match rest.split_once('-') {
            Some((m, d)) => (y, m, d),
            None => return false,
        }
    } else {
        let parts: Vec<&str> = t.split('/').collect();
        match parts[..] {
            [d, m, y] if y.len() == 4 => (y, m, d),
            _ => return false,
        }
    };
    let digits = |p: &str, max: usize| {
        !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
        return false;
    };
    (1900..=2200).contains(&y)
        && time::Month::try_from(m)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(y, m, d).ok())
            .is_some()
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn any_text_decodes_or_is_a_typed_error(text in ".{0,400}") {
        match decode(&text) {
            Ok(env) => prop_assert_eq!(decode(&encode(&env)), Ok(env)),
            Err(e) => prop_assert!(!messages::decode_error(&e).is_empty()),
        }
    }

    /// A draft cut short is a JSON object without its closing brace: refused
    /// as not JSON (or as empty), never read as something else; only a cut
    /// that keeps every character but trailing whitespace reads the whole draft.
    #[test]
    fn truncated_drafts_are_refused_typed_unless_whole(cut in 0usize..4000, which in 0usize..FIXTURES.len()) {
        let text = fixture(FIXTURES[which]);
        let whole = decode(&text).expect("fixture");
        let cut = cut % (text.len() + 1);
        let end = text.char_indices().map(|(i, _)| i).chain([text.len()]).take_while(|i| *i <= cut).last().unwrap_or(0);
        let part = &text[..end];
        match decode(part) {
            Ok(env) => {
                prop_assert_eq!(part.trim_end(), text.trim_end(), "a cut draft was read");
                prop_assert_eq!(env, whole);
            }
            Err(e) => {
                prop_assert_ne!(part.trim_end(), text.trim_end(), "the whole draft was refused");
                if part.trim().is_empty() {
                    prop_assert_eq!(&e, &DecodeError::Empty);
                } else {
                    prop_assert!(matches!(e, DecodeError::NotJson { .. }), "{:?}", e);
                }
                prop_assert!(!messages::decode_error(&e).is_empty());
            }
        }
    }

    /// One byte changed anywhere, including bytes that make the file invalid
    /// UTF-8 (read as the browser reads a file: `decode_file`): the draft is
    /// read whole (and round-trips) or refused with a typed error; an "edit"
    /// that writes the same byte reads the fixture's draft.
    #[test]
    fn byte_edits_decode_whole_or_are_refused_typed(pos in 0usize..3000, byte in any::<u8>(), which in 0usize..FIXTURES.len()) {
        let original = fixture(FIXTURES[which]);
        let mut bytes = original.clone().into_bytes();
        let i = pos % bytes.len();
        let same = bytes[i] == byte;
        bytes[i] = byte;
        match decode_file(&bytes) {
            Ok(env) => {
                if same {
                    prop_assert_eq!(&env, &decode(&original).expect("fixture"));
                }
                prop_assert_eq!(decode(&encode(&env)), Ok(env));
            }
            Err(e) => {
                prop_assert!(!same, "the unchanged fixture was refused: {:?}", e);
                prop_assert!(!messages::decode_error(&e).is_empty());
            }
        }
    }

    #[test]
    fn any_value_anywhere_in_a_draft_is_accepted_whole_or_refused_typed(
        path in 0usize..PATHS.len(),
        value in json_value(),
        which in 0usize..FIXTURES.len(),
    ) {
        let mut draft: serde_json::Value = serde_json::from_str(&fixture(FIXTURES[which])).expect("fixture");
        replace_at(&mut draft, PATHS[path], value);
        match decode(&draft.to_string()) {
            Ok(env) => prop_assert_eq!(decode(&encode(&env)), Ok(env)),
            Err(e) => prop_assert!(!messages::decode_error(&e).is_empty()),
        }
    }

    #[test]
    fn cut_pdfs_open_whole_or_are_refused_typed(cut in 0usize..16_000, which in 0usize..2) {
        let (pdf, env) = &pdfs()[which];
        let cut = cut % (pdf.len() + 1);
        match decode_file(&pdf[..cut]) {
            // A cut that keeps the attachment still gives the very same draft.
            Ok(got) => prop_assert!(&got == env),
            Err(e) => prop_assert!(!messages::decode_error(&e).is_empty()),
        }
    }

    #[test]
    fn byte_edits_in_pdfs_never_panic(
        edits in prop::collection::vec((0usize..16_000, any::<u8>()), 1..4),
        which in 0usize..2,
    ) {
        let (pdf, _) = &pdfs()[which];
        let mut bytes = pdf.clone();
        for (pos, byte) in edits {
            let i = pos % bytes.len();
            bytes[i] = byte;
        }
        match decode_file(&bytes) {
            Ok(env) => prop_assert_eq!(decode(&encode(&env)), Ok(env)),
            Err(e) => prop_assert!(!messages::decode_error(&e).is_empty()),
        }
    }

    #[test]
    fn pdf_looking_input_never_panics(tokens in prop::collection::vec(pdf_token(), 0..300)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        for t in &tokens {
            bytes.extend_from_slice(t.as_bytes());
            bytes.push(b' ');
        }
        if let Err(e) = decode_file(&bytes) {
            prop_assert!(!messages::decode_error(&e).is_empty());
        }
    }

    #[test]
    fn pdf_sections_spliced_into_our_pdf_never_panic(
        at in 0usize..16_000,
        tokens in prop::collection::vec(pdf_token(), 1..40),
        which in 0usize..2,
    ) {
        let (pdf, _) = &pdfs()[which];
        let at = at % pdf.len();
        let mut bytes = pdf[..at].to_vec();
        for t in &tokens {
            bytes.extend_from_slice(t.as_bytes());
        }
        bytes.extend_from_slice(&pdf[at..]);
        if let Err(e) = decode_file(&bytes) {
            prop_assert!(!messages::decode_error(&e).is_empty());
        }
    }

    #[test]
    fn national_list_reader_never_panics(text in "[a-zA-Z0-9áéñ,;\"\n\r {}\\[\\]:]{0,300}") {
        if let Ok(list) = parse_national_list(&text, "archivo") {
            prop_assert!(!list.commitments.is_empty());
            let mut ids: Vec<&str> = list.commitments.iter().map(|c| c.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), list.commitments.len(), "ids unique");
        }
    }

    /// Any text in a date field: blank is "missing"; a date is read from
    /// numbers only in the shapes people type (day/month/year or
    /// year-month-day for a day, month/year or year-month for a month, four
    /// digits for a year), and it is the date those numbers name; a
    /// well-formed day that does not exist is "impossible"; anything else is
    /// "not a date". (Month names are covered in tests/dates.rs.)
    #[test]
    fn dates_parse_or_refuse(text in date_text()) {
        let numbers: Vec<&str> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .collect();
        let only_separators = text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "/-.".contains(c));
        match parse_date(&text) {
            Ok(date) => {
                prop_assert!(only_separators, "{:?} read as {}", text, date);
                let n: Vec<u32> = numbers.iter().map(|p| p.parse().expect("digits")).collect();
                let y = u32::try_from(date.year()).expect("positive year");
                match date {
                    PartialDate::Day(day) => {
                        prop_assert_eq!(numbers.len(), 3);
                        let (d, m) = (u32::from(day.day()), u32::from(u8::from(day.month())));
                        prop_assert!(
                            (numbers[2].len() == 4 && n == [d, m, y]) || (numbers[0].len() == 4 && n == [y, m, d]),
                            "{:?} read as {}", text, date
                        );
                    }
                    PartialDate::Month(_, month) => {
                        prop_assert_eq!(numbers.len(), 2);
                        let m = u32::from(u8::from(month));
                        prop_assert!(
                            (numbers[1].len() == 4 && n == [m, y]) || (numbers[0].len() == 4 && n == [y, m]),
                            "{:?} read as {}", text, date
                        );
                    }
                    PartialDate::Year(_) => {
                        prop_assert_eq!(numbers.len(), 1);
                        prop_assert!(numbers[0].len() == 4 && n == [y], "{:?} read as {}", text, date);
                    }
                }
                prop_assert_eq!(parse_date(&plan_local_ga::domain::format_date(date)), Ok(date));
            }
            Err(Problem::Missing) => prop_assert!(text.trim().is_empty()),
            Err(Problem::ImpossibleDate) => {
                // Well formed and in range, but not on the calendar (31/02).
                prop_assert!(only_separators && numbers.len() == 3);
                let n: Vec<u32> = numbers.iter().map(|p| p.parse().expect("digits")).collect();
                let (d, m) = if numbers[0].len() == 4 { (n[2], n[1]) } else { (n[0], n[1]) };
                prop_assert!((1..=12).contains(&m) && (29..=31).contains(&d), "{:?}", text);
            }
            Err(Problem::NotADate) => {
                prop_assert!(!text.trim().is_empty());
                // A date in a shape people type is never refused as "not a date".
                prop_assert!(!is_plain_date(&text), "{:?} refused", text);
            }
            Err(other) => prop_assert!(false, "{:?} gives {:?}", text, other),
        }
    }

    #[test]
    fn valid_dates_round_trip(y in 1900i32..2200, m in 1u8..=12, d in 1u8..=28) {
        let typed = format!("{d}/{m}/{y}");
        let date = parse_date(&typed).expect("valid date");
        prop_assert_eq!(parse_date(&plan_local_ga::domain::format_date(date)), Ok(date));
    }
}
