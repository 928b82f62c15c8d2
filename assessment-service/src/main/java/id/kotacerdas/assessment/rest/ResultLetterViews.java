package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.ResultLetter;
import id.kotacerdas.assessment.domain.ResultLetterNumber;
import id.kotacerdas.assessment.domain.ResultLetterRevision;
import id.kotacerdas.assessment.service.ResultLetterService;
import jakarta.validation.Valid;
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
            + "with the number it already has (its MM/YYYY must be `issuedOn`'s).")
    public record LetterRequest(
            @com.fasterxml.jackson.annotation.JsonAlias("date")
            @NotNull @Schema(required = true, description = "The day the letter was issued (its date). Formerly `date`, still accepted.",
                    examples = "2022-06-03") LocalDate issuedOn,
            @Pattern(regexp = ResultLetterNumber.PATTERN, message = "must look like B-349/DJAI/AI.01.02/06/2022")
            @Schema(description = "An existing number, B-{n}/DJAI/AI.01.02/{MM}/{YYYY}; omit to issue the next one.",
                    pattern = ResultLetterNumber.PATTERN, maxLength = 60, examples = "B-349/DJAI/AI.01.02/06/2022")
            String number) {
    }

    public record RegionView(@Schema(examples = "18.72") String regionCode, String regionName, String provinceCode,
            Track track) {
    }

    @Schema(description = "A «Penyampaian Hasil Asesmen» letter of the Direktur Jenderal Aplikasi Informatika.")
    public record LetterView(UUID id, @Schema(examples = "B-349/DJAI/AI.01.02/06/2022") String number,
            @Schema(description = "The day the letter was issued (its date).", examples = "2022-06-03") LocalDate issuedOn,
            UUID cycleId, UUID selectionId, @Schema(minimum = "2000", maximum = "2100") int programmeYear,
            @Schema(description = "Recorded with its existing number (true) or issued here (false).") boolean recorded,
            List<RegionView> regions, OffsetDateTime createdAt, String createdBy,
            @Schema(description = ApiDocs.ORIGIN) Origin origin,
            @Schema(description = "The sources of a RECORDED letter; empty for a letter of a cycle.") List<Source> sources,
            @Schema(description = "Where the PDF is.") String pdf,
            @Schema(description = "1 when issued or recorded; + 1 with each correction or withdrawal (the ETag).",
                    minimum = "1", maximum = "100000") int revision,
            @Schema(description = "Null unless withdrawn: it then leaves the lists.")
            RecordedAssessmentViews.Withdrawn withdrawn) {

        static LetterView of(ResultLetter l) {
            return new LetterView(l.id, l.number, l.letterDate, l.cycleId, l.selectionId, l.programmeYear, l.recorded,
                    l.regions.items().stream().map(r -> new RegionView(r.regionCode(), r.regionName(), r.provinceCode(),
                            r.track())).toList(), l.createdAt, l.createdBy, l.origin, SourceList.items(l.sources),
                    "/api/v1/result-letters/" + l.id + "/pdf", l.revision,
                    l.withdrawn() ? new RecordedAssessmentViews.Withdrawn(l.withdrawnAt, l.withdrawnBy,
                            l.withdrawalReason, SourceList.items(l.withdrawalSources)) : null);
        }
    }

    @Schema(name = "ResultLetterCorrection", description = "A correction of a result letter recorded on its own: why, "
            + "on what sources, and the fields to change (absent fields stay as they are).")
    public record CorrectionRequest(
            @Schema(required = true, maxLength = 2000, examples = "The letter is dated 3 June, not 2 June") String reason,
            @Schema(required = true, maxItems = 20, description = ApiDocs.SOURCES) List<Source> sources,
            @Schema(required = true) @Valid ChangesView changes) {
    }

    @Schema(name = "ResultLetterChanges", description = "The fields to change, with the same names and rules as when "
            + "the letter is recorded; absent: unchanged.")
    public record ChangesView(
            @Pattern(regexp = ResultLetterNumber.AS_WRITTEN_PATTERN,
                    message = "must be a letter number as the ministry writes it, e.g. B-349/DJAI/AI.01.02/06/2022 or B.116/DJAI/AI.01.05/02/2019")
            @Schema(pattern = ResultLetterNumber.AS_WRITTEN_PATTERN, maxLength = 60,
                    description = "As the source writes it; its MM/YYYY the (new) `issuedOn`'s.",
                    examples = "B.116/DJAI/AI.01.05/02/2019") String number,
            @com.fasterxml.jackson.annotation.JsonAlias("date")
            @Schema(description = "The day the letter was issued. Formerly `date`, still accepted.", examples = "2019-02-14") LocalDate issuedOn,
            @jakarta.validation.constraints.Min(2017) @jakarta.validation.constraints.Max(2100)
            @Schema(minimum = "2017", maximum = "2100", examples = "2019") Integer programmeYear,
            @Schema(maxItems = 1000, description = "The regions the letter names (all of them), each in the registry "
                    + "replica with the track of its level.") List<RegionRef> regions) {

        ResultLetterService.LetterChanges toChanges() {
            return new ResultLetterService.LetterChanges(number, issuedOn, programmeYear, regions == null ? null
                    : regions.stream().map(r -> r == null ? null
                            : new ResultLetterService.NamedRegion(r.regionCode(), r.track())).toList());
        }
    }

    @Schema(name = "ResultLetterRevision", description = "An earlier value of a result letter.")
    public record RevisionView(@Schema(minimum = "1", maximum = "100000") int revision, OffsetDateTime at,
            @Schema(maxLength = 255) String by, @Schema(maxLength = 2000) String reason,
            @Schema(maxItems = 20) List<Source> sources,
            @Schema(description = "The letter as it was (number, date, programmeYear, regions, origin, cycleId, sources).")
            java.util.Map<String, Object> value) {

        static RevisionView of(ResultLetterRevision r) {
            return new RevisionView(r.revision, r.changedAt, r.changedBy, r.reason, SourceList.items(r.sources), r.value);
        }
    }

    @Schema(name = "ResultLetterPage", description = "One page of result letters, by default newest first.")
    public record LetterPage(List<LetterView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static LetterPage of(List<LetterView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new LetterPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "ResultLetterRevisionPage", description = "One page of a result letter's earlier values, oldest first.")
    public record RevisionPage(List<RevisionView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static RevisionPage of(List<RevisionView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new RevisionPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "RecordedResultLetterRequest", description = "A result letter recorded on its own, from its sources: "
            + "no cycle of this service. Natural key: `number`.")
    public record RecordedLetterRequest(
            @NotNull @Pattern(regexp = ResultLetterNumber.AS_WRITTEN_PATTERN,
                    message = "must be a letter number as the ministry writes it, e.g. B-349/DJAI/AI.01.02/06/2022 or B.116/DJAI/AI.01.05/02/2019")
            @Schema(required = true, pattern = ResultLetterNumber.AS_WRITTEN_PATTERN, maxLength = 60,
                    description = "The number exactly as the source writes it: `B-{n}` or `B.{n}`, `/DJAI/`, any "
                            + "classification `AI.{nn}.{nn}`, `/{MM}/{YYYY}` (`issuedOn`'s month and year). Kept as "
                            + "written; the letter's natural key. `{n}` is the year's running number, never used twice.",
                    examples = "B.116/DJAI/AI.01.05/02/2019") String number,
            @com.fasterxml.jackson.annotation.JsonAlias("date")
            @NotNull @Schema(required = true, description = "The day the letter was issued (its date). Formerly `date`, still accepted.",
                    examples = "2022-06-03") LocalDate issuedOn,
            @NotNull @jakarta.validation.constraints.Min(2017) @jakarta.validation.constraints.Max(2100)
            @Schema(required = true, examples = "2022") Integer programmeYear,
            @Schema(maxItems = 1000, required = true, description = "The regions the letter names, each in the registry replica with "
                    + "the track of its level.") List<RegionRef> regions,
            @Schema(required = true, maxItems = 20, description = ApiDocs.SOURCES) List<Source> sources) {
    }

    public record RegionRef(@Schema(examples = "18.72", maxLength = 5) String regionCode, @Schema(examples = "KAB_KOTA") Track track) {
    }
}
