//! Review s14 (issue 14): hostile tests of a337888..8acf32b (an unnamed
//! remainder of a `partial` entry reaches every new unit no entry names;
//! the strict reading (session 14: the default; `RekeyOptions::with_complete_targets` the other); a distinct whole's rest
//! up to the whole where it reaches; distinct columns capped top-down at
//! the parent's upper bound; `spread`'s index past 16 targets). Each test
//! states the input, the result and what the data supports; a finding is
//! `#[ignore = "finding: ..."]`. Units, persons and figures are
//! **synthetic** (the hierarchies of rekey_nested.rs unless said), and so
//! are the "true" placements the oracles draw: each is one placement the
//! data allows, never a fact.

use super::rekey_nested::{code, gifts, money, new_h, old_h};
use super::review_s11::{documents, text};
use super::review_s13_rekey::{back, country, docs, partial_10101_cw};
use danvan::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

const S: Actor = Actor::MobilizationSector;

fn old_in(h: &Hierarchy, figures: &[Figure]) -> Totals {
    let mut acc = Accumulator::new(h, Period::year(2024).unwrap(), &[gifts()]);
    for f in figures {
        acc.add(f).unwrap();
    }
    acc.finish().unwrap()
}

fn holds(i: Option<Interval>, v: u64) -> bool {
    match i {
        None => v == 0,
        Some(i) => i.low() <= v && i.high().map_or(true, |h| h >= v),
    }
}

fn between(low: u64, high: u64) -> Option<Interval> {
    Some(Interval::between(low, Some(high)).unwrap())
}

fn unit(c: &str, parent: Option<&str>) -> Unit {
    Unit::new(code(c), format!("{c} (synthetic)")).with_parent(parent.map(code))
}

// ------------------------------------------------------------ composition

/// The intermediate hierarchy of a two-step reform: province 70 with
/// communes 70001, 70002 and 70009.
fn mid_h() -> Hierarchy {
    Hierarchy::new(vec![
        unit("70", None),
        unit("70001", Some("70")),
        unit("70002", Some("70")),
        unit("70009", Some("70")),
    ])
    .unwrap()
}

/// Step 1: 10101 partly to 70001, the rest to a unit step 1 names nowhere
/// (70009); 10102 → 70001; 10201 → 70002.
fn step1() -> Crosswalk {
    Crosswalk::builder()
        .partial(code("10101"), &[(code("70001"), Weight::Unknown)])
        .merge(code("10102"), code("70001"))
        .merge(code("10201"), code("70002"))
        .build()
        .unwrap()
}

/// Step 2: 70001 → 80001; 70009 and 70002 merge into 80002.
fn step2() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("70001"), code("80001"))
        .merge(code("70009"), code("80002"))
        .merge(code("70002"), code("80002"))
        .build()
        .unwrap()
}

/// Two steps rekeyed one after the other hold the truth: 10101's 5
/// documents, 3 to 70001 and 2 to 70009 (a unit step 1 names nowhere, as
/// the default reading asks), with 10102's 1 and 10201's 2: 80001 holds 4,
/// 80002 holds 4, 80 and the country 8.
#[test]
fn two_steps_rekeyed_in_turn_hold_the_truth() {
    let figures = [
        documents("10101", 5),
        documents("10102", 1),
        documents("10201", 2),
    ];
    let mid = old_in(&old_h(), &figures)
        .rekey(&step1(), Level::Commune, &mid_h())
        .unwrap();
    assert!(holds(docs(&mid, "70009"), 2), "{:?}", docs(&mid, "70009"));
    let t = mid.rekey(&step2(), Level::Commune, &new_h()).unwrap();
    for (u, v) in [("80001", 4), ("80002", 4), ("80", 8)] {
        assert!(holds(docs(&t, u), v), "{u}: {:?}", docs(&t, u));
    }
    // Sound, though no longer exact: the second rekey takes the middle
    // province's exact 8 as an own figure over its communes' [3, 13].
    assert!(holds(country(&t), 8), "{:?}", country(&t));
    assert!(back(&t) == t);
}

/// Finding (fixed in session 14). Input: the same two steps composed first (`step1().then(&step2())`:
/// 10101 partial → 80001, 10102 → 80001, 10201 → 80002), the same figures
/// (10101 5, 10102 1, 10201 2), default options. Result: 80002 exactly 2.
/// The data supports 80002 in [2, 7]: 10101's remainder went to 70009,
/// which step 2 merged into 80002 — a unit the composed table names (as
/// 10201's target), so the default reading ("the remainder lies in no unit
/// the crosswalk names") does not hold for a composed table, though
/// `Crosswalk::then` keeps the `partial` flag as if it did. The truth 4
/// lies outside the cell; the two-step rekey above gets it right.
#[test]
fn a_composed_crosswalk_keeps_the_remainder_out_of_a_named_unit() {
    let figures = [
        documents("10101", 5),
        documents("10102", 1),
        documents("10201", 2),
    ];
    let both = step1().then(&step2()).unwrap();
    assert!(both
        .entry(&code("10101"))
        .is_some_and(|e| e.has_unnamed_remainder()));
    let t = old_in(&old_h(), &figures)
        .rekey(&both, Level::Commune, &new_h())
        .unwrap();
    assert!(
        holds(docs(&t, "80002"), 4),
        "80002: {:?}",
        docs(&t, "80002")
    );
}

/// With the strict reading (the default since session 14) the composed table holds the
/// truth: 80002 in [2, 7] holds 4, 80 and the country exactly 8.
#[test]
fn a_composed_crosswalk_with_the_option_holds_the_truth() {
    let figures = [
        documents("10101", 5),
        documents("10102", 1),
        documents("10201", 2),
    ];
    let both = step1().then(&step2()).unwrap();
    let (t, _) = old_in(&old_h(), &figures)
        .rekey_with(&both, Level::Commune, &new_h(), RekeyOptions::default())
        .unwrap();
    assert!(
        holds(docs(&t, "80002"), 4),
        "80002: {:?}",
        docs(&t, "80002")
    );
    assert!(
        holds(docs(&t, "80001"), 4),
        "80001: {:?}",
        docs(&t, "80001")
    );
    assert_eq!(country(&t), Some(Interval::exact(8)));
    assert!(back(&t) == t);
}

// ------------------------------------------------- the remainder's level

/// New: province 80 (communes 80001, 80002, 80003), province 81 (the
/// special zone 811, a leaf at district level as in rekey_nested.rs).
fn new3() -> Hierarchy {
    Hierarchy::new(vec![
        unit("80", None),
        unit("80001", Some("80")),
        unit("80002", Some("80")),
        unit("80003", Some("80")),
        unit("81", None),
        unit("811", Some("81")),
    ])
    .unwrap()
}

/// Finding (fixed in session 14). Input: 10101 partial → the special zone 811 (named, a leaf at
/// district level), its rest to a unit no entry names; 10102 → 80001,
/// 10201 → 80002; new3 has the commune 80003 no entry names. Figures
/// 10101 5 (say 2 to 811, 3 to 80003), 10102 1, 10201 2. Result: 80003
/// gets no cell and province 80 is exactly 3. The data supports 80003 in
/// [0, 5] and 80 in [3, 8]: 80003 is a new unit the crosswalk does not
/// name, but the reach takes only the named targets' level (district) and
/// leaves above it, never a commune below that level.
#[test]
fn a_remainder_beside_a_special_zone_may_lie_in_an_unnamed_commune() {
    let cw = Crosswalk::builder()
        .partial(code("10101"), &[(code("811"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let t = old_in(
        &old_h(),
        &[
            documents("10101", 5),
            documents("10102", 1),
            documents("10201", 2),
        ],
    )
    .rekey(&cw, Level::Commune, &new3())
    .unwrap();
    assert!(holds(docs(&t, "811"), 2), "811 {:?}", docs(&t, "811"));
    assert!(holds(docs(&t, "80"), 6), "80 {:?}", docs(&t, "80"));
    assert!(holds(docs(&t, "80003"), 3), "80003 {:?}", docs(&t, "80003"));
}

/// The same at the communes' level holds: 10101 partial → 80001, the rest
/// (3 of 5) in 80003 (named by none): 80003 in [0, 5], 80 holds 6, the
/// country 8; 80002 (named) exactly 2 when the crosswalk is declared
/// complete (`with_complete_targets`), [2, 7] by default.
#[test]
fn a_remainder_beside_a_commune_reaches_the_unnamed_commune() {
    let cw = Crosswalk::builder()
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let old = old_in(
        &old_h(),
        &[
            documents("10101", 5),
            documents("10102", 1),
            documents("10201", 2),
        ],
    );
    let strict = old.rekey(&cw, Level::Commune, &new3()).unwrap();
    assert_eq!(docs(&strict, "80002"), between(2, 7));
    let options = RekeyOptions::default().with_complete_targets();
    let (t, _) = old
        .rekey_with(&cw, Level::Commune, &new3(), options)
        .unwrap();
    assert_eq!(docs(&t, "80003"), between(0, 5));
    assert_eq!(docs(&t, "80002"), Some(Interval::exact(2)));
    assert!(holds(docs(&t, "80"), 6));
    assert!(holds(docs(&t, "811"), 0));
    assert_eq!(country(&t), Some(Interval::exact(8)));
    assert!(back(&t) == t);
}

// ------------------------------------------------- what `partial` means

/// Finding (fixed in session 14) (the docs disagree). Input: `CrosswalkBuilder::partial`,
/// `CrosswalkEntry::has_unnamed_remainder` and `Parts::unnamed` say the
/// rest went to new units *the entry* does not name; 10 → 80 whole,
/// 10101 partial → 80001 (its rest, say 3 of 5, to 80002, which this entry
/// does not name), 10102 → 80001, 10201 → 80002; figures 5, 1, 2. Result
/// (default options): 80002 exactly 2. Under the crosswalk's own documented
/// meaning the data supports 80002 in [2, 7] (truth 5); only the reading of
/// the doc of the reading that is now `RekeyOptions::with_complete_targets` ("no entry names")
/// makes 2 exact. One of the two docs is not true of the other.
#[test]
fn partial_means_what_the_crosswalk_docs_say() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let t = old_in(
        &old_h(),
        &[
            documents("10101", 5),
            documents("10102", 1),
            documents("10201", 2),
        ],
    )
    .rekey(&cw, Level::Commune, &new_h())
    .unwrap();
    assert!(holds(docs(&t, "80002"), 5), "{:?}", docs(&t, "80002"));
}

// ------------------------------------------------ records of a district

fn conference(unit: &str) -> Conference {
    serde_json::from_str(&format!(
        r#"{{"unit": "{unit}", "date": "2024-03-15", "actor": "party_committees",
            "kind": "both", "participants": 45}}"#
    ))
    .unwrap()
}

fn conferences(t: &Totals, u: Option<&str>) -> Option<Interval> {
    match u {
        Some(u) => t.get(&code(u), Builtin::Conferences, Actor::PartyCommittees),
        None => t.national(
            TotalsLayer::Records,
            Builtin::Conferences,
            Actor::PartyCommittees,
        ),
    }
}

/// Finding (fixed in session 14). Input: a conference record of district 101 itself (its own
/// body), a conference of commune 10201; the crosswalk partial_10101_cw
/// (10101 partly to 80001, its rest to a unit not named, no container:
/// anywhere; 10102 → 80001, 10201 → 80002). The district's area includes
/// 10101's remainder, which the default reading places in a unit no entry
/// names: the special zone 811 of province 81, so its own body may lie
/// in 81. Result: 81 has no records cell (no conference). The data
/// supports 81 in [0, 1] (the country 2, 80 in [1, 2]). The same district
/// reporting a documents figure of its own does reach 81
/// (`a_districts_own_figure_reaches_where_its_communes_remainder_went`):
/// `carry_own_records` spreads over `carry_targets`, which never adds the
/// remainder's reach.
#[test]
fn a_districts_own_record_reaches_where_its_communes_remainder_went() {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&conference("101")).unwrap();
    acc.add(&conference("10201")).unwrap();
    let t = acc
        .finish()
        .unwrap()
        .rekey(&partial_10101_cw(), Level::Commune, &new_h())
        .unwrap();
    assert_eq!(conferences(&t, None), Some(Interval::exact(2)));
    let c81 = conferences(&t, Some("81"));
    assert!(holds(c81, 1), "81: {c81:?}");
    assert!(holds(conferences(&t, Some("80")), 1));
}

/// The figure path alike holds: district 101's own 1 document (its
/// communes silent under it) with 10201's 1 reaches 81 ([0, 1]), 80
/// holds 1 or 2, the country exactly 2.
#[test]
fn a_districts_own_figure_reaches_where_its_communes_remainder_went() {
    let t = old_in(&old_h(), &[documents("101", 1), documents("10201", 1)])
        .rekey(&partial_10101_cw(), Level::Commune, &new_h())
        .unwrap();
    assert_eq!(country(&t), Some(Interval::exact(2)));
    for (u, v) in [("81", 1), ("811", 1), ("80", 1), ("80", 2)] {
        assert!(holds(docs(&t, u), v), "{u}: {:?}", docs(&t, u));
    }
}

// ------------------------------------------------ a brute-force oracle

/// Old for the oracle: province 10, district 101 (10101, 10102), district
/// 102 (10201, 10202).
fn old4() -> Hierarchy {
    Hierarchy::new(vec![
        unit("10", None),
        unit("101", Some("10")),
        unit("10101", Some("101")),
        unit("10102", Some("101")),
        unit("102", Some("10")),
        unit("10201", Some("102")),
        unit("10202", Some("102")),
    ])
    .unwrap()
}

/// New for the oracle: province 80 (80001, 80002, 80003), province 81
/// (commune 81001 and the special zone 811, a district-level leaf).
fn new4() -> Hierarchy {
    Hierarchy::new(vec![
        unit("80", None),
        unit("80001", Some("80")),
        unit("80002", Some("80")),
        unit("80003", Some("80")),
        unit("81", None),
        unit("81001", Some("81")),
        unit("811", Some("81")),
    ])
    .unwrap()
}

const OLD_COMMUNES: [&str; 4] = ["10101", "10102", "10201", "10202"];
const NEW_LEAVES: [&str; 5] = ["80001", "80002", "80003", "81001", "811"];

/// One old commune of a drawn case: how its entry maps it (`kind`, two
/// target picks), its true value's seed and how it reported (`report`).
#[derive(Clone, Debug)]
struct Commune {
    kind: u8,
    t1: usize,
    t2: usize,
    v: u64,
    report: u8,
}

