//! # danvan
//!
//! One set of types and rules for the indicators of Vietnamese mass-mobilization
//! work (công tác dân vận): typed figures, whole-dataset validation with clear
//! messages in English and Vietnamese, totals along the administrative
//! hierarchy and over periods, and the annual summary written the way a
//! province writes it.
//!
//! A commune's data-entry form, a district dashboard and the province's report
//! generator read the same exchange document ([`Dataset`], JSON schema
//! `danvan/dataset/v1`), check it with the same rules ([`check`]) and show
//! the same numbers in the same notation ([`notation`], [`render::vi`]).
//!
//! The crate is pure: no I/O beyond readers that take [`std::io::Read`] (and
//! CSV writers that take [`std::io::Write`]), no global state, no clock, no
//! network. The same input gives the same output.
//!
//! ```
//! // What a district sends: its units, one conference and two reported figures.
//! let json = r#"{
//!     "schema": "danvan/dataset/v1",
//!     "period": {"start": "2022-01-01", "end": "2022-12-31"},
//!     "units": [
//!         {"code": "30", "name": "Tỉnh Hải Dương"},
//!         {"code": "288", "name": "Thành phố Hải Dương", "parent": "30"}
//!     ],
//!     "conferences": [{"unit": "288", "date": "2022-03-15", "actor": "party_committees",
//!                      "kind": "both", "participants": 120}],
//!     "figures": [
//!         {"indicator": "training_conferences", "unit": "288",
//!          "actor": "mobilization_sector", "value": 22},
//!         {"indicator": "conference_participants", "unit": "288",
//!          "actor": "mobilization_sector", "value": {"at_least": 6800}}
//!     ]
//! }"#;
//! let dataset = danvan::Dataset::from_json(json.as_bytes())?;
//! // A rejected dataset gives back a Report of every problem, each with a code,
//! // a path and the values involved (see "How to validate an upload").
//! let checked = danvan::check(dataset)?;
//! for warning in checked.warnings().issues() {
//!     println!("{warning}");
//! }
//! let participants = &checked.dataset().figures[1];
//! assert_eq!(participants.actor()?, danvan::Actor::MobilizationSector);
//! let value = participants.value.ok_or("a count figure has a value")?;
//! assert_eq!(danvan::notation::reported(value), "hơn 6.800");
//! assert_eq!(value.bounds(), (6800, None));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## The main types
//!
//! - Quantities: [`Count`] (checked, never wraps), [`Reported`] (a count with
//!   its qualifier: exact, at least, at most, about — an interval), [`Share`]
//!   and [`Ratio`] (stored as their parts), [`Measure`] (decimal amounts).
//! - Time: [`Period`] (an inclusive range of dates: year, half, quarter, month,
//!   nine months or custom) and [`ReportingCalendar`] (calendar or cut-off windows).
//! - Units: [`UnitCode`], [`Unit`], [`Level`], [`Hierarchy`] (dense indices,
//!   before and after the 2025 reform) and [`Crosswalk`] (old units to new ones).
//! - Who and what: [`Actor`] (figures of different actors never add up
//!   silently), [`IndicatorId`], [`Builtin`] and [`IndicatorDef`].
//! - Records: [`Conference`], [`IssuedDocument`], [`Inspection`], [`Dialogue`],
//!   [`CitizenReception`], [`SiteClearance`], [`Award`], [`GrassrootsBlock`],
//!   [`VillageTeam`], [`SkilfulModel`], reported [`Figure`]s; [`RecordKind`], the
//!   table of kinds; the year's [`WorkPlan`].
//! - The exchange document: [`Dataset`].
//! - Validation: [`check`] gives a [`Checked`] dataset or a [`Report`] of
//!   [`Issue`]s; every failure is an [`Error`] with an [`ErrorKind`] and a
//!   stable code (`DV001` …).
//! - Vietnamese notation (reading and writing numbers and dates): [`notation`];
//!   Vietnamese wording (messages, the annual summary, the work plan): [`render::vi`].
//!
//! ## Layout
//!
//! Data flows one way, down this list: no module imports one below it
//! (a test, `tests/integration/layers.rs`, reads the table and the sources and holds them to it).
//!
//! | layer | modules | holds |
//! |---|---|---|
//! | errors | `error/` | the one error table: each kind's code, severity, English and Vietnamese text; imports nothing of the crate |
//! | wire | `wire`, `limits` | the objects-only rule of the wire language (`objects_only!`, `wire_struct!`), reading a JSON document (`read_json`) and the mapping of the JSON reader's errors; the reading limits; they import only `error` |
//! | value types | `quantity`, `interval`, `value`, `period`, `unit/`, `lookup`, `actor`, `indicator`, `catalogue`, `dimension` | counts and intervals, the v2 value types (amount with scale and unit, rate, ratio, duration: [`FigureValue`]), periods (and a v2 figure's [`FigurePeriod`]: to a date, until the dataset's as-of date, N years ending a year or date, unknown), the dimensions of v2 figures ([`Dimensions`]), unit codes and the [`Hierarchy`], lookups in it, actors, the indicators and the v2 [`Catalogue`] (its file `danvan/catalogue/v1`) |
//! | notation | `notation` | reading and writing Vietnamese numbers and dates (`1.229`, `hơn 6.800`, `98,5%`, `02/02/2023`); value types do not import it |
//! | records | `record/` | one file per kind: its struct, its one-record rules and what it adds to totals; [`RecordKind`], the one table of kinds; the rule set; the index the roll-up reads |
//! | the document | `dataset`, `dataset_v2`, `plan`, `csv_io`, `schema` | [`Dataset`] and its reader, the v2 envelope [`DatasetV2`] (reads v2 and upgrades v1), the work plan, figures as CSV (feature `csv`), the JSON Schema (feature `schema`) |
//! | validation | `validate/` | [`check`]: the record rules on every record, then the rules across records (duplicate ids, one block per commune and team per village, reception norms, stage nesting, duplicate and overlapping figures, the plan) and the unit rules; [`check_v2`] (`validate/figures_v2.rs`): the same record rules on a v2 dataset's records (era by era: a record on another era's unit is resolved by its date and checked against that era's units), then each figure's unit, value, period and dimensions, breakdowns, actor sets, sub-units, declared and built-in relations, lumped values, stated changes, repeated figures, `ratio_of` levels and `awarded_by`, three-valued on intervals (an open check is the warning DV181) |
//! | aggregation | `aggregate/` | the column store: the fold, the stream, apply, merge, the roll-up, rekey; the v2 [`FigureCube`] (`aggregate/cube.rs`): a cell per stated figure, "trong đó" part, records total (through the fold) and sum of sub-units, keyed by [`FigureKey`], each era summed within its own hierarchy |
//! | rendering | `render/` | messages, wording (the built-ins' verbs, nouns and unit words, actors, dimension values: `render/vi.rs`), the v1 summary, the v2 report (`render/report_v2.rs`: the text-free [`render::plan_report`] and [`render::DisplayRow`] as CSV and JSON; `render/vi/report.rs`: its words, [`render::vi::write_report`]), the JSON the shells print (`render/issue_json.rs`: [`render::issue_json`], [`render::refused`], [`render::pretty_json`]) |
//! | synthetic data | `synth` | synthetic datasets for tests and benches (feature `synth`) |
//! | command | `bin/` | the `danvan` command-line tool (`src/bin/danvan.rs`, feature `cli`): a thin shell over the public API (`danvan::…`), no module of the library imports it; the browser/Node package (`wasm/`, its own workspace and crate, outside `src/`) is the same shell for JavaScript; both print issues and documents with `render/issue_json.rs` |
//!
//! **The rule set.** Each one-record rule is written once, as a function of
//! the record, a small context (the units' levels and validity, the period,
//! the indicator catalogue) and a sink for broken rules. [`check`] runs it
//! with a sink that collects every issue at the record's path;
//! [`Accumulator::check`], [`Accumulator::add`], [`Totals::apply`] and
//! [`stream_json_lines`] run it with a sink that stops at the first error:
//! they reject the same records with the same codes. [`RecordKind::rules`] lists the rules of each kind.
//!
//! ## How to …
//!
//! ### How to validate an upload
//!
//! Read the document, check it, and show every issue to the official who
//! typed it, in Vietnamese:
//!
//! ```
//! let upload = r#"{
//!     "schema": "danvan/dataset/v1",
//!     "period": {"start": "2022-01-01", "end": "2022-12-31"},
//!     "units": [{"code": "30", "name": "Tỉnh Hải Dương"}],
//!     "clearances": [{"unit": "30", "date": "2022-08-01", "actor": "government",
//!                     "project": "synthetic", "households_affected": 140,
//!                     "households_consenting": 150}]
//! }"#;
//! let dataset = danvan::Dataset::from_json(upload.as_bytes())?; // shape errors: line and column
//! let report = danvan::check(dataset).unwrap_err();              // rule errors: all of them
//! let lines: Vec<String> = report.issues().iter().map(danvan::render::vi::issue).collect();
//! assert_eq!(
//!     lines,
//!     ["lỗi DV069 clearances[0].households_consenting: số hộ đồng thuận (150) lớn hơn số hộ bị ảnh hưởng (140)"]
//! );
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ### How to total a province
//!
//! Check the dataset, compute the [`Totals`] once (one bottom-up pass over
//! every unit), then read any unit, indicator and actor.
//! [`Totals::value`] is what a report prints: the total of the records
//! in the unit's subtree when there are records, otherwise the reported
//! figures (a unit's own figure, or the sum of its children's). Figures of
//! different actors are never added together.
//!
//! ```
//! use danvan::{Actor, Builtin, Interval, Totals};
//!
//! // Synthetic records and figures on real units.
//! let json = r#"{
//!     "schema": "danvan/dataset/v1",
//!     "period": {"start": "2022-01-01", "end": "2022-12-31"},
//!     "units": [
//!         {"code": "30", "name": "Tỉnh Hải Dương"},
//!         {"code": "288", "name": "Thành phố Hải Dương", "parent": "30"},
//!         {"code": "290", "name": "Thành phố Chí Linh", "parent": "30"}
//!     ],
//!     "conferences": [
//!         {"unit": "288", "date": "2022-03-15", "actor": "party_committees", "kind": "both", "participants": 120},
//!         {"unit": "290", "date": "2022-05-20", "actor": "party_committees", "kind": "training", "participants": {"at_least": 45}}
//!     ],
//!     "figures": [
//!         {"indicator": "guidance_documents", "unit": "288", "actor": "mobilization_sector", "value": {"at_least": 40}},
//!         {"indicator": "guidance_documents", "unit": "290", "actor": "mobilization_sector", "value": 25}
//!     ]
//! }"#;
//! let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes())?)
//!     .map_err(|report| report.to_string())
//!     .unwrap();
//! let totals = Totals::compute(&checked)?;
//! let province: danvan::UnitCode = "30".parse()?;
//! let party = Actor::PartyCommittees;
//! let sector = Actor::MobilizationSector;
//! assert_eq!(totals.value(&province, Builtin::Conferences, party), Some(Interval::exact(2)));
//! // 120 + at least 45: at least 165.
//! assert_eq!(
//!     totals.value(&province, Builtin::ConferenceParticipants, party),
//!     Some(Interval::at_least(165))
//! );
//! // No records of guidance documents: the districts' figures add up.
//! assert_eq!(totals.value(&province, Builtin::GuidanceDocuments, sector), Some(Interval::at_least(65)));
//! // Nothing is invented for an actor that reported nothing.
//! assert_eq!(totals.value(&province, Builtin::Conferences, sector), None);
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ### How to read and write Vietnamese numbers
//!
//! ```
//! use danvan::notation;
//! use danvan::{Count, Share};
//!
//! let models = notation::parse_reported("1.229")?;
//! let participants = notation::parse_reported("hơn 6.800")?;
//! assert_eq!(notation::reported(models), "1.229");
//! // A sum is the interval rule's (issue 14): at least 8.029, worded "ít nhất".
//! assert_eq!(notation::reported(participants.checked_add(models)?), "ít nhất 8.029");
//! let consent = Share::new(Count::new(197), Count::new(200))?;
//! assert_eq!(notation::percent(consent, 1).as_deref(), Some("98,5%"));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ### How to compare figures across the 2025 reform
//!
//! Carry the 2022 [`Totals`] of the old units onto the new ones with
//! [`Totals::rekey`] and a [`Crosswalk`], then compare with [`change`]:
//! merges add up exactly, a split with shares is divided exactly, and a split
//! without shares gives each new unit "at most" the old value — an interval,
//! never an invented number.
//!
//! ```
//! use danvan::{change, Accumulator, Actor, Builtin, Crosswalk, Hierarchy, Interval, Level, Period, Unit};
//!
//! // Synthetic: old communes 90001 and 90002 merge into 91001; 90003 is split
//! // between 91001 and 91002 without known shares. Not a real mapping.
//! let unit = |code: &str, name: &str, parent: Option<&str>| -> Result<Unit, danvan::Error> {
//!     Ok(Unit::new(code.parse()?, name).with_parent(parent.map(str::parse).transpose()?))
//! };
//! let old = Hierarchy::new(vec![
//!     unit("90", "Province (synthetic)", None)?,
//!     unit("900", "District (synthetic)", Some("90"))?,
//!     unit("90001", "Old commune A (synthetic)", Some("900"))?,
//!     unit("90002", "Old commune B (synthetic)", Some("900"))?,
//!     unit("90003", "Old commune C (synthetic)", Some("900"))?,
//! ])?;
//! let new = Hierarchy::new(vec![
//!     unit("91", "New province (synthetic)", None)?,
//!     unit("91001", "New commune X (synthetic)", Some("91"))?,
//!     unit("91002", "New commune Y (synthetic)", Some("91"))?,
//! ])?;
//! let cw = Crosswalk::builder()
//!     .merge("90001".parse()?, "91001".parse()?)
//!     .merge("90002".parse()?, "91001".parse()?)
//!     .split_unknown("90003".parse()?, &["91001".parse()?, "91002".parse()?])
//!     .build()?;
//!
//! // 2022: documents of the Party committees, 12 + 9 + 4 (synthetic records).
//! let mut acc = Accumulator::new(&old, Period::year(2022)?, &[]);
//! for (code, n) in [("90001", 12), ("90002", 9), ("90003", 4)] {
//!     let doc: danvan::IssuedDocument = serde_json::from_str(&format!(
//!         r#"{{"unit": "{code}", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#
//!     )).unwrap();
//!     for _ in 0..n {
//!         acc.add(&doc)?;
//!     }
//! }
//! let y2022 = acc.finish()?.rekey(&cw, Level::Commune, &new)?;
//!
//! let (x, y) = ("91001".parse()?, "91002".parse()?);
//! let pc = Actor::PartyCommittees;
//! let x2022 = y2022.get(&x, Builtin::Documents, pc).unwrap();
//! let y2022 = y2022.get(&y, Builtin::Documents, pc).unwrap();
//! assert_eq!((x2022.low(), x2022.high()), (21, Some(25))); // 21 + up to 4
//! assert_eq!((y2022.low(), y2022.high()), (0, Some(4)));
//!
//! // 2026 (synthetic): 30 documents in X. The change is an interval, no ratio.
//! let c = change(x2022, Interval::exact(30));
//! assert_eq!((c.low, c.high, c.ratio), (Some(5), Some(9), None));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! [`Crosswalk::map_counts`] does the same for plain numbers, keeping both
//! bounds:
//!
//! ```
//! use danvan::{Crosswalk, Mapped};
//!
//! // Synthetic: two old communes merge into one; a third is split without known shares.
//! let cw = Crosswalk::builder()
//!     .merge("10507".parse()?, "10507".parse()?)
//!     .merge("10510".parse()?, "10507".parse()?)
//!     .split_unknown("10513".parse()?, &["10507".parse()?, "10516".parse()?])
//!     .build()?;
//! let old_2022 = [("10507".parse()?, 12), ("10510".parse()?, 9), ("10513".parse()?, 4)];
//! let new = cw.map_counts(old_2022)?;
//! assert_eq!(new[0], ("10507".parse()?, Mapped::Between { low: 21, high: 25 }));
//! assert_eq!(new[1], ("10516".parse()?, Mapped::Between { low: 0, high: 4 }));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! `examples/compare_reform.rs` compares 2022 with 2026 per new commune.
//!
//! Data flow of rekeyed totals and the country's cell: a rekey puts each old
//! unit's interval into its targets (exact parts for known shares, the
//! exact rest for a lone unknown share, `[0, v]` else), the whole into the
//! lowest new unit containing all of it and every unit above, and the whole
//! into a **national cell** of the column ([`Totals::national`], one per
//! layer, indicator and actor, and per amount column), outside the per-unit
//! cells and outside the roll-up. So a split across two new provinces (or a
//! `partial` commune whose rest no named unit holds) leaves the country
//! exact: [`Totals::level_total`] at the top level reads the national cell.
//! A `partial` entry's unnamed rest reaches, as targets of unknown share,
//! every new unit it may lie in (below the unit known to contain the old
//! commune; with [`RekeyOptions::with_complete_targets`] only units no entry
//! names).
//! [`Totals::merge`] adds national cells (a side without one gives its
//! roots' sum), [`Totals::apply`] adds a record to it, and the rows carry it
//! as `country_records` / `country_reported` rows ([`TotalsLayer`]) that
//! [`Totals::from_rows`] checks like a parent of the roots. Skipped unmapped
//! units ([`RekeyOptions::skipping_unmapped`]) widen every cell and the
//! national one by what they held. An old unit that reported nothing (no
//! figure of its own, below it, or of an old unit above it) is *silent*:
//! the new units it may lie in, every unit above them and the country are
//! "at least" what is known, as its old parent was. Rekeyed totals keep
//! their silent units per old hierarchy beside the cells (`aggregate/absent.rs`),
//! so a merge of parts closes what one part reported and the other did
//! not; rows carry them, and the old units each column carries, on the
//! `country_reported` rows ([`TotalsProvenance`]).
//!
//! ### How to render the annual paragraph
//!
//! [`Summary::from_checked`] picks the figures of the annual summary from the
//! totals, with the unit's name, level and period from the data and the
//! words of the figures the unit stated itself; [`render::vi::annual_summary`]
//! writes the paragraph the way the province writes it. With
//! [`Rounding::Press`](render::vi::Rounding::Press), computed lower bounds are
//! worded press-style ("hơn 6.800" for at least 6.853), stated ones keep their
//! word and exact figures stay exact.
//!
//! ```
//! use danvan::render::vi::{annual_summary, Rounding, SummaryOptions};
//!
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-2022.json");
//! let json = std::fs::read_to_string(path).unwrap();
//! let checked = danvan::check(danvan::Dataset::from_json(json.as_bytes())?)
//!     .map_err(|report| report.to_string())
//!     .unwrap();
//! let totals = danvan::Totals::compute(&checked)?;
//! let summary = danvan::Summary::from_checked(&checked, &totals, &"30".parse()?)?;
//! let text = annual_summary(&summary, &SummaryOptions::default().with_rounding(Rounding::Press));
//! assert!(text.starts_with("Năm 2022, toàn tỉnh hiện có 1.229 mô hình “Dân vận khéo”; 235 khối dân vận cơ sở"));
//! assert!(text.contains("cho 13.360 người tham gia"));
//! assert!(text.contains("Ngành dân vận tổ chức tổng số 222 hội nghị tập huấn về công tác dân vận cho hơn 6.800 người"));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ### How to stream a large file
//!
//! [`stream_json_lines`] reads one [`Record`] per line and folds it into the
//! totals, in memory proportional to the units, not the records. A line that
//! is not a record or breaks a rule is not added: it is counted as rejected,
//! with its line number and error, so that `counted + rejected_total ==
//! lines` — nothing is lost silently.
//!
//! ```
//! use danvan::{Actor, Builtin, Hierarchy, Period, Unit};
//!
//! let units = Hierarchy::new(vec![
//!     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
//!     Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?)),
//! ])?;
//! // Synthetic records; any `impl Read` will do, e.g. a `std::fs::File`.
//! let lines = concat!(
//!     r#"{"conference": {"unit": "288", "date": "2022-03-15", "actor": "party_committees", "kind": "both", "participants": 120}}"#, "\n",
//!     r#"{"document": {"unit": "288", "date": "2023-01-05", "actor": "party_committees", "kind": "leadership"}}"#, "\n",
//!     "\n",
//!     r#"{"document": {"unit": "30", "date": "2022-05-10", "actor": "party_committees", "kind": "leadership"}}"#, "\n",
//! );
//! let (totals, stats) = danvan::stream_json_lines(lines.as_bytes(), &units, Period::year(2022)?, &[])?;
//! assert_eq!((stats.lines, stats.counted, stats.rejected_total), (3, 2, 1));
//! let (line, error) = &stats.rejected[0];
//! assert_eq!((*line, error.code().as_str()), (2, "DV068")); // a date outside the period
//! let docs = totals.get(&"30".parse()?, Builtin::Documents, Actor::PartyCommittees);
//! assert_eq!(docs, Some(danvan::Interval::exact(1)));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! [`stream_json_lines_parallel`] does the same with the lines parsed and
//! checked on worker threads (the totals and stats are exactly the same);
//! `examples/stream_large_file.rs` (feature `synth`) writes synthetic records
//! to a file and streams them (`--records N` to scale).
//!
//! ### How to update totals when one record is saved
//!
//! [`Totals::apply`] checks one record with the rule set and adds it to
//! existing totals in place (its unit and every ancestor, all or nothing), so
//! a dashboard need not recompute the whole province after each save; the
//! result equals the totals computed with the record in the dataset, and a
//! record the rules refuse (a date outside the period, an unknown unit)
//! leaves the totals unchanged.
//!
//! ```
//! use danvan::{Actor, Builtin, Hierarchy, Period, Totals, Unit};
//!
//! let units = Hierarchy::new(vec![
//!     Unit::new("30".parse()?, "Tỉnh Hải Dương"),
//!     Unit::new("288".parse()?, "Thành phố Hải Dương").with_parent(Some("30".parse()?)),
//! ])?;
//! let mut totals = Totals::empty(&units, Period::year(2022)?, &[]);
//! // Synthetic record, as a data-entry form would send it.
//! let saved: danvan::Conference = serde_json::from_str(r#"{"unit": "288", "date": "2022-03-15",
//!     "actor": "party_committees", "kind": "training", "participants": {"at_least": 40}}"#).unwrap();
//! totals.apply(&saved)?;
//! let people = totals.get(&"30".parse()?, Builtin::ConferenceParticipants, Actor::PartyCommittees);
//! assert_eq!(people, Some(danvan::Interval::at_least(40)));
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! ### How to read figures from a spreadsheet (feature `csv`)
//!
//! One row per unit, period, actor and indicator, with English or Vietnamese
//! column names; errors name the row and the column.
//!
//! ```
//! # #[cfg(feature = "csv")]
//! # {
//! let sheet = "mã đơn vị,kỳ,chủ thể,chỉ tiêu,giá trị\n\
//!              288,2022,mobilization_sector,training_conferences,22\n\
//!              290,2022,mobilization_sector,training_conferences,hơn 15\n";
//! let figures = danvan::read_figures_csv(sheet.as_bytes())?;
//! let total = danvan::Reported::checked_sum(figures.iter().filter_map(|f| f.value))?;
//! assert_eq!(danvan::notation::reported(total), "ít nhất 37");
//!
//! let bad = "mã đơn vị,kỳ,chủ thể,chỉ tiêu,giá trị\n288,2022,government,dialogues,1,5\n";
//! let err = danvan::read_figures_csv(bad.as_bytes()).unwrap_err();
//! assert_eq!(err.to_string(), "row 2 has 6 cells: expected 5, as in the header row");
//! # }
//! # Ok::<(), danvan::Error>(())
//! ```
//!
//! `examples/csv_import.rs` turns a CSV of district figures into a dataset and
//! prints the province totals.
//!
//! # Crate features
//!
//! No feature is enabled by default, and all features are additive.
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `schema` | off | `dataset_schema()`: the JSON Schema (draft 2020-12) of the exchange document, for apps in other languages; committed as `schema/danvan-dataset-v1.schema.json` (uses `schemars`) |
//! | `csv` | off | `read_figures_csv` (and `read_figures_csv_with_limits`) and `write_figures_csv`: reported figures to and from spreadsheets (uses `csv`) |
//! | `synth` | off | `danvan::synth`: deterministic synthetic data with the national shapes, for benchmarks and load tests (no extra dependency) |

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
// The pedantic lints that matter for users (issue 13): a pure getter whose
// result is dropped is a bug at the caller; a value taken and not consumed
// makes callers clone.
#![warn(clippy::must_use_candidate, clippy::needless_pass_by_value)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::todo,
        clippy::unimplemented
    )
)]

