//! Step 4: the co-creation roadmap (hoja de ruta de cocreación): its phases
//! with dates, channels, inclusion strategy, where it is published.

use serde::{Deserialize, Serialize};

use super::choice::{choice_set, choices, join_keys};
use super::contact::{optional, WebAddress, MAX_LONG};
use super::date::{format_date, parse_date, PartialDate, Period};
use super::error::{
    optional_text, Field, FieldError, Named, Problem, PHASE_END_IDS, PHASE_START_IDS,
};
use super::unknown::{carry_fields, list_item_by, Unknown};

choices! {
    /// The phases of co-creation, in the order they happen.
    Phase {
        Sensibilizacion => "sensibilizacion",
        Consulta => "consulta",
        MesasTematicas => "mesas",
        Redaccion => "redaccion",
        RespuestaRazonada => "respuesta",
        Validacion => "validacion",
        Publicacion => "publicacion",
    }
}

choices! {
    /// How people can take part.
    Channel {
        Digital => "digital",
        Presencial => "presencial",
        Remoto => "remoto",
    }
}

choices! {
    /// Groups the inclusion strategy reaches out to.
    InclusionGroup {
        Mujeres => "mujeres",
        PueblosIndigenas => "indigenas",
        Afromexicanas => "afromexicanas",
        Discapacidad => "discapacidad",
        Juventudes => "juventudes",
        ZonasRurales => "rurales",
    }
}

/// A phase with its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseDates {
    pub phase: Phase,
    pub period: Period,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(PhaseDates, period);
list_item_by!(PhaseDates, phase);

/// Step 4, valid by construction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roadmap {
    /// Only the phases that have dates, in phase order.
    #[serde(default)]
    pub phases: Vec<PhaseDates>,
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub inclusion_groups: Vec<InclusionGroup>,
    #[serde(default)]
    pub inclusion_strategy: Option<String>,
    #[serde(default)]
    pub site_url: Option<WebAddress>,
    #[serde(default)]
    pub repository_url: Option<WebAddress>,
    #[serde(default)]
    pub published_on: Option<PartialDate>,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Roadmap, phases);

/// The roadmap page as typed: fixed keys plus one start and end per phase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoadmapInput {
    #[serde(rename = "canales")]
    pub channels: String,
    #[serde(rename = "grupos-inclusion")]
    pub inclusion_groups: String,
    #[serde(rename = "estrategia-inclusion")]
    pub inclusion_strategy: String,
    #[serde(rename = "liga-sitio")]
    pub site_url: String,
    #[serde(rename = "liga-repositorio")]
    pub repository_url: String,
    #[serde(rename = "fecha-publicacion-ruta")]
    pub published_on: String,
    /// Phase dates by form key (`PHASE_START_IDS`, `PHASE_END_IDS`).
    #[serde(flatten)]
    pub phase_dates: std::collections::BTreeMap<String, String>,
}

/// A roadmap fact that OGP's standards would flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoadmapGap {
    /// Not published, or published after co-creation began.
    NotPublishedBeforeCocreation,
    NoPhases,
}

impl RoadmapInput {
    pub fn from_value(r: &Roadmap) -> Self {
        let mut phase_dates = std::collections::BTreeMap::new();
        for p in &r.phases {
            let i = Phase::ALL.iter().position(|x| *x == p.phase).unwrap_or(0);
            phase_dates.insert(PHASE_START_IDS[i].to_owned(), format_date(p.period.start()));
            phase_dates.insert(PHASE_END_IDS[i].to_owned(), format_date(p.period.end()));
        }
        Self {
            channels: join_keys(r.channels.iter().map(|c| c.key())),
            inclusion_groups: join_keys(r.inclusion_groups.iter().map(|c| c.key())),
            inclusion_strategy: r.inclusion_strategy.clone().unwrap_or_default(),
            site_url: r
                .site_url
                .as_ref()
                .map(|u| u.as_str().to_owned())
                .unwrap_or_default(),
            repository_url: r
                .repository_url
                .as_ref()
                .map(|u| u.as_str().to_owned())
                .unwrap_or_default(),
            published_on: r.published_on.map(format_date).unwrap_or_default(),
            phase_dates,
        }
    }

    pub fn parse(&self) -> Result<Roadmap, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut phases = Vec::new();
        for (i, phase) in Phase::ALL.iter().enumerate() {
            let get = |k: &str| self.phase_dates.get(k).map_or("", String::as_str);
            let (start, end) = (get(PHASE_START_IDS[i]), get(PHASE_END_IDS[i]));
            let (sf, ef) = (Field::Phase(i as u8, false), Field::Phase(i as u8, true));
            // With one date missing, the other is still checked, so every
            // problem shows on the first "Guardar y continuar".
            let check = |raw: &str, field: Field, errors: &mut Vec<FieldError>| {
                if let Err(p) = parse_date(raw) {
                    errors.push(FieldError::new(field, p));
                }
            };
            match (start.trim().is_empty(), end.trim().is_empty()) {
                (true, true) => {}
                (false, true) => {
                    check(start, sf, &mut errors);
                    errors.push(FieldError::new(ef, Problem::Missing));
                }
                (true, false) => {
                    errors.push(FieldError::new(sf, Problem::Missing));
                    check(end, ef, &mut errors);
                }
                (false, false) => {
                    if let Some(period) = Period::parse(start, end, sf, ef, &mut errors) {
                        phases.push(PhaseDates {
                            phase: *phase,
                            period,
                            unknown: Unknown::new(),
                        });
                    }
                }
            }
        }
        let channels = choice_set(
            &self.channels,
            Named::Channels.into(),
            Channel::ALL,
            Channel::from_key,
            &mut errors,
        );
        let inclusion_groups = choice_set(
            &self.inclusion_groups,
            Named::InclusionGroups.into(),
            InclusionGroup::ALL,
            InclusionGroup::from_key,
            &mut errors,
        );
        let inclusion_strategy = optional_text(
            &self.inclusion_strategy,
            Named::InclusionStrategy.into(),
            MAX_LONG,
            &mut errors,
        );
        let site_url = optional(
            &self.site_url,
            Named::SiteUrl.into(),
            WebAddress::parse,
            &mut errors,
        );
        let repository_url = optional(
            &self.repository_url,
            Named::RepositoryUrl.into(),
            WebAddress::parse,
            &mut errors,
        );
        let published_on = optional(
            &self.published_on,
            Named::RoadmapPublished.into(),
            parse_date,
            &mut errors,
        );
        if errors.is_empty() {
            Ok(Roadmap {
                phases,
                channels,
                inclusion_groups,
                inclusion_strategy,
                site_url,
                repository_url,
                published_on,
                unknown: Unknown::new(),
            })
        } else {
            Err(errors)
        }
    }
}

impl Roadmap {
    /// When co-creation starts: the first phase after awareness-raising.
    pub fn cocreation_start(&self) -> Option<PartialDate> {
        self.phases
            .iter()
            .filter(|p| p.phase != Phase::Sensibilizacion)
            .map(|p| p.period.start())
            .min()
    }

    /// OGP asks that the roadmap be public before co-creation starts.
    pub fn gaps(&self) -> Vec<RoadmapGap> {
        let mut gaps = Vec::new();
        if self.phases.is_empty() {
            gaps.push(RoadmapGap::NoPhases);
        }
        match (self.published_on, self.cocreation_start()) {
            (None, _) => gaps.push(RoadmapGap::NotPublishedBeforeCocreation),
            (Some(p), Some(s)) if p > s => gaps.push(RoadmapGap::NotPublishedBeforeCocreation),
            _ => {}
        }
        gaps
    }
}