fn communes() -> impl Strategy<Value = Vec<Commune>> {
    proptest::collection::vec(
        (0u8..9, 0usize..4, 0usize..4, 0u64..=20, 0u8..6).prop_map(|(kind, t1, t2, v, report)| {
            Commune {
                kind,
                t1,
                t2,
                v,
                report,
            }
        }),
        4,
    )
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A tiny deterministic generator of the drawn placements.
struct Draw(Vec<u32>, usize);

impl Draw {
    fn next(&mut self, below: u64) -> u64 {
        let s = self
            .0
            .get(self.1 % self.0.len().max(1))
            .copied()
            .unwrap_or(0);
        self.1 += 1;
        if below == 0 {
            0
        } else {
            u64::from(s) % below
        }
    }
}

/// The entry of a drawn commune: its targets and whether it is partial.
fn entry_of(c: &Commune, pool: &[&'static str]) -> (Vec<(UnitCode, Weight)>, bool) {
    let t1 = pool[c.t1 % pool.len()];
    let t2 = pool[c.t2 % pool.len()];
    let two = t1 != t2;
    let u = Weight::Unknown;
    let e = |s: &str| Weight::Exact(dec(s));
    match (c.kind, two) {
        // No entry: skipped with `RekeyOptions::skipping_unmapped`.
        (8, _) => (Vec::new(), false),
        (1, true) => (vec![(code(t1), u), (code(t2), u)], false),
        (2, true) => (vec![(code(t1), e("0.3")), (code(t2), e("0.7"))], false),
        (3, true) => (vec![(code(t1), e("0.4")), (code(t2), u)], false),
        (4, _) => (vec![(code(t1), u)], true),
        (5, true) => (vec![(code(t1), u), (code(t2), u)], true),
        (6, _) => (vec![(code(t1), e("0.5"))], true),
        (7, true) => (vec![(code(t1), e("0.4")), (code(t2), u)], true),
        _ => (vec![(code(t1), Weight::Exact(Decimal::ONE))], false),
    }
}

/// What the oracle drew: the rekeyed totals' inputs and the truth.
struct Drawn {
    cw: Crosswalk,
    figures: Vec<Figure>,
    /// True value placed in each new leaf.
    truth: std::collections::BTreeMap<&'static str, u64>,
    total: u64,
}

/// Draws a case: entries of the four old communes (the province merged
/// whole into 80 when `container`, every target then in 80), each
/// commune's true value (within what it reported; silent ones anything),
/// districts (and the province, `province`) reporting the exact sum of
/// their communes when drawn so, and
/// each true value placed: known shares their exact parts
/// (`CrosswalkEntry::parts`), the rest at random among the targets of
/// unknown share and, for a `partial` entry, one new leaf the remainder may
/// lie in (no entry names it, unless `anywhere`; within 80 with the
/// container). `None` when a partial remainder has nowhere to go under
/// that reading but is not 0 (no placement is consistent).
fn draw(
    cs: &[Commune],
    container: bool,
    anywhere: bool,
    districts: (bool, bool),
    province: bool,
    seeds: Vec<u32>,
) -> Option<Drawn> {
    let pool: Vec<&'static str> = if container {
        vec!["80001", "80002", "80003"]
    } else {
        vec!["80001", "80002", "80003", "81001"]
    };
    let mut b = Crosswalk::builder();
    if container {
        b = b.merge(code("10"), code("80"));
    }
    let entries: Vec<(Vec<(UnitCode, Weight)>, bool)> =
        cs.iter().map(|c| entry_of(c, &pool)).collect();
    for (c, (targets, partial)) in OLD_COMMUNES.iter().zip(&entries) {
        if targets.is_empty() {
            continue;
        }
        b = if *partial {
            b.partial(code(c), targets)
        } else {
            b.entry(code(c), targets)
        };
    }
    let cw = b.build().unwrap();
    let named: Vec<UnitCode> = entries
        .iter()
        .flat_map(|(ts, _)| ts.iter().map(|(t, _)| *t))
        .collect();
    let places: Vec<&'static str> = NEW_LEAVES
        .iter()
        .copied()
        .filter(|l| anywhere || !named.contains(&code(l)))
        .filter(|l| !container || l.starts_with("80"))
        .collect();
    let mut draw = Draw(seeds, 0);
    let mut truth = std::collections::BTreeMap::new();
    let mut figures = Vec::new();
    let mut sums = [0u64; 2];
    for (k, c) in cs.iter().enumerate() {
        let old = OLD_COMMUNES[k];
        // The true value, within what was reported.
        let v = match c.report {
            0 => c.v, // silent
            1 | 5 => {
                figures.push(documents(old, c.v));
                c.v
            }
            r => {
                let word = ["hơn", "khoảng", "gần"][usize::from(r - 2)];
                let t = format!("{word} {}", c.v.max(2));
                let i = notation::parse_reported(&t).unwrap().interval();
                let hi = i.high().unwrap_or(i.low() + 6).min(i.low() + 6);
                let v = i.low() + draw.next(hi - i.low() + 1);
                figures.push(text(old, &t));
                v
            }
        };
        sums[k / 2] += v;
        let (targets, partial) = &entries[k];
        let Some(entry) = cw.entry(&code(old)) else {
            // Skipped: its value may lie in any new unit (of 80, with the
            // province merged whole; with complete targets, one no entry
            // names: `RekeyOptions::with_complete_targets`).
            let any: Vec<&str> = places.clone();
            if any.is_empty() {
                if v > 0 {
                    return None;
                }
                continue;
            }
            let at = any[draw.next(any.len() as u64) as usize];
            *truth.entry(at).or_insert(0) += v;
            continue;
        };
        let parts = entry.parts(v).unwrap();
        let mut rest = v;
        let mut unknown: Vec<&'static str> = Vec::new();
        for ((t, w), (_, p)) in targets.iter().zip(parts.targets()) {
            let leaf = NEW_LEAVES.iter().copied().find(|l| code(l) == *t).unwrap();
            match (w, p) {
                (Weight::Exact(_), Mapped::Exact(p)) => {
                    *truth.entry(leaf).or_insert(0) += p;
                    rest -= p;
                }
                _ => unknown.push(leaf),
            }
        }
        if *partial {
            // Never a unit the entry names itself (its parts are known, or
            // its targets of unknown share take the rest anyway).
            let own: Vec<&'static str> = targets
                .iter()
                .map(|(t, _)| NEW_LEAVES.iter().copied().find(|l| code(l) == *t).unwrap())
                .collect();
            let mine: Vec<&'static str> = places
                .iter()
                .copied()
                .filter(|p| !own.contains(p))
                .collect();
            if !mine.is_empty() {
                let at = mine[draw.next(mine.len() as u64) as usize];
                let share = if unknown.is_empty() {
                    rest
                } else {
                    draw.next(rest + 1)
                };
                *truth.entry(at).or_insert(0) += share;
                rest -= share;
            }
        }
        if rest > 0 && unknown.is_empty() {
            return None; // a partial rest with nowhere to go
        }
        for (j, leaf) in unknown.iter().enumerate() {
            let share = if j + 1 == unknown.len() {
                rest
            } else {
                draw.next(rest + 1)
            };
            *truth.entry(leaf).or_insert(0) += share;
            rest -= share;
        }
    }
    for (d, (on, sum)) in [("101", districts.0), ("102", districts.1)]
        .into_iter()
        .zip(sums)
        .map(|((d, on), s)| (d, (on, s)))
    {
        if on {
            figures.push(documents(d, sum));
        }
    }
    if province {
        figures.push(documents("10", sums[0] + sums[1]));
    }
    Some(Drawn {
        cw,
        figures,
        truth,
        total: sums[0] + sums[1],
    })
}

/// The truth of every new unit (a province: its leaves').
fn truth_at(d: &Drawn, u: &str) -> u64 {
    d.truth
        .iter()
        .filter(|(l, _)| l.starts_with(u))
        .map(|(_, v)| v)
        .sum()
}

fn check_drawn(d: &Drawn, anywhere: bool, all_report: bool) -> Result<(), TestCaseError> {
    let options = if anywhere {
        RekeyOptions::default()
    } else {
        RekeyOptions::default().with_complete_targets()
    }
    .skipping_unmapped();
    let (t, _) =
        match old_in(&old4(), &d.figures).rekey_with(&d.cw, Level::Commune, &new4(), options) {
            // A figure above whose every unit is skipped: a documented refusal.
            Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. }) => return Ok(()),
            r => r.unwrap(),
        };
    for u in ["80", "80001", "80002", "80003", "81", "81001", "811"] {
        let want = truth_at(d, u);
        let got = docs(&t, u);
        // Where a silent old unit may have gone, no cell says nothing;
        // with every old commune reporting, no cell is a claim of none.
        prop_assert!(
            holds(got, want) || (got.is_none() && !all_report),
            "{u}: {got:?} does not hold {want}; truth {:?}, figures {:?}, cw {:?}",
            d.truth,
            d.figures,
            d.cw
        );
    }
    let c = country(&t);
    prop_assert!(holds(c, d.total), "country {c:?} vs {}", d.total);
    if all_report {
        let communes: u64 = ["80001", "80002", "80003", "81001"]
            .iter()
            .map(|u| truth_at(d, u))
            .sum();
        let l = t.level_total(Level::Commune, IndicatorId::from(Builtin::Documents), S);
        let l = l.unwrap();
        prop_assert!(holds(l, communes), "communes' total {l:?} vs {communes}");
        let l = t.level_total(Level::Province, IndicatorId::from(Builtin::Documents), S);
        prop_assert!(
            holds(l.unwrap(), d.total),
            "provinces' total vs {}",
            d.total
        );
    }
    prop_assert!(back(&t) == t, "rows do not read back");
    check_amounts(d, options)?;
    // Disjoint old parts (each district's figures) rekeyed apart and
    // merged: the rekey of the whole, in both orders.
    let d_figures = |fs: &[Figure], d: &str| -> Vec<Figure> {
        fs.iter()
            .filter(|f| f.unit.to_string().starts_with(d))
            .cloned()
            .collect()
    };
    let rekey = |fs: &[Figure]| {
        old_in(&old4(), fs)
            .rekey_with(&d.cw, Level::Commune, &new4(), options)
            .map(|(t, _)| t)
    };
    let a = d_figures(&d.figures, "101");
    let b = d_figures(&d.figures, "102");
    // (The province's own figure nests over both parts: no merge then.)
    let nested = d.figures.iter().any(|f| f.unit == code("10"));
    if !a.is_empty() && !b.is_empty() && !nested {
        let (Ok(ra), Ok(rb)) = (rekey(&a), rekey(&b)) else {
            // Refused (RekeyUncovered) as the whole may be: nothing to merge.
            return Ok(());
        };
        for m in [ra.clone().merge(rb.clone()), rb.merge(ra)] {
            let m = m.unwrap();
            // Cell by cell (the provenance's witness of an old unit above
            // may differ with the order of the parts; the values may not).
            for u in ["80", "80001", "80002", "80003", "81", "81001", "811"] {
                prop_assert_eq!(docs(&m, u), docs(&t, u), "merged {}", u);
            }
            prop_assert_eq!(country(&m), country(&t), "merged country");
            prop_assert!(back(&m) == m, "merged rows do not read back");
        }
    }
    Ok(())
}

/// The same draw as amounts: every exact figure `v` becomes `v × 0,5` tỷ
/// đồng ("3,5 tỷ đồng" for 7) at the same unit, and each unit's truth
/// `v × 0,5` tỷ (the drawn placement, scaled: one placement the data
/// allows, as a split's shares are not taken as exact for amounts).
/// Skipped when some figure is not exact or some commune is silent.
fn check_amounts(d: &Drawn, options: RekeyOptions) -> Result<(), TestCaseError> {
    let mut figures = Vec::new();
    let mut reported = Vec::new();
    for f in &d.figures {
        let Some(r) = f.value.as_ref() else { continue };
        let i = r.interval();
        if i.high() != Some(i.low()) {
            return Ok(());
        }
        let v = i.low();
        let text = if v % 2 == 0 {
            format!("{} tỷ đồng", v / 2)
        } else {
            format!("{},5 tỷ đồng", v / 2)
        };
        figures.push(money(&f.unit.to_string(), &text));
        reported.push(f.unit.to_string());
    }
    if OLD_COMMUNES
        .iter()
        .any(|c| !reported.iter().any(|r| r == c))
    {
        return Ok(());
    }
    let (t, _) = match old_in(&old4(), &figures).rekey_with(&d.cw, Level::Commune, &new4(), options)
    {
        Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. }) => return Ok(()),
        r => r.unwrap(),
    };
    let half = |v: u64| Amount::new(Decimal::from(v) * Decimal::from(500_000_000u64)).unwrap();
    for u in ["80", "80001", "80002", "80003", "81", "81001", "811"] {
        let want = half(truth_at(d, u));
        let got = t.amount(&code(u), &gifts().id, S).map(|a| a.value);
        let ok = match got {
            None => truth_at(d, u) == 0,
            Some(i) => i.low() <= want && i.high().map_or(true, |h| h >= want),
        };
        prop_assert!(ok, "amount {}: {:?} vs {:?}", u, got, want);
    }
    let c = t.national_amount(&gifts().id, S).map(|a| a.value);
    // Exactly the whole, unless a skipped commune widened it.
    let skipped = OLD_COMMUNES.iter().any(|o| d.cw.entry(&code(o)).is_none());
    if skipped {
        let w = half(d.total);
        prop_assert!(c.is_some_and(|i| i.low() <= w && i.high().map_or(true, |h| h >= w)));
    } else {
        prop_assert_eq!(c, Some(Interval::exact(half(d.total))), "country amount");
    }
    prop_assert!(back(&t) == t, "amount rows do not read back");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Random entries (merges, splits with and without shares, known
    /// shares with an unknown rest, partial entries with and without known
    /// shares; targets at the communes' level; with or without the province
    /// merged whole), random true values within report notation and random
    /// placements the data allows: every new cell and the country hold the
    /// truth, and the rows read back equal, under both readings.
    #[test]
    fn random_crosswalks_hold_a_random_truth(
        cs in communes(),
        container in any::<bool>(),
        anywhere in any::<bool>(),
        districts in (any::<bool>(), any::<bool>()),
        province in any::<bool>(),
        seeds in proptest::collection::vec(any::<u32>(), 16),
    ) {
        // The province's own figure: not over its whole merge, nor over a
        // commune without an entry (findings of their own).
        let province = province && !container && cs.iter().all(|c| c.kind != 8);
        // A silent commune without an entry inside a whole-merged province
        // is a finding of its own (`a_silent_commune_without_an_entry_...`).
        let cs: Vec<Commune> = cs
            .into_iter()
            .map(|c| if container && c.kind == 8 && c.report == 0 { Commune { report: 1, ..c } } else { c })
            .collect();
        // As in the persons: no district figure over a commune without an entry.
        let districts = (
            districts.0 && cs[..2].iter().all(|c| c.kind != 8),
            districts.1 && cs[2..].iter().all(|c| c.kind != 8),
        );
        if let Some(d) = draw(&cs, container, anywhere, districts, province, seeds) {
            // Nothing reported at all: no column, no claim.
            if !d.figures.is_empty() {
                let all_report = cs.iter().all(|c| c.report != 0);
                check_drawn(&d, anywhere, all_report)?;
            }
        }
    }
}

