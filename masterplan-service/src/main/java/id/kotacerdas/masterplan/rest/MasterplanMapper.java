package id.kotacerdas.masterplan.rest;

import id.kotacerdas.masterplan.domain.Alignment;
import id.kotacerdas.masterplan.domain.BimtekStage;
import id.kotacerdas.masterplan.domain.BimtekStageState;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanDocument;
import id.kotacerdas.masterplan.domain.MasterplanVersion;
import id.kotacerdas.masterplan.domain.Pillar;
import id.kotacerdas.masterplan.domain.Pillars;
import id.kotacerdas.masterplan.domain.RatificationInstrument;
import id.kotacerdas.masterplan.rest.MasterplanRequests.DocumentData;
import id.kotacerdas.masterplan.rest.MasterplanViews.FindingView;
import id.kotacerdas.masterplan.service.MasterplanCommands;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The API's types to the stored document and the service's commands, and the stored ones to the API's views, field by
 * field. Reading a document also applies the rules that span fields: each pillar name must stand for a pillar (a
 * {@code 422} listing the accepted names), a sub-dimension must belong to its programme's pillar, the horizon must be
 * in order, roadmap years must lie in the horizon once each, and codes referred to must exist.
 */
final class MasterplanMapper {

    private MasterplanMapper() {
    }

    // ------------------------------------------------------------------ API -> stored

