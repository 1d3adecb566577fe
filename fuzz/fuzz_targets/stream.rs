//! Any bytes, read as a file of JSON Lines → `stream_json_lines` on one
//! thread and `stream_json_lines_parallel` on two and three, over a small
//! fixed synthetic hierarchy, period and indicator set. Fails on a panic and
//! on any of:
//!
//! - 1 thread and N threads give different totals or stats;
//! - `lines` is not the number of non-blank lines (a line is blank when,
//!   without its LF and the CR of a CRLF end, it is nothing but JSON
//!   whitespace and at most `MAX_LINE_BYTES` long), or `counted +
//!   rejected_total != lines`;
//! - a line is counted that the spec reader (`serde_json` into
//!   `danvan::Record`) or the one rule set (`Accumulator::check` with the
//!   same hierarchy, period and indicators) refuses, or that is over
//!   `MAX_LINE_BYTES`; or such a line is not among the rejections stored;
//! - a line both accept is rejected for a reason other than what adding it
//!   to the totals gives (`TotalOverflow`, or `UnitMismatch` between two
//!   amounts of one cell), or a line the rules refuse is rejected with
//!   another error than `check` gives.
//!
//! Inputs are below 1 MiB, one block of the stream: about one input in four
//! gets lines of JSON whitespace around `MAX_LINE_BYTES` long inserted (at
//! places chosen from the input's hash), so that the stream reads several
//! blocks, a line sits on each side of the limit, and the workers share them.

#![no_main]

use std::num::NonZeroUsize;
use std::sync::OnceLock;

use chrono::NaiveDate;
use danvan::{Accumulator, Error, ErrorKind, Hierarchy, IndicatorDef, Period, Record, Unit};
use libfuzzer_sys::fuzz_target;

const MAX: usize = danvan::MAX_LINE_BYTES;

/// The synthetic units of `tests/fixtures/synthetic-small.json`, a commune
/// dissolved at mid-year and a district set up then.
fn setup() -> &'static (Hierarchy, Period, Vec<IndicatorDef>) {
    static SETUP: OnceLock<(Hierarchy, Period, Vec<IndicatorDef>)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let code = |c: &str| c.parse().unwrap_or_else(|e| panic!("{c}: {e}"));
        let unit = |c: &str, parent: Option<&str>| Unit::new(code(c), c).with_parent(parent.map(code));
        let day = |m, d| NaiveDate::from_ymd_opt(2022, m, d);
        let h = Hierarchy::new(vec![
            unit("30", None),
            unit("288", Some("30")),
            unit("10507", Some("288")),
            unit("10510", Some("288")),
            unit("10507-T01", Some("10507")),
            unit("10507-T02", Some("10507")),
            unit("10513", Some("288")).with_validity(None, day(6, 30)),
            unit("289", Some("30")).with_validity(day(7, 1), None),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        let period = Period::year(2022).unwrap_or_else(|e| panic!("{e}"));
        let defs: Vec<IndicatorDef> = serde_json::from_str(
            r#"[{"id": "money_mobilized", "label": "Tiền", "kind": "flow", "unit": "đồng", "values": "amount"},
                {"id": "land_donated", "label": "Đất", "kind": "stock", "unit": "m²", "values": "amount"},
                {"id": "houses_built", "label": "Nhà", "kind": "stock", "unit": "căn"},
                {"id": "volunteers", "label": "Người", "kind": "distinct", "unit": "người"}]"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        (h, period, defs)
    })
}

/// What the spec reader and the rules say of one line.
#[derive(Debug)]
enum Verdict {
    Blank,
    TooLong,
    NotRecord,
    Broken(Error),
    Good,
}

fn is_json_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn verdict(checker: &Accumulator, line: &[u8]) -> Verdict {
    let body = line.strip_suffix(b"\r").unwrap_or(line);
    if body.len() > MAX {
        return Verdict::TooLong;
    }
    if body.iter().all(is_json_space) {
        return Verdict::Blank;
    }
    match serde_json::from_slice::<Record>(body) {
        Err(_) => Verdict::NotRecord,
        Ok(r) => match checker.check(r.as_record_ref()) {
            Err(e) => Verdict::Broken(e),
            Ok(()) => Verdict::Good,
        },
    }
}

