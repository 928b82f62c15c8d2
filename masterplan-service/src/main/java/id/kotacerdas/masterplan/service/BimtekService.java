package id.kotacerdas.masterplan.service;

import id.kotacerdas.masterplan.config.MasterplanConfig;
import id.kotacerdas.masterplan.domain.ActDates;
import id.kotacerdas.masterplan.domain.BimtekAction;
import id.kotacerdas.masterplan.domain.BimtekLifecycle;
import id.kotacerdas.masterplan.domain.BimtekStage;
import id.kotacerdas.masterplan.domain.BimtekStageState;
import id.kotacerdas.masterplan.domain.IllegalTransitionException;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanState;
import id.kotacerdas.masterplan.messaging.MasterplanEventMapper;
import id.kotacerdas.masterplan.messaging.MasterplanEvents;
import id.kotacerdas.masterplan.repository.BimtekStageRepository;
import id.kotacerdas.masterplan.repository.MasterplanRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The four bimtek stages of a masterplan: the ministry's guides (assessors) and the ministry schedule, hold and cancel
 * them; the region's officers record who attended. Holding stage 4 completes the bimtek ({@code BimtekCompleted}).
 * Checks in the same order as {@link MasterplanService}: 404, 403, 428, 409, 400/422, 412.
 */
@ApplicationScoped
public class BimtekService {

    public static final String AUDIT_RESOURCE = "BimtekStage";
    /** A stage is about two days of FGDs; a week is the longest a stage may span. */
    public static final int MAX_STAGE_DAYS = 7;

    @Inject
    MasterplanService masterplanService;

    @Inject
    MasterplanRepository masterplans;

    @Inject
    BimtekStageRepository stages;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    MasterplanConfig config;

    @Inject
    Clock clock;

    /** A stage with its masterplan. */
    public record Current(Masterplan masterplan, BimtekStage stage) {
    }

    @WithSession
    public Uni<List<BimtekStage>> list(UUID masterplanId) {
        return masterplanService.require(masterplanId).chain(m -> stages.of(m.id));
    }

    @WithSession
    public Uni<Current> get(UUID masterplanId, int stage) {
        return masterplanService.require(masterplanId)
                .chain(m -> stages.of(m.id).map(all -> new Current(m, find(m, all, stage))));
    }

    /** Schedules a stage that has not been scheduled yet. */
    @WithTransaction
    public <T> Uni<IdempotentResult<T>> schedule(Caller caller, UUID masterplanId, int stage,
            Supplier<MasterplanCommands.Schedule> input, String idempotencyKey,
            Function<Current, IdempotentResult.Created<T>> answer) {
        Idempotency.validateKey(idempotencyKey);
        return masterplanService.require(masterplanId).chain(m -> stages.of(m.id).chain(all -> {
            requireOpen(m);
            MasterplanCommands.Schedule command = input.get();
            return idempotency.execute(caller, idempotencyKey, List.of(masterplanId, stage, command), () -> {
                if (all.stream().anyMatch(s -> s.stage == stage)) {
                    throw ProblemException.conflict("Bimtek stage " + stage + " of this masterplan is scheduled already;"
                            + " reschedule it with PUT and If-Match.");
                }
                checkDates(stage, command, all);
                checkAgainstPlan(m, command);
                BimtekStage s = new BimtekStage();
                s.id = UUID.randomUUID();
                s.masterplanId = m.id;
                s.stage = stage;
                s.state = BimtekStageState.PLANNED;
                apply(s, command);
                s.outputs = new BimtekStage.Outputs(List.of());
                s.rescheduleCount = 0;
                s.createdAt = Preconditions.now();
                s.createdBy = caller.username();
                s.updatedAt = s.createdAt;
                s.updatedBy = caller.username();
                return stages.persistAndFlush(s)
                        .call(saved -> auditTrail.record(caller, "BIMTEK_STAGE_SCHEDULED", AUDIT_RESOURCE,
                                resourceId(m, stage), null, snapshot(saved)))
                        .call(saved -> outbox.append(MasterplanEvents.BIMTEK_SESSION_SCHEDULED, m.regionCode,
                                MasterplanEventMapper.scheduled(m, saved, false, caller)))
                        .map(saved -> answer.apply(new Current(m, saved)));
            });
        }));
    }