// ------------------------------------------- a distinct persons oracle

/// The crosswalk of drawn communes (as [`draw`]) and the leaves a partial
/// remainder may lie in under the reading.
fn crosswalk_of(
    cs: &[Commune],
    container: bool,
    anywhere: bool,
) -> (
    Crosswalk,
    Vec<Vec<&'static str>>,
    Vec<bool>,
    Vec<&'static str>,
) {
    let pool: Vec<&'static str> = if container {
        vec!["80001", "80002", "80003"]
    } else {
        vec!["80001", "80002", "80003", "81001"]
    };
    let mut b = Crosswalk::builder();
    if container {
        b = b.merge(code("10"), code("80"));
    }
    let entries: Vec<(Vec<(UnitCode, Weight)>, bool)> =
        cs.iter().map(|c| entry_of(c, &pool)).collect();
    for (c, (targets, partial)) in OLD_COMMUNES.iter().zip(&entries) {
        if targets.is_empty() {
            continue;
        }
        b = if *partial {
            b.partial(code(c), targets)
        } else {
            b.entry(code(c), targets)
        };
    }
    let named: Vec<UnitCode> = entries
        .iter()
        .flat_map(|(ts, _)| ts.iter().map(|(t, _)| *t))
        .collect();
    let places = NEW_LEAVES
        .iter()
        .copied()
        .filter(|l| anywhere || !named.contains(&code(l)))
        .filter(|l| !container || l.starts_with("80"))
        .collect();
    let leaf = |t: &UnitCode| NEW_LEAVES.iter().copied().find(|l| code(l) == *t).unwrap();
    (
        b.build().unwrap(),
        entries
            .iter()
            .map(|(ts, _)| ts.iter().map(|(t, _)| leaf(t)).collect())
            .collect(),
        entries.iter().map(|(_, p)| *p).collect(),
        places,
    )
}

fn persons_fig(unit: &str, n: u64) -> Figure {
    let mut f = documents(unit, n);
    f.indicator = Builtin::ConferencePersons.into();
    f
}

fn persons_text(unit: &str, t: &str) -> Figure {
    let mut f = text(unit, t);
    f.indicator = Builtin::ConferencePersons.into();
    f
}

fn persons_at(t: &Totals, u: Option<&str>) -> Option<Interval> {
    match u {
        Some(u) => t.reported(&code(u), Builtin::ConferencePersons, S),
        None => t.national(
            TotalsLayer::Reported,
            IndicatorId::from(Builtin::ConferencePersons),
            S,
        ),
    }
}

/// How an old unit reports its persons (`n` the true union): 0 silent, 1
/// exactly, 2 "hơn n−1", 3 "khoảng n", 4 "gần n+1".
fn persons_report(unit: &str, n: u64, how: u8) -> Option<Figure> {
    let t = match how {
        0 => return None,
        2 if n >= 1 => format!("hơn {}", n - 1),
        3 if n >= 2 => format!("khoảng {n}"),
        4 => format!("gần {}", n + 1),
        _ => return Some(persons_fig(unit, n)),
    };
    let i = notation::parse_reported(&t).unwrap().interval();
    if !holds(Some(i), n) {
        return Some(persons_fig(unit, n));
    }
    Some(persons_text(unit, &t))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Random persons (0..10) of each old commune, each old unit (commune,
    /// district, province) reporting the size of its union as drawn (or
    /// nothing), the drawn entries, and each person of a commune placed in
    /// one of its targets or (partial) one leaf its remainder may lie in:
    /// every new cell and the country hold the size of the true union, and
    /// the rows read back equal.
    #[test]
    fn random_persons_hold_the_true_union(
        cs in communes(),
        sets in proptest::collection::vec(0u16..1024, 4),
        hows in proptest::collection::vec(0u8..5, 7),
        container in any::<bool>(),
        anywhere in any::<bool>(),
        seeds in proptest::collection::vec(any::<u32>(), 40),
    ) {
        let (cw, targets, partial, places) = crosswalk_of(&cs, container, anywhere);
        // As in the counts: a silent commune without an entry inside the
        // whole-merged province is a finding of its own.
        let mut hows = hows;
        for (k, c) in cs.iter().enumerate() {
            if container && c.kind == 8 && hows[k] == 0 {
                hows[k] = 1;
            }
            // A figure above a commune without an entry is a finding of
            // its own (`a_districts_figure_over_a_commune_without_an_entry_...`).
            if c.kind == 8 {
                hows[4 + k / 2] = 0;
                hows[6] = 0;
            }
        }
        // The province's own figure over its whole merge is a finding of
        // its own (`a_province_persons_figure_reaches_...`): left out here.
        if container {
            hows[6] = 0;
        }
        let mut draw = Draw(seeds, 0);
        // Placed persons per new leaf.
        let mut at: std::collections::BTreeMap<&str, u16> = Default::default();
        for k in 0..4 {
            let mut dest = targets[k].clone();
            if dest.is_empty() {
                // Skipped: anywhere (in 80, with the province merged whole).
                dest = NEW_LEAVES
                    .iter()
                    .copied()
                    .filter(|l| !container || l.starts_with("80"))
                    .collect();
            }
            if partial[k] {
                // A leaf the entry does not name itself.
                let own = targets[k].clone();
                dest.extend(places.iter().copied().filter(|p| !own.contains(p)));
            }
            dest.dedup();
            for p in 0..10 {
                if sets[k] & (1 << p) != 0 {
                    let d = dest[draw.next(dest.len() as u64) as usize];
                    *at.entry(d).or_insert(0) |= 1 << p;
                }
            }
        }
        let size = |s: u16| u64::from(s.count_ones());
        let union_of = |ks: &[usize]| ks.iter().fold(0u16, |a, &k| a | sets[k]);
        let olds: [(&str, Vec<usize>); 7] = [
            ("10101", vec![0]),
            ("10102", vec![1]),
            ("10201", vec![2]),
            ("10202", vec![3]),
            ("101", vec![0, 1]),
            ("102", vec![2, 3]),
            ("10", vec![0, 1, 2, 3]),
        ];
        let figures: Vec<Figure> = olds
            .iter()
            .zip(&hows)
            .filter_map(|((u, ks), &how)| persons_report(u, size(union_of(ks)), how))
            .collect();
        // Nothing reported at all: no column, no claim.
        prop_assume!(!figures.is_empty());
        let options = if anywhere {
            RekeyOptions::default()
        } else {
            RekeyOptions::default().with_complete_targets()
        }
        .skipping_unmapped();
        let (t, _) = match old_in(&old4(), &figures).rekey_with(&cw, Level::Commune, &new4(), options) {
            // A figure above whose every unit is skipped: a documented refusal.
            Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. }) => return Ok(()),
            r => r.unwrap(),
        };
        for u in ["80", "80001", "80002", "80003", "81", "81001", "811"] {
            let s = at
                .iter()
                .filter(|(l, _)| l.starts_with(u))
                .fold(0u16, |a, (_, s)| a | s);
            let got = persons_at(&t, Some(u));
            // As in [`check_drawn`]: no cell is a claim once every old commune reports.
            let all_report = hows[..4].iter().all(|&h| h != 0);
            prop_assert!(
                holds(got, size(s)) || (got.is_none() && !all_report),
                "{u}: {got:?} does not hold {}; placed {at:?}; figures {figures:?}; cw {cw:?}",
                size(s)
            );
        }
        let all = size(union_of(&[0, 1, 2, 3]));
        let c = persons_at(&t, None);
        prop_assert!(holds(c, all), "country {c:?} vs {all}");
        prop_assert!(back(&t).rows() == t.rows(), "rows do not read back");
        // Each district's figures rekeyed apart and merged (no province
        // figure: it would nest over both): every merged cell, in both
        // orders, still holds the true union.
        if hows[6] == 0 {
            let part = |d: &str| -> Vec<Figure> {
                figures.iter().filter(|f| f.unit.to_string().starts_with(d)).cloned().collect()
            };
            let (a, b) = (part("101"), part("102"));
            let rekey = |fs: &[Figure]| {
                old_in(&old4(), fs).rekey_with(&cw, Level::Commune, &new4(), options).map(|(t, _)| t)
            };
            if !a.is_empty() && !b.is_empty() {
                if let (Ok(ra), Ok(rb)) = (rekey(&a), rekey(&b)) {
                    for m in [ra.clone().merge(rb.clone()), rb.merge(ra)] {
                        let m = m.unwrap();
                        for u in ["80", "80001", "80002", "80003", "81", "81001", "811"] {
                            let s = at
                                .iter()
                                .filter(|(l, _)| l.starts_with(u))
                                .fold(0u16, |a, (_, s)| a | s);
                            let got = persons_at(&m, Some(u));
                            let all_report = hows[..4].iter().all(|&h| h != 0);
                            prop_assert!(
                                holds(got, size(s)) || (got.is_none() && !all_report),
                                "merged {u}: {got:?} does not hold {}", size(s)
                            );
                        }
                        prop_assert!(holds(persons_at(&m, None), all), "merged country");
                    }
                }
            }
        }
    }
}

// ----------------------------- a whole merged with its silent communes

/// Province 10 merged whole into 80, every old commune into 80001.
fn all_to_80001() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("10"), code("80"))
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80001"))
        .merge(code("10202"), code("80001"))
        .build()
        .unwrap()
}

/// Finding (fixed in session 14). Input: old4, province 10 reports 5 documents, commune 10201
/// reports 0, the other communes nothing (held by the province's figure);
/// the province merged whole into 80 and every commune into 80001. Result:
/// 80001 exactly 0. The data supports 80001 in [0, 5] (the province's 5
/// may be 10101's, which went to 80001; say they are): the province's rest
/// goes to its own entry's target only, the communes' targets "within" it
/// dropped, so 80001 gets 10201's 0 alone.
#[test]
fn a_province_figure_reaches_the_commune_its_silent_communes_went_to() {
    let t = old_in(&old4(), &[documents("10", 5), documents("10201", 0)])
        .rekey(&all_to_80001(), Level::Commune, &new4())
        .unwrap();
    assert_eq!(docs(&t, "80"), Some(Interval::exact(5)));
    assert!(holds(docs(&t, "80001"), 5), "80001 {:?}", docs(&t, "80001"));
}

/// The same with persons (a distinct indicator): province 10's 2 persons,
/// 10201's 0, the others silent under the province. Result: 80001 exactly
/// 0; the data supports [0, 2] (found by the persons oracle).
#[test]
fn a_province_persons_figure_reaches_the_commune_its_silent_communes_went_to() {
    let t = old_in(&old4(), &[persons_fig("10", 2), persons_fig("10201", 0)])
        .rekey(&all_to_80001(), Level::Commune, &new4())
        .unwrap();
    assert!(holds(persons_at(&t, None), 2));
    let c = persons_at(&t, Some("80001"));
    assert!(holds(c, 2), "80001 {c:?}");
}

/// Without the province's own entry the figure reaches 80001: 80001
/// holds 5 (and 0), 80 and the country exactly 5.
#[test]
fn without_the_provinces_entry_its_figure_reaches_the_commune() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80001"))
        .merge(code("10202"), code("80001"))
        .build()
        .unwrap();
    let t = old_in(&old4(), &[documents("10", 5), documents("10201", 0)])
        .rekey(&cw, Level::Commune, &new4())
        .unwrap();
    assert!(holds(docs(&t, "80001"), 5) && holds(docs(&t, "80001"), 0));
    assert_eq!(country(&t), Some(Interval::exact(5)));
}

// ------------------------------------------ many targets, huge values

/// New: province 80 with 20 communes 80001..=80020, province 81 with the
/// special zone 811.
fn wide_h() -> Hierarchy {
    let mut units = vec![unit("80", None)];
    for k in 1..=20 {
        units.push(unit(&format!("800{k:02}"), Some("80")));
    }
    units.push(unit("81", None));
    units.push(unit("811", Some("81")));
    Hierarchy::new(units).unwrap()
}

/// 10101 partly to 80001 (its rest reaches the 17 communes no entry
/// names and 811: more than 16 targets, the index of `spread`), 10102
/// partly to 80002, 10201 → 80003.
fn wide_cw() -> Crosswalk {
    Crosswalk::builder()
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .partial(code("10102"), &[(code("80002"), Weight::Unknown)])
        .merge(code("10201"), code("80003"))
        .build()
        .unwrap()
}

/// With more than 16 targets the cells are those of the scan: 10101's 7
/// documents (say 4 in 80001, 3 in 80020), 10102's 2 (say in 811), 10201's
/// 1: every commune no entry names is [0, 9] (both remainders reach it),
/// the country exactly 10; every cell holds that truth and the rows read
/// back, under both readings.
#[test]
fn a_remainder_of_many_targets_holds_the_truth() {
    let figures = [
        documents("10101", 7),
        documents("10102", 2),
        documents("10201", 1),
    ];
    for options in [RekeyOptions::default(), RekeyOptions::default()] {
        let (t, _) = old_in(&old_h(), &figures)
            .rekey_with(&wide_cw(), Level::Commune, &wide_h(), options)
            .unwrap();
        let truth = [
            ("80001", 4),
            ("80020", 3),
            ("80002", 0),
            ("80003", 1),
            ("80010", 0),
            ("811", 2),
            ("81", 2),
            ("80", 8),
        ];
        for (u, v) in truth {
            assert!(holds(docs(&t, u), v), "{u}: {:?}", docs(&t, u));
        }
        assert_eq!(docs(&t, "80010"), between(0, 9));
        assert_eq!(country(&t), Some(Interval::exact(10)));
        assert!(back(&t) == t);
    }
}

