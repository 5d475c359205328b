//! Native tests of the timeline's geometry (src/export/timeline.rs).
#![cfg(not(target_arch = "wasm32"))]

use plan_local_ga::domain::key_action::{Activity, Indicator, KeyAction, Weight};
use plan_local_ga::domain::{Commitment, CommitmentId, ItemId, Period, Plan};
use plan_local_ga::export::timeline::{
    shorten, tick_step, timeline, RowKind, CHART_WIDTH, LABEL_WIDTH, MAX_LABEL_CHARS,
};
use time::macros::date;
use time::Date;

fn period(start: Date, end: Date) -> Period {
    Period::new(start, end).expect("start before end")
}

fn key_action(id: u32, name: &str, start: Date, end: Date, activities: Vec<Activity>) -> KeyAction {
    KeyAction {
        id: ItemId(id),
        name: name.into(),
        objective: None,
        weight: Weight::new(50).ok(),
        indicator: Indicator {
            name: "Indicador".into(),
            kind: None,
            unit: None,
            baseline: None,
            target: None,
            frequency: None,
            unknown: Default::default(),
        },
        verification: "Acta".into(),
        period: Some(period(start, end)),
        responsible: None,
        progress: None,
        activities,
        unknown: Default::default(),
    }
}

fn activity(id: u32, name: &str, dates: Option<(Date, Date)>) -> Activity {
    Activity {
        id: ItemId(id),
        name: name.into(),
        objective: None,
        verification: None,
        period: dates.map(|(s, e)| period(s, e)),
        unknown: Default::default(),
    }
}

/// Two commitments: the first with two key actions (the first with one dated
/// and one undated activity), the second with one key action.
fn plan() -> Plan {
    let mut first = Commitment::new(
        CommitmentId(7),
        "Transparencia presupuestaria".into(),
        Some(period(date!(2026 - 01 - 02), date!(2026 - 12 - 31))),
    );
    first.key_actions = vec![
        key_action(
            1,
            "Publicar el presupuesto ciudadano",
            date!(2026 - 01 - 02),
            date!(2026 - 06 - 30),
            vec![
                activity(1, "Sin fechas", None),
                activity(
                    2,
                    "Taller con organizaciones",
                    Some((date!(2026 - 02 - 01), date!(2026 - 02 - 28))),
                ),
            ],
        ),
        key_action(
            2,
            "Informe",
            date!(2026 - 07 - 01),
            date!(2026 - 12 - 31),
            vec![],
        ),
    ];
    let mut second = Commitment::new(
        CommitmentId(3),
        "Participación".into(),
        Some(period(date!(2026 - 03 - 01), date!(2027 - 03 - 31))),
    );
    second.key_actions = vec![key_action(
        5,
        "Consejo ciudadano",
        date!(2026 - 03 - 01),
        date!(2027 - 03 - 31),
        vec![],
    )];
    Plan {
        commitments: vec![first, second],
        ..Plan::default()
    }
}

#[test]
fn nothing_to_draw_without_key_actions() {
    let mut p = plan();
    for c in &mut p.commitments {
        c.key_actions.clear();
    }
    assert_eq!(timeline(&p, None, date!(2026 - 05 - 01)), None);
    assert_eq!(
        timeline(&Plan::default(), None, date!(2026 - 05 - 01)),
        None
    );
}

#[test]
fn rows_are_numbered_by_position_and_skip_undated_activities() {
    let t = timeline(&plan(), None, date!(2030 - 01 - 01)).expect("rows");
    let numbers: Vec<&str> = t.rows.iter().map(|r| r.number.as_str()).collect();
    // The undated activity 1.1.1 has no row, but the dated one keeps its position (2).
    assert_eq!(numbers, ["1.1", "1.1.2", "1.2", "2.1"]);
    assert_eq!(t.key_actions(), 3);
    assert_eq!(t.activities(), 1);
    assert_eq!(t.rows[1].kind, RowKind::Activity);
    assert_eq!(t.rows[0].label, "1.1 Publicar el presupuesto ciudadano");
    // A separator goes above the second commitment's first row only.
    let separators: Vec<bool> = t.rows.iter().map(|r| r.starts_commitment).collect();
    assert_eq!(separators, [false, false, false, true]);
    // Rows stack down from the axis band, one row height apart.
    assert!(t.rows.windows(2).all(|w| w[1].y > w[0].y));
}

#[test]
fn activity_bars_are_thinner_than_key_action_bars() {
    let t = timeline(&plan(), None, date!(2030 - 01 - 01)).expect("rows");
    assert!(t.rows[1].bar_height < t.rows[0].bar_height);
    // Both are centred in their rows.
    for r in &t.rows {
        let middle = r.bar_y + r.bar_height / 2.0;
        assert!((middle - (r.y + 14.0)).abs() < 1e-9);
    }
}

#[test]
fn the_axis_runs_from_month_start_to_the_next_month_and_bars_fit_on_it() {
    let t = timeline(&plan(), None, date!(2030 - 01 - 01)).expect("rows");
    assert_eq!(t.first, date!(2026 - 01 - 02));
    assert_eq!(t.last, date!(2027 - 03 - 31));
    assert_eq!(t.axis_start, date!(2026 - 01 - 01));
    assert_eq!(t.axis_end, date!(2027 - 04 - 01));
    for r in &t.rows {
        assert!(r.bar_x >= LABEL_WIDTH, "{}", r.number);
        assert!(
            r.bar_x + r.bar_width <= LABEL_WIDTH + CHART_WIDTH + 1e-9,
            "{}",
            r.number
        );
    }
    // The last key action ends on the axis's last day: its bar reaches the end.
    let last = &t.rows[3];
    assert!((last.bar_x + last.bar_width - (LABEL_WIDTH + CHART_WIDTH)).abs() < 1e-9);
    // Later starts are further right.
    assert!(t.rows[2].bar_x > t.rows[1].bar_x);
    assert!(t.rows[1].bar_x > t.rows[0].bar_x);
}

