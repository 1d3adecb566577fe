//! Reporting periods and calendars.
