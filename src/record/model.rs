use chrono::NaiveDate;

use crate::{Level, RecordId, UnitCode};

use std::ops::ControlFlow;

use super::contribution::Contribs;
use super::rules::{Context, Flow, Rules, Sink};
use crate::{Actor, Builtin};

crate::wire::wire_struct! {
/// A "Dân vận khéo" (skilful mobilization) model or exemplary person.
///
/// A *mô hình* is a collective initiative; a *điển hình* an exemplary
/// individual. Its stage is the furthest it has reached; each stage is a
/// subset of the one before, so a model at `Recognized` also counts as
/// registered and effective.
///
/// ```
/// let json = r#"{"unit": "10507", "form": "collective", "field": "economy",
///                "stage": "recognized", "recognized_by": "district"}"#;
/// let model: danvan::SkilfulModel = serde_json::from_str(json).unwrap();
/// assert!(model.stage.includes(danvan::ModelStage::Effective));
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "SkilfulModel")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SkilfulModel {
    /// The record's identifier, if the app gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<RecordId>,
    /// The unit where the model is.
    pub unit: UnitCode,
    /// The model's name, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Collective (mô hình) or individual (điển hình).
    pub form: ModelForm,
    /// The field of work.
    pub field: ModelField,
    /// The furthest stage reached.
    pub stage: ModelStage,
    /// The level whose authority recognized it, if recognized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognized_by: Option<Level>,
    /// When it was registered, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::period::date_serde::option"
    )]
    pub registered: Option<NaiveDate>,
}
}

/// Whether a model is a collective initiative or an exemplary individual.
///
/// ```
/// let f: danvan::ModelForm = serde_json::from_str(r#""individual""#).unwrap();
/// assert_eq!(f, danvan::ModelForm::Individual);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ModelForm {
    /// A collective initiative (mô hình).
    Collective,
    /// An exemplary individual (điển hình).
    Individual,
}

/// The field of a "Dân vận khéo" model.
///
/// ```
/// let f: danvan::ModelField = serde_json::from_str(r#""defence_security""#).unwrap();
/// assert_eq!(f, danvan::ModelField::DefenceSecurity);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ModelField {
    /// Economy (kinh tế).
    Economy,
    /// Culture and society (văn hóa – xã hội).
    CultureSociety,
    /// Defence and security (quốc phòng – an ninh).
    DefenceSecurity,
    /// Building the political system (xây dựng hệ thống chính trị).
    PoliticalSystem,
    /// Any other field.
    Other,
}

/// The stages of a "Dân vận khéo" model, in order; each is a subset of the one before.
///
/// ```
/// use danvan::ModelStage;
/// assert!(ModelStage::Awarded > ModelStage::Registered);
/// assert!(ModelStage::Outstanding.includes(ModelStage::Recognized));
/// assert!(!ModelStage::Effective.includes(ModelStage::Recognized));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ModelStage {
    /// Registered in the movement.
    Registered,
    /// Found effective.
    Effective,
    /// Recognized by an authority.
    Recognized,
    /// Found outstanding.
    Outstanding,
    /// Awarded.
    Awarded,
}

impl ModelStage {
    /// Every stage, in order.
    ///
    /// ```
    /// assert_eq!(danvan::ModelStage::ALL.len(), 5);
    /// ```
    pub const ALL: [ModelStage; 5] = [
        ModelStage::Registered,
        ModelStage::Effective,
        ModelStage::Recognized,
        ModelStage::Outstanding,
        ModelStage::Awarded,
    ];

    /// Whether a model that reached `self` has also passed `other`.
    ///
    /// ```
    /// assert!(danvan::ModelStage::Awarded.includes(danvan::ModelStage::Awarded));
    /// ```
    #[must_use]
    pub fn includes(self, other: ModelStage) -> bool {
        self >= other
    }
}

impl SkilfulModel {
    /// The one-record rules: its unit valid on the period's end; registered
    /// by then.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        let end = r.cx.period().end();
        let unit = r.unit(&self.unit, None, Some(end))?;
        if let Some(registered) = self.registered {
            if registered > end {
                r.in_period("registered", registered)?;
            }
        }
        ControlFlow::Continue(unit)
    }

    /// What it adds, if registered by `end` (or when unknown):
    /// `skilful_models` +1 and +1 on each stage it includes.
    pub(crate) fn contribute(&self, end: NaiveDate, c: &mut Contribs) -> Actor {
        if self.registered.map_or(true, |r| r <= end) {
            c.one(Builtin::SkilfulModels);
            for (stage, b) in ModelStage::ALL.iter().zip(Builtin::MODEL_STAGES) {
                if self.stage.includes(*stage) {
                    c.one(b);
                }
            }
        }
        Actor::MobilizationSector
    }
}
