package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.IndicatorScore;
import id.kotacerdas.assessment.domain.Ranking;
import id.kotacerdas.assessment.domain.ScoreCalculator;
import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import id.kotacerdas.assessment.domain.Scoresheet;
import id.kotacerdas.assessment.domain.Track;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API types of scoresheets, region scores and the ranking. */
public final class ScoreViews {

    static final String RULE = "Per indicator the mean of the assessors' scores, placed on 0–100 of its scale "
            + "((mean − lowest) / (highest − lowest) × 100; turned around when lower is better); sub-dimensions, criteria "
            + "and the region's score are weighted means (Σ weight × score / 100). Computed exactly and rounded once, at the "
            + "end, to 2 decimals (half up); the breakdown's figures are rounded the same way for display, each from its "
            + "exact value. Ties on the rounded score: the criteria from the highest weight down (equal weights in the "
            + "framework's order) on their rounded scores, then the lower Kemendagri code.";

    private ScoreViews() {
    }

    @Schema(name = "Scoresheet", description = "One assessor's scores of one region: every indicator of the framework, on its scale, with notes.")
    public record Request(
            @Size(max = 5) @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE)
            @Schema(description = "The region scored (required on create; on replace it must be the sheet's, or left out).", examples = "18.72")
            String regionCode,
            @NotNull @Size(min = 1, max = 300) List<@NotNull @Valid ScoreBody> scores,
            @Size(max = 4000) @Schema(examples = "Dewan Smart City in place (SK 2021); data centre shared with the province.") String interviewNotes,
            @Size(max = 4000) @Schema(examples = "The Wali Kota commits APBD funding for three quick wins.") String presentationNotes,
            @Schema(description = "Assessment scoresheets only (an evaluation scoresheet refuses it): " + ApiDocs.OCCURRED_IN
                    + " Scored not before the region's self-assessment submission. On replace, a new date re-dates the "
                    + "sheet; omitted, the sheet keeps its date.") Occurred occurred) {
    }

    @Schema(name = "IndicatorScore", description = "A score on the indicator's scale (between its lowest and its highest level).")
    public record ScoreBody(
            @NotBlank @Size(max = 30) @Schema(examples = "K1.1") String indicatorCode,
            @NotNull @Digits(integer = 6, fraction = 4) @Schema(examples = "4") BigDecimal value,
            @Size(max = 2000) String note) {
    }

    @Schema(name = "ScoresheetPage", description = "One page of a cycle's scoresheets, by region and assessor.")
    public record SheetPage(List<SheetView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static SheetPage of(List<SheetView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new SheetPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "ScoresheetView", description = "A recorded scoresheet, with the region's score so far.")
    public record SheetView(UUID id, UUID cycleId, @Schema(examples = "18.72") String regionCode,
            @Schema(examples = "assessor-ani") String assessor, List<ScoreBody> scores, String interviewNotes,
            String presentationNotes, @Schema(description = "Revision, also the ETag.") long revision,
            OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = ApiDocs.OCCURRED_OUT) Occurred occurred,
            @Schema(description = ApiDocs.ORIGIN) Origin origin,
            @Schema(description = "The region's score over all its scoresheets so far (0–100, 2 decimals).") BigDecimal regionScore,
            int regionAssessorCount) {

        static SheetView of(Scoresheet s, RegionScore regionScore) {
            return new SheetView(s.id, s.cycleId, s.regionCode, s.assessorUsername,
                    s.scores().stream().map(x -> new ScoreBody(x.indicatorCode(), x.value(), x.note())).toList(),
                    s.interviewNotes, s.presentationNotes, s.revision, s.createdAt, s.updatedAt,
                    s.scoredOccurred(), Origin.LIVE, regionScore == null ? null : regionScore.score(), regionScore == null ? 0 : regionScore.assessorCount());
        }
    }

    static Scoresheet.Content toContent(Request r) {
        return new Scoresheet.Content(r.scores().stream().map(s -> new IndicatorScore(s.indicatorCode(), s.value(),
                s.note())).toList(), r.interviewNotes(), r.presentationNotes());
    }

    @Schema(name = "CriterionScore", description = "A criterion's part of a region's score (display figures, rounded).")
    public record CriterionView(String code, String name, BigDecimal weight, BigDecimal score, BigDecimal contribution,
            List<PartView> subDimensions) {
    }

    @Schema(name = "SubDimensionScore")
    public record PartView(String code, String name, BigDecimal weight, BigDecimal score) {
    }

    @Schema(name = "AssessorScore", description = "One assessor's score; names and notes are shown to staff only.")
    public record AssessorView(String assessor, BigDecimal value, String note) {
    }

    @Schema(name = "IndicatorResult", description = "An indicator's scores across assessors: mean, lowest, highest, spread (highest − lowest).")
    public record IndicatorView(String code, String name, String criterionCode, int assessors, BigDecimal mean,
            BigDecimal min, BigDecimal max, BigDecimal spread,
            @Schema(description = "The mean placed on 0–100 of the scale.") BigDecimal normalised,
            List<AssessorView> values) {
    }

    @Schema(name = "RegionScore", description = "A region's score (0–100) with its breakdown per criterion and the spread of its assessors.")
    public record RegionView(UUID cycleId, @Schema(examples = "18.72") String regionCode,
            @Schema(examples = "Kota Metro") String regionName, Track track,
            @Schema(examples = "72.50") BigDecimal score, int assessorCount,
            @Schema(description = "Whether every indicator has at least one score.") boolean complete, String rule,
            List<CriterionView> criteria, List<IndicatorView> indicators) {

        static RegionView of(UUID cycleId, String code, String name, Track track, RegionScore score, boolean staff) {
            Map<String, String> anonymous = new HashMap<>();
            List<IndicatorView> indicators = new ArrayList<>();
            for (ScoreCalculator.IndicatorResult i : score.indicators()) {
                List<AssessorView> values = i.values().stream().map(v -> staff ? new AssessorView(v.assessor(), v.value(), v.note())
                        : new AssessorView(anonymous.computeIfAbsent(v.assessor(), k -> "Assessor " + (anonymous.size() + 1)),
                                v.value(), null)).toList();
                indicators.add(new IndicatorView(i.code(), i.name(), i.criterionCode(), i.count(), display(i.mean()),
                        i.min(), i.max(), i.spread(), display(i.normalised()), values));
            }
            return new RegionView(cycleId, code, name, track, score.score(), score.assessorCount(), score.complete(), RULE,
                    criteriaOf(score), indicators);
        }
    }

    static List<CriterionView> criteriaOf(RegionScore score) {
        return score.criteria().stream().map(c -> new CriterionView(c.code(), c.name(), c.weight(), c.score(),
                c.contribution(), c.subDimensions().stream().map(p -> new PartView(p.code(), p.name(), p.weight(),
                        p.score())).toList())).toList();
    }

    private static BigDecimal display(BigDecimal exact) {
        return exact == null ? null : exact.setScale(ScoreCalculator.DECIMALS, RoundingMode.HALF_UP);
    }

    @Schema(name = "RankingEntry", description = "A ranked region with its score and breakdown; `tieBreak` says what put it ahead of a region with the same score.")
    public record EntryView(int rank, @Schema(examples = "18.72") String regionCode, @Schema(examples = "Kota Metro") String regionName,
            @Schema(examples = "18") String provinceCode, @Schema(examples = "72.50") BigDecimal score, int assessorCount,
            boolean complete, String tieBreak, List<CriterionView> criteria) {

        static EntryView of(Ranking.Entry e) {
            RegionScore s = e.candidate().score();
            return new EntryView(e.rank(), e.regionCode(), e.candidate().regionName(), e.candidate().provinceCode(),
                    s.score(), s.assessorCount(), s.complete(), e.tieBreak(), criteriaOf(s));
        }
    }

    @Schema(name = "Ranking", description = "The cycle's ranking per track, computed from the framework on every read.")
    public record RankingView(UUID cycleId, @Schema(examples = "kominfo-readiness") String frameworkCode, int frameworkVersion,
            String rule, List<EntryView> kabKota, List<EntryView> province,
            @Schema(description = "Invited regions (neither declined nor cancelled) without any scoresheet.") List<String> unscored) {
    }
}
