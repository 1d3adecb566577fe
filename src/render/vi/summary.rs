//! The annual summary paragraph, in the words of the seed.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

use crate::notation::{self, Style};
use crate::{ActorSummary, Interval, Level, Period, Qualifier, Summary, SummaryValue};

/// How the figures of a summary are rounded.
///
/// Rounding is a property of the figure, not of the page: the seed prints the
/// Party committees' exact figures (`13.360 người`) next to the mobilization
/// sector's lower bounds (`hơn 6.800 người`). [`Rounding::Press`] therefore
/// rounds only figures that are lower bounds already, and keeps exact figures
/// exact; [`Rounding::PressAll`] also writes an exact figure of more than two
/// significant figures as a lower bound, for a text that wants round numbers
/// throughout. Both use the one press rule of [`notation::interval`] with
/// [`Style::Press`]: "hơn b" with b the largest number of two significant
/// figures below the lower bound, so "hơn" is always true ("ít nhất 6.853" is
/// "hơn 6.800"). A figure the unit stated itself keeps its word ("hơn 6.800"
/// stays "hơn 6.800"); upper bounds, ranges and estimates are never rounded.
///
/// ```
/// use danvan::{render::vi::Rounding, Interval, SummaryValue};
///
/// let exact = SummaryValue::from(Interval::exact(6853));
/// let lower = SummaryValue::from(Interval::at_least(6853));
/// assert_eq!(Rounding::Exact.text(lower), "ít nhất 6.853");
/// assert_eq!(Rounding::Press.text(exact), "6.853");
/// assert_eq!(Rounding::Press.text(lower), "hơn 6.800");
/// assert_eq!(Rounding::PressAll.text(exact), "hơn 6.800");
/// let stated = SummaryValue::stated(danvan::notation::parse_reported("hơn 6.800")?);
/// assert_eq!(Rounding::Press.text(stated), "hơn 6.800");
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Rounding {
    /// Every figure as it is: an exact 6.853 is "6.853", a computed lower
    /// bound 6.853 is "ít nhất 6.853", a stated "hơn 6.853" stays.
    #[default]
    Exact,
    /// Press style on lower bounds only: "ít nhất 6.853" becomes "hơn 6.800"; exact figures stay exact.
    Press,
    /// Press style on every figure: an exact 6.853 also becomes "hơn 6.800"
    /// (a figure of at most two significant figures, such as 99 or 6.800, stays).
    PressAll,
}

impl Rounding {
    /// The text of one figure of the summary in this rounding.
    ///
    /// ```
    /// use danvan::{render::vi::Rounding, Interval, SummaryValue};
    ///
    /// assert_eq!(Rounding::PressAll.text(Interval::exact(99).into()), "99");
    /// assert_eq!(Rounding::PressAll.text(Interval::exact(512).into()), "hơn 510");
    /// let near = Interval::exact(120).checked_add(Interval::near(300))?;
    /// assert_eq!(Rounding::Press.text(near.into()), "gần 420");
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn text(self, v: SummaryValue) -> String {
        let i = v.interval;
        let exact_rounded = |x: u64| notation::interval(Interval::at_least(x), Style::Press);
        if let Some(r) = v.as_stated() {
            let n = r.value().get();
            return match self {
                Rounding::Press | Rounding::PressAll
                    if r.qualifier() == Qualifier::AtLeast && !two_figures(n) =>
                {
                    notation::interval(i, Style::Press)
                }
                Rounding::PressAll if r.is_exact() && !two_figures(n) => exact_rounded(n),
                _ => notation::reported(r),
            };
        }
        match (self, i.exact_value()) {
            (Rounding::PressAll, Some(x)) if !two_figures(x) => exact_rounded(x),
            (Rounding::Exact, _) => notation::interval(i, Style::Exact),
            _ => notation::interval(i, Style::Press),
        }
    }
}

/// Whether a count has at most two significant figures (6.800, 99, 0).
fn two_figures(mut n: u64) -> bool {
    while n >= 100 && n % 10 == 0 {
        n /= 10;
    }
    n < 100
}

