package id.kotacerdas.agreement.messaging;

import id.kotacerdas.agreement.domain.DocumentKind;
import id.kotacerdas.agreement.domain.MouOrigin;
import id.kotacerdas.agreement.domain.MouState;
import id.kotacerdas.agreement.domain.ParticipationMode;
import com.fasterxml.jackson.annotation.JsonInclude;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.security.Visibility;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.registry.RegionLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events agreement-service publishes on {@value #TOPIC}, keyed by region code (each region's events stay in
 * order), and their payload types: the event contract, described exactly by the JSON schemas served under
 * {@code /events/schemas/} ({@code EventSchemaTest} holds them equal). Payloads have types of their own, mapped from
 * the stored MoU by {@link AgreementEventMapper}, so that neither an API change nor a storage change alters what
 * consumers receive.
 */
public final class AgreementEvents {

    public static final String TOPIC = "kotacerdas.agreement.v1";
    public static final String MOU = "Mou";
    public static final String LOCAL_COMMITMENT = "LocalCommitment";

    public static final EventSpec MOU_DRAFTED = spec(MOU, "MouDrafted", Visibility.REGION);
    public static final EventSpec MOU_SCHEDULED = spec(MOU, "MouScheduled", Visibility.REGION);
    public static final EventSpec MOU_SIGNED = spec(MOU, "MouSigned", Visibility.REGION_AND_INTEGRATORS);
    public static final EventSpec MOU_AMENDED = spec(MOU, "MouAmended", Visibility.REGION_AND_INTEGRATORS);
    public static final EventSpec MOU_EXPIRED = spec(MOU, "MouExpired", Visibility.REGION_AND_INTEGRATORS);
    public static final EventSpec MOU_TERMINATED = spec(MOU, "MouTerminated", Visibility.REGION_AND_INTEGRATORS);
    public static final EventSpec MOU_WITHDRAWN = spec(MOU, "MouWithdrawn", Visibility.REGION);
    public static final EventSpec LOCAL_COMMITMENT_SIGNED = spec(LOCAL_COMMITMENT, "LocalCommitmentSigned", Visibility.REGION);
    public static final EventSpec MOU_RECORD_CORRECTED = spec(MOU, "MouRecordCorrected", Visibility.REGION_AND_INTEGRATORS);
    public static final EventSpec MOU_RECORD_WITHDRAWN = spec(MOU, "MouRecordWithdrawn", Visibility.REGION_AND_INTEGRATORS);
    public static final EventSpec LOCAL_COMMITMENT_CORRECTED = spec(LOCAL_COMMITMENT, "LocalCommitmentCorrected", Visibility.REGION);
    public static final EventSpec LOCAL_COMMITMENT_WITHDRAWN = spec(LOCAL_COMMITMENT, "LocalCommitmentWithdrawn", Visibility.REGION);

    /** Every event this service publishes. */
    public static final List<EventSpec> ALL = List.of(MOU_DRAFTED, MOU_SCHEDULED, MOU_SIGNED, MOU_AMENDED, MOU_EXPIRED,
            MOU_TERMINATED, MOU_WITHDRAWN, LOCAL_COMMITMENT_SIGNED, MOU_RECORD_CORRECTED, MOU_RECORD_WITHDRAWN,
            LOCAL_COMMITMENT_CORRECTED, LOCAL_COMMITMENT_WITHDRAWN);

    private AgreementEvents() {
    }

    private static EventSpec spec(String aggregate, String name, Visibility visibility) {
        return new EventSpec(TOPIC, aggregate, "id.kotacerdas.agreement." + name + ".v1",
                "/events/schemas/" + name + ".v1.json", visibility);
    }

    // ------------------------------------------------------------------ payloads
    // occurred (issue 18): the day the act happened, with its precision, beside the recording instant. MouDrafted,
    // MouScheduled and MouWithdrawn carry it only when the write gave one (absent otherwise: the act happened when it
    // was recorded); MouSigned, MouAmended, MouTerminated and LocalCommitmentSigned always carry their own day
    // (signedOn / heldOn, amendedOn, terminatedOn) as DAY.

