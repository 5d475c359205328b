//! Real published plans (`tests/fixtures/planes-reales/`) entered into the
//! app the way a person types them: every value the plan publishes that the
//! app has a field for goes through the page's input (`read(..).savable()`
//! where the page saves what is there, `parse` where it is strict), typed as
//! published ("Jul 2023", "20th December 2022", English titles). Nothing the
//! plan publishes may be refused. Each plan comes with the strings the review
//! page and the PDF must show for it, written out here (dates as "julio de
//! 2023"), not taken from the app's labels.

use plan_local_ga::domain::commitment::{
    AlignmentInput, CommitmentInput, ObjectivesInput, TeamMemberInput, ValuesInput,
};
use plan_local_ga::domain::contact::ContactInput;
use plan_local_ga::domain::coordination::{BodyInput, MemberInput};
use plan_local_ga::domain::key_action::{ActivityInput, KeyActionInput};
use plan_local_ga::domain::ogp::{CommitmentOgpInput, EventInput, PlanOgpInput, SessionInput};
use plan_local_ga::domain::{CommitmentId, ItemId, Plan, ProfileInput};
use serde_json::Value;

use super::c13;

/// One real plan: its fixture id, the plan as typed, and what must be shown.
pub struct RealPlan {
    pub id: &'static str,
    pub plan: Plan,
    pub expected: Vec<String>,
}

/// The plans built here, in a fixed order.
pub const IDS: [&str; 4] = [
    "quintana-roo-2023-2025",
    "nuevo-leon-coalicion-2022-2024",
    "mx0087-estrategia-subnacional-2019-2021",
    "estado-de-mexico-tlalnepantla-2021-2022",
];

pub fn all() -> Vec<RealPlan> {
    IDS.iter().map(|id| build(id)).collect()
}

pub fn fixture(id: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/planes-reales/{id}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
}

fn text(v: &Value) -> String {
    v.as_str().map(str::to_owned).unwrap_or_default()
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or_default()
}

const MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// A normalised fixture date ("2023-07", "2022-11-04", "2023") as the review
/// and the PDF write it ("julio de 2023", "04/11/2022", "2023").
pub fn shown(normalised: &str) -> String {
    let parts: Vec<&str> = normalised.split('-').collect();
    match parts.as_slice() {
        [y] => (*y).to_owned(),
        [y, m] => format!("{} de {y}", MONTHS[m.parse::<usize>().expect("month") - 1]),
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => panic!("a date this test does not know: {normalised}"),
    }
}

/// A published date (`tal_como_se_publico`, `normalizado`): what is typed
/// and what is shown. A date published with a remark beside it is typed as
/// its normalised form.
fn date(d: &Value) -> Option<(String, String)> {
    let published = d["tal_como_se_publico"].as_str()?;
    let normalised = text(&d["normalizado"]);
    let typed = if published.contains('(') {
        normalised.clone()
    } else {
        published.to_owned()
    };
    Some((typed, shown(&normalised)))
}

fn sector_key(s: &Value) -> &'static str {
    match s.as_str() {
        None => "",
        Some("gobierno") => "gobierno",
        Some("sociedad civil") => "sociedad-civil",
        Some("academia") => "academia",
        Some("sector privado") => "sector-privado",
        Some("organismo internacional") => "organismo-internacional",
        Some("ciudadanía") => "ciudadania",
        Some(other) => panic!("sector {other:?} is not in the app's list"),
    }
}

fn branch_key(b: &Value) -> &'static str {
    match b.as_str() {
        None => "",
        Some("ejecutivo") => "ejecutivo",
        Some("legislativo") => "legislativo",
        Some("judicial") => "judicial",
        Some("autónomo") => "autonomo",
        Some("municipal") => "municipal",
        Some(other) => panic!("branch {other:?} is not in the app's list"),
    }
}

/// The key of an OGP value as OGP's pages name it, in English or Spanish, and
/// the value of the ficha ("valores") closest to it.
fn ogp_value(name: &str) -> (&'static str, &'static str, &'static str) {
    match name {
        "Access to information" | "Acceso a la información" => (
            "acceso-informacion",
            "transparencia",
            "Acceso a la información",
        ),
        "Civic Participation" | "Participación cívica" => (
            "participacion-civica",
            "participacion",
            "Participación cívica",
        ),
        "Public Accountability" => (
            "rendicion-cuentas",
            "rendicion",
            "Rendición de cuentas pública",
        ),
        "Technology and Innovation for Transparency and Accountability" => (
            "tecnologia-innovacion",
            "tecnologia",
            "Tecnología e innovación para la transparencia y la rendición de cuentas",
        ),
        other => panic!("an OGP value this test does not know: {other}"),
    }
}

