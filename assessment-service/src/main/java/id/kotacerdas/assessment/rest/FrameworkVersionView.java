package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.FrameworkStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FrameworkVersion", description = "One version of a framework: its status and its document.")
public record FrameworkVersionView(
        @Schema(examples = "kominfo-readiness") String code,
        @Schema(examples = "2") int version,
        @Schema(description = "A DRAFT can be replaced (If-Match); a PUBLISHED version never changes.") FrameworkStatus status,
        @Schema(description = "Revision of the record, also sent as the ETag; send it in `If-Match` to replace or publish.", examples = "1")
        long revision,
        @Schema(description = "How weights add up.") String weightRule,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
        @Schema(description = "When it was published; absent for a draft.") OffsetDateTime publishedAt,
        String publishedBy,
        FrameworkDocument document) {

    @Schema(name = "FrameworkVersionSummary", description = "A framework version in a list.")
    public record Summary(
            @Schema(examples = "spbe") String code,
            @Schema(examples = "1") int version,
            FrameworkStatus status,
            @Schema(examples = "Indeks SPBE (PermenPANRB 59/2020)") String name,
            @Schema(examples = "4") int criteria,
            @Schema(examples = "47") int indicators,
            OffsetDateTime publishedAt) {
    }

    @Schema(name = "FrameworkVersionPage", description = "One page of framework versions (by default by code, newest version first).")
    public record Page(List<Summary> items, int page, int size, long total, long totalPages) {
    }
}
