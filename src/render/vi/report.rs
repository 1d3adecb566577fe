//! The Vietnamese words of the v2 report (issue 16): the paragraph of a
//! [`ReportPlan`] ([`write_report`]), its headings ([`heading`]) and the
//! text columns of its display rows. The plan holds no text; every word of
//! the report is chosen here, from the cells, the catalogue and the tables
//! of [`vi`](super).

use chrono::{Datelike, NaiveDate};

use crate::notation::{self, Style};
use crate::render::{Block, DisplayRow, EraSection, ReportPlan, StatedIn, Subject};
use crate::{
    Actor, AmountValue, AwardedBy, Catalogue, CatalogueEntry, CellId, CellValue, ChangeDirection,
    CubeCell, FigureCube, FigurePeriod, FigureValue, IndicatorId, Period, ScaleWord, ValueSpec,
    Word, Wording,
};

use super::{actor, actor_set, join_and};

/// Writes the report of a plan in Vietnamese: the unit's name, then each
/// period's block (its heading, then one line per section). Within a
/// section, the statements of one subject form a run said once: "Toàn
/// huyện …; …", "Ngành dân vận toàn huyện …; …" (an actor's own body of
/// the unit: "Hội Nông dân huyện …"). A clause led by its noun (an amount
/// without a verb, a change, a rate) continues a run, or stands as a
/// sentence naming whose figure it is. A unit without any figure of its
/// own says so. When other eras have data, the current era's paragraph is
/// followed by a sentence saying that its figures are the current units'
/// and that the other eras' figures, stated after it under their headings
/// ([`era_heading`]), are not added into them.
///
/// ```
/// # let d = danvan::DatasetV2::from_json(r#"{"schema": "danvan/dataset/v2", "period": {"start": "2024-01-01", "end": "2024-12-31"},
/// #   "units": [{"code": "30", "name": "Tỉnh A (synthetic)"}]}"#.as_bytes())?;
/// # let cube = danvan::FigureCube::build(&d, &danvan::Catalogue::builtin(), &d.hierarchy()?)?;
/// # let cat = danvan::Catalogue::builtin();
/// let plan = danvan::render::plan_report(&cube, &cat, &"30".parse()?, &Default::default())?;
/// assert_eq!(danvan::render::vi::write_report(&plan), "Tỉnh A (synthetic)\n\nToàn tỉnh chưa có số liệu.\n");
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn write_report(plan: &ReportPlan<'_>) -> String {
    let words = Words::of(plan);
    let mut out = format!("{}\n", one_line(&plan.unit_name));
    if plan.blocks.is_empty() {
        out.push_str(&format!(
            "\n{} chưa có số liệu.\n",
            capitalize(&words.area())
        ));
    }
    write_blocks(&mut out, plan, &words, &plan.blocks);
    if !plan.blocks.is_empty() && !plan.eras.is_empty() {
        out.push('\n');
        out.push_str(&eras_not_summed(&plan.eras, plan.cube().period()));
        out.push('\n');
    }
    // Another era's units after the current era's text, under their own
    // heading: nothing of theirs is said in the current paragraphs. Eras of
    // one part of the period share its heading, written once.
    let headings: Vec<String> = plan
        .eras
        .iter()
        .map(|e| era_heading(e, plan.cube().period()))
        .collect();
    for (k, heading) in headings.iter().enumerate() {
        if headings.iter().take(k).any(|h| h == heading) {
            continue;
        }
        out.push('\n');
        out.push_str(heading);
        out.push('\n');
        let same = plan
            .eras
            .iter()
            .zip(&headings)
            .filter(|(_, h)| *h == heading);
        for u in same.flat_map(|(e, _)| &e.units) {
            let words = Words::of_unit(plan, &u.unit_name, u.level);
            out.push('\n');
            out.push_str(&one_line(&u.unit_name));
            out.push('\n');
            write_blocks(&mut out, plan, &words, &u.blocks);
        }
    }
    out
}

/// The heading of another era's part of a report, from the era's part of
/// the period: "Trước ngày 01/07/2025" (the day after its last) when it runs
/// from the period's start and ends before the period's end, else "Từ ngày
/// … đến ngày …" (an era outside the period: "Các đơn vị từ ngày …", its date).
///
/// ```
/// let d = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let era = danvan::render::EraSection { era: d(2020, 1, 1),
///     period: Some(danvan::Period::new(d(2025, 1, 1), d(2025, 6, 30))?), units: Vec::new() };
/// assert_eq!(danvan::render::vi::era_heading(&era, danvan::Period::year(2025)?), "Trước ngày 01/07/2025");
/// let later = danvan::render::EraSection { period: Some(danvan::Period::new(d(2025, 3, 1), d(2025, 6, 30))?), ..era.clone() };
/// assert_eq!(danvan::render::vi::era_heading(&later, danvan::Period::year(2025)?),
///            "Từ ngày 01/03/2025 đến ngày 30/06/2025");
/// let outside = danvan::render::EraSection { period: None, ..era };
/// assert_eq!(danvan::render::vi::era_heading(&outside, danvan::Period::year(2025)?), "Các đơn vị từ ngày 01/01/2020");
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn era_heading(era: &EraSection, period: Period) -> String {
    match era_span(era, period) {
        Some(span) => capitalize(&span),
        None => format!("Các đơn vị từ ngày {}", notation::date(era.era)),
    }
}

/// The words of another era's part of the period, as its heading says
/// them: "trước ngày 01/07/2025", "đến ngày …", "từ ngày … đến ngày …";
/// `None` for an era outside the period.
fn era_span(era: &EraSection, period: Period) -> Option<String> {
    let p = era.period?;
    Some(if p.start() == period.start() && p.end() < period.end() {
        match p.end().succ_opt() {
            Some(next) => format!("trước ngày {}", notation::date(next)),
            None => format!("đến ngày {}", notation::date(p.end())),
        }
    } else {
        format!(
            "từ ngày {} đến ngày {}",
            notation::date(p.start()),
            notation::date(p.end())
        )
    })
}

