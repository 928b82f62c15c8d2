package id.kotacerdas.assessment.service;

import id.kotacerdas.platform.web.SortOrder;
import id.kotacerdas.assessment.domain.AssessmentCycle;
import id.kotacerdas.assessment.domain.CycleState;
import id.kotacerdas.assessment.domain.FrameworkContent;
import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.domain.StateConflictException;
import id.kotacerdas.assessment.messaging.AssessmentEventMapper;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.repository.AssessmentCycleRepository;
import id.kotacerdas.assessment.repository.InvitationRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assessment cycles: planned by the ministry as a DRAFT (years, a published framework version, schedule, quotas),
 * then moved through their states. Opening a cycle (DRAFT → INVITING) publishes {@code AssessmentCycleOpened}.
 * Drafts are visible to the ministry and auditors only. Every change is audited with its event in one transaction.
 */
@ApplicationScoped
public class CycleService {

    public static final String AUDIT_RESOURCE = "AssessmentCycle";

    @Inject
    AssessmentCycleRepository cycles;

    @Inject
    InvitationRepository invitations;

    @Inject
    FrameworkService frameworks;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** What the audit trail keeps of a cycle. */
    public record Audited(CycleState state, AssessmentCycle.Plan plan) {
        static Audited of(AssessmentCycle c) {
            return new Audited(c.state, c.plan());
        }
    }

    @WithSession
    public Uni<AssessmentCycleRepository.Page> list(Caller caller, AssessmentCycleRepository.Filter filter,
            SortOrder order, int page, int size) {
        boolean drafts = FrameworkService.seesDrafts(caller);
        if (!drafts && filter.state() == CycleState.DRAFT) {
            return Uni.createFrom().failure(ProblemException.forbidden(
                    "Draft cycles are visible to the ministry and auditors only."));
        }
        return cycles.search(new AssessmentCycleRepository.Filter(filter.assessmentYear(), filter.programmeYear(),
                filter.state(), drafts), order, page, size);
    }

    @WithSession
    public Uni<AssessmentCycle> get(Caller caller, UUID id) {
        return require(id).map(cycle -> {
            if (!cycle.opened() && !FrameworkService.seesDrafts(caller)) {
                throw notFound(id);
            }
            return cycle;
        });
    }

    /** A cycle with the content of its framework version. */
    public record Loaded(AssessmentCycle cycle, FrameworkContent framework) {
    }

    /** The cycle and its framework; a {@code 404} problem for an unknown cycle or a draft the caller may not see. */
    @WithSession
    public Uni<Loaded> load(Caller caller, UUID id) {
        return get(caller, id).chain(cycle -> frameworks.requirePublished(cycle.frameworkCode, cycle.frameworkVersion,
                "framework").map(version -> new Loaded(cycle, version.content)));
    }

    /** The cycle, or a {@code 404} problem. */
    @WithSession
    public Uni<AssessmentCycle> require(UUID id) {
        return cycles.findById(id).map(cycle -> {
            if (cycle == null) {
                throw notFound(id);
            }
            return cycle;
        });
    }

    @WithTransaction
    public Uni<AssessmentCycle> create(Caller caller, AssessmentCycle.Plan plan) {
        check(plan);
        return frameworks.requirePublished(plan.frameworkCode(), plan.frameworkVersion(), "framework")
                .chain(framework -> {
                    AssessmentCycle cycle = AssessmentCycle.draft(plan, caller.username(), now());
                    return cycles.persistAndFlush(cycle).call(saved -> auditTrail.record(caller, "CYCLE_CREATED",
                            AUDIT_RESOURCE, saved.id.toString(), null, Audited.of(saved)));
                });
    }

    /** Replaces the plan while the cycle is DRAFT or INVITING (the framework only in DRAFT); unchanged writes nothing. */
    @WithTransaction
    public Uni<AssessmentCycle> replan(Caller caller, UUID id, Long expectedRevision, AssessmentCycle.Plan plan) {
        check(plan);
        return require(id).chain(cycle -> {
            Revisions.require(expectedRevision, cycle.revision, "cycle");
            Audited before = Audited.of(cycle);
            return frameworks.requirePublished(plan.frameworkCode(), plan.frameworkVersion(), "framework")
                    .chain(framework -> {
                        if (!cycle.replan(plan, caller.username(), now())) {
                            return Uni.createFrom().item(cycle);
                        }
                        return cycles.flush().call(() -> auditTrail.record(caller, "CYCLE_REPLANNED", AUDIT_RESOURCE,
                                cycle.id.toString(), before, Audited.of(cycle))).replaceWith(cycle);
                    });
        });
    }

