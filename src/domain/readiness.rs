//! Readiness self-assessment ("Diagnóstico de condiciones de apertura"): the
//! instrument, its scoring, the OGP Local eligibility gate, and the recommended
//! route. Pure. The questions were written for this app from the five themes of
//! the national commitment's diagnostic study (README, "Diagnóstico").
//!
//! Scoring rule: each answer scores its level × 100 / 3 (No existe 0, Inicial 33,
//! Intermedio 67, Avanzado 100). "No sé" and unanswered questions score 0 and are
//! counted apart, because what the team cannot vouch for cannot be relied on yet.
//! A theme's score is the mean of its questions; the overall score is the mean of
//! the five themes (equal weight); both are rounded to whole points. Levels:
//! 0-24 Inicial, 25-49 Intermedio, 50-74 Avanzado, 75-100 Innovador.

use std::collections::BTreeMap;

use time::Date;

use super::methodology::Step;

/// One question: the text, a hint, what each level means, and what to do when
/// the answer is low.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable id, used in stored answers and as the form field's id ("p1-2").
    pub id: &'static str,
    pub text: &'static str,
    /// No existe, Inicial, Intermedio, Avanzado: described so two people answer alike.
    pub levels: [&'static str; 4],
    /// The recommendation when the answer is No existe, Inicial or No sé.
    pub advice: &'static str,
    pub step: Step,
}

/// One of the five themes of the diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub number: u8,
    pub title: &'static str,
    pub short: &'static str,
    pub questions: &'static [Question],
}

/// The level names shown next to answers.
pub const LEVEL_NAMES: [&str; 4] = ["No existe", "Inicial", "Intermedio", "Avanzado"];

