//! Commitment 13 of Mexico's 4th National Action Plan (OGP MX0087, "Estrategia
//! subnacional de gobierno abierto"), transcribed from its published ficha
//! (`../shared/docs/ficha-compromiso-13-4PA.txt`, as in
//! `tests/e2e/fixtures/compromiso-13.mjs`: line-break hyphens removed, phone
//! numbers with their area code), inside a plan of the state of Jalisco whose
//! every other step is filled in too, so the exported PDF can be checked field
//! by field.

use plan_local_ga::domain::commitment::{
    AlignmentInput, ObjectivesInput, TeamMemberInput, ValuesInput,
};
use plan_local_ga::domain::contact::ContactInput;
use plan_local_ga::domain::coordination::{
    BodyInput, MemberInput, OrganizationInput, PoliticalInput,
};
use plan_local_ga::domain::error::{PHASE_END_IDS, PHASE_START_IDS};
use plan_local_ga::domain::key_action::{ActivityInput, KeyActionInput};
use plan_local_ga::domain::monitoring::{MonitoringInput, ResponseInput};
use plan_local_ga::domain::problem::ProblemInput;
use plan_local_ga::domain::profile::{FrameworkInput, OfficeInput};
use plan_local_ga::domain::readiness::{
    parse_assessment, ReadinessInput, ANSWER_IDS, EVIDENCE_IDS,
};
use plan_local_ga::domain::roadmap::RoadmapInput;
use plan_local_ga::domain::{CommitmentInput, ItemId, Plan, ProfileInput};
use time::macros::date;

pub const PLAN_NAME: &str = "Plan de Acción Local de Gobierno Abierto de Jalisco 2019-2021";
pub const NAME: &str = "Estrategia subnacional de gobierno abierto";

pub struct Person {
    pub name: &'static str,
    pub position: &'static str,
    pub institution: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
}

impl Person {
    pub fn input(&self) -> ContactInput {
        ContactInput {
            name: self.name.into(),
            position: self.position.into(),
            institution: self.institution.into(),
            email: self.email.into(),
            phone: self.phone.into(),
            ..ContactInput::default()
        }
    }

    /// As a member of the commitment's team (the ficha gives no role).
    pub fn team_member(&self, id: u32) -> plan_local_ga::domain::commitment::TeamMember {
        TeamMemberInput {
            contact: self.input(),
            role: String::new(),
        }
        .parse(ItemId(id))
        .expect("valid team member")
    }
}

pub const RESPONSIBLE: [Person; 2] = [
    Person {
        name: "Francisco R. Álvarez Córdoba",
        position: "Director General de Gobierno Abierto y Transparencia, Dirección General de Gobierno Abierto y Transparencia",
        institution: "Instituto Nacional de Transparencia, Acceso a la Información y Protección de Datos Personales (INAI)",
        email: "gobierno.abierto@inai.org.mx",
        phone: "55 5004 2400, ext. 2489",
    },
    Person {
        name: "Gregorio González Nava",
        position: "Director General de Transparencia",
        institution: "Secretaría de la Función Pública (SFP)",
        email: "gregorio.gonzalez@funcionpublica.gob.mx",
        phone: "55 2000 3000",
    },
];

pub const CO_RESPONSIBLE: [Person; 2] = [
    Person {
        name: "Alfredo Elizondo Rosales",
        position: "Coordinador General",
        institution: "Gesoc, Agencia para el Desarrollo, A.C. (GESOC)",
        email: "alfredo.elizondo@gesoc.org.mx",
        phone: "55 5573 2399",
    },
    Person {
        name: "Luis Fernando Fernández",
        position: "Director Ejecutivo",
        institution: "Nosotr@s por la democracia A.C",
        email: "luis.fernandez@nosotrxs.org",
        phone: "55 6009 5483",
    },
];

pub const KA_PERSON: Person = Person {
    name: "Francisco R. Álvarez Córdoba",
    position: "Director General de Gobierno Abierto y Transparencia",
    institution: "Instituto Nacional de Transparencia, Acceso a la Información y Protección de Datos Personales",
    email: "francisco.alvarez@inai.org.mx",
    phone: "55 5004 2481",
};