    /**
     * Moves the cycle one state on. Opening it (DRAFT → INVITING) publishes {@code AssessmentCycleOpened}; the
     * self-assessment starts only with at least one invited region. SELECTED is reached by confirming the selection.
     */
    @WithTransaction
    public Uni<AssessmentCycle> transition(Caller caller, UUID id, Long expectedRevision, CycleState target) {
        return require(id).chain(cycle -> {
            Revisions.require(expectedRevision, cycle.revision, "cycle");
            CycleState from = cycle.state;
            Uni<Void> guard = Uni.createFrom().voidItem();
            if (from == CycleState.INVITING && target == CycleState.SELF_ASSESSMENT) {
                guard = invitations.countInvited(id).invoke(invited -> {
                    if (invited == 0) {
                        throw new StateConflictException(from.name(), "The cycle is in state INVITING with no invited "
                                + "region; invite at least one before starting the self-assessment.");
                    }
                }).replaceWithVoid();
            }
            return guard.chain(() -> {
                cycle.moveTo(target, false, caller.username(), now());
                return cycles.flush();
            }).chain(() -> recordTransition(caller, cycle, from)).replaceWith(cycle);
        });
    }

    /**
     * Cancels a cycle that got stuck, with a reason, from any state before SELECTED ({@code 409} naming the state
     * otherwise: {@link id.kotacerdas.assessment.domain.AssessmentCancellation}); {@code If-Match} as for a
     * transition. Nothing happens in it any more (no invitation, self-assessment, score or selection). Audited;
     * publishes {@code AssessmentCycleCancelled} keyed by the cycle id, unless the cycle was a DRAFT: never opened, it
     * was never announced, and stays visible to the ministry and auditors only. The reason is checked by the caller
     * (required, at most {@value id.kotacerdas.assessment.domain.AssessmentCancellation#MAX_REASON} characters).
     */
    @WithTransaction
    public Uni<AssessmentCycle> cancel(Caller caller, UUID id, Long expectedRevision, String reason) {
        return require(id).chain(cycle -> {
            Revisions.require(expectedRevision, cycle.revision, "cycle");
            CycleState from = cycle.state;
            cycle.cancel(reason, caller.username(), now());
            return cycles.flush()
                    .chain(() -> auditTrail.record(caller, "CYCLE_CANCELLED", AUDIT_RESOURCE, cycle.id.toString(),
                            Map.of("state", from), Map.of("state", cycle.state, "reason", cycle.cancellationReason)))
                    .chain(() -> cycle.opened() ? outbox.append(AssessmentEvents.CYCLE_CANCELLED, cycle.id.toString(),
                            AssessmentEventMapper.cancelled(cycle, from)).replaceWithVoid() : Uni.createFrom().voidItem())
                    .replaceWith(cycle);
        });
    }

    /** Audits a state change (and publishes the opening); also used when the selection moves the cycle. */
    Uni<Void> recordTransition(Caller caller, AssessmentCycle cycle, CycleState from) {
        Uni<?> audit = auditTrail.record(caller, "CYCLE_STATE_CHANGED", AUDIT_RESOURCE, cycle.id.toString(),
                Map.of("state", from), Map.of("state", cycle.state));
        if (cycle.state != CycleState.INVITING) {
            return audit.replaceWithVoid();
        }
        return audit.chain(() -> outbox.append(AssessmentEvents.CYCLE_OPENED, cycle.id.toString(),
                AssessmentEventMapper.opened(cycle, caller, cycle.updatedAt))).replaceWithVoid();
    }

    private static void check(AssessmentCycle.Plan plan) {
        List<Violation> violations = plan.check();
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No assessment cycle has the id " + id + ".");
    }

    private OffsetDateTime now() {
        return Revisions.now(clock);
    }
}
