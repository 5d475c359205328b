//! Dates at the precision plans publish them: a year, a month or a day.
//!
//! The published dates come from the real plans in tests/fixtures/planes-reales
//! (`periodo.fechas_publicadas[].tal_como_se_publico` with their normalised form).
#![cfg(not(target_arch = "wasm32"))]

use plan_local_ga::domain::{format_date, parse_date, PartialDate, Period, Precision, Problem};
use proptest::prelude::*;
use time::macros::date;
use time::{Date, Month};

fn day(d: Date) -> PartialDate {
    PartialDate::Day(d)
}

#[test]
fn dates_are_read_at_the_precision_they_are_written() {
    let july = Ok(PartialDate::Month(2023, Month::July));
    for text in [
        "07/2023",
        "7/2023",
        "2023-07",
        "julio de 2023",
        "Julio 2023",
        "jul. 2023",
        "jul 2023",
        "July 2023",
        " julio, 2023 ",
    ] {
        assert_eq!(parse_date(text), july, "{text}");
    }
    for text in ["2021", " 2021 "] {
        assert_eq!(parse_date(text), Ok(PartialDate::Year(2021)), "{text}");
    }
    let last_of_july = Ok(day(date!(2023 - 07 - 31)));
    for text in [
        "31/07/2023",
        "2023-07-31",
        "31-07-2023",
        "31.07.2023",
        "31 de julio de 2023",
        "31 julio 2023",
        "July 31, 2023",
        "31 jul 2023",
    ] {
        assert_eq!(parse_date(text), last_of_july, "{text}");
    }
    assert_eq!(
        parse_date("1o. de septiembre de 2021"),
        Ok(day(date!(2021 - 09 - 01)))
    );
    assert_eq!(
        parse_date("1º de setiembre de 2021"),
        Ok(day(date!(2021 - 09 - 01)))
    );
    assert_eq!(
        parse_date("diciembre 2025"),
        Ok(PartialDate::Month(2025, Month::December))
    );
}

#[test]
fn what_is_not_a_date_is_refused_with_its_reason() {
    assert_eq!(parse_date(""), Err(Problem::Missing));
    assert_eq!(parse_date("   "), Err(Problem::Missing));
    for text in [
        "mañana",
        "julio",
        "2023 julio 5 6",
        "13/2023",
        "00/2023",
        "ju 2023",
        "julio de 23",
        "1899",
        "2201",
        "207",
        "32 de julio de 2023",
        "primer semestre de 2023",
    ] {
        assert_eq!(parse_date(text), Err(Problem::NotADate), "{text}");
    }
    assert_eq!(
        parse_date("31 de junio de 2023"),
        Err(Problem::ImpossibleDate)
    );
    assert_eq!(parse_date("29/02/2023"), Err(Problem::ImpossibleDate));
}

#[test]
fn dates_are_shown_at_their_precision_and_read_back() {
    assert_eq!(format_date(PartialDate::Year(2021)), "2021");
    assert_eq!(
        format_date(PartialDate::Month(2023, Month::July)),
        "julio de 2023"
    );
    assert_eq!(format_date(date!(2023 - 07 - 31)), "31/07/2023");
    // Stored at their precision, so a draft says what the plan said.
    let stored = |d: PartialDate| serde_json::to_value(d).expect("json");
    assert_eq!(stored(PartialDate::Year(2021)), "2021");
    assert_eq!(stored(PartialDate::Month(2023, Month::July)), "2023-07");
    assert_eq!(stored(day(date!(2023 - 07 - 31))), "2023-07-31");
    // A day stored before schema 5 (time's ISO form) reads as the same day.
    let old: PartialDate = serde_json::from_str("\"2025-12-10\"").expect("reads");
    assert_eq!(old, date!(2025 - 12 - 10));
    for bad in [
        "\"2023-7\"",
        "\"23\"",
        "\"2023-02-30\"",
        "\"julio de 2023\"",
        "5",
    ] {
        assert!(
            serde_json::from_str::<PartialDate>(bad).is_err(),
            "{bad} is not a stored date"
        );
    }
}

#[test]
fn a_period_contains_what_may_fall_within_it() {
    // Quintana Roo 2023-2025 as OGP publishes it: July 2023 to December 2025.
    let plan = Period::new(
        PartialDate::Month(2023, Month::July),
        PartialDate::Month(2025, Month::December),
    )
    .expect("a period");
    assert!(plan.contains_date(date!(2024 - 08 - 15)));
    assert!(plan.contains_date(date!(2023 - 07 - 01)));
    assert!(plan.contains_date(date!(2025 - 12 - 31)));
    assert!(!plan.contains_date(date!(2023 - 06 - 30)));
    assert!(!plan.contains_date(date!(2026 - 01 - 01)));
    assert!(plan.contains_date(PartialDate::Year(2023)));
    assert!(!plan.contains_date(PartialDate::Year(2022)));
    // A commitment given in years fits the plan given in months.
    let years = Period::new(PartialDate::Year(2023), PartialDate::Year(2025)).expect("years");
    assert!(plan.contains(&years));
    let late = Period::new(PartialDate::Year(2024), PartialDate::Year(2026)).expect("late");
    assert!(!plan.contains(&late));
    // One year is a period of its own ("2021 – 2021").
    assert!(Period::new(PartialDate::Year(2021), PartialDate::Year(2021)).is_some());
    // But one day is not, and an end before the start is refused.
    assert!(Period::new(date!(2021 - 01 - 01), date!(2021 - 01 - 01)).is_none());
    assert!(Period::new(PartialDate::Year(2022), PartialDate::Year(2021)).is_none());
    assert!(Period::new(
        PartialDate::Year(2023),
        PartialDate::Month(2023, Month::July)
    )
    .is_none());
    assert!(Period::new(
        PartialDate::Month(2023, Month::July),
        PartialDate::Year(2023)
    )
    .is_some());
}

