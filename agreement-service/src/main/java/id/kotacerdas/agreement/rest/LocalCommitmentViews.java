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
            String createdBy) {
    }

    @Schema(name = "LocalCommitmentPage", description = "One page of local commitments, newest signing first.")
    public record Page(List<Commitment> items, int page, int size, long total, long totalPages) {
    }
}
