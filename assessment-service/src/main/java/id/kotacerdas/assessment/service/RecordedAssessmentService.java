package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.EarlierCohort;
import id.kotacerdas.assessment.domain.EarlierCohorts;
import id.kotacerdas.assessment.domain.RecordedAssessment;
import id.kotacerdas.assessment.domain.RecordedAssessmentChanges;
import id.kotacerdas.assessment.domain.RecordedAssessmentRevision;
import id.kotacerdas.assessment.domain.StateConflictException;
import id.kotacerdas.platform.record.Withdrawal;
import id.kotacerdas.assessment.domain.RecordedOutcomeRules;
import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.domain.SourceList;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.repository.RecordedAssessmentRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.registry.RegionLevel;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One region's outcome of a past assessment, recorded from its sources ({@code POST /recorded-assessments}): its own
 * table, never the live cycle's. Idempotent by (programme year, track, region). Published with the live events' types
 * ({@code RegionInvited}, {@code SelfAssessmentSubmitted}, {@code RegionScored} when given or known, then
 * {@code RegionSelected} or {@code RegionNotSelected}), each {@code origin} RECORDED, {@code cycleId} null and
 * {@code recordId} the record's id. A SELECTED outcome is the region's membership of that year's cohort.
 */
@ApplicationScoped
public class RecordedAssessmentService {

    public static final String AUDIT_RESOURCE = "RecordedAssessment";

    @Inject
    RecordedAssessmentRepository records;

    @Inject
    RegionRegistry registry;

    @Inject
    Instance<EarlierCohorts> cohortSources;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** What a source gives of a past outcome. */
    public record NewOutcome(Integer programmeYear, Track track, Integer assessmentYear, String regionCode,
            RecordedAssessment.Outcome outcome, BigDecimal score, Boolean scoreKnown, Integer rank, Boolean rankKnown,
            Occurred invited, Occurred submitted, Occurred occurred, List<Source> sources) {
    }

    @WithTransaction
    public Uni<Recorded<RecordedAssessment>> record(Caller caller, NewOutcome r) {
        List<Violation> violations = new ArrayList<>();
        if (r.occurred() == null) {
            violations.add(new Violation("occurred", "is required: when the outcome happened (DAY, MONTH or YEAR)"));
        }
        violations.addAll(RecordedOutcomeRules.knownValues(r.score(), r.scoreKnown(), r.rank(), r.rankKnown()));
        if (r.assessmentYear() != null && r.assessmentYear() > r.programmeYear()) {
            violations.add(new Violation("assessmentYear", "must not be after programmeYear"));
        }
        violations.addAll(Source.check("sources", r.sources()));
        RecordRules.valid(violations);
        Occurred outcomeOn = r.occurred().checked("occurred", clock);
        Occurred invited = r.invited() == null ? null : r.invited().checked("invited", clock);
        Occurred submitted = r.submitted() == null ? null : r.submitted().checked("submitted", clock);
        RecordedOutcomeRules.inOrder(invited, submitted, outcomeOn);
        BigDecimal score = r.score() == null ? null : r.score().setScale(2);
        return registry.current(r.regionCode()).chain(found -> {
            if (found.isEmpty()) {
                throw new RuleViolationException(List.of(new Violation("regionCode", "no region has the code " + r.regionCode())));
            }
            var region = found.get();
            if (region.administrative()) {
                throw new RuleViolationException(List.of(new Violation("regionCode", region.name()
                        + " is an administrative unit of DKI Jakarta, not an autonomous region: it cannot take part")));
            }
            Track track = region.level() == RegionLevel.PROVINCE ? Track.PROVINCE : Track.KAB_KOTA;
            if (track != r.track()) {
                throw new RuleViolationException(List.of(new Violation("track", region.name() + " is a "
                        + region.level().name().toLowerCase() + ": its track is " + track)));
            }
            return records.byKey(r.programmeYear(), track, region.code()).chain(existing -> {
                if (existing.isPresent()) {
                    RecordedAssessment a = existing.get();
                    new RecordRules.Comparison("The " + r.programmeYear() + " " + track + " outcome of " + region.name()
                            + " (" + region.code() + ")", "/api/v1/recorded-assessments/" + a.id)
                            .field("assessmentYear", a.assessmentYear, r.assessmentYear())
                            .field("outcome", a.outcome, r.outcome())
                            .field("score", a.score, score)
                            .field("rank", a.rank, r.rank())
                            .field("invited", a.invited(), invited)
                            .field("submitted", a.submitted(), submitted)
                            .field("occurred", a.occurred(), outcomeOn)
                            .field("sources", SourceList.items(a.sources), r.sources())
                            .sameOrConflict();
                    return Uni.createFrom().item(Recorded.already(a));
                }
                RecordedAssessment a = new RecordedAssessment();
                a.id = UUID.randomUUID();
                a.programmeYear = r.programmeYear();
                a.track = track;
                a.assessmentYear = r.assessmentYear();
                a.regionCode = region.code();
                a.regionName = region.name();
                a.regionLevel = region.level().name();
                a.provinceCode = region.provinceCode();
                a.outcome = r.outcome();
                a.score = score;
                a.scoreKnown = score != null;
                a.rank = r.rank();
                a.rankKnown = r.rank() != null;
                a.setInvited(invited);
                a.setSubmitted(submitted);
                a.setOccurred(outcomeOn);
                a.sources = new SourceList(r.sources());
                a.recordedAt = Revisions.now(clock);
                a.recordedBy = caller.username();
                return records.persistAndFlush(a)
                        .chain(() -> earlier(a))
                        .chain(earlier -> auditTrail.record(caller, "ASSESSMENT_OUTCOME_RECORDED", AUDIT_RESOURCE,
                                a.id.toString(), null, audit(a))
                                .chain(() -> publish(caller, a, earlier)))
                        .replaceWith(Recorded.created(a));
            });
        });
    }

