package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.AssessmentCycle;
import id.kotacerdas.assessment.domain.Invitation;
import id.kotacerdas.assessment.domain.InvitationStatus;
import id.kotacerdas.assessment.domain.SelfAssessment;
import id.kotacerdas.assessment.messaging.AssessmentEventMapper;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.repository.InvitationRepository;
import id.kotacerdas.assessment.repository.SelfAssessmentRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.registry.RegionLevel;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.registry.RegisteredRegion;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Invitations of regions to a cycle, from the service's replica of the region registry: by a list of Kemendagri
 * codes, or every region of a level and/or province. Each new invitation comes with an empty self-assessment, an
 * audit entry and a {@code RegionInvited} event keyed by the region's code; regions already invited are left
 * alone. An invited region's officer (or the ministry) may decline. An invitation recorded after the fact keeps
 * the date its write gave ({@code occurred}); without one it happened when it was recorded.
 */
@ApplicationScoped
public class InvitationService {

    public static final String AUDIT_RESOURCE = "Invitation";

    @Inject
    CycleService cycles;

    @Inject
    InvitationRepository invitations;

    @Inject
    SelfAssessmentRepository selfAssessments;

    @Inject
    RegionRegistry registry;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Whom to invite: codes, or a filter (every autonomous region of a level and/or province). */
    public record Whom(List<String> regionCodes, RegionLevel level, String provinceCode) {
    }

    /** The invitations made, and the codes that were invited before. */
    public record Invited(AssessmentCycle cycle, List<Invitation> invited, List<String> alreadyInvited) {
    }

    @WithTransaction
    public Uni<Invited> invite(Caller caller, UUID cycleId, Whom whom, Occurred occurred) {
        return cycles.require(cycleId).chain(cycle -> {
            Occurred given = occurred == null ? null : occurred.checked("occurred", clock);
            cycle.require(cycle.state.acceptsInvitations(), "regions are invited only while it is INVITING");
            return resolve(whom).chain(regions -> invitations.invitedCodes(cycleId,
                    regions.stream().map(RegisteredRegion::code).toList()).chain(existing -> {
                        Set<String> before = new HashSet<>(existing);
                        OffsetDateTime now = Revisions.now(clock);
                        List<Invitation> created = new ArrayList<>();
                        for (RegisteredRegion region : regions) {
                            if (!before.contains(region.code())) {
                                Invitation invitation = Invitation.of(cycleId, region.code(), region.name(),
                                        region.level().name(), region.provinceCode(), region.provinceName(),
                                        caller.username(), now);
                                invitation.setInvitedOccurred(given);
                                created.add(invitation);
                            }
                        }
                        return persist(caller, cycle, created).replaceWith(new Invited(cycle, created,
                                regions.stream().map(RegisteredRegion::code).filter(before::contains).toList()));
                    }));
        });
    }

    /** One after the other (never in parallel on the session); a stream, so hundreds of regions need no deep stack. */
    private Uni<Void> persist(Caller caller, AssessmentCycle cycle, List<Invitation> created) {
        return Multi.createFrom().iterable(created).onItem().transformToUniAndConcatenate(invitation -> invitations
                .persist(invitation)
                .chain(() -> selfAssessments.persist(SelfAssessment.empty(invitation)))
                .chain(() -> auditTrail.record(caller, "REGION_INVITED", AUDIT_RESOURCE, resourceId(invitation), null,
                        audited(invitation)))
                .chain(() -> outbox.append(AssessmentEvents.REGION_INVITED, invitation.regionCode,
                        AssessmentEventMapper.invited(cycle, invitation, caller))))
                .collect().last().chain(() -> invitations.flush());
    }

    /** The current regions to invite; {@code 422} naming each unknown or replaced code (503 while the registry is incomplete). */
    Uni<List<RegisteredRegion>> resolve(Whom whom) {
        if (whom.regionCodes() != null) {
            List<String> codes = new ArrayList<>(new LinkedHashSet<>(whom.regionCodes()));
            return lookUp(codes, whom.regionCodes());
        }
        return registry.regions().map(all -> {
            if (whom.provinceCode() != null && all.stream().noneMatch(r -> r.province() && r.code().equals(whom.provinceCode()))) {
                throw ProblemException.unprocessable("filter.provinceCode", "no province has the code " + whom.provinceCode());
            }
            List<RegisteredRegion> matching = all.stream()
                    .filter(r -> whom.level() == null || r.level() == whom.level())
                    .filter(r -> whom.provinceCode() == null || r.provinceCode().equals(whom.provinceCode()))
                    .filter(RegisteredRegion::autonomous)
                    .toList();
            if (matching.isEmpty()) {
                throw ProblemException.unprocessable("filter", "no autonomous region matches the filter");
            }
            return matching;
        });
    }

