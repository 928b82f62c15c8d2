package id.kotacerdas.masterplan.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.kotacerdas.masterplan.domain.BimtekMode;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanKind;
import id.kotacerdas.masterplan.domain.MasterplanOrigin;
import id.kotacerdas.masterplan.domain.MasterplanState;
import id.kotacerdas.masterplan.domain.RatificationInstrument;
import id.kotacerdas.masterplan.domain.ReviewSection;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.security.Visibility;
import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events masterplan-service publishes on {@value #TOPIC}, keyed by region code (each region's events stay in
 * order), and their payload types: the event contract, described exactly by the JSON schemas served under
 * {@code /events/schemas/} ({@code EventSchemaTest} holds them equal). Payloads have types of their own, mapped from
 * the stored masterplan by {@link MasterplanEventMapper}: neither an API change nor a storage change alters what
 * consumers receive. The document itself is not in the events (it is large and the region's to change until it is
 * submitted); consumers read what they need of it from the API.
 *
 * <p>An act's {@code occurred} (platform {@link Occurred}: date and precision) is the date it happened when that is not
 * the recording instant: given by the write (recorded after the fact), or the act's own day (the MoU's signing that
 * opened the work, a ratification's date, a bimtek stage's first day). Absent otherwise: the act happened at the
 * recording instant the event carries.
 */
public final class MasterplanEvents {

    public static final String TOPIC = "kotacerdas.masterplan.v1";
    public static final String MASTERPLAN = "Masterplan";

    public static final EventSpec MASTERPLAN_OPENED = spec("MasterplanOpened");
    public static final EventSpec BIMTEK_SESSION_SCHEDULED = spec("BimtekSessionScheduled");
    public static final EventSpec BIMTEK_SESSION_HELD = spec("BimtekSessionHeld");
    public static final EventSpec BIMTEK_COMPLETED = spec("BimtekCompleted");
    public static final EventSpec MASTERPLAN_SUBMITTED = spec("MasterplanSubmitted");
    public static final EventSpec MASTERPLAN_REVISION_REQUESTED = spec("MasterplanRevisionRequested");
    public static final EventSpec MASTERPLAN_APPROVED = spec("MasterplanApproved");
    public static final EventSpec MASTERPLAN_RATIFIED = spec("MasterplanRatified");
    public static final EventSpec RATIFICATION_CORRECTED = spec("RatificationCorrected");
    public static final EventSpec RATIFICATION_WITHDRAWN = spec("RatificationWithdrawn");

    /** Every event this service publishes. */
    public static final List<EventSpec> ALL = List.of(MASTERPLAN_OPENED, BIMTEK_SESSION_SCHEDULED, BIMTEK_SESSION_HELD,
            BIMTEK_COMPLETED, MASTERPLAN_SUBMITTED, MASTERPLAN_REVISION_REQUESTED, MASTERPLAN_APPROVED,
            MASTERPLAN_RATIFIED, RATIFICATION_CORRECTED, RATIFICATION_WITHDRAWN);

    private MasterplanEvents() {
    }

    private static EventSpec spec(String name) {
        return new EventSpec(TOPIC, MASTERPLAN, "id.kotacerdas.masterplan." + name + ".v1",
                "/events/schemas/" + name + ".v1.json", Visibility.PUBLIC);
    }

    // ------------------------------------------------------------------ payloads

    /** A region's masterplan work for a programme year was opened: by its signed MoU, or by the ministry by hand. */
    public record MasterplanOpened(UUID masterplanId, String regionCode, String regionName, int programmeYear,
            MasterplanKind kind, String title, MasterplanOrigin openedFrom, UUID mouId, LocalDate mouSignedOn,
            Actor openedBy, OffsetDateTime openedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred,
            Origin origin) {
    }

    /**
     * A bimtek stage was scheduled, or rescheduled (other dates, or again after a cancellation). {@code startsOn} and
     * {@code endsOn} are the stage's days; {@code startDate} and {@code endDate} carry the same (deprecated, issue 25).
     */
    public record BimtekSessionScheduled(UUID masterplanId, String regionCode, int programmeYear, int stage,
            String purpose, LocalDate startDate, LocalDate endDate, BimtekMode mode, String venue, List<String> guides,
            boolean rescheduled, Actor scheduledBy, OffsetDateTime scheduledAt,
            Origin origin, LocalDate startsOn, LocalDate endsOn) {
    }

    /** A bimtek stage was held. */
    public record BimtekSessionHeld(UUID masterplanId, String regionCode, int programmeYear, int stage,
            LocalDate startDate, LocalDate endDate, BimtekMode mode, String venue, List<String> guides,
            AttendanceCounts attendance, List<String> outputs, Actor recordedBy, OffsetDateTime recordedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred,
            Origin origin, LocalDate startsOn, LocalDate endsOn) {
    }