    @WithSession
    public Uni<RecordedAssessment> get(UUID id) {
        return records.findById(id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("No recorded assessment outcome " + id);
            }
            return a;
        });
    }

    @WithSession
    public Uni<List<RecordedAssessment>> list(Integer programmeYear) {
        return records.list(programmeYear);
    }

    /** Every recorded outcome (of one programme year when given), withdrawn ones too when asked. */
    @WithSession
    public Uni<List<RecordedAssessment>> list(Integer programmeYear, boolean includeWithdrawn) {
        return records.list(programmeYear, includeWithdrawn);
    }

    /** A correction of a recorded outcome: why, on what sources, and the fields it changes. */
    public record Correction(String reason, List<Source> sources, RecordedAssessmentChanges changes) {
    }

    /** The outcome to correct or withdraw: there, not withdrawn ({@code 409}), at the revision the caller read. */
    private Uni<RecordedAssessment> writable(UUID id, Long expected) {
        return records.findById(id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("No recorded assessment outcome " + id);
            }
            if (a.withdrawn()) {
                throw new StateConflictException("WITHDRAWN", "The " + a.programmeYear + " " + a.track + " outcome of "
                        + a.regionName + " (" + a.regionCode + ") was withdrawn on " + a.withdrawnAt
                        + "; a withdrawn fact is neither corrected nor withdrawn again.");
            }
            Revisions.require(expected, a.revision, "recorded assessment outcome");
            return a;
        });
    }

    private RecordedAssessmentRevision revisionOf(RecordedAssessment a, Caller caller, OffsetDateTime at, String reason,
            List<Source> sources) {
        RecordedAssessmentRevision r = new RecordedAssessmentRevision();
        r.id = UUID.randomUUID();
        r.recordId = a.id;
        r.revision = a.revision;
        r.changedAt = at;
        r.changedBy = caller.username();
        r.reason = reason;
        r.sources = new SourceList(sources == null ? List.of() : sources);
        r.value = RecordedAssessmentChanges.valueOf(a);
        return r;
    }

    /** {@code reason} (≤ 2000) and {@code sources} (≥ 1) of a correction or withdrawal. */
    static List<Violation> reasonAndSources(String reason, List<Source> sources, boolean sourcesRequired) {
        List<Violation> out = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            out.add(new Violation("reason", "is required"));
        } else if (reason.length() > 2000) {
            out.add(new Violation("reason", "must be at most 2000 characters"));
        }
        if (sourcesRequired || (sources != null && !sources.isEmpty())) {
            out.addAll(Source.check("sources", sources));
        }
        return out;
    }

    /**
     * Corrects a recorded outcome (If-Match: its revision): the changed fields, checked as on record; the earlier value
     * is kept as a revision. A change of {@code outcome} moves the cohort membership (SELECTED is a member). Audited
     * and published as {@code AssessmentOutcomeCorrected} (key: region code).
     */
    @WithTransaction
    public Uni<RecordedAssessment> correct(Caller caller, UUID id, Long expected, Correction c) {
        List<Violation> violations = reasonAndSources(c.reason(), c.sources(), true);
        if (c.changes() == null) {
            violations.add(new Violation("changes", "is required: the fields to change"));
        }
        RecordRules.valid(violations);
        return writable(id, expected).chain(a -> {
            RecordRules.valid(c.changes().check(a));
            RecordedAssessmentChanges.Result result = c.changes().result(a, clock);
            Map<String, Object> previous = RecordedAssessmentChanges.previous(a, result);
            if (previous.isEmpty()) {
                RecordRules.valid(List.of(new Violation("changes", "changes nothing: give at least one field with a "
                        + "value other than the recorded one (" + String.join(", ", RecordedAssessmentChanges.CORRECTABLE)
                        + ")")));
            }
            var now = Revisions.now(clock);
            String reason = c.reason().strip();
            Map<String, Object> before = RecordedAssessmentChanges.valueOf(a);
            RecordedAssessmentRevision rev = revisionOf(a, caller, now, reason, c.sources());
            RecordedAssessmentChanges.apply(a, result);
            a.revision++;
            Map<String, Object> after = RecordedAssessmentChanges.valueOf(a);
            after.put("revision", a.revision);
            after.put("reason", reason);
            var correction = new AssessmentEvents.Correction(a.revision, reason, List.copyOf(c.sources()), now, previous);
            return records.keep(rev).chain(() -> records.flush())
                    .chain(() -> earlier(a))
                    .chain(earlier -> auditTrail.record(caller, "ASSESSMENT_OUTCOME_CORRECTED", AUDIT_RESOURCE,
                            a.id.toString(), before, after)
                            .chain(() -> outbox.append(AssessmentEvents.ASSESSMENT_OUTCOME_CORRECTED, a.regionCode,
                                    corrected(caller, a, earlier, correction))))
                    .replaceWith(a);
        });
    }

    /**
     * Withdraws a recorded outcome (If-Match: its revision; sources required): it stays readable by id, leaves the
     * lists, the cohort (statistics, earlier cohorts) and counts. Audited; published as
     * {@code AssessmentOutcomeWithdrawn} (key: region code).
     */
    @WithTransaction
    public Uni<RecordedAssessment> withdraw(Caller caller, UUID id, Long expected, Withdrawal w) {
        RecordRules.valid(w == null ? List.of(new Violation("reason", "is required"), new Violation("sources", "is required"))
                : reasonAndSources(w.reason(), w.sources(), true));
        return writable(id, expected).chain(a -> {
            var now = Revisions.now(clock);
            String reason = w.reason().strip();
            RecordedAssessmentRevision rev = revisionOf(a, caller, now, reason, w.sources());
            a.revision++;
            a.withdrawnAt = now;
            a.withdrawnBy = caller.username();
            a.withdrawalReason = reason;
            a.withdrawalSources = new SourceList(w.sources());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("revision", a.revision);
            after.put("withdrawn", true);
            after.put("reason", reason);
            var event = new AssessmentEvents.AssessmentOutcomeWithdrawn(a.programmeYear, a.track.name(), a.regionCode,
                    a.id, a.outcome.name(), new AssessmentEvents.WithdrawalData(a.revision, reason,
                            List.copyOf(w.sources()), now));
            return records.keep(rev).chain(() -> records.flush())
                    .chain(() -> auditTrail.record(caller, "ASSESSMENT_OUTCOME_WITHDRAWN", AUDIT_RESOURCE,
                            a.id.toString(), RecordedAssessmentChanges.valueOf(a), after))
                    .chain(() -> outbox.append(AssessmentEvents.ASSESSMENT_OUTCOME_WITHDRAWN, a.regionCode, event))
                    .replaceWith(a);
        });
    }

    /** Every earlier value of a recorded outcome, oldest first. */
    @WithSession
    public Uni<List<RecordedAssessmentRevision>> revisions(UUID id) {
        return get(id).chain(a -> records.revisionsOf(a.id));
    }

    private static AssessmentEvents.AssessmentOutcomeCorrected corrected(Caller caller, RecordedAssessment a,
            List<EarlierCohort> earlier, AssessmentEvents.Correction correction) {
        return new AssessmentEvents.AssessmentOutcomeCorrected(null, null, a.assessmentYear, a.programmeYear,
                a.regionCode, a.regionName, a.provinceCode, a.track.name(), a.rank, a.score, a.outcome.name(), null,
                !earlier.isEmpty(), earlier.stream().map(c -> new AssessmentEvents.EarlierCohort(c.programmeYear(),
                        c.track().name(), c.source())).toList(),
                new AssessmentEvents.Actor(caller.subject(), caller.username()), a.recordedAt, a.occurred(),
                Origin.RECORDED, a.id, a.sources.items(), a.scoreKnown, a.rankKnown, a.invited(), a.submitted(),
                correction);
    }

    /** The region's earlier cohorts, from every source (imported, selections, recorded outcomes). */
    private Uni<List<EarlierCohort>> earlier(RecordedAssessment a) {
        if (!a.selected()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, EarlierCohort> found = new LinkedHashMap<>();
        return Multi.createFrom().iterable(cohortSources.stream().toList())
                .onItem().transformToUniAndConcatenate(source -> source.before(a.programmeYear, List.of(a.regionCode)))
                .invoke(cohorts -> cohorts.forEach(c -> found.putIfAbsent(c.programmeYear() + "/" + c.track(), c)))
                .collect().last()
                .map(ignored -> found.values().stream().sorted(Comparator.comparingInt(EarlierCohort::programmeYear))
                        .toList());
    }

    private Uni<Void> publish(Caller caller, RecordedAssessment a, List<EarlierCohort> earlier) {
        var actor = new AssessmentEvents.Actor(caller.subject(), caller.username());
        OffsetDateTime at = a.recordedAt;
        List<Source> sources = a.sources.items();
        List<java.util.function.Supplier<Uni<?>>> steps = new ArrayList<>();
        if (a.invited() != null) {
            steps.add(() -> outbox.append(AssessmentEvents.REGION_INVITED, a.regionCode, new AssessmentEvents.RegionInvited(
                    null, a.assessmentYear, a.programmeYear, a.regionCode, a.regionName, a.regionLevel, a.provinceCode,
                    a.track.name(), null, actor, at, a.invited(), Origin.RECORDED, a.id, sources)));
        }
        if (a.submitted() != null) {
            steps.add(() -> outbox.append(AssessmentEvents.SELF_ASSESSMENT_SUBMITTED, a.regionCode,
                    new AssessmentEvents.SelfAssessmentSubmitted(null, a.regionCode, a.regionName, null, null, null,
                            actor, at, a.submitted(), Origin.RECORDED, a.id, sources)));
        }
        if (a.scoreKnown) {
            // the scoring's own date is not recorded: the score is known as of the outcome
            steps.add(() -> outbox.append(AssessmentEvents.REGION_SCORED, a.regionCode, new AssessmentEvents.RegionScored(
                    null, a.regionCode, a.regionName, a.track.name(), null, null, a.score, true, at, a.occurred(),
                    Origin.RECORDED, a.id, sources)));
        }
        if (a.selected()) {
            steps.add(() -> outbox.append(AssessmentEvents.REGION_SELECTED, a.regionCode, new AssessmentEvents.RegionSelected(
                    null, null, a.assessmentYear, a.programmeYear, a.regionCode, a.regionName, a.provinceCode,
                    a.track.name(), a.rank, a.score, a.outcome.name(), null, !earlier.isEmpty(),
                    earlier.stream().map(c -> new AssessmentEvents.EarlierCohort(c.programmeYear(), c.track().name(),
                            c.source())).toList(),
                    actor, at, a.occurred(), Origin.RECORDED, a.id, sources)));
        } else {
            steps.add(() -> outbox.append(AssessmentEvents.REGION_NOT_SELECTED, a.regionCode,
                    new AssessmentEvents.RegionNotSelected(null, null, a.assessmentYear, a.programmeYear, a.regionCode,
                            a.regionName, a.provinceCode, a.track.name(), a.rank, a.score, a.outcome.name(), null, actor,
                            at, a.occurred(), Origin.RECORDED, a.id, sources)));
        }
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(java.util.function.Supplier::get).collect().last()
                .replaceWithVoid();
    }

    private static Map<String, Object> audit(RecordedAssessment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("programmeYear", a.programmeYear);
        m.put("track", a.track.name());
        m.put("regionCode", a.regionCode);
        m.put("outcome", a.outcome.name());
        m.put("score", a.score);
        m.put("rank", a.rank);
        m.put("occurred", a.occurred());
        m.put("sources", a.sources.items().stream().map(Source::url).toList());
        return m;
    }
}
