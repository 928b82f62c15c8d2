package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.Answer;
import id.kotacerdas.assessment.domain.Invitation;
import id.kotacerdas.assessment.domain.SelfAssessment;
import id.kotacerdas.assessment.messaging.AssessmentEventMapper;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.repository.SelfAssessmentRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A region's self-assessment: read by its officer and by staff; drafted and submitted by the region's own officer
 * (token claim {@code region_code}), while the cycle takes self-assessments and before the deadline; submitted once,
 * then read-only. Submission publishes {@code SelfAssessmentSubmitted} keyed by the region's code.
 */
@ApplicationScoped
public class SelfAssessmentService {

    public static final String AUDIT_RESOURCE = "SelfAssessment";

    @Inject
    CycleService cycles;

    @Inject
    InvitationService invitations;

    @Inject
    SelfAssessmentRepository selfAssessments;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A self-assessment with what it needs to be shown: its invitation and its cycle's framework. */
    public record Current(CycleService.Loaded cycle, Invitation invitation, SelfAssessment assessment) {
    }

    @WithSession
    public Uni<Current> get(Caller caller, UUID cycleId, String regionCode) {
        Access.requireOwnRegionOrStaff(caller, regionCode);
        return load(caller, cycleId, regionCode);
    }

    @WithTransaction
    public Uni<Current> saveDraft(Caller caller, UUID cycleId, String regionCode, Long expectedRevision,
            List<Answer> answers) {
        Access.requireOwnOfficer(caller, regionCode);
        return load(caller, cycleId, regionCode).chain(current -> {
            SelfAssessment assessment = current.assessment();
            Revisions.require(expectedRevision, assessment.revision, "self-assessment");
            requireOpen(current);
            List<Answer> before = assessment.answers();
            if (!assessment.saveDraft(answers, current.cycle().framework(), current.cycle().cycle().schedule,
                    caller.username(), Revisions.now(clock))) {
                return Uni.createFrom().item(current);
            }
            return selfAssessments.flush().chain(() -> auditTrail.record(caller, "SELF_ASSESSMENT_SAVED", AUDIT_RESOURCE,
                    resourceId(assessment), Map.of("status", assessment.status, "answers", before),
                    Map.of("status", assessment.status, "answers", assessment.answers()))).replaceWith(current);
        });
    }

    @WithTransaction
    public Uni<Current> submit(Caller caller, UUID cycleId, String regionCode, Long expectedRevision,
            Occurred occurred) {
        Access.requireOwnOfficer(caller, regionCode);
        return load(caller, cycleId, regionCode).chain(current -> {
            SelfAssessment assessment = current.assessment();
            Revisions.require(expectedRevision, assessment.revision, "self-assessment");
            requireOpen(current);
            Occurred given = occurred == null ? null : occurred.checked("occurred", clock);
            if (given != null) {
                Invitation invitation = current.invitation();
                given.notBefore("occurred", Occurred.orDayOf(invitation.invitedOccurred(), invitation.invitedAt),
                        "the invitation");
            }
            var from = assessment.status;
            assessment.submit(current.cycle().cycle().schedule, given, caller.username(), Revisions.now(clock));
            int indicators = current.cycle().framework().indicators().size();
            return selfAssessments.flush()
                    .chain(() -> auditTrail.record(caller, "SELF_ASSESSMENT_SUBMITTED", AUDIT_RESOURCE,
                            resourceId(assessment), Map.of("status", from), submittedAudit(assessment)))
                    .chain(() -> outbox.append(AssessmentEvents.SELF_ASSESSMENT_SUBMITTED, regionCode,
                            AssessmentEventMapper.submitted(current.invitation(), assessment, indicators, caller)))
                    .replaceWith(current);
        });
    }

    private static void requireOpen(Current current) {
        var cycle = current.cycle().cycle();
        current.invitation().requireTakesPart("");
        cycle.require(cycle.state.acceptsSelfAssessments(),
                "self-assessments are filled in only while it is INVITING or SELF_ASSESSMENT");
    }

    private Uni<Current> load(Caller caller, UUID cycleId, String regionCode) {
        return cycles.load(caller, cycleId).chain(loaded -> invitations.require(cycleId, regionCode)
                .chain(invitation -> selfAssessments.findById(invitation.id)
                        .map(assessment -> new Current(loaded, invitation, assessment))));
    }

    private static Map<String, Object> submittedAudit(SelfAssessment assessment) {
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("status", assessment.status);
        after.put("answers", assessment.answers());
        if (assessment.submittedOccurred() != null) {
            after.put("occurred", assessment.submittedOccurred());
        }
        return after;
    }

    static String resourceId(SelfAssessment s) {
        return s.cycleId + "/" + s.regionCode;
    }
}
