//! The year's work plan as text.

use std::fmt;

use super::criterion;
use crate::WorkPlan;

/// The year's work plan as text: the declared shape, the listed tasks
/// numbered with breakthrough tasks marked, a note when fewer tasks are
/// listed than declared, and the criteria checklist. Every line ends with a
/// newline.
///
/// Tasks the plan declares but does not list are never made up: the text says
/// how many are listed (the seed names 2 of its 8 key tasks).
///
/// ```
/// use danvan::{Actor, Criterion, KeyTask, WorkPlan};
///
/// let task = KeyTask {
///     title: "Nhiệm vụ A (synthetic)".into(), key: true, breakthrough: true,
///     lead_unit: None, lead_actor: None, targets: vec![], clear: vec![],
/// };
/// let plan = WorkPlan {
///     year: 2023, unit: "30".parse()?, actor: Actor::MobilizationSector,
///     key_tasks: 8, breakthrough_tasks: 2, tasks: vec![task], criteria: Criterion::five_clear(),
/// };
/// assert_eq!(
///     danvan::render::vi::plan(&plan),
///     "Năm 2023: 8 nhiệm vụ trọng tâm, trong đó 2 nhiệm vụ trọng tâm, đột phá:\n\
///      1. [đột phá] Nhiệm vụ A (synthetic)\n\
///      (nguồn chỉ nêu 1/8 nhiệm vụ trọng tâm, 1/2 nhiệm vụ đột phá)\n\
///      Tiêu chí: Rõ người, Rõ việc, Rõ trách nhiệm, Rõ cách làm, Rõ hiệu quả.\n"
/// );
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn plan(plan: &WorkPlan) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_plan(&mut out, plan);
    out
}

/// Writes the text of [`plan`] into `out`.
///
/// # Errors
///
/// Returns the writer's error, if it fails.
///
/// ```
/// let plan = danvan::WorkPlan {
///     year: 2023, unit: "30".parse()?, actor: danvan::Actor::MobilizationSector,
///     key_tasks: 3, breakthrough_tasks: 0, tasks: vec![], criteria: vec![],
/// };
/// let mut text = String::new();
/// danvan::render::vi::write_plan(&mut text, &plan)?;
/// assert_eq!(text, "Năm 2023: 3 nhiệm vụ trọng tâm.\n(nguồn không nêu tên nhiệm vụ trọng tâm nào)\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_plan<W: fmt::Write>(out: &mut W, plan: &WorkPlan) -> fmt::Result {
    write!(
        out,
        "Năm {}: {} nhiệm vụ trọng tâm",
        plan.year, plan.key_tasks
    )?;
    if plan.breakthrough_tasks > 0 {
        write!(
            out,
            ", trong đó {} nhiệm vụ trọng tâm, đột phá",
            plan.breakthrough_tasks
        )?;
    }
    out.write_str(if plan.tasks.is_empty() { ".\n" } else { ":\n" })?;
    for (i, task) in plan.tasks.iter().enumerate() {
        let mark = if task.breakthrough {
            "[đột phá] "
        } else if !task.key {
            "[nhiệm vụ khác] "
        } else {
            ""
        };
        writeln!(out, "{}. {mark}{}", i + 1, task.title.trim())?;
    }

    let listed_key = plan.tasks.iter().filter(|t| t.key).count();
    let listed_breakthrough = plan.tasks.iter().filter(|t| t.breakthrough).count();
    let declared_key = usize::try_from(plan.key_tasks).unwrap_or(usize::MAX);
    let declared_breakthrough = usize::try_from(plan.breakthrough_tasks).unwrap_or(usize::MAX);
    let mut missing: Vec<String> = Vec::new();
    if listed_key < declared_key {
        missing.push(format!("{listed_key}/{declared_key} nhiệm vụ trọng tâm"));
    }
    if listed_breakthrough < declared_breakthrough {
        missing.push(format!(
            "{listed_breakthrough}/{declared_breakthrough} nhiệm vụ đột phá"
        ));
    }
    if listed_key == 0 && declared_key > 0 {
        out.write_str("(nguồn không nêu tên nhiệm vụ trọng tâm nào)\n")?;
    } else if !missing.is_empty() {
        writeln!(out, "(nguồn chỉ nêu {})", missing.join(", "))?;
    }

    if !plan.criteria.is_empty() {
        let words: Vec<String> = plan.criteria.iter().map(criterion).collect();
        writeln!(out, "Tiêu chí: {}.", words.join(", "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Actor, Criterion, KeyTask};

    fn task(title: &str, key: bool, breakthrough: bool) -> KeyTask {
        KeyTask {
            title: title.to_owned(),
            key,
            breakthrough,
            lead_unit: None,
            lead_actor: None,
            targets: Vec::new(),
            clear: Vec::new(),
        }
    }

    fn work_plan(key: u32, breakthrough: u32, tasks: Vec<KeyTask>) -> WorkPlan {
        WorkPlan {
            year: 2023,
            unit: "30".parse().unwrap(),
            actor: Actor::MobilizationSector,
            key_tasks: key,
            breakthrough_tasks: breakthrough,
            tasks,
            criteria: Criterion::five_clear(),
        }
    }

    #[test]
    fn complete_plan_has_no_note() {
        let p = work_plan(
            2,
            1,
            vec![
                task("A (synthetic)", true, true),
                task("B (synthetic)", true, false),
                task("C (synthetic)", false, false),
            ],
        );
        assert_eq!(
            plan(&p),
            "Năm 2023: 2 nhiệm vụ trọng tâm, trong đó 1 nhiệm vụ trọng tâm, đột phá:\n\
             1. [đột phá] A (synthetic)\n\
             2. B (synthetic)\n\
             3. [nhiệm vụ khác] C (synthetic)\n\
             Tiêu chí: Rõ người, Rõ việc, Rõ trách nhiệm, Rõ cách làm, Rõ hiệu quả.\n"
        );
    }

    #[test]
    fn custom_criteria_and_missing_tasks() {
        let mut p = work_plan(8, 2, vec![task("A (synthetic)", true, false)]);
        p.criteria = vec![Criterion {
            id: "time".to_owned(),
            label: Some("Rõ thời gian (synthetic)".to_owned()),
        }];
        assert_eq!(
            plan(&p),
            "Năm 2023: 8 nhiệm vụ trọng tâm, trong đó 2 nhiệm vụ trọng tâm, đột phá:\n\
             1. A (synthetic)\n\
             (nguồn chỉ nêu 1/8 nhiệm vụ trọng tâm, 0/2 nhiệm vụ đột phá)\n\
             Tiêu chí: Rõ thời gian (synthetic).\n"
        );
    }
}
