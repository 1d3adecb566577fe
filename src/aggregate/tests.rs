use super::*;
use crate::render::vi;
use crate::{Conference, ConferenceKind, Dataset, Figure, Headcount, Unit};
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

#[test]
fn flags_agree_with_qualifier_combine() {
    for a in Qualifier::ALL {
        assert_eq!(qualifier_of(flags_of(a)), a);
        for b in Qualifier::ALL {
            let by_flags = qualifier_of(flags_of(a) | flags_of(b));
            assert_eq!(by_flags, a.combine(b), "{a:?} + {b:?}");
            let x = Reported::new(a, Count::new(1));
            let y = Reported::new(b, Count::new(2));
            assert_eq!(x.checked_add(y).unwrap().qualifier(), by_flags);
            for c in Qualifier::ALL {
                assert_eq!(
                    qualifier_of(flags_of(a) | flags_of(b) | flags_of(c)),
                    a.combine(b).combine(c)
                );
                assert_eq!(a.combine(b).combine(c), a.combine(b.combine(c)));
            }
        }
    }
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
    assert_eq!(n, Some(Reported::exact(Count::new(1))));
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
        Some((50, 80))
    );
    assert_eq!(
        t.get(&code("30"), &id, Actor::PartyCommittees),
        Some(Reported::new(Qualifier::AtMost, Count::new(80)))
    );
    assert_eq!(
        t.get(&code("288"), &id, Actor::PartyCommittees),
        Some(Reported::exact(Count::new(30)))
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
    assert_eq!(r("30", Builtin::GuidanceDocuments), Some(at_least));
    assert_eq!(r("288", Builtin::Documents), Some(ex(3)));
    // District 289 reported no documents, 288 no blocks: the province's sums
    // are lower bounds, never a silent zero for the district that is missing.
    let least = |n| Reported::new(Qualifier::AtLeast, Count::new(n));
    assert_eq!(r("30", Builtin::Documents), Some(least(3)));
    assert_eq!(r("30", Builtin::GrassrootsBlocks), Some(least(9)));
    assert_eq!(
        t.value_builtin(&code("30"), Builtin::GuidanceDocuments, a),
        Some(at_least)
    );
    let rec = t.reconcile();
    assert_eq!(rec.len(), 1);
    assert_eq!(rec[0].against, Against::Children);
    assert_eq!(rec[0].computed, ex(10));
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
    rows[0].value = None;
    let err = Totals::from_rows(&h, year(), &[], rows).unwrap_err();
    assert_eq!(err.code(), "DV102");
    assert!(err.to_string().contains("row 0 (records "), "{err}");
    assert!(
        err.to_string().ends_with(
            "expected a qualifier, value and bounds (and no amount): its indicator is a count"
        ),
        "{err}"
    );
    let e: Error = ErrorKind::InvalidTotals { reason: "x".into() }.into();
    assert_eq!(e.code(), "DV102");
}

/// Totals are equal when they mean the same: "at least" plus "at most" parts
/// and "about" parts are both "about", in the store's flags as in every reading.
#[test]
fn totals_equal_by_meaning_not_by_flag_bits() {
    let h = tree();
    let totals = |parts: [Reported; 2]| {
        let mut acc = Accumulator::new(&h, year(), &[]);
        for p in parts {
            acc.add(&conference("288", p, Headcount::Occurrences))
                .unwrap();
        }
        acc.finish().unwrap()
    };
    let r = |q, n| Reported::new(q, Count::new(n));
    let mixed = totals([r(Qualifier::AtLeast, 10), r(Qualifier::AtMost, 5)]);
    let about = totals([r(Qualifier::About, 10), r(Qualifier::Exact, 5)]);
    let participants = |t: &Totals| {
        t.get(
            &code("30"),
            Builtin::ConferenceParticipants,
            Actor::PartyCommittees,
        )
    };
    assert_eq!(participants(&mixed), Some(r(Qualifier::About, 15)));
    assert_ne!(mixed.records, about.records); // other bits in the store
    assert_eq!(mixed, about);
    assert_eq!(mixed.rows(), about.rows());
    // A different meaning is a different total.
    let low = totals([r(Qualifier::AtLeast, 10), r(Qualifier::Exact, 5)]);
    assert_ne!(low, about);
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

#[test]
fn vietnamese_messages() {
    let cases = [
        (
            ErrorKind::TotalOverflow {
                unit: "30".into(),
                indicator: "conference_participants".into(),
            },
            "tổng của chỉ tiêu \"conference_participants\" tại đơn vị \"30\" vượt quá giá trị lớn nhất có thể lưu",
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
