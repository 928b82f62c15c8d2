package id.kotacerdas.region.rest;

import id.kotacerdas.platform.record.Source;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegionProfileRevision", description = """
        An earlier value of a region's profile: the profile as it was at `version` (the ETag it had), \
        and when, by whom and, for a correction, why and on what sources it was replaced.""")
public record ProfileRevisionView(
        @Schema(description = "The profile's version (ETag) this value had.", examples = "3") long version,
        @Schema(description = "When this value was replaced.", examples = "2026-12-07T09:02:11Z") OffsetDateTime at,
        @Schema(description = "Who replaced it.", examples = "ministry") String by,
        @Schema(description = "The correction's reason; null when a PUT replaced it.") String reason,
        @Schema(description = "The correction's sources; null when a PUT replaced it.") List<Source> sources,
        @Schema(description = "The profile as it was.") RegionProfileData value) {
}