    /** New dates, mode, venue or guides for a planned stage, or a cancelled stage scheduled again. */
    @WithTransaction
    public Uni<Current> reschedule(Caller caller, UUID masterplanId, int stage, Long expectedVersion,
            Supplier<MasterplanCommands.Schedule> input) {
        return masterplanService.require(masterplanId).chain(m -> stages.of(m.id).chain(all -> {
            BimtekStage s = find(m, all, stage);
            Preconditions.requireIfMatch(expectedVersion, "bimtek stage");
            requireOpen(m);
            BimtekStageState next = BimtekLifecycle.apply(stage, s.state, BimtekAction.RESCHEDULE);
            MasterplanCommands.Schedule command = input.get();
            checkDates(stage, command, all);
            checkAgainstPlan(m, command);
            Preconditions.checkVersion(s.version, expectedVersion, "bimtek stage");
            Map<String, Object> before = snapshot(s);
            boolean wasCancelled = s.state == BimtekStageState.CANCELLED;
            BimtekStage probe = new BimtekStage();
            probe.stage = stage;
            apply(probe, command);
            if (!wasCancelled && sameSchedule(s, probe)) {
                return Uni.createFrom().item(new Current(m, s)); // nothing changed
            }
            s.state = next;
            s.cancelReason = null;
            apply(s, command);
            s.rescheduleCount++;
            touch(s, caller);
            return stages.flush()
                    .call(() -> auditTrail.record(caller, "BIMTEK_STAGE_RESCHEDULED", AUDIT_RESOURCE,
                            resourceId(m, stage), before, snapshot(s)))
                    .call(() -> outbox.append(MasterplanEvents.BIMTEK_SESSION_SCHEDULED, m.regionCode,
                            MasterplanEventMapper.scheduled(m, s, true, caller)))
                    .replaceWith(new Current(m, s));
        }));
    }

    /** Records that a planned stage was held; stage n+1 only after stage n. Holding stage 4 completes the bimtek. */
    @WithTransaction
    public Uni<Current> hold(Caller caller, UUID masterplanId, int stage, Long expectedVersion,
            Supplier<MasterplanCommands.Hold> input) {
        return masterplanService.require(masterplanId).chain(m -> stages.of(m.id).chain(all -> {
            BimtekStage s = find(m, all, stage);
            BimtekStageState next = BimtekLifecycle.apply(stage, s.state, BimtekAction.HOLD);
            Optional<BimtekLifecycle.Previous> previous = all.stream().filter(x -> x.stage == stage - 1).findFirst()
                    .map(x -> new BimtekLifecycle.Previous(x.state, x.endDate));
            BimtekLifecycle.holdBlockedBy(stage, previous).ifPresent(blocked -> {
                throw blocked;
            });
            MasterplanCommands.Hold command = input.get();
            Occurred held = ActDates.checked(command.occurred(), "occurred", m.kind, clock);
            ActDates.withinStage("occurred", held, s.startDate, s.endDate, stage);
            LocalDate today = LocalDate.now(clock.withZone(config.zone()));
            if (s.startDate.isAfter(today)) {
                throw ProblemException.unprocessable("startsOn", "bimtek stage " + stage + " starts on " + s.startDate
                        + " and cannot be recorded as held before then (today is " + today + ")");
            }
            Preconditions.checkVersion(s.version, expectedVersion, "bimtek stage");
            Map<String, Object> before = snapshot(s);
            s.state = next;
            if (command.attendance() != null) {
                s.attendance = command.attendance();
            }
            s.outputs = new BimtekStage.Outputs(command.outputs() == null ? List.of() : List.copyOf(command.outputs()));
            s.notes = command.notes();
            s.heldOn = Occurred.firstDayOf(held);
            s.heldPrecision = Occurred.precisionOf(held);
            touch(s, caller);
            Uni<?> written = stages.flush()
                    .call(() -> auditTrail.record(caller, "BIMTEK_STAGE_HELD", AUDIT_RESOURCE, resourceId(m, stage),
                            before, snapshot(s)))
                    .call(() -> outbox.append(MasterplanEvents.BIMTEK_SESSION_HELD, m.regionCode,
                            MasterplanEventMapper.held(m, s, caller)));
            if (stage != BimtekLifecycle.LAST_STAGE) {
                return written.replaceWith(new Current(m, s));
            }
            Map<String, Object> masterplanBefore = MasterplanService.snapshot(m);
            m.bimtekCompletedOn = s.endDate;
            m.updatedAt = s.updatedAt;
            m.updatedBy = caller.username();
            return written
                    .chain(() -> masterplans.flush())
                    .call(() -> auditTrail.record(caller, "BIMTEK_COMPLETED", MasterplanService.AUDIT_RESOURCE,
                            m.id.toString(), masterplanBefore, MasterplanService.snapshot(m)))
                    .call(() -> outbox.append(MasterplanEvents.BIMTEK_COMPLETED, m.regionCode,
                            MasterplanEventMapper.completed(m, all, caller, s.updatedAt)))
                    .replaceWith(new Current(m, s));
        }));
    }

