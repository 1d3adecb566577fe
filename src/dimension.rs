//! Dimensions of a v2 figure (issue 15, `docs/model-v2.md`): who received
//! an award, its form, the movement, the prize rank, the level of the bodies
//! that did the work, the target group, and the dimensions a dataset declares.
//!
//! Two figures that differ only in a dimension value are different figures.
//! An *additive* dimension sums out (the figures of every value add up to the
//! figure without it); a *subset* dimension (a target group) never does.

use std::collections::BTreeMap;

use crate::{Error, ErrorKind, IndicatorId};

/// How a dimension sums out.
///
/// ```
/// let m: danvan::DimensionMode = serde_json::from_str(r#""subset""#).unwrap();
/// assert_eq!(m, danvan::DimensionMode::Subset);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DimensionMode {
    /// Summing it out gives the whole.
    #[default]
    Additive,
    /// A subset (a target group): never summed out.
    Subset,
}

crate::wire::wire_struct! {
/// A dimension declared by a dataset: a custom one, or more values of a
/// built-in one (its values are snake-case ids).
///
/// ```
/// let d: danvan::DimensionDecl = serde_json::from_str(
///     r#"{"id": "house_work", "values": ["new", "repaired"]}"#).unwrap();
/// assert_eq!(d.mode, None); // a custom dimension without mode is additive
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "DimensionDecl"))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionDecl {
    /// The dimension's id.
    pub id: IndicatorId,
    /// A label for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// How it sums out: additive when not given; for a built-in id, the
    /// built-in's mode (giving another is an error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<DimensionMode>,
    /// Its values (for a built-in id: values added to the built-in ones).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<IndicatorId>,
    /// How the report words each value (Vietnamese, e.g. `{"cay_mua_xuan":
    /// "chương trình \"Cây mùa xuân\""}`); a key that is not one of the
    /// values is refused (DV174).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub value_labels: BTreeMap<IndicatorId, String>,
}
}

/// The dimensions every dataset has.
///
/// ```
/// use danvan::{BuiltinDimension, DimensionMode};
///
/// assert_eq!(BuiltinDimension::from_id("recipient"), Some(BuiltinDimension::Recipient));
/// assert_eq!(BuiltinDimension::TargetGroup.mode(), DimensionMode::Subset);
/// assert!(BuiltinDimension::AwardForm.values().contains(&"bang_khen"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BuiltinDimension {
    /// Who received it: `collective`, `individual`, or `both` lumped
    /// ("tập thể, cá nhân", the sum of the other two).
    Recipient,
    /// The form of an award: `bang_khen`, `giay_khen`, `bieu_duong`,
    /// `giay_chung_nhan`. ("Công nhận" of a model is a stage of the model,
    /// not an award.)
    AwardForm,
    /// The movement or programme: `dan_van_kheo`, `qc_dan_chu` (grassroots
    /// democracy), `dan_van_chinh_quyen`, `vi_nguoi_ngheo`, and declared ones.
    Movement,
    /// The rank of a prize: `special`, `first`, `second`, `third`,
    /// `consolation`, `sub_prize`.
    PrizeRank,
    /// The level of the bodies that did the work: `province`, `district`,
    /// `commune`, `village`, or lumped across levels: `district_to_commune`
    /// ("từ huyện đến cơ sở", the sum of `district` and `commune`) and
    /// `province_to_commune` ("từ tỉnh đến cơ sở").
    DoerLevel,
    /// A target group (a subset, never summed out); values are declared by
    /// the dataset.
    TargetGroup,
}

impl BuiltinDimension {
    /// Every built-in dimension.
    ///
    /// ```
    /// assert_eq!(danvan::BuiltinDimension::ALL.len(), 6);
    /// ```
    pub const ALL: [BuiltinDimension; 6] = [
        BuiltinDimension::Recipient,
        BuiltinDimension::AwardForm,
        BuiltinDimension::Movement,
        BuiltinDimension::PrizeRank,
        BuiltinDimension::DoerLevel,
        BuiltinDimension::TargetGroup,
    ];

