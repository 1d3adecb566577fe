use super::*;
use crate::render::vi;
use crate::{
    Conference, ConferenceKind, Count, Dataset, Figure, Headcount, Qualifier, Reported, Tone, Unit,
};
use chrono::NaiveDate;

fn code(s: &str) -> UnitCode {
    s.parse().unwrap()
}

/// Synthetic: province 30 with districts 288 and 289.
fn tree() -> Hierarchy {
    Hierarchy::new(vec![
        Unit::new(code("30"), "P (synthetic)"),
        Unit::new(code("288"), "A (synthetic)").with_parent(Some(code("30"))),
        Unit::new(code("289"), "B (synthetic)").with_parent(Some(code("30"))),
    ])
    .unwrap()
}

fn conference(unit: &str, participants: Reported, headcount: Headcount) -> Conference {
    Conference {
        id: None,
        unit: code(unit),
        date: NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(),
        actor: Actor::PartyCommittees,
        kind: ConferenceKind::Both,
        participants,
        headcount,
    }
}

fn figure(ind: &str, unit: &str, value: Reported, period: Option<Period>) -> Figure {
    Figure {
        indicator: ind.parse().unwrap(),
        unit: code(unit),
        period,
        actors: vec![Actor::MobilizationSector],
        value: Some(value),
        amount: None,
        parts: Vec::new(),
    }
}

fn year() -> Period {
    Period::year(2022).unwrap()
}

/// The participants of province 30 after conferences at district 288 with these numbers.
fn participants_of(parts: &[Reported]) -> Option<Interval<u64>> {
    let h = tree();
    let mut acc = Accumulator::new(&h, year(), &[]);
    for &p in parts {
        acc.add(&conference("288", p, Headcount::Occurrences))
            .unwrap();
    }
    acc.finish().unwrap().get(
        &code("30"),
        Builtin::ConferenceParticipants,
        Actor::PartyCommittees,
    )
}

fn r(q: Qualifier, n: u64) -> Reported {
    Reported::new(q, Count::new(n))
}

/// Every cell is the interval sum of its members, in any order, as the
/// interval arithmetic gives it (bounds). The estimate, when some member is
/// one, is the sum of the estimates' points and the others' lower bounds, in
/// any order (the interval type's own sum weighs an "at most" term by its
/// upper bound or not depending on the order).
#[test]
fn cells_add_as_intervals() {
    let all = |n| Qualifier::ALL.map(|q| r(q, n));
    for a in all(3) {
        for b in all(5) {
            for c in all(7) {
                let members = [a, b, c].map(crate::record::contribution::interval_of);
                let want = Interval::checked_sum(members).unwrap();
                for order in [[a, b, c], [c, b, a], [b, a, c]] {
                    let got = participants_of(&order).unwrap();
                    assert_eq!(
                        (got.low(), got.high()),
                        (want.low(), want.high()),
                        "{order:?}"
                    );
                    assert_eq!(got.is_exact(), want.is_exact());
                    let points: u64 = members
                        .iter()
                        .map(|m| m.estimate().unwrap_or(m.low()))
                        .sum();
                    let estimate = members.iter().any(|m| m.estimate().is_some());
                    assert_eq!(got.estimate(), estimate.then_some(points), "{order:?}");
                }
            }
        }
    }
}

/// The issue's examples, through the store.
#[test]
fn the_issue_examples_through_the_store() {
    use Qualifier::{About, AtLeast, AtMost, Exact};
    // At least a + at most b is [a, ∞): at least a, never "about a + b".
    let s = participants_of(&[r(AtLeast, 735_093), r(AtMost, 375_068)]).unwrap();
    assert_eq!((s.low(), s.high(), s.estimate()), (735_093, None, None));
    // khoảng 500 + hơn 1.000 is at least 1.000.
    let s = participants_of(&[r(About, 500), r(AtLeast, 1000)]).unwrap();
    assert_eq!((s.low(), s.high()), (1000, None));
    // exact 1.000 + khoảng 5 is at least 1.000, estimate 1.005.
    let s = participants_of(&[r(Exact, 1000), r(About, 5)]).unwrap();
    assert_eq!((s.low(), s.high(), s.estimate()), (1000, None, Some(1005)));
    // exact 120 + at most 300 is [120, 420].
    let s = participants_of(&[r(Exact, 120), r(AtMost, 300)]).unwrap();
    assert_eq!(
        (s.low(), s.high(), s.tone()),
        (120, Some(420), Tone::Bounded)
    );
    // An exact sum stays exact and of tone exact.
    let s = participants_of(&[r(Exact, 120), r(AtMost, 0)]).unwrap();
    assert_eq!((s.exact_value(), s.tone()), (Some(120), Tone::Exact));
}

