//! Shared by `benches/national.rs` and `examples/perf.rs`: the synthetic
//! workload, the hand-written struct-of-arrays loop, and the checks that the
//! loop, the library and the stream agree.
//!
//! Everything here is synthetic (see `danvan::synth`).

#![allow(dead_code)]

use std::io::Write;

use danvan::synth::{self, Shape, SynthConfig, SynthRecord};
use danvan::{
    Accumulator, Actor, Builtin, Checked, ConferenceKind, Dataset, DocumentKind, Headcount,
    Hierarchy, Interval, Limits, Qualifier, Record, Totals,
};

/// The default number of records for `cargo bench` (10M is documented in BENCHMARKS.md).
pub const DEFAULT_RECORDS: usize = 1_000_000;

/// N from `DANVAN_BENCH_RECORDS`, else [`DEFAULT_RECORDS`].
pub fn records_from_env() -> usize {
    std::env::var("DANVAN_BENCH_RECORDS")
        .ok()
        .and_then(|s| s.replace('_', "").parse().ok())
        .unwrap_or(DEFAULT_RECORDS)
}

/// The workload: the shape before the 2025 reform (63 / 705 / 10,599 / 105,990), seed 1, year 2022.
pub fn config(records: usize) -> SynthConfig {
    SynthConfig::new(Shape::BEFORE_2025, records).with_seed(1)
}

/// Limits large enough for the benchmark documents.
pub fn limits() -> Limits {
    Limits::default()
        .with_max_bytes(u64::MAX / 2)
        .with_max_records(u64::MAX / 2)
}

/// The synthetic dataset, checked.
pub fn checked(records: usize) -> Result<Checked, String> {
    let d = synth::dataset(&config(records)).map_err(|e| e.to_string())?;
    danvan::check(d).map_err(|r| r.to_string())
}

/// The synthetic records as JSON Lines (`{"conference": {...}}` per line).
pub fn write_json_lines(records: usize, out: &mut impl Write) -> Result<u64, String> {
    let mut n = 0u64;
    for r in synth::records(&config(records)).map_err(|e| e.to_string())? {
        let rec = match r {
            SynthRecord::Conference(x) => Record::Conference(x),
            SynthRecord::Document(x) => Record::Document(x),
            SynthRecord::Inspection(x) => Record::Inspection(x),
            SynthRecord::Dialogue(x) => Record::Dialogue(x),
            other => {
                return Err(format!(
                    "a synthetic record kind the bench does not write: {other:?}"
                ))
            }
        };
        serde_json::to_writer(&mut *out, &rec).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
        n += 1;
    }
    Ok(n)
}

/// The dataset as one compact JSON document.
pub fn json_document(d: &Dataset) -> Vec<u8> {
    serde_json::to_vec(d).unwrap_or_default()
}

/// The built-in indicators the synthetic records touch, in the loop's column order.
pub const LOOP_INDICATORS: [Builtin; 13] = [
    Builtin::Conferences,
    Builtin::TrainingConferences,
    Builtin::PropagandaConferences,
    Builtin::ConferenceParticipants,
    Builtin::Documents,
    Builtin::LeadershipDocuments,
    Builtin::GuidanceDocuments,
    Builtin::Inspections,
    Builtin::InspectionSubjects,
    Builtin::Dialogues,
    Builtin::DialogueParticipants,
    Builtin::PetitionsRaised,
    Builtin::PetitionsResolved,
];

/// The actors of the synthetic records, in the loop's order.
pub const LOOP_ACTORS: [Actor; 3] = [
    Actor::PartyCommittees,
    Actor::MobilizationSector,
    Actor::Government,
];

const C_CONF: usize = 0;
const C_TRAIN: usize = 1;
const C_PROP: usize = 2;
const C_PART: usize = 3;
const C_DOCS: usize = 4;
const C_LEAD: usize = 5;
const C_GUID: usize = 6;
const C_INSP: usize = 7;
const C_SUBJ: usize = 8;
const C_DIAL: usize = 9;
const C_DPART: usize = 10;
const C_RAISED: usize = 11;
const C_RESOLVED: usize = 12;

