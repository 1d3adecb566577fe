//! Common traits of every public type: auto traits, and the derives apps rely on.

use danvan::*;

fn auto_common<T: Send + Sync + Unpin + std::fmt::Debug + Clone + 'static>() {}
fn eq<T: PartialEq + Eq>() {}
fn hash<T: Eq + std::hash::Hash>() {}
fn wire<T: serde::Serialize + serde::de::DeserializeOwned>() {}

/// Calls each checker on each type.
macro_rules! all {
    ($check:ident : $($t:ty),+ $(,)?) => {
        $( $check::<$t>(); )+
    };
}

#[test]
fn every_public_type_is_send_sync_unpin_debug_clone() {
    all!(auto_common:
        // errors and validation
        Error, ErrorKind, Severity, Path, Issue, Report, ReceptionNorms, CheckOptions, Checked,
        // quantities
        Count, Qualifier, Truth, Reported, Share, Ratio, UnitWord, Measure,
        // periods
        Period, Half, Quarter, ReportingCalendar,
        // units
        Level, UnitCode, Unit, UnitIndex, Hierarchy, Crosswalk, CrosswalkBuilder, Weight, Mapped,
        // indicators, actors, the dataset
        Actor, IndicatorKind, ValueType, IndicatorId, Builtin, IndicatorDef,
        Schema, Dataset, Figure, FigurePart, RecordId,
        // entities
        GrassrootsBlock, VillageTeam, TeamMember, TeamRole, SkilfulModel, ModelForm, ModelField,
        ModelStage, Conference, ConferenceKind, Headcount, IssuedDocument, DocumentKind,
        Inspection, InspectionKind, Subjects, Dialogue, CitizenReception, SiteClearance, Award,
        AwardKind, Recipient,
        // the work plan
        WorkPlan, KeyTask, Target, Direction, TargetStatus, Criterion, CriterionEntry,
        // totals, the summary, limits
        Totals, TotalsRow, TotalsLayer, Accumulator, Record, RecordRef<'static>, StreamStats, Reconciliation, Against,
        Agreement, Change, Summary, ActorSummary, StockSummary, Limits,
        render::vi::SummaryOptions, render::vi::Rounding,
    );
    #[cfg(feature = "synth")]
    all!(auto_common: synth::Shape, synth::SynthConfig, synth::SynthRecord);
}

#[test]
fn values_compare_and_hash() {
    // Everything but `Checked` (a checked dataset is a capability, not a value) compares.
    all!(eq:
        Error, ErrorKind, Severity, Path, Issue, Report, ReceptionNorms, CheckOptions,
        Count, Qualifier, Truth, Reported, Share, Ratio, UnitWord, Measure,
        Period, Half, Quarter, ReportingCalendar,
        Level, UnitCode, Unit, UnitIndex, Hierarchy, Crosswalk, CrosswalkBuilder, Weight, Mapped,
        Actor, IndicatorKind, ValueType, IndicatorId, Builtin, IndicatorDef,
        Schema, Dataset, Figure, FigurePart, RecordId,
        GrassrootsBlock, VillageTeam, TeamMember, TeamRole, SkilfulModel, ModelForm, ModelField,
        ModelStage, Conference, ConferenceKind, Headcount, IssuedDocument, DocumentKind,
        Inspection, InspectionKind, Subjects, Dialogue, CitizenReception, SiteClearance, Award,
        AwardKind, Recipient,
        WorkPlan, KeyTask, Target, Direction, TargetStatus, Criterion, CriterionEntry,
        Totals, TotalsRow, TotalsLayer, Record, Reconciliation, Against, Agreement, Change, Summary, Limits,
        render::vi::SummaryOptions, render::vi::Rounding,
    );
    // Values that serve as keys of maps and sets.
    all!(hash:
        Severity, Path, ReceptionNorms,
        Count, Qualifier, Truth, Reported, Share, Ratio, UnitWord, Measure,
        Period, Half, Quarter, ReportingCalendar,
        Level, UnitCode, UnitIndex, Weight, Mapped,
        Actor, IndicatorKind, ValueType, IndicatorId, Builtin, RecordId, Schema,
        TeamRole, ModelForm, ModelField, ModelStage, ConferenceKind, Headcount, DocumentKind,
        InspectionKind, Subjects, AwardKind, Recipient,
        Direction, TargetStatus, Criterion, CriterionEntry,
    );
}

#[test]
fn wire_types_serialize_and_deserialize() {
    all!(wire:
        Count, Qualifier, Reported, Share, Ratio, UnitWord, Measure,
        Period, Half, Quarter, ReportingCalendar,
        Level, UnitCode, Unit, Hierarchy, Crosswalk,
        Actor, IndicatorKind, ValueType, IndicatorId, IndicatorDef,
        Schema, Dataset, Figure, FigurePart, RecordId,
        GrassrootsBlock, VillageTeam, TeamMember, TeamRole, SkilfulModel, ModelForm, ModelField,
        ModelStage, Conference, ConferenceKind, Headcount, IssuedDocument, DocumentKind,
        Inspection, InspectionKind, Subjects, Dialogue, CitizenReception, SiteClearance, Award,
        AwardKind, Recipient,
        WorkPlan, KeyTask, Target, Direction, TargetStatus, Criterion, CriterionEntry,
        TotalsRow, TotalsLayer, Record,
    );
}

#[test]
fn error_is_a_std_error() {
    fn std_error<T: std::error::Error + Send + Sync + 'static>() {}
    std_error::<Error>();
    std_error::<ErrorKind>();
}
