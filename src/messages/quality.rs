//! The quality review's words ([`crate::domain::quality`]): each rule's
//! statement, each finding's sentence, the sources' names, the IRM's answers
//! and their reasons. The review page, the task list, "Revise su plan" and the
//! PDF's annex all read them here.

use crate::domain::commitment::Commitment;
use crate::domain::methodology::Step;
use crate::domain::plan::{CommitmentIssue, FichaPart, Plan};
use crate::domain::quality::{
    Counts, Finding, PotentialLevel, PotentialReason, Rule, RuleId, Severity, Source,
};
use crate::labels::Label;

/// The tag of a finding's severity.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Required => "Falta para la versión final",
        Severity::Advisory => "Recomendación",
    }
}

/// What a kept recommendation says before its reason.
pub const KEPT: &str = "Revisado, se mantiene así";

/// A source's name, as the page and the annex cite it.
pub fn source(s: Source) -> &'static str {
    match s {
        Source::Ficha => {
            "Formato de ficha del 4º Plan de Acción Nacional (compromiso 13) y su metodología"
        }
        Source::CocreationStandards => {
            "Estándares de participación y cocreación de la Alianza (2022), requisitos mínimos"
        }
        Source::Handbook => "Manual nacional de la Alianza (2024)",
        Source::OgpLocal => "Criterios de elegibilidad de OGP Local",
        Source::IrmReview => {
            "Mecanismo de Revisión Independiente (IRM): revisión del plan de acción"
        }
        Source::OpenGovChallenge => "Open Gov Challenge (estrategia de la Alianza 2023-2028)",
        Source::Coneval => "CONEVAL, Metodología de Marco Lógico",
    }
}

/// Each rule in one sentence: what it checks (the README lists these).
pub fn rule(id: RuleId) -> &'static str {
    match id {
        RuleId::StepIncomplete => "Cada paso que la versión final necesita está completo.",
        RuleId::ForumGovernment => "El espacio de coordinación tiene al menos una institución del gobierno.",
        RuleId::ForumCivilSociety => "El espacio de coordinación tiene al menos una organización o persona de fuera del gobierno.",
        RuleId::ForumEverySixMonths => "El espacio de coordinación sesiona al menos cada seis meses.",
        RuleId::ForumPublicRules => "Las reglas de participación del espacio son públicas.",
        RuleId::RoadmapBeforeCocreation => "La hoja de ruta se publicó antes de que empezara la cocreación.",
        RuleId::Repository => "Hay un repositorio público con los documentos del proceso.",
        RuleId::ReasonedResponse => "Hay respuesta razonada a las propuestas recibidas.",
        RuleId::CommitmentCount => "El plan tiene de 5 a 15 compromisos.",
        RuleId::AccountabilityCommitment => "Al menos un compromiso mejora la rendición de cuentas.",
        RuleId::GenderInPlan => "Al menos un compromiso tiene perspectiva de género.",
        RuleId::TermLeft => "Quedan al menos 16 meses de la administración.",
        RuleId::PlanWithinTerm => "El plan termina antes de que termine la administración.",
        RuleId::PlanLength => "El plan dura dos o cuatro años.",
        RuleId::ProblemWording => "Cada problema describe una situación que afecta a las personas, con causas y línea base.",
        RuleId::FichaComplete => "La ficha del compromiso está completa.",
        RuleId::DatesAndWeights => "Las fechas caben en las del plan y del compromiso, y las ponderaciones suman 100 %.",
        RuleId::Deliverable => "Cada acción clave nombra un producto que se pueda verificar, no solo verbos como «promover» o «fortalecer».",
        RuleId::BaselineAndTarget => "El indicador de cada acción clave tiene línea base y meta.",
        RuleId::Activities => "Cada acción clave tiene actividades.",
        RuleId::Assumptions => "Los supuestos describen condiciones externas, no tareas del equipo.",
        RuleId::NonGovernmentCoResponsible => "Al menos una organización corresponsable es de fuera del gobierno.",
        RuleId::ResponseNamesCommitment => "Alguna respuesta razonada muestra de qué propuestas salió el compromiso.",
        RuleId::GenderSpecific => "La perspectiva de género nombra a quién atiende o desagrega sus indicadores.",
        RuleId::ModestPotential => "El compromiso cambia reglas o instituciones, no solo publica un sitio o capacita.",
        RuleId::Classified => "El compromiso está clasificado como lo hace la Alianza.",
        RuleId::ChallengeArea => "Un compromiso postulado al Open Gov Challenge tiene su área.",
        RuleId::ChallengeCoreValue => "Un compromiso postulado al Open Gov Challenge mejora la transparencia, la participación o la rendición de cuentas.",
        RuleId::ChallengeFutureMilestone => "Un compromiso postulado al Open Gov Challenge tiene acciones que todavía no terminan.",
    }
}

