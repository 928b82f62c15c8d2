package id.kotacerdas.assessment.messaging;

import id.kotacerdas.assessment.domain.AssessmentCycle;
import id.kotacerdas.assessment.domain.CycleState;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.domain.Invitation;
import id.kotacerdas.assessment.domain.Scoresheet;
import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import id.kotacerdas.assessment.domain.SelfAssessment;
import id.kotacerdas.assessment.domain.Selection;
import id.kotacerdas.assessment.domain.SelectionEntry;
import id.kotacerdas.assessment.messaging.AssessmentEvents.Actor;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.security.Caller;
import java.time.OffsetDateTime;

/** From the domain to the event payloads, field by field. */
public final class AssessmentEventMapper {

    private AssessmentEventMapper() {
    }

    static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.username());
    }

    public static AssessmentEvents.CycleOpened opened(AssessmentCycle cycle, Caller caller, OffsetDateTime at) {
        return new AssessmentEvents.CycleOpened(cycle.id, cycle.name, cycle.assessmentYear, cycle.programmeYear,
                new AssessmentEvents.FrameworkRef(cycle.frameworkCode, cycle.frameworkVersion),
                new AssessmentEvents.ScheduleData(cycle.schedule.invitationDate(), cycle.schedule.invitationDate(), cycle.schedule.selfAssessmentDeadline(),
                        cycle.schedule.interviewDays(), cycle.schedule.presentationDays()),
                new AssessmentEvents.QuotaData(cycle.quotas.kabKotaSeats(), cycle.quotas.provinceSeats(),
                        cycle.quotas.maxPerProvince()),
                actor(caller), at);
    }

    public static AssessmentEvents.RegionInvited invited(AssessmentCycle cycle, Invitation invitation, Caller caller) {
        return new AssessmentEvents.RegionInvited(cycle.id, cycle.assessmentYear, cycle.programmeYear,
                invitation.regionCode, invitation.regionName, invitation.regionLevel, invitation.provinceCode,
                invitation.track.name(), cycle.schedule.selfAssessmentDeadline(), actor(caller), invitation.invitedAt,
                invitation.invitedOccurred(), Origin.LIVE, null, null);
    }

    public static AssessmentEvents.SelfAssessmentSubmitted submitted(Invitation invitation, SelfAssessment assessment,
            int indicators, Caller caller) {
        int evidence = assessment.answers().stream().mapToInt(a -> a.evidenceLinks().size()).sum();
        return new AssessmentEvents.SelfAssessmentSubmitted(assessment.cycleId, invitation.regionCode,
                invitation.regionName, assessment.answers().size(), indicators, evidence, actor(caller),
                assessment.submittedAt, assessment.submittedOccurred(), Origin.LIVE, null, null);
    }

    public static AssessmentEvents.RegionScored scored(Invitation invitation, Scoresheet sheet, RegionScore score) {
        return new AssessmentEvents.RegionScored(sheet.cycleId, invitation.regionCode, invitation.regionName,
                invitation.track.name(), sheet.assessorUsername, score.assessorCount(), score.score(), score.complete(),
                sheet.updatedAt, sheet.scoredOccurred(), Origin.LIVE, null, null);
    }

    public static AssessmentEvents.RegionSelected selected(AssessmentCycle cycle, Selection selection,
            SelectionEntry entry, Caller caller) {
        return new AssessmentEvents.RegionSelected(cycle.id, selection.id, cycle.assessmentYear, selection.programmeYear,
                entry.regionCode, entry.regionName, entry.provinceCode, entry.track.name(), entry.rank, entry.score,
                entry.outcome.name(), entry.reason, !entry.earlierCohorts().isEmpty(),
                entry.earlierCohorts().stream().map(c -> new AssessmentEvents.EarlierCohort(c.programmeYear(), c.track().name(),
                        c.source())).toList(),
                actor(caller), selection.confirmedAt, selection.selectedOccurred(), Origin.LIVE, null, null);
    }

    public static AssessmentEvents.RegionNotSelected notSelected(AssessmentCycle cycle, Selection selection,
            SelectionEntry entry, Caller caller) {
        return new AssessmentEvents.RegionNotSelected(cycle.id, selection.id, cycle.assessmentYear,
                selection.programmeYear, entry.regionCode, entry.regionName, entry.provinceCode, entry.track.name(),
                entry.rank, entry.score, entry.outcome.name(), entry.reason, actor(caller), selection.confirmedAt,
                selection.selectedOccurred(), Origin.LIVE, null, null);
    }

    /** The cancellation of a cycle cancelled from {@code from}. */
    public static AssessmentEvents.CycleCancelled cancelled(AssessmentCycle cycle, CycleState from) {
        java.util.List<String> tracks = new java.util.ArrayList<>();
        if (cycle.quotas.kabKotaSeats() > 0) {
            tracks.add(Track.KAB_KOTA.name());
        }
        if (cycle.quotas.provinceSeats() > 0) {
            tracks.add(Track.PROVINCE.name());
        }
        return new AssessmentEvents.CycleCancelled(cycle.id, cycle.name, cycle.assessmentYear, cycle.programmeYear,
                tracks, from.name(), new AssessmentEvents.CancellationData(cycle.cancelledAt, cycle.cancelledBy,
                        cycle.cancellationReason));
    }

    /** The cancellation of one invitation. */
    public static AssessmentEvents.InvitationCancelled cancelled(AssessmentCycle cycle, Invitation invitation) {
        return new AssessmentEvents.InvitationCancelled(cycle.id, invitation.id, cycle.assessmentYear,
                cycle.programmeYear, invitation.regionCode, invitation.regionName, invitation.provinceCode,
                invitation.track.name(), cycle.state.name(), new AssessmentEvents.CancellationData(
                        invitation.cancelledAt, invitation.cancelledBy, invitation.cancellationReason));
    }
}