fn rating_key(v: &Value) -> String {
    match v["valor"].as_str() {
        Some("Yes" | "sí" | "si") => "si",
        Some("No" | "no") => "no",
        Some("Unclear") => "no-claro",
        Some("nuevo") => "nuevo",
        Some("continuo") => "continuo",
        Some(other) => panic!("a rating this test does not know: {other}"),
        None => "",
    }
    .to_owned()
}

fn completion_key(v: &Value) -> &'static str {
    match v["valor"].as_str() {
        None => "",
        Some("complete") => "completo",
        Some("substantial") => "sustancial",
        Some("limited") => "limitado",
        Some("not started") => "no-iniciado",
        Some(other) => panic!("a completion this test does not know: {other}"),
    }
}

/// Builds one plan by its fixture id.
pub fn build(id: &'static str) -> RealPlan {
    let f = fixture(id);
    let mut expected = Vec::new();
    let national = id.starts_with("mx0087");

    // Profile: who makes the plan, its name and period.
    let js = list(&f["jurisdicciones"]);
    let codes: Vec<String> = js
        .iter()
        .filter_map(|j| j["clave_inegi"].as_str())
        .map(str::to_owned)
        .collect();
    let names_es: Vec<&Value> = list(&f["plan"]["nombre"])
        .iter()
        .filter(|n| n["idioma"] == "es")
        .collect();
    let name_en = list(&f["plan"]["nombre"])
        .iter()
        .find(|n| n["idioma"] == "en")
        .map(|n| text(&n["texto"]))
        .unwrap_or_default();
    // A plan published only in English is named as published.
    let plan_name = names_es
        .first()
        .map(|n| text(&n["texto"]))
        .unwrap_or_else(|| name_en.clone());
    let dates = list(&f["periodo"]["fechas_publicadas"]);
    let published = |normalised: &str| -> (String, String) {
        // The plan's own dates, else a commitment's (Estado de México starts
        // with its earliest commitment).
        let commitments = list(&f["compromisos"])
            .iter()
            .flat_map(|c| [&c["periodo"]["inicio"], &c["periodo"]["fin"]]);
        let d = dates
            .iter()
            .chain(commitments)
            .find(|d| d["normalizado"] == normalised)
            .unwrap_or_else(|| panic!("{id}: no published date {normalised}"));
        date(d).expect("a date")
    };
    let (start, start_shown) = published(
        f["periodo"]["normalizado"]["inicio"]
            .as_str()
            .expect("start"),
    );
    let (end, end_shown) = published(f["periodo"]["normalizado"]["fin"].as_str().expect("end"));
    let mut profile = ProfileInput {
        plan_name: plan_name.clone(),
        start,
        end,
        ..ProfileInput::default()
    };
    match js.len() {
        _ if national => profile.kind = "federacion".into(),
        1 => {
            profile.kind = "estado".into();
            profile.state = codes[0].clone();
        }
        _ => {
            profile.kind = "coalicion".into();
            profile.members = codes.join(",");
            // The lead as published, or the state when no source names one.
            let lead = f["jurisdiccion_lider"]["valor"].as_str();
            profile.lead = js
                .iter()
                .find(|j| lead.map_or(j["tipo"] == "estado", |l| j["nombre"] == l))
                .and_then(|j| j["clave_inegi"].as_str())
                .expect("a lead")
                .to_owned();
        }
    }
    let profile = profile
        .parse()
        .unwrap_or_else(|e| panic!("{id}: the profile page refuses the plan: {e:?}"));
    let mut plan = Plan {
        profile: Some(profile),
        ..Plan::default()
    };
    expected.extend([plan_name.clone(), start_shown, end_shown]);
    for j in js {
        expected.push(text(&j["nombre"]));
    }

    // Forum: its name and its members (institution, person, position, sector, branch, role).
    let forum_name = text(&f["foro"]["nombre"]);
    if !forum_name.is_empty() {
        plan.coordination.body = Some(
            BodyInput {
                name: forum_name.clone(),
                ..BodyInput::default()
            }
            .read()
            .savable()
            .unwrap_or_else(|e| panic!("{id}: the forum's name is refused: {e:?}")),
        );
        expected.push(forum_name);
    }
    let members = match &f["foro"]["integrantes"] {
        Value::Array(a) => a.as_slice(),
        other => list(&other["miembros"]),
    };
    for (m, n) in members.iter().zip(1..) {
        let institution = m["institucion"]
            .as_str()
            .or_else(|| m["institucion_en"].as_str())
            .expect("an institution");
        let member = MemberInput {
            contact: ContactInput {
                institution: institution.into(),
                name: text(&m["persona"]),
                position: text(&m["cargo"]),
                sector: sector_key(&m["sector"]).into(),
                branch: branch_key(&m["poder"]).into(),
                ..ContactInput::default()
            },
            role: text(&m["rol"]),
        }
        .parse(ItemId(n))
        .unwrap_or_else(|e| panic!("{id}: forum member {institution} refused: {e:?}"));
        plan.coordination.members.push(member);
        expected.push(institution.to_owned());
        for k in ["persona", "cargo", "rol"] {
            if let Some(s) = m[k].as_str() {
                expected.push(s.to_owned());
            }
        }
    }

    // The plan's OGP record, its forum sessions and co-creation events.
    let p = &f["plan"];
    let institutions: Vec<String> = list(&p["instituciones_lideres"]["instituciones"])
        .iter()
        .map(|i| {
            let name = i["nombre_es"]
                .as_str()
                .or_else(|| i["nombre"].as_str())
                .or_else(|| i["nombre_en"].as_str())
                .expect("a name");
            match i["siglas"].as_str() {
                Some(s) if !name.contains(s) => format!("{name} ({s})"),
                _ => name.to_owned(),
            }
        })
        .collect();
    let evaluators: Vec<String> = list(&f["organo_de_monitoreo_local"]["evaluadores"])
        .iter()
        .map(|e| text(&e["persona"]))
        .collect();
    let program = match p["programa_ogp"].as_str() {
        Some("OGP Local") => "ogp-local",
        Some("nacional") => "nacional",
        other => panic!("{id}: a program this test does not know: {other:?}"),
    };
    // A second source whose years disagree with the plan's own dates (MX0087:
    // OGP's page says 2019-2022, the ficha 10/12/2019 to 31/08/2021), as the
    // plan's period "según otra fuente".
    let own_years = {
        let dates = list(&f["periodo"]["fechas_publicadas"]);
        let year = |campo: &str| {
            dates
                .iter()
                .find(|d| d["campo"] == campo)
                .and_then(|d| d["normalizado"].as_str())
                .map(|n| n[..4].to_owned())
        };
        year("inicio").zip(year("fin"))
    };
    let other = list(&f["periodo"]["fechas_publicadas"])
        .iter()
        .find_map(|d| {
            let (start, end) = d["normalizado"].as_str()?.split_once('/')?;
            let (own_start, own_end) = own_years.as_ref()?;
            (d["campo"] == "años en el título" && (start != own_start || end != own_end)).then(
                || {
                    let source = list(&f["fuentes"])
                        .iter()
                        .find(|s| s["id"] == d["fuente"])
                        .and_then(|s| s["titulo"].as_str())
                        .expect("the source of the date")
                        .to_owned();
                    (start.to_owned(), end.to_owned(), source)
                },
            )
        });
    if let Some((start, end, source)) = &other {
        expected.push(format!("{start} a {end} (fuente: {source})"));
    }
    let (other_start, other_end, other_source) = other.unwrap_or_default();
    let mut record = PlanOgpInput {
        program: program.into(),
        other_start,
        other_end,
        other_source,
        plan_number: p["numero_de_plan"]["valor"].to_string(),
        name_en: name_en.clone(),
        page_url: list(&f["fuentes"])
            .iter()
            .find_map(|s| s["url"].as_str())
            .unwrap_or_default()
            .to_owned(),
        strategic_vision: String::new(),
        lead_institutions: institutions.join("\n"),
        monitoring_name: text(&f["organo_de_monitoreo_local"]["nombre"]),
        evaluators: evaluators.join("\n"),
    }
    .parse(None)
    .unwrap_or_else(|e| panic!("{id}: the OGP page refuses the plan: {e:?}"));
    expected.push(name_en);
    expected.extend(institutions);
    expected.extend(evaluators);
    for (s, n) in list(&f["foro"]["sesiones"]).iter().zip(1..) {
        let (typed, shown) = date(&s["fecha"]).expect("a session date");
        let note = text(&s["evento"]);
        record.sessions.push(
            SessionInput {
                date: typed,
                minutes_url: text(&s["actas"]),
                note: note.clone(),
            }
            .parse(ItemId(n))
            .unwrap_or_else(|e| panic!("{id}: session {note} refused: {e:?}")),
        );
        expected.extend([shown, note]);
    }
    for (e, n) in list(&f["eventos_de_cocreacion"]).iter().zip(1..) {
        let name = text(&e["evento"]);
        let when = date(&e["fecha"]);
        let (from, to) = (date(&e["inicio"]), date(&e["fin"]));
        let typed =
            |d: &Option<(String, String)>| d.as_ref().map(|d| d.0.clone()).unwrap_or_default();
        record.events.push(
            EventInput {
                name: name.clone(),
                date: typed(&when.clone().or(from.clone())),
                end: typed(&to),
                source: String::new(),
            }
            .parse(ItemId(n))
            .unwrap_or_else(|err| panic!("{id}: event {name} refused: {err:?}")),
        );
        expected.push(name);
        expected.extend([when, from, to].into_iter().flatten().map(|d| d.1));
    }
    plan.ogp = Some(record);

    // Commitments: the general data page, values, the OGP record.
    let plan_period = plan.profile.as_ref().map(|p| p.period.clone());
    for (c, n) in list(&f["compromisos"]).iter().zip(1..) {
        let cid = CommitmentId(n);
        let titles = list(&c["titulo"]);
        let title_es = titles
            .iter()
            .find(|t| t["idioma"] == "es")
            .map(|t| text(&t["texto"]))
            .or_else(|| c["titulo_es"].as_str().map(str::to_owned));
        let title_en = titles
            .iter()
            .find(|t| t["idioma"] == "en")
            .map(|t| text(&t["texto"]))
            .unwrap_or_default();
        let name = title_es.clone().unwrap_or_else(|| title_en.clone());
        let start = date(&c["periodo"]["inicio"]);
        let end = date(&c["periodo"]["fin"]);
        let typed =
            |d: &Option<(String, String)>| d.as_ref().map(|d| d.0.clone()).unwrap_or_default();
        let mut commitment = CommitmentInput {
            name: name.clone(),
            start: typed(&start),
            end: typed(&end),
        }
        .read(cid, plan_period.as_ref(), None)
        .savable()
        .unwrap_or_else(|e| panic!("{id}: commitment {name} refused: {e:?}"));
        expected.push(name);
        expected.extend([start, end].into_iter().flatten().map(|d| d.1));

        let published_values: Vec<String> = list(&c["valores_ogp"]["valores_en"])
            .iter()
            .chain(list(&c["valores_ogp"]["valores"]))
            .map(text)
            .collect();
        let keys: Vec<_> = published_values.iter().map(|v| ogp_value(v)).collect();
        let mut ficha_values: Vec<&str> = keys.iter().map(|k| k.1).collect();
        ficha_values.dedup();
        if national {
            // The ficha's own values, with their reasons.
            commitment.values = ValuesInput {
                values: c13::VALUES.map(|v| v.0).join(","),
                participacion: c13::VALUES[0].2.into(),
                transparencia: c13::VALUES[1].2.into(),
                ..ValuesInput::default()
            }
            .read()
            .savable()
            .expect("the ficha's values");
            for (_, label, reason) in c13::VALUES {
                expected.extend([label.to_owned(), reason.to_owned()]);
            }
        } else if !ficha_values.is_empty() {
            commitment.values = ValuesInput {
                values: ficha_values.join(","),
                ..ValuesInput::default()
            }
            .read()
            .savable()
            .unwrap_or_else(|e| panic!("{id}: values refused: {e:?}"));
        }
        let i = &c["valoracion_inicial"];
        let ogp_id = text(&c["id_ogp"]);
        commitment.ogp = CommitmentOgpInput {
            ogp_id: ogp_id.clone(),
            title_es: title_es.clone().unwrap_or_default(),
            title_en: title_en.clone(),
            verifiable: rating_key(&i["verificable"]),
            relevant: rating_key(&i["relevante_a_valores_ogp"]),
            values: keys.iter().map(|k| k.0).collect::<Vec<_>>().join(","),
            potential: text(&i["potencial_de_resultados"]["valor"]),
            practice: rating_key(&i["nuevo_o_continuo"]),
            binding: rating_key(&i["vinculante"]),
            completion: completion_key(&c["cumplimiento"]).into(),
            ..CommitmentOgpInput::default()
        }
        .parse(None)
        .unwrap_or_else(|e| panic!("{id}: the OGP record of {ogp_id} refused: {e:?}"));
        if !ogp_id.is_empty() {
            expected.push(ogp_id);
        }
        expected.push(title_en);
        expected.extend(keys.iter().map(|k| k.2.to_owned()));
        if national {
            mx0087_ficha(&mut commitment, &plan.national_plan, &mut expected);
        }
        plan.upsert_commitment(commitment);
    }
    expected.retain(|s| !s.trim().is_empty());
    // Each string once, in the order first met.
    let mut seen = std::collections::HashSet::new();
    expected.retain(|s| seen.insert(s.clone()));
    RealPlan { id, plan, expected }
}