/// exact 120 + "gần 300" is [120, 420] of tone near; near + near stays near;
/// near + a plain bound is bounded.
#[test]
fn near_members_keep_their_tone() {
    let mut c = Column::new(0, Actor::Other, 1, false, false);
    c.add_member(0, Member::exact(120), None).unwrap();
    c.add_member(0, Member::of(Interval::near(300)), None)
        .unwrap();
    let i = c.interval(0).unwrap();
    assert_eq!((i.low(), i.high(), i.tone()), (120, Some(420), Tone::Near));
    assert_eq!(
        i,
        Interval::exact(120)
            .checked_add(Interval::near(300))
            .unwrap()
    );
    c.add_member(0, Member::of(Interval::at_most(10)), None)
        .unwrap();
    assert_eq!(c.interval(0).unwrap().tone(), Tone::Bounded);
}

#[test]
fn an_overflowing_high_is_unbounded_and_an_overflowing_low_an_error() {
    let big = u64::MAX - 10;
    let s = participants_of(&[r(Qualifier::AtMost, big), r(Qualifier::AtMost, big)]).unwrap();
    assert_eq!((s.low(), s.high()), (0, None));
    let s = participants_of(&[r(Qualifier::Exact, 20), r(Qualifier::AtMost, big)]).unwrap();
    assert_eq!((s.low(), s.high()), (20, None));
    let h = tree();
    let mut acc = Accumulator::new(&h, year(), &[]);
    acc.add(&conference(
        "288",
        r(Qualifier::AtLeast, big),
        Headcount::Occurrences,
    ))
    .unwrap();
    let err = acc
        .add(&conference(
            "288",
            r(Qualifier::AtLeast, big),
            Headcount::Occurrences,
        ))
        .unwrap_err();
    assert_eq!(err.code(), "DV100");
}

/// level_total and all_actors add intervals: an upper bound term never
/// turns an overflow into "at least u64::MAX".
#[test]
fn level_total_and_all_actors_never_claim_past_the_data() {
    let h = tree();
    let mut acc = Accumulator::new(&h, year(), &[]);
    let big = u64::MAX - 10;
    acc.add(&conference(
        "288",
        r(Qualifier::AtMost, big),
        Headcount::Occurrences,
    ))
    .unwrap();
    acc.add(&conference(
        "289",
        r(Qualifier::AtMost, big),
        Headcount::Occurrences,
    ))
    .unwrap();
    let mut c = conference("289", r(Qualifier::Exact, 7), Headcount::Occurrences);
    c.actor = Actor::Government;
    acc.add(&c).unwrap();
    let t = acc.finish().unwrap();
    let id: IndicatorId = "conference_participants".parse().unwrap();
    let s = t
        .level_total(Level::District, &id, Actor::PartyCommittees)
        .unwrap()
        .unwrap();
    assert_eq!((s.low(), s.high()), (0, None));
    let s = t
        .all_actors(&code("289"), Builtin::ConferenceParticipants)
        .unwrap()
        .unwrap();
    assert_eq!((s.low(), s.high()), (7, Some(big + 7)));
    // A lower bound past the largest count is an error, not a claim.
    let mut acc = Accumulator::new(&h, year(), &[]);
    for u in ["288", "289"] {
        acc.add_figure(&figure("documents", u, r(Qualifier::AtLeast, big), None))
            .unwrap();
    }
    let t = acc.finish();
    assert!(t.is_err(), "the province's sum of lower bounds overflows");
}

#[test]
fn overflow_in_fold_names_unit_and_indicator() {
    let h = tree();
    let mut acc = Accumulator::new(&h, year(), &[]);
    let big = Reported::exact(Count::new(u64::MAX - 1));
    acc.add(&conference("30", big, Headcount::Occurrences))
        .unwrap();
    let err = acc
        .add(&conference(
            "30",
            Reported::exact(Count::new(5)),
            Headcount::Occurrences,
        ))
        .unwrap_err();
    assert_eq!(err.code(), "DV100");
    assert_eq!(
        err.to_string(),
        "total of conference_participants for unit \"30\" overflows"
    );
    // All or nothing: the failed record added no conference.
    let t = acc.finish().unwrap();
    let n = t.get(&code("30"), Builtin::Conferences, Actor::PartyCommittees);
    assert_eq!(n, Some(Interval::exact(1)));
}

