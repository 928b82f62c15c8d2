package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.ProgrammeStatistics;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.service.CohortService;
import id.kotacerdas.platform.time.Occurred;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the cohort and statistics endpoints answer. */
public final class CohortViews {

    private CohortViews() {
    }

    @Schema(description = "What the ministry declared of a cohort (repeats 0: none declared).")
    public record DeclaredView(@Schema(minimum = "0") int size, @Schema(minimum = "0") int repeats, String sourceUrl,
            String note) {
    }

    @Schema(description = "An identified member: imported from a source (`source` IMPORT, `sourceUrl`) or selected by "
            + "a confirmed selection of this service (`source` SELECTION, `selectionId`).")
    public record MemberView(@Schema(example = "34.04") String regionCode, String regionName, String regionLevel,
            @Schema(enumeration = { "IMPORT", "SELECTION" }) String source, String sourceUrl, UUID selectionId,
            @Schema(enumeration = { "confirmed", "partial" }) String confidence, Integer repeatOfYear, String notes,
            @Schema(description = "When the region became a member: " + ApiDocs.OCCURRED_OUT) Occurred occurred) {

        static MemberView of(id.kotacerdas.assessment.domain.CohortMember m) {
            return new MemberView(m.regionCode, m.regionName, m.regionLevel, "IMPORT", m.sourceUrl, null, m.confidence,
                    m.repeatOfYear, m.notes, m.memberOccurred());
        }
    }

    @Schema(name = "CohortMemberRequest", description = "A member of a year's cohort, as a source names it.")
    public record MemberRequest(
            @NotNull @Size(max = 5) @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE)
            @Schema(examples = "52.07") String regionCode,
            @NotBlank @Size(max = 500) @Schema(description = "The source that names the region as a member: a URL, or the title of the report.",
                    examples = "Sumbawa Barat report 2022 (regional news report on the MoU signing)") String source,
            @Size(max = 9) @Pattern(regexp = "confirmed|partial") @Schema(description = "`partial` when the source is ambiguous (say why in `notes`); default `confirmed`.",
                    examples = "confirmed") String confidence,
            @Size(max = 2000) String notes,
            @Schema(description = ApiDocs.OCCURRED_IN + " Here: when the region became a member (e.g. its MoU "
                    + "signing or the announcement); `CohortRecorded` carries it.") Occurred occurred) {
    }

    @Schema(description = "A cohort: programme year, track, declared figures (null where none), identified members. "
            + "`complete` is false while fewer members are identified than declared: unknown members stay unknown.")
    public record ProgrammeCohortView(@Schema(minimum = "2000", maximum = "2100") int programmeYear, Track track,
            DeclaredView declared, int identifiedMembers, boolean complete, List<MemberView> members) {

        static ProgrammeCohortView of(CohortService.Cohort c) {
            List<MemberView> members = new ArrayList<>();
            c.imported().forEach(m -> members.add(new MemberView(m.regionCode, m.regionName, m.regionLevel, "IMPORT",
                    m.sourceUrl, null, m.confidence, m.repeatOfYear, m.notes, m.memberOccurred())));
            c.selected().forEach(r -> members.add(new MemberView((String) r[2], (String) r[3],
                    null, "SELECTION", null, (UUID) r[4], "confirmed", null, null, null)));
            var d = c.declared();
            return new ProgrammeCohortView(c.year(), c.track(),
                    d == null ? null : new DeclaredView(d.size, d.repeats, d.sourceUrl, d.note), c.identified(),
                    d == null || c.identified() >= d.size, members);
        }
    }

    public record CohortList(List<ProgrammeCohortView> items) {
    }

    @Schema(description = "Size, repeats, new participants and cumulative distinct participants (within the track).")
    public record FiguresView(int size, int repeats, int newParticipants, int cumulativeDistinct) {
        static FiguresView of(ProgrammeStatistics.Figures f) {
            return f == null ? null : new FiguresView(f.size(), f.repeats(), f.newParticipants(), f.cumulativeDistinct());
        }
    }

    @Schema(description = "One programme year of a track: as declared by the ministry (null where nothing was "
            + "declared), as computed from the identified members, and the gap (declared − computed).")
    public record YearView(int programmeYear, Track track, FiguresView declared, FiguresView computed, FiguresView gap,
            boolean complete, String declaredSource) {
    }

    @Schema(description = "Share of the province's autonomous kabupaten/kota (region registry) identified as members of "
            + "any cohort, in percent (2 decimals, half up).")
    public record CoverageView(String provinceCode, String provinceName, int kabKota, int joined,
            @Schema(minimum = "0", maximum = "100") BigDecimal sharePercent) {
    }

    public record StatisticsView(List<YearView> years, List<CoverageView> coverage,
            @Schema(description = "Autonomous kabupaten/kota in the registry.") int kabKota, String note) {

        static StatisticsView of(CohortService.Statistics s) {
            return new StatisticsView(s.result().years().stream().map(y -> new YearView(y.year(), y.track(),
                    FiguresView.of(y.declared()), FiguresView.of(y.computed()), FiguresView.of(y.gap()), y.complete(),
                    y.declaredSource())).toList(),
                    s.result().coverage().stream().map(c -> new CoverageView(c.provinceCode(), c.provinceName(),
                            c.kabKota(), c.joined(), c.sharePercent())).toList(),
                    s.kabKota(),
                    "Declared: distinct participants = Σ declared sizes − Σ declared repeats. Computed: from the "
                            + "identified members (imported with sources, or selected here), a repeat being a member "
                            + "of an earlier year of the track. Coverage is computed (the ministry declares no "
                            + "per-province figures).");
        }
    }
}
