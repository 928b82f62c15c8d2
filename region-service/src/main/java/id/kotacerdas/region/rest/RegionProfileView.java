package id.kotacerdas.region.rest;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegionProfile", description = "A region's own facts with their version (also sent as the ETag).")
public record RegionProfileView(
        @Schema(examples = "18.72") String regionCode,
        @Schema(examples = "Kota Metro") String regionName,
        @Schema(description = "Version of the profile; send it back in `If-Match` to update.", examples = "3") long version,
        RegionProfileData profile,
        @Schema(examples = "2026-11-23T08:15:30Z") OffsetDateTime createdAt,
        @Schema(examples = "officer-metro") String createdBy,
        @Schema(examples = "2026-11-23T09:02:11Z") OffsetDateTime updatedAt,
        @Schema(examples = "officer-metro") String updatedBy) {
}