/// Record kinds of the struct-of-arrays form.
pub const K_CONF_PROPAGANDA: u8 = 0;
pub const K_CONF_TRAINING: u8 = 1;
pub const K_CONF_BOTH: u8 = 2;
pub const K_DOC_LEADERSHIP: u8 = 3;
pub const K_DOC_GUIDANCE: u8 = 4;
pub const K_INSPECTION: u8 = 5;
pub const K_DIALOGUE: u8 = 6;

/// Presence flag of a loop cell (as the library's).
pub const PRESENT: u8 = 0x80;
/// "At least" flag of a loop cell.
pub const AT_LEAST: u8 = 1;

/// The records in plain arrays, units resolved to dense indices once.
#[derive(Debug, Default)]
pub struct Soa {
    pub unit: Vec<u32>,
    pub kind: Vec<u8>,
    pub actor: Vec<u8>,
    /// Qualifier flags of `value` (0 exact, 1 at least).
    pub flags: Vec<u8>,
    /// Participants (conference, dialogue) or subjects (inspection).
    pub value: Vec<u64>,
    /// Petitions raised (dialogue).
    pub raised: Vec<u32>,
    /// Petitions resolved (dialogue).
    pub resolved: Vec<u32>,
    /// Parent of each unit, `u32::MAX` for none.
    pub parent: Vec<u32>,
    pub units: usize,
}

fn actor_slot(a: Actor) -> Result<u8, String> {
    LOOP_ACTORS
        .iter()
        .position(|&x| x == a)
        .map(|p| p as u8)
        .ok_or_else(|| format!("actor {a:?} not in the loop's actors"))
}

impl Soa {
    /// Resolves a checked dataset into arrays (outside any timing).
    pub fn from_checked(c: &Checked) -> Result<Soa, String> {
        let h = c.hierarchy();
        let d = c.dataset();
        let n = d.record_count();
        let mut s = Soa {
            unit: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            actor: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            value: Vec::with_capacity(n),
            raised: Vec::with_capacity(n),
            resolved: Vec::with_capacity(n),
            parent: h
                .parents()
                .iter()
                .map(|p| p.map_or(u32::MAX, |p| p.get() as u32))
                .collect(),
            units: h.len(),
        };
        if n != d.conferences.len() + d.documents.len() + d.inspections.len() + d.dialogues.len() {
            return Err(
                "the loop handles conferences, documents, inspections and dialogues only".into(),
            );
        }
        let idx = |code| {
            h.index_of(code)
                .map(|i| i.get() as u32)
                .ok_or_else(|| format!("unknown unit {code}"))
        };
        let push = |s: &mut Soa, u, k, a, f, v, r, rs| {
            s.unit.push(u);
            s.kind.push(k);
            s.actor.push(a);
            s.flags.push(f);
            s.value.push(v);
            s.raised.push(r);
            s.resolved.push(rs);
        };
        for x in &d.conferences {
            if x.headcount != Headcount::Occurrences {
                return Err("the loop handles occurrence headcounts only".into());
            }
            let k = match x.kind {
                ConferenceKind::Propaganda => K_CONF_PROPAGANDA,
                ConferenceKind::Training => K_CONF_TRAINING,
                ConferenceKind::Both => K_CONF_BOTH,
                k => return Err(format!("conference kind {k:?} not handled by the loop")),
            };
            let f = match x.participants.qualifier() {
                Qualifier::Exact => 0,
                Qualifier::AtLeast => AT_LEAST,
                q => return Err(format!("qualifier {q:?} not handled by the loop")),
            };
            push(
                &mut s,
                idx(&x.unit)?,
                k,
                actor_slot(x.actor)?,
                f,
                x.participants.value().get(),
                0,
                0,
            );
        }
        for x in &d.documents {
            let k = match x.kind {
                DocumentKind::Leadership => K_DOC_LEADERSHIP,
                DocumentKind::Guidance => K_DOC_GUIDANCE,
                k => return Err(format!("document kind {k:?} not handled by the loop")),
            };
            push(&mut s, idx(&x.unit)?, k, actor_slot(x.actor)?, 0, 0, 0, 0);
        }
        for x in &d.inspections {
            let subjects = x.subjects.total().map_err(|e| e.to_string())?.get();
            push(
                &mut s,
                idx(&x.unit)?,
                K_INSPECTION,
                actor_slot(x.actor)?,
                0,
                subjects,
                0,
                0,
            );
        }
        for x in &d.dialogues {
            if x.participants.qualifier() != Qualifier::Exact {
                return Err("the loop handles exact dialogue participants only".into());
            }
            let r = u32::try_from(x.petitions_raised.get()).map_err(|e| e.to_string())?;
            let rs = u32::try_from(x.petitions_resolved.get()).map_err(|e| e.to_string())?;
            push(
                &mut s,
                idx(&x.unit)?,
                K_DIALOGUE,
                actor_slot(x.actor)?,
                0,
                x.participants.value().get(),
                r,
                rs,
            );
        }
        Ok(s)
    }

