//! Writes many varied local plans for the «Articulación nacional» browser
//! bench (tests/bench/articulation.mjs), each file as «Descargar borrador
//! (JSON)» writes it (the crate's own envelope and encoder):
//! `cargo run --example many_plans -- OUT_DIR N [N…]` writes
//! `OUT_DIR/N/plan-0001.json` … for each N.
//!
//! The plans are deterministic (one seed): states and municipalities of the
//! app's catalogue with their INEGI codes (no jurisdiction twice up to the
//! catalogue's size, so no plan is a duplicate of another), some coalitions
//! of municipalities of one state, state and municipal levels mixed,
//! periods of one to three years from 2024 to 2027, 1-15 commitments each.
//! Every commitment replicates or complements a commitment of the app's
//! national list (the 4th plan), with one to three SDG targets, one or two
//! OGP values with reasons, a PND axis, a policy area, a gender perspective
//! in about half, two to four key actions with weights; about a third of the
//! plans carry one to three progress reports. The first N plans of every
//! size are the same plans, so 50 ⊂ 500 ⊂ 2,500.

use plan_local_ga::catalog::{self, PndEdition};
use plan_local_ga::domain::alignment::{NationalLink, NationalPlan, Relation};
use plan_local_ga::domain::classification::Classification;
use plan_local_ga::domain::commitment::{
    pnd_axis_label, ObjectivesInput, OgpValue, TeamMemberInput, ValuesInput,
};
use plan_local_ga::domain::contact::ContactInput;
use plan_local_ga::domain::implementation::{ItemReport, Round, Status};
use plan_local_ga::domain::key_action::KeyActionInput;
use plan_local_ga::domain::{CommitmentInput, ItemId, Plan, ProfileInput, Unknown};
use plan_local_ga::persistence::{encode, Envelope};
use time::macros::datetime;
use time::{Date, Month};

/// SplitMix64: a small deterministic generator (no crate needed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.range(0, xs.len() - 1)]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.range(1, 100) <= percent
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.range(0, i);
            xs.swap(i, j);
        }
    }
}

const TOPICS: &[&str] = &[
    "presupuesto participativo con seguimiento ciudadano",
    "datos abiertos de obra pública por colonia",
    "contrataciones abiertas del municipio",
    "mecanismos de participación de mujeres y juventudes",
    "transparencia de trámites y servicios",
    "rendición de cuentas de programas sociales",
    "agua potable: información y vigilancia ciudadana",
    "movilidad segura con datos abiertos",
    "protección de personas defensoras y periodistas",
    "gestión de residuos con participación vecinal",
    "salud comunitaria con información pública",
    "accesibilidad de la información para personas con discapacidad",
];

const REASON: &str = "La ciudadanía podrá consultar la información y dar seguimiento a los avances, con reuniones públicas cada trimestre y un tablero de datos abiertos.";

fn contact(name: &str, institution: &str) -> ContactInput {
    ContactInput {
        name: name.into(),
        position: "Titular de la unidad de gobierno abierto".into(),
        institution: institution.into(),
        email: "gobierno.abierto@ejemplo.gob.mx".into(),
        phone: "55 1234 5678".into(),
        ..ContactInput::default()
    }
}

fn dmy(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), u8::from(d.month()), d.year())
}

/// One jurisdiction: a state's or a municipality's INEGI code.
fn profile_input(code: &str, coalition: &[&str], start: Date, end: Date) -> ProfileInput {
    let name_of = |c: &str| {
        if c.len() == 2 {
            catalog::state(c).expect("a state").name.to_owned()
        } else {
            catalog::municipality(c)
                .expect("a municipality")
                .name
                .to_owned()
        }
    };
    let years = format!("{}-{}", start.year(), end.year());
    let mut input = ProfileInput {
        start: dmy(start),
        end: dmy(end),
        ..ProfileInput::default()
    };
    if coalition.len() > 1 {
        let names: Vec<String> = coalition.iter().map(|c| name_of(c)).collect();
        input.kind = "coalicion".into();
        input.members = coalition.join(",");
        input.lead = coalition[0].to_owned();
        input.plan_name = format!(
            "Plan de Acción Local de Gobierno Abierto de {} {years}",
            names.join(", ")
        );
    } else if code.len() == 2 {
        input.kind = "estado".into();
        input.state = code.to_owned();
        input.plan_name = format!(
            "Plan de Acción Local de Gobierno Abierto del Estado de {} {years}",
            name_of(code)
        );
    } else {
        input.kind = if &code[..2] == catalog::CDMX {
            "alcaldia"
        } else {
            "municipio"
        }
        .into();
        input.state = code[..2].to_owned();
        input.municipality = code.to_owned();
        let state = catalog::state(&code[..2]).expect("a state").name;
        input.plan_name = format!(
            "Plan de Acción Local de Gobierno Abierto de {}, {state} {years}",
            name_of(code)
        );
    }
    input
}