/// FNV-1a: a fixed function of the input, for the padding's places.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The input's lines, with long whitespace lines (or a long indent) put in
/// at up to three places for one input in four.
fn lines_of(data: &[u8]) -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = data.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let h = hash(data);
    if h % 4 != 0 {
        return lines;
    }
    for k in 0..3u32 {
        let pick = h >> (8 + 16 * k);
        let at = (pick as usize >> 3) % (lines.len() + 1);
        let long = match pick % 8 {
            0 => vec![b' '; MAX - 1],
            1 => vec![b' '; MAX],
            2 => vec![b'\t'; MAX + 1],
            3 => [vec![b' '; MAX], b"\r".to_vec()].concat(),
            4 => [vec![b' '; MAX + 1], b"\r".to_vec()].concat(),
            // The next line indented to the limit, or one byte past it.
            5 | 6 => match lines.get_mut(at) {
                Some(line) if line.len() < MAX => {
                    let pad = MAX - line.len() + (pick % 8 == 6) as usize;
                    let mut indented = vec![b' '; pad];
                    indented.append(line);
                    *line = indented;
                    continue;
                }
                _ => continue,
            },
            _ => continue,
        };
        lines.insert(at, long);
    }
    lines
}

fuzz_target!(|data: &[u8]| {
    let (h, period, defs) = setup();
    let checker = Accumulator::new(h, *period, defs);
    let lines = lines_of(data);
    let file = lines.join(&b'\n');
    let verdicts: Vec<Verdict> = lines.iter().map(|l| verdict(&checker, l)).collect();

    let one = danvan::stream_json_lines(file.as_slice(), h, *period, defs);
    for threads in [2, 3] {
        let threads = NonZeroUsize::new(threads).unwrap_or(NonZeroUsize::MIN);
        let many = danvan::stream_json_lines_parallel(file.as_slice(), h, *period, defs, threads);
        assert_eq!(one, many, "1 thread against {threads}");
    }
    let stats = match one {
        Ok((_, stats)) => stats,
        // Only a roll-up can fail, and only by overflowing.
        Err(e) => {
            assert!(matches!(e.kind(), ErrorKind::TotalOverflow { .. }), "{e:?}");
            return;
        }
    };

    let non_blank = verdicts
        .iter()
        .filter(|v| !matches!(v, Verdict::Blank))
        .count();
    assert_eq!(stats.lines, non_blank, "{verdicts:?}");
    assert_eq!(stats.counted + stats.rejected_total, stats.lines);
    let good = verdicts
        .iter()
        .filter(|v| matches!(v, Verdict::Good))
        .count();
    assert!(
        stats.counted <= good,
        "{} counted, {good} good: {verdicts:?}",
        stats.counted
    );

    // Each stored rejection, in line order, is one the spec reader, the
    // rules or the limit explain, or one that adding explains.
    let mut last = 0;
    let mut good_rejected = 0;
    for (n, e) in &stats.rejected {
        assert!(*n > last, "rejections out of order: {:?}", stats.rejected);
        last = *n;
        let v = verdicts
            .get(n - 1)
            .unwrap_or_else(|| panic!("line {n} of {}", verdicts.len()));
        match v {
            Verdict::Blank => panic!("blank line {n} rejected: {e:?}"),
            Verdict::TooLong => {
                assert!(
                    matches!(e.kind(), ErrorKind::LineTooLong { .. }),
                    "line {n}: {e:?}"
                )
            }
            Verdict::NotRecord => {}
            Verdict::Broken(expected) => assert_eq!(e, expected, "line {n}"),
            Verdict::Good => {
                good_rejected += 1;
                assert!(
                    matches!(
                        e.kind(),
                        ErrorKind::TotalOverflow { .. } | ErrorKind::UnitMismatch { .. }
                    ),
                    "line {n} passes the reader and the rules, but: {e:?}"
                );
            }
        }
    }
    // Every line the reader, the rules or the limit refuse, up to the last
    // rejection stored (all of them when all are stored), is rejected.
    let all_stored = stats.rejected.len() == stats.rejected_total;
    let stored: std::collections::BTreeSet<usize> =
        stats.rejected.iter().map(|(n, _)| *n).collect();
    for (i, v) in verdicts.iter().enumerate() {
        let n = i + 1;
        if !all_stored && n > last {
            break;
        }
        if matches!(
            v,
            Verdict::TooLong | Verdict::NotRecord | Verdict::Broken(_)
        ) {
            assert!(stored.contains(&n), "line {n} ({v:?}) was counted");
        }
    }
    if all_stored {
        assert_eq!(stats.counted, good - good_rejected);
    }
});
