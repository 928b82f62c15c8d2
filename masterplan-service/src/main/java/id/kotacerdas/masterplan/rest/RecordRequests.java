package id.kotacerdas.masterplan.rest;

import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the record-from-source path and of the ratification's corrections and withdrawal (issue 18). */
public final class RecordRequests {

    private RecordRequests() {
    }

    @Schema(name = "RecordedMasterplan", description = "A masterplan known only by its ratification, or a region's "
            + "self-made plan, recorded from its sources. No vision, pillars, quick wins or roadmap: the reads say "
            + "`contentRecorded: false`.")
    public record RecordedMasterplanData(
            @NotBlank @Size(max = 5) @Pattern(regexp = "\\d{2}(\\.\\d{2})?") @Schema(examples = "61.71") String regionCode,
            @Min(2000) @Max(2100) @Schema(description = "The programme year (not before 2017); required unless "
                    + "`selfMade`. A self-made plan without one is identified by its instrument's number.",
                    examples = "2019") Integer programmeYear,
            @NotNull @Schema(description = "`true`: the region's own plan, made outside the programme (it may be older "
                    + "than 2017).", examples = "false") Boolean selfMade,
            @Size(max = 300) @Schema(description = "The plan's title as the source gives it; absent when it does not.",
                    examples = "Masterplan Smart City Kota Pontianak") String title,
            @NotNull @Valid RecordedRatificationData ratification,
            @Schema(description = "Where the fact comes from: at least one, at most 20 (absolute http(s) urls).")
            @Size(max = 20) List<Source> sources) {
    }

    @Schema(name = "RecordedRatification", description = "The ratification as the source gives it: each of the "
            + "instrument, its number and its date may be unknown (`null` with `…Known: false`), never invented.")
    public record RecordedRatificationData(
            @Size(max = 100) @Schema(description = "The instrument's name (Perwali, Perwal, Perwa, Perbup, Pergub, Perda, "
                    + "Keputusan, SK …: the accepted names of `POST …/ratification`); null when not known.",
                    examples = "Perwa") String instrument,
            @Schema(description = "`false` when the source does not name the instrument (then `instrument` is null); "
                    + "left out: known when `instrument` is given.") Boolean instrumentKnown,
            @Size(min = 1, max = 100) @Pattern(regexp = "\\S.*") @Schema(description = "The instrument's number; null "
                    + "when not known. Required for a self-made plan recorded without a programme year (its key).",
                    examples = "25") String number,
            @Schema(description = "`false` when the source gives no number.") Boolean numberKnown,
            @Schema(description = "The ratification's date (DAY, MONTH or YEAR); not in the future, not before 2017 "
                    + "unless `selfMade`; null when not known.",
                    examples = "{\"date\": \"2019-07\", \"precision\": \"MONTH\"}") Occurred occurred,
            @Schema(description = "`false` when the source gives no date.") Boolean dateKnown) {
    }

    @Schema(name = "RatificationCorrection", description = "A correction of a ratification's facts: the fields to "
            + "change with their new values (same names and rules as on create: `instrument`, `number`, `occurred`, "
            + "`title`; `null` makes a recorded fact unknown), why, and where the right value comes from.")
    public record CorrectionData(
            @NotBlank @Size(max = 2000) @Schema(examples = "The JDIH page gives the number 25, not 52") String reason,
            @Schema(description = "Where the right value comes from; required for a recorded ratification.")
            @Size(max = 20) List<Source> sources,
            @Schema(description = "The fields to change and their new values.",
                    examples = "{\"number\": \"25\"}") java.util.Map<String, Object> changes) {
    }
}
