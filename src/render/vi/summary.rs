//! The annual summary paragraph, in the words of the seed.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

use crate::aggregate::as_reported;
use crate::notation::{press_round, reported};
use crate::{ActorSummary, Interval, Level, Qualifier, Reported, Summary};

/// How the figures of a summary are rounded.
///
/// Rounding is a property of the figure, not of the page: the seed prints the
/// Party committees' exact figures (`13.360 người`) next to the mobilization
/// sector's rounded ones (`hơn 6.800 người`). [`Rounding::Press`] therefore
/// rounds only figures that are lower bounds already, and keeps exact figures
/// exact; [`Rounding::PressAll`] rounds every figure, for a text that wants
/// round numbers throughout. Rounding goes down with
/// [`press_round`](crate::notation::press_round), so the text stays true: "hơn 6.800"
/// admits an exact 6.853. At-most and about figures are never rounded.
///
/// ```
/// use danvan::{render::vi::Rounding, Count, Qualifier, Reported};
///
/// let exact = Reported::exact(Count::new(6853));
/// let lower = Reported::new(Qualifier::AtLeast, Count::new(6853));
/// assert_eq!(Rounding::Exact.apply(lower), lower);
/// assert_eq!(Rounding::Press.apply(exact), exact);
/// assert_eq!(Rounding::Press.apply(lower), danvan::notation::parse_reported("hơn 6.800")?);
/// assert_eq!(Rounding::PressAll.apply(exact), danvan::notation::parse_reported("hơn 6.800")?);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Rounding {
    /// Every figure as it is: an exact 6.853 is "6.853", a lower bound 6.853 is "hơn 6.853".
    #[default]
    Exact,
    /// Press style on lower bounds only: "hơn 6.853" becomes "hơn 6.800"; exact figures stay exact.
    Press,
    /// Press style on every figure: an exact 6.853 also becomes "hơn 6.800" (values below 100 stay).
    PressAll,
}

impl Rounding {
    /// The figure as this rounding prints it.
    ///
    /// ```
    /// use danvan::{render::vi::Rounding, Count, Reported};
    ///
    /// let r = Rounding::PressAll.apply(Reported::exact(Count::new(99)));
    /// assert_eq!(r, Reported::exact(Count::new(99)));
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn apply(self, r: Reported) -> Reported {
        match self {
            Rounding::Exact => r,
            Rounding::Press if r.qualifier() == Qualifier::AtLeast => press_round(r),
            Rounding::Press => r,
            Rounding::PressAll => press_round(r),
        }
    }
}

/// Options of the annual summary.
///
/// `level` chooses the word for the whole area when the unit's name does not
/// say it: a name that starts with its kind ("Tỉnh Hải Dương", "Thành phố
/// Chí Linh", "Phường Cẩm Thượng") gives "toàn tỉnh", "toàn thành phố",
/// "toàn phường"; otherwise the level gives "toàn tỉnh", "toàn huyện", "toàn
/// xã" or "toàn thôn".
///
/// ```
/// use danvan::render::vi::{Rounding, SummaryOptions};
///
/// let opts = SummaryOptions::default()
///     .with_rounding(Rounding::Press)
///     .with_level(danvan::Level::District);
/// assert_eq!(opts.rounding, Rounding::Press);
/// assert_eq!(SummaryOptions::default().level, danvan::Level::Province);
/// # Ok::<(), danvan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SummaryOptions {
    /// How figures are rounded; [`Rounding::Exact`] by default.
    pub rounding: Rounding,
    /// The level of the summarized unit; [`Level::Province`] by default.
    pub level: Level,
}

impl Default for SummaryOptions {
    fn default() -> SummaryOptions {
        SummaryOptions {
            rounding: Rounding::Exact,
            level: Level::Province,
        }
    }
}