pub const SHORT: &str = "Articular las agendas federal y local de gobierno abierto, para convertirlas en una estrategia nacional que permita avanzar hacia la consolidación de un Estado Abierto en México, a partir de las experiencias acumuladas tanto en el plano federal como en los gobiernos estatales.";
pub const MEDIUM: &str = "Consolidar una estrategia nacional de gobierno abierto en la que la generación, gestión y afianzamiento de las relaciones entre actores locales y nacionales permita implementar compromisos de manera sistemática y sostenible. Esta estrategia funcionará como un marco de referencia que establezca acciones y procesos basados en los principios de gobierno abierto pero que además incorpore la visión subnacional con el fin de que pueda replicarse en otros países a través de AGA y facilitar la apertura institucional mediante el mejoramiento de la relación entre esferas nacionales y locales.";
pub const PROBLEM: &str = "A ocho años de la creación de la Alianza, la agenda de gobierno abierto se ha acotado primordialmente al plano del ejecutivo Federal, limitando la participación de otros actores en otros órdenes y poderes de gobierno, lo que impide avanzar hacia un Estado Abierto.\nAl respecto, cabe destacar que a partir de la 6° Cumbre Global de la Alianza para el Gobierno Abierto celebrada del 29 al 31 de mayo de 2019 en Canadá, la comunidad de práctica internacional de esta iniciativa internacional consideró fundamental reforzar las estrategias subnacionales para implementar compromisos con acciones sostenibles basadas en las necesidades de la población que tiene como primer contacto los gobiernos locales.\nAsimismo, la tendencia internacional en gobierno abierto busca que los países transiten de ejercicios aislados de gobierno abierto hacia una política de Estado Abierto.";
pub const HOW: &str = "La experiencia acumulada en México mediante la generación de más de 120 compromisos de política pública albergados en 18 Planes de Acción Local a nivel subnacional son un referente para incentivar la participación ciudadana y la generación de información socialmente útil para que las autoridades del ámbito local, puedan cocrear con la ciudadanía soluciones a problemáticas públicas de gran calado.\nA su vez, el 4o. Plan de Acción Nacional es una oportunidad para que las entidades federativas puedan replicar compromisos o bien, generar otros que contribuyan a la consecución de las metas planteadas en el Plan de Acción Nacional, a fin de que, de acuerdo a sus atribuciones, las acciones planteadas en lo local sean complementarias a las acordadas en el ámbito nacional.\nEste compromiso permitirá avanzar hacia la consolidación de un Estado Abierto en México, articulando esfuerzos que se han desarrollado de manera aislada, así como de auspiciar a que las entidades federativas que no han participado en estos ejercicios se involucren.\nAdicionalmente, la información generada podrá servir de insumo para la construcción de una plataforma o repositorio de información accesible y amigable para las personas usuarias como guía para incentivar acciones de esta naturaleza. Igualmente, al extraerse prácticas destacadas a nivel subnacional en México se puede alimentar la agenda nacional, y viceversa, así como promover su replicabilidad en la comunidad de práctica internacional mediante el apoyo y reconocimiento de la AGA.";
pub const ASSUMPTIONS: &str = "a) Interés simulado de las instituciones públicas por promover ejercicios de apertura institucional a nivel subnacional. b) Cambios al interior de los Organismos Garantes o del funcionariado público en las entidades federativas que pudiera interrumpir, reiniciar o concluir con el avance de los esfuerzos de apertura institucional a nivel subnacional - en el marco de la Iniciativa: \"Gobierno Abierto, cocreación desde lo local\". c) Débil involucramiento ciudadano en los procesos de gobierno abierto.";
pub const VERIFICATION: &str = "El compromiso se desarrollará mediante tres acciones claves: Elaborar un estudio que sirva como diagnóstico de las condiciones de apertura institucional a nivel subnacional que permita retroalimentar las agendas nacional y local. Creación de un espacio de coordinación nacional para el desarrollo de acciones tanto federales como locales de gobierno abierto. Socialización del modelo de articulación de agendas de gobierno abierto en México y metodología para la construcción del Quinto Plan de Acción.";
pub const VALUES: [(&str, &str, &str); 2] = [
    ("participacion", "Participación ciudadana", "Porque es un modelo de articulación que implementará una estrategia de cocreación en órdenes de gobierno diferentes con actores y objetivos conjuntos en torno a una iniciativa global sin precedentes."),
    ("transparencia", "Transparencia", "Es un esfuerzo nacional que resulta de importancia e interés para la Alianza para el Gobierno Abierto, de acuerdo a lo manifestado en la 6° Cumbre Global."),
];
pub const SUMMARY: &str = "El compromiso permitirá dotar de conocimiento a las instituciones públicas, a los organismos garantes del acceso a la información pública y a las organizaciones de la sociedad civil que les permitan instrumentar acciones más efectivas de gobierno abierto y avanzar hacia la consolidación de estados abiertos mediante esquemas probados de participación ciudadana mediante la instalación de espacios permanentes de diálogo que contribuyen a la rendición de cuentas, la transparencia, la innovación y el empoderamiento ciudadano.";
pub const SDG_TARGETS: [&str; 8] = [
    "11.a", "11.b", "16.5", "16.6", "16.8", "16.10", "17.14", "17.16",
];
pub const GENDER: &str = "El avance de planes de acción a nivel local permite contribuir a la reducción de las desigualdades entre hombres y mujeres al publicar información desagregadas por sexo y compromisos que aluden a las desigualdades entre hombres y mujeres. En este sentido, los planes de acción incorporan las guías para ejercicios de gobierno abierto y la atención de las desigualdades entre hombres y mujeres.\nSe trata de implementar la perspectiva de género en todos los ámbitos del compromiso.";
pub const PND_AXIS: &str = "Eje I. Política y Gobierno. Recuperar el estado de derecho.";
pub const LOCAL_AXIS: &str = "Eje 6. Gobierno abierto, transparencia y rendición de cuentas del Plan Estatal de Gobernanza y Desarrollo de Jalisco";
pub const OTHER_ACTORS: &str = "Sociedad Civil: NOSC y NOSCA con las organizaciones a nivel estatal, y otras organizaciones interesadas, fellows (Red de Gobierno Abierto y Desarrollo Sostenible). Academia: CIDE, El Colegio de Sonora, UACJ, etc. Internacional: Unidad de Apoyo AGA";
pub const ADDITIONAL: &str = "En el marco del Sistema Nacional de Transparencia, la iniciativa de Gobierno Abierto ha sido adoptada por 30 entidades federativas y dicho espacio cuenta con una Comisión de Gobierno Abierto y Transparencia Proactiva que informa periódicamente sobre sus avances. La información sobre la iniciativa se encuentra disponible en: https://micrositios.inai.org.mx/gobiernoabierto/?page_id=877\nPara consultar la información de la Métrica de Gobierno Abierto en sus dos ediciones ingresar al link: https://micrositios.inai.org.mx/gobiernoabierto/?page_id=544";