/// u64::MAX documents in 10101 (10102 and 10201 0), its rest reaching 18 units: no
/// panic; every reached commune holds 0 and u64::MAX, the country exactly
/// u64::MAX; the rows read back. Two such in two old provinces overflow
/// the country's lower bound: `TotalOverflow`, never a panic.
#[test]
fn huge_values_over_many_targets_are_errors_not_panics() {
    let max = u64::MAX;
    for options in [RekeyOptions::default(), RekeyOptions::default()] {
        let (t, _) = old_in(
            &old_h(),
            &[
                documents("10101", max),
                documents("10102", 0),
                documents("10201", 0),
            ],
        )
        .rekey_with(&wide_cw(), Level::Commune, &wide_h(), options)
        .unwrap();
        // [0, u64::MAX] or unbounded: either holds every truth.
        let c = docs(&t, "80010");
        assert!(holds(c, 0) && holds(c, max), "{c:?}");
        assert_eq!(country(&t), Some(Interval::exact(max)));
        assert!(back(&t) == t);
        // Two old provinces of u64::MAX each: the country's sum overflows.
        let two = Hierarchy::new(vec![
            unit("10", None),
            unit("101", Some("10")),
            unit("10101", Some("101")),
            unit("11", None),
            unit("111", Some("11")),
            unit("11101", Some("111")),
        ])
        .unwrap();
        let cw = Crosswalk::builder()
            .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
            .partial(code("11101"), &[(code("80002"), Weight::Unknown)])
            .build()
            .unwrap();
        let err = old_in(&two, &[documents("10101", max), documents("11101", max)])
            .rekey_with(&cw, Level::Commune, &wide_h(), options)
            .map(|_| ())
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TotalOverflow { .. }),
            "{err}"
        );
    }
}

/// Persons alike: u64::MAX persons in 10101 and in province 10, "gần"
/// u64::MAX in 10201, 10101 partial over 18 units: no panic (the cap at
/// parents included); the country holds u64::MAX.
#[test]
fn huge_persons_over_many_targets_do_not_panic() {
    let max = u64::MAX;
    let figures = [
        persons_fig("10101", max),
        persons_text("10201", &format!("gần {max}")),
        persons_fig("10", max),
    ];
    let old = old_in(&old_h(), &figures);
    for options in [RekeyOptions::default(), RekeyOptions::default()] {
        match old.rekey_with(&wide_cw(), Level::Commune, &wide_h(), options) {
            Ok((t, _)) => {
                assert!(holds(persons_at(&t, None), max));
                assert!(back(&t).rows() == t.rows());
            }
            Err(e) => assert!(matches!(e.kind(), ErrorKind::TotalOverflow { .. }), "{e}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, .. ProptestConfig::default() })]

    /// Amounts of half-billion steps ("3,5 tỷ đồng"), every old commune
    /// reporting, the drawn entries and placements: every amount cell and
    /// the country hold the truth, the country exactly, and the rows read
    /// back (through [`check_drawn`], with the counts alike).
    #[test]
    fn random_amounts_hold_a_random_truth(
        cs in communes(),
        container in any::<bool>(),
        anywhere in any::<bool>(),
        seeds in proptest::collection::vec(any::<u32>(), 16),
    ) {
        let cs: Vec<Commune> = cs.into_iter().map(|c| Commune { report: 1, ..c }).collect();
        if let Some(d) = draw(&cs, container, anywhere, (false, false), false, seeds) {
            check_drawn(&d, anywhere, true)?;
        }
    }
}

// ------------------------------ a silent commune without an entry

/// Finding (fixed in session 14). Input: old4; province 10 merged whole into 80; 10101 → 80001
/// (5 documents), 10201 → 80002 (2), 10202 → 80003 (0); 10102 has no entry
/// and reported nothing (silent: not an error). It lies somewhere in 80
/// (its province went there whole), so any commune of 80 may hold its
/// documents. Result: 80001 exactly 5 (and 80002 exactly 2); only 80 and
/// the country are opened. The data supports 80001 "at least 5" (say
/// 10102 had 3 there: 8 lies outside the cell). `places` gives an old unit
/// without an entry its container alone, where a partial entry's remainder
/// now reaches the units below it.
#[test]
fn a_silent_commune_without_an_entry_opens_the_communes_of_its_container() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .merge(code("10101"), code("80001"))
        .merge(code("10201"), code("80002"))
        .merge(code("10202"), code("80003"))
        .build()
        .unwrap();
    let figures = [
        documents("10101", 5),
        documents("10201", 2),
        documents("10202", 0),
    ];
    let (t, _) = old_in(&old4(), &figures)
        .rekey_with(
            &cw,
            Level::Commune,
            &new4(),
            RekeyOptions::default().skipping_unmapped(),
        )
        .unwrap();
    assert_eq!(docs(&t, "80"), Some(Interval::at_least(7)));
    assert!(holds(docs(&t, "80001"), 8), "80001 {:?}", docs(&t, "80001"));
    assert!(holds(docs(&t, "80002"), 5), "80002 {:?}", docs(&t, "80002"));
}

/// Without the container the same silent commune may lie anywhere: every
/// new unit with a cell is open ("at least"), 80001 at least 5.
#[test]
fn a_silent_commune_without_an_entry_and_no_container_opens_everything() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10201"), code("80002"))
        .merge(code("10202"), code("80003"))
        .build()
        .unwrap();
    let figures = [
        documents("10101", 5),
        documents("10201", 2),
        documents("10202", 0),
    ];
    let t = old_in(&old4(), &figures)
        .rekey(&cw, Level::Commune, &new4())
        .unwrap();
    assert_eq!(docs(&t, "80001"), Some(Interval::at_least(5)));
    assert_eq!(docs(&t, "80002"), Some(Interval::at_least(2)));
    assert_eq!(country(&t), Some(Interval::at_least(7)));
}

/// Finding (fixed in session 14). Input: old_h; 10101 → 80001, 10201 → 80002, 10102 without
/// an entry; district 101 reports 7 documents (its communes silent under
/// it), 10201 reports 2. 10102 has no entry: where it went is not known, so
/// it may lie in 80002 (say all 7 of 101 are 10102's, there: 80002 holds
/// 9). Result (default options, skipping unmapped units or not): 80002
/// exactly 2. The data supports 80002 in [2, 9]: `figure_targets` reads a
/// unit without an entry as a `partial` remainder and the default reach
/// then keeps it out of every unit an entry names — a reading of the
/// national mapping's flag, which a missing entry does not carry.
#[test]
fn a_districts_figure_over_a_commune_without_an_entry_reaches_named_units() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let old = old_in(&old_h(), &[documents("101", 7), documents("10201", 2)]);
    for options in [
        RekeyOptions::default(),
        RekeyOptions::default().skipping_unmapped(),
    ] {
        let (t, _) = old
            .rekey_with(&cw, Level::Commune, &new_h(), options)
            .unwrap();
        assert_eq!(country(&t), Some(Interval::exact(9)));
        assert!(holds(docs(&t, "80002"), 9), "80002 {:?}", docs(&t, "80002"));
    }
}

// ------------------------------------------------ the cap at parents

/// Old hierarchy as old_h; 10 → 80 whole; 10101, 10102 → 80001; 10201 → 80002.
fn cap_cw() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("10"), code("80"))
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap()
}

/// A parent opened after the cap by a silent unit: 10101's 4 persons,
/// 10201's 3, 10102 silent (it went to 80001). Before the silent units
/// open them, 80 is at most 7; 80001 must not stay at most 7 (10102 may
/// hold any number): it is "at least 4" with no upper bound, 80 too, and
/// the rows read back.
#[test]
fn a_cap_before_a_silent_unit_opens_does_not_bound_the_child() {
    let t = old_in(
        &old_h(),
        &[persons_fig("10101", 4), persons_fig("10201", 3)],
    )
    .rekey(&cap_cw(), Level::Commune, &new_h())
    .unwrap();
    for (u, low) in [("80001", 4), ("80", 4)] {
        let c = persons_at(&t, Some(u));
        assert!(
            c.is_some_and(|i| i.low() == low && i.high().is_none()),
            "{u}: {c:?}"
        );
    }
    assert_eq!(persons_at(&t, Some("80002")), Some(Interval::exact(3)));
    assert!(back(&t).rows() == t.rows());
}

/// An estimate below an exact whole: 10101 "khoảng 9" persons (its own
/// interval holds 9: from 0, unbounded, about 9), the province exactly 9,
/// 10102 and 10201 0. 80001 holds 0 and 9, 80 and the country hold 9 (at
/// least 9: sound, not exact); the rows read back.
#[test]
fn an_estimate_capped_at_its_parent_holds_the_truth() {
    let r = notation::parse_reported("khoảng 9").unwrap().interval();
    assert!(holds(Some(r), 9));
    let t = old_in(
        &old_h(),
        &[
            persons_text("10101", "khoảng 9"),
            persons_fig("10", 9),
            persons_fig("10102", 0),
            persons_fig("10201", 0),
        ],
    )
    .rekey(&cap_cw(), Level::Commune, &new_h())
    .unwrap();
    let c = persons_at(&t, Some("80001"));
    assert!(holds(c, 9) && holds(c, 0), "{c:?}");
    // Sound, though the province's exact 9 comes out "at least 9": an
    // open estimate below leaves the held whole unbounded (no excess to
    // take off); the cap then has no bound to carry down.
    for u in [Some("80"), None] {
        let p = persons_at(&t, u);
        assert!(
            holds(p, 9) && p.is_some_and(|i| i.low() == 9),
            "{u:?} {p:?}"
        );
    }
    assert!(back(&t).rows() == t.rows());
}

/// A parent whose high comes from a skipped unit's width: 10102 has no
/// entry and reports 5 persons (skipped: every cell widened by [0, 5]);
/// 10101 → 80001 4, 10201 → 80002 3. Its persons may be in 80001 and
/// disjoint from 10101's: 80001 holds 9, 80 holds 12, the country 12.
#[test]
fn a_cap_from_a_skipped_units_width_holds_the_truth() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .merge(code("10101"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let (t, report) = old_in(
        &old_h(),
        &[
            persons_fig("10101", 4),
            persons_fig("10102", 5),
            persons_fig("10201", 3),
        ],
    )
    .rekey_with(
        &cw,
        Level::Commune,
        &new_h(),
        RekeyOptions::default().skipping_unmapped(),
    )
    .unwrap();
    assert_eq!(report.skipped_count(), 1);
    for (u, v) in [
        (Some("80001"), 9),
        (Some("80"), 12),
        (None, 12),
        (Some("80002"), 8),
    ] {
        let c = persons_at(&t, u);
        assert!(holds(c, v), "{u:?}: {c:?} vs {v}");
    }
    assert!(back(&t).rows() == t.rows());
}

// ------------------------------------------------ stocks, odd entries

fn blocks(unit: &str, n: u64) -> Figure {
    let mut f = documents(unit, n);
    f.indicator = Builtin::GrassrootsBlocks.into();
    f
}

fn blocks_at(t: &Totals, u: Option<&str>) -> Option<Interval> {
    match u {
        Some(u) => t.reported(&code(u), Builtin::GrassrootsBlocks, S),
        None => t.national(TotalsLayer::Reported, Builtin::GrassrootsBlocks, S),
    }
}

/// A stock (grassroots blocks at the period's end) through a partial
/// entry of unknown place: 10101's 5 blocks (say 2 in 80001, 3 in the
/// special zone 811), 10102's 1, 10201's 2. Every cell holds that truth,
/// the country is exactly 8, under both readings; the rows read back.
#[test]
fn a_stock_through_a_partial_entry_holds_the_truth() {
    let figures = [blocks("10101", 5), blocks("10102", 1), blocks("10201", 2)];
    for options in [RekeyOptions::default(), RekeyOptions::default()] {
        let (t, _) = old_in(&old_h(), &figures)
            .rekey_with(&partial_10101_cw(), Level::Commune, &new_h(), options)
            .unwrap();
        for (u, v) in [("80001", 3), ("80002", 2), ("80", 5), ("811", 3), ("81", 3)] {
            let c = blocks_at(&t, Some(u));
            assert!(holds(c, v), "{u}: {c:?} vs {v}");
        }
        assert_eq!(blocks_at(&t, None), Some(Interval::exact(8)));
        assert!(back(&t) == t);
    }
}

/// A contradictory table: province 10 merged whole into 80, yet 10101
/// partly to the special zone 811 of province 81. No panic, no error
/// beyond the table's own; the country keeps exactly the 8 documents and
/// the rows read back. (Which cells the data supports is not defined: the
/// table says two things.)
#[test]
fn a_partial_entry_whose_target_lies_outside_its_container_does_not_panic() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .partial(code("10101"), &[(code("811"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let figures = [
        documents("10101", 5),
        documents("10102", 1),
        documents("10201", 2),
    ];
    for options in [RekeyOptions::default(), RekeyOptions::default()] {
        let (t, _) = old_in(&old_h(), &figures)
            .rekey_with(&cw, Level::Commune, &new_h(), options)
            .unwrap();
        assert_eq!(country(&t), Some(Interval::exact(8)));
        assert!(back(&t) == t);
    }
}

// ------------------------------- an island district made a special zone

/// Old: province 10, district 101 (communes 10101, 10102) and the island
/// district 102 with no communes.
fn island_old() -> Hierarchy {
    Hierarchy::new(vec![
        unit("10", None),
        unit("101", Some("10")),
        unit("10101", Some("101")),
        unit("10102", Some("101")),
        unit("102", Some("10")),
    ])
    .unwrap()
}

/// The table's rows (10101 partly to 80001, its rest to a unit the table
/// does not name; 10102 → 80002) and, as `from_reform_mapping_json`'s doc
/// says to add by hand, the island district 102 → the special zone 811.
fn island_cw() -> Crosswalk {
    Crosswalk::builder()
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80002"))
        .merge(code("102"), code("811"))
        .build()
        .unwrap()
}

/// Finding (fixed in session 14). Input: island_old, island_cw (the island district's row added
/// by hand, as `CrosswalkBuilder::from_reform_mapping_json` advises); 10101
/// reports 5 documents, 10102 1, the island district 102 3. The special
/// zone is the one new unit the table itself does not name, so 10101's
/// rest may lie there (say 3 of its 5: 811 holds 6, 80001 2). Result
/// (default options): 811 exactly 3 and 81 exactly 3; the remainder
/// reaches no unit (every commune is named, and the zone now is too), only
/// the country. The data supports 811 in [3, 8]: the hand-added entry
/// makes the zone "named" and shuts out the one place the remainder was
/// meant to reach (the doc of the reading that is now `RekeyOptions::with_complete_targets`:
/// "only a new unit no entry names (an island special zone ...) may hold
/// it").
#[test]
fn a_remainder_reaches_a_special_zone_named_only_by_its_island_district() {
    let figures = [
        documents("10101", 5),
        documents("10102", 1),
        documents("102", 3),
    ];
    let t = old_in(&island_old(), &figures)
        .rekey(&island_cw(), Level::Commune, &new_h())
        .unwrap();
    assert_eq!(country(&t), Some(Interval::exact(9)));
    assert!(holds(docs(&t, "811"), 6), "811 {:?}", docs(&t, "811"));
    assert!(holds(docs(&t, "81"), 6), "81 {:?}", docs(&t, "81"));
}

/// With the option the zone is reached: 811 holds 6, 80001 holds 2, the
/// country exactly 9, the rows read back.
#[test]
fn with_the_option_a_remainder_reaches_the_island_zone() {
    let figures = [
        documents("10101", 5),
        documents("10102", 1),
        documents("102", 3),
    ];
    let (t, _) = old_in(&island_old(), &figures)
        .rekey_with(
            &island_cw(),
            Level::Commune,
            &new_h(),
            RekeyOptions::default(),
        )
        .unwrap();
    for (u, v) in [("811", 6), ("81", 6), ("80001", 2), ("80", 3)] {
        assert!(holds(docs(&t, u), v), "{u}: {:?}", docs(&t, u));
    }
    assert_eq!(country(&t), Some(Interval::exact(9)));
    assert!(back(&t) == t);
}

// ---- round 2
//
// Review of 09d8f2e..f7bd0bb: the strict default (a remainder, and an old
// unit with no entry, may lie in named units too), `figure_targets` within
// the unit's own targets, `carry_targets` with a partial entry of its own,
// `places` of a silent unit with no entry, and the complete column
// (`Absent::complete`, `rekeyed_only`) a second rekey reads as holding
// nothing where it has no cell. Units and figures synthetic.

/// A third hierarchy for second rekeys: province 90 (communes 90001,
/// 90002, 90003).
fn third_r2() -> Hierarchy {
    Hierarchy::new(vec![
        unit("90", None),
        unit("90001", Some("90")),
        unit("90002", Some("90")),
        unit("90003", Some("90")),
    ])
    .unwrap()
}

/// new4 → third: 80001 and 80002 → 90001; 80003 and 81001 → 90002; 811 →
/// 90003.
fn second_r2_4() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("80001"), code("90001"))
        .merge(code("80002"), code("90001"))
        .merge(code("80003"), code("90002"))
        .merge(code("81001"), code("90002"))
        .merge(code("811"), code("90003"))
        .build()
        .unwrap()
}

/// new_h → third: 80001 → 90001, 80002 → 90002, 811 → 90003.
fn second_r2_h() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("80001"), code("90001"))
        .merge(code("80002"), code("90002"))
        .merge(code("811"), code("90003"))
        .build()
        .unwrap()
}