mod actor;
mod aggregate;
mod catalogue;
mod dataset;
mod dataset_v2;
mod dimension;
mod error;
mod indicator;
mod interval;
mod limits;
mod lookup;
pub mod notation;
mod period;
mod plan;
mod quantity;
mod record;
pub mod render;
#[cfg(feature = "synth")]
pub mod synth;
mod unit;
pub mod validate;
mod value;
mod wire;

pub use actor::Actor;
pub use aggregate::{
    change, stream_json_lines, stream_json_lines_parallel, Accumulator, ActorSummary, Against,
    Agreement, AmountTotal, CellId, CellValue, Change, CubeCell, FigureCube, Origin,
    Reconciliation, Record, RekeyOptions, RekeyReport, SkippedTotal, StockSummary, StreamStats,
    Summary, SummaryValue, Totals, TotalsLayer, TotalsProvenance, TotalsRow, MAX_LINE_BYTES,
    MAX_STORED_REJECTIONS, MAX_STORED_REJECTION_BYTES, MAX_STREAM_WORKERS,
};
pub use catalogue::{
    Catalogue, CatalogueEntry, CatalogueFile, CatalogueSchema, Section, ValueSpec, Wording,
};
pub use dataset::{Dataset, Schema};
pub use dataset_v2::{
    AwardedBy, Breakdown, ChangeDirection, DatasetV2, FigureKey, FigureV2, PartV2, RelationDecl,
    SchemaV2, StatedChange, UnitEntry,
};
pub use dimension::{BuiltinDimension, DimensionDecl, DimensionMode, Dimensions};
pub use error::{Code, Error, ErrorKind, Excerpt, Worded};
pub use indicator::{Builtin, IndicatorDef, IndicatorId, IndicatorKind, ValueType};
pub use interval::{Amount, Difference, Interval, Magnitude, RatioBounds, Tone};
pub use limits::Limits;
pub use period::*;
pub use plan::{Criterion, CriterionEntry, Direction, KeyTask, Target, TargetStatus, WorkPlan};
pub use quantity::*;
pub use record::*;
pub use unit::*;
pub use validate::figures_v2::{check_v2, CheckedV2};
pub use validate::report::{Cell, Issue, Path, Place, Report, Severity};
pub use validate::rules::{check, check_with_units, CheckOptions, Checked, ReceptionNorms};
pub use value::{AmountValue, DurationValue, FigureValue, Rate, RatioValue, ScaleWord};

#[cfg(feature = "schema")]
mod schema;
#[cfg(feature = "schema")]
pub use schema::{catalogue_schema, dataset_schema, dataset_v2_schema, schema_named};
#[cfg(feature = "csv")]
mod csv_io;
#[cfg(feature = "csv")]
pub use csv_io::{read_figures_csv, read_figures_csv_with_limits, write_figures_csv};
