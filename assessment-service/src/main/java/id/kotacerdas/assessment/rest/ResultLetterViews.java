package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.ResultLetter;
import id.kotacerdas.assessment.domain.ResultLetterNumber;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.domain.SourceList;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the result-letter endpoints. */
public final class ResultLetterViews {

    private ResultLetterViews() {
    }

    @Schema(description = "A result letter to issue (no `number`: the next number of the date's year) or to record "
            + "with the number it already has (its MM/YYYY must be the date's).")
    public record LetterRequest(
            @NotNull @Schema(required = true, description = "The letter's date.", examples = "2022-06-03") LocalDate date,
            @Pattern(regexp = ResultLetterNumber.PATTERN, message = "must look like B-349/DJAI/AI.01.02/06/2022")
            @Schema(description = "An existing number, B-{n}/DJAI/AI.01.02/{MM}/{YYYY}; omit to issue the next one.",
                    pattern = ResultLetterNumber.PATTERN, maxLength = 60, examples = "B-349/DJAI/AI.01.02/06/2022")
            String number) {
    }

    public record RegionView(@Schema(examples = "18.72") String regionCode, String regionName, String provinceCode,
            Track track) {
    }

    @Schema(description = "A «Penyampaian Hasil Asesmen» letter of the Direktur Jenderal Aplikasi Informatika.")
    public record LetterView(UUID id, @Schema(examples = "B-349/DJAI/AI.01.02/06/2022") String number, LocalDate date,
            UUID cycleId, UUID selectionId, @Schema(minimum = "2000", maximum = "2100") int programmeYear,
            @Schema(description = "Recorded with its existing number (true) or issued here (false).") boolean recorded,
            List<RegionView> regions, OffsetDateTime createdAt, String createdBy,
            @Schema(description = ApiDocs.ORIGIN) Origin origin,
            @Schema(description = "The sources of a RECORDED letter; empty for a letter of a cycle.") List<Source> sources,
            @Schema(description = "Where the PDF is.") String pdf) {

        static LetterView of(ResultLetter l) {
            return new LetterView(l.id, l.number, l.letterDate, l.cycleId, l.selectionId, l.programmeYear, l.recorded,
                    l.regions.items().stream().map(r -> new RegionView(r.regionCode(), r.regionName(), r.provinceCode(),
                            r.track())).toList(), l.createdAt, l.createdBy, l.origin, SourceList.items(l.sources), "/api/v1/result-letters/" + l.id + "/pdf");
        }
    }

    public record LetterList(List<LetterView> items) {
    }

    @Schema(name = "RecordedResultLetterRequest", description = "A result letter recorded on its own, from its sources: "
            + "no cycle of this service. Natural key: `number`.")
    public record RecordedLetterRequest(
            @NotNull @Pattern(regexp = ResultLetterNumber.AS_WRITTEN_PATTERN,
                    message = "must be a letter number as the ministry writes it, e.g. B-349/DJAI/AI.01.02/06/2022 or B.116/DJAI/AI.01.05/02/2019")
            @Schema(required = true, pattern = ResultLetterNumber.AS_WRITTEN_PATTERN, maxLength = 60,
                    description = "The number exactly as the source writes it: `B-{n}` or `B.{n}`, `/DJAI/`, any "
                            + "classification `AI.{nn}.{nn}`, `/{MM}/{YYYY}` (the `date`'s month and year). Kept as "
                            + "written; the letter's natural key. `{n}` is the year's running number, never used twice.",
                    examples = "B.116/DJAI/AI.01.05/02/2019") String number,
            @NotNull @Schema(required = true, examples = "2022-06-03") LocalDate date,
            @NotNull @jakarta.validation.constraints.Min(2017) @jakarta.validation.constraints.Max(2100)
            @Schema(required = true, examples = "2022") Integer programmeYear,
            @Schema(maxItems = 1000, required = true, description = "The regions the letter names, each in the registry replica with "
                    + "the track of its level.") List<RegionRef> regions,
            @Schema(required = true, maxItems = 20, description = ApiDocs.SOURCES) List<Source> sources) {
    }

    public record RegionRef(@Schema(examples = "18.72", maxLength = 5) String regionCode, @Schema(examples = "KAB_KOTA") Track track) {
    }
}