/// The period as a heading ("Năm 2022", "Từ năm 2011 đến năm 2021", "Từ
/// ngày 01/07/2025 đến ngày 30/09/2025") and as the words after a noun
/// ("năm 2022", …).
fn period_words(p: Period) -> (String, String) {
    use chrono::Datelike;
    let (s, e) = (p.start(), p.end());
    let whole_years = s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31;
    let tail = if whole_years && s.year() == e.year() {
        format!("năm {}", s.year())
    } else if whole_years {
        format!("từ năm {} đến năm {}", s.year(), e.year())
    } else {
        format!(
            "từ ngày {} đến ngày {}",
            notation::date(s),
            notation::date(e)
        )
    };
    let mut head = String::with_capacity(tail.len());
    let mut chars = tail.chars();
    if let Some(c) = chars.next() {
        head.extend(c.to_uppercase());
        head.push_str(chars.as_str());
    }
    (head, tail)
}

/// Options of the annual summary.
///
/// The word for the whole area comes from the summary's unit: a name that
/// starts with its kind ("Tỉnh Hải Dương", "Thành phố Chí Linh", "Phường Cẩm
/// Thượng") gives "toàn tỉnh", "toàn thành phố", "toàn phường"; otherwise its
/// level gives "toàn tỉnh", "toàn huyện", "toàn xã" or "toàn thôn".
///
/// ```
/// use danvan::render::vi::{Rounding, SummaryOptions};
///
/// let opts = SummaryOptions::default().with_rounding(Rounding::Press);
/// assert_eq!(opts.rounding, Rounding::Press);
/// assert_eq!(SummaryOptions::default().rounding, Rounding::Exact);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct SummaryOptions {
    /// How figures are rounded; [`Rounding::Exact`] by default.
    pub rounding: Rounding,
}

impl SummaryOptions {
    /// Sets how figures are rounded.
    ///
    /// ```
    /// use danvan::render::vi::{Rounding, SummaryOptions};
    /// let opts = SummaryOptions::default().with_rounding(Rounding::PressAll);
    /// assert_eq!(opts.rounding, Rounding::PressAll);
    /// ```
    #[must_use]
    pub fn with_rounding(mut self, rounding: Rounding) -> SummaryOptions {
        self.rounding = rounding;
        self
    }
}

/// The annual summary paragraph of a unit, in the style of the seed.
///
/// One paragraph, without a trailing newline: stocks ("hiện có") and the
/// Party committees' figures in the first sentence, the mobilization sector's
/// in the second, then one sentence per actor that awarded collectives. A
/// clause whose figure is missing is left out; a missing figure is never
/// printed as 0. The two actors' figures are never added together.
///
/// ```
/// use danvan::render::vi::{annual_summary, Rounding, SummaryOptions};
/// use danvan::{Interval, Level, Period, Summary};
///
/// let mut s = Summary::new("Tỉnh Hải Dương", Level::Province, Period::year(2022)?);
/// s.stocks.grassroots_blocks = Some(Interval::exact(235).into());
/// s.sector.training_conferences = Some(Interval::exact(222).into());
/// s.sector.participants = Some(Interval::at_least(6853).into());
/// let opts = SummaryOptions::default().with_rounding(Rounding::Press);
/// assert_eq!(
///     annual_summary(&s, &opts),
///     "Năm 2022, toàn tỉnh hiện có 235 khối dân vận cơ sở. Ngành dân vận tổ chức tổng số \
///      222 hội nghị tập huấn về công tác dân vận cho hơn 6.800 người."
/// );
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn annual_summary(summary: &Summary, opts: &SummaryOptions) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_annual_summary(&mut out, summary, opts);
    out
}