pub struct KeyAction {
    pub name: &'static str,
    pub objective: &'static str,
    pub weight: u8,
    pub indicator: &'static str,
    pub verification: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub progress: u8,
    pub activities: &'static [(&'static str, &'static str, &'static str)],
}

pub const KEY_ACTIONS: [KeyAction; 3] = [
    KeyAction {
        name: "Estudio de las condiciones de apertura institucional a nivel local",
        objective: "Consolidar un informe/estudio diagnóstico sobre las condiciones actuales de gobierno abierto en lo local y las posibles áreas de mejora.",
        weight: 35,
        indicator: "Diagnóstico",
        verification: "Diagnóstico integrado",
        start: "02/01/2020",
        end: "30/04/2020",
        progress: 100,
        activities: &[
            ("Integrar un grupo de trabajo multidisciplinario para la elaboración de una metodología que permita identificar áreas de mejora en las prácticas de apertura del ámbito subnacional en México.", "Abrir un proceso participativo para la integración de un grupo de trabajo que consolide una metodología de evaluación de las condiciones de apertura institucional a nivel local.", "Grupo de trabajo integrado"),
            ("Efectuar las acciones específicas para la integración de un estudio de prácticas de apertura a nivel subnacional en México.", "Elaborar un estudio de las condiciones de apertura institucional a nivel local, a partir de esfuerzos existentes como la iniciativa \"Gobierno Abierto, cocreación desde lo local\", mediante un proceso participativo (idealmente a cargo del grupo multidisciplinario).", "Documento integrado."),
            ("Emitir recomendaciones, a partir de los hallazgos del estudio, en lo referente a: Instancias de coordinación entre autoridades y ciudadanía; Metodologías para la elaboración de Planes de Acción; Herramientas de monitoreo y seguimiento del cumplimiento de los compromisos; Alineación de los compromisos de gobierno abierto con la Agenda 2030 para el Desarrollo Sostenible; Compromisos que contribuyan a la reducción de las desigualdades.", "Retroalimentar y fortalecer los procesos de gobierno abierto en los estados y a nivel federal.", "Documento de lecciones y recomendaciones."),
        ],
    },
    KeyAction {
        name: "Espacio de coordinación nacional para el desarrollo de acciones tanto federales como locales de gobierno abierto",
        objective: "Propiciar el intercambio de prácticas entre pares entre los ámbitos federal y local.",
        weight: 40,
        indicator: "Númerico Binario: Si o no",
        verification: "Iniciativa mejorada a partir del documento diagnóstico. Número de prácticas identificadas y compartidas",
        start: "01/05/2020",
        end: "31/07/2021",
        progress: 60,
        activities: &[
            ("Generar sinergias entre el Comité Coordinador de la AGA en México y las instancias correspondientes del SNT.", "Propiciar la interlocución entre el Comité Coordinador de la AGA y las instancias correspondientes del Sistema Nacional de Transparencia para la toma de decisiones, la articulación y avance de esta agenda.", "Sesiones entre ambas instancias"),
            ("Extraer lecciones y buenas prácticas de cocreación susceptibles de ser replicadas en el plano federal así como tendientes a mejorar la calidad de los ejercicios de gobierno abierto en las entidades federativas y vincularlas con los esfuerzos federales.", "Integrar repositorio de buenas prácticas derivadas del estudio de prácticas exitosas de apertura institucional en México. Documentar compromisos de los Planes de Acción subnacional que tengan las siguientes características: Replicabilidad de compromisos (de nivel federal a subnacional); Articulación y coordinación entre implementadores a nivel federal y local; Acciones de mejora; Prácticas que contribuyan a reducir las desigualdades", "Micrositio de prácticas destacadas y documento integrado. Número de acciones de gobierno abierto en lo local que replican o complementan compromisos del 4o Plan de Acción Nacional"),
            ("Realizar un mapeo de organizaciones de la sociedad civil interesadas en colaborar en las iniciativas de gobierno abierto, tanto del ámbito nacional como local, incluyendo aquellas que trabajan en favor de grupos prioritarios y con perspectiva de género, así como la creación de un repositorio en la página web donde puedan comunicarse y establecer contacto.", "Integrar puntos de contacto a los cuales se les pueda invitar tanto a los eventos como a las iniciativas o Planes de Acción de gobierno abierto para saber si se encuentran interesadas en participar y su marco de colaboración", "Directorio de organizaciones y puntos de contacto publicado en sitio web AGA /INAI."),
            ("Realizar foros de intercambio entre pares (tales como la Cumbre Nacional de Gobierno Abierto y Transparencia) en conjunto con el Núcleo de Organizaciones de la Sociedad Civil y el Comité Coordinador de la AGA en México.", "Promover la discusión e intercambio de buenas prácticas entre participantes de ejercicios de gobierno abierto a nivel subnacional e implementadores de compromisos de gobierno abierto en el plano federal.", "Relatoría de los foros y eventos de intercambio entre pares."),
            ("Fomentar el diálogo entre diversos actores locales y federales para tomar decisiones de alcance nacional sobre gobierno abierto en México.", "Llevar a cabo reuniones entre diversos actores públicos, privados y sociales (tanto locales como federales) con poder de decisión para tomar acciones en materia de gobierno abierto por regiones y a nivel nacional.", "Minuta de reuniones"),
        ],
    },
    KeyAction {
        name: "Socialización del modelo de articulación de agendas de gobierno abierto en México y metodología para la construcción del Quinto Plan de Acción",
        objective: "Elaborar una metodología de articulación entre la agenda nacional y local de gobierno abierto con miras al desarrollo del Quinto Plan de Acción con un alcance nacional, atendiendo las particularidades de cada región.",
        weight: 25,
        indicator: "Númerico Binario: Si o no",
        verification: "Sitio web con documentación del modelo Número de sensibilizaciones realizadas",
        start: "01/07/2020",
        end: "31/08/2021",
        progress: 20,
        activities: &[
            ("Efectuar actividades de promoción y difusión sobre las prácticas locales que han servido para mejorar el proceso nacional de gobierno abierto.", "Realizar actividades orientadas a promover y difundir las prácticas identificadas.", "Número de sensibilizaciones y webinars realizados. Micrositio con prácticas destacadas."),
            ("Impartición de sesiones explicativas con lenguaje ciudadano en los cuatro temas abordados en el diagnóstico y difundiendo prácticas exitosas: Instancias de coordinación entre autoridades y ciudadanía; Metodologías para la elaboración de Planes de Acción; Herramientas de monitoreo y seguimiento del cumplimiento de los compromisos; Alineación de los compromisos de gobierno abierto con la Agenda 2030 para el Desarrollo Sostenible; Compromisos que contribuyan a la reducción de las desigualdades.", "Realizar talleres para que más personas conozcan sobre prácticas exitosas de gobierno abierto a nivel subnacional y federal y se generen círculos virtuosos de participación.", "Número de sesiones en lenguaje ciudadano realizadas."),
            ("Articular las acciones de difusión y acompañamiento con plataformas instaladas en la materia como la Red de Agentes Locales de Cambio en Gobierno Abierto y Desarrollo Sostenible.", "Involucrar el conocimiento y capacidades de los fellows para buscar la participación de más organizaciones en los esfuerzos de articulación de la agenda nacional y espacios locales de gobierno abierto.", "Estrategia de involucramiento de más organizaciones"),
            ("Metodología de articulación entre la federación y las entidades federativas para el desarrollo del Quinto Plan de Acción.", "Elaborar una metodología que señale las posibles alternativas para incluir a las entidades federativas en la construcción del Quinto Plan de Acción.", "Metodología aprobada"),
            ("Propuesta de recomendaciones para avanzar hacia la adopción de un modelo de gobierno abierto por los municipios.", "Generar recomendaciones para la difusión del modelo de gobierno abierto por los municipios a través de estrategias de difusión.", "Documento de recomendaciones"),
            ("Propiciar el acercamiento con la unidad de apoyo de AGA para visibilizar las prácticas exitosas en otros contextos nacionales así como el modelo de articulación a nivel país", "Obtener proyección y reconocimiento internacional mediante el aval de la AGA así como espacios que permitan la replicabilidad del caso mexicano en otros contextos nacionales. Presentar la práctica mexicana en los foros y encuentros globales de la AGA.", "Sesión de intercambio con la Unidad de Apoyo de la AGA. Presentación del modelo de articulación en Cumbres Globales y encuentros regionales."),
        ],
    },
];

