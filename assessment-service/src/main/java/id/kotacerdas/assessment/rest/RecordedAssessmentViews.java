package id.kotacerdas.assessment.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kotacerdas.assessment.domain.RecordedAssessment;
import id.kotacerdas.assessment.domain.RecordedAssessmentRevision;
import id.kotacerdas.assessment.domain.SourceList;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the recorded-assessment endpoints take and answer. */
public final class RecordedAssessmentViews {

    private RecordedAssessmentViews() {
    }

    @Schema(name = "RecordedAssessmentRequest", description = """
            One region's outcome of a past assessment, as its sources give it. Natural key: (programmeYear, track, \
            regionCode). What the source does not give stays unknown: `score`/`rank` null with `scoreKnown`/`rankKnown` \
            false (when `…Known` is omitted, a given value is known and a missing one unknown), `invited`/`submitted` \
            null.""")
    public record Request(
            @NotNull @Min(2017) @Max(2100) @Schema(required = true, examples = "2022") Integer programmeYear,
            @NotNull @Schema(required = true, examples = "KAB_KOTA") Track track,
            @Min(2016) @Max(2100) @Schema(description = "The year the assessment took place, when the source gives it.",
                    examples = "2021") Integer assessmentYear,
            @NotNull @Size(max = 5) @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE)
            @Schema(required = true, examples = "18.72") String regionCode,
            @NotNull @Schema(required = true, examples = "SELECTED") RecordedAssessment.Outcome outcome,
            @Schema(description = "0–100, at most 2 decimals; null when unknown.", examples = "65.0") BigDecimal score,
            @Schema(description = "Whether the source gives the score.", examples = "true") Boolean scoreKnown,
            @Schema(description = "The rank in the track; null when unknown.", examples = "3", minimum = "1", maximum = "1000") Integer rank,
            @Schema(description = "Whether the source gives the rank.", examples = "false") Boolean rankKnown,
            @Schema(description = "When the region was invited, when known. " + ApiDocs.OCCURRED_IN) Occurred invited,
            @Schema(description = "When it submitted its self-assessment, when known; not before `invited`.") Occurred submitted,
            @Schema(required = true, description = "When the outcome happened (the selection or its announcement); not "
                    + "before `submitted` (else `invited`).") Occurred occurred,
            @Schema(required = true, maxItems = 20, description = ApiDocs.SOURCES) List<Source> sources) {
    }

    @Schema(name = "RecordedAssessment", description = "A past assessment outcome recorded from its sources.")
    public record View(UUID id, @Schema(examples = "2022") int programmeYear, Track track,
            @Schema(description = "Null when the source does not give it.", examples = "2021") Integer assessmentYear,
            @Schema(examples = "18.72") String regionCode, @Schema(examples = "Kota Metro") String regionName,
            @Schema(examples = "KOTA") String regionLevel, @Schema(examples = "18") String provinceCode,
            RecordedAssessment.Outcome outcome,
            @Schema(description = "Null when unknown (`scoreKnown` false).", examples = "65.00") BigDecimal score,
            boolean scoreKnown,
            @Schema(description = "Null when unknown (`rankKnown` false).") Integer rank, boolean rankKnown,
            @Schema(description = "When invited; null when unknown.") Occurred invited,
            @Schema(description = "When submitted; null when unknown.") Occurred submitted,
            @Schema(description = "When the outcome happened.") Occurred occurred,
            @Schema(description = ApiDocs.ORIGIN + " Always `RECORDED` here.") Origin origin,
            List<Source> sources,
            @Schema(description = "A SELECTED outcome not withdrawn makes the region a member of the year's cohort.")
            boolean cohortMember,
            OffsetDateTime recordedAt, String recordedBy,
            @Schema(description = "1 when recorded; + 1 with each correction or withdrawal (the ETag).", minimum = "1",
                    maximum = "100000") int revision,
            @Schema(description = "Null unless withdrawn: it then leaves the lists, the cohort and the statistics.")
            Withdrawn withdrawn) {

        static View of(RecordedAssessment a) {
            return new View(a.id, a.programmeYear, a.track, a.assessmentYear, a.regionCode, a.regionName, a.regionLevel,
                    a.provinceCode, a.outcome, a.score, a.scoreKnown, a.rank, a.rankKnown, a.invited(), a.submitted(),
                    a.occurred(), Origin.RECORDED, a.sources.items(), a.selected() && !a.withdrawn(), a.recordedAt,
                    a.recordedBy, a.revision, a.withdrawn() ? new Withdrawn(a.withdrawnAt, a.withdrawnBy,
                            a.withdrawalReason, SourceList.items(a.withdrawalSources)) : null);
        }
    }

    @Schema(name = "RecordWithdrawal", description = "When, by whom, why and on what sources a fact was withdrawn.")
    public record Withdrawn(OffsetDateTime at, @Schema(maxLength = 255) String by,
            @Schema(maxLength = 2000) String reason, @Schema(maxItems = 20) List<Source> sources) {
    }

    @Schema(name = "RecordedAssessmentCorrection", description = "A correction of a recorded assessment outcome: why, "
            + "on what sources, and the fields to change (absent fields stay as they are).")
    public record CorrectionRequest(
            @Schema(required = true, maxLength = 2000, examples = "The ministry's list gives the score as 67.5") String reason,
            @Schema(required = true, maxItems = 20, description = ApiDocs.SOURCES) List<Source> sources,
            @Schema(required = true, implementation = ChangesView.class) ObjectNode changes) {
    }

    @Schema(name = "RecordedAssessmentChanges", description = """
            The fields to change, with the same names and rules as when the outcome is recorded; a field absent stays \
            as it is. `invited`, `submitted` or `assessmentYear` given as null become unknown; `scoreKnown`/`rankKnown` \
            false makes the score/rank unknown (give no value then); a `score`/`rank` given is known. The natural key \
            (`programmeYear`, `track`, `regionCode`) is not changeable: `400` naming it.""")
    public record ChangesView(
            @Schema(examples = "NOT_SELECTED") RecordedAssessment.Outcome outcome,
            @Schema(description = "0–100, at most 2 decimals.", minimum = "0", maximum = "100", examples = "67.5") BigDecimal score,
            Boolean scoreKnown,
            @Schema(minimum = "1", maximum = "1000", examples = "3") Integer rank,
            Boolean rankKnown,
            @Schema(description = "Null: unknown.") Occurred invited,
            @Schema(description = "Null: unknown.") Occurred submitted,
            @Schema(description = "When the outcome happened; cannot become unknown.") Occurred occurred,
            @Schema(minimum = "2016", maximum = "2100", description = "Null: unknown.") Integer assessmentYear) {
    }

    @Schema(name = "RecordedAssessmentRevision", description = "An earlier value of a recorded assessment outcome.")
    public record RevisionView(@Schema(minimum = "1", maximum = "100000") int revision, OffsetDateTime at,
            @Schema(maxLength = 255) String by, @Schema(maxLength = 2000) String reason,
            @Schema(maxItems = 20) List<Source> sources,
            @Schema(description = "The outcome as it was.") Map<String, Object> value) {

        static RevisionView of(RecordedAssessmentRevision r) {
            return new RevisionView(r.revision, r.changedAt, r.changedBy, r.reason, SourceList.items(r.sources), r.value);
        }
    }

    @Schema(name = "RecordedAssessmentPage", description = "One page of recorded outcomes, by default by programme year, track and region code.")
    public record Page(List<View> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static Page of(List<View> all, id.kotacerdas.platform.web.PageParams paging) {
            return new Page(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "RecordedAssessmentRevisionPage", description = "One page of a recorded outcome's earlier values, oldest first.")
    public record RevisionPage(List<RevisionView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static RevisionPage of(List<RevisionView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new RevisionPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }
}