#[test]
fn overflow_in_roll_up_names_the_parent() {
    let h = tree();
    let mut acc = Accumulator::new(&h, year(), &[]);
    let big = Reported::exact(Count::new(u64::MAX / 2 + 1));
    acc.add(&conference("288", big, Headcount::Occurrences))
        .unwrap();
    acc.add(&conference("289", big, Headcount::Occurrences))
        .unwrap();
    let err = acc.finish().unwrap_err();
    assert_eq!(
        err.to_string(),
        "total of conference_participants for unit \"30\" overflows"
    );
    assert!(vi::message(err.kind()).contains("conference_participants"));
}

#[test]
fn distinct_persons_give_bounds() {
    let h = tree();
    let mut acc = Accumulator::new(&h, year(), &[]);
    for (unit, n) in [("288", 30), ("289", 50)] {
        let c = conference(
            unit,
            Reported::exact(Count::new(n)),
            Headcount::DistinctPersons,
        );
        acc.add(&c).unwrap();
    }
    let t = acc.finish().unwrap();
    let id: IndicatorId = "conference_persons".parse().unwrap();
    assert_eq!(
        t.distinct_bounds(&code("30"), &id, Actor::PartyCommittees),
        Some((50, Some(80)))
    );
    assert_eq!(
        t.get(&code("30"), &id, Actor::PartyCommittees),
        Some(Interval::between(50, Some(80)).unwrap())
    );
    assert_eq!(
        t.get(&code("288"), &id, Actor::PartyCommittees),
        Some(Interval::exact(30))
    );
}

#[test]
fn reported_layer_prefers_own_figure_and_keeps_latest_stock() {
    let h = tree();
    let mut acc = Accumulator::new(&h, year(), &[]);
    let ex = |n| Reported::exact(Count::new(n));
    acc.add_figure(&figure("guidance_documents", "288", ex(4), None))
        .unwrap();
    acc.add_figure(&figure("guidance_documents", "289", ex(6), None))
        .unwrap();
    // Flows of sub-periods of one unit add up.
    let h1 = Period::half(2022, crate::Half::H1).unwrap();
    let h2 = Period::half(2022, crate::Half::H2).unwrap();
    acc.add_figure(&figure("documents", "288", ex(1), Some(h1)))
        .unwrap();
    acc.add_figure(&figure("documents", "288", ex(2), Some(h2)))
        .unwrap();
    // Stocks keep the latest.
    acc.add_figure(&figure("grassroots_blocks", "289", ex(9), Some(h2)))
        .unwrap();
    acc.add_figure(&figure("grassroots_blocks", "289", ex(7), Some(h1)))
        .unwrap();
    // The province's own figure wins over its districts' sum.
    let at_least = Reported::new(Qualifier::AtLeast, Count::new(12));
    acc.add_figure(&figure("guidance_documents", "30", at_least, None))
        .unwrap();
    let t = acc.finish().unwrap();
    let a = Actor::MobilizationSector;
    let r = |u: &str, b: Builtin| t.reported(&code(u), b, a);
    assert_eq!(
        r("30", Builtin::GuidanceDocuments),
        Some(Interval::at_least(12))
    );
    assert_eq!(r("288", Builtin::Documents), Some(Interval::exact(3)));
    // District 289 reported no documents, 288 no blocks: the province's sums
    // are lower bounds, never a silent zero for the district that is missing.
    let least = |n| Some(Interval::at_least(n));
    assert_eq!(r("30", Builtin::Documents), least(3));
    assert_eq!(r("30", Builtin::GrassrootsBlocks), least(9));
    assert_eq!(
        t.value_builtin(&code("30"), Builtin::GuidanceDocuments, a),
        least(12)
    );
    let rec = t.reconcile();
    assert_eq!(rec.len(), 1);
    assert_eq!(rec[0].against, Against::Children);
    assert_eq!(rec[0].computed, Interval::exact(10));
    assert_eq!(
        rec[0].agreement,
        Agreement::Disagree {
            low: Some(2),
            high: None
        }
    );
}