/// The instrument: five themes, three questions each.
pub static THEMES: [Theme; 5] = [
    Theme {
        number: 1,
        title: "Espacios de coordinación entre autoridades y ciudadanía",
        short: "Coordinación",
        questions: &[
            Question {
                id: "p1-1",
                text: "¿Existe un espacio donde autoridades y sociedad civil deciden juntas sobre gobierno abierto (por ejemplo, un Secretariado Técnico Local)?",
                levels: [
                    "No existe ningún espacio así.",
                    "Hay reuniones ocasionales, sin reglas escritas ni integrantes fijos.",
                    "Hay un espacio instalado con integrantes de gobierno y de sociedad civil, pero sin reglas públicas.",
                    "Hay un espacio instalado, con acta de instalación y reglas de operación publicadas.",
                ],
                advice: "Instale un espacio de coordinación con autoridades y sociedad civil, y publique sus reglas.",
                step: Step::Coordination,
            },
            Question {
                id: "p1-2",
                text: "¿Cada cuánto se reúne ese espacio?",
                levels: [
                    "No se reúne o no existe.",
                    "Se reunió una vez o sin fechas previstas.",
                    "Se reúne al menos cada seis meses.",
                    "Se reúne al menos cada seis meses, con calendario y minutas públicas.",
                ],
                advice: "Acuerde un calendario de sesiones, al menos una cada seis meses, y publique las minutas.",
                step: Step::Coordination,
            },
            Question {
                id: "p1-3",
                text: "¿Cómo se eligen las organizaciones de la sociedad civil que participan?",
                levels: [
                    "No participan organizaciones.",
                    "Las invita el gobierno directamente.",
                    "Hay una convocatoria abierta, pero sin criterios publicados.",
                    "Hay una convocatoria pública con criterios, y se incluye a organizaciones de grupos prioritarios.",
                ],
                advice: "Publique una convocatoria abierta con criterios claros e invite a organizaciones que trabajan con grupos prioritarios.",
                step: Step::Coordination,
            },
        ],
    },
    Theme {
        number: 2,
        title: "Metodologías para elaborar planes de acción",
        short: "Metodología",
        questions: &[
            Question {
                id: "p2-1",
                text: "¿Su gobierno ha elaborado antes un plan de acción de gobierno abierto junto con la ciudadanía?",
                levels: [
                    "Nunca.",
                    "Se intentó, pero no se terminó o no se publicó.",
                    "Se publicó un plan en los últimos años.",
                    "Se publicaron uno o más planes y se evaluó cómo se cumplieron.",
                ],
                advice: "Prepare el perfil del plan y defina su periodo, aprovechando lo aprendido en ejercicios anteriores.",
                step: Step::Profile,
            },
            Question {
                id: "p2-2",
                text: "¿Hay una hoja de ruta de cocreación con fases, fechas y canales de participación?",
                levels: [
                    "No hay hoja de ruta.",
                    "Hay una idea general, sin fechas.",
                    "Hay una hoja de ruta con fases y fechas, pero no es pública.",
                    "Hay una hoja de ruta pública, publicada antes de empezar la cocreación.",
                ],
                advice: "Escriba y publique una hoja de ruta de cocreación con fases, fechas y canales antes de empezar.",
                step: Step::Roadmap,
            },
            Question {
                id: "p2-3",
                text: "¿Los compromisos salen de problemas públicos identificados con la ciudadanía?",
                levels: [
                    "Los compromisos los define solo el gobierno.",
                    "Se consulta a la ciudadanía después de definirlos.",
                    "Se recogen problemas en mesas o foros antes de definir los compromisos.",
                    "Se recogen problemas con datos y se responde públicamente a cada propuesta recibida.",
                ],
                advice: "Identifique los problemas públicos con la ciudadanía, con datos, antes de escribir los compromisos.",
                step: Step::Problems,
            },
        ],
    },
    Theme {
        number: 3,
        title: "Herramientas de monitoreo y seguimiento",
        short: "Seguimiento",
        questions: &[
            Question {
                id: "p3-1",
                text: "¿Cómo se da seguimiento al cumplimiento de los compromisos?",
                levels: [
                    "No se da seguimiento.",
                    "Se revisa de manera interna y ocasional.",
                    "Hay informes periódicos de avance.",
                    "Hay informes periódicos con indicadores y medios de verificación por acción.",
                ],
                advice: "Defina cada cuánto se informará el avance y con qué indicadores y medios de verificación.",
                step: Step::Monitoring,
            },
            Question {
                id: "p3-2",
                text: "¿La ciudadanía puede consultar en línea el avance de los compromisos?",
                levels: [
                    "No hay información pública del avance.",
                    "Se publica algo de forma esporádica.",
                    "Hay una página con el avance, actualizada al menos cada semestre.",
                    "Hay un tablero público con el avance, los documentos probatorios y datos abiertos.",
                ],
                advice: "Publique el avance de los compromisos en una página o tablero con sus documentos probatorios.",
                step: Step::Monitoring,
            },
            Question {
                id: "p3-3",
                text: "¿La sociedad civil participa en el seguimiento?",
                levels: [
                    "No participa.",
                    "Se le informa de los avances.",
                    "Hay reuniones de seguimiento con sociedad civil.",
                    "Hay reuniones de seguimiento y un órgano independiente que revisa el cumplimiento.",
                ],
                advice: "Programe reuniones de seguimiento con la sociedad civil y considere un órgano de monitoreo independiente.",
                step: Step::Monitoring,
            },
        ],
    },
    Theme {
        number: 4,
        title: "Alineación de los compromisos con la Agenda 2030",
        short: "Agenda 2030",
        questions: &[
            Question {
                id: "p4-1",
                text: "¿Sus compromisos indican a qué Objetivos de Desarrollo Sostenible (ODS) contribuyen?",
                levels: [
                    "No se relacionan con los ODS.",
                    "Se mencionan algunos objetivos de forma general.",
                    "Cada compromiso indica sus objetivos.",
                    "Cada compromiso indica sus objetivos y sus metas específicas (por ejemplo, 16.10).",
                ],
                advice: "Relacione cada compromiso con las metas de los ODS a las que contribuye.",
                step: Step::Commitments,
            },
            Question {
                id: "p4-2",
                text: "¿Sus compromisos se relacionan con el plan de acción nacional de gobierno abierto?",
                levels: [
                    "No se relacionan.",
                    "Se conoce el plan nacional, pero no se usa.",
                    "Algunos compromisos replican o complementan compromisos nacionales.",
                    "Cada compromiso indica si replica o complementa un compromiso nacional, o por qué es nuevo.",
                ],
                advice: "Revise el plan nacional de referencia e indique qué compromisos nacionales replica o complementa.",
                step: Step::NationalPlan,
            },
            Question {
                id: "p4-3",
                text: "¿Los compromisos se relacionan con el Plan Nacional de Desarrollo y con el plan estatal o municipal?",
                levels: [
                    "No se relacionan.",
                    "Se relacionan de forma general.",
                    "Cada compromiso indica un eje de uno de los dos planes.",
                    "Cada compromiso indica el eje del Plan Nacional de Desarrollo y el del plan local.",
                ],
                advice: "Indique en cada compromiso el eje del Plan Nacional de Desarrollo y el del plan estatal o municipal.",
                step: Step::Commitments,
            },
        ],
    },
    Theme {
        number: 5,
        title: "Compromisos que reducen desigualdades, con perspectiva de género",
        short: "Igualdad y género",
        questions: &[
            Question {
                id: "p5-1",
                text: "¿Sus compromisos consideran la perspectiva de género?",
                levels: [
                    "No la consideran.",
                    "Se menciona de forma general.",
                    "Algunos compromisos indican qué brecha de género atienden.",
                    "Cada compromiso indica qué brecha atiende y a quién beneficia.",
                ],
                advice: "Indique en cada compromiso qué brecha de género atiende y a quién beneficia.",
                step: Step::Commitments,
            },
            Question {
                id: "p5-2",
                text: "¿Los datos que se usan y publican están desagregados (por sexo, edad, territorio)?",
                levels: [
                    "No hay datos desagregados.",
                    "Hay algunos datos por sexo.",
                    "Los indicadores principales se desagregan por sexo y edad.",
                    "Los indicadores se desagregan por sexo, edad, territorio y otros grupos, y se publican.",
                ],
                advice: "Desagregue los indicadores por sexo, edad y territorio al describir los problemas y los compromisos.",
                step: Step::Problems,
            },
            Question {
                id: "p5-3",
                text: "¿Participan grupos en situación de vulnerabilidad (mujeres, pueblos indígenas y afromexicanos, personas con discapacidad, jóvenes, zonas rurales)?",
                levels: [
                    "No participan.",
                    "Participan de forma ocasional.",
                    "Hay acciones para invitarlos a la cocreación.",
                    "Hay una estrategia de inclusión con canales accesibles y resultados medidos.",
                ],
                advice: "Incluya en la hoja de ruta una estrategia de inclusión con canales accesibles para grupos prioritarios.",
                step: Step::Roadmap,
            },
        ],
    },
];

