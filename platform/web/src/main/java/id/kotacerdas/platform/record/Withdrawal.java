package id.kotacerdas.platform.record;

import id.kotacerdas.platform.web.Violation;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a recorded fact is withdrawn (it should never have been recorded), or why a stuck live object (a cycle, an
 * invitation) is cancelled: a reason, and for a recorded fact the sources that show it. The fact stays readable and
 * audited; it leaves the counts.
 */
@Schema(name = "Withdrawal", description = "Why a fact is withdrawn or an object cancelled. A withdrawn fact stays readable "
        + "(with this reason) and in the audit trail, but leaves lists, counts, statistics and rankings.",
        requiredProperties = { "reason" },
        examples = "{\"reason\": \"Recorded twice: the 2022 result was entered as 2023\", "
                + "\"sources\": [{\"url\": \"https://jambikota.go.id/berita/smart-city-2022\"}]}")
public record Withdrawal(
        @Schema(description = "Why, in a sentence (at most 2000 characters).", maxLength = 2000,
                examples = "Recorded twice: the 2022 result was entered as 2023")
        String reason,
        @Schema(description = "What shows it; required when withdrawing a recorded fact.", maxItems = Source.MAX_SOURCES)
        List<Source> sources) {

    /** The violations of this withdrawal; {@code sourcesRequired} for a recorded fact. */
    public List<Violation> check(boolean sourcesRequired) {
        List<Violation> out = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            out.add(new Violation("reason", "is required"));
        } else if (reason.length() > 2000) {
            out.add(new Violation("reason", "must be at most 2000 characters"));
        }
        if (sourcesRequired || sources != null && !sources.isEmpty()) {
            out.addAll(Source.check("sources", sources));
        }
        return out;
    }
}