impl SummaryOptions {
    /// Sets how figures are rounded.
    ///
    /// ```
    /// use danvan::render::vi::{Rounding, SummaryOptions};
    /// let opts = SummaryOptions::default().with_rounding(Rounding::PressAll);
    /// assert_eq!(opts.rounding, Rounding::PressAll);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn with_rounding(mut self, rounding: Rounding) -> SummaryOptions {
        self.rounding = rounding;
        self
    }

    /// Sets the level of the summarized unit.
    ///
    /// ```
    /// use danvan::render::vi::SummaryOptions;
    /// let opts = SummaryOptions::default().with_level(danvan::Level::Commune);
    /// assert_eq!(opts.level, danvan::Level::Commune);
    /// # Ok::<(), danvan::Error>(())
    /// ```
    #[must_use]
    pub fn with_level(mut self, level: Level) -> SummaryOptions {
        self.level = level;
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
/// use danvan::{Interval, Summary};
///
/// let mut s = Summary { unit_name: "Tỉnh Hải Dương".into(), year: 2022, ..Default::default() };
/// s.stocks.grassroots_blocks = Some(Interval::exact(235));
/// s.sector.training_conferences = Some(Interval::exact(222));
/// s.sector.participants = Some(Interval::at_least(6853));
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
/// let s = danvan::Summary { unit_name: "Huyện Nam Sách".into(), year: 2022, ..Default::default() };
/// let mut text = String::new();
/// write_annual_summary(&mut text, &s, &SummaryOptions::default())?;
/// assert_eq!(text, "Năm 2022, toàn huyện chưa có số liệu về công tác dân vận.");
/// # Ok::<(), std::fmt::Error>(())
/// ```
pub fn write_annual_summary<W: fmt::Write>(
    out: &mut W,
    summary: &Summary,
    opts: &SummaryOptions,
) -> fmt::Result {
    let year = summary.year;
    let area = area_noun(&summary.unit_name, opts.level);
    let fig = |r: Interval<u64>| reported(opts.rounding.apply(as_reported(r)));
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
        sentences.push(format!("Năm {year}, {}.", first.join("; ")));
    }
    if !sector.is_empty() {
        if sentences.is_empty() {
            sentences.push(format!("Năm {year}, ngành dân vận {}.", sector.join("; ")));
        } else {
            sentences.push(format!("Ngành dân vận {}.", sector.join("; ")));
        }
    }
    for (actor, words) in [(&summary.party, &PARTY), (&summary.sector, &SECTOR)] {
        if let Some(n) = actor.awarded_collectives {
            sentences.push(format!(
                "{} đã khen thưởng {} tập thể có thành tích trong công tác dân vận năm {year}.",
                words.subject,
                fig(n)
            ));
        }
    }
    if sentences.is_empty() {
        return write!(
            out,
            "Năm {year}, toàn {area} chưa có số liệu về công tác dân vận."
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
fn clauses(a: &ActorSummary, w: &ActorWords, fig: &dyn Fn(Interval<u64>) -> String) -> Vec<String> {
    let mut out = Vec::new();

    // Conferences: when every conference is a training one (or only training
    // ones are known), say "hội nghị tập huấn" as the seed does for the sector.
    let (count, noun) = match (a.conferences, a.training_conferences) {
        (Some(c), Some(t)) if c == t && c.is_exact() => (Some(t), "hội nghị tập huấn"),
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
        .try_fold(None::<Interval<u64>>, |sum, p| match sum {
            None => Some(Some(p)),
            Some(s) => s.checked_add(p).ok().map(Some),
        })
        .flatten();
    match (a.documents, documents.is_empty()) {
        (Some(total), false) if parts != Some(total) => out.push(format!(
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
    use crate::Count;

    fn exact(n: u64) -> Option<Interval<u64>> {
        Some(Interval::exact(n))
    }

    fn at_least(n: u64) -> Option<Interval<u64>> {
        Some(Interval::at_least(n))
    }

    fn summary(name: &str) -> Summary {
        Summary {
            unit_name: name.to_owned(),
            year: 2022,
            ..Summary::default()
        }
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
        s.sector.guidance_documents = at_least(30);
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
        assert!(annual_summary(&s, &opts).contains("hơn 10 hội nghị tuyên truyền, tập huấn"));
    }

    #[test]
    fn rounding_is_per_figure() {
        let mut s = summary("Tỉnh (synthetic)");
        s.party.conferences = exact(291);
        s.party.participants = exact(13_360);
        s.sector.training_conferences = exact(222);
        s.sector.participants = at_least(6_853);
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
        assert!(all.contains("hơn 200 hội nghị tuyên truyền, tập huấn về công tác dân vận cho hơn 13.000 người tham gia"));
        assert!(all.contains("hơn 200 hội nghị tập huấn về công tác dân vận cho hơn 6.800 người"));
    }

    #[test]
    fn rounding_never_touches_upper_bounds_or_abouts() {
        for q in [Qualifier::AtMost, Qualifier::About] {
            let r = Reported::new(q, Count::new(22_345));
            for rounding in [Rounding::Exact, Rounding::Press, Rounding::PressAll] {
                assert_eq!(rounding.apply(r), r);
            }
        }
    }
}