/// The sentence after the current era's paragraph when other eras have
/// data: the figures above are the current units'; the other eras' units'
/// figures, stated below, are not added into them. Each era is named as
/// its heading names it (an era outside the period by its date: "từ ngày
/// 01/01/2020"), two eras of one part of the period once.
fn eras_not_summed(eras: &[EraSection], period: Period) -> String {
    let mut spans: Vec<String> = Vec::new();
    for e in eras {
        let span =
            era_span(e, period).unwrap_or_else(|| format!("từ ngày {}", notation::date(e.era)));
        // Two eras of one part of the period: named once.
        if !spans.contains(&span) {
            spans.push(span);
        }
    }
    let spans: Vec<&str> = spans.iter().map(String::as_str).collect();
    format!(
        "Số liệu trên là của các đơn vị hiện hành; số liệu của các đơn vị {} \
         nêu dưới đây không cộng vào số liệu trên.",
        join_and(&spans)
    )
}

/// Writes each period's block of a unit: its heading, then one line per section.
fn write_blocks(out: &mut String, plan: &ReportPlan<'_>, words: &Words<'_>, blocks: &[Block]) {
    for block in blocks {
        out.push('\n');
        out.push_str(&heading(&block.period));
        out.push('\n');
        for section in &block.sections {
            let mut sentences: Vec<String> = Vec::new();
            let mut run: Option<Run> = None;
            for st in &section.statements {
                let Some((first, parts)) = st.cells.split_first() else {
                    continue;
                };
                let Some(c) = plan.cube().cell(*first) else {
                    continue;
                };
                let subject = words.subject(&st.subject);
                let same = run.as_ref().is_some_and(|r| r.subject == subject);
                let with = words.clause(c, parts, &st.subject, true);
                let without = words.clause(c, parts, &st.subject, false);
                let movement = words.movement(c);
                match (with, without) {
                    (Clause::Verb(verb, with), Clause::Verb(_, without)) => {
                        if !same {
                            if let Some(r) = run.take() {
                                sentences.push(r.sentence());
                            }
                            run = Some(Run {
                                subject,
                                clauses: Vec::new(),
                            });
                        }
                        if let Some(r) = run.as_mut() {
                            r.clauses.push(RunClause {
                                verb,
                                with,
                                without,
                                movement,
                            });
                        }
                    }
                    (
                        Clause::Noun { in_run, alone },
                        Clause::Noun {
                            in_run: without, ..
                        },
                    ) => match run.as_mut() {
                        Some(r) if same => r.clauses.push(RunClause {
                            verb: String::new(),
                            with: in_run,
                            without,
                            movement,
                        }),
                        _ => {
                            if let Some(r) = run.take() {
                                sentences.push(r.sentence());
                            }
                            sentences.push(alone);
                        }
                    },
                    (Clause::Alone(text), _) | (_, Clause::Alone(text)) => {
                        if let Some(r) = run.take() {
                            sentences.push(r.sentence());
                        }
                        sentences.push(text);
                    }
                    // The two wordings of one cell are of one kind.
                    (Clause::Verb(_, text), _) | (Clause::Noun { alone: text, .. }, _) => {
                        if let Some(r) = run.take() {
                            sentences.push(r.sentence());
                        }
                        sentences.push(text);
                    }
                }
            }
            if let Some(r) = run.take() {
                sentences.push(r.sentence());
            }
            let sentences: Vec<String> = sentences
                .iter()
                .map(|s| format!("{}.", capitalize(&one_line(s))))
                .collect();
            out.push_str(&sentences.join(" "));
            out.push('\n');
        }
    }
}

/// Text of the data on one line: every control character (newline, tab,
/// …) and line or paragraph separator becomes a space, so a unit's name or
/// a label cannot break the report's lines nor a row's cell.
pub(crate) fn one_line(s: &str) -> String {
    if !s.chars().any(breaks_line) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| if breaks_line(c) { ' ' } else { c })
        .collect()
}

