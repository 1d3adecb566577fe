//! Generates the default input of the main example: Hải Dương 2022 at commune
//! level, with synthetic records on real units.
//!
//! ```text
//! cargo run --example gen_hai_duong > examples/data/hai-duong-2022.json
//! ```
//!
//! Real: the province, its 12 districts and 235 communes (data/hai-duong-units.json,
//! MIT, see NOTICE). Synthetic: the 1,347 villages and every record, spread
//! deterministically (a fixed-seed splitmix64) so that the province totals are
//! exactly the figures of the seed article (tests/fixtures/seed-2022.json).
//! See examples/data/README.md for what each figure is made of.

use std::error::Error;

use chrono::{Days, NaiveDate};
use danvan::{
    Actor, Award, AwardKind, Conference, ConferenceKind, Count, Dataset, DocumentKind, Figure,
    GrassrootsBlock, Headcount, Hierarchy, Inspection, InspectionKind, IssuedDocument, Level,
    ModelField, ModelForm, ModelStage, Period, Qualifier, Recipient, Reported, SkilfulModel,
    Subjects, Unit, UnitCode, VillageTeam,
};

/// The seed's province totals for 2022 (tests/fixtures/seed-2022.json).
const MODELS: usize = 1229;
const VILLAGES: usize = 1347;
const PARTY_CONFERENCES: usize = 291;
const PARTY_PARTICIPANTS: u64 = 13_360;
const PARTY_DOCUMENTS: usize = 919;
const INSPECTIONS: usize = 179;
const INSPECTION_SUBJECTS: u64 = 545;
const SECTOR_CONFERENCES: usize = 222;
/// The sum of the sector's lower bounds: "hơn 6.800" in press style (synthetic choice).
const SECTOR_PARTICIPANTS: u64 = 6853;
/// The sum of the sector's per-district lower bounds on guidance documents:
/// "hơn 500" in press style (synthetic choice, as for the participants: a sum
/// of lower bounds of exactly 500 is only "ít nhất 500", which "hơn 500" overstates).
const SECTOR_GUIDANCE: u64 = 505;
const AWARDS: usize = 11;
const SEED: u64 = 0x4841_4920_4455_4f4e; // "HAI DUON", fixed

/// splitmix64: a tiny deterministic generator (Steele, Lea, Flood 2014).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0; the tiny modulo bias does not matter here).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// One of `items`, chosen with the given weights.
    fn weighted<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.below(total);
        for &(item, w) in items {
            if x < w {
                return item;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }

    /// A day of 2022.
    fn day_2022(&mut self) -> NaiveDate {
        let first = NaiveDate::from_ymd_opt(2022, 1, 1).expect("valid date");
        first + Days::new(self.below(365))
    }

    /// `total` split into `n` parts, each at least `min`, summing exactly to `total`.
    fn split(&mut self, total: u64, n: usize, min: u64) -> Vec<u64> {
        let rest = total - min * n as u64;
        let weights: Vec<u64> = (0..n).map(|_| 1 + self.below(100)).collect();
        let sum: u64 = weights.iter().sum();
        let mut parts: Vec<u64> = weights.iter().map(|w| min + rest * w / sum).collect();
        let short = total - parts.iter().sum::<u64>();
        for i in 0..short as usize {
            parts[i % n] += 1;
        }
        parts
    }
}