fn plan(rng: &mut Rng, number: usize, code: &str) -> Plan {
    let start_year = rng.range(2024, 2027) as i32;
    let start = Date::from_calendar_date(
        start_year,
        Month::try_from(rng.range(1, 12) as u8).expect("month"),
        1,
    )
    .expect("date");
    let years = rng.range(1, 3) as i32;
    let end = Date::from_calendar_date(start_year + years, start.month(), 1)
        .expect("date")
        .previous_day()
        .expect("date");
    // About one plan in twenty: a coalition of municipalities of one state.
    let mut coalition: Vec<&str> = Vec::new();
    if code.len() == 5 && rng.chance(5) {
        let others = catalog::municipalities_of(&code[..2]);
        coalition.push(code);
        for _ in 0..rng.range(1, 2) {
            let other = rng.pick(others).code;
            if !coalition.contains(&other) {
                coalition.push(other);
            }
        }
    }
    let mut profile = profile_input(code, &coalition, start, end);
    if number > catalog::STATES.len() + catalog::MUNICIPALITIES.len() {
        // Beyond the catalogue: a second plan of the same place, another name.
        profile.plan_name = format!("{} ({number})", profile.plan_name);
    }
    let profile = profile.parse().expect("a valid profile");
    let institution = format!(
        "Gobierno de {}",
        profile.plan_name.split(" de ").last().unwrap_or("")
    );
    let national = NationalPlan::fourth_plan();
    let mut p = Plan {
        profile: Some(profile),
        national_plan: national.clone(),
        ..Plan::default()
    };
    let pnd: Vec<_> = catalog::pnd_axes(PndEdition::Pnd2025).collect();
    for i in 0..rng.range(1, 15) {
        let id = p.next_commitment_id();
        let topic = rng.pick(TOPICS);
        let mut c = CommitmentInput {
            name: format!("Compromiso {}: {topic}", i + 1),
            start: dmy(start),
            end: dmy(end),
        }
        .parse(id, None, None)
        .expect("a valid commitment");
        let entry = rng.pick(&national.commitments);
        let relation = if rng.chance(55) {
            Relation::Replica
        } else {
            Relation::Complementa
        };
        c.alignment.national =
            Some(NationalLink::new(relation, Some(entry.id.clone())).expect("a valid link"));
        let mut targets: Vec<String> = Vec::new();
        for _ in 0..rng.range(1, 3) {
            let t = rng.pick(&catalog::SDG_TARGETS).code.to_owned();
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
        c.alignment.sdg_targets = targets;
        let axis: &&catalog::PndAxis = rng.pick(&pnd);
        c.alignment.pnd_axis = Some(pnd_axis_label(axis));
        c.alignment.local_axis = Some(format!("Eje {}. Gobierno abierto", rng.range(1, 6)));
        if rng.chance(50) {
            c.alignment.gender = Some(
                "Las reuniones se hacen en horarios que permiten asistir a personas cuidadoras, y los datos se desagregan por sexo.".into(),
            );
        }
        // One core value (OGP's rule), perhaps a second value.
        let mut keys: Vec<&str> = vec![*rng.pick(&["transparencia", "participacion", "rendicion"])];
        for _ in 0..rng.range(0, 1) {
            let k = *rng.pick(&[
                "transparencia",
                "participacion",
                "rendicion",
                "tecnologia",
                "inclusion",
            ]);
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        c.values = ValuesInput {
            values: keys.join(","),
            transparencia: REASON.into(),
            participacion: REASON.into(),
            rendicion: REASON.into(),
            tecnologia: REASON.into(),
            inclusion: REASON.into(),
        }
        .parse()
        .expect("valid values");
        debug_assert!(c.values.iter().all(|v| OgpValue::ALL.contains(&v.value)));
        c.classification = Some(Classification {
            policy_area: Some((*rng.pick(&catalog::OGP_POLICY_AREAS)).to_owned()),
            ..Classification::default()
        });
        c.objectives = Some(
            ObjectivesInput {
                short_term: format!("Poner en marcha {topic} en el primer año del plan."),
                medium_term: "Que la práctica quede en la normativa local y continúe después del cambio de administración.".into(),
                problem_text: "La información pública está dispersa y la ciudadanía no participa en las decisiones que la afectan.".into(),
                how_it_helps: REASON.into(),
                verification: "Minutas y datos publicados en el portal de gobierno abierto.".into(),
                ..Default::default()
            }
            .parse(&[])
            .expect("valid objectives"),
        );
        c.responsible = vec![TeamMemberInput {
            contact: contact("Ana María Torres Gómez", &institution),
            role: "coordina".into(),
        }
        .parse(ItemId(1))
        .expect("a team member")];
        let weights: &[&str] = match rng.range(2, 4) {
            2 => &["60", "40"],
            3 => &["40", "30", "30"],
            _ => &["25", "25", "25", "25"],
        };
        for (k, w) in weights.iter().enumerate() {
            let ka = KeyActionInput {
                name: format!(
                    "Acción clave {}: mesas de trabajo y publicación de resultados",
                    k + 1
                ),
                objective: "Acordar con la sociedad civil las prioridades y publicar los acuerdos."
                    .into(),
                weight: (*w).into(),
                indicator: "Minutas publicadas".into(),
                indicator_kind: "documental".into(),
                unit: "documento".into(),
                baseline: "0".into(),
                target: "4".into(),
                frequency: "trimestral".into(),
                verification: "Minutas en el portal de gobierno abierto".into(),
                start: dmy(start),
                end: dmy(end),
                responsible: contact("Luis Alberto Ramírez Soto", &institution),
                progress: String::new(),
            }
            .parse(ItemId(k as u32 + 1), c.period.clone(), Vec::new())
            .expect("a valid key action");
            c.key_actions.push(ka);
        }
        p.upsert_commitment(c);
    }
    // About a third: one to three progress reports.
    if rng.chance(33) {
        let items = p.progress_items();
        let rounds = rng.range(1, 3);
        for r in 0..rounds {
            let cutoff = start
                .checked_add(time::Duration::days(120 * (r as i64 + 1)))
                .expect("date");
            let reports = items
                .iter()
                .map(|item| {
                    let mut report =
                        ItemReport::new(item.commitment, item.key_action, item.activity);
                    let percent = (rng.range(0, 40) + 30 * r).min(100) as u8;
                    report.percent = Some(percent);
                    report.status = Some(match percent {
                        0 => Status::NoIniciado,
                        1..=49 => Status::Limitado,
                        50..=99 => Status::Sustancial,
                        _ => Status::Completo,
                    });
                    report.evidence =
                        vec!["https://gobiernoabierto.ejemplo.gob.mx/evidencia.pdf".into()];
                    report
                })
                .collect();
            p.implementation.upsert_round(Round {
                id: ItemId(r as u32 + 1),
                name: format!("Informe {}", r + 1),
                cutoff,
                reporter: Some("Secretariado Técnico Local".into()),
                reports,
                unknown: Unknown::new(),
            });
        }
    }
    p
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| ".".to_owned()));
    let sizes: Vec<usize> = args.filter_map(|n| n.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![500] } else { sizes };
    let most = sizes.iter().copied().max().unwrap_or(0);
    let at = datetime!(2026-12-06 10:00 -06:00);

    // Every state and municipality once, in a seeded order.
    let mut rng = Rng(20_2026);
    let mut places: Vec<&str> = catalog::STATES
        .iter()
        .map(|s| s.code)
        .chain(catalog::MUNICIPALITIES.iter().map(|m| m.code))
        .collect();
    rng.shuffle(&mut places);
    let files: Vec<(String, String)> = (0..most)
        .map(|i| {
            let code = places[i % places.len()];
            let p = plan(&mut rng, i + 1, code);
            let text = encode(&Envelope::new(p, Default::default(), at, 1));
            (format!("plan-{:04}.json", i + 1), text)
        })
        .collect();
    for n in sizes {
        let dir = out.join(n.to_string());
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("output directory");
        let mut bytes = 0;
        for (name, text) in &files[..n] {
            std::fs::write(dir.join(name), text).expect("write plan");
            bytes += text.len();
        }
        println!(
            "{n} plans written to {} ({:.1} MB, {:.1} KB a plan on average)",
            dir.display(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e3 / n as f64
        );
    }
}