// The rest of the plan (not from the national ficha: a plausible Jalisco draft).
pub const OFFICE: &str = "Dirección de Gobierno Abierto de la Contraloría del Estado de Jalisco";
pub const OFFICE_CONTACT: Person = Person {
    name: "Laura Patricia Gómez Ibarra",
    position: "Directora de Gobierno Abierto",
    institution: "Contraloría del Estado de Jalisco",
    email: "gobierno.abierto@jalisco.gob.mx",
    phone: "33 3668 1613",
};
pub const DEVELOPMENT_PLAN: &str = "Plan Estatal de Gobernanza y Desarrollo de Jalisco 2018-2024";
pub const LEGAL: [&str; 2] = [
    "Ley de Transparencia y Acceso a la Información Pública del Estado de Jalisco y sus Municipios",
    "Reglamento Interno de la Contraloría del Estado",
];
pub const GUARANTOR: &str = "Instituto de Transparencia, Información Pública y Protección de Datos Personales del Estado de Jalisco (ITEI)";
pub const SIGNATORIES: [&str; 2] = [
    "Gobernador del Estado de Jalisco",
    "Comisionada Presidenta del ITEI",
];
pub const POLITICAL_URL: &str = "https://gobiernoabierto.jalisco.gob.mx/declaratoria-2019";
pub const BODY_NAME: &str = "Secretariado Técnico Local de Gobierno Abierto de Jalisco";
pub const SELECTION: &str = "Convocatoria pública a organizaciones de la sociedad civil y academia, con selección por insaculación ante notario.";
pub const RULES_URL: &str = "https://gobiernoabierto.jalisco.gob.mx/reglas-stl";
pub const MONITORING_BODY: &str = "Comité de seguimiento del Secretariado Técnico Local";
/// Name, institution, sector, branch (poder o ámbito) and role of each member.
pub const MEMBERS: [(&str, &str, &str, &str, &str); 3] = [
    (
        "Laura Patricia Gómez Ibarra",
        "Contraloría del Estado de Jalisco",
        "gobierno",
        "ejecutivo",
        "Secretaría técnica",
    ),
    (
        "Pedro Vicente Viveros Reyes",
        "ITEI",
        "gobierno",
        "autonomo",
        "Integrante",
    ),
    (
        "Mariana Ruelas Núñez",
        "Colectivo Ciudadanos por Municipios Transparentes (CIMTRA) Jalisco",
        "sociedad-civil",
        "",
        "Presidencia",
    ),
];
pub const ORG: (&str, &str, &str, &str, &str) = (
    "Jalisco Cómo Vamos, Observatorio Ciudadano",
    "Calidad de vida, indicadores urbanos",
    "Juventudes, zonas rurales",
    "Augusto Chacón Benavides",
    "contacto@jaliscocomovamos.org",
);
pub const INCLUSION: &str = "Mesas en lengua wixárika en el norte del estado, con intérpretes, y sesiones por radio comunitaria.";
pub const SITE_URL: &str = "https://gobiernoabierto.jalisco.gob.mx";
pub const PROBLEM_STATEMENT: &str = "Las personas de los municipios de Jalisco no pueden participar en las decisiones públicas locales porque los ejercicios de gobierno abierto se concentran en la capital.";
pub const PROBLEM_POPULATION: &str =
    "Habitantes de los 124 municipios fuera del Área Metropolitana de Guadalajara";