    /** Cancels a planned stage (it can be rescheduled later). */
    @WithTransaction
    public Uni<Current> cancel(Caller caller, UUID masterplanId, int stage, Long expectedVersion, Supplier<String> reason) {
        return masterplanService.require(masterplanId).chain(m -> stages.of(m.id).chain(all -> {
            BimtekStage s = find(m, all, stage);
            BimtekStageState next = BimtekLifecycle.apply(stage, s.state, BimtekAction.CANCEL);
            String why = reason.get();
            Preconditions.checkVersion(s.version, expectedVersion, "bimtek stage");
            Map<String, Object> before = snapshot(s);
            s.state = next;
            s.cancelReason = why;
            touch(s, caller);
            return stages.flush()
                    .call(() -> auditTrail.record(caller, "BIMTEK_STAGE_CANCELLED", AUDIT_RESOURCE, resourceId(m, stage),
                            before, snapshot(s)))
                    .replaceWith(new Current(m, s));
        }));
    }

    /** Who attended a planned or held stage: the region's officers, the guides and the ministry record it. */
    @WithTransaction
    public Uni<Current> recordAttendance(Caller caller, UUID masterplanId, int stage, Long expectedVersion,
            Supplier<BimtekStage.Attendance> input) {
        return masterplanService.require(masterplanId).chain(m -> stages.of(m.id).chain(all -> {
            BimtekStage s = find(m, all, stage);
            MasterplanAccess.requireAttendanceWriter(caller, m);
            Preconditions.requireIfMatch(expectedVersion, "bimtek stage");
            BimtekLifecycle.apply(stage, s.state, BimtekAction.RECORD_ATTENDANCE);
            BimtekStage.Attendance attendance = input.get();
            Preconditions.checkVersion(s.version, expectedVersion, "bimtek stage");
            if (Objects.equals(s.attendance, attendance)) {
                return Uni.createFrom().item(new Current(m, s));
            }
            BimtekStage.Attendance before = s.attendance;
            s.attendance = attendance;
            touch(s, caller);
            return stages.flush()
                    .call(() -> auditTrail.record(caller, "BIMTEK_ATTENDANCE_RECORDED", AUDIT_RESOURCE,
                            resourceId(m, stage), before, attendance))
                    .replaceWith(new Current(m, s));
        }));
    }

    // ------------------------------------------------------------------ rules

    private static BimtekStage find(Masterplan m, List<BimtekStage> all, int stage) {
        return all.stream().filter(s -> s.stage == stage).findFirst().orElseThrow(() -> ProblemException.notFound(
                "Bimtek stage " + stage + " of masterplan " + m.id + " is not scheduled yet; schedule it with POST."));
    }

    /** No bimtek for a masterplan that is enacted already. */
    private static void requireOpen(Masterplan m) {
        if (m.state == MasterplanState.RATIFIED) {
            throw new IllegalTransitionException("masterplan", m.state.name(),
                    "The masterplan is RATIFIED: its bimtek stages cannot be scheduled any more.");
        }
    }