#[test]
fn ticks_fall_on_month_starts_with_spanish_labels() {
    // 15 months: every two months (January, March, …).
    let t = timeline(&plan(), None, date!(2030 - 01 - 01)).expect("rows");
    assert_eq!(t.tick_step, 2);
    let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(
        labels,
        ["ene 2026", "mar", "may", "jul", "sep", "nov", "ene 2027", "mar"]
    );
    assert!(t.ticks.iter().all(|k| k.date.day() == 1));
    assert!((t.ticks[0].x - LABEL_WIDTH).abs() < 1e-9);
    assert!(t.ticks.windows(2).all(|w| w[1].x > w[0].x));
}

#[test]
fn the_tick_step_grows_with_the_span() {
    assert_eq!(tick_step(1), 1);
    assert_eq!(tick_step(8), 1);
    assert_eq!(tick_step(9), 2);
    assert_eq!(tick_step(16), 2);
    assert_eq!(tick_step(24), 3);
    assert_eq!(tick_step(48), 6);
    assert_eq!(tick_step(96), 12);
    assert_eq!(tick_step(120), 24);
}

#[test]
fn yearly_ticks_show_only_the_year() {
    let mut p = plan();
    p.commitments[1].key_actions[0].period =
        Some(period(date!(2026 - 03 - 01), date!(2031 - 12 - 31)));
    let t = timeline(&p, None, date!(2020 - 01 - 01)).expect("rows");
    assert_eq!(t.tick_step, 12);
    let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(labels, ["2026", "2027", "2028", "2029", "2030", "2031"]);
}

#[test]
fn today_gets_a_line_only_inside_the_axis() {
    let p = plan();
    let inside = timeline(&p, None, date!(2026 - 07 - 01)).expect("rows");
    let x = inside.today_x.expect("today is on the axis");
    // 2026-07-01 is where key action 1.2 starts.
    assert!((x - inside.rows[2].bar_x).abs() < 1e-9);
    assert!(
        inside.height > inside.rows_bottom + 10.0,
        "room for the label"
    );
    assert_eq!(
        timeline(&p, None, date!(2025 - 12 - 31))
            .expect("rows")
            .today_x,
        None
    );
    assert_eq!(
        timeline(&p, None, date!(2027 - 04 - 01))
            .expect("rows")
            .today_x,
        None
    );
}

#[test]
fn one_commitment_keeps_its_number_in_the_plan() {
    let t = timeline(&plan(), Some(CommitmentId(3)), date!(2030 - 01 - 01)).expect("rows");
    let numbers: Vec<&str> = t.rows.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(numbers, ["2.1"]);
    assert!(!t.rows[0].starts_commitment);
    assert_eq!(t.axis_start, date!(2026 - 03 - 01));
    assert_eq!(
        timeline(&plan(), Some(CommitmentId(99)), date!(2030 - 01 - 01)),
        None
    );
}

#[test]
fn long_names_are_shortened_to_fit_the_labels() {
    assert_eq!(shorten("  Corto ", 10), "Corto");
    assert_eq!(shorten("Publicar el presupuesto", 10), "Publicar…");
    assert_eq!(shorten("áéíóú ñandú", 6), "áéíóú…");
    let mut p = plan();
    p.commitments[0].key_actions[0].name =
        "Una acción clave con un nombre muy largo que no cabe".into();
    let t = timeline(&p, None, date!(2030 - 01 - 01)).expect("rows");
    assert!(t.rows[0].label.chars().count() <= MAX_LABEL_CHARS);
    assert!(t.rows[0].label.ends_with('…'));
    assert!(t.rows[0].label.starts_with("1.1 Una acción"));
    // The full name stays for the table.
    assert!(t.rows[0].name.ends_with("no cabe"));
}

#[test]
fn the_summary_counts_items_and_gives_the_dates() {
    let t = timeline(&plan(), None, date!(2030 - 01 - 01)).expect("rows");
    assert_eq!(
        t.summary(),
        "Cronograma de 3 acciones clave y 1 actividad, del 02/01/2026 al 31/03/2027. Las fechas están en la tabla que sigue."
    );
    let one = timeline(&plan(), Some(CommitmentId(3)), date!(2030 - 01 - 01)).expect("rows");
    assert!(one
        .summary()
        .starts_with("Cronograma de 1 acción clave, del 01/03/2026"));
}

/// The screen's style sheet caps the timeline picture at its natural width (a
/// class rule: the CSP forbids the inline style that did it before); the cap
/// is written in CSS, so it must follow the geometry's width.
#[test]
fn the_style_sheet_caps_the_picture_at_the_timeline_width() {
    let css = include_str!("../style/components.css");
    let width = plan_local_ga::export::timeline::LABEL_WIDTH
        + CHART_WIDTH
        + plan_local_ga::export::timeline::RIGHT_MARGIN;
    let rule = format!(".timeline__scroll > .timeline__svg {{ max-width: {width}px; }}");
    assert!(css.contains(&rule), "style/components.css lacks {rule:?}");
}