pub const PROBLEM_BASELINE: &str = "3 de 125 municipios con ejercicios de gobierno abierto";
pub const PROBLEM_SOURCE: &str = "Métrica de Gobierno Abierto 2019, INAI y CIDE";
pub const PROBLEM_CAUSES: &str =
    "Falta de capacidades en los ayuntamientos y de espacios de diálogo con la sociedad civil.";
pub const MEETINGS: &str = "Sesión trimestral abierta del Secretariado Técnico Local con las organizaciones corresponsables.";
pub const UPDATER: &str = "Dirección de Gobierno Abierto de la Contraloría del Estado";
pub const DASHBOARD_URL: &str = "https://gobiernoabierto.jalisco.gob.mx/tablero";
pub const RESPONSE_INPUT: &str =
    "Incluir a los municipios de la región Norte en la estrategia subnacional.";
pub const RESPONSE_SOURCE: &str = "Mesa temática de Colotlán, 12/10/2019";
pub const RESPONSE_REASON: &str =
    "Se incorporó en la actividad 3 de la acción clave 2 (mapeo de organizaciones).";
pub const EVIDENCE: &str = "https://gobiernoabierto.jalisco.gob.mx/evidencia/acta-instalacion.pdf";

fn phone_of(p: &Person) -> ContactInput {
    p.input()
}

