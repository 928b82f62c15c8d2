package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.RecordedAssessment;
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
            @Schema(description = "A SELECTED outcome makes the region a member of the year's cohort.") boolean cohortMember,
            OffsetDateTime recordedAt, String recordedBy) {

        static View of(RecordedAssessment a) {
            return new View(a.id, a.programmeYear, a.track, a.assessmentYear, a.regionCode, a.regionName, a.regionLevel,
                    a.provinceCode, a.outcome, a.score, a.scoreKnown, a.rank, a.rankKnown, a.invited(), a.submitted(),
                    a.occurred(), Origin.RECORDED, a.sources.items(), a.selected(), a.recordedAt, a.recordedBy);
        }
    }

    public record Page(List<View> items) {
    }
}
