//! STUB (entity branch only; replaced by the quantity branch on merge).
#![allow(missing_docs, clippy::all)]
use crate::{Error, ErrorKind};
use rust_decimal::Decimal;
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Count(u64);
impl Count {
    pub const ZERO: Count = Count(0);
    pub const fn new(n: u64) -> Count { Count(n) }
    pub const fn get(self) -> u64 { self.0 }
    pub fn checked_add(self, o: Count) -> Result<Count, Error> { self.0.checked_add(o.0).map(Count).ok_or_else(|| ErrorKind::Overflow { what: "count".into() }.into()) }
}
impl std::fmt::Display for Count { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { write!(f, "{}", self.0) } }
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier { Exact, AtLeast, AtMost, About }
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Truth { True, False, Unknown }
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Reported { value: Count, #[serde(skip)] qualifier: QHack }
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
struct QHack;
impl Reported {
    pub fn exact(c: Count) -> Reported { Reported { value: c, qualifier: QHack } }
    pub fn new(_q: Qualifier, c: Count) -> Reported { Reported { value: c, qualifier: QHack } }
    pub fn qualifier(self) -> Qualifier { Qualifier::Exact }
    pub fn value(self) -> Count { self.value }
    pub fn is_exact(self) -> bool { true }
    pub fn bounds(self) -> (u64, Option<u64>) { (self.value.0, Some(self.value.0)) }
    pub fn checked_add(self, o: Reported) -> Result<Reported, Error> { Ok(Reported::exact(self.value.checked_add(o.value)?)) }
    pub fn admits(self, c: Count) -> bool { c == self.value }
    pub fn reaches(self, t: Count) -> Truth { if self.value >= t { Truth::True } else { Truth::False } }
    pub fn stays_within(self, t: Count) -> Truth { if self.value <= t { Truth::True } else { Truth::False } }
}
impl From<Count> for Reported { fn from(c: Count) -> Reported { Reported::exact(c) } }
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Share { part: Count, whole: Count }
impl Share {
    pub fn new(part: Count, whole: Count) -> Result<Share, Error> { if part > whole { return Err(ErrorKind::PartExceedsWhole { part: part.0, whole: whole.0 }.into()) } Ok(Share { part, whole }) }
    pub fn part(self) -> Count { self.part }
    pub fn whole(self) -> Count { self.whole }
    pub fn ratio(self) -> Option<Decimal> { None }
}
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Measure { pub amount: Decimal, pub unit: String }
