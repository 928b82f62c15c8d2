package id.kotacerdas.agreement.rest;

import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of MoUs recorded from their sources (issue 18). */
public final class RecordedMouRequests {

    private RecordedMouRequests() {
    }

    @Schema(name = "RecordedMouRequest", description = """
            An MoU known only by its signing, recorded from its sources: the region, the programme year, the day (or \
            month, or year) it was signed, its number where the source gives one, the ceremony as the source names \
            it. Everything else is unknown and stays so (signatories `known: false`, no venue, no validity).""",
            requiredProperties = { "regionCode", "programmeYear", "signedOn", "sources" })
    public record RecordedMou(
            @NotNull @Size(max = 5) @Pattern(regexp = MouRequests.REGION_CODE_REGEX, message = "must be a Kemendagri code: PP or PP.KK (digits)")
            @Schema(description = "Kemendagri code of the region (pihak kedua).", examples = "18.72")
            String regionCode,
            @NotNull @Min(2017) @Max(2100)
            @Schema(description = "The programme year (with regionCode, the natural key).", examples = "2023")
            Integer programmeYear,
            @NotNull
            @Schema(description = "When it was signed, as precisely as the source says: a day, a month or a year; not in the "
                    + "future, not before 2017.", examples = "{\"date\": \"2023-02-28\", \"precision\": \"DAY\"}")
            Occurred signedOn,
            @Size(min = 1, max = 150)
            @Schema(description = "The MoU's number as the source gives it; null when it does not.", examples = "B-123/DJAI/HK.04.02/02/2023")
            String number,
            @Schema(description = "Whether the source gives the number; left out: whether `number` is given. `false` with a "
                    + "number, or `true` without one, is a 400.", examples = "false")
            Boolean numberKnown,
            @Size(min = 1, max = 300)
            @Schema(description = "The ceremony it was signed at, as the source names it.",
                    examples = "Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2023 (virtual)")
            String ceremony,
            @Schema(description = "Where it is known from: at least one, at most 20, each with an http(s) `url`.")
            @Size(max = 20) List<Source> sources) {
    }

    @Schema(name = "MouRecordCorrection", description = """
            A correction of a recorded MoU, made in the open: why, on what sources, and the fields to change with the \
            names and rules of `POST /api/v1/recorded-mous` (those left out stay as they are).""",
            requiredProperties = { "reason", "sources", "changes" })
    public record Correction(
            @Schema(description = "Why, in a sentence (at most 2000 characters).", examples = "The MoU was signed on 28 February, not in March")
            @Size(max = 2000) String reason,
            @Schema(description = "What shows the correction: at least one, each with an http(s) `url`.")
            @Size(max = 20) List<Source> sources,
            @Schema(description = "The fields to change; at least one, and at least one value must differ.")
            Changes changes) {
    }

    @Schema(name = "MouRecordChanges", description = """
            The fields of a recorded MoU a correction changes. A `number` makes the number known; `numberKnown: \
            false` without a number makes it unknown; `sources` replaces the record's sources.""")
    public record Changes(
            @Schema(examples = "{\"date\": \"2023-02-28\", \"precision\": \"DAY\"}") Occurred signedOn,
            @Size(min = 1, max = 150) String number,
            Boolean numberKnown,
            @Size(min = 1, max = 300) String ceremony,
            @Size(max = 20) List<Source> sources) {
    }
}