    /** A draft MoU now exists for the region and year. */
    public record MouDrafted(UUID mouId, String regionCode, String regionName, RegionLevel level, String provinceCode,
            int programmeYear, Origin origin, String track, UUID cycleId, MouOrigin draftedFrom, String title, Party firstParty,
            Party secondParty, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Actor draftedBy, OffsetDateTime draftedAt) {
    }

    /** The MoU was given a signing: a national ceremony, or a date of its own. */
    public record MouScheduled(UUID mouId, String regionCode, String regionName, int programmeYear, Origin origin,
            Ceremony ceremony, LocalDate plannedOn, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Actor scheduledBy,
            OffsetDateTime scheduledAt) {
    }

    /** The MoU was signed: when, how, where, by whom, what it covers and how long it is in force. */
    public record MouSigned(UUID mouId, String regionCode, String regionName, RegionLevel level, String provinceCode,
            int programmeYear, Origin origin, DocumentKind kind, String title, Numbers numbers,
            @JsonInclude(JsonInclude.Include.NON_NULL) String number,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean numberKnown,
            @JsonInclude(JsonInclude.Include.NON_NULL) String recordedCeremony, LocalDate signedOn,
            ParticipationMode mode, Venue venue, Ceremony ceremony, Party firstParty, Party secondParty,
            Signatory firstPartySignatory, Signatory secondPartySignatory, List<Person> witnesses, Scope scope,
            Validity validity, int revision, List<Source> sources, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Actor recordedBy,
            OffsetDateTime recordedAt) {
    }

    /** An amendment (adendum) was signed: a new revision, the old one kept. */
    public record MouAmended(UUID mouId, String regionCode, int programmeYear, Origin origin, int revision, LocalDate amendedOn,
            String reason, Numbers numbers, Scope scope, Validity validity, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Actor recordedBy,
            OffsetDateTime recordedAt) {
    }

    /** The MoU's validity ended. */
    public record MouExpired(UUID mouId, String regionCode, int programmeYear, Origin origin, Validity validity, LocalDate expiredOn,
            OffsetDateTime recordedAt) {
    }

    /** The MoU was ended before its validity ran out. */
    public record MouTerminated(UUID mouId, String regionCode, int programmeYear, Origin origin, LocalDate terminatedOn,
            String reason, Validity validity, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Actor recordedBy, OffsetDateTime recordedAt) {
    }

    /** The MoU was dropped before it was signed. */
    public record MouWithdrawn(UUID mouId, String regionCode, int programmeYear, Origin origin, MouState previousState, String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Actor recordedBy, OffsetDateTime recordedAt) {
    }

    /** A region's local commitment (komitmen bersama) was signed by its head, its Sekda and its OPDs. */
    public record LocalCommitmentSigned(UUID commitmentId, String regionCode, String regionName, String provinceCode,
            Origin origin, UUID mouId, LocalDate signedOn, String venue, Official regionalHead, Official sekda, List<Opd> opds,
            Bimtek bimtek, List<Source> sources, @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, Actor recordedBy,
            OffsetDateTime recordedAt) {
    }

    /**
     * A recorded MoU was corrected: the MoU as it now stands, in {@link MouSigned}'s field names (a consumer re-applies
     * it as it applied the signing), and the correction.
     */
    public record MouRecordCorrected(UUID mouId, String regionCode, String regionName, RegionLevel level,
            String provinceCode, int programmeYear, Origin origin, DocumentKind kind, String title, Numbers numbers,
            @JsonInclude(JsonInclude.Include.NON_NULL) String number,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean numberKnown,
            @JsonInclude(JsonInclude.Include.NON_NULL) String recordedCeremony, LocalDate signedOn,
            ParticipationMode mode, Venue venue, Ceremony ceremony, Party firstParty, Party secondParty,
            Signatory firstPartySignatory, Signatory secondPartySignatory, List<Person> witnesses, Scope scope,
            Validity validity, int revision, List<Source> sources, Occurred occurred, Correction correction,
            Actor recordedBy, OffsetDateTime recordedAt) {
    }

    /** A recorded MoU was withdrawn (it should never have been recorded): it no longer counts. */
    public record MouRecordWithdrawn(UUID mouId, String regionCode, int programmeYear, Origin origin,
            RecordWithdrawal withdrawal, Actor recordedBy, OffsetDateTime recordedAt) {
    }