/// Writes the annual summary paragraph of [`annual_summary`] into `out`.
///
/// # Errors
///
/// Returns the writer's error, if it fails.
///
/// ```
/// use danvan::render::vi::{write_annual_summary, SummaryOptions};
///
/// let s = danvan::Summary::new("Huyện Nam Sách", danvan::Level::District, danvan::Period::year(2022)?);
/// let mut text = String::new();
/// write_annual_summary(&mut text, &s, &SummaryOptions::default()).unwrap();
/// assert_eq!(text, "Năm 2022, toàn huyện chưa có số liệu về công tác dân vận.");
/// # Ok::<(), danvan::Error>(())
/// ```
pub fn write_annual_summary<W: fmt::Write>(
    out: &mut W,
    summary: &Summary,
    opts: &SummaryOptions,
) -> fmt::Result {
    let (heading, during) = period_words(summary.period);
    let area = area_noun(&summary.unit_name, summary.level);
    let fig = |v: SummaryValue| opts.rounding.text(v);
    let stocks = &summary.stocks;

    let mut stock_groups: Vec<String> = Vec::new();
    if let Some(m) = stocks.skilful_models {
        stock_groups.push(format!("{} mô hình \u{201c}Dân vận khéo\u{201d}", fig(m)));
    }
    let bodies: Vec<String> = [
        (stocks.grassroots_blocks, "khối dân vận cơ sở"),
        (stocks.village_teams, "tổ dân vận thôn, khu dân cư"),
    ]
    .into_iter()
    .filter_map(|(r, noun)| r.map(|r| format!("{} {noun}", fig(r))))
    .collect();
    if !bodies.is_empty() {
        stock_groups.push(bodies.join(", "));
    }

    let party = clauses(&summary.party, &PARTY, &fig);
    let sector = clauses(&summary.sector, &SECTOR, &fig);

    let mut first: Vec<String> = Vec::new();
    if !stock_groups.is_empty() {
        first.push(format!("toàn {area} hiện có {}", stock_groups.join("; ")));
    }
    if !party.is_empty() {
        let subject = if stock_groups.is_empty() {
            format!("cấp ủy, tổ chức đảng các cấp trong {area} đã")
        } else {
            "cấp ủy, tổ chức đảng các cấp đã".to_owned()
        };
        first.push(format!("{subject} {}", party.join("; ")));
    }

    let mut sentences: Vec<String> = Vec::new();
    if !first.is_empty() {
        sentences.push(format!("{heading}, {}.", first.join("; ")));
    }
    if !sector.is_empty() {
        if sentences.is_empty() {
            sentences.push(format!("{heading}, ngành dân vận {}.", sector.join("; ")));
        } else {
            sentences.push(format!("Ngành dân vận {}.", sector.join("; ")));
        }
    }
    for (actor, words) in [(&summary.party, &PARTY), (&summary.sector, &SECTOR)] {
        if let Some(n) = actor.awarded_collectives {
            sentences.push(format!(
                "{} đã khen thưởng {} tập thể có thành tích trong công tác dân vận {during}.",
                words.subject,
                fig(n)
            ));
        }
    }
    if sentences.is_empty() {
        return write!(
            out,
            "{heading}, toàn {area} chưa có số liệu về công tác dân vận."
        );
    }
    out.write_str(&sentences.join(" "))
}

/// How the paragraph words one actor.
struct ActorWords {
    /// The actor at the start of a sentence.
    subject: &'static str,
    /// The verb before a number of conferences.
    conference_verb: &'static str,
    /// The noun after a number of participants.
    people: &'static str,
}

/// Party committees and organizations at all levels (the seed's wording).
const PARTY: ActorWords = ActorWords {
    subject: "Cấp ủy, tổ chức đảng các cấp",
    conference_verb: "thực hiện",
    people: "người tham gia",
};

/// The mobilization sector (the seed's wording).
const SECTOR: ActorWords = ActorWords {
    subject: "Ngành dân vận",
    conference_verb: "tổ chức tổng số",
    people: "người",
};

