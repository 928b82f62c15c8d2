package id.kotacerdas.agreement.rest;

import id.kotacerdas.agreement.domain.CeremonyState;
import id.kotacerdas.agreement.domain.DocumentKind;
import id.kotacerdas.agreement.domain.MouOrigin;
import id.kotacerdas.agreement.domain.MouState;
import id.kotacerdas.agreement.domain.ParticipationMode;
import id.kotacerdas.agreement.domain.RegionalHeadTitle;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.registry.RegionLevel;
import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the API shows MoUs, ceremonies and their batch outcomes. */
public final class MouViews {

    private MouViews() {
    }

    @Schema(name = "Mou", description = "One region's MoU (Nota Kesepakatan) for one programme year, with its version (also the ETag).")
    public record Mou(
            UUID id,
            @Schema(description = "Send it back in `If-Match` to change the MoU.", examples = "3") long version,
            @Schema(examples = "19.71") String regionCode,
            @Schema(examples = "Kota Pangkal Pinang") String regionName,
            RegionLevel regionLevel,
            @Schema(examples = "19") String provinceCode,
            @Schema(examples = "2022") int programmeYear,
            @Schema(description = "The cohort's track (assessment-service's name), where known.", examples = "KAB_KOTA") String track,
            UUID cycleId,
            Origin origin,
            @Schema(description = "How a live MoU's draft came to be: `REGION_SELECTED` (assessment-service's selection) or "
                    + "`MINISTRY` (by hand); null for a recorded MoU, which was never drafted here.")
            MouOrigin draftedFrom,
            MouState state,
            @Schema(description = "The one kind every name of the document maps to.") DocumentKind kind,
            @Schema(description = "The name the document goes by as written.", examples = "Nota Kesepakatan") String documentName,
            String title,
            Numbers numbers,
            @Schema(description = "Pihak pertama: the Direktur Jenderal Aplikasi Informatika.") Party firstParty,
            @Schema(description = "Pihak kedua: the regional head (Bupati, Wali Kota, Gubernur) by the region's level.") Party secondParty,
            MouRequests.Signatory firstPartySignatory,
            MouRequests.Signatory secondPartySignatory,
            List<MouRequests.Person> witnesses,
            List<MouRequests.Person> attendees,
            Scope scope,
            CeremonyRef ceremony,
            @Schema(description = "The date of a signing of its own (when not at a national ceremony).") LocalDate plannedOn,
            @Schema(examples = "Ruang OR Kantor Wali Kota Pangkal Pinang") String localVenue,
            @Schema(description = "`false` when the record says explicitly that the venue is not known.") boolean localVenueKnown,
            ParticipationMode localMode,
            @Schema(description = "The day it was signed; for a recorded signing known only by month or year, the first day "
                    + "of it (`occurred.signed` says the precision).", examples = "2022-04-21") LocalDate signedOn,
            Validity validity,
            @Schema(description = "Validity in years from the terms, before signing.") Integer validityYears,
            @Schema(description = "0 until signed, 1 as signed, one more per amendment.") int revision,
            @Schema(description = "When it was terminated, withdrawn or expired.") LocalDate stateChangedOn,
            @Schema(description = "Why it was terminated or withdrawn.") String stateReason,
            @Schema(description = "What the document still lacks to be signed (empty once it could be or was signed).")
            List<String> missingForSigning,
            List<MouRequests.Source> sources,
            String notes,
            @Schema(description = "The date each act happened, with its precision: as its write gave it (`occurred`, "
                    + "`signedOn`, `heldOn`, `terminatedOn`), else the day (in Jakarta) it was recorded.")
            ActDates occurred,
            @Schema(description = "When the draft was recorded (its act's date is `occurred.drafted`).")
            OffsetDateTime createdAt,
            String createdBy,
            OffsetDateTime updatedAt,
            String updatedBy,
            @Schema(description = "When the (last) scheduling was recorded (its act's date is `occurred.scheduled`); "
                    + "null before it was scheduled, or when it was scheduled before this was kept.")
            OffsetDateTime scheduledAt,
            @Schema(description = "A recorded MoU's number as its source gives it; null for a live MoU (see `numbers`) or "
                    + "when the source does not give it.", examples = "B-123/DJAI/HK.04.02/02/2023") String number,
            @Schema(description = "A recorded MoU: whether its source gives the number (`false`: unknown, not invented). "
                    + "Null for a live MoU.") Boolean numberKnown,
            @Schema(description = "A recorded MoU: the ceremony it was signed at, as its source names it.",
                    examples = "Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2023") String recordedCeremony,
            @Schema(description = "`false` when how long the MoU is in force is not known (a recorded MoU: no source gives "
                    + "it and no certain rule does): `validity` is then null and it never expires by itself.")
            boolean validityKnown,
            @Schema(description = "A recorded MoU that was withdrawn (it should never have been recorded): when, by whom, "
                    + "why and on what sources; null while it stands. A withdrawn MoU leaves lists and counts.")
            Withdrawn withdrawn) {
    }