    /// The wire id.
    ///
    /// ```
    /// assert_eq!(danvan::BuiltinDimension::PrizeRank.id(), "prize_rank");
    /// ```
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            BuiltinDimension::Recipient => "recipient",
            BuiltinDimension::AwardForm => "award_form",
            BuiltinDimension::Movement => "movement",
            BuiltinDimension::PrizeRank => "prize_rank",
            BuiltinDimension::DoerLevel => "doer_level",
            BuiltinDimension::TargetGroup => "target_group",
        }
    }

    /// How it sums out: every built-in is additive but the target group.
    ///
    /// ```
    /// assert_eq!(danvan::BuiltinDimension::Recipient.mode(), danvan::DimensionMode::Additive);
    /// ```
    #[must_use]
    pub const fn mode(self) -> DimensionMode {
        match self {
            BuiltinDimension::TargetGroup => DimensionMode::Subset,
            _ => DimensionMode::Additive,
        }
    }

    /// Its built-in values (a dataset may declare more).
    ///
    /// ```
    /// assert_eq!(danvan::BuiltinDimension::Recipient.values(), ["collective", "individual", "both"]);
    /// ```
    #[must_use]
    pub const fn values(self) -> &'static [&'static str] {
        match self {
            BuiltinDimension::Recipient => &["collective", "individual", "both"],
            BuiltinDimension::AwardForm => {
                &["bang_khen", "giay_khen", "bieu_duong", "giay_chung_nhan"]
            }
            BuiltinDimension::Movement => &[
                "dan_van_kheo",
                "qc_dan_chu",
                "dan_van_chinh_quyen",
                "vi_nguoi_ngheo",
            ],
            BuiltinDimension::PrizeRank => &[
                "special",
                "first",
                "second",
                "third",
                "consolation",
                "sub_prize",
            ],
            BuiltinDimension::DoerLevel => &[
                "province",
                "district",
                "commune",
                "village",
                "district_to_commune",
                "province_to_commune",
            ],
            BuiltinDimension::TargetGroup => &[],
        }
    }

    /// The built-in dimension with this id.
    ///
    /// ```
    /// assert_eq!(danvan::BuiltinDimension::from_id("house_work"), None);
    /// ```
    #[must_use]
    pub fn from_id(id: &str) -> Option<BuiltinDimension> {
        BuiltinDimension::ALL.into_iter().find(|d| d.id() == id)
    }

    /// The values a lumped value stands for: `recipient: both` is
    /// `collective` + `individual`; a doer level spanning levels ("từ huyện
    /// đến cơ sở": `district_to_commune`, the grassroots being the commune
    /// level; `province_to_commune`) is each level's bodies from the first to
    /// the commune.
    fn lumped(self, value: &str) -> Option<&'static [&'static str]> {
        match (self, value) {
            (BuiltinDimension::Recipient, "both") => Some(&["collective", "individual"]),
            (BuiltinDimension::DoerLevel, "district_to_commune") => Some(&["district", "commune"]),
            (BuiltinDimension::DoerLevel, "province_to_commune") => {
                Some(&["province", "district", "commune"])
            }
            _ => None,
        }
    }
}

/// The dimensions of one dataset: the built-ins and its declarations.
///
/// ```
/// use danvan::{DimensionDecl, Dimensions};
///
/// let decl: DimensionDecl = serde_json::from_str(r#"{"id": "house_work", "values": ["new", "repaired"]}"#).unwrap();
/// let dims = Dimensions::new(&[decl])?;
/// dims.check(&"house_work".parse()?, &"new".parse()?)?;
/// assert_eq!(dims.check(&"house_work".parse()?, &"old".parse()?).unwrap_err().code(), "DV174");
/// assert_eq!(dims.check(&"colour".parse()?, &"red".parse()?).unwrap_err().code(), "DV173");
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dimensions {
    /// Each dimension: its mode, its built-in (if any) and its declared values.
    table: BTreeMap<IndicatorId, Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    mode: DimensionMode,
    builtin: Option<BuiltinDimension>,
    declared: Vec<IndicatorId>,
}

