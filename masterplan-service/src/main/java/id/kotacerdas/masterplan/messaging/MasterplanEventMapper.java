package id.kotacerdas.masterplan.messaging;

import id.kotacerdas.masterplan.domain.BimtekStage;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanVersion;
import id.kotacerdas.masterplan.messaging.MasterplanEvents.Actor;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;
import java.time.OffsetDateTime;
import java.util.List;

/** The stored masterplan and stages to the event payloads, field by field (the event contract is not the storage). */
public final class MasterplanEventMapper {

    private MasterplanEventMapper() {
    }

    public static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.username());
    }

    public static MasterplanEvents.MasterplanOpened opened(Masterplan m, Caller caller) {
        return new MasterplanEvents.MasterplanOpened(m.id, m.regionCode, m.regionName, m.programmeYear, m.kind, m.title,
                m.openedFrom, m.mouId, m.mouSignedOn, actor(caller), m.openedAt, m.openingGiven(), m.origin);
    }

    public static MasterplanEvents.BimtekSessionScheduled scheduled(Masterplan m, BimtekStage s, boolean rescheduled,
            Caller caller) {
        return new MasterplanEvents.BimtekSessionScheduled(m.id, m.regionCode, m.programmeYear, s.stage, s.purpose,
                s.startDate, s.endDate, s.mode, s.venue, List.copyOf(s.guides.names()), rescheduled, actor(caller), s.updatedAt, m.origin,
                s.startDate, s.endDate);
    }

    public static MasterplanEvents.BimtekSessionHeld held(Masterplan m, BimtekStage s, Caller caller) {
        BimtekStage.Attendance a = s.attendance;
        MasterplanEvents.AttendanceCounts counts = a == null ? new MasterplanEvents.AttendanceCounts(0, 0, 0, 0)
                : new MasterplanEvents.AttendanceCounts(a.opdCount(), a.dewanCount(), a.timPelaksanaCount(),
                        a.others() == null ? 0 : a.others().size());
        return new MasterplanEvents.BimtekSessionHeld(m.id, m.regionCode, m.programmeYear, s.stage, s.startDate,
                s.endDate, s.mode, s.venue, List.copyOf(s.guides.names()), counts,
                s.outputs.items().stream().map(BimtekStage.Output::title).toList(), actor(caller), s.updatedAt,
                s.heldDate(), m.origin, s.startDate, s.endDate);
    }

    public static MasterplanEvents.BimtekCompleted completed(Masterplan m, List<BimtekStage> stages, Caller caller,
            OffsetDateTime at) {
        return new MasterplanEvents.BimtekCompleted(m.id, m.regionCode, m.programmeYear,
                stages.stream().map(s -> new MasterplanEvents.StageDates(s.stage, s.startDate, s.endDate, s.startDate,
                        s.endDate)).toList(),
                m.bimtekCompletedOn, actor(caller), at, m.origin);
    }

    public static MasterplanEvents.MasterplanSubmitted submitted(Masterplan m, MasterplanVersion version, int findings,
            Caller caller) {
        var period = m.document.period() == null ? null
                : new MasterplanEvents.Period(m.document.period().startYear(), m.document.period().endYear());
        return new MasterplanEvents.MasterplanSubmitted(m.id, m.regionCode, m.programmeYear, m.versionCount, period,
                m.document.programmes().size(), m.document.quickWins().size(), findings, actor(caller), m.updatedAt,
                version.submissionGiven(), m.origin);
    }

    public static MasterplanEvents.MasterplanRevisionRequested revisionRequested(Masterplan m, Masterplan.Review review,
            Caller caller) {
        return new MasterplanEvents.MasterplanRevisionRequested(m.id, m.regionCode, m.programmeYear,
                review.versionNumber(),
                review.comments().stream().map(c -> new MasterplanEvents.Comment(c.section(), c.comment())).toList(),
                actor(caller), review.at(), review.occurred(), m.origin);
    }

    public static MasterplanEvents.MasterplanApproved approved(Masterplan m, Masterplan.Review review, Caller caller) {
        return new MasterplanEvents.MasterplanApproved(m.id, m.regionCode, m.programmeYear, m.versionCount,
                actor(caller), review.at(), review.occurred(), m.origin);
    }

    public static MasterplanEvents.MasterplanRatified ratified(Masterplan m, Caller caller) {
        Masterplan.Ratification r = m.ratification;
        return new MasterplanEvents.MasterplanRatified(m.id, m.regionCode, m.programmeYear,
                m.origin == Origin.RECORDED ? null : m.versionCount, r.instrument() == null ? null : r.instrument().name(), r.number(), r.year(), r.date(), r.title(), actor(caller), r.recordedAt(),
                r.sources() == null ? List.of() : r.sources(), r.nameAsGiven(),
                r.date() != null ? Occurred.onDay(r.date()) : r.occurred(), m.origin, r.date());
    }

    public static MasterplanEvents.RatificationCorrected corrected(Masterplan m, List<String> changed,
            java.util.Map<String, Object> previous, String reason, List<Masterplan.Source> sources, Caller caller,
            OffsetDateTime at) {
        MasterplanEvents.MasterplanRatified now = ratified(m, caller);
        Object before = previous.get("occurred");
        return new MasterplanEvents.RatificationCorrected(now.masterplanId(), now.regionCode(), now.programmeYear(),
                now.versionNumber(), now.instrument(), now.number(), now.year(), now.date(), now.title(),
                now.recordedBy(), now.recordedAt(), now.sources(), now.instrumentName(), now.occurred(), now.origin(),
                new MasterplanEvents.Correction(m.ratification.currentRevision(), reason, sources, at, changed,
                        new MasterplanEvents.Previous((String) previous.get("instrument"), (String) previous.get("number"),
                                before instanceof Occurred o ? o : null, (String) previous.get("title"))),
                now.ratifiedOn());
    }

    public static MasterplanEvents.RatificationWithdrawn withdrawn(Masterplan m, Caller caller) {
        Masterplan.Withdrawn w = m.ratification.withdrawn();
        return new MasterplanEvents.RatificationWithdrawn(m.id, m.regionCode, m.programmeYear, m.origin, m.state,
                actor(caller), new MasterplanEvents.Withdrawal(m.ratification.currentRevision(), w.reason(),
                        w.sources() == null ? List.of() : w.sources(), w.at()));
    }
}