    @Schema(name = "MouWithdrawnRecord", description = "The withdrawal of a recorded MoU.")
    public record Withdrawn(OffsetDateTime at, String by, String reason, List<MouRequests.Source> sources) {
    }

    @Schema(name = "MouRecordValue", description = "What is recorded of an MoU known only by its signing, as it stood in a revision.")
    public record RecordValue(Occurred signedOn, String number, boolean numberKnown, String ceremony,
            List<MouRequests.Source> sources) {
    }

    @Schema(name = "MouActDates", description = """
            When the MoU's acts happened, each as precisely as known (`Occurred`): the date a write gave \
            (recorded after the fact), else the day it was recorded. `null`: not (yet) happened.""")
    public record ActDates(
            @Schema(description = "The draft was made.", examples = "{\"date\": \"2022\", \"precision\": \"YEAR\"}")
            Occurred drafted,
            @Schema(description = "It was (last) scheduled; `null` while a draft (or when scheduled before this was kept).",
                    examples = "{\"date\": \"2023-01\", \"precision\": \"MONTH\"}")
            Occurred scheduled,
            @Schema(description = "It was signed (`signedOn`, DAY).", examples = "{\"date\": \"2023-02-28\", \"precision\": \"DAY\"}")
            Occurred signed,
            @Schema(description = "It was terminated, withdrawn or expired (`stateChangedOn`, with its precision).",
                    examples = "{\"date\": \"2026-02-28\", \"precision\": \"DAY\"}")
            Occurred ended) {
    }

    @Schema(name = "MouNumbers", description = "The numbers each party gave the document, where given.")
    public record Numbers(
            @Schema(examples = "B-123/DJAI/HK.04.02/04/2022") String firstParty,
            @Schema(examples = "119/NK/HK/2022") String secondParty) {
    }

    @Schema(name = "MouPartyView", description = "A party: its title, office and the office holder's name where known.")
    public record Party(
            @Schema(description = "For pihak kedua: the regional head's title by the region's level.") RegionalHeadTitle title,
            @Schema(examples = "Wali Kota Pangkal Pinang") String position,
            String name) {
    }

    @Schema(name = "MouScopeView", description = "The scope: standard items with their Indonesian text, and any others.")
    public record Scope(List<ScopeEntry> standardItems, List<String> otherItems) {
    }

    @Schema(name = "MouScopeItem", description = "A standard scope item.")
    public record ScopeEntry(
            @Schema(examples = "BIMTEK_MASTERPLAN") String code,
            @Schema(examples = "Bimbingan teknis penyusunan Rencana Induk (Masterplan) Smart City") String text) {
    }

    @Schema(name = "MouValidity", description = "In force from the signing date to `until` (inclusive); expires the day after.")
    public record Validity(
            @Schema(examples = "2022-04-21") LocalDate from,
            @Schema(examples = "2025-04-20") LocalDate until,
            @Schema(description = "Years signed for; absent when the document names an end date.", examples = "3") Integer years) {
    }

