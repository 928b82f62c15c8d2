package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.Invitation;
import id.kotacerdas.assessment.domain.ScoreCalculator;
import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import id.kotacerdas.assessment.domain.Scoresheet;
import id.kotacerdas.assessment.domain.SelfAssessment;
import id.kotacerdas.assessment.domain.StateConflictException;
import id.kotacerdas.assessment.messaging.AssessmentEventMapper;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.repository.ScoresheetRepository;
import id.kotacerdas.assessment.repository.SelfAssessmentRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Assessors' scoresheets: one per assessor and region, for an invited region that submitted its self-assessment,
 * while the cycle is INTERVIEWS or SCORING. Every recorded or revised sheet publishes {@code RegionScored} with the
 * region's score so far (the mean over its assessors, {@link ScoreCalculator}).
 */
@ApplicationScoped
public class ScoringService {

    public static final String AUDIT_RESOURCE = "Scoresheet";

    @Inject
    CycleService cycles;

    @Inject
    InvitationService invitations;

    @Inject
    SelfAssessmentRepository selfAssessments;

    @Inject
    ScoresheetRepository sheets;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public record Recorded(Scoresheet sheet, RegionScore regionScore) {
    }

    /** A region's scores: its invitation, its sheets and the score computed from them. */
    public record RegionResult(CycleService.Loaded cycle, Invitation invitation, List<Scoresheet> sheets, RegionScore score) {
    }