/// OGP Local's eligibility criteria, asked as yes/no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateCriterion {
    pub id: &'static str,
    pub text: &'static str,
    pub hint: &'static str,
    /// What to do when the answer is no.
    pub advice: &'static str,
    pub step: Step,
}

pub static GATE: [GateCriterion; 4] = [
    GateCriterion {
        id: "e-1",
        text: "¿Tiene una carta de apoyo político del titular del gobierno (o una declaratoria de gobierno abierto firmada)?",
        hint: "OGP Local pide el respaldo explícito de la persona titular del gobierno.",
        advice: "Consiga una carta de apoyo o una declaratoria de gobierno abierto firmada por la persona titular.",
        step: Step::Political,
    },
    GateCriterion {
        id: "e-2",
        text: "¿Su gobierno ha hecho ejercicios de cocreación o participación ciudadana en los últimos tres años?",
        hint: "Por ejemplo, un plan de acción local, presupuesto participativo o consultas con respuesta pública.",
        advice: "Documente los ejercicios de participación de los últimos tres años, o haga uno pequeño antes de empezar.",
        step: Step::Roadmap,
    },
    GateCriterion {
        id: "e-3",
        text: "¿Quedan al menos 16 meses de la administración actual?",
        hint: "Un plan de OGP Local dura hasta dos años; con menos tiempo, puede no terminarse.",
        advice: "Con menos de 16 meses de administración, planee compromisos más cortos o prepare la transición con la siguiente.",
        step: Step::Profile,
    },
    GateCriterion {
        id: "e-4",
        text: "¿Ya identificó al personal responsable y a organizaciones de la sociedad civil aliadas?",
        hint: "Al menos una persona servidora pública responsable y una organización aliada.",
        advice: "Nombre al personal responsable e identifique organizaciones de la sociedad civil aliadas.",
        step: Step::Coordination,
    },
];

pub use super::assessment::{Answer, Assessment};
use super::unknown::Unknown;

/// Maturity level of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Inicial,
    Intermedio,
    Avanzado,
    Innovador,
}

impl Level {
    pub fn of(score: u8) -> Self {
        match score {
            0..=24 => Level::Inicial,
            25..=49 => Level::Intermedio,
            50..=74 => Level::Avanzado,
            _ => Level::Innovador,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Level::Inicial => "Inicial",
            Level::Intermedio => "Intermedio",
            Level::Avanzado => "Avanzado",
            Level::Innovador => "Innovador",
        }
    }
}

