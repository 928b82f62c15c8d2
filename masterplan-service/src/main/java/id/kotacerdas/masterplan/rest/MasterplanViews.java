package id.kotacerdas.masterplan.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.masterplan.domain.Alignment;
import id.kotacerdas.masterplan.domain.BimtekMode;
import id.kotacerdas.masterplan.domain.BimtekStageState;
import id.kotacerdas.masterplan.domain.DocumentDiff;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanKind;
import id.kotacerdas.masterplan.domain.MasterplanOrigin;
import id.kotacerdas.masterplan.domain.MasterplanState;
import id.kotacerdas.masterplan.domain.RatificationInstrument;
import id.kotacerdas.masterplan.domain.ReviewSection;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API answers: its own types, mapped from the stored ones by {@link MasterplanMapper}. */
public final class MasterplanViews {

    private MasterplanViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Masterplan", description = "A region's masterplan work for one programme year, with its working document.")
    public record MasterplanView(
            @Schema(examples = "7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11") UUID id,
            @Schema(examples = "52.07") String regionCode,
            @Schema(examples = "Kabupaten Sumbawa Barat") String regionName,
            @Schema(description = "The programme year; absent only for a self-made plan recorded without one.",
                    examples = "2022") Integer programmeYear,
            MasterplanKind kind,
            @Schema(examples = "Masterplan Smart City Kabupaten Sumbawa Barat 2022") String title,
            @Schema(description = "`LIVE`: worked through this suite; `RECORDED`: recorded from its sources after the fact "
                    + "(`POST /api/v1/recorded-masterplans`), a record that never enters the live workflow.") Origin origin,
            @Schema(description = "How the work was opened: by the region's signed MoU (MOU_SIGNED), by hand (MANUAL) or "
                    + "recorded from its sources (RECORDED). Called `origin` before issue 18.") MasterplanOrigin openedFrom,
            @Schema(description = "The MoU that opened it (agreement-service).") UUID mouId,
            LocalDate mouSignedOn,
            MasterplanState state,
            @Schema(description = "The masterplan's version; send it back in `If-Match`.", examples = "3") long version,
            @Schema(description = "How many versions were frozen by submissions.", examples = "1") int versionCount,
            @Schema(description = "`false` for a masterplan recorded from its sources (known only by its ratification): "
                    + "its vision, pillars, quick wins and roadmap were not recorded, so `document` and `alignment` are "
                    + "absent (never invented), and the HTML export and the alignment check answer `409`.")
            boolean contentRecorded,
            @Schema(description = "Present when a masterplan recorded from its sources was withdrawn with its "
                    + "ratification: it stays readable by id but leaves the lists (unless `includeWithdrawn=true`).")
            Masterplan.Withdrawn withdrawn,
            @Schema(description = "The working document; absent when `contentRecorded` is false.")
            MasterplanRequests.DocumentData document,
            @Schema(description = "Where the working document does not fit the region's RPJMD: warnings, not rejections.")
            List<FindingView> alignment,
            BimtekSummary bimtek,
            List<ReviewView> reviews,
            RatificationView ratification,
            @Schema(description = "When the opening was recorded.") OffsetDateTime openedAt,
            @Schema(examples = "masterplan-service") String openedBy,
            @Schema(description = "When the masterplan work was opened: the date given when it was recorded after the "
                    + "fact, the MoU's signing when the MoU opened it, else the day of `openedAt`. Absent for a masterplan "
                    + "recorded from its sources (its opening is not known; its `ratification.occurred` is its date).",
                    examples = "{\"date\": \"2022-04-21\", \"precision\": \"DAY\"}")
            Occurred occurred,
            OffsetDateTime updatedAt,
            @Schema(examples = "officer-ksb") String updatedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MasterplanSummary", description = "A masterplan in a list (without its document).")
    public record MasterplanSummary(UUID id, String regionCode, String regionName, Integer programmeYear, MasterplanKind kind,
            String title, Origin origin, MasterplanOrigin openedFrom, UUID mouId, MasterplanState state, long version, int versionCount,
            boolean contentRecorded,
            LocalDate bimtekCompletedOn, RatificationView ratification, OffsetDateTime updatedAt) {
    }

    @Schema(name = "BimtekStagePage", description = "A page of a masterplan's bimtek stages, in stage order.")
    public record BimtekStagePage(
            @Schema(examples = "8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f") UUID masterplanId,
            @Schema(maxItems = 100) List<BimtekStageView> items,
            @Schema(description = "Zero-based page number.", examples = "0") int page,
            @Schema(description = "Page size asked for.", examples = "20") int size,
            @Schema(description = "Number of stages scheduled.", examples = "4") long total,
            @Schema(description = "Number of pages of this size.", examples = "1") long totalPages) {
    }

    @Schema(name = "MasterplanVersionPage", description = "A page of a masterplan's frozen versions, oldest first.")
    public record VersionPage(
            @Schema(examples = "8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f") UUID masterplanId,
            @Schema(maxItems = 100) List<VersionSummary> items,
            @Schema(description = "Zero-based page number.", examples = "0") int page,
            @Schema(description = "Page size asked for.", examples = "20") int size,
            @Schema(description = "Number of versions.", examples = "2") long total,
            @Schema(description = "Number of pages of this size.", examples = "1") long totalPages) {
    }

    @Schema(name = "RatificationRevisionPage", description = "A page of the earlier values of a masterplan's ratification, oldest first.")
    public record RatificationRevisionPage(
            @Schema(examples = "8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f") UUID masterplanId,
            @Schema(maxItems = 100) List<RatificationRevisionView> items,
            @Schema(description = "Zero-based page number.", examples = "0") int page,
            @Schema(description = "Page size asked for.", examples = "20") int size,
            @Schema(description = "Number of earlier values.", examples = "1") long total,
            @Schema(description = "Number of pages of this size.", examples = "1") long totalPages) {
    }

    @Schema(name = "MasterplanPage", description = "One page of masterplans and how many match in total.")
    public record MasterplanPage(List<MasterplanSummary> items,
            @Schema(examples = "0") int page, @Schema(examples = "20") int size,
            @Schema(examples = "1") long total, @Schema(examples = "1") long totalPages) {
    }

    @Schema(name = "AlignmentFinding", description = "Where the document does not fit the region's RPJMD.")
    public record FindingView(
            Alignment.Kind kind,
            @Schema(examples = "roadmap[2].year") String field,
            @Schema(examples = "roadmap year 2024 lies outside every RPJMD period (RPJMD 2018–2023)") String message) {
    }

    @Schema(name = "Alignment", description = "The alignment findings of the working document against the region's RPJMD periods.")
    public record AlignmentView(UUID masterplanId, String regionCode,
            @Schema(description = "The RPJMD periods known for the region; absent when none arrived yet.") List<RpjmdPeriodView> rpjmdPeriods,
            List<FindingView> findings) {
    }

    @Schema(name = "RpjmdPeriodView", description = "One RPJMD period of the region.")
    public record RpjmdPeriodView(@Schema(examples = "2018") int startYear, @Schema(examples = "2023") int endYear,
            @Schema(examples = "Perda Kota Pariaman Nomor 5 Tahun 2018") String regulation) {
    }

    @Schema(name = "BimtekSummary", description = "How far the four bimtek stages are.")
    public record BimtekSummary(@Schema(examples = "4") int stagesHeld,
            @Schema(description = "Last day of stage 4, once it was held.") LocalDate completedOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Review", description = "A reviewer's step on a version.")
    public record ReviewView(int versionNumber, Masterplan.ReviewDecision decision, List<CommentView> comments,
            String reviewer, @Schema(description = "When the step was recorded.") OffsetDateTime at,
            @Schema(description = "When the step happened: the date given when it was recorded after the fact, else the "
                    + "day of `at`.", examples = "{\"date\": \"2022-11-28\", \"precision\": \"DAY\"}")
            Occurred occurred) {
    }

    @Schema(name = "ReviewCommentView", description = "A reviewer's comment on one section.")
    public record CommentView(ReviewSection section, String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RatificationView", description = "The instrument that enacted the masterplan.")
    public record RatificationView(
            @Schema(description = "The instrument's kind (whatever name it was given by); absent when not known.") RatificationInstrument instrument,
            @Schema(description = "`false` when the record does not know the instrument.") boolean instrumentKnown,
            @Schema(description = "The instrument's name as given (`Perwa`, `Peraturan Wali Kota`).", examples = "Perwa")
            String instrumentName,
            @Schema(description = "Absent when not known (see `sources`); `numberKnown` says so.") String number,
            @Schema(description = "`false` when the instrument's number is not known.") boolean numberKnown,
            @Schema(description = "The instrument's year; absent when its date is not known at all.") Integer year,
            @Schema(description = "The day of enactment; absent when not known (see `sources`).", examples = "2022-12-20") LocalDate ratifiedOn,
            String title, String recordedBy,
            @Schema(description = "When the ratification was recorded.") OffsetDateTime recordedAt,
            @Schema(description = "When the masterplan was ratified: `ratifiedOn` (DAY) when known, else the date given "
                    + "(e.g. MONTH), else the instrument's year (YEAR).", examples = "{\"date\": \"2019\", \"precision\": \"YEAR\"}")
            Occurred occurred,
            @Schema(description = "`false` when the ratification's date is not known at all (then `occurred` is absent).")
            boolean dateKnown,
            @Schema(description = "Where the ratification is recorded.") List<Masterplan.Source> sources,
            @Schema(description = "1 when recorded, one more with each correction and the withdrawal; the ETag of "
                    + "`GET …/ratification` (send it in `If-Match` to correct or withdraw).", examples = "1") int revision,
            @Schema(description = "Present once withdrawn: when, by whom, why, from which sources. A withdrawn "
                    + "ratification stays readable; a LIVE masterplan is APPROVED again, a RECORDED one leaves the lists.")
            Masterplan.Withdrawn withdrawn) {
    }

    @Schema(name = "RatificationRevision", description = "An earlier value of a ratification and the change that replaced it.")
    public record RatificationRevisionView(@Schema(examples = "1") int revision,
            @Schema(description = "When it was replaced.") OffsetDateTime at,
            @Schema(description = "Who replaced it.", examples = "ministry") String by,
            @Schema(description = "Why.") String reason,
            @Schema(description = "Where the right value came from.") List<Masterplan.Source> sources,
            @Schema(description = "The ratification as it was.") RatificationView value) {
    }

    @Schema(name = "MasterplanVersionSummary", description = "A frozen version.")
    public record VersionSummary(@Schema(examples = "1") int number,
            @Schema(description = "When the submission was recorded.") OffsetDateTime submittedAt,
            @Schema(examples = "officer-ksb") String submittedBy,
            @Schema(description = "When it was submitted: the date given when it was recorded after the fact, else the "
                    + "day of `submittedAt`.", examples = "{\"date\": \"2022-10-03\", \"precision\": \"DAY\"}")
            Occurred occurred) {
    }

    @Schema(name = "MasterplanVersion", description = "A frozen version with its document.")
    public record VersionView(UUID masterplanId, int number, OffsetDateTime submittedAt, String submittedBy,
            @Schema(description = "When it was submitted: the date given when it was recorded after the fact, else the "
                    + "day of `submittedAt`.") Occurred occurred,
            MasterplanRequests.DocumentData document) {
    }

    @Schema(name = "MasterplanVersionDiff", description = "What changed from one frozen version to another.")
    public record DiffView(UUID masterplanId, @Schema(examples = "1") int from, @Schema(examples = "2") int to,
            @Schema(description = "The sections that changed.", examples = "[\"quickWins\"]") List<String> sections,
            List<ChangeView> changes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MasterplanChange", description = "One change: where (a JSON path), what kind, before and after.")
    public record ChangeView(@Schema(examples = "quickWins[1].title") String path, DocumentDiff.ChangeKind kind,
            @Schema(description = "The value before (any JSON value).") JsonNode before,
            @Schema(description = "The value after (any JSON value).") JsonNode after) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BimtekStage", description = "A bimtek stage of a masterplan.")
    public record BimtekStageView(
            UUID masterplanId,
            @Schema(examples = "1") int stage,
            BimtekStageState state,
            String purpose,
            @Schema(description = "First day.", examples = "2022-06-14") LocalDate startsOn,
            @Schema(description = "Last day.", examples = "2022-06-15") LocalDate endsOn,
            BimtekMode mode,
            String venue,
            @Schema(examples = "[\"Fitrah Rahmat Kausar\"]") List<String> guides,
            MasterplanRequests.AttendanceData attendance,
            List<MasterplanRequests.OutputData> outputs,
            String notes,
            String cancelReason,
            int rescheduleCount,
            @Schema(description = "Once the stage is HELD: when it was held, the date given at `hold`, else its first day.",
                    examples = "{\"date\": \"2022-06-14\", \"precision\": \"DAY\"}")
            Occurred occurred,
            @Schema(description = "The stage's version; send it back in `If-Match`.", examples = "1") long version,
            OffsetDateTime updatedAt,
            String updatedBy) {
    }

    @Schema(name = "Pillar", description = "One of the six pillars with its sub-dimensions and the names that stand for it.")
    public record PillarView(
            @Schema(examples = "SOCIETY") String code,
            @Schema(examples = "Smart Society") String name,
            List<SubDimensionView> subDimensions,
            @Schema(examples = "[\"Smart People\"]") List<String> aliases) {
    }

    @Schema(name = "SubDimension", description = "One element of a pillar.")
    public record SubDimensionView(@Schema(examples = "LEARNING_ECOSYSTEM") String code,
            @Schema(examples = "Ekosistem belajar") String name) {
    }

    @Schema(name = "Pillars", description = "The six pillars and every accepted pillar name.")
    public record PillarsView(List<PillarView> pillars, List<String> acceptedNames) {
    }
}
