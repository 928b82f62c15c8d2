package id.kotacerdas.masterplan.service;

import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanAction;
import id.kotacerdas.masterplan.domain.MasterplanLifecycle;
import id.kotacerdas.masterplan.domain.RatificationCorrection;
import id.kotacerdas.masterplan.domain.RatificationRevision;
import id.kotacerdas.masterplan.messaging.MasterplanEventMapper;
import id.kotacerdas.masterplan.messaging.MasterplanEvents;
import id.kotacerdas.masterplan.repository.MasterplanRepository;
import id.kotacerdas.masterplan.repository.RatificationRevisionRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A ratification's facts corrected and withdrawn in the open (issue 18, item 3), for live and recorded ratifications
 * alike. Each change checks, in this order: the masterplan and its ratification exist (404), {@code If-Match} was
 * sent (428), the ratification is not withdrawn (409), the input (400, 422), the revision (412); then it keeps the
 * earlier value ({@code ratification_revision}), raises the revision, and commits its audit entry and its event with
 * it. A refused change writes nothing.
 */
@ApplicationScoped
public class RatificationService {

    @Inject
    MasterplanService masterplanService;

    @Inject
    MasterplanRepository masterplans;

    @Inject
    RatificationRevisionRepository revisions;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A correction as the REST layer read it: why, from which sources, and the changes (values parsed). */
    public record Correct(String reason, List<Masterplan.Source> sources, Map<String, Object> changes) {
    }

    @WithSession
    public Uni<Masterplan> get(UUID id) {
        return ratified(id);
    }

    @WithSession
    public Uni<List<RatificationRevision>> revisions(UUID id) {
        return ratified(id).chain(m -> revisions.of(m.id));
    }

    @WithTransaction
    public Uni<Masterplan> correct(Caller caller, UUID id, Integer expectedRevision, Supplier<Correct> input) {
        return ratified(id).chain(m -> {
            Preconditions.requireIfMatch(expectedRevision == null ? null : expectedRevision.longValue(), "ratification");
            requireNotWithdrawn(m);
            Correct c = input.get();
            boolean recorded = m.origin == Origin.RECORDED;
            if (recorded && c.sources().isEmpty()) {
                throw ProblemException.badRequest("sources", "is required: name the source of the right value of a "
                        + "recorded ratification");
            }
            Masterplan.Ratification before = m.ratification;
            RatificationCorrection.Applied applied = RatificationCorrection.apply(before, c.changes(), recorded, m.kind,
                    clock);
            if (applied.changed().contains("instrument")) {
                RecordedMasterplanService.checkLevel(m.regionCode, applied.now().instrument(), "changes.instrument");
            }
            if (!recorded && (applied.now().number() == null || applied.now().date() == null)
                    && (before.sources() == null || before.sources().isEmpty()) && c.sources().isEmpty()) {
                throw ProblemException.badRequest("sources", "required when the number or the day is not known: name "
                        + "the record of the ratification");
            }
            checkRevision(before, expectedRevision);
            Map<String, Object> snapshotBefore = MasterplanService.snapshot(m);
            OffsetDateTime now = Preconditions.now();
            m.ratification = applied.now();
            touch(m, caller, now);
            return keep(m.id, before, c.reason(), c.sources(), caller, now)
                    .chain(() -> masterplans.flush())
                    .call(() -> auditTrail.record(caller, "RATIFICATION_CORRECTED", MasterplanService.AUDIT_RESOURCE,
                            m.id.toString(), snapshotBefore, withReason(MasterplanService.snapshot(m), c.reason(),
                                    c.sources())))
                    .call(() -> outbox.append(MasterplanEvents.RATIFICATION_CORRECTED, m.regionCode,
                            MasterplanEventMapper.corrected(m, applied.changed(), applied.previous(), c.reason(),
                                    c.sources(), caller, now)))
                    .replaceWith(m);
        });
    }

