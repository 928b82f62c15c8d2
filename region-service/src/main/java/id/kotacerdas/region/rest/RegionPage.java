package id.kotacerdas.region.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegionPage", description = "One page of regions and how many match in total.")
public record RegionPage(
        List<RegionView> items,
        @Schema(description = "Zero-based page number.", examples = "0") int page,
        @Schema(description = "Page size asked for.", examples = "20") int size,
        @Schema(description = "Number of regions that match the filters.", examples = "514") long total,
        @Schema(description = "Number of pages of this size.", examples = "26") long totalPages) {
}