/// The rest of MX0087's ficha (tests/common/c13.rs transcribes it): team,
/// objectives, alignment, key actions with weights, indicators, means of
/// verification, dates and activities.
fn mx0087_ficha(
    c: &mut plan_local_ga::domain::Commitment,
    national_plan: &plan_local_ga::domain::NationalPlan,
    expected: &mut Vec<String>,
) {
    let team = |people: &[c13::Person], first: u32| {
        people
            .iter()
            .zip(first..)
            .map(|(p, n)| {
                TeamMemberInput {
                    contact: p.input(),
                    role: String::new(),
                }
                .parse(ItemId(n))
                .unwrap_or_else(|e| panic!("{}: refused: {e:?}", p.name))
            })
            .collect::<Vec<_>>()
    };
    c.responsible = team(&c13::RESPONSIBLE, 1);
    c.co_responsible = team(&c13::CO_RESPONSIBLE, 3);
    for p in c13::RESPONSIBLE.iter().chain(&c13::CO_RESPONSIBLE) {
        expected.extend([p.name, p.institution, p.email, p.phone].map(str::to_owned));
    }
    c.objectives = Some(
        ObjectivesInput {
            short_term: c13::SHORT.into(),
            medium_term: c13::MEDIUM.into(),
            problem_text: c13::PROBLEM.into(),
            how_it_helps: c13::HOW.into(),
            assumptions: c13::ASSUMPTIONS.into(),
            verification: c13::VERIFICATION.into(),
            other_actors: c13::OTHER_ACTORS.into(),
            summary: c13::SUMMARY.into(),
            additional_info: c13::ADDITIONAL.into(),
            ..ObjectivesInput::default()
        }
        .read(&[])
        .savable()
        .expect("the ficha's objectives"),
    );
    expected.extend([c13::SHORT, c13::MEDIUM, c13::ASSUMPTIONS, c13::SUMMARY].map(str::to_owned));
    c.alignment = AlignmentInput {
        sdg_targets: c13::SDG_TARGETS.join(","),
        pnd_axis: "otro".into(),
        pnd_axis_other: c13::PND_AXIS.into(),
        gender: c13::GENDER.into(),
        ..AlignmentInput::default()
    }
    .parse(national_plan, None)
    .expect("the ficha's alignment");
    expected.push(c13::PND_AXIS.to_owned());
    for (k, ka) in c13::KEY_ACTIONS.iter().enumerate() {
        let mut parsed = KeyActionInput {
            name: ka.name.into(),
            objective: ka.objective.into(),
            weight: ka.weight.to_string(),
            indicator: ka.indicator.into(),
            verification: ka.verification.into(),
            start: ka.start.into(),
            end: ka.end.into(),
            responsible: c13::KA_PERSON.input(),
            ..KeyActionInput::default()
        }
        .read(ItemId(k as u32 + 1), c.period.as_ref(), Vec::new())
        .savable()
        .unwrap_or_else(|e| panic!("key action {} refused: {e:?}", ka.name));
        expected.extend([
            ka.name.to_owned(),
            ka.objective.to_owned(),
            format!("{} %", ka.weight),
            ka.indicator.to_owned(),
            ka.verification.to_owned(),
            ka.start.to_owned(),
            ka.end.to_owned(),
        ]);
        for (a, (name, objective, verification)) in ka.activities.iter().enumerate() {
            parsed.activities.push(
                ActivityInput {
                    name: (*name).into(),
                    objective: (*objective).into(),
                    verification: (*verification).into(),
                    ..ActivityInput::default()
                }
                .read(ItemId(a as u32 + 1), parsed.period.as_ref())
                .savable()
                .unwrap_or_else(|e| panic!("activity {name} refused: {e:?}")),
            );
            expected.extend([*name, *objective, *verification].map(str::to_owned));
        }
        c.key_actions.push(parsed);
    }
}