    /**
     * Withdraws the ratification: a LIVE masterplan goes back to APPROVED (it may be ratified again); a RECORDED one,
     * known only by its ratification, is withdrawn with it (it leaves the lists).
     */
    @WithTransaction
    public Uni<Masterplan> withdraw(Caller caller, UUID id, Integer expectedRevision,
            Supplier<WithdrawalInput> input) {
        return ratified(id).chain(m -> {
            Preconditions.requireIfMatch(expectedRevision == null ? null : expectedRevision.longValue(), "ratification");
            requireNotWithdrawn(m);
            boolean recorded = m.origin == Origin.RECORDED;
            WithdrawalInput w = input.get();
            List<Violation> problems = w.check().apply(recorded);
            if (!problems.isEmpty()) {
                throw new ProblemException(400, "validation", "Invalid request",
                        String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()),
                        problems, Map.of());
            }
            if (!recorded) {
                MasterplanLifecycle.apply(m.state, MasterplanAction.WITHDRAW_RATIFICATION);
            }
            Masterplan.Ratification before = m.ratification;
            checkRevision(before, expectedRevision);
            Map<String, Object> snapshotBefore = MasterplanService.snapshot(m);
            OffsetDateTime now = Preconditions.now();
            m.ratification = RatificationCorrection.withdraw(before, now, caller.username(), w.reason(), w.sources());
            if (recorded) {
                m.withdrawnAt = now;
            } else {
                m.state = MasterplanLifecycle.apply(m.state, MasterplanAction.WITHDRAW_RATIFICATION);
            }
            touch(m, caller, now);
            return keep(m.id, before, w.reason(), w.sources(), caller, now)
                    .chain(() -> masterplans.flush())
                    .call(() -> auditTrail.record(caller, "RATIFICATION_WITHDRAWN", MasterplanService.AUDIT_RESOURCE,
                            m.id.toString(), snapshotBefore, withReason(MasterplanService.snapshot(m), w.reason(),
                                    w.sources())))
                    .call(() -> outbox.append(MasterplanEvents.RATIFICATION_WITHDRAWN, m.regionCode,
                            MasterplanEventMapper.withdrawn(m, caller)))
                    .replaceWith(m);
        });
    }

    /** A withdrawal as the REST layer read it; {@code check} gives its violations for a recorded fact or a live one. */
    public record WithdrawalInput(String reason, List<Masterplan.Source> sources,
            java.util.function.Function<Boolean, List<Violation>> check) {
    }

    private Uni<Masterplan> ratified(UUID id) {
        return masterplanService.require(id).map(m -> {
            if (m.ratification == null) {
                throw ProblemException.notFound("Masterplan " + id + " has no ratification (it is " + m.state + ").");
            }
            return m;
        });
    }

    private static void requireNotWithdrawn(Masterplan m) {
        if (m.ratification.withdrawn() != null) {
            throw new ProblemException(409, "illegal-transition", "Illegal state transition", "The ratification of masterplan " + m.id
                    + " was withdrawn on " + m.ratification.withdrawn().at() + ": a withdrawn fact is neither corrected "
                    + "nor withdrawn again.", List.of(new Violation("withdrawn", "is set")), Map.of());
        }
    }

    private static void checkRevision(Masterplan.Ratification r, Integer expected) {
        Preconditions.checkVersion(r.currentRevision(), expected == null ? null : expected.longValue(), "ratification");
    }

    private Uni<Void> keep(UUID masterplanId, Masterplan.Ratification before, String reason,
            List<Masterplan.Source> sources, Caller caller, OffsetDateTime at) {
        RatificationRevision r = new RatificationRevision();
        r.id = UUID.randomUUID();
        r.masterplanId = masterplanId;
        r.revision = before.currentRevision();
        r.changedAt = at;
        r.changedBy = caller.username();
        r.reason = reason;
        r.sources = new RatificationRevision.Sources(List.copyOf(sources));
        r.value = before;
        return revisions.persist(r).replaceWithVoid();
    }

    private static void touch(Masterplan m, Caller caller, OffsetDateTime now) {
        m.updatedAt = now;
        m.updatedBy = caller.username();
    }

    private static Map<String, Object> withReason(Map<String, Object> snapshot, String reason,
            List<Masterplan.Source> sources) {
        Map<String, Object> s = new LinkedHashMap<>(snapshot);
        s.put("reason", reason);
        s.put("sources", sources);
        return s;
    }
}