    /**
     * A local commitment was corrected: the commitment as it now stands, in {@link LocalCommitmentSigned}'s field
     * names (a consumer re-applies it as it applied the signing), and the correction.
     */
    public record LocalCommitmentCorrected(UUID commitmentId, String regionCode, String regionName, String provinceCode,
            Origin origin, UUID mouId, LocalDate signedOn, String venue, Official regionalHead, Official sekda, List<Opd> opds,
            Bimtek bimtek, List<Source> sources, Occurred occurred, CommitmentCorrection correction, Actor recordedBy,
            OffsetDateTime recordedAt) {
    }

    /** A local commitment was withdrawn (it should never have been recorded): it no longer counts. */
    public record LocalCommitmentWithdrawn(UUID commitmentId, String regionCode, Origin origin, UUID mouId,
            LocalDate signedOn, RecordWithdrawal withdrawal, Actor recordedBy, OffsetDateTime recordedAt) {
    }

    // ------------------------------------------------------------------ parts

    /** A correction of a local commitment: the revision it made, why, on what sources, when, and what it changed. */
    public record CommitmentCorrection(int revision, String reason, List<Source> sources, OffsetDateTime at,
            CommitmentPrevious previous) {
    }

    /**
     * The earlier values of the fields a correction of a local commitment changed (only those), in
     * {@link LocalCommitmentSigned}'s names; {@code title} and {@code notes}, which that event does not carry, in the
     * request's.
     */
    public record CommitmentPrevious(@JsonInclude(JsonInclude.Include.NON_NULL) UUID mouId,
            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate signedOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred,
            @JsonInclude(JsonInclude.Include.NON_NULL) String venue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Official regionalHead,
            @JsonInclude(JsonInclude.Include.NON_NULL) Official sekda,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Opd> opds,
            @JsonInclude(JsonInclude.Include.NON_NULL) Bimtek bimtek,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources,
            @JsonInclude(JsonInclude.Include.NON_NULL) String title,
            @JsonInclude(JsonInclude.Include.NON_NULL) String notes) {
    }

    /** A correction: the revision it made, why, on what sources, when, and the changed fields' earlier values. */
    public record Correction(int revision, String reason, List<Source> sources, OffsetDateTime at, Previous previous) {
    }

    /** The earlier values of the fields a correction changed (only those; in the creation event's names). */
    public record Previous(@JsonInclude(JsonInclude.Include.NON_NULL) LocalDate signedOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred,
            @JsonInclude(JsonInclude.Include.NON_NULL) String number,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean numberKnown,
            @JsonInclude(JsonInclude.Include.NON_NULL) String recordedCeremony,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Source> sources) {
    }

    /** A withdrawal: the revision it made, why, on what sources, when. */
    public record RecordWithdrawal(int revision, String reason, List<Source> sources, OffsetDateTime at) {
    }

    /** Who made the change; the expiry check is {@code system}. */
    public record Actor(String subject, String username) {
    }

    /** {@code date} is deprecated: the day held or, until then, planned; read {@code plannedOn} and {@code heldOn}. */
    public record Ceremony(UUID id, String title, LocalDate date, LocalDate plannedOn, LocalDate heldOn, String host,
            ParticipationMode mode) {
    }

    public record Numbers(String firstParty, String secondParty) {
    }

    public record Party(String position, String name) {
    }

    public record Signatory(boolean known, String name, String position, String onBehalfOf) {
    }

    public record Person(String name, String position, ParticipationMode attendance) {
    }

    public record Venue(String name, boolean known) {
    }

    public record ScopeEntry(String code, String text) {
    }

    public record Scope(List<ScopeEntry> standardItems, List<String> otherItems) {
    }

    public record Validity(LocalDate from, LocalDate until, Integer years) {
    }

    public record Source(String title, String url, LocalDate publishedOn) {
    }

    public record Official(String name, String position) {
    }

    public record Opd(String name, Official head) {
    }

    public record Bimtek(Integer stage, LocalDate closingOn, String note) {
    }
}