/// A drawn case rekeyed old4 → new4 (`options`), then new4 → third
/// ([`second_r2_4`]), in memory and through rows: every cell of the second
/// rekey and its country hold the drawn truth carried along (no cell: none,
/// unless some old commune was silent).
fn check_twice(d: &Drawn, options: RekeyOptions, all_report: bool) -> Result<(), TestCaseError> {
    let first =
        match old_in(&old4(), &d.figures).rekey_with(&d.cw, Level::Commune, &new4(), options) {
            Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. }) => return Ok(()),
            r => r.unwrap().0,
        };
    let truth = |u: &str| -> u64 {
        let of = |l: &str| truth_at(d, l);
        match u {
            "90001" => of("80001") + of("80002"),
            "90002" => of("80003") + of("81001"),
            "90003" => of("811"),
            _ => d.total,
        }
    };
    for mid in [back(&first), first] {
        let t = mid
            .rekey(&second_r2_4(), Level::Commune, &third_r2())
            .unwrap();
        for u in ["90001", "90002", "90003", "90"] {
            let got = docs(&t, u);
            prop_assert!(
                holds(got, truth(u)) || (got.is_none() && !all_report),
                "second rekey {u}: {got:?} does not hold {}; truth {:?}, figures {:?}, cw {:?}",
                truth(u),
                d.truth,
                d.figures,
                d.cw
            );
        }
        let c = country(&t);
        prop_assert!(holds(c, d.total), "second country {c:?} vs {}", d.total);
    }
    twice_amounts(d, options, &truth)
}

/// [`check_twice`] for amounts (as [`check_amounts`]: every figure exact,
/// `v × 0,5` tỷ; skipped unless every old commune reports): every cell of
/// the second rekey holds the scaled truth; the country too.
fn twice_amounts(
    d: &Drawn,
    options: RekeyOptions,
    truth: &dyn Fn(&str) -> u64,
) -> Result<(), TestCaseError> {
    let mut figures = Vec::new();
    for f in &d.figures {
        let Some(r) = f.value.as_ref() else { continue };
        let i = r.interval();
        if i.high() != Some(i.low()) {
            return Ok(());
        }
        let v = i.low();
        let text = if v % 2 == 0 {
            format!("{} tỷ đồng", v / 2)
        } else {
            format!("{},5 tỷ đồng", v / 2)
        };
        figures.push(money(&f.unit.to_string(), &text));
    }
    if OLD_COMMUNES
        .iter()
        .any(|c| !figures.iter().any(|f| f.unit == code(c)))
    {
        return Ok(());
    }
    let first = match old_in(&old4(), &figures).rekey_with(&d.cw, Level::Commune, &new4(), options)
    {
        Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. }) => return Ok(()),
        r => r.unwrap().0,
    };
    let half = |v: u64| Amount::new(Decimal::from(v) * Decimal::from(500_000_000u64)).unwrap();
    let has = |i: Option<Interval<Amount>>, v: u64| match i {
        None => v == 0,
        Some(i) => i.low() <= half(v) && i.high().map_or(true, |h| h >= half(v)),
    };
    for mid in [back(&first), first] {
        let t = mid
            .rekey(&second_r2_4(), Level::Commune, &third_r2())
            .unwrap();
        for u in ["90001", "90002", "90003", "90"] {
            let got = t.amount(&code(u), &gifts().id, S).map(|a| a.value);
            prop_assert!(
                has(got, truth(u)),
                "second amount {}: {:?} vs {}",
                u,
                got,
                truth(u)
            );
        }
        let c = t.national_amount(&gifts().id, S).map(|a| a.value);
        prop_assert!(
            has(c, d.total),
            "second country amount {:?} vs {}",
            c,
            d.total
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// The oracle of `random_crosswalks_hold_a_random_truth` without the
    /// exclusions its findings needed (a province figure over its whole
    /// merge, a silent commune without an entry inside a whole-merged
    /// province, a district figure over a commune without an entry: fixed
    /// by 5b75b1a), under both readings, and each case rekeyed a second
    /// time through a merge table ([`check_twice`]): the complete column
    /// of the first rekey must not claim nothing where the data allows
    /// something.
    #[test]
    fn round2_random_crosswalks_rekeyed_twice_hold_the_truth(
        cs in communes(),
        container in any::<bool>(),
        anywhere in any::<bool>(),
        districts in (any::<bool>(), any::<bool>()),
        province in any::<bool>(),
        seeds in proptest::collection::vec(any::<u32>(), 16),
    ) {
        if let Some(d) = draw(&cs, container, anywhere, districts, province, seeds) {
            if !d.figures.is_empty() {
                let all_report = cs.iter().all(|c| c.report != 0);
                check_drawn(&d, anywhere, all_report)?;
                let options = if anywhere {
                    RekeyOptions::default()
                } else {
                    RekeyOptions::default().with_complete_targets()
                }
                .skipping_unmapped();
                check_twice(&d, options, all_report)?;
            }
        }
    }
}

/// Exactness where a whole merge fixes it: with province 10 merged whole
/// into 80 and no commune skipped with a value (a skipped value may lie
/// anywhere, `RekeyOptions::skipping_unmapped`), nothing lies in province
/// 81 (no cell, or exactly 0); with every commune reporting exactly, 80 is
/// exactly the whole.
fn check_whole(
    d: &Drawn,
    cs: &[Commune],
    container: bool,
    options: RekeyOptions,
) -> Result<(), TestCaseError> {
    if !container || cs.iter().any(|c| c.kind == 8 && c.report != 0) {
        return Ok(());
    }
    let t = match old_in(&old4(), &d.figures).rekey_with(&d.cw, Level::Commune, &new4(), options) {
        Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. }) => return Ok(()),
        r => r.unwrap().0,
    };
    for u in ["81", "81001", "811"] {
        let c = docs(&t, u);
        prop_assert!(
            c.is_none() || c == Some(Interval::exact(0)),
            "{u}: {c:?} outside the whole merge; figures {:?}, cw {:?}",
            d.figures,
            d.cw
        );
    }
    if cs.iter().all(|c| matches!(c.report, 1 | 5)) {
        prop_assert_eq!(
            docs(&t, "80"),
            Some(Interval::exact(d.total)),
            "80 of the whole"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Finding (fixed in session 14) (minimal cases below). The drawn cases with province 10
    /// merged whole into 80 ([`check_whole`]): nothing may lie in 81, and
    /// 80 is exact when every commune reports exactly. `province` draws the
    /// province's own figure; without it the property holds
    /// (`round2_without_a_province_figure_a_whole_merge_keeps_81_empty`).
    #[test]
    fn round2_a_whole_merge_keeps_its_figures_inside(
        cs in communes(),
        districts in (any::<bool>(), any::<bool>()),
        anywhere in any::<bool>(),
        seeds in proptest::collection::vec(any::<u32>(), 16),
    ) {
        if let Some(d) = draw(&cs, true, anywhere, districts, true, seeds) {
            let options = if anywhere {
                RekeyOptions::default()
            } else {
                RekeyOptions::default().with_complete_targets()
            }
            .skipping_unmapped();
            check_whole(&d, &cs, true, options)?;
        }
    }

    /// The same without the province's own figure: holds.
    #[test]
    fn round2_without_a_province_figure_a_whole_merge_keeps_81_empty(
        cs in communes(),
        districts in (any::<bool>(), any::<bool>()),
        anywhere in any::<bool>(),
        seeds in proptest::collection::vec(any::<u32>(), 16),
    ) {
        if let Some(d) = draw(&cs, true, anywhere, districts, false, seeds) {
            if !d.figures.is_empty() {
                let options = if anywhere {
                    RekeyOptions::default()
                } else {
                    RekeyOptions::default().with_complete_targets()
                }
                .skipping_unmapped();
                check_whole(&d, &cs, true, options)?;
            }
        }
    }
}

/// Finding (fixed in session 14). Input: old4; province 10 reports 1 document, no commune
/// reports; 10 merged whole into 80, 10101, 10102, 10201 → 80001, 10202
/// partly to 80001 (its rest unnamed), either reading. Result: 80 [0, 1]
/// and 81 [0, 1]. The data supports 80 exactly 1 and 81 nothing: all of
/// province 10, 10202's rest included, went to 80 (the rest lies within
/// 80). The figure's part
/// beyond the communes' named targets reaches outside the unit known to
/// contain them.
#[test]
fn round2_a_province_figure_over_a_partial_commune_stays_in_its_whole() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80001"))
        .partial(code("10202"), &[(code("80001"), Weight::Unknown)])
        .build()
        .unwrap();
    for o in [
        RekeyOptions::default(),
        RekeyOptions::default().with_complete_targets(),
    ] {
        let t = old_in(&old4(), &[documents("10", 1)])
            .rekey_with(&cw, Level::Commune, &new4(), o)
            .unwrap()
            .0;
        assert_eq!(country(&t), Some(Interval::exact(1)));
        assert_eq!(docs(&t, "80"), Some(Interval::exact(1)));
        let c81 = docs(&t, "81");
        assert!(
            c81.is_none() || c81 == Some(Interval::exact(0)),
            "81: {c81:?}"
        );
    }
}

/// The closed whole of rekey_nested (10101 1, 10102 3, 10201 2; every old
/// commune reported) rekeyed to new_h: a complete column.
fn closed_whole() -> Totals {
    old_in(
        &old_h(),
        &[
            documents("10101", 1),
            documents("10102", 3),
            documents("10201", 2),
        ],
    )
    .rekey(&super::rekey_nested::crosswalk(), Level::Commune, &new_h())
    .unwrap()
}

/// Input: the closed whole merged with `Totals::empty` of new_h (either
/// order), rekeyed again (80001 → 90001, 80002 → 90002, 811 → 90003).
/// Result: 90001 exactly 4, 90002 exactly 2, 90003 no cell, the country
/// exactly 6 — empty totals add nothing, and say nothing silent.
#[test]
fn round2_a_closed_whole_merged_with_empty_totals_stays_exact() {
    let empty = Totals::empty(&new_h(), Period::year(2024).unwrap(), &[gifts()]);
    for m in [
        closed_whole().merge(empty.clone()).unwrap(),
        empty.clone().merge(closed_whole()).unwrap(),
    ] {
        for m in [back(&m), m] {
            let t = m
                .rekey(&second_r2_h(), Level::Commune, &third_r2())
                .unwrap();
            assert_eq!(docs(&t, "90001"), Some(Interval::exact(4)));
            assert_eq!(docs(&t, "90002"), Some(Interval::exact(2)));
            assert_eq!(docs(&t, "90003"), None);
            assert_eq!(country(&t), Some(Interval::exact(6)));
        }
    }
}

/// Input: the closed whole, then `apply` of a figure of 80002 (1 more
/// document, synthetic), rekeyed again. The applied figure is data on the
/// new units in which 811 did not report: 90003 and the country may hold
/// more than 7. Result expected: the country holds 7 and has no upper
/// bound (as `a_closed_whole_merged_with_unrekeyed_totals_keeps_their_silence`
/// for a merge), through rows too.
#[test]
fn round2_a_figure_applied_to_a_closed_whole_keeps_its_silence() {
    let mut whole = closed_whole();
    whole.apply(&documents("80002", 1)).unwrap();
    assert!(holds(docs(&whole, "80002"), 3));
    for m in [back(&whole), whole] {
        let t = m
            .rekey(&second_r2_h(), Level::Commune, &third_r2())
            .unwrap();
        let c = country(&t);
        assert!(holds(c, 7), "{c:?}");
        assert_eq!(c.and_then(|c| c.high()), None, "{c:?}");
    }
}

/// Input: the closed whole, then `apply` of an issued document (a record,
/// not a figure) at 80002, rekeyed again. Records are their own layer: the
/// reported documents stay a complete column, exactly 6 at the country.
#[test]
fn round2_a_record_applied_to_a_closed_whole_keeps_the_reported_column_exact() {
    let mut whole = closed_whole();
    let doc: IssuedDocument = serde_json::from_str(
        r#"{"unit": "80002", "date": "2024-05-10", "actor": "mobilization_sector", "kind": "leadership"}"#,
    )
    .unwrap();
    whole.apply(&doc).unwrap();
    let t = whole
        .rekey(&second_r2_h(), Level::Commune, &third_r2())
        .unwrap();
    assert_eq!(country(&t), Some(Interval::exact(6)));
    assert_eq!(docs(&t, "90001"), Some(Interval::exact(4)));
}

