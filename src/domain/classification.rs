//! How the plan classifies each commitment the way OGP's data does: the Open
//! Gov Challenge area (OGP strategy 2023-2028), the primary policy area and
//! sector, whether it is a new practice or continues one, whether it changes
//! rules in a binding or institutionalised way, and whether the plan nominates
//! it to the Open Gov Challenge.
//!
//! These are the plan's own answers, written before submission; what the
//! monitoring body later publishes about the same questions is the inception
//! assessment in [`super::ogp`]. Every answer is optional; the quality review
//! ([`super::quality`]) reads them (binding change for the potential for
//! results, the nomination's eligibility).

use serde::{Deserialize, Serialize};

use super::choice::{choices, optional_choice};
use super::contact::MAX_SHORT;
use super::error::{optional_text, Named, Reading};
use super::ogp::{Practice, YesNo};
use super::unknown::{carry_fields, Carry, Unknown};

choices! {
    /// The ten areas of the Open Gov Challenge (OGP strategy 2023-2028).
    ChallengeArea {
        AccesoInformacion => "acceso-informacion",
        Anticorrupcion => "anticorrupcion",
        EspacioCivico => "espacio-civico",
        ClimaMedioAmbiente => "clima-medio-ambiente",
        GobernanzaDigital => "gobernanza-digital",
        AperturaFiscal => "apertura-fiscal",
        GeneroInclusion => "genero-inclusion",
        Justicia => "justicia",
        LibertadMedios => "libertad-medios",
        ParticipacionPublica => "participacion-publica",
    }
}

/// Policy areas OGP tags commitments with, in Spanish (a partial list seen on
/// OGP's glossary and Mexico's commitment pages, `../shared/data/ogp/`):
/// suggestions only, the field takes any text.
pub const POLICY_AREAS: &[&str] = &[
    "Acceso a la información",
    "Acceso a la justicia",
    "Anticorrupción",
    "Apertura fiscal",
    "Cambio climático y medio ambiente",
    "Comunidades marginadas",
    "Conflictos de interés",
    "Datos abiertos",
    "Declaraciones patrimoniales",
    "Democratización de la toma de decisiones",
    "Derechos humanos",
    "Espacio cívico",
    "Fortalecimiento de capacidades",
    "Género",
    "Gobierno digital",
    "Inclusión",
    "Industrias extractivas",
    "Juventudes",
    "Objetivos de Desarrollo Sostenible",
    "Participación pública",
    "Participación pública en el presupuesto",
    "Personas con discapacidad",
    "Prestación de servicios públicos",
    "Publicación de información presupuestal",
    "Rendición de cuentas social",
    "Salud",
    "Agua y saneamiento",
    "Subnacional",
];

/// Sectors of government a commitment works in: suggestions only.
pub const SECTORS: &[&str] = &[
    "Agua",
    "Bienestar y desarrollo social",
    "Educación",
    "Finanzas públicas",
    "Gobierno y administración pública",
    "Justicia",
    "Medio ambiente",
    "Movilidad y transporte",
    "Obras públicas",
    "Salud",
    "Seguridad",
    "Trabajo",
    "Vivienda y desarrollo urbano",
];

/// The plan's classification of one commitment (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    #[serde(default)]
    pub challenge_area: Option<ChallengeArea>,
    #[serde(default)]
    pub policy_area: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub practice: Option<Practice>,
    /// Whether it changes rules in a binding or institutionalised way (a law,
    /// a regulation, a cabildo agreement, guidelines).
    #[serde(default)]
    pub binding: Option<YesNo>,
    /// "Postular al Open Gov Challenge".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nominate: bool,
    /// Fields of a newer version, kept unchanged ([`crate::domain::unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

carry_fields!(Classification);

impl Classification {
    /// True when it records nothing (not even fields of a newer version).
    pub fn is_empty(&self) -> bool {
        *self == Classification::default()
    }

    /// What saving the page stores over `existing`: `None` when it records
    /// nothing (an empty page removes the classification). Fields of a newer
    /// version in `existing` stay, so a classification holding only those
    /// is kept, as the commitment's OGP record is.
    pub fn saved_over(mut self, existing: Option<&Classification>) -> Option<Classification> {
        if let Some(before) = existing {
            self.unknown.carry_from(&before.unknown);
        }
        (!self.is_empty()).then_some(self)
    }
}

/// The classification page as typed (serde names are [`Named`] keys).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClassificationInput {
    #[serde(rename = "area-desafio")]
    pub challenge_area: String,
    #[serde(rename = "area-politica")]
    pub policy_area: String,
    #[serde(rename = "sector-compromiso")]
    pub sector: String,
    #[serde(rename = "practica-compromiso")]
    pub practice: String,
    #[serde(rename = "cambio-vinculante")]
    pub binding: String,
    /// "si" when the box is ticked.
    #[serde(rename = "postular-desafio")]
    pub nominate: String,
}

impl ClassificationInput {
    pub fn from_value(c: &Classification) -> Self {
        Self {
            challenge_area: c
                .challenge_area
                .map(|a| a.key().to_owned())
                .unwrap_or_default(),
            policy_area: c.policy_area.clone().unwrap_or_default(),
            sector: c.sector.clone().unwrap_or_default(),
            practice: c.practice.map(|p| p.key().to_owned()).unwrap_or_default(),
            binding: c.binding.map(|b| b.key().to_owned()).unwrap_or_default(),
            nominate: if c.nominate {
                "si".to_owned()
            } else {
                String::new()
            },
        }
    }

    /// Every answer is optional: only an unknown choice or a text too long
    /// blocks saving. An empty page reads as an empty classification.
    pub fn read(&self) -> Reading<Classification> {
        let mut errors = Vec::new();
        let challenge_area = optional_choice(
            &self.challenge_area,
            Named::ChallengeArea.into(),
            ChallengeArea::from_key,
            &mut errors,
        );
        let policy_area = optional_text(
            &self.policy_area,
            Named::PolicyArea.into(),
            MAX_SHORT,
            &mut errors,
        );
        let sector = optional_text(
            &self.sector,
            Named::CommitmentSector.into(),
            MAX_SHORT,
            &mut errors,
        );
        let practice = optional_choice(
            &self.practice,
            Named::OwnPractice.into(),
            Practice::from_key,
            &mut errors,
        );
        let binding = optional_choice(
            &self.binding,
            Named::OwnBinding.into(),
            YesNo::from_key,
            &mut errors,
        );
        let nominate = self.nominate.trim() == "si";
        Reading::new(
            || Classification {
                challenge_area,
                policy_area,
                sector,
                practice,
                binding,
                nominate,
                unknown: Unknown::new(),
            },
            errors,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_page_is_an_empty_classification() {
        let c = ClassificationInput::default().read().savable().unwrap();
        assert!(c.is_empty());
    }

    #[test]
    fn a_page_reads_back_as_typed() {
        let input = ClassificationInput {
            challenge_area: "anticorrupcion".into(),
            policy_area: "Apertura fiscal".into(),
            sector: "Finanzas públicas".into(),
            practice: "nuevo".into(),
            binding: "si".into(),
            nominate: "si".into(),
        };
        let c = input.read().savable().unwrap();
        assert_eq!(c.challenge_area, Some(ChallengeArea::Anticorrupcion));
        assert!(c.nominate);
        assert_eq!(ClassificationInput::from_value(&c), input);
    }

    #[test]
    fn an_unknown_area_blocks_saving() {
        let input = ClassificationInput {
            challenge_area: "turismo".into(),
            ..Default::default()
        };
        assert!(input.read().savable().is_err());
    }
}
