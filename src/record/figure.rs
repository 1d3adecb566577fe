use crate::{Actor, Error, ErrorKind, Excerpt, IndicatorId, Measure, Period, Reported, UnitCode};

/// How many of a figure's actors an error names (the count says how many there are).
const NAMED_ACTORS: usize = 8;

use std::ops::ControlFlow;

use super::rules::{Context, Flow, Rules, Sink};
use crate::IndicatorKind;
use crate::ValueType;

crate::wire::wire_struct! {
/// A figure that arrives as a total rather than as records: what one actor
/// reported for one indicator, unit and period.
///
/// `actor` names exactly one actor; a list is accepted on the wire only so
/// that [`check`](crate::check) can say clearly that figures of several actors
/// must not be summed into one.
///
/// ```
/// let json = r#"{"indicator": "conference_participants", "unit": "30",
///                "actor": "mobilization_sector", "value": {"at_least": 6800}}"#;
/// let f: danvan::Figure = serde_json::from_str(json).unwrap();
/// assert_eq!(f.actors, vec![danvan::Actor::MobilizationSector]);
/// assert_eq!(f.value.map(|v| v.qualifier()), Some(danvan::Qualifier::AtLeast));
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Figure")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is counted.
    pub indicator: IndicatorId,
    /// The unit the figure is for (its whole area).
    pub unit: UnitCode,
    /// The period, when it differs from the dataset's (it must lie inside it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Who reported it: exactly one actor.
    #[serde(rename = "actor", with = "one_or_many")]
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "one_or_many_actors")
    )]
    pub actors: Vec<Actor>,
    /// The value, for count indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Reported>,
    /// The amount, for amount indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Measure>,
    /// A breakdown of the value, e.g. collectives and individuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<FigurePart>,
}
}

impl Figure {
    /// The one actor the figure names.
    ///
    /// # Errors
    ///
    /// Returns [`ErrorKind::NotOneActor`] when it names none or several: figures
    /// of different actors are reported separately, never summed into one.
    ///
    /// ```
    /// let json = r#"{"indicator": "documents", "unit": "30",
    ///                "actor": ["government", "other"], "value": 3}"#;
    /// let f: danvan::Figure = serde_json::from_str(json).unwrap();
    /// assert_eq!(f.actor().unwrap_err().code(), "DV079");
    /// ```
    pub fn actor(&self) -> Result<Actor, Error> {
        match self.actors.as_slice() {
            [one] => Ok(*one),
            many => Err(ErrorKind::NotOneActor {
                // A few names say enough; the count says how many there are.
                actors: Excerpt::new(
                    &many
                        .iter()
                        .take(NAMED_ACTORS)
                        .map(|a| a.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                count: many.len(),
            }
            .into()),
        }
    }
}

crate::wire::wire_struct! {
/// One part of a figure's breakdown.
///
/// ```
/// let p: danvan::FigurePart = serde_json::from_str(r#"{"label": "collective", "value": 11}"#).unwrap();
/// assert_eq!(p.value.value().get(), 11);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "FigurePart")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FigurePart {
    /// What the part is, e.g. `"collective"`.
    pub label: String,
    /// Its value.
    pub value: Reported,
}
}

/// Serde for a field that holds one actor, or a list of them: v1 figures
/// read a list of any length (and `Figure::actor` asks for one), v2 actor
/// sets ([`deserialize_set`]) refuse an empty list.
pub(crate) mod one_or_many {
    use std::fmt;

    use serde::de::{self, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};

    use crate::Actor;