/// The clauses of one actor's flows, each a verb phrase; empty when it has no figure.
fn clauses(a: &ActorSummary, w: &ActorWords, fig: &dyn Fn(SummaryValue) -> String) -> Vec<String> {
    let mut out = Vec::new();

    // Conferences: when every conference is a training one (or only training
    // ones are known), say "hội nghị tập huấn" as the seed does for the sector.
    let (count, noun) = match (a.conferences, a.training_conferences) {
        (Some(c), Some(t)) if c.interval == t.interval && c.interval.is_exact() => {
            (Some(t), "hội nghị tập huấn")
        }
        (Some(c), _) => (Some(c), "hội nghị tuyên truyền, tập huấn"),
        (None, Some(t)) => (Some(t), "hội nghị tập huấn"),
        (None, None) => (None, "hội nghị tuyên truyền, tập huấn"),
    };
    let people = a
        .participants
        .map(|p| format!(" cho {} {}", fig(p), w.people));
    match (count, people) {
        (Some(c), people) => out.push(format!(
            "{} {} {noun} về công tác dân vận{}",
            w.conference_verb,
            fig(c),
            people.unwrap_or_default()
        )),
        (None, Some(people)) => out.push(format!("tổ chức {noun} về công tác dân vận{people}")),
        (None, None) => {}
    }

    let mut documents: Vec<String> = Vec::new();
    if let Some(n) = a.leadership_documents {
        documents.push(format!(
            "{} văn bản để lãnh đạo, chỉ đạo công tác dân vận",
            fig(n)
        ));
    }
    if let Some(n) = a.guidance_documents {
        documents.push(format!(
            "{} văn bản hướng dẫn, đôn đốc hệ thống dân vận các cấp triển khai thực hiện",
            fig(n)
        ));
    }
    // The kinds alone when they account for the whole total; otherwise the
    // total first, so that no document is left out of the sentence.
    let parts = [a.leadership_documents, a.guidance_documents]
        .into_iter()
        .flatten()
        .map(|v| v.interval)
        .try_fold(None::<Interval<u64>>, |sum, p| match sum {
            None => Some(Some(p)),
            Some(s) => s.checked_add(p).ok().map(Some),
        })
        .flatten();
    match (a.documents, documents.is_empty()) {
        (Some(total), false) if parts != Some(total.interval) => out.push(format!(
            "ban hành {} văn bản về công tác dân vận, trong đó {}",
            fig(total),
            documents.join(" và ")
        )),
        (Some(total), true) => out.push(format!(
            "ban hành {} văn bản về công tác dân vận",
            fig(total)
        )),
        (_, false) => out.push(format!("ban hành {}", documents.join(" và "))),
        (None, true) => {}
    }

    match (a.inspections, a.inspection_subjects) {
        (Some(i), Some(s)) => out.push(format!(
            "tiến hành {} cuộc kiểm tra, giám sát {} tổ chức đảng, đảng viên",
            fig(i),
            fig(s)
        )),
        (Some(i), None) => out.push(format!("tiến hành {} cuộc kiểm tra, giám sát", fig(i))),
        (None, Some(s)) => out.push(format!(
            "kiểm tra, giám sát {} tổ chức đảng, đảng viên",
            fig(s)
        )),
        (None, None) => {}
    }
    out
}