#[test]
fn merge_of_different_totals_is_an_error() {
    let h = tree();
    let a = Totals::empty(&h, year(), &[]);
    let b = Totals::empty(&h, Period::year(2023).unwrap(), &[]);
    let err = a.clone().merge(b).unwrap_err();
    assert_eq!(err.code(), "DV101");
    assert_eq!(
        err.to_string(),
        "cannot merge totals over different periods: expected the same hierarchy, period and indicators"
    );
    let other = Hierarchy::new(vec![Unit::new(code("31"), "Q (synthetic)")]).unwrap();
    let err = a.merge(Totals::empty(&other, year(), &[])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot merge totals over different hierarchies: expected the same hierarchy, period and indicators"
    );
}

#[test]
fn rows_in_any_order_rebuild_the_totals() {
    let h = tree();
    let mut acc = Accumulator::new(&h, year(), &[]);
    acc.add(&conference(
        "288",
        Reported::exact(Count::new(3)),
        Headcount::Occurrences,
    ))
    .unwrap();
    let t = acc.finish().unwrap();
    let mut rows = t.rows();
    assert!(rows.len() > 2);
    rows.reverse();
    let back = Totals::from_rows(&h, year(), &[], rows.clone()).unwrap();
    assert_eq!(back, t);
    // The store itself is rebuilt, not only its meaning.
    assert_eq!(back.records, t.records);
    // A row without its value is refused.
    rows[0].low = None;
    let err = Totals::from_rows(&h, year(), &[], rows).unwrap_err();
    assert_eq!(err.code(), "DV102");
    assert!(err.to_string().contains("row 0 (records "), "{err}");
    assert!(
        err.to_string()
            .ends_with("expected low and high bounds (and no amount): its indicator is a count"),
        "{err}"
    );
    let e: Error = ErrorKind::InvalidTotals { reason: "x".into() }.into();
    assert_eq!(e.code(), "DV102");
}

/// Totals are equal when they mean the same: "at least 10" plus "at most 5"
/// and "at least 10" plus "at least 0" are both [10, ∞).
#[test]
fn totals_equal_by_meaning() {
    let h = tree();
    let totals = |parts: [Reported; 2]| {
        let mut acc = Accumulator::new(&h, year(), &[]);
        for p in parts {
            acc.add(&conference("288", p, Headcount::Occurrences))
                .unwrap();
        }
        acc.finish().unwrap()
    };
    let mixed = totals([r(Qualifier::AtLeast, 10), r(Qualifier::AtMost, 5)]);
    let open = totals([r(Qualifier::AtLeast, 10), r(Qualifier::AtLeast, 0)]);
    let participants = |t: &Totals| {
        t.get(
            &code("30"),
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees,
        )
    };
    assert_eq!(participants(&mixed), Some(Interval::at_least(10)));
    assert_eq!(mixed, open);
    assert_eq!(mixed.rows(), open.rows());
    // A different meaning is a different total.
    let about = totals([r(Qualifier::About, 10), r(Qualifier::Exact, 5)]);
    assert_ne!(about, open);
}

struct Failing;

impl std::io::Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("broken pipe"))
    }
}

