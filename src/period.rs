//! STUB (entity branch only; replaced by the period branch on merge).
#![allow(missing_docs, clippy::all)]
use crate::Error;
use chrono::NaiveDate;
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Period { start: NaiveDate, end: NaiveDate }
impl Period {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Period, Error> { Ok(Period { start, end }) }
    pub fn year(y: i32) -> Result<Period, Error> { Ok(Period { start: NaiveDate::from_ymd_opt(y, 1, 1).unwrap(), end: NaiveDate::from_ymd_opt(y, 12, 31).unwrap() }) }
    pub fn month(y: i32, m: u32) -> Result<Period, Error> { let s = NaiveDate::from_ymd_opt(y, m, 1).unwrap(); let e = if m == 12 { NaiveDate::from_ymd_opt(y, 12, 31).unwrap() } else { NaiveDate::from_ymd_opt(y, m + 1, 1).unwrap().pred_opt().unwrap() }; Ok(Period { start: s, end: e }) }
    pub fn start(&self) -> NaiveDate { self.start }
    pub fn end(&self) -> NaiveDate { self.end }
    pub fn contains(&self, d: NaiveDate) -> bool { self.start <= d && d <= self.end }
    pub fn contains_period(&self, p: &Period) -> bool { self.start <= p.start && p.end <= self.end }
    pub fn overlaps(&self, p: &Period) -> bool { self.start <= p.end && p.start <= self.end }
}