    pub fn len(&self) -> usize {
        self.unit.len()
    }

    /// The same records ordered by unit (stable), as the library's checked
    /// form holds them: the hand loop over these is the fair comparison for
    /// the library's roll-up (the ordering is done outside any timing, as
    /// `check` does it outside the roll-up's).
    pub fn by_unit(&self) -> Soa {
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_by_key(|&i| self.unit[i]);
        let pick = |v: &[u8]| order.iter().map(|&i| v[i]).collect::<Vec<u8>>();
        Soa {
            unit: order.iter().map(|&i| self.unit[i]).collect(),
            kind: pick(&self.kind),
            actor: pick(&self.actor),
            flags: pick(&self.flags),
            value: order.iter().map(|&i| self.value[i]).collect(),
            raised: order.iter().map(|&i| self.raised[i]).collect(),
            resolved: order.iter().map(|&i| self.resolved[i]).collect(),
            parent: self.parent.clone(),
            units: self.units,
        }
    }
}

/// The hand loop's totals: column-major cells, `(indicator * 3 + actor) * units + unit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoopTotals {
    pub units: usize,
    pub value: Vec<u64>,
    pub flags: Vec<u8>,
}

/// The same totals as `Totals::compute`, by hand: per unit × column, then bottom-up.
pub fn hand_loop(s: &Soa) -> LoopTotals {
    let n = s.units;
    let cols = LOOP_INDICATORS.len() * LOOP_ACTORS.len();
    let mut value = vec![0u64; cols * n];
    let mut flags = vec![0u8; cols * n];
    let mut add = |ind: usize, a: usize, u: usize, v: u64, f: u8| {
        let i = (ind * 3 + a) * n + u;
        value[i] += v;
        flags[i] |= f | PRESENT;
    };
    for i in 0..s.len() {
        let u = s.unit[i] as usize;
        let a = s.actor[i] as usize;
        match s.kind[i] {
            k @ (K_CONF_PROPAGANDA | K_CONF_TRAINING | K_CONF_BOTH) => {
                add(C_CONF, a, u, 1, 0);
                if k != K_CONF_PROPAGANDA {
                    add(C_TRAIN, a, u, 1, 0);
                }
                if k != K_CONF_TRAINING {
                    add(C_PROP, a, u, 1, 0);
                }
                add(C_PART, a, u, s.value[i], s.flags[i]);
            }
            k @ (K_DOC_LEADERSHIP | K_DOC_GUIDANCE) => {
                add(C_DOCS, a, u, 1, 0);
                add(
                    if k == K_DOC_LEADERSHIP {
                        C_LEAD
                    } else {
                        C_GUID
                    },
                    a,
                    u,
                    1,
                    0,
                );
            }
            K_INSPECTION => {
                add(C_INSP, a, u, 1, 0);
                add(C_SUBJ, a, u, s.value[i], 0);
            }
            _ => {
                add(C_DIAL, a, u, 1, 0);
                add(C_DPART, a, u, s.value[i], s.flags[i]);
                add(C_RAISED, a, u, u64::from(s.raised[i]), 0);
                add(C_RESOLVED, a, u, u64::from(s.resolved[i]), 0);
            }
        }
    }
    for c in 0..cols {
        let base = c * n;
        for u in (0..n).rev() {
            let p = s.parent[u];
            // Most units (villages) have nothing: skip them, as the library does.
            if p != u32::MAX && flags[base + u] & PRESENT != 0 {
                let (v, f) = (value[base + u], flags[base + u]);
                value[base + p as usize] += v;
                flags[base + p as usize] |= f;
            }
        }
    }
    LoopTotals {
        units: n,
        value,
        flags,
    }
}

