package id.kotacerdas.agreement.rest;

import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the API shows local commitments. */
public final class LocalCommitmentViews {

    private LocalCommitmentViews() {
    }

    @Schema(name = "LocalCommitment", description = "A region's local commitment (komitmen bersama).")
    public record Commitment(
            UUID id,
            long version,
            @Schema(description = "1 as recorded, one more per correction and for the withdrawal; also its `ETag`.",
                    examples = "1") int revision,
            id.kotacerdas.platform.record.Origin origin,
            @Schema(examples = "52.07") String regionCode,
            @Schema(examples = "Kabupaten Sumbawa Barat") String regionName,
            @Schema(examples = "52") String provinceCode,
            UUID mouId,
            String title,
            LocalDate signedOn,
            String venue,
            LocalCommitmentRequests.Official regionalHead,
            LocalCommitmentRequests.Official sekda,
            List<LocalCommitmentRequests.Opd> opds,
            LocalCommitmentRequests.Bimtek bimtek,
            List<MouRequests.Source> sources,
            String notes,
            @Schema(description = "When it was signed (`signedOn`, DAY), beside when it was recorded (`createdAt`).",
                    examples = "{\"date\": \"2022-09-30\", \"precision\": \"DAY\"}")
            Occurred occurred,
            OffsetDateTime createdAt,
            String createdBy,
            @Schema(description = "A withdrawn commitment (it should never have been recorded): when, by whom, why, on what "
                    + "sources. Absent while it stands.")
            Withdrawn withdrawn) {
    }

    @Schema(name = "LocalCommitmentWithdrawal", description = "The withdrawal of a local commitment.")
    public record Withdrawn(OffsetDateTime at, String by, String reason, List<MouRequests.Source> sources) {
    }

    @Schema(name = "LocalCommitmentRevisionPage", description = "A page of every value a local commitment had, first first; the last of the last page is the current one.")
    public record RevisionPage(
            @Schema(examples = "2c4e6a8b-0d1f-4e3a-9b5c-7d8e9f0a1b2c") UUID commitmentId,
            @Schema(maxItems = 100) List<Revision> items,
            @Schema(description = "Zero-based page number.", examples = "0") int page,
            @Schema(description = "Page size asked for.", examples = "20") int size,
            @Schema(description = "Number of values.", examples = "2") long total,
            @Schema(description = "Number of pages of this size.", examples = "1") long totalPages) {
    }

    @Schema(name = "LocalCommitmentRevision", description = "One value of a local commitment: as recorded, after a correction, or as withdrawn.")
    public record Revision(
            @Schema(examples = "2") int revision,
            @Schema(examples = "CORRECTION", enumeration = { "RECORDED", "CORRECTION", "WITHDRAWAL" }) String kind,
            OffsetDateTime at,
            String by,
            @Schema(description = "Why it was corrected or withdrawn (null for revision 1).") String reason,
            @Schema(description = "The sources of the correction or withdrawal (empty for revision 1).") List<MouRequests.Source> sources,
            @Schema(description = "The commitment as it stood in this revision.") Value value) {
    }

    @Schema(name = "LocalCommitmentValue", description = "The correctable fields of a local commitment as they stood in a revision.")
    public record Value(UUID mouId, String title, LocalDate signedOn, String venue,
            LocalCommitmentRequests.Official regionalHead, LocalCommitmentRequests.Official sekda,
            List<LocalCommitmentRequests.Opd> opds, LocalCommitmentRequests.Bimtek bimtek,
            List<MouRequests.Source> sources, String notes) {
    }

    @Schema(name = "LocalCommitmentPage", description = "One page of local commitments, newest signing first.")
    public record Page(List<Commitment> items, int page, int size, long total, long totalPages) {
    }
}