fn key_action_number(c: Option<&Commitment>, k: crate::domain::ItemId) -> usize {
    c.and_then(|c| c.key_actions.iter().position(|x| x.id == k))
        .map_or(0, |i| i + 1)
}

/// One finding, as the page and the annex say it.
pub fn finding(plan: &Plan, f: &Finding) -> String {
    let c = f.commitment.and_then(|id| plan.commitment(id));
    match &f.rule {
        Rule::StepIncomplete(step) => format!("Falta completar «{}».", step_name(*step)),
        Rule::ForumGovernment => super::coordination_gap(crate::domain::coordination::CoordinationGap::NoGovernmentMember).0.to_owned(),
        Rule::ForumCivilSociety => super::coordination_gap(crate::domain::coordination::CoordinationGap::NoNonGovernmentMember).0.to_owned(),
        Rule::ForumEverySixMonths => super::coordination_gap(crate::domain::coordination::CoordinationGap::MeetsTooRarely).0.to_owned(),
        Rule::ForumPublicRules => "Las reglas de participación del espacio de coordinación deben ser públicas: escriba la liga donde se consultan.".to_owned(),
        Rule::RoadmapBeforeCocreation => match &plan.roadmap {
            Some(r) => super::roadmap_gap(crate::domain::roadmap::RoadmapGap::NotPublishedBeforeCocreation, r).0,
            None => "La hoja de ruta debe publicarse antes de que empiece la cocreación.".to_owned(),
        },
        Rule::Repository => "Falta la liga al repositorio público donde se guardan los documentos del proceso (en la hoja de ruta o en el seguimiento).".to_owned(),
        Rule::ReasonedResponse => "Todavía no hay respuesta razonada a ninguna propuesta: la Alianza pide decir qué se hizo con cada una y por qué.".to_owned(),
        Rule::CommitmentCount(0) => "El plan todavía no tiene compromisos; la Alianza recomienda de 5 a 15.".to_owned(),
        Rule::CommitmentCount(1) => "El plan tiene 1 compromiso; la Alianza recomienda de 5 a 15.".to_owned(),
        Rule::CommitmentCount(n) => format!("El plan tiene {n} compromisos; la Alianza recomienda de 5 a 15."),
        Rule::AccountabilityCommitment => "Ningún compromiso marca «Rendición de cuentas» con su razón. El Mecanismo de Revisión Independiente valora que el plan permita a la ciudadanía pedir cuentas.".to_owned(),
        Rule::GenderInPlan => "Ningún compromiso tiene perspectiva de género. Escríbala en la alineación de al menos un compromiso (este enlace lleva al primero).".to_owned(),
        Rule::TermLeft(m) if *m <= 0 => "La administración ya terminó según la fecha que escribió; OGP Local pide que queden al menos 16 meses.".to_owned(),
        Rule::TermLeft(1) => "Queda 1 mes de la administración; OGP Local pide que queden al menos 16.".to_owned(),
        Rule::TermLeft(m) => format!("Quedan {m} meses de la administración; OGP Local pide que queden al menos 16."),
        Rule::PlanWithinTerm => "El plan termina después de que termina la administración. Prevea cómo seguirá el plan con la siguiente.".to_owned(),
        Rule::PlanLength(m) => format!("El plan dura {}. Los planes de la Alianza duran dos o cuatro años.", months_text(*m)),
        Rule::ProblemWording(id, advice) => {
            let n = plan.problems.iter().position(|p| p.id == *id).map_or(0, |i| i + 1);
            format!("Problema {n}: {}", lower(super::problem_advice(*advice)))
        }
        Rule::FichaComplete(
            FichaPart::Values,
            crate::domain::pending::Pending::Field(crate::domain::FieldError {
                field: crate::domain::Field::ValueReason(i),
                ..
            }),
        ) => {
            let value = crate::domain::commitment::OgpValue::ALL
                .get(usize::from(*i))
                .map_or("", |v| v.label());
            format!("Valores: falta la razón de «{value}».")
        }
        Rule::FichaComplete(part, item) => match c {
            Some(c) => format!("{}: {}", part_name(*part), missing_item(c, item)),
            None => String::new(),
        },
        Rule::DatesAndWeights(CommitmentIssue::OutsidePlan) => "Las fechas del compromiso quedan fuera del periodo del plan.".to_owned(),
        Rule::DatesAndWeights(issue) => super::commitment_issue(issue),
        Rule::Deliverable(k) => format!(
            "Acción clave {}: dice lo que se va a impulsar, pero no qué producto se entregará (un informe, un reglamento, una plataforma, un acta…). Sin producto, no se puede verificar.",
            key_action_number(c, *k)
        ),
        Rule::BaselineAndTarget(k) => format!(
            "Acción clave {}: su indicador no tiene línea base o meta; sin ellas no se puede saber cuánto cambió.",
            key_action_number(c, *k)
        ),
        Rule::Activities(k) => format!("Acción clave {}: no tiene actividades.", key_action_number(c, *k)),
        Rule::Assumptions { missing: true } => "No tiene supuestos: las condiciones externas que deben cumplirse para lograrlo (por ejemplo, que se apruebe el presupuesto).".to_owned(),
        Rule::Assumptions { missing: false } => "Los supuestos parecen tareas del equipo («Elaborar…», «Capacitar…»). Escriba condiciones externas que no dependen del equipo, como «Que el Congreso apruebe la reforma».".to_owned(),
        Rule::NonGovernmentCoResponsible => "Ninguna organización corresponsable es de fuera del gobierno (sociedad civil, academia, sector privado).".to_owned(),
        Rule::ResponseNamesCommitment => "Ninguna respuesta razonada señala este compromiso como el lugar donde se incorporó una propuesta.".to_owned(),
        Rule::GenderSpecific { missing: true } => "No tiene perspectiva de género.".to_owned(),
        Rule::GenderSpecific { missing: false } => "La perspectiva de género no nombra a un grupo (mujeres, niñas, personas indígenas…) ni dice cómo se desagregan los indicadores.".to_owned(),
        Rule::ModestPotential => "Su potencial de resultados es modesto: no cambia reglas ni instituciones, o solo entrega un sitio web, capacitaciones o eventos. Si cambia reglas (un reglamento, lineamientos, un acuerdo de cabildo), dígalo en su clasificación.".to_owned(),
        Rule::Classified => "No está clasificado como lo hace la Alianza: área del Open Gov Challenge, área de política, si es práctica nueva y si el cambio es vinculante.".to_owned(),
        Rule::ChallengeArea => "Está postulado al Open Gov Challenge, pero no tiene área del desafío.".to_owned(),
        Rule::ChallengeCoreValue => "Está postulado al Open Gov Challenge, pero no marca transparencia, participación ciudadana ni rendición de cuentas con su razón.".to_owned(),
        Rule::ChallengeFutureMilestone => "Está postulado al Open Gov Challenge, pero todas sus acciones clave y actividades ya terminaron: el desafío pide hitos por venir.".to_owned(),
    }
}