fn breaks_line(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A run of clauses with one subject.
struct Run {
    subject: String,
    clauses: Vec<RunClause>,
}

/// One clause of a run, with and without its movement phrases.
struct RunClause {
    /// Its verb; empty for a clause led by its noun.
    verb: String,
    with: String,
    without: String,
    /// Its movement phrases, "" when none.
    movement: String,
}

impl Run {
    /// The run as one sentence: a movement all its clauses share said once
    /// before the subject ("Trong phong trào …, ngành dân vận …"); clauses
    /// one after another with the same verb share it ("khen thưởng 4 tập thể
    /// và 8 cá nhân"); clauses apart by "; ".
    fn sentence(&self) -> String {
        let first = self.clauses.first().map_or("", |c| c.movement.as_str());
        let shared = self.clauses.len() > 1
            && !first.is_empty()
            && self.clauses.iter().all(|c| c.movement == first);
        // Consecutive clauses of one verb, grouped: (verb, texts).
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for c in &self.clauses {
            let text = if shared { &c.without } else { &c.with };
            match groups.last_mut() {
                Some((verb, texts)) if !verb.is_empty() && *verb == c.verb => {
                    texts.push(text);
                }
                _ => groups.push((c.verb.as_str(), vec![text.as_str()])),
            }
        }
        let mut out: Vec<String> = Vec::new();
        for (verb, texts) in groups {
            let rests: Option<Vec<&str>> = texts
                .iter()
                .map(|t| t.strip_prefix(verb).and_then(|r| r.strip_prefix(' ')))
                .collect();
            match rests {
                Some(rests) if rests.len() > 1 => {
                    let joined = if rests.iter().any(|r| r.contains(',') || r.contains(" và ")) {
                        rests.join("; ")
                    } else {
                        join_and(&rests)
                    };
                    out.push(format!("{verb} {joined}"));
                }
                _ => out.extend(texts.iter().map(|t| (*t).to_owned())),
            }
        }
        let body = format!("{} {}", self.subject, out.join("; "));
        if shared {
            format!("{first}, {body}")
        } else {
            body
        }
    }
}

/// The display rows of the cells of a plan, in the given order.
pub(crate) fn display_rows(
    plan: &ReportPlan<'_>,
    stated: &[(CellId, StatedIn)],
) -> Vec<DisplayRow> {
    let words = Words::of(plan);
    stated
        .iter()
        .filter_map(|(id, s)| Some(words.row(*id, plan.cube().cell(*id)?, *s)))
        .collect()
}

/// A clause of the paragraph.
enum Clause {
    /// Led by its verb (the first field; the second is the whole clause): it
    /// starts or continues its subject's run.
    Verb(String, String),
    /// Led by its noun: it continues its subject's run ("; tổng kinh phí …"),
    /// or, with no run to continue, stands alone naming whose figure it is.
    Noun { in_run: String, alone: String },
    /// A sentence of its own.
    Alone(String),
}

/// The words a dimension value adds to a clause, by where they go.
#[derive(Default)]
struct Phrases {
    /// "cho cá nhân", "cho hộ nghèo, …", "là tập thể".
    to: Vec<String>,
    /// Other declared values' words ("tiêu biểu"), and values without words.
    other: Vec<String>,
    /// "trong phong trào thi đua “Dân vận khéo”".
    movement: Vec<String>,
    /// "ở cấp xã".
    doer: Vec<String>,
    /// The award form's words ("bằng khen").
    form: Option<String>,
}

impl Phrases {
    /// The phrases after the counted noun, in order, each led by a space;
    /// the movement's only `with_movement` (else the run says it once).
    fn after(&self, with_movement: bool) -> String {
        let movement: &[String] = if with_movement { &self.movement } else { &[] };
        let mut out = String::new();
        for p in self
            .to
            .iter()
            .chain(&self.other)
            .chain(movement)
            .chain(&self.doer)
        {
            out.push(' ');
            out.push_str(p);
        }
        out
    }
}

/// "Tặng", "trao", "trao tặng": a verb of giving, whose recipients follow "cho".
fn gives(verb: &str) -> bool {
    verb.split_whitespace().any(|w| w == "trao" || w == "tặng")
}

/// Makes `target` say the value's words when they refine it: equal (nothing
/// to add), longer words that start with it ("giải" → "giải nhất"), or one
/// item of a lumped target ("tập thể, cá nhân" → "tập thể").
fn refine(target: &mut String, words: &str) -> bool {
    if target.is_empty() {
        return false;
    }
    if target == words {
        return true;
    }
    let starts = words.starts_with(target.as_str()) && words[target.len()..].starts_with(' ');
    if starts || target.split(", ").any(|x| x == words) {
        *target = words.to_owned();
        return true;
    }
    false
}

/// What the words of a cell need.
struct Words<'a> {
    cube: &'a FigureCube,
    catalogue: &'a Catalogue,
    style: Style,
    /// The area noun of the unit: "huyện", "thành phố", "phường", …
    noun: &'static str,
}