    @WithTransaction
    public Uni<Recorded> create(Caller caller, UUID cycleId, String regionCode, Scoresheet.Content content,
            Occurred occurred) {
        return cycles.load(caller, cycleId).chain(loaded -> {
            var cycle = loaded.cycle();
            cycle.require(cycle.state.acceptsScores(), "assessors score only while it is INTERVIEWS or SCORING");
            return invitations.require(cycleId, regionCode).chain(invitation -> {
                invitation.requireTakesPart(" and is not scored");
                return selfAssessments.findById(invitation.id).chain(assessment -> {
                    if (!assessment.submitted()) {
                        throw new StateConflictException(assessment.status.name(), invitation.regionName + " ("
                                + regionCode + ") has not submitted its self-assessment (state " + assessment.status
                                + ") and cannot be scored.");
                    }
                    requireAfterSubmission(occurred, assessment);
                    return sheets.find(cycleId, regionCode, caller.subject());
                }).chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict(caller.username() + " has already scored " + regionCode
                                + " in this cycle (scoresheet " + existing.id + "); revise it with PUT and If-Match.");
                    }
                    Scoresheet sheet = Scoresheet.of(cycleId, regionCode, caller.subject(), caller.username(), content,
                            loaded.framework(), Revisions.now(clock));
                    sheet.setScoredOccurred(checked(occurred));
                    return sheets.persistAndFlush(sheet)
                            .chain(saved -> recorded(caller, loaded, invitation, saved, null, "SCORESHEET_CREATED"));
                });
            });
        });
    }

    @WithTransaction
    public Uni<Recorded> revise(Caller caller, UUID cycleId, UUID sheetId, String regionCode, Long expectedRevision,
            Scoresheet.Content content, Occurred occurred) {
        return cycles.load(caller, cycleId).chain(loaded -> require(cycleId, sheetId).chain(sheet -> {
            if (!sheet.assessorSubject.equals(caller.subject())) {
                throw ProblemException.forbidden("Scoresheet " + sheetId + " is " + sheet.assessorUsername
                        + "'s; an assessor revises only their own.");
            }
            if (regionCode != null && !regionCode.equals(sheet.regionCode)) {
                throw ProblemException.badRequest("regionCode", "must be the sheet's region " + sheet.regionCode
                        + ", or left out");
            }
            Revisions.require(expectedRevision, sheet.revision, "scoresheet");
            var cycle = loaded.cycle();
            cycle.require(cycle.state.acceptsScores(), "assessors score only while it is INTERVIEWS or SCORING");
            Scoresheet.Content before = sheet.content();
            Occurred given = checked(occurred);
            return invitations.require(cycleId, sheet.regionCode).invoke(invitation -> invitation
                    .requireTakesPart(" and is not scored")).chain(invitation -> selfAssessments
                    .findById(invitation.id).chain(assessment -> {
                        requireAfterSubmission(given, assessment);
                        boolean redated = given != null && !given.equals(sheet.scoredOccurred());
                        var now = Revisions.now(clock);
                        boolean changed = sheet.revise(content, loaded.framework(), now);
                        if (redated) {
                            sheet.setScoredOccurred(given);
                            sheet.updatedAt = now;
                        }
                        if (!changed && !redated) {
                            return sheets.ofRegion(cycleId, sheet.regionCode).map(all -> new Recorded(sheet,
                                    ScoreCalculator.score(loaded.framework(), CycleRanking.sheets(all))));
                        }
                        return sheets.flush()
                                .chain(() -> recorded(caller, loaded, invitation, sheet, before, "SCORESHEET_REVISED"));
                    }));
        }));
    }

    private Uni<Recorded> recorded(Caller caller, CycleService.Loaded loaded, Invitation invitation, Scoresheet sheet,
            Scoresheet.Content before, String action) {
        return sheets.ofRegion(sheet.cycleId, sheet.regionCode).chain(all -> {
            RegionScore score = ScoreCalculator.score(loaded.framework(), CycleRanking.sheets(all));
            return auditTrail.record(caller, action, AUDIT_RESOURCE, resourceId(sheet), before, sheet.content())
                    .chain(() -> outbox.append(AssessmentEvents.REGION_SCORED, sheet.regionCode,
                            AssessmentEventMapper.scored(invitation, sheet, score)))
                    .replaceWith(new Recorded(sheet, score));
        });
    }

    private Occurred checked(Occurred occurred) {
        return occurred == null ? null : occurred.checked("occurred", clock);
    }

    /** Scored not before the region's submission (by their dates: given, else recorded). */
    private void requireAfterSubmission(Occurred occurred, SelfAssessment assessment) {
        Occurred given = checked(occurred);
        if (given != null && assessment != null) {
            given.notBefore("occurred", Occurred.orDayOf(assessment.submittedOccurred(), assessment.submittedAt),
                    "the region's self-assessment submission");
        }
    }

    @WithSession
    public Uni<Scoresheet> get(Caller caller, UUID cycleId, UUID sheetId) {
        return cycles.get(caller, cycleId).chain(cycle -> require(cycleId, sheetId));
    }

    @WithSession
    public Uni<List<Scoresheet>> list(Caller caller, UUID cycleId, String regionCode) {
        return cycles.get(caller, cycleId).chain(cycle -> regionCode == null ? sheets.ofCycle(cycleId)
                : sheets.ofRegion(cycleId, regionCode));
    }

    /**
     * A region's score with its breakdown and the spread of its assessors. Staff always; the region's own officer
     * once scoring has started; others (integrators, officers of other regions) once results are published.
     */
    @WithSession
    public Uni<RegionResult> regionScore(Caller caller, UUID cycleId, String regionCode) {
        return cycles.load(caller, cycleId).chain(loaded -> {
            var state = loaded.cycle().state;
            boolean own = caller.hasRole(Caller.REGION_OFFICER) && regionCode.equals(caller.regionCode());
            if (!Access.staff(caller) && !own && !state.resultsPublished()) {
                throw ProblemException.forbidden("The cycle is in state " + state + "; its results are published "
                        + "once the selection is confirmed. Until then a region officer sees only their own region's scores.");
            }
            loaded.cycle().require(state.ranks(), "scores exist from INTERVIEWS on");
            return invitations.require(cycleId, regionCode).chain(invitation -> sheets.ofRegion(cycleId, regionCode)
                    .map(all -> new RegionResult(loaded, invitation, all,
                            ScoreCalculator.score(loaded.framework(), CycleRanking.sheets(all)))));
        });
    }

    private Uni<Scoresheet> require(UUID cycleId, UUID sheetId) {
        return sheets.findById(sheetId).map(sheet -> {
            if (sheet == null || !sheet.cycleId.equals(cycleId)) {
                throw ProblemException.notFound("Cycle " + cycleId + " has no scoresheet " + sheetId + ".");
            }
            return sheet;
        });
    }

    static String resourceId(Scoresheet sheet) {
        return sheet.cycleId + "/" + sheet.regionCode + "/" + sheet.assessorUsername;
    }
}