/// Another old hierarchy (synthetic): province 20 with communes 20101 and
/// 20102.
fn other_old() -> Hierarchy {
    Hierarchy::new(vec![
        unit("20", None),
        unit("20101", Some("20")),
        unit("20102", Some("20")),
    ])
    .unwrap()
}

/// 20101 → 811, 20102 → 80002.
fn other_cw() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("20101"), code("811"))
        .merge(code("20102"), code("80002"))
        .build()
        .unwrap()
}

/// Input: the closed whole merged with totals rekeyed from another old
/// hierarchy (20101 4 → 811; 20102 → 80002 reported too, 5, or silent),
/// rekeyed again. Both reporting: 90002 exactly 7, 90003 exactly 4, the
/// country exactly 15. 20102 silent (any value, say 100): 90002 and the
/// country hold 102 and 106 (not closed by the other origin's completeness).
#[test]
fn round2_a_closed_whole_merged_with_another_origins_rekey_is_sound() {
    for silent in [false, true] {
        let mut figures = vec![documents("20101", 4)];
        if !silent {
            figures.push(documents("20102", 5));
        }
        let other = old_in(&other_old(), &figures)
            .rekey(&other_cw(), Level::Commune, &new_h())
            .unwrap();
        for m in [
            closed_whole().merge(other.clone()).unwrap(),
            other.clone().merge(closed_whole()).unwrap(),
        ] {
            for m in [back(&m), m] {
                let t = m
                    .rekey(&second_r2_h(), Level::Commune, &third_r2())
                    .unwrap();
                if silent {
                    assert!(holds(docs(&t, "90002"), 102), "{:?}", docs(&t, "90002"));
                    assert!(holds(country(&t), 106), "{:?}", country(&t));
                    assert!(holds(docs(&t, "90003"), 4));
                } else {
                    assert_eq!(docs(&t, "90002"), Some(Interval::exact(7)));
                    assert_eq!(docs(&t, "90003"), Some(Interval::exact(4)));
                    assert_eq!(country(&t), Some(Interval::exact(15)));
                }
            }
        }
    }
}

/// Input: a first rekey with `skipping_unmapped` (10102 has no entry, 3
/// documents; 10101 1 → 80001, 10201 2 → 80002), rekeyed again. The
/// skipped 3 may lie anywhere (or outside): 90001..90003 and the country
/// hold any placement of them, e.g. all 3 in 811 → 90003 holds 3, the
/// country 6.
#[test]
fn round2_a_skipped_unit_stays_open_through_a_second_rekey() {
    let cw = Crosswalk::builder()
        .merge(code("10101"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let (first, report) = old_in(
        &old_h(),
        &[
            documents("10101", 1),
            documents("10102", 3),
            documents("10201", 2),
        ],
    )
    .rekey_with(
        &cw,
        Level::Commune,
        &new_h(),
        RekeyOptions::default().skipping_unmapped(),
    )
    .unwrap();
    assert_eq!(report.skipped_count(), 1);
    for m in [back(&first), first] {
        let t = m
            .rekey(&second_r2_h(), Level::Commune, &third_r2())
            .unwrap();
        for (u, v) in [("90001", 4), ("90002", 5), ("90003", 3), ("90", 6)] {
            assert!(holds(docs(&t, u), v), "{u}: {:?}", docs(&t, u));
        }
        assert!(holds(country(&t), 6), "{:?}", country(&t));
    }
}

/// Input: with complete targets, 10101 (5) partial → 80001 where every
/// new leaf is named (10102 1 → 80002, 10201 2 → 811): the remainder
/// reaches no unit. Rekeyed again: the first rekey's cells are what the
/// data supports under that reading (80001 [1?]..), and the country stays
/// exactly 8; 90001 holds any of 10101's placements (0..=5 plus nothing
/// else), 90002 exactly 1, 90003 exactly 2.
#[test]
fn round2_a_remainder_that_reached_no_unit_then_a_second_rekey() {
    let cw = Crosswalk::builder()
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80002"))
        .merge(code("10201"), code("811"))
        .build()
        .unwrap();
    let (first, _) = old_in(
        &old_h(),
        &[
            documents("10101", 5),
            documents("10102", 1),
            documents("10201", 2),
        ],
    )
    .rekey_with(
        &cw,
        Level::Commune,
        &new_h(),
        RekeyOptions::default().with_complete_targets(),
    )
    .unwrap();
    assert_eq!(country(&first), Some(Interval::exact(8)));
    for m in [back(&first), first] {
        let t = m
            .rekey(&second_r2_h(), Level::Commune, &third_r2())
            .unwrap();
        for v in 0..=5 {
            assert!(holds(docs(&t, "90001"), v), "{:?}", docs(&t, "90001"));
        }
        assert!(holds(docs(&t, "90002"), 1));
        assert!(holds(docs(&t, "90003"), 2));
        assert!(holds(country(&t), 8), "{:?}", country(&t));
    }
}

/// Input: a stock (grassroots blocks, 10101 5, 10102 1, 10201 2, every
/// commune reporting), rekeyed twice (the nested crosswalk, then 80001 →
/// 90001, 80002 → 90002, 811 → 90003). Result: 90001 holds 6, 90002 2,
/// the country exactly 8.
#[test]
fn round2_a_closed_stock_rekeyed_twice_holds_the_truth() {
    let first = old_in(
        &old_h(),
        &[blocks("10101", 5), blocks("10102", 1), blocks("10201", 2)],
    )
    .rekey(&super::rekey_nested::crosswalk(), Level::Commune, &new_h())
    .unwrap();
    for m in [back(&first), first] {
        let t = m
            .rekey(&second_r2_h(), Level::Commune, &third_r2())
            .unwrap();
        assert!(holds(blocks_at(&t, Some("90001")), 6));
        assert!(holds(blocks_at(&t, Some("90002")), 2));
        assert!(holds(blocks_at(&t, None), 8), "{:?}", blocks_at(&t, None));
    }
}

/// Input: amounts (10101 1 tỷ, 10102 0,5 tỷ, 10201 2 tỷ, every commune
/// reporting), rekeyed twice. Result: 90001 holds 1,5 tỷ, 90002 2 tỷ,
/// 90003 nothing, the country exactly 3,5 tỷ.
#[test]
fn round2_closed_amounts_rekeyed_twice_hold_the_truth() {
    let first = old_in(
        &old_h(),
        &[
            money("10101", "1 tỷ đồng"),
            money("10102", "0,5 tỷ đồng"),
            money("10201", "2 tỷ đồng"),
        ],
    )
    .rekey(&super::rekey_nested::crosswalk(), Level::Commune, &new_h())
    .unwrap();
    let tỷ = |m: u64| Amount::new(Decimal::from(m) * Decimal::from(100_000_000u64)).unwrap();
    for m in [back(&first), first] {
        let t = m
            .rekey(&second_r2_h(), Level::Commune, &third_r2())
            .unwrap();
        let at = |u: &str| t.amount(&code(u), &gifts().id, S).map(|a| a.value);
        let has = |i: Option<Interval<Amount>>, v: Amount| {
            i.is_some_and(|i| i.low() <= v && i.high().map_or(true, |h| h >= v))
        };
        assert!(has(at("90001"), tỷ(15)), "{:?}", at("90001"));
        assert!(has(at("90002"), tỷ(20)), "{:?}", at("90002"));
        assert_eq!(at("90003"), None);
        let c = t.national_amount(&gifts().id, S).map(|a| a.value);
        assert_eq!(c, Some(Interval::exact(tỷ(35))));
    }
}

/// Input: district 101's own figure (4 documents) over communes 10101 and
/// 10102, neither with an entry (skipped), and 10201 (2) → 80002; the
/// province has no entry. Nothing says where 101's figure went:
/// `RekeyUncovered` (DV105), not a placement.
#[test]
fn round2_a_district_figure_over_skipped_communes_is_uncovered() {
    let cw = Crosswalk::builder()
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let r = old_in(&old_h(), &[documents("101", 4), documents("10201", 2)]).rekey_with(
        &cw,
        Level::Commune,
        &new_h(),
        RekeyOptions::default().skipping_unmapped(),
    );
    let e = r.unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::RekeyUncovered { .. }), "{e}");
    assert_eq!(e.code(), "DV105");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// The persons oracle (`random_persons_hold_the_true_union`) without
    /// its exclusions (a silent commune without an entry in the whole-merged
    /// province, a figure above a commune without an entry, the province's
    /// figure over its whole merge), the persons of a commune without an
    /// entry placed where the reading lets it lie (under complete targets,
    /// a leaf no entry names), under both readings; then rekeyed a second
    /// time ([`second_r2_4`]), in memory and through rows: every cell holds
    /// the size of the true union.
    #[test]
    fn round2_random_persons_rekeyed_twice_hold_the_true_union(
        cs in communes(),
        sets in proptest::collection::vec(0u16..1024, 4),
        hows in proptest::collection::vec(0u8..5, 7),
        container in any::<bool>(),
        anywhere in any::<bool>(),
        seeds in proptest::collection::vec(any::<u32>(), 40),
    ) {
        let (cw, targets, partial, places) = crosswalk_of(&cs, container, anywhere);
        let mut draw = Draw(seeds, 0);
        let mut at: std::collections::BTreeMap<&str, u16> = Default::default();
        for k in 0..4 {
            let mut dest = targets[k].clone();
            if dest.is_empty() {
                dest = places.clone();
            }
            if partial[k] {
                let own = targets[k].clone();
                dest.extend(places.iter().copied().filter(|p| !own.contains(p)));
            }
            dest.dedup();
            if dest.is_empty() {
                if sets[k] != 0 {
                    return Ok(()); // nowhere to lie under this reading
                }
                continue;
            }
            for p in 0..10 {
                if sets[k] & (1 << p) != 0 {
                    let d = dest[draw.next(dest.len() as u64) as usize];
                    *at.entry(d).or_insert(0) |= 1 << p;
                }
            }
        }
        let size = |s: u16| u64::from(s.count_ones());
        let union_of = |ks: &[usize]| ks.iter().fold(0u16, |a, &k| a | sets[k]);
        let olds: [(&str, Vec<usize>); 7] = [
            ("10101", vec![0]),
            ("10102", vec![1]),
            ("10201", vec![2]),
            ("10202", vec![3]),
            ("101", vec![0, 1]),
            ("102", vec![2, 3]),
            ("10", vec![0, 1, 2, 3]),
        ];
        let figures: Vec<Figure> = olds
            .iter()
            .zip(&hows)
            .filter_map(|((u, ks), &how)| persons_report(u, size(union_of(ks)), how))
            .collect();
        prop_assume!(!figures.is_empty());
        let options = if anywhere {
            RekeyOptions::default()
        } else {
            RekeyOptions::default().with_complete_targets()
        }
        .skipping_unmapped();
        let (t, _) = match old_in(&old4(), &figures).rekey_with(&cw, Level::Commune, &new4(), options) {
            Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. }) => return Ok(()),
            r => r.unwrap(),
        };
        let all_report = hows[..4].iter().all(|&h| h != 0);
        let of = |ls: &[&str]| {
            at.iter()
                .filter(|(l, _)| ls.iter().any(|p| l.starts_with(p)))
                .fold(0u16, |a, (_, s)| a | s)
        };
        for u in ["80", "80001", "80002", "80003", "81", "81001", "811"] {
            let got = persons_at(&t, Some(u));
            let want = size(of(&[u]));
            prop_assert!(
                holds(got, want) || (got.is_none() && !all_report),
                "{u}: {got:?} does not hold {want}; placed {at:?}; figures {figures:?}; cw {cw:?}"
            );
        }
        let all = size(union_of(&[0, 1, 2, 3]));
        prop_assert!(holds(persons_at(&t, None), all), "country {:?} vs {all}", persons_at(&t, None));
        for mid in [back(&t), t] {
            let t2 = mid.rekey(&second_r2_4(), Level::Commune, &third_r2()).unwrap();
            for (u, ls) in [
                ("90001", vec!["80001", "80002"]),
                ("90002", vec!["80003", "81001"]),
                ("90003", vec!["811"]),
                ("90", vec!["8"]),
            ] {
                let got = persons_at(&t2, Some(u));
                let want = size(of(&ls));
                prop_assert!(
                    holds(got, want) || (got.is_none() && !all_report),
                    "second {u}: {got:?} does not hold {want}; placed {at:?}; figures {figures:?}; cw {cw:?}"
                );
            }
            prop_assert!(holds(persons_at(&t2, None), all), "second country {:?} vs {all}", persons_at(&t2, None));
        }
    }
}

/// Province 10 merged whole into 80; 10101 → 80001, 10102 → 80002,
/// 10201 and 10202 → 80003.
fn whole_to_80() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("10"), code("80"))
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80002"))
        .merge(code("10201"), code("80003"))
        .merge(code("10202"), code("80003"))
        .build()
        .unwrap()
}

/// Input: old4; province 10 reports 5 documents, 10101, 10102 and 10202
/// 1 each and 10202 0 (every commune reporting: its own bodies hold 2);
/// [`whole_to_80`], then rekeyed again ([`second_r2_4`]: everything into
/// province 90). Result: the first rekey is exact (80 and the country 5,
/// each commune 1 or 0), and so is the second: 90 and the country 5.
#[test]
fn round2_a_province_figure_over_reporting_communes_stays_exact_twice() {
    let t = old_in(
        &old4(),
        &[
            documents("10", 5),
            documents("10101", 1),
            documents("10102", 1),
            documents("10201", 1),
            documents("10202", 0),
        ],
    )
    .rekey(&whole_to_80(), Level::Commune, &new4())
    .unwrap();
    for (u, v) in [("80", 5), ("80001", 1), ("80002", 1), ("80003", 1)] {
        assert_eq!(docs(&t, u), Some(Interval::exact(v)), "{u}");
    }
    assert_eq!(country(&t), Some(Interval::exact(5)));
    for m in [back(&t), t] {
        let t2 = m
            .rekey(&second_r2_4(), Level::Commune, &third_r2())
            .unwrap();
        assert_eq!(docs(&t2, "90"), Some(Interval::exact(5)));
        assert_eq!(country(&t2), Some(Interval::exact(5)));
        assert!(holds(docs(&t2, "90001"), 2) && holds(docs(&t2, "90002"), 1));
    }
}