/// One theme's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeScore {
    pub theme: &'static Theme,
    /// 0-100.
    pub score: u8,
    pub level: Level,
    pub dont_know: usize,
    pub unanswered: usize,
}

/// One recommended next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteStep {
    pub action: &'static str,
    /// Why: the theme and the answer that led here.
    pub reason: String,
    pub step: Step,
}

/// The whole result of an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub themes: Vec<ThemeScore>,
    pub overall: u8,
    pub level: Level,
    /// Gate criteria answered "no" (or not answered).
    pub gate_unmet: Vec<&'static GateCriterion>,
    pub route: Vec<RouteStep>,
}

impl Outcome {
    pub fn eligible(&self) -> bool {
        self.gate_unmet.is_empty()
    }
}

/// Scores an assessment (see the module docs for the rule).
pub fn score(assessment: &Assessment) -> Outcome {
    let themes: Vec<ThemeScore> = THEMES
        .iter()
        .map(|theme| {
            let mut total = 0.0;
            let (mut dont_know, mut unanswered) = (0, 0);
            for q in theme.questions {
                match assessment.answers.get(q.id) {
                    Some(a) => {
                        total += a.points();
                        if *a == Answer::DontKnow {
                            dont_know += 1;
                        }
                    }
                    None => unanswered += 1,
                }
            }
            let score = round_points(total / theme.questions.len() as f64);
            ThemeScore {
                theme,
                score,
                level: Level::of(score),
                dont_know,
                unanswered,
            }
        })
        .collect();
    let overall =
        round_points(themes.iter().map(|t| f64::from(t.score)).sum::<f64>() / themes.len() as f64);
    let gate_unmet: Vec<&'static GateCriterion> = GATE
        .iter()
        .filter(|c| assessment.gate.get(c.id) != Some(&true))
        .collect();
    let route = route(assessment, &themes, &gate_unmet);
    Outcome {
        level: Level::of(overall),
        themes,
        overall,
        gate_unmet,
        route,
    }
}

fn round_points(x: f64) -> u8 {
    x.round().clamp(0.0, 100.0) as u8
}

/// The recommended route: first the unmet gate criteria (they decide whether
/// the plan can start), then, theme by theme from the weakest, every question
/// answered No existe, Inicial or No sé. Repeated advice appears once.
fn route(
    assessment: &Assessment,
    themes: &[ThemeScore],
    gate_unmet: &[&'static GateCriterion],
) -> Vec<RouteStep> {
    let mut steps: Vec<RouteStep> = gate_unmet
        .iter()
        .map(|c| RouteStep {
            action: c.advice,
            reason: "Criterio de elegibilidad de OGP Local no cumplido".to_owned(),
            step: c.step,
        })
        .collect();
    let mut order: Vec<&ThemeScore> = themes.iter().collect();
    // Weakest theme first; ties keep the methodology's order.
    order.sort_by_key(|t| (t.score, t.theme.number));
    for t in order {
        for q in t.theme.questions {
            let reason = match assessment.answers.get(q.id) {
                Some(Answer::Level(l)) if *l <= 1 => format!(
                    "Tema {}, {}: respondió «{}»",
                    t.theme.number,
                    t.theme.short,
                    LEVEL_NAMES[usize::from(*l)]
                ),
                Some(Answer::DontKnow) => format!(
                    "Tema {}, {}: respondió «No sé»; averigüe primero cómo está",
                    t.theme.number, t.theme.short
                ),
                None => format!(
                    "Tema {}, {}: pregunta sin responder",
                    t.theme.number, t.theme.short
                ),
                Some(Answer::Level(_)) => continue,
            };
            if steps.iter().all(|s| s.action != q.advice) {
                steps.push(RouteStep {
                    action: q.advice,
                    reason,
                    step: q.step,
                });
            }
        }
    }
    steps
}

pub use super::error::{ANSWER_IDS, EVIDENCE_IDS};

/// The index of an answer id in [`ANSWER_IDS`].
pub fn answer_index(id: &str) -> Option<u8> {
    ANSWER_IDS
        .iter()
        .position(|a| *a == id)
        .and_then(|i| u8::try_from(i).ok())
}

/// The question or criterion text of an answer index.
pub fn answer_text(index: u8) -> &'static str {
    let i = usize::from(index);
    questions()
        .map(|q| q.text)
        .chain(GATE.iter().map(|c| c.text))
        .nth(i)
        .unwrap_or("")
}