/// What a part of the ficha still lacks, as a sentence: "falta el nombre del
/// compromiso.", "acción clave 2: falta la ponderación.".
fn missing_item(c: &Commitment, item: &crate::domain::pending::Pending) -> String {
    use crate::domain::pending::Pending as P;
    use crate::domain::Problem;
    let number = |k| key_action_number(Some(c), k);
    match item {
        P::Nothing => "todavía no hay nada guardado.".to_owned(),
        P::Field(e) if e.problem == Problem::Missing => {
            format!("falta {}.", lower(super::subject(e.field)))
        }
        P::KeyAction(k, e) if e.problem == Problem::Missing => format!(
            "acción clave {}: falta {}.",
            number(*k),
            lower(super::subject(e.field))
        ),
        other => {
            let t = lower(&super::pending_item(c, other));
            if t.ends_with('.') {
                t
            } else {
                format!("{t}.")
            }
        }
    }
}

fn step_name(step: Step) -> &'static str {
    step.short_name()
}

fn part_name(part: FichaPart) -> &'static str {
    match part {
        FichaPart::General => "Nombre y fechas",
        FichaPart::Responsible => "Responsables",
        FichaPart::CoResponsible => "Corresponsables",
        FichaPart::Objectives => "Objetivos",
        FichaPart::Values => "Valores",
        FichaPart::Alignment => "Alineación",
        FichaPart::KeyActions => "Acciones clave",
    }
}

/// "30 meses", "1 mes".
fn months_text(m: i32) -> String {
    if m == 1 {
        "1 mes".to_owned()
    } else {
        format!("{m} meses")
    }
}

fn lower(text: &str) -> String {
    super::lower_first(text)
}

/// The potential for results in the IRM's words.
pub fn potential(p: PotentialLevel) -> &'static str {
    match p {
        PotentialLevel::Unclear => "Sin indicación clara",
        PotentialLevel::Modest => "Modesto",
        PotentialLevel::Substantial => "Sustancial",
    }
}