/// FINDING. Input: old4; province 10 reports 5 documents, 10101, 10102
/// and 10201 1 each, 10202 nothing (held by the province's figure, so not
/// silent: the first rekey's column is complete); [`whole_to_80`]; then
/// rekeyed again through [`second_r2_4`] (every unit of the middle
/// hierarchy into province 90, no partial entry). Result: the first rekey
/// holds 80 and the country exactly 5 (80003 [1, 3]); the second gives 90
/// and the country [3, 7]. The data fixes 5 there: the middle country is
/// exactly 5 and the second table puts every middle unit into 90
/// ("every old value also goes whole into the national cell"); the
/// second rekey reads the middle province's 5 as an own figure [0, 2]
/// beside its communes' [3, 5]. Session 14: the country keeps the first
/// rekey's exact 5 now; 90 is [3, 5] (capped at the country), not 5.
#[test]
#[ignore = "finding: a complete column rekeyed again (province 5 over communes 1,1,1 and one under it, everything merged into 90) gives 90 [3, 5] (the country now exactly 5); the first rekey's exact 5 fixes 5 at 90"]
fn round2_a_complete_column_rekeyed_again_keeps_its_exact_country() {
    let t = old_in(
        &old4(),
        &[
            documents("10", 5),
            documents("10101", 1),
            documents("10102", 1),
            documents("10201", 1),
        ],
    )
    .rekey(&whole_to_80(), Level::Commune, &new4())
    .unwrap();
    assert_eq!(docs(&t, "80"), Some(Interval::exact(5)));
    assert_eq!(country(&t), Some(Interval::exact(5)));
    assert!(holds(docs(&t, "80003"), 1) && holds(docs(&t, "80003"), 3));
    let t2 = t
        .rekey(&second_r2_4(), Level::Commune, &third_r2())
        .unwrap();
    assert!(holds(docs(&t2, "90"), 5));
    assert_eq!(
        (docs(&t2, "90"), country(&t2)),
        (Some(Interval::exact(5)), Some(Interval::exact(5)))
    );
}

/// District 101 with an entry of its own, partial (its own bodies partly
/// to the special zone 811, the rest to a unit not named); 10101 and 10102
/// → 80001, 10201 → 80002.
fn district_partial_cw() -> Crosswalk {
    Crosswalk::builder()
        .partial(code("101"), &[(code("811"), Weight::Unknown)])
        .merge(code("10101"), code("80001"))
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap()
}

/// Input: one conference record of district 101's own bodies,
/// [`district_partial_cw`]. Default: its rest may lie anywhere, so 81 and
/// 80 each hold 1 (or 0) and the country is exactly 1. With complete
/// targets (every leaf named) only 81 may: 80 holds no record, 81 holds 1.
#[test]
fn round2_a_districts_record_with_a_partial_entry_of_its_own_holds_the_truth() {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&conference("101")).unwrap();
    let old = acc.finish().unwrap();
    let t = old
        .rekey_with(
            &district_partial_cw(),
            Level::Commune,
            &new_h(),
            RekeyOptions::default(),
        )
        .unwrap()
        .0;
    assert_eq!(conferences(&t, None), Some(Interval::exact(1)));
    for u in ["80", "81", "811"] {
        let c = conferences(&t, Some(u));
        assert!(holds(c, 1) && holds(c, 0), "{u}: {c:?}");
    }
    let t = old
        .rekey_with(
            &district_partial_cw(),
            Level::Commune,
            &new_h(),
            RekeyOptions::default().with_complete_targets(),
        )
        .unwrap()
        .0;
    assert_eq!(conferences(&t, None), Some(Interval::exact(1)));
    assert!(holds(conferences(&t, Some("81")), 1));
    assert_eq!(conferences(&t, Some("80")), None);
}

/// Finding (fixed in session 14) (loose, not unsound). Input: as above, default options.
/// Result: communes 80001 and 80002 hold [0, 1] conferences of district
/// 101's own bodies. The records of a unit above the mapped level stay no
/// lower than its level ("a province's records stay with a province even
/// when its area is one new commune", `carry_targets`): the data puts
/// district 101's body at 80 or 81, no commune: 80001 and 80002 hold
/// none. Without an entry of its own the reach is lifted; with a partial
/// one of its own, `carry_targets` adds `remainder_reach` unlifted.
#[test]
fn round2_a_districts_record_stays_above_the_communes() {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&conference("101")).unwrap();
    let t = acc
        .finish()
        .unwrap()
        .rekey(&district_partial_cw(), Level::Commune, &new_h())
        .unwrap();
    assert!(holds(conferences(&t, Some("80")), 1));
    assert_eq!(conferences(&t, Some("80001")), None);
    assert_eq!(conferences(&t, Some("80002")), None);
}

/// Finding (fixed in session 14). Input: old4; province 10 reports 5 documents, no commune
/// reports and none has an entry; the province merged whole into 80 (its
/// entry the only one), either reading. Result: the country exactly 5, but
/// 80 [0, 5] and 81, 81001, 811 [0, 5] each. The data supports 80 exactly
/// 5 (all of province 10 went to 80) and 81 nothing; each commune of 80
/// holds [0, 5]. The communes without an entry lie within 80, the unit
/// known to contain them (`places` opens the container for a silent one),
/// yet `figure_targets` reads their part as lying anywhere.
#[test]
fn round2_a_province_figure_over_communes_without_entries_reaches_its_whole() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .build()
        .unwrap();
    for o in [
        RekeyOptions::default(),
        RekeyOptions::default().with_complete_targets(),
    ] {
        let t = old_in(&old4(), &[documents("10", 5)])
            .rekey_with(&cw, Level::Commune, &new4(), o)
            .unwrap()
            .0;
        assert_eq!(docs(&t, "80"), Some(Interval::exact(5)));
        assert_eq!(country(&t), Some(Interval::exact(5)));
        for u in ["80001", "80002", "80003"] {
            let c = docs(&t, u);
            assert!(holds(c, 5) && holds(c, 0), "{u}: {c:?}");
        }
        let c81 = docs(&t, "81");
        assert!(
            c81.is_none() || c81 == Some(Interval::exact(0)),
            "81: {c81:?}"
        );
    }
}

/// Input: old4; province 10 reports 5 documents; no unit of old4 has an
/// entry but 10201 (→ 80002), which reports nothing. Nothing says where
/// the province's part beyond 10201 went, yet 10201's target is where some
/// of it may lie: placed, not refused; the country exactly 5, 80002 holds
/// 5 and 0.
#[test]
fn round2_a_province_figure_with_one_mapped_commune_is_placed() {
    let cw = Crosswalk::builder()
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap();
    let t = old_in(&old4(), &[documents("10", 5)])
        .rekey_with(
            &cw,
            Level::Commune,
            &new4(),
            RekeyOptions::default().skipping_unmapped(),
        )
        .unwrap()
        .0;
    assert_eq!(country(&t), Some(Interval::exact(5)));
    let c = docs(&t, "80002");
    assert!(holds(c, 5) && holds(c, 0), "{c:?}");
    // The rest may lie anywhere: 811 too.
    assert!(holds(docs(&t, "811"), 5), "{:?}", docs(&t, "811"));
}
/// Finding (fixed in session 14). Input: the closed whole (documents of old_h, every commune
/// reporting: complete) merged, either order, with totals rekeyed from
/// another old hierarchy ([`other_old`] through [`other_cw`]: 20101 → 811,
/// 20102 → 80002) that report gift money at both communes and no
/// documents at all; rekeyed again (80001 → 90001, 80002 → 90002, 811 →
/// 90003). Result: 90003 no cell, 90 and the country exactly 6 (the merge
/// itself already says the country is exactly 6). The data says nothing of
/// the documents of 20101 and 20102: they are silent, as they would be if
/// the other part had reported 1 document at 20102 alone (then the merge
/// is "at least 7" and stays open). The data supports 90003, 90002 and
/// the country at anything from their known part up: the country at least
/// 6, no upper bound. The other part's column is missing, so its old
/// units are never listed as silent, and the column reads complete. (A
/// part accumulated on the new units with a gift figure at 811 and no
/// documents does the same: exactly 6.)
#[test]
fn round2_a_part_without_the_column_leaves_its_old_units_silent() {
    let other = old_in(
        &other_old(),
        &[money("20101", "1 tỷ đồng"), money("20102", "0,5 tỷ đồng")],
    )
    .rekey(&other_cw(), Level::Commune, &new_h())
    .unwrap();
    for m in [
        closed_whole().merge(other.clone()).unwrap(),
        other.clone().merge(closed_whole()).unwrap(),
    ] {
        for m in [back(&m), m] {
            let t = m
                .rekey(&second_r2_h(), Level::Commune, &third_r2())
                .unwrap();
            let c = country(&t);
            assert!(holds(c, 6), "{c:?}");
            assert_eq!(c.and_then(|c| c.high()), None, "country {c:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// A conference record of each old district's own bodies (`carry_targets`),
    /// the drawn entries (partial ones too, communes without an entry), both
    /// readings: each district's body lies in the province of a leaf its
    /// communes went to (a named target, or where a partial remainder or a
    /// commune without an entry may lie); 80 and 81 hold the placed count
    /// and the country is exactly 2. FINDING (minimal case:
    /// `round2_a_districts_record_reaches_where_its_commune_without_an_entry_lies`).
    #[test]
    fn round2_district_records_follow_their_communes(
        cs in communes(),
        container in any::<bool>(),
        anywhere in any::<bool>(),
        picks in (0usize..16, 0usize..16),
    ) {
        let (cw, targets, partial, places) = crosswalk_of(&cs, container, anywhere);
        let mut acc = Accumulator::new(&old4(), Period::year(2024).unwrap(), &[gifts()]);
        acc.add(&conference("101")).unwrap();
        acc.add(&conference("102")).unwrap();
        let options = if anywhere {
            RekeyOptions::default()
        } else {
            RekeyOptions::default().with_complete_targets()
        }
        .skipping_unmapped();
        let t = match acc.finish().unwrap().rekey_with(&cw, Level::Commune, &new4(), options) {
            Ok((t, _)) => t,
            Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. } | ErrorKind::CrosswalkUnmapped { .. }) => return Ok(()),
            Err(e) => panic!("{e}"),
        };
        let mut placed = std::collections::BTreeMap::<&str, u64>::new();
        for (d, ks, pick) in [("101", [0usize, 1], picks.0), ("102", [2, 3], picks.1)] {
            let mut leaves: Vec<&str> = Vec::new();
            for k in ks {
                leaves.extend(targets[k].iter().copied());
                if partial[k] || targets[k].is_empty() {
                    leaves.extend(places.iter().copied());
                }
            }
            leaves.sort_unstable();
            leaves.dedup();
            prop_assume!(!leaves.is_empty(), "a district with nowhere to go: {}", d);
            let p = &leaves[pick % leaves.len()][..2];
            *placed.entry(p).or_insert(0) += 1;
        }
        for p in ["80", "81"] {
            let want = placed.get(p).copied().unwrap_or(0);
            let got = conferences(&t, Some(p));
            prop_assert!(holds(got, want), "{p}: {got:?} vs {want}; cw {cw:?}");
        }
        prop_assert_eq!(conferences(&t, None), Some(Interval::exact(2)));
    }
}
proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// A conference record of each old district's own bodies (`carry_targets`),
    /// the drawn entries (partial ones too, communes without an entry), both
    /// readings: each district's body lies in the province of a leaf its
    /// communes went to (a named target, or where a partial remainder or a
    /// commune without an entry may lie); 80 and 81 hold the placed count
    /// and the country is exactly 2. Here every commune has an entry: holds.
    #[test]
    fn round2_district_records_follow_their_mapped_communes(
        cs in communes(),
        container in any::<bool>(),
        anywhere in any::<bool>(),
        picks in (0usize..16, 0usize..16),
    ) {
        let cs: Vec<Commune> = cs
            .into_iter()
            .map(|c| if c.kind == 8 { Commune { kind: 0, ..c } } else { c })
            .collect();
        let (cw, targets, partial, places) = crosswalk_of(&cs, container, anywhere);
        let mut acc = Accumulator::new(&old4(), Period::year(2024).unwrap(), &[gifts()]);
        acc.add(&conference("101")).unwrap();
        acc.add(&conference("102")).unwrap();
        let options = if anywhere {
            RekeyOptions::default()
        } else {
            RekeyOptions::default().with_complete_targets()
        }
        .skipping_unmapped();
        let t = match acc.finish().unwrap().rekey_with(&cw, Level::Commune, &new4(), options) {
            Ok((t, _)) => t,
            Err(e) if matches!(e.kind(), ErrorKind::RekeyUncovered { .. } | ErrorKind::CrosswalkUnmapped { .. }) => return Ok(()),
            Err(e) => panic!("{e}"),
        };
        let mut placed = std::collections::BTreeMap::<&str, u64>::new();
        for (d, ks, pick) in [("101", [0usize, 1], picks.0), ("102", [2, 3], picks.1)] {
            let mut leaves: Vec<&str> = Vec::new();
            for k in ks {
                leaves.extend(targets[k].iter().copied());
                if partial[k] || targets[k].is_empty() {
                    leaves.extend(places.iter().copied());
                }
            }
            leaves.sort_unstable();
            leaves.dedup();
            prop_assume!(!leaves.is_empty(), "a district with nowhere to go: {}", d);
            let p = &leaves[pick % leaves.len()][..2];
            *placed.entry(p).or_insert(0) += 1;
        }
        for p in ["80", "81"] {
            let want = placed.get(p).copied().unwrap_or(0);
            let got = conferences(&t, Some(p));
            prop_assert!(holds(got, want), "{p}: {got:?} vs {want}; cw {cw:?}");
        }
        prop_assert_eq!(conferences(&t, None), Some(Interval::exact(2)));
    }
}

/// Finding (fixed in session 14). Input: old4; one conference record of district 101's own
/// bodies; 10101 has no entry, 10102, 10201 and 10202 → 80001; default
/// options. Result: 80 exactly 1, 81 no records. Where 10101's area went
/// nothing says (it "may lie in any new unit it reaches", `Totals::rekey`),
/// and the district's body may be on it: the data supports 81 in [0, 1]
/// and 80 in [0, 1]. `carry_targets` reads only a `partial` entry as an
/// unnamed remainder, not a commune without an entry (as `figure_targets`
/// does for a figure).
#[test]
fn round2_a_districts_record_reaches_where_its_commune_without_an_entry_lies() {
    let cw = Crosswalk::builder()
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80001"))
        .merge(code("10202"), code("80001"))
        .build()
        .unwrap();
    let mut acc = Accumulator::new(&old4(), Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&conference("101")).unwrap();
    let t = acc
        .finish()
        .unwrap()
        .rekey(&cw, Level::Commune, &new4())
        .unwrap();
    assert_eq!(conferences(&t, None), Some(Interval::exact(1)));
    let c81 = conferences(&t, Some("81"));
    assert!(holds(c81, 1), "81: {c81:?}");
    assert!(holds(conferences(&t, Some("80")), 0));
}