    /** A stage's days lie after the stage before it and before the stage after it (cancelled stages aside). */
    static void checkDates(int stage, MasterplanCommands.Schedule command, List<BimtekStage> all) {
        List<Violation> problems = new ArrayList<>();
        if (command.endDate().isBefore(command.startDate())) {
            throw ProblemException.badRequest("endsOn", "must not be before startsOn");
        }
        if (command.endDate().toEpochDay() - command.startDate().toEpochDay() + 1 > MAX_STAGE_DAYS) {
            throw ProblemException.badRequest("endsOn", "a stage spans at most " + MAX_STAGE_DAYS + " days");
        }
        Optional<BimtekLifecycle.Previous> previous = all.stream().filter(x -> x.stage == stage - 1).findFirst()
                .map(x -> new BimtekLifecycle.Previous(x.state, x.endDate));
        Optional<BimtekLifecycle.Next> next = all.stream().filter(x -> x.stage == stage + 1).findFirst()
                .map(x -> new BimtekLifecycle.Next(x.state, x.startDate));
        BimtekLifecycle.startBlockedBy(stage, command.startDate(), previous)
                .ifPresent(why -> problems.add(new Violation("startsOn", why)));
        BimtekLifecycle.endBlockedBy(stage, command.endDate(), next)
                .ifPresent(why -> problems.add(new Violation("endsOn", why)));
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "stage-out-of-order", "Bimtek stage out of order",
                    "Bimtek stage " + stage + ": " + String.join("; ",
                            problems.stream().map(v -> v.field() + " " + v.message()).toList()) + ".",
                    problems, Map.of());
        }
    }

    /**
     * A stage's days are the act's dates: not before the programme began (2017; a SELF_MADE plan has no floor), nor
     * before the masterplan's opening when that was dated after the fact (by the MoU's signing or an {@code occurred}).
     */
    static void checkAgainstPlan(Masterplan m, MasterplanCommands.Schedule command) {
        LocalDate floor = ActDates.floorOf(m.kind);
        if (floor != null && command.startDate().isBefore(floor)) {
            throw ProblemException.badRequest("startsOn", "lies before the programme began (" + floor + ")");
        }
        ActDates.notBefore("startsOn", Occurred.onDay(command.startDate()), false, m.openingGiven(), m.openedAt,
                "the masterplan's opening");
    }

    private static void apply(BimtekStage s, MasterplanCommands.Schedule c) {
        s.startDate = c.startDate();
        s.endDate = c.endDate();
        s.mode = c.mode();
        s.venue = c.venue();
        s.guides = new BimtekStage.Guides(c.guides() == null ? List.of() : List.copyOf(c.guides()));
        s.purpose = c.purpose() == null || c.purpose().isBlank() ? BimtekLifecycle.purposeOf(s.stage)
                : c.purpose();
    }

    private static boolean sameSchedule(BimtekStage a, BimtekStage b) {
        return Objects.equals(a.startDate, b.startDate) && Objects.equals(a.endDate, b.endDate) && a.mode == b.mode
                && Objects.equals(a.venue, b.venue) && Objects.equals(a.guides, b.guides)
                && Objects.equals(a.purpose, b.purpose);
    }

    private static void touch(BimtekStage s, Caller caller) {
        s.updatedAt = Preconditions.now();
        s.updatedBy = caller.username();
    }

    private static String resourceId(Masterplan m, int stage) {
        return m.id + "/bimtek-stages/" + stage;
    }

    private static Map<String, Object> snapshot(BimtekStage s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stage", s.stage);
        out.put("state", s.state);
        out.put("startDate", s.startDate);
        out.put("endDate", s.endDate);
        out.put("mode", s.mode);
        out.put("venue", s.venue);
        out.put("guides", s.guides.names());
        out.put("attendance", s.attendance);
        out.put("outputs", s.outputs.items());
        out.put("cancelReason", s.cancelReason);
        out.put("heldOn", s.heldOn);
        out.put("heldPrecision", s.heldPrecision);
        return out;
    }
}