/// Compares the loop's totals with the library's for every `stride`-th unit and
/// every (indicator, actor) the loop knows; returns the number of cells compared.
pub fn compare(l: &LoopTotals, t: &Totals, h: &Hierarchy, stride: usize) -> Result<usize, String> {
    let mut cells = 0;
    for (idx, unit) in h.iter().step_by(stride.max(1)) {
        let u = idx.get();
        for (ii, &ind) in LOOP_INDICATORS.iter().enumerate() {
            for (ai, &actor) in LOOP_ACTORS.iter().enumerate() {
                let i = (ii * 3 + ai) * l.units + u;
                let f = l.flags.get(i).copied().unwrap_or(0);
                let mine = (f & PRESENT != 0).then(|| {
                    let v = l.value.get(i).copied().unwrap_or(0);
                    if f & AT_LEAST != 0 {
                        Interval::at_least(v)
                    } else {
                        Interval::exact(v)
                    }
                });
                let lib = t.get(&unit.code(), ind, actor);
                if mine != lib {
                    return Err(format!(
                        "mismatch at unit {} {} {}: loop {mine:?}, library {lib:?}",
                        unit.code(),
                        ind.id(),
                        actor.as_str()
                    ));
                }
                cells += 1;
            }
        }
    }
    Ok(cells)
}

/// Per-province partial totals of a checked dataset (each by its own accumulator).
pub fn province_partials(c: &Checked) -> Result<Vec<Totals>, String> {
    let h = c.hierarchy();
    let d = c.dataset();
    // Province of every unit: walk up once per unit.
    let top: Vec<usize> = (0..h.len())
        .map(|u| {
            let mut p = u;
            while let Some(q) = h.parents().get(p).copied().flatten() {
                p = q.get();
            }
            p
        })
        .collect();
    let provinces: Vec<usize> = (0..h.len()).filter(|&u| top[u] == u).collect();
    let slot = |code| -> Result<usize, String> {
        let u = h.index_of(code).ok_or("unknown unit")?.get();
        provinces
            .binary_search(&top[u])
            .map_err(|_| "no province".to_owned())
    };
    let mut accs: Vec<Accumulator> = provinces
        .iter()
        .map(|_| Accumulator::new(h, d.period, &d.indicators))
        .collect();
    let e = |e: danvan::Error| e.to_string();
    for x in &d.conferences {
        accs[slot(&x.unit)?].add(x).map_err(e)?;
    }
    for x in &d.documents {
        accs[slot(&x.unit)?].add(x).map_err(e)?;
    }
    for x in &d.inspections {
        accs[slot(&x.unit)?].add(x).map_err(e)?;
    }
    for x in &d.dialogues {
        accs[slot(&x.unit)?].add(x).map_err(e)?;
    }
    accs.into_iter().map(|a| a.finish().map_err(e)).collect()
}

/// Merges partial totals into one.
pub fn merge_all(h: &Hierarchy, c: &Checked, parts: Vec<Totals>) -> Result<Totals, String> {
    let d = c.dataset();
    parts
        .into_iter()
        .try_fold(Totals::empty(h, d.period, &d.indicators), |acc, p| {
            acc.merge(p)
        })
        .map_err(|e| e.to_string())
}