/// Why the potential is what it is.
pub fn potential_reason(r: PotentialReason) -> &'static str {
    match r {
        PotentialReason::NotVerifiable => "no es verificable todavía",
        PotentialReason::NotRelevant => "no justifica ningún valor central de la Alianza",
        PotentialReason::Binding => "cambia reglas o instituciones",
        PotentialReason::DeclaredNotBinding => {
            "su clasificación dice que el cambio no es vinculante"
        }
        PotentialReason::NoBindingChange => {
            "no nombra un cambio de reglas (ley, reglamento, lineamientos, acuerdo de cabildo)"
        }
        PotentialReason::BaselinesAndTargets => "cada indicador tiene línea base y meta",
        PotentialReason::SomeWithoutBaseline => "no todos los indicadores tienen línea base y meta",
        PotentialReason::OnlyModestDeliverables => {
            "solo entrega sitios web, capacitaciones o eventos"
        }
        PotentialReason::BeyondWebsiteOrTraining => {
            "entrega algo más que un sitio web o una capacitación"
        }
    }
}

/// "Sí" or "No" with its reasons: the answer to "¿Es verificable?".
pub fn verifiable_answer(
    plan: &Plan,
    c: &Commitment,
    answers: &crate::domain::quality::IrmAnswers,
) -> String {
    if answers.verifiable {
        "Sí: cada acción clave tiene producto, indicador, medio de verificación y fechas."
            .to_owned()
    } else {
        let finding = |rule: &Rule| {
            finding(
                plan,
                &Finding {
                    rule: rule.clone(),
                    commitment: Some(c.id),
                    place: crate::domain::quality::Place::Step(Step::Commitments, None),
                },
            )
        };
        let why: Vec<String> = answers.not_verifiable_because.iter().map(finding).collect();
        format!("No todavía. {}", why.join(" "))
    }
}

/// The answer to "¿Es relevante?", naming the values.
pub fn relevant_answer(answers: &crate::domain::quality::IrmAnswers) -> String {
    if answers.relevant() {
        let values: Vec<&str> = answers.relevant_values.iter().map(|v| v.label()).collect();
        format!("Sí: {}, cada uno con su razón.", values.join(", "))
    } else {
        "No todavía: marque transparencia, participación ciudadana o rendición de cuentas, y explique por qué.".to_owned()
    }
}

/// The answer to "¿Qué potencial de resultados tiene?", with why.
pub fn potential_answer(answers: &crate::domain::quality::IrmAnswers) -> String {
    let why: Vec<&str> = answers
        .potential_because
        .iter()
        .map(|r| potential_reason(*r))
        .collect();
    format!("{}: {}.", potential(answers.potential), why.join("; "))
}

/// "Prometedor" or what it lacks, in one phrase.
pub fn promising(promising: bool) -> &'static str {
    if promising {
        "Prometedor"
    } else {
        "Todavía no es prometedor"
    }
}

/// The review's counts in one sentence, as the task list, "Revise su plan"
/// and the annex say them.
pub fn counts(c: Counts) -> String {
    let required = match c.required {
        0 => "Nada falta para la versión final".to_owned(),
        1 => "1 cosa falta para la versión final".to_owned(),
        n => format!("{n} cosas faltan para la versión final"),
    };
    let advisory = match c.advisory {
        0 => "ninguna recomendación pendiente".to_owned(),
        1 => "1 recomendación".to_owned(),
        n => format!("{n} recomendaciones"),
    };
    let promising = match (c.promising, c.commitments) {
        (_, 0) => "todavía no hay compromisos".to_owned(),
        (p, 1) => format!("{p} de 1 compromiso es prometedor"),
        (1, n) => format!("1 de {n} compromisos es prometedor"),
        (p, n) => format!("{p} de {n} compromisos son prometedores"),
    };
    let kept = match c.kept {
        0 => String::new(),
        1 => " (1 recomendación revisada se mantiene así)".to_owned(),
        n => format!(" ({n} recomendaciones revisadas se mantienen así)"),
    };
    format!("{required}; {advisory}{kept}; {promising}.")
}

/// The message when the reason for keeping a recommendation is empty.
pub const KEEP_REASON_MISSING: &str = "Escriba por qué se mantiene así";

/// The message when that reason is too long.
pub fn keep_reason_too_long(max: usize) -> String {
    format!(
        "La razón debe tener {} caracteres o menos",
        crate::labels::thousands(max)
    )
}
