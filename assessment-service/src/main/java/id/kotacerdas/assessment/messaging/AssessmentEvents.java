package id.kotacerdas.assessment.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.security.Visibility;
import id.kotacerdas.platform.time.Occurred;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events assessment-service publishes on {@value #TOPIC}. A region's events are keyed by its Kemendagri code
 * (so each region's events stay in order); cycle-level events are keyed by the cycle id. Their JSON Schemas and the
 * AsyncAPI document are served under {@code /events/}. The payloads are records of their own, mapped from the
 * domain by {@link AssessmentEventMapper}: neither entities nor API types.
 *
 * <p>Each event of a programme act ends with {@code occurred}: the act's own date with its precision when its write
 * recorded it after the fact (absent otherwise: the act happened at the recording instant the event also carries).
 */
public final class AssessmentEvents {

    public static final String TOPIC = "kotacerdas.assessment.v1";
    public static final String CYCLE = "AssessmentCycle";
    public static final String REGION = "Region";
    public static final String COHORT = "Cohort";

    public static final EventSpec CYCLE_OPENED = spec(CYCLE, "AssessmentCycleOpened", Visibility.PUBLIC);
    public static final EventSpec REGION_INVITED = spec(REGION, "RegionInvited", Visibility.REGION);
    public static final EventSpec SELF_ASSESSMENT_SUBMITTED = spec(REGION, "SelfAssessmentSubmitted", Visibility.REGION);
    public static final EventSpec REGION_SCORED = spec(REGION, "RegionScored", Visibility.REGION);
    public static final EventSpec REGION_SELECTED = spec(REGION, "RegionSelected", Visibility.PUBLIC);
    public static final EventSpec REGION_NOT_SELECTED = spec(REGION, "RegionNotSelected", Visibility.PUBLIC);
    public static final EventSpec COHORT_RECORDED = spec(COHORT, "CohortRecorded", Visibility.PUBLIC);
    public static final EventSpec COHORT_MEMBER_CORRECTED = spec(COHORT, "CohortMemberCorrected", Visibility.PUBLIC);
    public static final EventSpec COHORT_MEMBER_WITHDRAWN = spec(COHORT, "CohortMemberWithdrawn", Visibility.PUBLIC);
    public static final EventSpec RESULT_LETTER_ISSUED = spec(CYCLE, "ResultLetterIssued", Visibility.PUBLIC);
    public static final EventSpec CYCLE_CANCELLED = spec(CYCLE, "AssessmentCycleCancelled", Visibility.PUBLIC);
    public static final EventSpec INVITATION_CANCELLED = spec(REGION, "InvitationCancelled", Visibility.REGION);
    public static final EventSpec ASSESSMENT_OUTCOME_CORRECTED = spec(REGION, "AssessmentOutcomeCorrected", Visibility.PUBLIC);
    public static final EventSpec ASSESSMENT_OUTCOME_WITHDRAWN = spec(REGION, "AssessmentOutcomeWithdrawn", Visibility.PUBLIC);
    public static final EventSpec RESULT_LETTER_CORRECTED = spec(CYCLE, "ResultLetterCorrected", Visibility.PUBLIC);
    public static final EventSpec RESULT_LETTER_WITHDRAWN = spec(CYCLE, "ResultLetterWithdrawn", Visibility.PUBLIC);

    private AssessmentEvents() {
    }

    private static EventSpec spec(String aggregate, String name, Visibility visibility) {
        return new EventSpec(TOPIC, aggregate, "id.kotacerdas.assessment." + name + ".v1",
                "/events/schemas/" + name + ".v1.json", visibility);
    }

    /** Who did it. */
    public record Actor(String subject, String username) {
    }

    public record FrameworkRef(String code, int version) {
    }

    /** {@code invitationDate} is deprecated, the old name of {@code invitedOn} (the same value). */
    public record ScheduleData(@Deprecated LocalDate invitationDate, LocalDate invitedOn, OffsetDateTime selfAssessmentDeadline,
            List<LocalDate> interviewDays, List<LocalDate> presentationDays) {
    }

    public record QuotaData(int kabKotaSeats, int provinceSeats, Integer maxPerProvince) {
    }

    /** A cycle was opened for invitations (key: cycle id). */
    public record CycleOpened(UUID cycleId, String name, int assessmentYear, int programmeYear, FrameworkRef framework,
            ScheduleData schedule, QuotaData quotas, Actor openedBy, OffsetDateTime openedAt) {
    }

    /** A region was invited to a cycle (key: region code). */
    public record RegionInvited(UUID cycleId, Integer assessmentYear, int programmeYear, String regionCode, String regionName,
            String regionLevel, String provinceCode, String track, OffsetDateTime selfAssessmentDeadline, Actor invitedBy,
            OffsetDateTime invitedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Origin origin,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID recordId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** A region submitted its self-assessment (key: region code). */
    public record SelfAssessmentSubmitted(UUID cycleId, String regionCode, String regionName, Integer answeredIndicators,
            Integer indicators, Integer evidenceLinks, Actor submittedBy, OffsetDateTime submittedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Origin origin,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID recordId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** An assessor recorded or changed their scores of a region (key: region code). */
    public record RegionScored(UUID cycleId, String regionCode, String regionName, String track, String assessor,
            Integer assessorCount, BigDecimal score, boolean complete, OffsetDateTime scoredAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Origin origin,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID recordId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** An earlier cohort the region belonged to. */
    public record EarlierCohort(int programmeYear, String track, String source) {
    }

    /** The confirmed selection took the region into the cohort of the programme year (key: region code). */
    public record RegionSelected(UUID cycleId, UUID selectionId, Integer assessmentYear, int programmeYear, String regionCode,
            String regionName, String provinceCode, String track, Integer rank, BigDecimal score, String outcome,
            String reason, boolean repeat, List<EarlierCohort> repeatOf, Actor confirmedBy, OffsetDateTime confirmedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Origin origin,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID recordId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** The confirmed selection did not take the invited region (key: region code). */
    public record RegionNotSelected(UUID cycleId, UUID selectionId, Integer assessmentYear, int programmeYear,
            String regionCode, String regionName, String provinceCode, String track, Integer rank, BigDecimal score,
            String outcome, String reason, Actor confirmedBy, OffsetDateTime confirmedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Origin origin,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID recordId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** An identified member of a recorded cohort, with the source that names it. */
    /** A correction: the revision it made, why, on what sources, when, and the changed fields' earlier values. */
    public record Correction(int revision, String reason, List<Source> sources, OffsetDateTime at,
            java.util.Map<String, Object> previous) {
    }

    /** A withdrawal: the revision it made, why, on what sources, when. */
    public record WithdrawalData(int revision, String reason, List<Source> sources, OffsetDateTime at) {
    }

    /** A cohort member as it now stands (the fields of a {@code CohortRecorded} member), and the correction. */
    public record CohortMemberCorrected(int programmeYear, String track, String regionCode, String regionName,
            String regionLevel, Integer repeatOfYear, String sourceUrl, String confidence, UUID memberId,
            List<Source> sources, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, String notes,
            Origin origin, Correction correction) {
    }

    /** A cohort member withdrawn: its identity and the withdrawal. */
    public record CohortMemberWithdrawn(int programmeYear, String track, String regionCode, UUID memberId,
            WithdrawalData withdrawal) {
    }

    public record CohortMemberData(String regionCode, String regionName, String regionLevel, Integer repeatOfYear,
            String sourceUrl, String confidence, @JsonInclude(JsonInclude.Include.NON_NULL) UUID memberId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** What the ministry declared of a cohort. */
    public record DeclaredData(int size, int repeats, String sourceUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /**
     * A historical cohort was recorded (imported), or more of it became known (key: {@code programmeYear/track}, e.g.
     * {@code 2021/KAB_KOTA}). {@code members} are the members added by this record; {@code identifiedMembers} all
     * members known now; {@code declared} is null where the ministry declared nothing.
     */
    public record CohortRecorded(int programmeYear, String track, DeclaredData declared, int identifiedMembers,
            boolean complete, List<CohortMemberData> members, Actor recordedBy, OffsetDateTime recordedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Origin origin,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID recordId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** A region listed in a result letter. */
    public record LetterRegion(String regionCode, String regionName, String provinceCode, String track) {
    }

    /**
     * A "Penyampaian Hasil Asesmen" letter was issued (the next number of the year) or recorded with its existing
     * number ({@code recorded}) (key: cycle id).
     */
    public record ResultLetterIssued(UUID letterId, String number, LocalDate date, UUID cycleId, UUID selectionId,
            int programmeYear, boolean recorded, List<LetterRegion> regions, Actor issuedBy, OffsetDateTime issuedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Origin origin,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID recordId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** A cancellation: when, by whom (username), why. */
    public record CancellationData(OffsetDateTime at, String by, String reason) {
    }

    /**
     * A stuck cycle was cancelled with a reason (key: cycle id): the state it was in, and the tracks it had seats
     * for. Nothing changes in it any more.
     */
    public record CycleCancelled(UUID cycleId, String name, int assessmentYear, int programmeYear, List<String> tracks,
            String state, CancellationData cancellation) {
    }

    /** One region's invitation was cancelled with a reason (key: region code): the region no longer takes part. */
    public record InvitationCancelled(UUID cycleId, UUID invitationId, int assessmentYear, int programmeYear,
            String regionCode, String regionName, String provinceCode, String track, String cycleState,
            CancellationData cancellation) {
    }

    /**
     * A recorded assessment outcome as it now stands, in the fields of the {@code RegionSelected} /
     * {@code RegionNotSelected} of a recorded outcome (so a consumer re-applies it: selected or not as {@code outcome}
     * now says), with what is known of score, rank and dates, and the correction (key: region code).
     */
    public record AssessmentOutcomeCorrected(UUID cycleId, UUID selectionId, Integer assessmentYear, int programmeYear,
            String regionCode, String regionName, String provinceCode, String track, Integer rank, BigDecimal score,
            String outcome, String reason, boolean repeat, List<EarlierCohort> repeatOf, Actor confirmedBy,
            OffsetDateTime confirmedAt, Occurred occurred, Origin origin, UUID recordId, List<Source> sources,
            boolean scoreKnown, boolean rankKnown, Occurred invited, Occurred submitted, Correction correction) {
    }

    /** A recorded assessment outcome withdrawn: its identity and the withdrawal (key: region code). */
    public record AssessmentOutcomeWithdrawn(int programmeYear, String track, String regionCode, UUID recordId,
            String outcome, WithdrawalData withdrawal) {
    }

    /**
     * A result letter recorded on its own as it now stands, in the fields of its {@code ResultLetterIssued}, and the
     * correction (key: the letter's id, as its {@code ResultLetterIssued}).
     */
    public record ResultLetterCorrected(UUID letterId, String number, LocalDate date, UUID cycleId, UUID selectionId,
            int programmeYear, boolean recorded, List<LetterRegion> regions, Actor issuedBy, OffsetDateTime issuedAt,
            Occurred occurred, Origin origin, UUID recordId, List<Source> sources, Correction correction) {
    }

    /**
     * A result letter withdrawn (recorded on its own, or of a cycle): its identity, the regions it listed and the
     * withdrawal (key: as its {@code ResultLetterIssued}: the cycle id, or the letter's id for a recorded letter).
     */
    public record ResultLetterWithdrawn(UUID letterId, @JsonInclude(JsonInclude.Include.NON_NULL) UUID recordId,
            String number, UUID cycleId, int programmeYear, Origin origin, List<LetterRegion> regions,
            WithdrawalData withdrawal) {
    }
}