#[test]
fn stream_read_failure_and_long_line() {
    let h = tree();
    let err = stream_json_lines(Failing, &h, year(), &[]).unwrap_err();
    assert_eq!(err.code(), "DV103");
    assert_eq!(err.to_string(), "cannot read the input: broken pipe");
    let mut input = vec![b' '; MAX_LINE_BYTES + 10];
    input.push(b'\n');
    input.extend_from_slice(br#"{"block": {"unit": "288"}}"#);
    let (_, stats) = stream_json_lines(&input[..], &h, year(), &[]).unwrap();
    assert_eq!(
        (stats.lines, stats.counted, stats.rejected_total),
        (2, 0, 2)
    );
    assert_eq!(stats.rejected[0].0, 1);
    assert_eq!(
        stats.rejected[0].1.to_string(),
        "line is longer than 1048576 bytes: expected one record per line"
    );
    // The second line is a block at a district: the level rule of `check`.
    assert_eq!(stats.rejected[1].1.code(), "DV065");
}

/// An overflow at a unit of a code listed in several eras names the era
/// (English and Vietnamese); without one, the message is the old one.
#[test]
fn overflow_message_names_the_era_when_given() {
    let kind = |era: Option<&str>| ErrorKind::TotalOverflow {
        unit: "79".into(),
        indicator: "documents".into(),
        era: era.map(Into::into),
    };
    assert_eq!(
        kind(Some("current")).to_string(),
        "total of documents for unit \"79\" (era current) overflows"
    );
    assert_eq!(
        kind(None).to_string(),
        "total of documents for unit \"79\" overflows"
    );
    assert_eq!(
        vi::message(&kind(Some("current"))),
        "tổng của chỉ tiêu \"documents\" tại đơn vị \"79\" (thời kỳ hiện hành) vượt quá giá trị lớn nhất có thể lưu"
    );
}

#[test]
fn vietnamese_messages() {
    let cases = [
        (
            ErrorKind::TotalOverflow {
                unit: "30".into(),
                indicator: "conference_participants".into(),
                era: None,
            },
            "tổng của chỉ tiêu \"conference_participants\" tại đơn vị \"30\" vượt quá giá trị lớn nhất có thể lưu",
        ),
        (
            ErrorKind::TotalOverflow {
                unit: "79".into(),
                indicator: "documents".into(),
                era: Some("2020-01-01".into()),
            },
            "tổng của chỉ tiêu \"documents\" tại đơn vị \"79\" (thời kỳ 2020-01-01) vượt quá giá trị lớn nhất có thể lưu",
        ),
        (
            ErrorKind::TotalsMismatch { what: "periods" },
            "không thể gộp hai bảng tổng hợp khác kỳ báo cáo: cần cùng danh mục đơn vị, kỳ báo cáo và chỉ tiêu",
        ),
        (
            ErrorKind::InvalidTotals { reason: "x".into() },
            "dữ liệu tổng hợp không hợp lệ (x)",
        ),
        (
            ErrorKind::ReadFailed {
                message: "broken pipe".into(),
            },
            "không đọc được dữ liệu đầu vào (broken pipe)",
        ),
        (
            ErrorKind::LineTooLong { limit: 1_048_576 },
            "dòng dài quá 1.048.576 byte: mỗi dòng chỉ ghi một bản ghi",
        ),
    ];
    for (kind, text) in cases {
        assert_eq!(vi::message(&kind), text);
    }
}

#[test]
fn compute_on_empty_dataset() {
    let checked = crate::check(Dataset::new(year())).unwrap();
    let t = Totals::compute(&checked).unwrap();
    assert_eq!(t, Totals::empty(checked.hierarchy(), year(), &[]));
}

// ---------------------------------------------------------------------------
// Rekey on synthetic hierarchies
// ---------------------------------------------------------------------------

fn unit(c: &str, parent: Option<&str>) -> Unit {
    Unit::new(code(c), format!("{c} (synthetic)")).with_parent(parent.map(code))
}

/// Old (synthetic): province 90 with district 901 (communes 90101, 90102)
/// and district 902 without communes (an island district).
fn old_units() -> Hierarchy {
    Hierarchy::new(vec![
        unit("90", None),
        unit("901", Some("90")),
        unit("90101", Some("901")),
        unit("90102", Some("901")),
        unit("902", Some("90")),
    ])
    .unwrap()
}

/// New (synthetic): provinces 91 (communes 91001, 91002, 91003) and 92
/// (communes 92001, 92002), no districts.
fn new_units() -> Hierarchy {
    Hierarchy::new(vec![
        unit("91", None),
        unit("91001", Some("91")),
        unit("91002", Some("91")),
        unit("91003", Some("91")),
        unit("92", None),
        unit("92001", Some("92")),
        unit("92002", Some("92")),
    ])
    .unwrap()
}

/// Totals of documents at these old units (each an exact count).
fn documents_at(units: &[(&str, u64)]) -> Totals {
    let h = old_units();
    let mut acc = Accumulator::new(&h, year(), &[]);
    for &(u, n) in units {
        for _ in 0..n {
            let d: crate::IssuedDocument = serde_json::from_str(&format!(
                r#"{{"unit": "{u}", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#
            ))
            .unwrap();
            acc.add(&d).unwrap();
        }
    }
    acc.finish().unwrap()
}

fn docs(t: &Totals, u: &str) -> Option<Interval<u64>> {
    t.get(&code(u), Builtin::Documents, Actor::PartyCommittees)
}

fn upto(v: u64) -> Option<Interval<u64>> {
    Some(Interval::at_most(v))
}

/// A split without shares inside one new province: each target [0, v], the
/// province exactly v; through rows and merged, the same.
#[test]
fn rekey_split_inside_one_province_keeps_the_province_exact() {
    let t = documents_at(&[("90101", 7), ("90102", 2)]);
    let cw = crate::Crosswalk::builder()
        .split_unknown(code("90101"), &[code("91001"), code("91002")])
        .merge(code("90102"), code("91003"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    assert_eq!(docs(&after, "91001"), upto(7));
    assert_eq!(docs(&after, "91002"), upto(7));
    assert_eq!(docs(&after, "91003"), Some(Interval::exact(2)));
    assert_eq!(docs(&after, "91"), Some(Interval::exact(9)));
    assert_eq!(docs(&after, "92"), None);
    // Rows keep each unit's own interval (containment, not sums).
    let back = Totals::from_rows(after.hierarchy(), year(), &[], after.rows()).unwrap();
    assert_eq!(back, after);
    // Rekeyed partials merge unit by unit: the province stays exact.
    let a = documents_at(&[("90101", 7)])
        .rekey(&cw, Level::Commune, &new_units())
        .unwrap();
    let b = documents_at(&[("90102", 2)])
        .rekey(&cw, Level::Commune, &new_units())
        .unwrap();
    assert_eq!(a.merge(b).unwrap(), after);
}

/// A split crossing two new provinces: each target and each province [0, v],
/// never an exact figure in either.
#[test]
fn rekey_split_across_provinces_gives_bounds_to_each() {
    let t = documents_at(&[("90101", 5), ("90102", 1)]);
    let cw = crate::Crosswalk::builder()
        .split_unknown(code("90101"), &[code("91001"), code("92001")])
        .merge(code("90102"), code("92002"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    assert_eq!(docs(&after, "91001"), upto(5));
    assert_eq!(docs(&after, "92001"), upto(5));
    assert_eq!(docs(&after, "91"), upto(5));
    assert_eq!(
        docs(&after, "92"),
        Some(Interval::between(1, Some(6)).unwrap())
    );
    // The provinces' sum holds the truth, 6.
    let sum = after
        .level_total(Level::Province, Builtin::Documents, Actor::PartyCommittees)
        .unwrap()
        .unwrap();
    assert!(sum.contains(6));
    assert_eq!(
        Totals::from_rows(after.hierarchy(), year(), &[], after.rows()).unwrap(),
        after
    );
}

/// A split with shares: exact parts (largest remainder), the province exact.
#[test]
fn rekey_split_with_shares_is_exact() {
    let t = documents_at(&[("90101", 7), ("90102", 3)]);
    let share = |n| rust_decimal::Decimal::new(n, 1);
    let cw = crate::Crosswalk::builder()
        .split(
            code("90101"),
            &[(code("91001"), share(4)), (code("92001"), share(6))],
        )
        .merge(code("90102"), code("91002"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    assert_eq!(docs(&after, "91001"), Some(Interval::exact(3)));
    assert_eq!(docs(&after, "92001"), Some(Interval::exact(4)));
    assert_eq!(docs(&after, "91"), Some(Interval::exact(6)));
    assert_eq!(docs(&after, "92"), Some(Interval::exact(4)));
}

/// An old district whose communes go to two new provinces: its own records
/// are [0, v] in each, never exact in the first.
#[test]
fn rekey_own_records_of_a_district_across_two_provinces_are_bounds() {
    let t = documents_at(&[("901", 4), ("90101", 1), ("90102", 2)]);
    let cw = crate::Crosswalk::builder()
        .merge(code("90101"), code("91001"))
        .merge(code("90102"), code("92001"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    // The communes are exact: the district's own records sit above them.
    assert_eq!(docs(&after, "91001"), Some(Interval::exact(1)));
    assert_eq!(docs(&after, "92001"), Some(Interval::exact(2)));
    assert_eq!(
        docs(&after, "91"),
        Some(Interval::between(1, Some(5)).unwrap())
    );
    assert_eq!(
        docs(&after, "92"),
        Some(Interval::between(2, Some(6)).unwrap())
    );
    // Inside one new province, the same records go there exactly.
    let cw = crate::Crosswalk::builder()
        .merge(code("90101"), code("91001"))
        .merge(code("90102"), code("91002"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    assert_eq!(docs(&after, "91"), Some(Interval::exact(7)));
}

/// A district-level entry: the island district 902 (no communes) goes to
/// its special zone; its records are carried there exactly.
#[test]
fn rekey_a_district_level_entry_carries_the_island_district() {
    let t = documents_at(&[("902", 3), ("90101", 1), ("90102", 1)]);
    let without = crate::Crosswalk::builder()
        .merge(code("90101"), code("91001"))
        .merge(code("90102"), code("91002"))
        .build()
        .unwrap();
    // Without its entry the district's records have nowhere to go.
    let err = t.rekey(&without, Level::Commune, &new_units()).unwrap_err();
    assert_eq!(err.code(), "DV105", "{err}");
    // The special zone as a unit of the district's level (a crosswalk of this
    // branch maps units to units of their own level).
    let mut units = new_units().units().to_vec();
    units.push(unit("921", Some("92")));
    let new = Hierarchy::new(units).unwrap();
    let cw = crate::Crosswalk::builder()
        .merge(code("90101"), code("91001"))
        .merge(code("90102"), code("91002"))
        .merge(code("902"), code("921"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new).unwrap();
    assert_eq!(docs(&after, "921"), Some(Interval::exact(3)));
    assert_eq!(docs(&after, "92"), Some(Interval::exact(3)));
    assert_eq!(docs(&after, "91"), Some(Interval::exact(2)));
}

/// Inexact members carry their kind: "at least" splits to [0, ∞) parts and
/// stays "at least" where the split is whole.
#[test]
fn rekey_of_an_open_total_keeps_it_open_where_whole() {
    let h = old_units();
    let mut acc = Accumulator::new(&h, year(), &[]);
    acc.add(&conference(
        "90101",
        r(Qualifier::AtLeast, 40),
        Headcount::Occurrences,
    ))
    .unwrap();
    let t = acc.finish().unwrap();
    let cw = crate::Crosswalk::builder()
        .split_unknown(code("90101"), &[code("91001"), code("91002")])
        .merge(code("90102"), code("91003"))
        .build()
        .unwrap();
    let after = t.rekey(&cw, Level::Commune, &new_units()).unwrap();
    let p = |u: &str| {
        after.get(
            &code(u),
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees,
        )
    };
    assert_eq!(p("91"), Some(Interval::at_least(40)));
    assert_eq!(p("91001"), Some(Interval::at_least(0)));
}

/// The records columns grow with the highest place written (`reserve_place`):
/// a fold that starts at the province (one cell) and then reaches a district
/// keeps the distinct floor and an inexact member's extra through the growth,
/// and equals the fold of the same records deepest first.
#[test]
fn columns_grown_on_demand_fold_like_full_ones() {
    let h = tree();
    let records = [
        ("30", r(Qualifier::Exact, 10), Headcount::DistinctPersons),
        ("30", r(Qualifier::AtMost, 7), Headcount::Occurrences),
        ("289", r(Qualifier::AtLeast, 50), Headcount::DistinctPersons),
        ("288", r(Qualifier::Exact, 30), Headcount::Occurrences),
    ];
    let fold = |order: &mut dyn Iterator<Item = &(&str, Reported, Headcount)>| {
        let mut acc = Accumulator::new(&h, year(), &[]);
        for (unit, p, hc) in order {
            acc.add(&conference(unit, *p, *hc)).unwrap();
        }
        acc.finish().unwrap()
    };
    let forward = fold(&mut records.iter());
    let backward = fold(&mut records.iter().rev());
    assert_eq!(forward, backward);
    let persons: IndicatorId = "conference_persons".parse().unwrap();
    // 10 at the province itself, at least 50 at 289: at least 50, no upper bound.
    assert_eq!(
        forward.get(&code("30"), &persons, Actor::PartyCommittees),
        Some(Interval::at_least(50))
    );
    // At most 7 at the province plus exactly 30 at 288.
    assert_eq!(
        forward.get(
            &code("30"),
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees
        ),
        Some(Interval::between(30, Some(37)).unwrap())
    );
    assert_eq!(
        forward.get(&code("289"), &persons, Actor::PartyCommittees),
        Some(Interval::at_least(50))
    );
}
