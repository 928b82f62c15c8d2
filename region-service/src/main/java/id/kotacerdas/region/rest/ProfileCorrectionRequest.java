package id.kotacerdas.region.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kotacerdas.platform.record.Source;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/regions/{code}/profile/corrections} (issue 18 item 3). */
@Schema(name = "RegionProfileCorrection", description = "A correction of parts of a region's profile, with why and what shows it.",
        requiredProperties = { "reason", "sources", "changes" })
public record ProfileCorrectionRequest(
        @Schema(description = "Why the profile is corrected, in a sentence (at most 2000 characters).", maxLength = 2000,
                examples = "The SK number was transcribed wrongly; the JDIH page gives 188.45/123/C.2/2023")
        String reason,
        @Schema(description = "What shows the corrected values (at least one, at most 20).", maxItems = 20)
        List<Source> sources,
        @Schema(implementation = RegionProfileData.class, description = """
                The parts of the profile to change, with the names and rules of the PUT's body \
                (`regionalHead`, `sekda`, `kominfoContact`, `rpjmdPeriods`, `dewanSmartCity`, `website`); a part given \
                replaces that part whole, `null` removes it, a part not given stays. At least one part, and it must \
                change something.""")
        ObjectNode changes) {
}