/// Input: the closed whole's rows edited to say `rekeyed_only: false`
/// (as if totals not rekeyed had been merged in). Rekeyed again: no longer
/// read as complete, the country is at least 6 with no upper bound —
/// looser, never tighter, than the rows before the edit.
#[test]
fn round2_rows_edited_to_mixed_read_as_not_complete() {
    let mut wire: serde_json::Value = serde_json::to_value(closed_whole().rows()).unwrap();
    let mut edited = 0;
    for row in wire.as_array_mut().unwrap() {
        if let Some(p) = row.get_mut("provenance").and_then(|p| p.as_object_mut()) {
            if p.contains_key("rekeyed_only") {
                p.insert("rekeyed_only".into(), serde_json::Value::Bool(false));
                edited += 1;
            }
        }
    }
    assert!(edited > 0);
    let rows: Vec<TotalsRow> = serde_json::from_value(wire).unwrap();
    let m = Totals::from_rows(&new_h(), Period::year(2024).unwrap(), &[gifts()], rows).unwrap();
    let t = m
        .rekey(&second_r2_h(), Level::Commune, &third_r2())
        .unwrap();
    let c = country(&t);
    assert!(holds(c, 6), "{c:?}");
    assert_eq!(c.and_then(|c| c.high()), None, "{c:?}");
}

/// Finding (fixed in session 14: the country keeps the first rekey's) (loose, not unsound). Input: district 101 reports 4 documents
/// (its communes silent under it), 10201 silent; [`district_partial_cw`];
/// the first rekey's country is "at least 4". Rekeyed again (80001 →
/// 90001, 80002 → 90002, 811 → 90003: every middle unit placed). Result:
/// the country "at least 0". The data supports at least 4: the middle
/// country is at least 4 and every middle unit goes into the third
/// hierarchy.
#[test]
fn round2_a_second_rekey_keeps_the_countrys_lower_bound() {
    let first = old_in(&old_h(), &[documents("101", 4)])
        .rekey(&district_partial_cw(), Level::Commune, &new_h())
        .unwrap();
    assert_eq!(country(&first), Some(Interval::at_least(4)));
    let t = first
        .rekey(&second_r2_h(), Level::Commune, &third_r2())
        .unwrap();
    let c = country(&t);
    assert!(holds(c, 4), "{c:?}");
    assert!(c.is_some_and(|c| c.low() >= 4), "country {c:?}");
}
/// Finding (fixed in session 14) (the distinct side of
/// `round2_a_province_figure_over_communes_without_entries_reaches_its_whole`).
/// Input: old4; province 10 reports 3 persons, no commune reports or has
/// an entry; 10 merged whole into 80. Result: 80 [0, 3], 81 and 811 [0, 3],
/// the country exactly 3. The data supports 80 exactly 3 (the whole union
/// went to 80) and 81 none.
#[test]
fn round2_a_province_persons_figure_over_communes_without_entries_stays_in_its_whole() {
    let cw = Crosswalk::builder()
        .merge(code("10"), code("80"))
        .build()
        .unwrap();
    let t = old_in(&old4(), &[persons_fig("10", 3)])
        .rekey(&cw, Level::Commune, &new4())
        .unwrap();
    assert_eq!(persons_at(&t, None), Some(Interval::exact(3)));
    assert_eq!(persons_at(&t, Some("80")), Some(Interval::exact(3)));
    let c81 = persons_at(&t, Some("81"));
    assert!(
        c81.is_none() || c81 == Some(Interval::exact(0)),
        "81: {c81:?}"
    );
}

// ---- round 3
//
// Review of 291cdce..68fbcb0: `narrow_to` and `within_parents` in a
// second rekey (every cell capped at its parent's bound once the country
// is narrowed to the old totals' own), `container_of` (a unit's own whole
// merge contains its figure's remainder), and `Absent::complete` needing
// every rekeyed origin and no non-rekeyed part with a figure. Units and
// figures synthetic; each "truth" is one placement the data allows.

/// Totals of the new units (not rekeyed, synthetic): `figures` on new_h.
fn on_new(figures: &[Figure]) -> Totals {
    old_in(&new_h(), figures)
}

/// Input: the closed whole (country exactly 6) merged, either order, with
/// totals of the new units in which 811 reported 4 documents and 80001 and
/// 80002 are silent; rekeyed again (second_r2_h), in memory and through
/// rows. One truth: 80001 issued 100 more (silent in the new totals), so
/// 90001 holds 104, 90003 4, the country 110. Narrowing the country to the
/// merged one and capping every cell at its parent must keep each of them,
/// and the rows the rekey writes must read back.
///
/// FINDING. Reading tested: the one `Totals::merge` itself states (a unit
/// of a non-rekeyed part without a cell may be one that did not report).
/// Got: 90001 exactly 4, 90 and the country exactly 10. The merged totals
/// already say 80001 exactly 4 and the country exactly 10 (`merge` adds a
/// cell to no cell as if the silent unit held nothing); the new
/// `narrow_to` carries that exact country into the second rekey and
/// `within_parents` caps every cell under it. Supported: 90001 at least 4
/// and the country at least 10, no upper bound. Present at 291cdce too
/// (checked): not a regression of the narrowing, whose cells agree with
/// the merged totals; the root is `merge`.
/// Lead's note (session 14): `Totals::merge` reads a unit without a cell
/// in a part as holding nothing in that part (parts are disjoint shares of
/// the records, as on several machines); that contract, not the second
/// rekey's narrowing, gives the exact 10. Whether a part of the new units
/// should say which of its units did not report is left open.
#[test]
#[ignore = "finding: closed whole merged with new-unit totals (811 4, 80001/80002 silent), rekeyed again: 90001 exactly 4, country exactly 10; the silent 80001 supports 90001 >= 4 and country >= 10 unbounded"]
fn round3_a_merge_with_new_units_then_a_second_rekey_caps_nothing_below_the_truth() {
    let u = on_new(&[documents("811", 4)]);
    for m in [
        closed_whole().merge(u.clone()).unwrap(),
        u.clone().merge(closed_whole()).unwrap(),
    ] {
        for m in [back(&m), m] {
            let t = m
                .rekey(&second_r2_h(), Level::Commune, &third_r2())
                .unwrap();
            for (u, v) in [("90001", 104), ("90003", 4), ("90", 110)] {
                assert!(holds(docs(&t, u), v), "{u}: {:?}", docs(&t, u));
            }
            assert!(holds(country(&t), 110), "{:?}", country(&t));
            assert!(back(&t) == t);
        }
    }
}

/// Input: three parts merged in every order: the closed whole (6), the
/// rekey of another origin (20101 4 → 811, 20102 5 → 80002), and totals
/// of the new units holding only a money figure at 811 (no documents
/// anywhere). Rekeyed again. The new units' part is silent on documents:
/// one truth has 80002 issuing 100 more there, so 90002 holds 107 and the
/// country 115 — no order may close the column.
///
/// FINDING (same root as the test above). Got (order 0, in memory): the
/// merged 80002 exactly 7, the country exactly 15, and the second rekey
/// 90002 exactly 7. Supported: 90002 at least 7, the country at least 15.
/// Present at 291cdce too (checked).
/// Lead's note (session 14): `Totals::merge` reads a unit without a cell
/// in a part as holding nothing in that part (parts are disjoint shares of
/// the records, as on several machines); that contract, not the second
/// rekey's narrowing, gives the exact 10. Whether a part of the new units
/// should say which of its units did not report is left open.
#[test]
#[ignore = "finding: closed whole + another origin's rekey + money-only new-unit totals, rekeyed again: 90002 exactly 7, country exactly 15; the new part is silent on documents, so >= 7 and >= 15 unbounded"]
fn round3_a_three_way_merge_with_a_money_only_part_keeps_documents_open() {
    let other = old_in(
        &other_old(),
        &[documents("20101", 4), documents("20102", 5)],
    )
    .rekey(&other_cw(), Level::Commune, &new_h())
    .unwrap();
    let u = on_new(&[money("811", "3 triệu đồng")]);
    let a = closed_whole();
    let orders = [
        a.clone()
            .merge(u.clone())
            .unwrap()
            .merge(other.clone())
            .unwrap(),
        a.clone()
            .merge(other.clone())
            .unwrap()
            .merge(u.clone())
            .unwrap(),
        u.clone()
            .merge(a.clone().merge(other.clone()).unwrap())
            .unwrap(),
        other
            .clone()
            .merge(u.clone())
            .unwrap()
            .merge(a.clone())
            .unwrap(),
        u.clone()
            .merge(other.clone())
            .unwrap()
            .merge(a.clone())
            .unwrap(),
    ];
    for (i, m) in orders.into_iter().enumerate() {
        for m in [back(&m), m] {
            let t = m
                .rekey(&second_r2_h(), Level::Commune, &third_r2())
                .unwrap();
            assert!(
                holds(docs(&t, "90002"), 107),
                "order {i}: {:?}",
                docs(&t, "90002")
            );
            assert!(
                holds(docs(&t, "90003"), 4),
                "order {i}: {:?}",
                docs(&t, "90003")
            );
            assert!(holds(country(&t), 115), "order {i}: {:?}", country(&t));
        }
    }
}

/// Input: the closed whole, then `apply` of a money figure at 80002 (a
/// report of another indicator), rekeyed again. Nothing adds documents:
/// the country holds 6, 90001 4, 90002 2 (through rows too).
#[test]
fn round3_a_money_figure_applied_to_a_closed_whole_keeps_documents_sound() {
    let mut whole = closed_whole();
    whole.apply(&money("80002", "2 triệu đồng")).unwrap();
    for m in [back(&whole), whole] {
        let t = m
            .rekey(&second_r2_h(), Level::Commune, &third_r2())
            .unwrap();
        assert!(holds(country(&t), 6), "{:?}", country(&t));
        assert!(holds(docs(&t, "90001"), 4), "{:?}", docs(&t, "90001"));
        assert!(holds(docs(&t, "90002"), 2), "{:?}", docs(&t, "90002"));
    }
}

/// 101 whole → 811 (its own body, the island reading of carry_targets);
/// 10101 partly → 80001, its rest to a unit not named; 10102 → 80001;
/// 10201 → 80002.
fn own_whole_cw() -> Crosswalk {
    Crosswalk::builder()
        .merge(code("101"), code("811"))
        .partial(code("10101"), &[(code("80001"), Weight::Unknown)])
        .merge(code("10102"), code("80001"))
        .merge(code("10201"), code("80002"))
        .build()
        .unwrap()
}

/// Reading tested: the communes' entries describe district 101's area
/// (10101's rest, in the strict default, may lie in any new unit, 80002
/// too); 101's own whole merge says where its own body went (811), as
/// the crate reads it for an island district. Input: a documents figure
/// of 101 itself, 3, its communes silent, and 10201 1. One truth: all 3
/// were issued in 10101's rest, which went to 80002: 80002 holds 4, the
/// country 4. `container_of` bounds the figure's remainder within 811.
///
/// FINDING. Got: 80002 exactly 1 (80001 [0, 3], 811 [0, 3], 80 [1, 4],
/// the country exactly 4). Supported under the communes' reading: 80002
/// in [1, 4]. The table is contradictory (101 whole to 811, its communes
/// to 80001), and `container_of` resolves it by taking the district's own
/// entry as its whole area, which excludes a truth the communes' entries
/// allow. New in c51162d: at 291cdce this test passed (checked).
#[test]
fn round3_a_districts_figure_remainder_is_not_bounded_by_its_own_whole_merge() {
    let t = old_in(&old_h(), &[documents("101", 3), documents("10201", 1)])
        .rekey(&own_whole_cw(), Level::Commune, &new_h())
        .unwrap();
    assert_eq!(country(&t), Some(Interval::exact(4)));
    for (u, v) in [("80001", 3), ("811", 3), ("80", 1), ("80", 4)] {
        assert!(holds(docs(&t, u), v), "{u}: {:?}", docs(&t, u));
    }
    assert!(
        holds(docs(&t, "80002"), 4),
        "80002: {:?}",
        docs(&t, "80002")
    );
}

/// Input: the same table; district 101's own conference record and one of
/// 10201, rekeyed, then rekeyed again (80001 → 90001, 80002 → 90002, 811
/// → 90003). The own whole merge sends the body to 811: 90003 holds 1,
/// 90002 1, the country exactly 2 in both rekeys and through rows.
#[test]
fn round3_a_districts_own_record_follows_its_own_whole_merge_through_two_rekeys() {
    let mut acc = Accumulator::new(&old_h(), Period::year(2024).unwrap(), &[gifts()]);
    acc.add(&conference("101")).unwrap();
    acc.add(&conference("10201")).unwrap();
    let first = acc
        .finish()
        .unwrap()
        .rekey(&own_whole_cw(), Level::Commune, &new_h())
        .unwrap();
    assert_eq!(conferences(&first, None), Some(Interval::exact(2)));
    assert!(holds(conferences(&first, Some("811")), 1));
    for m in [back(&first), first] {
        let t = m
            .rekey(&second_r2_h(), Level::Commune, &third_r2())
            .unwrap();
        assert_eq!(conferences(&t, None), Some(Interval::exact(2)));
        assert!(holds(conferences(&t, Some("90")), 2));
        for u in ["90003", "90002"] {
            assert!(
                holds(conferences(&t, Some(u)), 1),
                "{u}: {:?}",
                conferences(&t, Some(u))
            );
        }
        assert!(back(&t) == t);
    }
}

/// Input: the closed whole (80001 4, 80002 2, 811 none; country 6)
/// rekeyed again onto new_h itself, two roots, 80001 and 80002 swapped
/// (811 → 811). The country is narrowed to the old 6 and each cell capped
/// under its parent: 80001 exactly 2, 80002 exactly 4, 80 exactly 6, the
/// country exactly 6, 81 and 811 nothing; the rows read back.
#[test]
fn round3_a_second_rekey_onto_two_roots_keeps_each_root_under_the_country() {
    let cw = Crosswalk::builder()
        .merge(code("80001"), code("80002"))
        .merge(code("80002"), code("80001"))
        .merge(code("811"), code("811"))
        .build()
        .unwrap();
    for m in [back(&closed_whole()), closed_whole()] {
        let t = m.rekey(&cw, Level::Commune, &new_h()).unwrap();
        for (u, v) in [("80001", 2), ("80002", 4), ("80", 6), ("81", 0), ("811", 0)] {
            assert!(holds(docs(&t, u), v), "{u}: {:?}", docs(&t, u));
            assert!(
                docs(&t, u).map_or(true, |i| i.high().is_some_and(|h| h <= 6)),
                "{u}"
            );
        }
        assert!(holds(country(&t), 6), "{:?}", country(&t));
        assert!(back(&t) == t);
    }
}