impl ReadinessProblem {
    /// The same problem as a typed field error, for the error summary.
    pub fn field_error(&self) -> crate::domain::FieldError {
        use crate::domain::{Field, FieldError, Problem};
        match self {
            ReadinessProblem::Unanswered(id) | ReadinessProblem::GateUnanswered(id) => {
                FieldError::new(
                    Field::ReadinessAnswer(answer_index(id).unwrap_or(0)),
                    Problem::Missing,
                )
            }
            ReadinessProblem::EvidenceTooLong(id) => FieldError::new(
                Field::ReadinessEvidence(answer_index(id).unwrap_or(0)),
                Problem::TooLong { max: MAX_EVIDENCE },
            ),
        }
    }
}

/// Every question, in order.
pub fn questions() -> impl Iterator<Item = &'static Question> {
    THEMES.iter().flat_map(|t| t.questions.iter())
}

/// The readiness page's answers exactly as chosen: question or criterion id →
/// "0".."3" / "no-se" / "si" / "no"; "{id}-evidencia" → evidence text.
pub type ReadinessInput = BTreeMap<String, String>;

/// Evidence longer than this is refused.
pub const MAX_EVIDENCE: usize = 500;

/// Problems found when checking answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadinessProblem {
    /// The question (by id) has no answer.
    Unanswered(&'static str),
    /// The evidence for the question (by id) is too long.
    EvidenceTooLong(&'static str),
    /// The gate criterion (by id) has no answer.
    GateUnanswered(&'static str),
}

/// Checks the answers of one theme (by number), or of the gate with `None`.
pub fn check_page(input: &ReadinessInput, theme: Option<u8>) -> Vec<ReadinessProblem> {
    let mut problems = Vec::new();
    match theme.and_then(|n| THEMES.iter().find(|t| t.number == n)) {
        Some(t) => {
            for q in t.questions {
                if input.get(q.id).and_then(|v| Answer::from_key(v)).is_none() {
                    problems.push(ReadinessProblem::Unanswered(q.id));
                }
                if input
                    .get(&format!("{}-evidencia", q.id))
                    .is_some_and(|e| e.trim().chars().count() > MAX_EVIDENCE)
                {
                    problems.push(ReadinessProblem::EvidenceTooLong(q.id));
                }
            }
        }
        None => {
            for c in &GATE {
                if !matches!(input.get(c.id).map(|s| s.trim()), Some("si" | "no")) {
                    problems.push(ReadinessProblem::GateUnanswered(c.id));
                }
            }
        }
    }
    problems
}

/// Builds the assessment once every page is complete; otherwise every problem.
pub fn parse_assessment(
    input: &ReadinessInput,
    date: Date,
) -> Result<Assessment, Vec<ReadinessProblem>> {
    let mut problems: Vec<ReadinessProblem> = THEMES
        .iter()
        .flat_map(|t| check_page(input, Some(t.number)))
        .collect();
    problems.extend(check_page(input, None));
    if !problems.is_empty() {
        return Err(problems);
    }
    let answers = questions()
        .filter_map(|q| Some((q.id.to_owned(), Answer::from_key(input.get(q.id)?)?)))
        .collect();
    let evidence = questions()
        .filter_map(|q| {
            let e = input.get(&format!("{}-evidencia", q.id))?.trim();
            (!e.is_empty()).then(|| (q.id.to_owned(), e.to_owned()))
        })
        .collect();
    let gate = GATE
        .iter()
        .filter_map(|c| Some((c.id.to_owned(), input.get(c.id)?.trim() == "si")))
        .collect();
    Ok(Assessment {
        date,
        answers,
        evidence,
        gate,
        unknown: Unknown::new(),
    })
}

/// The inputs that show a stored assessment again (to repeat it).
pub fn input_from(assessment: &Assessment) -> ReadinessInput {
    let mut input = ReadinessInput::new();
    for (id, a) in &assessment.answers {
        input.insert(id.clone(), a.key());
    }
    for (id, e) in &assessment.evidence {
        input.insert(format!("{id}-evidencia"), e.clone());
    }
    for (id, yes) in &assessment.gate {
        input.insert(id.clone(), if *yes { "si" } else { "no" }.to_owned());
    }
    input
}