/// The dataset, generated from the units file and the seed fixture (public for the
/// test that checks the shipped file is this output).
pub fn generate() -> Result<Dataset, Box<dyn Error>> {
    let root = env!("CARGO_MANIFEST_DIR");
    let units_file = std::fs::File::open(format!("{root}/data/hai-duong-units.json"))?;
    let hierarchy = Hierarchy::from_units_json(units_file)?;
    let seed = std::fs::File::open(format!("{root}/tests/fixtures/seed-2022.json"))?;
    let seed = Dataset::from_json(seed)?;

    let mut rng = SplitMix64(SEED);
    let at = |level: Level| -> Vec<Unit> {
        hierarchy
            .units()
            .iter()
            .filter(|u| u.level() == level)
            .cloned()
            .collect()
    };
    let provinces = at(Level::Province);
    let districts = at(Level::District);
    let communes = at(Level::Commune);
    let province = provinces.first().ok_or("no province")?.code();
    assert_eq!(province.to_string(), "30", "the units file is Hải Dương's");
    assert_eq!((districts.len(), communes.len()), (12, 235));

    let mut d = Dataset::new(Period::year(2022)?);
    d.title = Some(
        "Hải Dương 2022, synthetic records on real units: the real province, 12 districts and \
         235 communes (data/hai-duong-units.json, MIT); 1,347 villages and every record are \
         synthetic, generated by examples/gen_hai_duong.rs so that the province totals equal \
         the figures of the article of 04/02/2023 (see examples/data/README.md)"
            .to_owned(),
    );

    // Villages: 3 per commune, the rest spread at random (at most 12 a commune).
    let mut per_commune = vec![3usize; communes.len()];
    let mut left = VILLAGES - 3 * communes.len();
    while left > 0 {
        let i = rng.index(communes.len());
        if per_commune[i] < 12 {
            per_commune[i] += 1;
            left -= 1;
        }
    }
    let mut villages: Vec<Unit> = Vec::with_capacity(VILLAGES);
    for (commune, &n) in communes.iter().zip(&per_commune) {
        let urban = commune.name().starts_with("Phường") || commune.name().starts_with("Thị trấn");
        for k in 1..=n {
            let code: UnitCode = format!("{}-T{k:02}", commune.code()).parse()?;
            let name = if urban {
                format!("Khu dân cư {k} (synthetic)")
            } else {
                format!("Thôn {k} (synthetic)")
            };
            villages.push(Unit::new(code, name).with_parent(Some(commune.code())));
        }
    }

    // Units: every real unit as read, then the synthetic villages.
    d.units = hierarchy.units().to_vec();
    d.units.extend(villages.iter().cloned());

    // Stocks: one block per commune, one team per village, 1,229 models.
    d.blocks = communes
        .iter()
        .map(|c| GrassrootsBlock {
            id: None,
            unit: c.code(),
            established: None,
            dissolved: None,
        })
        .collect();
    d.teams = villages
        .iter()
        .map(|v| VillageTeam {
            id: None,
            unit: v.code(),
            members: Vec::new(),
            established: None,
            dissolved: None,
        })
        .collect();
    for _ in 0..MODELS {
        let unit = if rng.below(5) == 0 {
            villages[rng.index(villages.len())].code()
        } else {
            communes[rng.index(communes.len())].code()
        };
        let stage = rng.weighted(&[
            (ModelStage::Registered, 35),
            (ModelStage::Effective, 30),
            (ModelStage::Recognized, 20),
            (ModelStage::Outstanding, 10),
            (ModelStage::Awarded, 5),
        ]);
        let recognized_by = (stage >= ModelStage::Recognized).then(|| {
            rng.weighted(&[
                (Level::Commune, 50),
                (Level::District, 40),
                (Level::Province, 10),
            ])
        });
        d.models.push(SkilfulModel {
            id: None,
            unit,
            name: None,
            form: rng.weighted(&[(ModelForm::Collective, 75), (ModelForm::Individual, 25)]),
            field: rng.weighted(&[
                (ModelField::Economy, 35),
                (ModelField::CultureSociety, 30),
                (ModelField::PoliticalSystem, 20),
                (ModelField::DefenceSecurity, 10),
                (ModelField::Other, 5),
            ]),
            stage,
            recognized_by,
            registered: Some(rng.day_2022()),
        });
    }

    // Where a body meets, issues or inspects: the province, a district or a commune.
    let organizer = |rng: &mut SplitMix64| -> UnitCode {
        match rng.weighted(&[
            (Level::Province, 5),
            (Level::District, 25),
            (Level::Commune, 70),
        ]) {
            Level::Province => province,
            Level::District => districts[rng.index(districts.len())].code(),
            _ => communes[rng.index(communes.len())].code(),
        }
    };

    // Party committees: 291 conferences over 13,360 participants (exact).
    for n in rng.split(PARTY_PARTICIPANTS, PARTY_CONFERENCES, 12) {
        d.conferences.push(Conference {
            id: None,
            unit: organizer(&mut rng),
            date: rng.day_2022(),
            actor: Actor::PartyCommittees,
            kind: rng.weighted(&[
                (ConferenceKind::Propaganda, 40),
                (ConferenceKind::Training, 25),
                (ConferenceKind::Both, 35),
            ]),
            participants: Reported::exact(Count::new(n)),
            headcount: Headcount::Occurrences,
        });
    }
    // The mobilization sector: 222 training conferences, each a lower bound.
    for n in rng.split(SECTOR_PARTICIPANTS, SECTOR_CONFERENCES, 10) {
        d.conferences.push(Conference {
            id: None,
            unit: organizer(&mut rng),
            date: rng.day_2022(),
            actor: Actor::MobilizationSector,
            kind: ConferenceKind::Training,
            participants: Reported::new(Qualifier::AtLeast, Count::new(n)),
            headcount: Headcount::Occurrences,
        });
    }
    d.conferences.sort_by_key(|c| (c.date, c.unit));

    // Party committees: 919 leadership documents.
    for _ in 0..PARTY_DOCUMENTS {
        d.documents.push(IssuedDocument {
            id: None,
            unit: organizer(&mut rng),
            date: rng.day_2022(),
            actor: Actor::PartyCommittees,
            kind: DocumentKind::Leadership,
            reference: None,
        });
    }
    d.documents.sort_by_key(|x| (x.date, x.unit));

    // Party committees: 179 inspection and supervision sessions over 545 subjects.
    for n in rng.split(INSPECTION_SUBJECTS, INSPECTIONS, 1) {
        let kind = rng.weighted(&[
            (InspectionKind::Inspection, 45),
            (InspectionKind::Supervision, 40),
            (InspectionKind::Lumped, 15),
        ]);
        let subjects = if kind == InspectionKind::Lumped || n == 1 {
            Subjects {
                lumped: Some(Count::new(n)),
                ..Subjects::default()
            }
        } else {
            let organizations = 1 + rng.below(n - 1);
            Subjects {
                party_organizations: Some(Count::new(organizations)),
                party_members: Some(Count::new(n - organizations)),
                lumped: None,
            }
        };
        d.inspections.push(Inspection {
            id: None,
            unit: organizer(&mut rng),
            date: rng.day_2022(),
            actor: Actor::PartyCommittees,
            kind,
            subjects,
        });
    }
    d.inspections.sort_by_key(|x| (x.date, x.unit));

    // The mobilization sector's guidance documents arrive as district totals,
    // each a lower bound, summing to 505: "hơn 500" in press style.
    for (district, n) in districts
        .iter()
        .zip(rng.split(SECTOR_GUIDANCE, districts.len(), 20))
    {
        d.figures.push(Figure {
            indicator: "guidance_documents".parse()?,
            unit: district.code(),
            period: None,
            actors: vec![Actor::MobilizationSector],
            value: Some(Reported::new(Qualifier::AtLeast, Count::new(n))),
            amount: None,
            parts: Vec::new(),
        });
    }

    // 11 collectives awarded a certificate of merit by the Ban Dân vận Tỉnh ủy;
    // the real ceremony (02/02/2023) lies outside the period: the date is moved
    // into it and is synthetic.
    let award_day = NaiveDate::from_ymd_opt(2022, 12, 20).ok_or("date")?;
    for i in 1..=AWARDS {
        d.awards.push(Award {
            id: Some(format!("award-{i:02}").parse()?),
            unit: province,
            date: award_day,
            issuer: Actor::MobilizationSector,
            kind: AwardKind::GiayKhen,
            recipient: Recipient::Collective,
            name: None,
        });
    }

    // The 2023 plan exactly as the seed states it: 8 key tasks declared, only
    // the 2 breakthrough tasks listed.
    d.plan = seed.plan;
    Ok(d)
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("{}", generate()?.to_json());
    Ok(())
}
