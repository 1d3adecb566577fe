//! The manual run of issue 14, point 4 (not run by CI; the files are GPL and
//! stay outside the repository): loads the national unit lists before and
//! after the reform of 1 July 2025 and the national mapping, puts
//! `RECORDS` synthetic conference records (default 1,000,000) on the old
//! communes that the mapping covers, carries their totals onto the new units
//! with [`Totals::rekey`] and reports how many new provinces and communes
//! come out exact.
//!
//! ```text
//! cargo run --release --example reform_manual -- \
//!     ../shared/reference/vn-units-2025-01.json ../shared/reference/vn-units-2025.json \
//!     ../shared/reference/vn-units-2025-mapping.json [RECORDS]
//! ```
//!
//! The 2025 list writes `as_of` as a date followed by a comment
//! (`"2025-07-01 (units in force …)"`), which the units reader refuses (it
//! wants `YYYY-MM-DD`): this program keeps the date part before reading.
//! Every record is synthetic; the participants of a record are 1 to 200.

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::NaiveDate;
use danvan::{
    Accumulator, Actor, Builtin, Conference, ConferenceKind, Count, CrosswalkBuilder, Headcount,
    Hierarchy, Level, Period, Qualifier, RekeyOptions, Reported,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old_path, new_path, mapping_path, rest @ ..] = args.as_slice() else {
        return Err("usage: reform_manual OLD_UNITS NEW_UNITS MAPPING [RECORDS]".into());
    };
    let n: u64 = rest.first().map_or(Ok(1_000_000), |s| s.parse())?;

    let started = Instant::now();
    let old = Hierarchy::from_units_json(std::fs::File::open(old_path)?)?;
    let mut new_doc: serde_json::Value = serde_json::from_reader(std::fs::File::open(new_path)?)?;
    if let Some(as_of) = new_doc.get_mut("as_of") {
        let date: String = as_of.as_str().unwrap_or("").chars().take(10).collect();
        *as_of = serde_json::Value::String(date);
    }
    let new = Hierarchy::from_units_json(new_doc.to_string().as_bytes())?;
    let builder = CrosswalkBuilder::from_reform_mapping_json(std::fs::File::open(mapping_path)?)?;
    println!("problems of the mapping: {}", builder.problems().len());
    let crosswalk = builder.build()?;
    println!(
        "old: {} provinces, {} districts, {} communes; new: {} provinces, {} communes; {} entries ({} communes, {} provinces) read in {:.2?}",
        old.count_at(Level::Province),
        old.count_at(Level::District),
        old.count_at(Level::Commune),
        new.count_at(Level::Province),
        new.count_at(Level::Commune),
        crosswalk.len(),
        crosswalk.entries().filter(|e| e.from().level() == Level::Commune).count(),
        crosswalk.entries().filter(|e| e.from().level() == Level::Province).count(),
        started.elapsed()
    );
    let mut warnings: BTreeMap<String, usize> = BTreeMap::new();
    for w in crosswalk.warnings(&old, &new) {
        *warnings.entry(w.code().to_string()).or_insert(0) += 1;
    }
    println!("warnings by code: {warnings:?}");
    let errors = crosswalk.check(&old, &new, Level::Commune);
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    for e in &errors {
        *by_code.entry(e.code().to_string()).or_insert(0) += 1;
    }
    println!("check at commune level by code: {by_code:?}");

    // Old communes of the old list that the mapping covers.
    let communes: Vec<danvan::UnitCode> = old
        .iter()
        .filter(|(_, u)| u.level() == Level::Commune && crosswalk.entry(&u.code()).is_some())
        .map(|(_, u)| u.code())
        .collect();
    println!(
        "records go to {} old communes ({} old communes have no entry and get none)",
        communes.len(),
        old.count_at(Level::Commune) - communes.len()
    );
    let started = Instant::now();
    let mut acc = Accumulator::new(&old, Period::year(2024)?, &[]);
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let date = NaiveDate::from_ymd_opt(2024, 6, 1).ok_or("date")?;
    let mut total = 0u64;
    for _ in 0..n {
        let unit = communes[usize::try_from(next() % communes.len() as u64)?];
        let participants = 1 + next() % 200;
        total += participants;
        acc.add(&Conference {
            id: None,
            unit,
            date,
            actor: Actor::PartyCommittees,
            kind: ConferenceKind::Both,
            participants: Reported::new(Qualifier::Exact, Count::new(participants)),
            headcount: Headcount::Occurrences,
        })?;
    }
    let totals = acc.finish()?;
    println!(
        "{n} records ({total} participants) totalled in {:.2?}",
        started.elapsed()
    );

    // What the crosswalk's own rules allow, counted from its entries: a new
    // commune can be exact only if every commune entry reaching it is exact
    // (`CrosswalkEntry::is_exact`); a new province only if every entry
    // reaching it is exact or covers the whole old commune with all its
    // targets inside the province.
    let province_of = |c: &danvan::UnitCode| {
        new.index_of(c)
            .and_then(|i| new.parent(i))
            .and_then(|p| new.code(p))
    };
    let mut commune_ok: BTreeMap<danvan::UnitCode, bool> = BTreeMap::new();
    let mut province_ok: BTreeMap<danvan::UnitCode, bool> = BTreeMap::new();
    for e in crosswalk
        .entries()
        .filter(|e| e.from().level() == Level::Commune)
    {
        let provinces: std::collections::BTreeSet<_> = e
            .targets()
            .iter()
            .filter_map(|(t, _)| province_of(t))
            .collect();
        for (t, _) in e.targets() {
            let ok = commune_ok.entry(*t).or_insert(true);
            *ok = *ok && e.is_exact();
        }
        for p in &provinces {
            let ok = province_ok.entry(*p).or_insert(true);
            *ok = *ok && (e.is_exact() || (e.covers_whole() && provinces.len() == 1));
        }
    }
    println!(
        "by the crosswalk's rules at most {} new communes and {} new provinces can be exact",
        commune_ok.values().filter(|ok| **ok).count(),
        province_ok.values().filter(|ok| **ok).count()
    );
    // By default an unnamed remainder may lie in any commune of its new
    // province; read as complete, only in units no entry names.
    for (options, how) in [
        (RekeyOptions::default(), "default"),
        (
            RekeyOptions::default().with_complete_targets(),
            "complete targets",
        ),
    ] {
        let started = Instant::now();
        let (carried, _) = totals.rekey_with(&crosswalk, Level::Commune, &new, options)?;
        println!("rekeyed ({how}) in {:.2?}", started.elapsed());
        for (indicator, name) in [
            (Builtin::Conferences, "conferences"),
            (Builtin::ConferenceParticipants, "participants"),
        ] {
            for level in [Level::Province, Level::Commune] {
                let (mut exact, mut inexact, mut empty) = (0, 0, 0);
                let mut widest: Option<(String, u64, Option<u64>)> = None;
                for (_, u) in new.iter().filter(|(_, u)| u.level() == level) {
                    match carried.get(&u.code(), indicator, Actor::PartyCommittees) {
                        None => empty += 1,
                        Some(i) if i.is_exact() => exact += 1,
                        Some(i) => {
                            inexact += 1;
                            let width = i.high().map_or(u64::MAX, |h| h - i.low());
                            let wider = widest
                                .as_ref()
                                .map_or(true, |(_, l, h)| width > h.map_or(u64::MAX, |h| h - l));
                            if wider {
                                widest = Some((u.code().to_string(), i.low(), i.high()));
                            }
                        }
                    }
                }
                println!(
                "{name}, new {}: {exact} exact, {inexact} bounds only, {empty} without records; widest {widest:?}",
                level.as_str()
            );
            }
            let national =
                carried.level_total(Level::Province, indicator, Actor::PartyCommittees)?;
            let before = totals.level_total(Level::Province, indicator, Actor::PartyCommittees)?;
            println!("{name}, national: before {before:?}, carried {national:?}");
        }
    }
    Ok(())
}