impl<'a> Words<'a> {
    fn of(plan: &ReportPlan<'a>) -> Words<'a> {
        Words::of_unit(plan, &plan.unit_name, plan.level)
    }

    /// The words of a plan for one of its units (a predecessor of another era).
    fn of_unit(plan: &ReportPlan<'a>, name: &str, level: crate::Level) -> Words<'a> {
        Words {
            cube: plan.cube(),
            catalogue: plan.catalogue(),
            style: plan.style,
            noun: super::summary::area_noun(name, level),
        }
    }

    /// "toàn huyện", "toàn thành phố", …
    fn area(&self) -> String {
        format!("toàn {}", self.noun)
    }

    /// The words of a run's subject: the area, or the actor of the unit
    /// ("ngành dân vận toàn huyện", "Hội Nông dân huyện").
    fn subject(&self, s: &Subject) -> String {
        match s {
            Subject::Actors(actors) => self.actors(actors),
            _ => self.area(),
        }
    }

    /// An actor set of the unit: its words, then the area: "toàn huyện"
    /// after the bodies of every level ("cấp ủy, tổ chức đảng các cấp",
    /// "ngành dân vận"), the area noun after one body ("Hội Nông dân huyện").
    fn actors(&self, actors: &[Actor]) -> String {
        let words = actor_set(actors);
        if words.is_empty() {
            return self.area();
        }
        let last = actors.iter().rev().find(|a| !actor(**a).is_empty());
        let every_level = matches!(
            last,
            Some(
                Actor::PartyCommittees
                    | Actor::MobilizationSector
                    | Actor::FrontAndMassOrganizations
                    | Actor::ArmedForces
            )
        );
        if every_level {
            format!("{words} toàn {}", self.noun)
        } else {
            format!("{words} {}", self.noun)
        }
    }

    /// Whose figure a clause led by its noun states, after the noun: " toàn
    /// huyện", " của ngành dân vận toàn huyện".
    fn whose(&self, s: &Subject) -> String {
        match s {
            Subject::Actors(actors) if !actor_set(actors).is_empty() => {
                format!(" của {}", self.actors(actors))
            }
            _ => format!(" {}", self.area()),
        }
    }

    fn entry(&self, c: &CubeCell) -> Option<&CatalogueEntry> {
        self.catalogue.get(&c.key.indicator)
    }

    /// The indicator's label: the catalogue's, the built-in's, or its id.
    fn label(&self, c: &CubeCell) -> String {
        if let Some(l) = self.entry(c).and_then(|e| e.label.clone()) {
            return l;
        }
        match c.key.indicator.builtin() {
            Some(b) => super::label(b).to_owned(),
            None => c.key.indicator.as_str().to_owned(),
        }
    }

    /// The wording: the catalogue's, else the built-in's table.
    fn wording(&self, c: &CubeCell) -> Option<Wording> {
        if let Some(w) = self.entry(c).and_then(|e| e.wording.clone()) {
            return Some(w);
        }
        c.key.indicator.builtin().map(super::builtin_wording)
    }

    /// The unit word of a count: the wording's, the entry's, the built-in's.
    fn unit_word(&self, c: &CubeCell) -> String {
        self.wording(c)
            .and_then(|w| w.unit_word)
            .or_else(|| self.entry(c).and_then(|e| e.unit_word.clone()))
            .unwrap_or_default()
    }

    /// The value as the report writes it.
    fn value(&self, c: &CubeCell) -> String {
        match (&c.value, &c.stated) {
            (CellValue::Count(_), Some(FigureValue::Count(r))) => notation::reported(*r),
            (CellValue::Count(i), _) => notation::interval(*i, self.style),
            (CellValue::Amount { .. }, Some(FigureValue::Amount(a))) => stated_amount(a),
            (CellValue::Amount { value, unit }, _) => format!(
                "{} {}",
                notation::amount_interval(*value, self.style),
                unit.as_str()
            ),
            (CellValue::Rate(r), _) => {
                let word = notation::word(Word::default_for(r.qualifier));
                let p = format!("{}%", notation::decimal(r.percent.normalize()));
                if word.is_empty() {
                    p
                } else {
                    format!("{word} {p}")
                }
            }
            (CellValue::Ratio(r), _) => {
                format!("{}/{}", notation::reported(r.num), notation::count(r.den))
            }
            (CellValue::Duration(d), _) => {
                format!("{} {}", notation::decimal(d.duration), d.unit.as_str())
            }
            (CellValue::Times(f), _) => format!("gấp {} lần", notation::decimal(f.normalize())),
        }
    }

    /// "12 mô hình “Dân vận khéo”", "5 căn nhà đại đoàn kết": a count with its unit word and noun.
    /// A unit word ending in the noun's first word says it once: "lượt hộ" +
    /// "hộ nghèo" is "lượt hộ nghèo".
    fn counted(value: &str, unit_word: &str, noun: &str) -> String {
        if unit_word.is_empty() || noun.starts_with(unit_word) {
            return join_words(&[value, noun]);
        }
        if noun.is_empty() || noun == unit_word {
            return join_words(&[value, unit_word]);
        }
        if let Some((head, last)) = unit_word.rsplit_once(' ') {
            if noun.starts_with(last) && noun[last.len()..].starts_with(' ') {
                return join_words(&[value, head, noun]);
            }
        }
        join_words(&[value, unit_word, noun])
    }

    /// The words of a dimension value: the built-in table's, the dataset's
    /// declared words; none when neither words it.
    fn value_words(&self, d: &IndicatorId, v: &IndicatorId) -> Option<String> {
        match super::dimension_value(d.as_str(), v.as_str()) {
            Some(w) => Some(w.to_owned()),
            None => self.cube.value_label(d, v).map(str::to_owned),
        }
    }

    /// A value no table words: the dimension's label (or id) and the value's id.
    fn unworded(&self, d: &IndicatorId, v: &IndicatorId) -> String {
        match self.cube.dimension_label(d) {
            Some(label) => format!("{label}: {}", v.as_str()),
            None => format!("{} {}", d.as_str(), v.as_str()),
        }
    }

    /// The words of a cell's dimension values (those not in `except`), as
    /// the table lists them.
    fn dims(&self, c: &CubeCell, except: Option<&CubeCell>) -> Vec<String> {
        c.key
            .dims
            .iter()
            .filter(|(d, v)| except.map_or(true, |w| w.key.dims.get(*d) != Some(*v)))
            .map(|(d, v)| {
                self.value_words(d, v)
                    .unwrap_or_else(|| self.unworded(d, v))
            })
            .collect()
    }

    /// The phrases of a cell's dimension values (those not in `except`) in
    /// a clause: a value that refines the counted noun or unit word becomes
    /// it ("giải" → "giải nhất", "tập thể, cá nhân" → "tập thể"); a
    /// recipient or target group follows "cho" after a verb of giving
    /// ("là" after another verb), a movement "trong", a doer level "ở".
    fn phrases(
        &self,
        c: &CubeCell,
        except: Option<&CubeCell>,
        verb: &str,
        noun: &mut String,
        unit_word: &mut String,
    ) -> Phrases {
        let mut out = Phrases::default();
        for (d, v) in &c.key.dims {
            if except.is_some_and(|w| w.key.dims.get(d) == Some(v)) {
                continue;
            }
            let Some(words) = self.value_words(d, v) else {
                out.other.push(format!("({})", self.unworded(d, v)));
                continue;
            };
            match d.as_str() {
                // A fund named by its movement: "quỹ “Vì người nghèo”".
                "movement" if noun.as_str() == "quỹ" && words.starts_with('\u{201c}') => {
                    *noun = format!("quỹ {words}");
                }
                "movement" => {
                    let lead = if words.starts_with(|ch: char| ch.is_lowercase()) {
                        "trong"
                    } else {
                        "hưởng ứng"
                    };
                    out.movement.push(format!("{lead} {words}"));
                }
                // The villages of a ward or town are its quarters.
                "doer_level"
                    if v.as_str() == "village" && matches!(self.noun, "phường" | "thị trấn") =>
                {
                    out.doer.push("ở khu phố, tổ dân phố".to_owned());
                }
                "doer_level" => out.doer.push(format!("ở {words}")),
                "award_form" => out.form = Some(words),
                dim => {
                    if refine(noun, &words) || refine(unit_word, &words) {
                        continue;
                    }
                    let to = dim == "recipient" || dim == "target_group";
                    if to && gives(verb) {
                        out.to.push(format!("cho {words}"));
                    } else if dim == "recipient" {
                        out.to.push(format!("là {words}"));
                    } else if to {
                        out.to.push(format!("cho {words}"));
                    } else {
                        out.other.push(words);
                    }
                }
            }
        }
        out
    }

    /// Who gave an award: the body, then the unit's name ("Thành phố Hồ Chí
    /// Minh"), or, for a unit the data does not name, its level ("cấp tỉnh").
    fn awarder(&self, a: &AwardedBy) -> String {
        let mut who: Vec<String> = Vec::new();
        if let Some(x) = a.actor {
            let w = actor(x);
            if !w.is_empty() {
                who.push(w.to_owned());
            }
        }
        let named = a
            .unit
            .and_then(|u| self.cube.hierarchy().get(&u))
            .filter(|x| x.name() != x.code().to_string());
        if let Some(x) = named {
            who.push(x.name().to_owned());
        } else if let Some(l) = a.level.or_else(|| a.unit.map(|u| u.level())) {
            who.push(super::level(l).to_owned());
        }
        who.join(" ")
    }

    /// "được … khen thưởng", as the table lists it.
    fn awarded_by(&self, a: &AwardedBy) -> String {
        format!("được {} khen thưởng", self.awarder(a))
    }

    /// The named recipients after a clause: "cho A và B" after a verb of
    /// giving, ": A, B và C" after "gồm", " gồm A và B" otherwise.
    fn named(c: &CubeCell, verb: &str) -> String {
        if c.named.is_empty() {
            return String::new();
        }
        let names: Vec<&str> = c.named.iter().map(String::as_str).collect();
        let names = join_and(&names);
        if gives(verb) {
            format!(" cho {names}")
        } else if verb == "gồm" {
            format!(": {names}")
        } else {
            format!(" gồm {names}")
        }
    }

    /// A part after "trong đó": its value, unit word and what sets it apart.
    fn part(&self, whole: &CubeCell, p: &CubeCell, verb: &str) -> String {
        let value = self.value(p);
        let mut unit_word = self.unit_word(whole);
        let mut noun = String::new();
        let phrases = self.phrases(p, Some(whole), verb, &mut noun, &mut unit_word);
        let mut text = match p.value {
            CellValue::Count(_) => Words::counted(&value, &unit_word, &noun),
            _ => value,
        };
        text.push_str(&phrases.after(true));
        if p.key.actor != whole.key.actor {
            let a = actor_set(&p.key.actor);
            if !a.is_empty() {
                text.push_str(&format!(" của {a}"));
            }
        }
        if let Some(l) = &p.label {
            text.push_str(&format!(" ({l})"));
        }
        text
    }

    /// ", trong đó …" of a whole's parts.
    fn parts(&self, c: &CubeCell, parts: &[CellId], verb: &str) -> String {
        if parts.is_empty() {
            return String::new();
        }
        let complete = parts
            .first()
            .and_then(|p| self.cube.cell(*p))
            .is_some_and(|p| p.part_complete);
        let lead = if complete {
            "trong đó"
        } else {
            "trong đó có"
        };
        let items: Vec<String> = parts
            .iter()
            .filter_map(|p| self.cube.cell(*p))
            .map(|p| self.part(c, p, verb))
            .collect();
        format!(", {lead} {}", items.join(", "))
    }

    /// The movement phrases of a cell ("trong phong trào …"), which a run
    /// whose clauses all share them says once, before its subject.
    fn movement(&self, c: &CubeCell) -> String {
        let (mut noun, mut unit_word) = (String::new(), String::new());
        self.phrases(c, None, "", &mut noun, &mut unit_word)
            .movement
            .join(" ")
    }

    /// The clause of a cell (and its parts) in a run of `subject`, with its
    /// movement phrases or without them.
    fn clause(
        &self,
        c: &CubeCell,
        parts: &[CellId],
        subject: &Subject,
        with_movement: bool,
    ) -> Clause {
        let label = self.label(c);
        let value = self.value(c);
        let wording = self.wording(c);
        let verb = wording
            .as_ref()
            .and_then(|w| w.verb.clone())
            .unwrap_or_default();
        let mut unit_word = self.unit_word(c);
        let worded = wording
            .as_ref()
            .is_some_and(|w| w.verb.is_some() || w.noun.is_some());
        let mut noun = wording
            .as_ref()
            .and_then(|w| w.noun.clone())
            .unwrap_or_else(|| label.clone());
        let mut phrases = self.phrases(c, None, &verb, &mut noun, &mut unit_word);
        // Named recipients of a gift follow its "cho": "cho cá nhân Lê Văn A".
        let mut named = Words::named(c, &verb);
        if gives(&verb) && !c.named.is_empty() {
            let names: Vec<&str> = c.named.iter().map(String::as_str).collect();
            let names = join_and(&names);
            match phrases.to.iter_mut().find(|t| t.starts_with("cho ")) {
                Some(to) => *to = format!("{to} {names}"),
                None => phrases.to.insert(0, format!("cho {names}")),
            }
            named = String::new();
        }
        // "có" says nothing a ratio or rate does not.
        let verb = if verb == "có" && !matches!(c.value, CellValue::Count(_)) {
            String::new()
        } else {
            verb
        };
        let after = phrases.after(with_movement);
        let whose = self.whose(subject);
        let parts_text = self.parts(c, parts, &verb);
        let thêm = if c.key.additional { " thêm" } else { "" };
        let form = phrases
            .form
            .as_ref()
            .map(|f| format!(" với hình thức {f}"))
            .unwrap_or_default();
        let size = match c.value {
            CellValue::Count(_) | CellValue::Ratio(_) => join_words(&[&value, &unit_word]),
            _ => value.clone(),
        };
        if let Some(change) = &c.key.change {
            let compared = period_words(&change.compared_to);
            let moved = match change.direction {
                ChangeDirection::Times => format!("{value} so với {compared}"),
                ChangeDirection::Increase => format!("tăng {size} so với {compared}"),
                ChangeDirection::Decrease => format!("giảm {size} so với {compared}"),
            };
            return Clause::Noun {
                in_run: format!("số {noun}{after} {moved}{parts_text}"),
                alone: format!("số {noun}{whose}{after} {moved}{parts_text}"),
            };
        }
        if !worded {
            // No wording: "label của …: value".
            let of = match subject {
                Subject::Actors(a) if !actor_set(a).is_empty() => {
                    format!(" của {}", self.actors(a))
                }
                _ => String::new(),
            };
            let more = if c.key.additional { "thêm " } else { "" };
            let mut tail = after.clone();
            if let Some(a) = &c.key.awarded_by {
                tail.push(' ');
                tail.push_str(&self.awarded_by(a));
            }
            let of = if of.is_empty() {
                format!(" {}", self.area())
            } else {
                of
            };
            return Clause::Alone(format!(
                "{label}{of}: {more}{size}{tail}{form}{named}{parts_text}"
            ));
        }
        let of_target = self
            .entry(c)
            .is_some_and(|e| e.value == ValueSpec::RateOfTarget);
        match c.value {
            CellValue::Count(_) => {
                let counted = Words::counted(&value, &unit_word, &noun);
                if verb.is_empty() {
                    // A count without a verb is what the subject has: "toàn
                    // huyện có 94 thôn, tổ dân phố cử đội dự thi".
                    return Clause::Verb(
                        "có".to_owned(),
                        format!("có{thêm} {counted}{after}{form}{named}{parts_text}"),
                    );
                }
                match &c.key.awarded_by {
                    Some(a) => {
                        let how = match &phrases.form {
                            Some(f) => format!("tặng {f}"),
                            None => verb.clone(),
                        };
                        Clause::Verb(
                            "có".to_owned(),
                            format!(
                                "có{thêm} {counted}{after} được {} {how}{named}{parts_text}",
                                self.awarder(a)
                            ),
                        )
                    }
                    None => Clause::Verb(
                        format!("{verb}{thêm}"),
                        format!("{verb}{thêm} {counted}{after}{form}{named}{parts_text}"),
                    ),
                }
            }
            CellValue::Amount { .. } => {
                let more = if c.key.additional { "thêm " } else { "" };
                if verb == "trị giá" {
                    Clause::Noun {
                        in_run: format!("{more}{noun} trị giá {value}{after}{parts_text}"),
                        alone: format!("{more}{noun}{whose} trị giá {value}{after}{parts_text}"),
                    }
                } else if verb.is_empty() {
                    Clause::Noun {
                        in_run: format!("{noun}{thêm} {value}{after}{parts_text}"),
                        alone: format!("{noun}{whose}{thêm} {value}{after}{parts_text}"),
                    }
                } else {
                    Clause::Verb(
                        format!("{verb}{thêm}"),
                        format!("{verb}{thêm} {noun} {value}{after}{form}{parts_text}"),
                    )
                }
            }
            CellValue::Rate(_) => {
                let reached = if of_target && !noun.contains("chỉ tiêu") {
                    format!("đạt {value} chỉ tiêu")
                } else if of_target {
                    format!("đạt {value}")
                } else if verb.is_empty() {
                    format!("là {value}")
                } else {
                    // "tỷ lệ hộ nghèo giảm còn 3,2%".
                    format!("{verb} {value}")
                };
                if verb.is_empty() || !of_target {
                    Clause::Noun {
                        in_run: format!("{noun}{after} {reached}"),
                        alone: format!("{noun}{whose}{after} {reached}"),
                    }
                } else {
                    Clause::Verb(verb.clone(), format!("{verb} {noun}{after} {reached}"))
                }
            }
            CellValue::Ratio(_) => {
                if verb.is_empty() {
                    Clause::Noun {
                        in_run: format!("{noun}{after}: {size}"),
                        alone: format!("{noun}{whose}{after}: {size}"),
                    }
                } else {
                    Clause::Verb("có".to_owned(), format!("có {size} {verb} {noun}{after}"))
                }
            }
            CellValue::Duration(_) | CellValue::Times(_) => {
                // A verb whose subject is the noun ("hội thi diễn ra 2
                // ngày"); a review of a length of time ("tổng kết 5 năm
                // phong trào …"); a verb of the subject ("thực hiện chỉ thị
                // trong 5 năm").
                if verb.is_empty() || verb == "diễn ra" || verb == "kéo dài" {
                    let verb = if verb.is_empty() { "kéo dài" } else { &verb };
                    Clause::Noun {
                        in_run: format!("{noun} {verb} {value}{after}"),
                        alone: format!("{noun}{whose} {verb} {value}{after}"),
                    }
                } else if verb == "sơ kết" || verb == "tổng kết" {
                    Clause::Verb(verb.clone(), format!("{verb} {value} {noun}{after}"))
                } else {
                    Clause::Verb(verb.clone(), format!("{verb} {noun} trong {value}{after}"))
                }
            }
        }
    }

    /// The display row of a cell.
    fn row(&self, id: CellId, c: &CubeCell, stated_in: StatedIn) -> DisplayRow {
        // A cell of another era names its unit of that era.
        let h = c
            .key
            .era
            .and_then(|e| self.cube.era_hierarchy(e))
            .unwrap_or_else(|| self.cube.hierarchy());
        let unit = h.get(&c.key.unit);
        let (low, high, tone, estimate) = match &c.value {
            CellValue::Count(i) => (
                Some(i.low().to_string()),
                i.high().map(|x| x.to_string()),
                Some(i.tone()),
                i.estimate().map(|x| x.to_string()),
            ),
            CellValue::Amount { value, .. } => (
                Some(value.low().get().normalize().to_string()),
                value.high().map(|x| x.get().normalize().to_string()),
                Some(value.tone()),
                value.estimate().map(|x| x.get().normalize().to_string()),
            ),
            _ => (None, None, None, None),
        };
        let mut dims = self.dims(c, None);
        if let Some(l) = &c.label {
            dims.push(l.clone());
        }
        if let Some(change) = &c.key.change {
            let what = match change.direction {
                ChangeDirection::Increase => "tăng",
                ChangeDirection::Decrease => "giảm",
                ChangeDirection::Times => "gấp",
            };
            dims.push(format!(
                "{what} so với {}",
                period_words(&change.compared_to)
            ));
        }
        if c.key.additional {
            dims.push("thêm".to_owned());
        }
        if let Some(a) = &c.key.awarded_by {
            dims.push(self.awarded_by(a));
        }
        let value = match c.value {
            CellValue::Count(_) => {
                let mut unit_word = self.unit_word(c);
                if unit_word.is_empty() {
                    // No unit word: the noun, refined by the values, says
                    // what is counted ("8 tập thể").
                    let mut noun = self.wording(c).and_then(|w| w.noun).unwrap_or_default();
                    self.phrases(c, None, "", &mut noun, &mut unit_word);
                    join_words(&[&self.value(c), &noun])
                } else {
                    join_words(&[&self.value(c), &unit_word])
                }
            }
            _ => self.value(c),
        };
        DisplayRow {
            cell: id.0,
            unit: c.key.unit.to_string(),
            unit_name: unit.map(|u| one_line(u.name())).unwrap_or_default(),
            level: unit
                .map(|u| u.level().as_str().to_owned())
                .unwrap_or_default(),
            period: figure_period_words(&c.key.period),
            indicator: c.key.indicator.as_str().to_owned(),
            label: one_line(&self.label(c)),
            actor: actor_set(&c.key.actor),
            dims: one_line(&dims.join("; ")),
            low,
            high,
            tone,
            estimate,
            value: one_line(&value),
            origin: c.origin.as_str().to_owned(),
            complete: c.complete,
            conflict: c.conflict,
            stated_in,
            era: c.key.era.map(|e| e.format("%Y-%m-%d").to_string()),
        }
    }
}

/// Words joined by one space, empty ones left out.
fn join_words(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| !w.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An amount as the report stated it: its word, the number as written, the
/// scale word, the unit ("gần 1,7 tỷ đồng").
fn stated_amount(a: &AmountValue) -> String {
    let text = notation::measure(a.stated());
    let Some(scale) = a.scale() else {
        return text;
    };
    let unit = a.stated().unit().as_str();
    let scale = match scale {
        ScaleWord::Thousand => "nghìn",
        ScaleWord::Million => "triệu",
        ScaleWord::Billion => "tỷ",
    };
    match text.strip_suffix(unit) {
        Some(head) => format!("{head}{scale} {unit}"),
        None => format!("{text} ({scale})"),
    }
}

/// The first letter upper-case.
pub(crate) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The last day of a month.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// How a period of dates is named, and whether a heading says "Trong" before it.
fn dates_words(p: Period) -> (String, bool) {
    let (s, e) = (p.start(), p.end());
    let whole_years = s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31;
    if s == e {
        return (format!("ngày {}", notation::date(s)), false);
    }
    if whole_years && s.year() == e.year() {
        return (format!("năm {}", s.year()), false);
    }
    if whole_years {
        return (format!("từ năm {} đến năm {}", s.year(), e.year()), false);
    }
    if s.day() == 1 && s.year() == e.year() {
        let months = (1..=12u32)
            .find(|k| s.month() + k - 1 <= 12 && month_end(s.year(), s.month() + k - 1) == Some(e));
        let y = s.year();
        let m = s.month();
        match months {
            Some(1) => return (format!("tháng {m}/{y}"), true),
            Some(3) if (m - 1) % 3 == 0 => {
                let q = ["I", "II", "III", "IV"]
                    .get(((m - 1) / 3) as usize)
                    .copied()
                    .unwrap_or("");
                return (format!("quý {q}/{y}"), true);
            }
            Some(6) if m == 1 => return (format!("6 tháng đầu năm {y}"), true),
            Some(6) if m == 7 => return (format!("6 tháng cuối năm {y}"), true),
            Some(9) if m == 1 => return (format!("9 tháng đầu năm {y}"), true),
            _ => {}
        }
    }
    (
        format!(
            "từ ngày {} đến ngày {}",
            notation::date(s),
            notation::date(e)
        ),
        false,
    )
}

/// A compared period in words ("năm 2022", "quý II/2016").
fn period_words(p: &Period) -> String {
    dates_words(*p).0
}

/// A figure's period in words, lower-case.
fn figure_period_words(p: &FigurePeriod) -> String {
    match p {
        FigurePeriod::Dates(d) => dates_words(*d).0,
        FigurePeriod::ToDate { start, to_date } => {
            if start.month() == 1 && start.day() == 1 && start.year() == to_date.year() {
                format!(
                    "năm {} (tính đến ngày {:02}/{:02})",
                    start.year(),
                    to_date.day(),
                    to_date.month()
                )
            } else {
                format!(
                    "từ ngày {} đến ngày {}",
                    notation::date(*start),
                    notation::date(*to_date)
                )
            }
        }
        FigurePeriod::Since { start } => {
            if start.month() == 1 && start.day() == 1 {
                format!("từ năm {} đến nay", start.year())
            } else {
                format!("từ ngày {} đến nay", notation::date(*start))
            }
        }
        FigurePeriod::Unknown => "chưa rõ thời gian".to_owned(),
        FigurePeriod::Years {
            years,
            ending,
            calendar,
        } => match (ending, calendar) {
            (crate::PeriodEnd::Year(y), true) => {
                let first = i32::from(*years).saturating_sub(1);
                format!(
                    "{years} năm, từ năm {} đến năm {y}",
                    y.saturating_sub(first)
                )
            }
            (crate::PeriodEnd::Year(y), false) => format!("{years} năm, đến năm {y}"),
            (crate::PeriodEnd::Date(d), _) => {
                format!("{years} năm, tính đến ngày {}", notation::date(*d))
            }
        },
    }
}

/// A block's heading: "Năm 2024", "Trong quý II/2016", "Từ năm 2011 đến năm
/// 2021", "Năm 2025 (tính đến ngày 15/11)", "Từ năm 2011 đến nay".
///
/// ```
/// let p = danvan::FigurePeriod::Dates(danvan::Period::new(
///     chrono::NaiveDate::from_ymd_opt(2016, 4, 1).unwrap(), chrono::NaiveDate::from_ymd_opt(2016, 6, 30).unwrap())?);
/// assert_eq!(danvan::render::vi::heading(&p), "Trong quý II/2016");
/// # Ok::<(), danvan::Error>(())
/// ```
#[must_use]
pub fn heading(p: &FigurePeriod) -> String {
    match p {
        FigurePeriod::Dates(d) => match dates_words(*d) {
            (w, true) => format!("Trong {w}"),
            (w, false) => capitalize(&w),
        },
        other => capitalize(&figure_period_words(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Period;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dates(s: NaiveDate, e: NaiveDate) -> FigurePeriod {
        FigurePeriod::Dates(Period::new(s, e).unwrap())
    }

    #[test]
    fn headings_come_from_the_period() {
        let years = |years, ending, calendar| FigurePeriod::Years {
            years,
            ending,
            calendar,
        };
        let cases = [
            (dates(day(2024, 1, 1), day(2024, 12, 31)), "Năm 2024"),
            (
                dates(day(2016, 4, 1), day(2016, 6, 30)),
                "Trong quý II/2016",
            ),
            (
                dates(day(2011, 1, 1), day(2021, 12, 31)),
                "Từ năm 2011 đến năm 2021",
            ),
            (
                FigurePeriod::ToDate {
                    start: day(2025, 1, 1),
                    to_date: day(2025, 11, 15),
                },
                "Năm 2025 (tính đến ngày 15/11)",
            ),
            (
                FigurePeriod::Since {
                    start: day(2011, 1, 1),
                },
                "Từ năm 2011 đến nay",
            ),
            (
                dates(day(2025, 1, 1), day(2025, 6, 30)),
                "Trong 6 tháng đầu năm 2025",
            ),
            (
                dates(day(2024, 2, 1), day(2024, 2, 29)),
                "Trong tháng 2/2024",
            ),
            (
                dates(day(2024, 2, 3), day(2024, 5, 9)),
                "Từ ngày 03/02/2024 đến ngày 09/05/2024",
            ),
            (FigurePeriod::Unknown, "Chưa rõ thời gian"),
            (dates(day(2023, 10, 7), day(2023, 10, 7)), "Ngày 07/10/2023"),
            (
                years(5, crate::PeriodEnd::Year(2023), false),
                "5 năm, đến năm 2023",
            ),
            (
                years(5, crate::PeriodEnd::Year(2023), true),
                "5 năm, từ năm 2019 đến năm 2023",
            ),
            (
                years(10, crate::PeriodEnd::Date(day(2021, 6, 30)), false),
                "10 năm, tính đến ngày 30/06/2021",
            ),
        ];
        for (period, words) in cases {
            assert_eq!(heading(&period), words, "{period:?}");
        }
    }

    #[test]
    fn stated_amounts_keep_their_scale_word() {
        let a: AmountValue = serde_json::from_str(
            r#"{"amount": "1.7", "scale": "tỷ", "unit": "đồng", "qualifier": "at_most"}"#,
        )
        .unwrap();
        assert_eq!(stated_amount(&a), "không quá 1,7 tỷ đồng");
        let b: AmountValue = serde_json::from_str(r#"{"amount": "250", "unit": "m²"}"#).unwrap();
        assert_eq!(stated_amount(&b), "250 m²");
        assert_eq!(capitalize("đoàn"), "Đoàn");
    }

    #[test]
    fn values_refine_the_counted_noun() {
        let mut noun = "giải".to_owned();
        assert!(refine(&mut noun, "giải nhất"));
        assert_eq!(noun, "giải nhất");
        let mut lump = "tập thể, cá nhân".to_owned();
        assert!(refine(&mut lump, "cá nhân"));
        assert_eq!(lump, "cá nhân");
        let mut same = "tập thể, cá nhân".to_owned();
        assert!(refine(&mut same, "tập thể, cá nhân"));
        let mut other = "gương".to_owned();
        assert!(!refine(&mut other, "tiêu biểu"));
        assert!(!refine(&mut other, "gươngx"));
        assert_eq!(other, "gương");
        assert!(!refine(&mut String::new(), "giải nhất"));
        assert_eq!(
            Words::counted("17.743", "lượt hộ", "hộ nghèo"),
            "17.743 lượt hộ nghèo"
        );
        assert_eq!(
            Words::counted("5", "căn", "nhà đại đoàn kết"),
            "5 căn nhà đại đoàn kết"
        );
        assert_eq!(one_line("A\nB\tC\u{2028}D"), "A B C D");
    }

    #[test]
    fn a_run_shares_its_subject_verb_and_movement() {
        let clause = |verb: &str, text: &str, movement: &str| RunClause {
            verb: verb.to_owned(),
            with: format!("{text} {movement}"),
            without: text.to_owned(),
            movement: movement.to_owned(),
        };
        let run = Run {
            subject: "chính quyền xã".to_owned(),
            clauses: vec![
                clause("khen thưởng", "khen thưởng 4 tập thể", "trong X"),
                clause("khen thưởng", "khen thưởng 8 cá nhân", "trong X"),
                clause("", "tổng kinh phí 2 tỷ đồng", "trong X"),
            ],
        };
        assert_eq!(
            run.sentence(),
            "trong X, chính quyền xã khen thưởng 4 tập thể và 8 cá nhân; tổng kinh phí 2 tỷ đồng"
        );
        let run = Run {
            subject: "toàn xã".to_owned(),
            clauses: vec![
                clause("trao", "trao 1 giải nhất cho A, B", "trong X"),
                clause("trao", "trao 2 giải nhì", "trong Y"),
            ],
        };
        assert_eq!(
            run.sentence(),
            "toàn xã trao 1 giải nhất cho A, B trong X; 2 giải nhì trong Y"
        );
    }
}