/// The noun for the whole area ("toàn tỉnh"): the kind the unit's name starts
/// with, or else the level's.
pub(crate) fn area_noun(name: &str, level: Level) -> &'static str {
    const KINDS: [(&str, &str); 9] = [
        ("Tỉnh ", "tỉnh"),
        ("Thành phố ", "thành phố"),
        ("Thị xã ", "thị xã"),
        ("Huyện ", "huyện"),
        ("Quận ", "quận"),
        ("Thị trấn ", "thị trấn"),
        ("Phường ", "phường"),
        ("Xã ", "xã"),
        ("Đặc khu ", "đặc khu"),
    ];
    let name: String = name.trim_start().nfc().collect();
    KINDS
        .into_iter()
        .find(|(prefix, _)| name.starts_with(prefix))
        .map_or(
            match level {
                Level::Province => "tỉnh",
                Level::District => "huyện",
                Level::Commune => "xã",
                Level::Village => "thôn",
            },
            |(_, noun)| noun,
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Count, Reported};

    fn exact(n: u64) -> Option<SummaryValue> {
        Some(Interval::exact(n).into())
    }

    fn at_least(n: u64) -> Option<SummaryValue> {
        Some(Interval::at_least(n).into())
    }

    /// A stated "hơn n".
    fn more_than(n: u64) -> Option<SummaryValue> {
        Some(SummaryValue::stated(Reported::new(
            Qualifier::AtLeast,
            Count::new(n),
        )))
    }

    fn summary(name: &str) -> Summary {
        let level = if name.starts_with("Huyện") {
            Level::District
        } else if name.starts_with("Xã") {
            Level::Commune
        } else {
            Level::Province
        };
        Summary::new(name, level, Period::year(2022).unwrap())
    }

    #[test]
    fn area_words() {
        let cases = [
            ("Tỉnh Hải Dương", Level::Province, "tỉnh"),
            ("Thành phố Hà Nội", Level::Province, "thành phố"),
            ("Thành phố Chí Linh", Level::District, "thành phố"),
            ("Thị xã Kinh Môn", Level::District, "thị xã"),
            ("Huyện Nam Sách", Level::District, "huyện"),
            ("Phường Cẩm Thượng", Level::Commune, "phường"),
            ("Thị trấn Nam Sách", Level::Commune, "thị trấn"),
            ("Xã An Lâm", Level::Commune, "xã"),
            // Synthetic names without a kind: the level decides.
            ("Hải Dương", Level::Province, "tỉnh"),
            ("Nam Sách", Level::District, "huyện"),
            ("An Lâm", Level::Commune, "xã"),
            ("Thôn 3 (synthetic)", Level::Village, "thôn"),
            // "Huyện" typed with a combining dot below (NFD), synthetic input.
            ("Huye\u{323}\u{302}n Nam Sách", Level::Province, "huyện"),
        ];
        for (name, level, want) in cases {
            assert_eq!(area_noun(name, level), want, "{name}");
        }
    }

    #[test]
    fn missing_figures_are_left_out() {
        let opts = SummaryOptions::default();
        let mut s = summary("Huyện Nam Sách (synthetic figures)");
        assert_eq!(
            annual_summary(&s, &opts),
            "Năm 2022, toàn huyện chưa có số liệu về công tác dân vận."
        );
        s.party.inspection_subjects = exact(12);
        assert_eq!(
            annual_summary(&s, &opts),
            "Năm 2022, cấp ủy, tổ chức đảng các cấp trong huyện đã kiểm tra, giám sát 12 tổ chức đảng, đảng viên."
        );
        s.party.inspections = exact(3);
        s.party.participants = exact(40);
        s.stocks.village_teams = exact(0);
        assert_eq!(
            annual_summary(&s, &opts),
            "Năm 2022, toàn huyện hiện có 0 tổ dân vận thôn, khu dân cư; cấp ủy, tổ chức đảng các cấp đã \
             tổ chức hội nghị tuyên truyền, tập huấn về công tác dân vận cho 40 người tham gia; \
             tiến hành 3 cuộc kiểm tra, giám sát 12 tổ chức đảng, đảng viên."
        );
        let mut s = summary("Xã An Lâm (synthetic figures)");
        s.sector.documents = exact(7);
        s.sector.inspections = exact(2);
        s.sector.awarded_collectives = exact(1);
        assert_eq!(
            annual_summary(&s, &opts),
            "Năm 2022, ngành dân vận ban hành 7 văn bản về công tác dân vận; tiến hành 2 cuộc kiểm tra, giám sát. \
             Ngành dân vận đã khen thưởng 1 tập thể có thành tích trong công tác dân vận năm 2022."
        );
    }

    #[test]
    fn conference_wording_follows_the_figures() {
        let opts = SummaryOptions::default();
        let mut s = summary("Tỉnh (synthetic)");
        s.sector.conferences = exact(10);
        s.sector.training_conferences = exact(10);
        s.sector.leadership_documents = exact(4);
        s.sector.guidance_documents = more_than(30);
        s.sector.documents = exact(99);
        assert_eq!(
            annual_summary(&s, &opts),
            "Năm 2022, ngành dân vận tổ chức tổng số 10 hội nghị tập huấn về công tác dân vận; \
             ban hành 99 văn bản về công tác dân vận, trong đó 4 văn bản để lãnh đạo, chỉ đạo công tác dân vận và hơn 30 văn bản hướng dẫn, \
             đôn đốc hệ thống dân vận các cấp triển khai thực hiện."
        );
        s.sector.training_conferences = exact(6);
        assert!(annual_summary(&s, &opts)
            .contains("tổ chức tổng số 10 hội nghị tuyên truyền, tập huấn về công tác dân vận;"));
        // Two lower bounds that look equal do not prove every conference is a training one.
        s.sector.conferences = at_least(10);
        s.sector.training_conferences = at_least(10);
        assert!(annual_summary(&s, &opts).contains("ít nhất 10 hội nghị tuyên truyền, tập huấn"));
    }

    #[test]
    fn rounding_is_per_figure() {
        let mut s = summary("Tỉnh (synthetic)");
        s.party.conferences = exact(291);
        s.party.participants = exact(13_360);
        s.sector.training_conferences = exact(222);
        s.sector.participants = more_than(6_853);
        let text = |r| annual_summary(&s, &SummaryOptions::default().with_rounding(r));
        let exact_text = text(Rounding::Exact);
        assert!(exact_text.contains(
            "291 hội nghị tuyên truyền, tập huấn về công tác dân vận cho 13.360 người tham gia"
        ));
        assert!(exact_text.contains("cho hơn 6.853 người"));
        let press = text(Rounding::Press);
        assert!(press.contains(
            "291 hội nghị tuyên truyền, tập huấn về công tác dân vận cho 13.360 người tham gia"
        ));
        assert!(press.contains("222 hội nghị tập huấn về công tác dân vận cho hơn 6.800 người"));
        let all = text(Rounding::PressAll);
        // The one press rule (issue 14): two significant figures, strictly below.
        assert!(all.contains("hơn 290 hội nghị tuyên truyền, tập huấn về công tác dân vận cho hơn 13.000 người tham gia"));
        assert!(all.contains("hơn 220 hội nghị tập huấn về công tác dân vận cho hơn 6.800 người"));
    }

    #[test]
    fn rounding_never_touches_upper_bounds_or_abouts() {
        for q in [Qualifier::AtMost, Qualifier::About] {
            let r = Reported::new(q, Count::new(22_345));
            for rounding in [Rounding::Exact, Rounding::Press, Rounding::PressAll] {
                assert_eq!(
                    rounding.text(SummaryValue::stated(r)),
                    crate::notation::reported(r)
                );
            }
        }
        let near = Interval::exact(120_u64)
            .checked_add(Interval::near(22_345))
            .unwrap();
        for rounding in [Rounding::Exact, Rounding::Press, Rounding::PressAll] {
            assert_eq!(rounding.text(near.into()), "gần 22.465");
        }
    }

    #[test]
    fn computed_totals_are_worded_by_their_interval() {
        // Review of issue 14: [40, ∞) was "hơn 40", [0, ∞) "hơn 0", 120 + gần 300 "không quá 420".
        let cases = [
            (Interval::at_least(40_u64), "ít nhất 40", "hơn 39"),
            (Interval::between(0, None).unwrap(), "không rõ", "không rõ"),
            (
                Interval::exact(120)
                    .checked_add(Interval::near(300))
                    .unwrap(),
                "gần 420",
                "gần 420",
            ),
            (
                Interval::between(120, Some(150)).unwrap(),
                "từ 120 đến 150",
                "từ 120 đến 150",
            ),
        ];
        for (i, exact, press) in cases {
            assert_eq!(Rounding::Exact.text(i.into()), exact, "{i:?}");
            assert_eq!(Rounding::Press.text(i.into()), press, "{i:?}");
        }
    }

    #[test]
    fn heading_follows_the_period() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let opts = SummaryOptions::default();
        let mut s = summary("Xã An Lâm (synthetic figures)");
        s.period = Period::new(d(2011, 1, 1), d(2021, 12, 31)).unwrap();
        assert_eq!(
            annual_summary(&s, &opts),
            "Từ năm 2011 đến năm 2021, toàn xã chưa có số liệu về công tác dân vận."
        );
        s.sector.documents = exact(7);
        s.sector.awarded_collectives = exact(2);
        assert_eq!(
            annual_summary(&s, &opts),
            "Từ năm 2011 đến năm 2021, ngành dân vận ban hành 7 văn bản về công tác dân vận. \
             Ngành dân vận đã khen thưởng 2 tập thể có thành tích trong công tác dân vận từ năm 2011 đến năm 2021."
        );
        s.period = Period::new(d(2025, 7, 1), d(2025, 9, 30)).unwrap();
        assert!(annual_summary(&s, &opts).starts_with(
            "Từ ngày 01/07/2025 đến ngày 30/09/2025, ngành dân vận ban hành 7 văn bản"
        ));
    }
}