#[test]
fn every_date_the_real_plans_publish_is_read_as_normalised() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/planes-reales");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let plan: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let published = plan["periodo"]["fechas_publicadas"]
            .as_array()
            .expect("fechas_publicadas");
        for d in published {
            let normal = d["normalizado"].as_str().expect("normalizado");
            // A span of years ("2016/2018") is two dates; each one is read.
            for one in normal.split('/') {
                let parsed = parse_date(one).unwrap_or_else(|e| panic!("{one}: {e:?}"));
                assert_eq!(parsed.iso(), one, "{}", path.display());
                let precision = match d["precision"].as_str() {
                    Some("año") => Precision::Year,
                    Some("mes") => Precision::Month,
                    Some("día") => Precision::Day,
                    other => panic!("precision {other:?}"),
                };
                assert_eq!(parsed.precision(), precision, "{one}");
                read += 1;
            }
        }
    }
    assert!(read >= 10, "only {read} dates read");
}

/// Every date the real plans publish, exactly as published ("Jul 2023",
/// "23rd February 2022", "al 31 de agosto de 2021", "2019-12-10"), reads as
/// the date the transcription normalised it to. Spans of years ("2021 –
/// 2022") are two fields in the app and are left to the test above; texts
/// that are not a date by themselves are listed.
#[test]
fn every_date_as_published_is_read() {
    fn walk(v: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(t), Some(n)) = (
                    m.get("tal_como_se_publico").and_then(|t| t.as_str()),
                    m.get("normalizado").and_then(|n| n.as_str()),
                ) {
                    out.push((t.to_owned(), n.to_owned()));
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/planes-reales");
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let v =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
            walk(&v, &mut pairs);
        }
    }
    let not_a_date_alone = |t: &str| t.starts_with("Joined") || t.contains('(');
    let mut read = 0;
    for (text, normal) in &pairs {
        if normal.contains('/') || not_a_date_alone(text) {
            continue;
        }
        let expected = PartialDate::from_iso(normal).expect("normalised");
        assert_eq!(parse_date(text), Ok(expected), "{text:?}");
        read += 1;
    }
    assert!(read >= 40, "only {read} published dates read");
}

fn any_date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (1900i32..=2200).prop_map(PartialDate::Year),
        (1900i32..=2200, 1u8..=12)
            .prop_map(|(y, m)| PartialDate::Month(y, Month::try_from(m).expect("month"))),
        (1900i32..=2200, 1u16..=365)
            .prop_map(|(y, d)| PartialDate::Day(Date::from_ordinal_date(y, d).expect("day"))),
    ]
}

proptest! {
    /// Shown, typed back and stored: the same date at the same precision.
    #[test]
    fn dates_round_trip_through_text_and_storage(d in any_date()) {
        prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
        prop_assert_eq!(parse_date(&d.iso()), Ok(d));
        let json = serde_json::to_string(&d).expect("json");
        prop_assert_eq!(serde_json::from_str::<PartialDate>(&json).expect("reads"), d);
    }

    /// Order follows the spans the dates name: by first day, then last day;
    /// a date within another's span sorts after its start.
    #[test]
    fn order_follows_the_spans(a in any_date(), b in any_date()) {
        prop_assert_eq!(a.cmp(&b), (a.first_day(), a.last_day()).cmp(&(b.first_day(), b.last_day())));
        prop_assert_eq!(a == b, a.cmp(&b).is_eq());
        prop_assert!(a.first_day() <= a.last_day());
        if a.within(b) {
            prop_assert!(b.first_day() <= a.first_day());
        }
    }

    /// A period contains a date exactly when some day of the date's span lies
    /// between the period's first and last days; for days this is plain
    /// containment.
    #[test]
    fn containment_is_overlap_with_the_period(s in any_date(), e in any_date(), d in any_date()) {
        if let Some(p) = Period::new(s, e) {
            let overlap = d.last_day() >= p.first_day() && d.first_day() <= p.last_day();
            prop_assert_eq!(p.contains_date(d), overlap);
            if let (Some(s), Some(e), Some(x)) = (s.as_day(), e.as_day(), d.as_day()) {
                prop_assert_eq!(p.contains_date(d), s <= x && x <= e);
            }
            // The period contains its own ends and itself.
            prop_assert!(p.contains_date(s) && p.contains_date(e) && p.contains(&p));
            prop_assert!(p.first_day() < p.last_day());
        }
    }
}