/// The whole plan.
pub fn plan() -> Plan {
    let mut plan = Plan {
        profile: Some(
            ProfileInput {
                kind: "estado".into(),
                state: "14".into(),
                plan_name: PLAN_NAME.into(),
                start: "10/12/2019".into(),
                end: "31/08/2021".into(),
                term_end: "05/12/2024".into(),
                ..ProfileInput::default()
            }
            .parse()
            .expect("valid profile"),
        ),
        ..Plan::default()
    };
    plan.office = Some(
        OfficeInput {
            name: OFFICE.into(),
            contact: phone_of(&OFFICE_CONTACT),
        }
        .parse()
        .expect("valid office"),
    );
    plan.framework = Some(
        FrameworkInput {
            development_plan: DEVELOPMENT_PLAN.into(),
            pnd_edition: "2019-2024".into(),
            legal_framework: LEGAL.join("\n"),
            guarantor: GUARANTOR.into(),
        }
        .parse()
        .expect("valid framework"),
    );
    let mut readiness: ReadinessInput = ANSWER_IDS
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let v = if i < 15 { ["2", "3", "1"][i % 3] } else { "si" };
            ((*id).to_owned(), v.to_owned())
        })
        .collect();
    readiness.insert(EVIDENCE_IDS[0].to_owned(), EVIDENCE.to_owned());
    plan.readiness = vec![parse_assessment(&readiness, date!(2019 - 11 - 04)).expect("complete")];
    plan.political = Some(
        PoliticalInput {
            kind: "declaratoria".into(),
            signatories: SIGNATORIES.join("\n"),
            date: "28/11/2019".into(),
            document_url: POLITICAL_URL.into(),
        }
        .parse()
        .expect("valid political commitment"),
    );
    plan.coordination.body = Some(
        BodyInput {
            kind: "stl".into(),
            name: BODY_NAME.into(),
            selection_method: SELECTION.into(),
            rules_url: RULES_URL.into(),
            cadence: "mensual".into(),
            installation_date: "02/12/2019".into(),
            monitoring_body: MONITORING_BODY.into(),
            ..BodyInput::default()
        }
        .parse()
        .expect("valid body"),
    );
    plan.coordination.members = MEMBERS
        .iter()
        .zip(1..)
        .map(|((name, institution, sector, branch, role), id)| {
            MemberInput {
                contact: ContactInput {
                    name: (*name).into(),
                    institution: (*institution).into(),
                    sector: (*sector).into(),
                    branch: (*branch).into(),
                    ..ContactInput::default()
                },
                role: (*role).into(),
            }
            .parse(ItemId(id))
            .expect("valid member")
        })
        .collect();
    plan.coordination.organizations = vec![OrganizationInput {
        name: ORG.0.into(),
        themes: ORG.1.into(),
        priority_groups: ORG.2.into(),
        contact_name: ORG.3.into(),
        email: ORG.4.into(),
        phone: String::new(),
    }
    .parse(ItemId(1))
    .expect("valid organisation")];
    let mut roadmap = RoadmapInput {
        channels: "digital,presencial".into(),
        inclusion_groups: "indigenas,rurales".into(),
        inclusion_strategy: INCLUSION.into(),
        site_url: SITE_URL.into(),
        published_on: "01/09/2019".into(),
        ..RoadmapInput::default()
    };
    for (i, (s, e)) in [
        ("02/09/2019", "30/09/2019"),
        ("01/10/2019", "15/10/2019"),
        ("16/10/2019", "31/10/2019"),
        ("01/11/2019", "15/11/2019"),
        ("16/11/2019", "25/11/2019"),
        ("26/11/2019", "30/11/2019"),
        ("02/12/2019", "09/12/2019"),
    ]
    .into_iter()
    .enumerate()
    {
        roadmap
            .phase_dates
            .insert(PHASE_START_IDS[i].into(), s.into());
        roadmap
            .phase_dates
            .insert(PHASE_END_IDS[i].into(), e.into());
    }
    plan.roadmap = Some(roadmap.parse().expect("valid roadmap"));
    plan.problems = vec![ProblemInput {
        statement: PROBLEM_STATEMENT.into(),
        affected_population: PROBLEM_POPULATION.into(),
        baseline: PROBLEM_BASELINE.into(),
        baseline_source: PROBLEM_SOURCE.into(),
        causes: PROBLEM_CAUSES.into(),
        origin: "mesa".into(),
        priority: "alta".into(),
    }
    .parse(ItemId(1))
    .expect("valid problem")];

    let id = plan.next_commitment_id();
    let mut c = CommitmentInput {
        name: NAME.into(),
        start: "10/12/2019".into(),
        end: "31/08/2021".into(),
    }
    .parse(id, None, None)
    .expect("valid general data");
    c.responsible = RESPONSIBLE
        .iter()
        .zip(1..)
        .map(|(p, i)| p.team_member(i))
        .collect();
    c.co_responsible = CO_RESPONSIBLE
        .iter()
        .zip(3..)
        .map(|(p, i)| p.team_member(i))
        .collect();
    c.objectives = Some(
        ObjectivesInput {
            short_term: SHORT.into(),
            medium_term: MEDIUM.into(),
            problem: "1".into(),
            problem_text: PROBLEM.into(),
            how_it_helps: HOW.into(),
            assumptions: ASSUMPTIONS.into(),
            verification: VERIFICATION.into(),
            other_actors: OTHER_ACTORS.into(),
            summary: SUMMARY.into(),
            additional_info: ADDITIONAL.into(),
        }
        .parse(&[ItemId(1)])
        .expect("valid objectives"),
    );
    c.values = ValuesInput {
        values: "participacion,transparencia".into(),
        participacion: VALUES[0].2.into(),
        transparencia: VALUES[1].2.into(),
        ..ValuesInput::default()
    }
    .parse()
    .expect("valid values");
    c.alignment = AlignmentInput {
        relation: "replica".into(),
        national: "MX0087".into(),
        sdg_targets: SDG_TARGETS.join(","),
        pnd_axis: "otro".into(),
        pnd_axis_other: PND_AXIS.into(),
        local_axis: LOCAL_AXIS.into(),
        gender: GENDER.into(),
    }
    .parse(&plan.national_plan, None)
    .expect("valid alignment");
    for (k, ka) in KEY_ACTIONS.iter().enumerate() {
        let mut parsed = KeyActionInput {
            name: ka.name.into(),
            objective: ka.objective.into(),
            weight: ka.weight.to_string(),
            indicator: ka.indicator.into(),
            verification: ka.verification.into(),
            start: ka.start.into(),
            end: ka.end.into(),
            responsible: KA_PERSON.input(),
            progress: ka.progress.to_string(),
            ..KeyActionInput::default()
        }
        .parse(ItemId(k as u32 + 1), c.period.clone(), Vec::new())
        .expect("valid key action");
        for (a, (name, objective, verification)) in ka.activities.iter().enumerate() {
            parsed.activities.push(
                ActivityInput {
                    name: (*name).into(),
                    objective: (*objective).into(),
                    verification: (*verification).into(),
                    ..ActivityInput::default()
                }
                .parse(ItemId(a as u32 + 1), parsed.period.clone())
                .expect("valid activity"),
            );
        }
        c.key_actions.push(parsed);
    }
    plan.upsert_commitment(c);

    plan.monitoring = Some(
        MonitoringInput {
            frequency: "trimestral".into(),
            dashboard_url: DASHBOARD_URL.into(),
            meetings: MEETINGS.into(),
            updater: UPDATER.into(),
            ..MonitoringInput::default()
        }
        .parse()
        .expect("valid monitoring"),
    );
    plan.responses = vec![ResponseInput {
        input: RESPONSE_INPUT.into(),
        source: RESPONSE_SOURCE.into(),
        decision: "incorporada".into(),
        commitment: id.0.to_string(),
        reason: RESPONSE_REASON.into(),
        ..ResponseInput::default()
    }
    .parse(ItemId(1), &[id])
    .expect("valid response")];
    plan
}
