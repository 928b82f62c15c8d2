package id.kotacerdas.region.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegionProfileRevisionPage", description = "A page of the earlier values of a region's profile, oldest first.")
public record ProfileRevisionPage(
        @Schema(description = "The region's Kemendagri code.", examples = "18.72") String regionCode,
        @Schema(maxItems = 100) List<ProfileRevisionView> items,
        @Schema(description = "Zero-based page number.", examples = "0") int page,
        @Schema(description = "Page size asked for.", examples = "20") int size,
        @Schema(description = "Number of earlier values.", examples = "3") long total,
        @Schema(description = "Number of pages of this size.", examples = "1") long totalPages) {
}