    /** The API's document (already valid field by field) as it is stored. */
    static MasterplanDocument toDocument(DocumentData d) {
        if (d.period() != null) {
            int start = d.period().startYear(), end = d.period().endYear();
            if (end < start || end - start > 10) {
                throw ProblemException.badRequest("period.endYear", "must not be before startYear and at most 10 years later");
            }
        }
        List<Violation> unknownPillars = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        MasterplanDocument.Period period = d.period() == null ? null
                : new MasterplanDocument.Period(d.period().startYear(), d.period().endYear());
        MasterplanDocument.StrategicAnalysis analysis = null;
        if (d.strategicAnalysis() != null) {
            var a = d.strategicAnalysis();
            List<MasterplanDocument.Gap> gaps = new ArrayList<>();
            List<MasterplanRequests.GapData> gapData = list(a.gapAnalysis());
            for (int i = 0; i < gapData.size(); i++) {
                var g = gapData.get(i);
                gaps.add(new MasterplanDocument.Gap(pillar("strategicAnalysis.gapAnalysis[" + i + "].pillar", g.pillar(),
                        unknownPillars), g.currentState(), g.targetState(), g.gap()));
            }
            analysis = new MasterplanDocument.StrategicAnalysis(
                    a.readiness() == null ? null : new MasterplanDocument.Readiness(a.readiness().struktur(),
                            a.readiness().infrastruktur(), a.readiness().suprastruktur()),
                    a.swot() == null ? null : new MasterplanDocument.Swot(list(a.swot().strengths()),
                            list(a.swot().weaknesses()), list(a.swot().opportunities()), list(a.swot().threats())),
                    gaps);
        }
        List<MasterplanDocument.Programme> programmes = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<MasterplanRequests.ProgrammeData> programmeData = list(d.programmes());
        for (int i = 0; i < programmeData.size(); i++) {
            var p = programmeData.get(i);
            String where = "programmes[" + i + "]";
            Pillar pillar = pillar(where + ".pillar", p.pillar(), unknownPillars);
            if (pillar != null && p.subDimension() != null && !pillar.has(p.subDimension())) {
                problems.add(new Violation(where + ".subDimension", p.subDimension() + " is no sub-dimension of "
                        + pillar + " (its sub-dimensions: " + pillar.subDimensions() + ")"));
            }
            if (p.code() != null && !codes.add(p.code())) {
                problems.add(new Violation(where + ".code", "the code " + p.code() + " is used by another programme"));
            }
            programmes.add(new MasterplanDocument.Programme(p.code(), p.title(), p.description(), pillar,
                    p.subDimension(), p.horizon(), p.responsibleOpd(), list(p.budgetSources()),
                    map(p.indicators(), x -> new MasterplanDocument.Indicator(x.name(), x.baseline(), x.target(), x.unit())),
                    p.rpjmdReference()));
        }
        List<MasterplanDocument.QuickWin> quickWins = new ArrayList<>();
        List<MasterplanRequests.QuickWinData> quickWinData = list(d.quickWins());
        for (int i = 0; i < quickWinData.size(); i++) {
            var q = quickWinData.get(i);
            quickWins.add(new MasterplanDocument.QuickWin(q.title(),
                    pillar("quickWins[" + i + "].pillar", q.pillar(), unknownPillars), q.existingService(),
                    q.improvement(), q.durationMonths(), q.responsibleOpd(),
                    new MasterplanDocument.Impact(q.impact().indicator(), q.impact().baseline(), q.impact().target(),
                            q.impact().measured())));
        }
        List<MasterplanDocument.Action> actions = new ArrayList<>();
        List<MasterplanRequests.ActionData> actionData = list(d.actionPlan());
        for (int i = 0; i < actionData.size(); i++) {
            var a = actionData.get(i);
            if (a.programmeCode() != null && !codes.contains(a.programmeCode())) {
                problems.add(new Violation("actionPlan[" + i + "].programmeCode", "no programme has the code "
                        + a.programmeCode()));
            }
            actions.add(new MasterplanDocument.Action(a.programmeCode(), a.action(), a.year(), a.responsibleOpd()));
        }
        List<MasterplanDocument.RoadmapYear> roadmap = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        List<MasterplanRequests.RoadmapYearData> roadmapData = list(d.roadmap());
        for (int i = 0; i < roadmapData.size(); i++) {
            var r = roadmapData.get(i);
            String where = "roadmap[" + i + "]";
            if (!years.add(r.year())) {
                problems.add(new Violation(where + ".year", "the year " + r.year() + " is in the roadmap twice"));
            }
            if (period != null && !period.contains(r.year())) {
                problems.add(new Violation(where + ".year", "the year " + r.year() + " lies outside the masterplan's horizon "
                        + period.startYear() + "–" + period.endYear()));
            }
            for (String code : list(r.programmeCodes())) {
                if (!codes.contains(code)) {
                    problems.add(new Violation(where + ".programmeCodes", "no programme has the code " + code));
                }
            }
            roadmap.add(new MasterplanDocument.RoadmapYear(r.year(), list(r.milestones()), list(r.programmeCodes())));
        }
        if (!unknownPillars.isEmpty()) {
            throw new ProblemException(422, "unknown-pillar", "Unknown pillar",
                    String.join("; ", unknownPillars.stream().map(v -> v.field() + ": " + v.message()).toList()),
                    unknownPillars, Map.of());
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "unprocessable", "Request cannot be applied",
                    String.join("; ", problems.stream().map(v -> v.field() + ": " + v.message()).toList()), problems,
                    Map.of());
        }
        return new MasterplanDocument(period, analysis, d.vision(), list(d.missions()), list(d.objectives()), programmes,
                quickWins, actions, roadmap);
    }

    private static Pillar pillar(String field, String name, List<Violation> unknown) {
        return Pillars.resolve(name).orElseGet(() -> {
            unknown.add(new Violation(field, "\"" + name + "\" is no pillar of the programme; accepted: "
                    + String.join(", ", Pillars.acceptedNames())));
            return null;
        });
    }

    static MasterplanCommands.Open toCommand(MasterplanRequests.OpenMasterplan o) {
        return new MasterplanCommands.Open(o.regionCode(), o.programmeYear(), o.kind(), o.title(), o.occurred());
    }

    static MasterplanCommands.Ratify toCommand(MasterplanRequests.RatificationData r) {
        RatificationInstrument kind = instrumentOf(r);
        return new MasterplanCommands.Ratify(kind, r.instrument().strip(), r.number(), r.year(), r.ratifiedOn(), r.title(),
                r.sources() == null ? List.of()
                        : r.sources().stream().map(s -> new Masterplan.Source(s.title(), s.url(), s.publishedOn())).toList(),
                r.occurred());
    }

    /**
     * The kind the body's instrument name stands for; a name that stands for none is a {@code 400} listing the accepted
     * names. {@code null} when there is no body or no name (Bean Validation names those).
     */
    static RatificationInstrument instrumentOf(MasterplanRequests.RatificationData r) {
        if (r == null || r.instrument() == null || r.instrument().isBlank()) {
            return null;
        }
        return RatificationInstrument.resolve(r.instrument()).orElseThrow(() ->
                ProblemException.badRequest("instrument", "\"" + r.instrument() + "\" is no instrument kind; accepted: "
                        + String.join(", ", RatificationInstrument.acceptedNames())));
    }

    static List<Masterplan.Comment> toComments(List<MasterplanRequests.CommentData> comments) {
        return map(comments, c -> new Masterplan.Comment(c.section(), c.comment()));
    }

    static MasterplanCommands.Decide toDecision(MasterplanRequests.RevisionRequestData r) {
        return new MasterplanCommands.Decide(toComments(r.comments()), r.occurred());
    }

    static MasterplanCommands.Decide toDecision(MasterplanRequests.ApprovalData a) {
        return new MasterplanCommands.Decide(toComments(a.comments()), a.occurred());
    }

    static MasterplanCommands.Schedule toCommand(MasterplanRequests.ScheduleStageData s) {
        return new MasterplanCommands.Schedule(s.startsOn(), s.endsOn(), s.mode(), s.venue(), list(s.guides()), s.purpose());
    }

    static MasterplanCommands.Schedule toCommand(MasterplanRequests.RescheduleStageData s) {
        return new MasterplanCommands.Schedule(s.startsOn(), s.endsOn(), s.mode(), s.venue(), list(s.guides()), s.purpose());
    }

    static MasterplanCommands.Hold toCommand(MasterplanRequests.HoldStageData h) {
        return new MasterplanCommands.Hold(h.attendance() == null ? null : toAttendance(h.attendance()),
                map(h.outputs(), o -> new BimtekStage.Output(o.title(), o.description())), h.notes(), h.occurred());
    }

    static BimtekStage.Attendance toAttendance(MasterplanRequests.AttendanceData a) {
        return new BimtekStage.Attendance(list(a.opds()), map(a.dewanMembers(), MasterplanMapper::person),
                map(a.timPelaksanaMembers(), MasterplanMapper::person), map(a.others(), MasterplanMapper::person));
    }

    private static BimtekStage.Person person(MasterplanRequests.PersonData p) {
        return new BimtekStage.Person(p.name(), p.role());
    }

    // ------------------------------------------------------------------ stored -> API

    static DocumentData toApi(MasterplanDocument d) {
        if (d == null) {
            return null;
        }
        var a = d.strategicAnalysis();
        return new DocumentData(
                d.period() == null ? null : new MasterplanRequests.PeriodData(d.period().startYear(), d.period().endYear()),
                a == null ? null : new MasterplanRequests.StrategicAnalysisData(
                        a.readiness() == null ? null : new MasterplanRequests.ReadinessData(a.readiness().struktur(),
                                a.readiness().infrastruktur(), a.readiness().suprastruktur()),
                        a.swot() == null ? null : new MasterplanRequests.SwotData(a.swot().strengths(),
                                a.swot().weaknesses(), a.swot().opportunities(), a.swot().threats()),
                        map(a.gapAnalysis(), g -> new MasterplanRequests.GapData(name(g.pillar()), g.currentState(),
                                g.targetState(), g.gap()))),
                d.vision(), d.missions(), d.objectives(),
                map(d.programmes(), p -> new MasterplanRequests.ProgrammeData(p.code(), p.title(), p.description(),
                        name(p.pillar()), p.subDimension(), p.horizon(), p.responsibleOpd(), p.budgetSources(),
                        map(p.indicators(), i -> new MasterplanRequests.IndicatorData(i.name(), i.baseline(), i.target(),
                                i.unit())),
                        p.rpjmdReference())),
                map(d.quickWins(), q -> new MasterplanRequests.QuickWinData(q.title(), name(q.pillar()),
                        q.existingService(), q.improvement(), q.durationMonths(), q.responsibleOpd(),
                        q.impact() == null ? null : new MasterplanRequests.ImpactData(q.impact().indicator(),
                                q.impact().baseline(), q.impact().target(), q.impact().measured()))),
                map(d.actionPlan(), x -> new MasterplanRequests.ActionData(x.programmeCode(), x.action(), x.year(),
                        x.responsibleOpd())),
                map(d.roadmap(), r -> new MasterplanRequests.RoadmapYearData(r.year(), r.milestones(), r.programmeCodes())));
    }

    static MasterplanViews.MasterplanView toView(Masterplan m, List<BimtekStage> stages, List<Alignment.Finding> findings) {
        return new MasterplanViews.MasterplanView(m.id, m.regionCode, m.regionName, m.programmeYear, m.kind, m.title,
                m.origin, m.openedFrom, m.mouId, m.mouSignedOn, m.state, m.version, m.versionCount, m.contentRecorded,
                m.withdrawnAt == null || m.ratification == null ? null : m.ratification.withdrawn(),
                m.contentRecorded ? toApi(m.document) : null,
                m.contentRecorded ? findings(findings) : null,
                new MasterplanViews.BimtekSummary((int) stages.stream().filter(s -> s.state == BimtekStageState.HELD).count(),
                        m.bimtekCompletedOn),
                map(m.reviews == null ? null : m.reviews.items(), r -> new MasterplanViews.ReviewView(r.versionNumber(), r.decision(),
                        map(r.comments(), c -> new MasterplanViews.CommentView(c.section(), c.comment())), r.reviewer(),
                        r.at(), r.date())),
                ratification(m.ratification), m.openedAt, m.openedBy,
                m.origin == Origin.RECORDED ? null : m.openingDate(), m.updatedAt, m.updatedBy);
    }

    static MasterplanViews.MasterplanSummary toSummary(Masterplan m) {
        return new MasterplanViews.MasterplanSummary(m.id, m.regionCode, m.regionName, m.programmeYear, m.kind, m.title,
                m.origin, m.openedFrom, m.mouId, m.state, m.version, m.versionCount, m.contentRecorded, m.bimtekCompletedOn, ratification(m.ratification),
                m.updatedAt);
    }

    static List<FindingView> findings(List<Alignment.Finding> findings) {
        return map(findings, f -> new FindingView(f.kind(), f.field(), f.message()));
    }

    static MasterplanViews.RatificationView ratification(Masterplan.Ratification r) {
        return r == null ? null : new MasterplanViews.RatificationView(r.instrument(), r.instrument() != null,
                r.nameAsGiven(), r.number(), r.number() != null, r.year(), r.date(), r.title(), r.recordedBy(),
                r.recordedAt(), r.actDate(), r.actDate() != null, r.sources() == null ? List.of() : r.sources(),
                r.currentRevision(), r.withdrawn());
    }

    static MasterplanViews.VersionView toView(MasterplanVersion v) {
        return new MasterplanViews.VersionView(v.masterplanId, v.number, v.submittedAt, v.submittedBy, v.submissionDate(),
                toApi(v.document));
    }

    static MasterplanViews.VersionSummary toSummary(MasterplanVersion v) {
        return new MasterplanViews.VersionSummary(v.number, v.submittedAt, v.submittedBy, v.submissionDate());
    }

    static MasterplanViews.BimtekStageView toView(BimtekStage s) {
        BimtekStage.Attendance a = s.attendance;
        return new MasterplanViews.BimtekStageView(s.masterplanId, s.stage, s.state, s.purpose, s.startDate, s.endDate,
                s.mode, s.venue, s.guides.names(),
                a == null ? null : new MasterplanRequests.AttendanceData(a.opds(),
                        map(a.dewanMembers(), MasterplanMapper::personData),
                        map(a.timPelaksanaMembers(), MasterplanMapper::personData),
                        map(a.others(), MasterplanMapper::personData)),
                map(s.outputs.items(), o -> new MasterplanRequests.OutputData(o.title(), o.description())), s.notes,
                s.cancelReason, s.rescheduleCount, s.heldDate(), s.version, s.updatedAt, s.updatedBy);
    }

    private static MasterplanRequests.PersonData personData(BimtekStage.Person p) {
        return new MasterplanRequests.PersonData(p.name(), p.role());
    }

    static MasterplanViews.PillarsView pillars() {
        List<MasterplanViews.PillarView> pillars = new ArrayList<>();
        for (Pillar p : Pillar.values()) {
            pillars.add(new MasterplanViews.PillarView(p.name(), p.displayName(),
                    p.subDimensions().stream().map(s -> new MasterplanViews.SubDimensionView(s.name(), s.indonesianName()))
                            .toList(),
                    Pillars.aliasesOf(p)));
        }
        return new MasterplanViews.PillarsView(pillars, Pillars.acceptedNames());
    }

    private static String name(Pillar pillar) {
        return pillar == null ? null : pillar.name();
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> f) {
        return items == null ? List.of() : items.stream().map(f).toList();
    }
}
