//! The year's work plan: key tasks, breakthrough tasks, targets and the criteria checklist.

use crate::{Actor, Count, Reported, Truth, UnitCode};

crate::wire::wire_struct! {
/// A year's work plan of a mobilization commission.
///
/// The plan declares its shape — the seed's 2023 plan has 8 key tasks, 2 of them
/// breakthroughs — and may list fewer tasks than it declares: the seed names
/// only the two breakthrough tasks, and the others must not be invented. Listing
/// fewer is a warning, listing more an error (see [`check`](crate::check)).
///
/// ```
/// let json = r#"{
///     "year": 2023, "unit": "30", "actor": "mobilization_sector",
///     "key_tasks": 8, "breakthrough_tasks": 2,
///     "tasks": [{"title": "synthetic task", "breakthrough": true}]
/// }"#;
/// let plan: danvan::WorkPlan = serde_json::from_str(json).unwrap();
/// assert_eq!(plan.criteria.len(), 5); // "5 rõ" by default
/// assert_eq!(plan.tasks.iter().filter(|t| t.breakthrough).count(), 1);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "WorkPlan")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct WorkPlan {
    /// The year the plan is for.
    pub year: i32,
    /// The unit whose plan it is.
    pub unit: UnitCode,
    /// The body whose plan it is.
    pub actor: Actor,
    /// How many key tasks the plan declares (nhiệm vụ trọng tâm).
    pub key_tasks: u32,
    /// How many of them are breakthrough tasks (nhiệm vụ đột phá).
    pub breakthrough_tasks: u32,
    /// The tasks the plan lists: possibly fewer than declared.
    #[serde(default)]
    pub tasks: Vec<KeyTask>,
    /// The checklist each task is set out against; "5 rõ" by default.
    #[serde(default = "Criterion::five_clear")]
    pub criteria: Vec<Criterion>,
}
}

crate::wire::wire_struct! {
/// A key task of a work plan.
///
/// ```
/// let t: danvan::KeyTask = serde_json::from_str(r#"{"title": "synthetic"}"#).unwrap();
/// assert!(t.key && !t.breakthrough);
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "KeyTask")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyTask {
    /// What the task is, in the plan's words.
    pub title: String,
    /// Whether the task is a key task; a breakthrough task must be one.
    #[serde(default = "yes")]
    pub key: bool,
    /// Whether the task is a breakthrough task.
    #[serde(default)]
    pub breakthrough: bool,
    /// The unit that leads it, if named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_unit: Option<UnitCode>,
    /// The body that leads it, if named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_actor: Option<Actor>,
    /// Measurable targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// How the task meets each criterion of the plan's checklist, by criterion id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clear: Vec<CriterionEntry>,
}
}

fn yes() -> bool {
    true
}

crate::wire::wire_struct! {
/// A measurable target of a key task.
///
/// ```
/// use danvan::{Count, Direction, Reported, Target, TargetStatus};
///
/// let t = Target {
///     description: "synthetic: models recognized".into(),
///     baseline: Some(Reported::exact(Count::new(1229))),
///     target: Count::new(1300),
///     actual: Some(danvan::notation::parse_reported("hơn 1.300")?),
///     direction: Direction::Increase,
/// };
/// assert_eq!(t.status(), TargetStatus::Met);
/// # Ok::<(), danvan::Error>(())
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Target")
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What is measured.
    pub description: String,
    /// Where it started, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Reported>,
    /// The value to reach (or to stay within, for a decrease).
    pub target: Count,
    /// What was achieved, if known; may be qualified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Reported>,
    /// Whether more or less is better.
    pub direction: Direction,
}
}

impl Target {
    /// Whether the target is met, judged three-valued on a qualified actual.
    ///
    /// "hơn 1.300" meets a target of 1.300; "gần 1.300" does not tell; no actual
    /// does not tell either.
    ///
    /// ```
    /// use danvan::{Count, Direction, Target, TargetStatus};
    ///
    /// let t = Target {
    ///     description: "synthetic: complaints".into(),
    ///     baseline: None,
    ///     target: Count::new(10),
    ///     actual: Some(danvan::notation::parse_reported("gần 12")?),
    ///     direction: Direction::Decrease,
    /// };
    /// assert_eq!(t.status(), TargetStatus::Unknown);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> TargetStatus {
        let Some(actual) = self.actual else {
            return TargetStatus::Unknown;
        };
        let truth = match self.direction {
            Direction::Increase => actual.reaches(self.target),
            Direction::Decrease => actual.stays_within(self.target),
        };
        match truth {
            Truth::True => TargetStatus::Met,
            Truth::False => TargetStatus::NotMet,
            Truth::Unknown => TargetStatus::Unknown,
        }
    }
}

/// Whether a target asks for more or for less.
///
/// ```
/// let d: danvan::Direction = serde_json::from_str(r#""decrease""#).unwrap();
/// assert_eq!(d, danvan::Direction::Decrease);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The actual must reach the target.
    Increase,
    /// The actual must stay within the target.
    Decrease,
}

/// Whether a target is met.
///
/// ```
/// assert_ne!(danvan::TargetStatus::Met, danvan::TargetStatus::Unknown);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// The actual certainly meets the target.
    Met,
    /// The actual certainly misses it.
    NotMet,
    /// The actual is missing or too vague to tell.
    Unknown,
}

crate::wire::wire_struct! {
/// One criterion of a plan's checklist, such as "rõ người" (clear person).
///
/// The checklist is data: the seed's "5 rõ" is the default
/// ([`Criterion::five_clear`]); provinces use other lists such as "6 rõ".
/// Built-in criteria have no label here: [`render::vi::criterion`](crate::render::vi::criterion)
/// words them.
///
/// ```
/// let five = danvan::Criterion::five_clear();
/// assert_eq!(five[0].id, "person");
/// assert_eq!(danvan::render::vi::criterion(&five[0]), "Rõ người");
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Criterion")
)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// A short identifier, unique in the checklist, e.g. `"person"`.
    pub id: String,
    /// The label, for criteria other than the built-in "5 rõ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}
}

impl Criterion {
    /// The ids of the "5 rõ": clear person, task, responsibility, method and result.
    ///
    /// ```
    /// assert_eq!(danvan::Criterion::FIVE_CLEAR_IDS.len(), 5);
    /// ```
    pub const FIVE_CLEAR_IDS: [&'static str; 5] =
        ["person", "task", "responsibility", "method", "result"];

    /// The seed's checklist, "Rõ người, rõ việc, rõ trách nhiệm, rõ cách làm, rõ hiệu quả".
    ///
    /// ```
    /// assert_eq!(danvan::Criterion::five_clear().len(), 5);
    /// ```
    #[must_use]
    pub fn five_clear() -> Vec<Criterion> {
        Criterion::FIVE_CLEAR_IDS
            .into_iter()
            .map(|id| Criterion {
                id: id.to_owned(),
                label: None,
            })
            .collect()
    }
}

crate::wire::wire_struct! {
/// How a task meets one criterion of the checklist.
///
/// ```
/// let e: danvan::CriterionEntry =
///     serde_json::from_str(r#"{"criterion": "person", "text": "synthetic"}"#).unwrap();
/// assert_eq!(e.criterion, "person");
/// ```
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CriterionEntry")
)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionEntry {
    /// The criterion's id.
    pub criterion: String,
    /// What the task says for it.
    pub text: String,
}
}