    /** The fourth and last bimtek stage was held: the guidance is complete. */
    public record BimtekCompleted(UUID masterplanId, String regionCode, int programmeYear, List<StageDates> stages,
            LocalDate completedOn, Actor recordedBy, OffsetDateTime recordedAt,
            Origin origin) {
    }

    /** The region submitted its masterplan: a version was frozen. */
    public record MasterplanSubmitted(UUID masterplanId, String regionCode, int programmeYear, int versionNumber,
            Period period, int programmes, int quickWins, int alignmentFindings, Actor submittedBy,
            OffsetDateTime submittedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred,
            Origin origin) {
    }

    /** The reviewers sent the submitted version back, with their comments per section. */
    public record MasterplanRevisionRequested(UUID masterplanId, String regionCode, int programmeYear,
            int versionNumber, List<Comment> comments, Actor requestedBy, OffsetDateTime requestedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred,
            Origin origin) {
    }

    /** The reviewers approved the submitted version. */
    public record MasterplanApproved(UUID masterplanId, String regionCode, int programmeYear, int versionNumber,
            Actor approvedBy, OffsetDateTime approvedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred,
            Origin origin) {
    }

    /**
     * The region enacted the approved masterplan by a regional instrument; or (origin RECORDED) a masterplan known only
     * by its ratification was recorded from its sources: then {@code versionNumber} is {@code null} (no version was
     * frozen here), and {@code instrument}, {@code number}, {@code year} and {@code programmeYear} (a self-made plan)
     * may be {@code null} (not known, never invented). {@code ratifiedOn} is the day of enactment; {@code date} carries
     * the same (deprecated, issue 25).
     */
    public record MasterplanRatified(UUID masterplanId, String regionCode, Integer programmeYear, Integer versionNumber,
            String instrument, String number, Integer year, LocalDate date, String title,
            Actor recordedBy, OffsetDateTime recordedAt, List<Masterplan.Source> sources, String instrumentName,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred,
            Origin origin, LocalDate ratifiedOn) {
    }

    /**
     * A ratification's facts were corrected (issue 18, item 3): the ratification as it now stands, in the field names
     * of {@link MasterplanRatified} (a consumer re-applies it as it applied the ratification), and the correction.
     */
    public record RatificationCorrected(UUID masterplanId, String regionCode, Integer programmeYear,
            Integer versionNumber, String instrument, String number, Integer year, LocalDate date, String title,
            Actor recordedBy, OffsetDateTime recordedAt, List<Masterplan.Source> sources, String instrumentName,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Origin origin, Correction correction,
            LocalDate ratifiedOn) {
    }

    /**
     * A ratification was withdrawn (issue 18, item 3): it should never have been recorded. A LIVE masterplan goes back
     * to {@code state} APPROVED (it may be ratified again); a RECORDED one is withdrawn with it (it leaves the lists;
     * {@code state} stays RATIFIED, the state of the withdrawn record).
     */
    public record RatificationWithdrawn(UUID masterplanId, String regionCode, Integer programmeYear, Origin origin,
            MasterplanState state, Actor withdrawnBy, Withdrawal withdrawal) {
    }

    // ------------------------------------------------------------------ parts

    /**
     * What a correction changed: the ratification's new {@code revision}, why, from which sources, when; the names
     * of the fields that changed, and their earlier values in {@code previous} (a field listed in {@code changed} but
     * absent from {@code previous} was unknown before).
     */
    public record Correction(int revision, String reason, List<Masterplan.Source> sources, OffsetDateTime at,
            List<String> changed, Previous previous) {
    }

    /** The earlier values of the fields a correction changed (only those; {@code null} ones are left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Previous(String instrument, String number, Occurred occurred, String title) {
    }

    /** Why a fact was withdrawn: its {@code revision} after the withdrawal, the reason, the sources, when. */
    public record Withdrawal(int revision, String reason, List<Masterplan.Source> sources, OffsetDateTime at) {
    }

    /** Who made the change ({@code system} for changes caused by another service's event). */
    public record Actor(String subject, String username) {
    }

    public record AttendanceCounts(int opds, int dewanMembers, int timPelaksanaMembers, int others) {
    }

    /** A stage's days: {@code startsOn}/{@code endsOn}; {@code startDate}/{@code endDate} the same (deprecated). */
    public record StageDates(int stage, LocalDate startDate, LocalDate endDate, LocalDate startsOn, LocalDate endsOn) {
    }

    public record Period(int startYear, int endYear) {
    }

    public record Comment(ReviewSection section, String comment) {
    }
}