    pub(crate) fn serialize<S: Serializer>(actors: &[Actor], s: S) -> Result<S::Ok, S::Error> {
        match actors {
            [one] => s.serialize_str(one.as_str()),
            many => s.collect_seq(many.iter()),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Actor>, D::Error> {
        d.deserialize_any(V { set: false })
    }

    /// An actor or a non-empty actor set (v2).
    pub(crate) fn deserialize_set<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Actor>, D::Error> {
        d.deserialize_any(V { set: true })
    }

    struct V {
        /// An actor set: a list must name at least one actor.
        set: bool,
    }

    impl<'de> Visitor<'de> for V {
        type Value = Vec<Actor>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if self.set {
                f.write_str("an actor such as \"party_committees\", or a non-empty list of actors")
            } else {
                f.write_str("an actor such as \"party_committees\"")
            }
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<Actor>, E> {
            v.parse::<Actor>().map(|a| vec![a]).map_err(E::custom)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Actor>, A::Error> {
            let mut out = Vec::new();
            while let Some(a) = seq.next_element::<Actor>()? {
                out.push(a);
            }
            if self.set && out.is_empty() {
                return Err(de::Error::custom(
                    "an empty actor set: name at least one actor",
                ));
            }
            Ok(out)
        }
    }
}

impl Figure {
    /// The one-record rules: its period inside the dataset's; its unit valid
    /// on the period's end; one actor; a known indicator with its kind of
    /// value; parts that add up to the value.
    pub(crate) fn rules<C: Context + ?Sized, S: Sink + ?Sized>(
        &self,
        r: &mut Rules<'_, C, S>,
    ) -> Flow<Option<C::Handle>> {
        let dataset = r.cx.period();
        let period = self.period.unwrap_or(dataset);
        if !dataset.contains_period(&period) {
            r.error(
                Some("period"),
                ErrorKind::FigurePeriodOutside {
                    period: period.to_string(),
                    dataset: dataset.to_string(),
                },
            )?;
        }
        let unit = r.unit(&self.unit, None, Some(period.end()))?;
        if let Err(err) = self.actor() {
            r.error(Some("actor"), err.into_kind())?;
        }
        let kind = match r.cx.indicator(&self.indicator) {
            None => {
                r.error(
                    Some("indicator"),
                    ErrorKind::UnknownIndicator {
                        id: self.indicator.to_string(),
                    },
                )?;
                None
            }
            Some((kind, values)) => {
                let ok = match values {
                    ValueType::Count => self.value.is_some() && self.amount.is_none(),
                    ValueType::Amount => self.amount.is_some() && self.value.is_none(),
                };
                if !ok {
                    r.error(
                        None,
                        ErrorKind::ValueTypeMismatch {
                            id: self.indicator.to_string(),
                            expected: match values {
                                ValueType::Count => "value",
                                ValueType::Amount => "amount",
                            },
                        },
                    )?;
                }
                Some(kind)
            }
        };
        if let (Some(total), false) = (self.value, self.parts.is_empty()) {
            r.parts(total, &self.parts, kind == Some(IndicatorKind::Distinct))?;
        }
        ControlFlow::Continue(unit)
    }
}

/// The schema of the `actor` field of a figure: one actor, or on input a list
/// of actors (accepted so that [`check`](crate::check) can reject it by name).
#[cfg(feature = "schema")]
fn one_or_many_actors(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let actor = generator.subschema_for::<crate::Actor>();
    schemars::json_schema!({
        "description": "Who reported the figure: exactly one actor. A list is accepted only so that the check can report that figures of several actors are never summed.",
        "anyOf": [actor, {"type": "array", "items": actor}]
    })
}

#[cfg(test)]
mod tests {
    /// A figure naming a huge list of actors gets a short message: the
    /// stream keeps up to a thousand of them.
    #[test]
    fn many_actors_make_a_short_message() {
        let actors = vec!["\"other\""; 130_000].join(",");
        let json = format!(
            r#"{{"indicator": "documents", "unit": "30", "actor": [{actors}], "value": 1}}"#
        );
        let f: super::Figure = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        let err = f.actor().unwrap_err();
        assert_eq!(err.code(), "DV079");
        let text = err.to_string();
        assert!(text.len() < 400, "{} bytes: {text}", text.len());
        assert!(text.contains("130000 actors"), "{text}");
        let vi = crate::render::vi::message(err.kind());
        assert!(vi.len() < 400, "{vi}");
    }
}