    @Schema(name = "MouCeremonyRef", description = "The national ceremony an MoU is signed at.")
    public record CeremonyRef(UUID id, String title,
            @Schema(description = "The day the ceremony is (or was) planned for.", examples = "2022-04-21") LocalDate plannedOn,
            @Schema(description = "The day it was held; absent until it is held.", examples = "2022-04-21") LocalDate heldOn,
            CeremonyState state, ParticipationMode mode) {
    }

    @Schema(name = "MouPage", description = "One page of MoUs.")
    public record Page(List<Mou> items, int page, int size, long total, long totalPages) {
    }

    @Schema(name = "MouCounts", description = "How many MoUs match, in all and per state (every state, zero where none).")
    public record Counts(long total, Map<MouState, Long> byState) {
    }

    @Schema(name = "MouRevision", description = "One signed text of an MoU: revision 1 as signed, then one per amendment.")
    public record Revision(
            @Schema(examples = "2") int revision,
            @Schema(examples = "AMENDMENT") String kind,
            @Schema(description = "The signing date, or the day the amendment takes effect.") LocalDate effectiveOn,
            String reason,
            Numbers numbers,
            Scope scope,
            Validity validity,
            OffsetDateTime recordedAt,
            String recordedBy,
            @Schema(description = "When this revision was made (= recordedAt).") OffsetDateTime at,
            @Schema(description = "Who made it (= recordedBy).") String by,
            @Schema(description = "The sources of a correction or withdrawal; empty otherwise.") List<MouRequests.Source> sources,
            @Schema(description = "A recorded MoU: the record as it stood in this revision; null for a live MoU's texts.")
            RecordValue value) {
    }

    @Schema(name = "MouRevisionPage", description = "A page of every signed text (or recorded value) of an MoU, first first.")
    public record RevisionPage(
            @Schema(examples = "0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b") UUID mouId,
            @Schema(maxItems = 100) List<Revision> items,
            @Schema(description = "Zero-based page number.", examples = "0") int page,
            @Schema(description = "Page size asked for.", examples = "20") int size,
            @Schema(description = "Number of revisions.", examples = "2") long total,
            @Schema(description = "Number of pages of this size.", examples = "1") long totalPages) {
    }

    @Schema(name = "MouCeremony", description = "A national signing ceremony, with its version (also the ETag).")
    public record Ceremony(
            UUID id,
            long version,
            Origin origin,
            @Schema(examples = "2022") int programmeYear,
            @Schema(examples = "Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2022") String title,
            @Schema(examples = "2022-04-21") LocalDate plannedOn,
            LocalDate heldOn,
            CeremonyState state,
            @Schema(examples = "Direktorat Jenderal Aplikasi Informatika, Kementerian Komunikasi dan Informatika") String host,
            ParticipationMode mode,
            String venue,
            String note,
            OffsetDateTime createdAt,
            String createdBy,
            OffsetDateTime updatedAt,
            String updatedBy) {
    }

    @Schema(name = "MouCeremonyPage", description = "One page of ceremonies, newest first.")
    public record CeremonyPage(List<Ceremony> items, int page, int size, long total, long totalPages) {
    }

    @Schema(name = "MouCohortScheduled", description = "The MoUs a batch scheduled into the ceremony.")
    public record CohortScheduled(Ceremony ceremony, List<MouRef> scheduled) {
    }

    @Schema(name = "MouCeremonyHeld", description = "The ceremony as held, the MoUs signed at it, and those whose record was not complete (still scheduled).")
    public record CeremonyHeld(Ceremony ceremony, List<MouRef> signed, List<NotSigned> notSigned) {
    }

    @Schema(name = "MouRef", description = "An MoU in a batch outcome.")
    public record MouRef(UUID id, String regionCode, String regionName, MouState state, long version) {
    }

    @Schema(name = "MouNotSigned", description = "An MoU the ceremony could not sign and what its record lacks.")
    public record NotSigned(MouRef mou, List<id.kotacerdas.platform.web.Violation> missing) {
    }
}