impl Dimensions {
    /// The built-ins plus `declared`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownDimension`] for a dimension declared twice, or a
    /// built-in declared with another mode.
    ///
    /// ```
    /// let decl: danvan::DimensionDecl = serde_json::from_str(r#"{"id": "target_group", "mode": "additive"}"#).unwrap();
    /// assert_eq!(danvan::Dimensions::new(&[decl]).unwrap_err().code(), "DV173");
    /// ```
    pub fn new(declared: &[DimensionDecl]) -> Result<Dimensions, Error> {
        let mut table = BTreeMap::new();
        for b in BuiltinDimension::ALL {
            let id: IndicatorId = b.id().parse()?;
            let entry = Entry {
                mode: b.mode(),
                builtin: Some(b),
                declared: Vec::new(),
            };
            table.insert(id, entry);
        }
        let mut seen = std::collections::HashSet::new();
        for d in declared {
            let bad = |why: &'static str| -> Error {
                ErrorKind::UnknownDimension {
                    dimension: d.id.as_str().into(),
                    why,
                }
                .into()
            };
            if !seen.insert(&d.id) {
                return Err(bad("it is declared twice"));
            }
            let builtin =
                BuiltinDimension::from_id(d.id.as_str()).map_or(&[][..], BuiltinDimension::values);
            if let Some(v) = d
                .value_labels
                .keys()
                .find(|v| !d.values.contains(v) && !builtin.contains(&v.as_str()))
            {
                let mut expected: Vec<&str> = builtin.to_vec();
                expected.extend(d.values.iter().map(IndicatorId::as_str));
                return Err(ErrorKind::UnknownDimensionValue {
                    dimension: d.id.as_str().into(),
                    value: v.as_str().into(),
                    expected: expected.join(", ").as_str().into(),
                }
                .into());
            }
            match table.get_mut(&d.id) {
                Some(e) => {
                    if d.mode.is_some_and(|m| m != e.mode) {
                        return Err(bad("a built-in dimension keeps its own mode"));
                    }
                    e.declared.extend(d.values.iter().cloned());
                }
                None => {
                    let entry = Entry {
                        mode: d.mode.unwrap_or_default(),
                        builtin: None,
                        declared: d.values.clone(),
                    };
                    table.insert(d.id.clone(), entry);
                }
            }
        }
        Ok(Dimensions { table })
    }

    /// How the dimension sums out, if it is known.
    ///
    /// ```
    /// let dims = danvan::Dimensions::new(&[])?;
    /// assert_eq!(dims.mode(&"target_group".parse()?), Some(danvan::DimensionMode::Subset));
    /// assert_eq!(dims.mode(&"colour".parse()?), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn mode(&self, dim: &IndicatorId) -> Option<DimensionMode> {
        self.table.get(dim).map(|e| e.mode)
    }

    /// Whether `value` is a value of `dim`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownDimension`] (DV173) for a dimension neither built
    /// in nor declared; [`ErrorKind::UnknownDimensionValue`] (DV174) for a
    /// value the dimension does not have.
    ///
    /// ```
    /// let dims = danvan::Dimensions::new(&[])?;
    /// dims.check(&"recipient".parse()?, &"both".parse()?)?;
    /// assert_eq!(dims.check(&"recipient".parse()?, &"family".parse()?).unwrap_err().code(), "DV174");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    pub fn check(&self, dim: &IndicatorId, value: &IndicatorId) -> Result<(), Error> {
        let Some(e) = self.table.get(dim) else {
            return Err(ErrorKind::UnknownDimension {
                dimension: dim.as_str().into(),
                why: "it is neither built in nor declared in the dataset's dimensions",
            }
            .into());
        };
        let builtin = e.builtin.map_or(&[][..], BuiltinDimension::values);
        if builtin.contains(&value.as_str()) || e.declared.contains(value) {
            return Ok(());
        }
        let mut expected: Vec<&str> = builtin.to_vec();
        expected.extend(e.declared.iter().map(IndicatorId::as_str));
        Err(ErrorKind::UnknownDimensionValue {
            dimension: dim.as_str().into(),
            value: value.as_str().into(),
            expected: expected.join(", ").as_str().into(),
        }
        .into())
    }

    /// The values a lumped value stands for (`recipient: both` →
    /// `collective`, `individual`): its figure is the sum of theirs.
    ///
    /// ```
    /// let dims = danvan::Dimensions::new(&[])?;
    /// assert_eq!(dims.lumped(&"recipient".parse()?, &"both".parse()?), Some(&["collective", "individual"][..]));
    /// assert_eq!(dims.lumped(&"recipient".parse()?, &"collective".parse()?), None);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn lumped(
        &self,
        dim: &IndicatorId,
        value: &IndicatorId,
    ) -> Option<&'static [&'static str]> {
        self.table.get(dim)?.builtin?.lumped(value.as_str())
    }
}