    private Uni<List<RegisteredRegion>> lookUp(List<String> codes, List<String> asSent) {
        List<Violation> problems = new ArrayList<>();
        return Multi.createFrom().iterable(codes).onItem().transformToUniAndConcatenate(code -> registry.find(code)
                .map(entry -> {
                    String field = "regionCodes[" + asSent.indexOf(code) + "]";
                    if (entry.isEmpty()) {
                        problems.add(new Violation(field, "no region has the code " + code));
                    } else if (entry.get().replaced()) {
                        problems.add(new Violation(field, code + " was replaced by " + entry.get().replacedBy()
                                + "; invite " + entry.get().replacedBy()));
                    }
                    return entry;
                }))
                .collect().asList().map(entries -> {
                    if (!problems.isEmpty()) {
                        throw new ProblemException(422, "unprocessable", "Request cannot be applied",
                                problems.stream().map(v -> v.field() + ": " + v.message())
                                        .reduce((a, b) -> a + "; " + b).orElse(""), problems, Map.of());
                    }
                    return entries.stream().map(java.util.Optional::get).toList();
                });
    }

    @WithSession
    public Uni<InvitationRepository.Page> list(Caller caller, UUID cycleId, InvitationStatus status, String provinceCode,
            int page, int size) {
        return cycles.get(caller, cycleId).chain(cycle -> {
            if (Access.officerOnly(caller)) {
                return invitations.find(cycleId, caller.regionCode()).map(own -> own == null
                        ? new InvitationRepository.Page(List.of(), 0)
                        : new InvitationRepository.Page(List.of(own), 1));
            }
            return invitations.page(cycleId, status, provinceCode, page, size);
        });
    }

    @WithSession
    public Uni<Invitation> get(Caller caller, UUID cycleId, String regionCode) {
        Access.requireOwnRegionOrStaff(caller, regionCode);
        return cycles.get(caller, cycleId).chain(cycle -> require(cycleId, regionCode));
    }

    /** The invitation; {@code 404} naming the region when it is not invited. */
    Uni<Invitation> require(UUID cycleId, String regionCode) {
        return invitations.find(cycleId, regionCode).map(found -> {
            if (found == null) {
                throw ProblemException.notFound(regionCode + " is not invited to cycle " + cycleId + ".");
            }
            return found;
        });
    }

    /** Declines for the region: its officer or the ministry, while the cycle takes declines and before submission. */
    @WithTransaction
    public Uni<Invitation> decline(Caller caller, UUID cycleId, String regionCode, Long expectedRevision, String reason) {
        Access.requireMayChange(caller, regionCode);
        return cycles.get(caller, cycleId).chain(cycle -> require(cycleId, regionCode).chain(invitation -> {
            Revisions.require(expectedRevision, invitation.revision, "invitation");
            cycle.require(cycle.state.acceptsDeclines(), "an invitation can be declined only while it is INVITING or SELF_ASSESSMENT");
            return selfAssessments.findById(invitation.id).chain(assessment -> {
                Map<String, Object> before = audited(invitation);
                invitation.decline(reason, assessment != null && assessment.submitted(), caller.username(),
                        Revisions.now(clock));
                return invitations.flush().chain(() -> auditTrail.record(caller, "INVITATION_DECLINED", AUDIT_RESOURCE,
                        resourceId(invitation), before, audited(invitation))).replaceWith(invitation);
            });
        }));
    }

    /**
     * Cancels one region's invitation with a reason (the ministry), while the cycle's selection is not confirmed and
     * the region has neither declined nor been cancelled ({@code 409} naming the state otherwise). The region can no
     * longer fill in, submit or be scored in the cycle, and leaves its ranking, proposed selection and invitation
     * counts. Audited; publishes {@code InvitationCancelled} keyed by the region code. The reason is checked by the
     * caller.
     */
    @WithTransaction
    public Uni<Invitation> cancel(Caller caller, UUID cycleId, String regionCode, Long expectedRevision, String reason) {
        return cycles.require(cycleId).chain(cycle -> require(cycleId, regionCode).chain(invitation -> {
            Revisions.require(expectedRevision, invitation.revision, "invitation");
            Map<String, Object> before = audited(invitation);
            invitation.cancel(cycle.state, reason, caller.username(), Revisions.now(clock));
            return invitations.flush()
                    .chain(() -> auditTrail.record(caller, "INVITATION_CANCELLED", AUDIT_RESOURCE,
                            resourceId(invitation), before, audited(invitation)))
                    .chain(() -> outbox.append(AssessmentEvents.INVITATION_CANCELLED, invitation.regionCode,
                            AssessmentEventMapper.cancelled(cycle, invitation)))
                    .replaceWith(invitation);
        }));
    }

    static String resourceId(Invitation invitation) {
        return invitation.cycleId + "/" + invitation.regionCode;
    }

    private static Map<String, Object> audited(Invitation i) {
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("regionCode", i.regionCode);
        out.put("regionName", i.regionName);
        out.put("track", i.track);
        out.put("status", i.status);
        if (i.declineReason != null) {
            out.put("declineReason", i.declineReason);
        }
        if (i.cancellationReason != null) {
            out.put("cancellationReason", i.cancellationReason);
        }
        if (i.invitedOccurred() != null) {
            out.put("occurred", i.invitedOccurred());
        }
        return out;
    }
}
