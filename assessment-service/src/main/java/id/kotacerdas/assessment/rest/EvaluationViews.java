package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.DueBasis;
import id.kotacerdas.assessment.domain.Evaluation;
import id.kotacerdas.assessment.domain.EvaluationCancellation;
import id.kotacerdas.assessment.domain.EvaluationCycle;
import id.kotacerdas.assessment.domain.EvaluationDimension;
import id.kotacerdas.assessment.domain.EvaluationRegion;
import id.kotacerdas.assessment.domain.EvaluationState;
import id.kotacerdas.assessment.domain.IndexCheck;
import id.kotacerdas.assessment.domain.CycleStateMachine;
import id.kotacerdas.assessment.domain.Pillar;
import id.kotacerdas.assessment.domain.ResultLetterNumber;
import id.kotacerdas.assessment.domain.ScoreCalculator;
import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import id.kotacerdas.assessment.domain.SelfAssessment;
import id.kotacerdas.assessment.domain.SelfAssessmentStatus;
import id.kotacerdas.assessment.service.EvaluationResults;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.assessment.service.EvaluationScoring;
import id.kotacerdas.assessment.service.EvaluationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API types of the yearly evaluation (monev): cycles, regions due, self-assessments, scores and results. */
public final class EvaluationViews {

    static final String RULE = "Per indicator the mean of the assessors' scores, on the framework's scale (0–5); each "
            + "dimension × pillar cell, each dimension and the index are weighted means (Σ weight × score / 100); a "
            + "pillar is the mean of its cells weighted by their share of the index (dimension weight × cell weight). "
            + "Computed exactly and rounded once, at the end, to 2 decimals (half up). Ranks: competition ranking on the "
            + "rounded index, equal indices share a rank (1, 2, 2, 4); national among the year's kabupaten/kota "
            + "(provinces among provinces), provincial among the kabupaten/kota of the province.";
    static final String FIRST = "First evaluation on record: there is no previous result, so no delta.";

    private EvaluationViews() {
    }

    // ------------------------------------------------------------------ cycles

    @Schema(name = "EvaluationCyclePlan", description = "A new evaluation cycle: its year and a published EVALUATION framework version.")
    public record CycleRequest(
            @NotNull @Min(2000) @Max(2100) @Schema(description = "The year the cycle evaluates (`year` is accepted as its old name).", examples = "2023")
            @com.fasterxml.jackson.annotation.JsonAlias("year") Integer evaluationYear,
            @Size(max = 200) @Schema(description = "Absent: `Evaluasi Smart City {evaluationYear}`.", examples = "Evaluasi Smart City 2023") String name,
            @NotNull @Valid id.kotacerdas.assessment.rest.CycleRequest.FrameworkRef framework,
            @Schema(description = "Self-assessments after it are refused; absent: open until the interviews start.",
                    examples = "2023-08-31T23:59:59+07:00") OffsetDateTime selfAssessmentDeadline) {
    }

    @Schema(name = "EvaluationCycle", description = "A year's evaluation (monev) with its framework and state.")
    public record CycleView(UUID id, @Schema(description = "The year the cycle evaluates.", examples = "2023") int evaluationYear, @Schema(examples = "Evaluasi Smart City 2023") String name,
            id.kotacerdas.assessment.rest.CycleRequest.FrameworkRef framework, OffsetDateTime selfAssessmentDeadline,
            @Schema(description = "DRAFT → SELF_ASSESSMENT (opened) → INTERVIEWS → SCORING → PUBLISHED → CLOSED; CANCELLED (with a reason) from any state but CLOSED.") EvaluationState state,
            @Schema(description = "The one state the cycle can move to next; absent when CLOSED or CANCELLED.") EvaluationState nextState,
            @Schema(description = "Revision, also the ETag; send it in `If-Match`.", examples = "2") long revision,
            OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
            OffsetDateTime openedAt, OffsetDateTime publishedAt,
            @Schema(description = "When the publication happened: " + ApiDocs.OCCURRED_OUT + " A publication whose "
                    + "letters are dated before the day it was recorded is dated by them (DAY).") Occurred occurred,
            @Schema(description = "The day the result letters of the publication were issued.") LocalDate letterIssuedOn,
            @Schema(description = "Set when the cycle was cancelled (state CANCELLED).") CancellationView cancellation) {

        static CycleView of(EvaluationCycle c) {
            return new CycleView(c.id, c.year, c.name, new id.kotacerdas.assessment.rest.CycleRequest.FrameworkRef(
                    c.frameworkCode, c.frameworkVersion), c.selfAssessmentDeadline, c.state,
                    EvaluationCancellation.next(c.state), c.revision, c.createdAt, c.createdBy,
                    c.updatedAt, c.updatedBy, c.openedAt, c.publishedAt, c.publishedOccurred(), c.letterDate,
                    c.cancelledAt == null ? null : new CancellationView(c.cancelledAt, c.cancelledBy, c.cancellationReason));
        }
    }

    @Schema(name = "EvaluationCycleCancellation", description = "When, by whom and why the cycle was cancelled.")
    public record CancellationView(OffsetDateTime at, @Schema(examples = "ministry") String by,
            @Schema(examples = "Opened for the wrong year; evaluation 2023 runs in another cycle") String reason) {
    }

    @Schema(name = "EvaluationCycleCancellationRequest", description = "Why the cycle is cancelled.", requiredProperties = "reason")
    public record CancellationRequest(@Schema(description = "Why, in a sentence (at most 2000 characters).", maxLength = 2000,
            examples = "Opened for the wrong year; evaluation 2023 runs in another cycle") String reason) {
    }

    @Schema(name = "EvaluationCyclePage", description = "One page of evaluation cycles, by default newest year first.")
    public record CyclePage(List<CycleView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static CyclePage of(List<CycleView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new CyclePage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "EvaluationTransition", description = "The state to move the cycle to: the next one (PUBLISHED only by publication).")
    public record Transition(@NotNull @Schema(examples = "SELF_ASSESSMENT") EvaluationState state) {
    }

    @Schema(name = "EvaluationPublication", description = "Publishes the results; the letters are dated `letterIssuedOn`.")
    public record PublicationRequest(
            @com.fasterxml.jackson.annotation.JsonAlias("letterDate")
            @Schema(description = "The day the result letters are issued (formerly `letterDate`, still accepted); absent: the day of `occurred` when it is a DAY, else "
                    + "today in Jakarta. Not in the future, not before 2017, not before `occurred`.", examples = "2023-12-05") LocalDate letterIssuedOn,
            @Schema(description = ApiDocs.OCCURRED_IN + " Here: when the results were published; without it, the letters' "
                    + "day when it lies before today, else now. `EvaluationPublished` carries it.") Occurred occurred) {
    }

    @Schema(name = "EvaluationPublished", description = "The published cycle and every region's result, by national rank.")
    public record PublishedView(CycleView cycle, int regions, List<ResultView> results) {
    }

    // ------------------------------------------------------------------ regions due

    @Schema(name = "EvaluationRegionsRequest", description = "Regions to add by hand, by Kemendagri code.")
    public record RegionsRequest(
            @NotEmpty @Size(max = 600) @Schema(examples = "[\"52.07\", \"35.71\"]")
            List<@NotNull @Size(max = 5) @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String> regionCodes) {
    }

    @Schema(name = "EvaluationRegion", description = """
            A region due in the cycle: why (`basis`: MASTERPLAN_RATIFIED, PROGRAMME_YEAR from the events, MANUAL by \
            hand) and from which year; in DRAFT, `preview` marks the regions the opening will add from the events.""")
    public record RegionView(@Schema(examples = "52.07") String regionCode, @Schema(examples = "Kabupaten Sumbawa Barat") String regionName,
            @Schema(examples = "KABUPATEN") String regionLevel, @Schema(examples = "52") String provinceCode, String provinceName,
            DueBasis basis, @Schema(examples = "2023") Integer dueFromYear, boolean preview,
            @Schema(description = "The region's self-assessment state (absent in a preview).") SelfAssessmentStatus selfAssessment) {

        static RegionView of(EvaluationService.DueRegion d) {
            return new RegionView(d.regionCode(), d.regionName(), d.regionLevel(), d.provinceCode(), d.provinceName(),
                    d.basis(), d.dueFromYear(), d.preview(), d.row() == null ? null : d.row().status);
        }
    }

    @Schema(name = "EvaluationRegionPage", description = "One page of the regions due in a cycle, by code.")
    public record RegionPage(List<RegionView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static RegionPage of(List<RegionView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new RegionPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "EvaluationRegionsAdded", description = "The regions added, and the codes that were due already.")
    public record Added(List<RegionView> added, List<String> alreadyDue) {
    }

    // ------------------------------------------------------------------ self-assessment

    @Schema(name = "EvaluationProgramme", description = "A smart city programme the region runs, under its pillar.")
    public record ProgrammeBody(@NotNull Pillar pillar,
            @NotBlank @Size(max = 300) @Schema(examples = "Mal Pelayanan Publik digital") String name) {
    }

    @Schema(name = "EvaluationSelfAssessmentDraft", description = "The region's answers with evidence per indicator, and its programmes per pillar.")
    public record SelfAssessmentRequest(
            @NotNull @Size(max = 300) List<SelfAssessmentViews.@NotNull @Valid AnswerBody> answers,
            @Size(max = 300) List<@NotNull @Valid ProgrammeBody> programmes) {
    }

    @Schema(name = "EvaluationSelfAssessment", description = "A region's self-assessment in an evaluation cycle: a DRAFT until its one submission.")
    public record SelfAssessmentView(UUID cycleId, @Schema(examples = "52.07") String regionCode, String regionName,
            SelfAssessmentStatus status, @Schema(description = "Revision, also the ETag.") long revision,
            OffsetDateTime selfAssessmentDeadline, int answeredIndicators, int indicators,
            List<SelfAssessmentViews.AnswerView> answers, List<ProgrammeBody> programmes,
            @Schema(description = "Programmes per pillar (every pillar listed).") Map<Pillar, Integer> programmesPerPillar,
            OffsetDateTime updatedAt, String updatedBy, OffsetDateTime submittedAt, String submittedBy) {

        static SelfAssessmentView of(EvaluationScoring.Current current) {
            EvaluationRegion r = current.region();
            var framework = current.cycle().framework();
            Map<Pillar, Integer> counts = new LinkedHashMap<>();
            for (Pillar p : Pillar.values()) {
                counts.put(p, (int) r.programmes().stream().filter(x -> x.pillar() == p).count());
            }
            return new SelfAssessmentView(r.cycleId, r.regionCode, r.regionName, r.status, r.revision,
                    current.cycle().cycle().selfAssessmentDeadline, r.answers().size(), framework.indicators().size(),
                    r.answers().stream().map(a -> new SelfAssessmentViews.AnswerView(a.indicatorCode(),
                            framework.indicator(a.indicatorCode()).map(i -> i.name()).orElse(null), a.value(), a.text(),
                            a.evidenceLinks(), SelfAssessment.selfAssessedLevel(a, framework))).toList(),
                    r.programmes().stream().map(p -> new ProgrammeBody(p.pillar(), p.name())).toList(), counts,
                    r.updatedAt, r.updatedBy, r.submittedAt, r.submittedBy);
        }
    }

    static List<EvaluationRegion.Programme> toProgrammes(SelfAssessmentRequest r) {
        return r.programmes() == null ? List.of()
                : r.programmes().stream().map(p -> new EvaluationRegion.Programme(p.pillar(), p.name())).toList();
    }

    // ------------------------------------------------------------------ scores

    @Schema(name = "EvaluationScoresheetPage", description = "One page of a cycle's evaluation scoresheets, by region and assessor.")
    public record SheetPage(List<SheetView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static SheetPage of(List<SheetView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new SheetPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "EvaluationScoresheetView", description = "A recorded evaluation scoresheet, with the region's index so far.")
    public record SheetView(UUID id, UUID cycleId, @Schema(examples = "52.07") String regionCode,
            @Schema(examples = "assessor-ani") String assessor, List<ScoreViews.ScoreBody> scores, String interviewNotes,
            String presentationNotes, @Schema(description = "Revision, also the ETag.") long revision,
            OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "The region's index over all its sheets so far (0–5, 2 decimals).") BigDecimal regionIndex,
            int regionAssessorCount) {

        static SheetView of(id.kotacerdas.assessment.domain.EvaluationScoresheet s, RegionScore score) {
            return new SheetView(s.id, s.cycleId, s.regionCode, s.assessorUsername,
                    s.scores().stream().map(x -> new ScoreViews.ScoreBody(x.indicatorCode(), x.value(), x.note())).toList(),
                    s.interviewNotes, s.presentationNotes, s.revision, s.createdAt, s.updatedAt,
                    score == null ? null : score.score(), score == null ? 0 : score.assessorCount());
        }
    }

    @Schema(name = "EvaluationScore", description = "A region's provisional score in a cycle: index, dimensions with their cells, pillars, indicators.")
    public record ScoreView(UUID cycleId, @Schema(examples = "52.07") String regionCode, String regionName,
            @Schema(examples = "3.31") BigDecimal index, int assessorCount, boolean complete, String rule,
            List<ScoreViews.CriterionView> dimensions, Map<String, BigDecimal> pillars,
            List<ScoreViews.IndicatorView> indicators) {

        static ScoreView of(EvaluationScoring.RegionResult r, boolean staff) {
            ScoreViews.RegionView detail = ScoreViews.RegionView.of(r.cycle().cycle().id, r.region().regionCode,
                    r.region().regionName, null, r.score(), staff);
            Map<String, BigDecimal> pillars = new LinkedHashMap<>();
            r.score().pillars().forEach(p -> pillars.put(p.code(), p.score()));
            return new ScoreView(r.cycle().cycle().id, r.region().regionCode, r.region().regionName, r.score().score(),
                    r.score().assessorCount(), r.score().complete(), RULE, detail.criteria(), pillars, detail.indicators());
        }
    }

    // ------------------------------------------------------------------ results

    @Schema(name = "EvaluationDelta", description = "The change against the region's previous evaluation.")
    public record DeltaView(@Schema(examples = "2021") int previousYear, @Schema(examples = "3.06") BigDecimal previousIndex,
            @Schema(description = "This index minus the previous one.", examples = "0.25") BigDecimal index,
            @Schema(description = "The change per dimension (where both years have it).") Map<EvaluationDimension, BigDecimal> dimensions) {
    }

    @Schema(name = "EvaluationIndexCheck", description = """
            Whether the published index is what the published dimension scores and the framework's dimension weights \
            give. `computedIndex` = Σ weight × dimension / 100, rounded once to 2 decimals half up (the rounding of \
            every computed index here); the index agrees when |`publishedIndex` − `computedExact`| ≤ `tolerance` \
            (0.01: the published dimensions are rounded to 2 decimals, ±0.005 on their weighted mean, and the published \
            index too, ±0.005). A disagreeing index is kept as published and flagged (`agrees`: false). A RECORDED \
            result names no framework: it is checked with `kominfo-evaluation` v1 (Kabupaten Sleman's weights \
            10/20/30/30/10).""")
    public record CheckView(
            @Schema(description = "Σ weight × dimension / 100 of the published dimensions, 2 decimals half up.", examples = "3.25") BigDecimal computedIndex,
            @Schema(description = "The same, not rounded.", examples = "3.252") BigDecimal computedExact,
            @Schema(description = "The index as published, kept.", examples = "3.31") BigDecimal publishedIndex,
            @Schema(description = "`publishedIndex` − `computedExact`.", examples = "0.058") BigDecimal difference,
            @Schema(description = "The largest difference that the rounding of the published figures explains.", examples = "0.01") BigDecimal tolerance,
            @Schema(description = "Whether |`difference`| ≤ `tolerance`.", examples = "false") boolean agrees,
            @Schema(description = "The framework version whose dimension weights were used.", examples = "kominfo-evaluation v1") String framework,
            @Schema(description = "The dimension weights used (percent).", examples = "{\"BASELINE\":10,\"OUTPUT\":20,\"OUTCOME\":30,\"IMPACT\":30,\"QUICK_WIN\":10}")
            Map<EvaluationDimension, BigDecimal> weights,
            @Schema(description = "The rule in words.") String rule) {

        static CheckView of(IndexCheck c) {
            return c == null ? null : new CheckView(c.computedIndex(), c.computedExact(), c.publishedIndex(),
                    c.difference(), c.tolerance(), c.agrees(), c.framework(), c.weights(), c.rule());
        }
    }

    @Schema(name = "EvaluationResult", description = """
            A region's published result of one year: COMPUTED by a cycle's publication, or RECORDED from the figures a \
            past year published (no indicator detail; `source` says where from). `delta` is absent at the region's \
            first evaluation on record, and `firstEvaluation`/`deltaNote` then say so.""")
    public record ResultView(UUID id, @Schema(description = "The year the result evaluates.", examples = "2022") int evaluationYear, @Schema(examples = "35.71") String regionCode,
            @Schema(examples = "Kota Kediri") String regionName, @Schema(examples = "KOTA") String level,
            @Schema(examples = "35") String provinceCode, @Schema(examples = "Jawa Timur") String provinceName,
            Evaluation.Source source, UUID cycleId, @Schema(examples = "kominfo-evaluation") String frameworkCode,
            Integer frameworkVersion,
            @Schema(description = "Indeks Pencapaian, 0–5.", examples = "3.31") BigDecimal index,
            @Schema(description = "Absent when recorded with the index only.") Map<EvaluationDimension, BigDecimal> dimensions,
            @Schema(description = "Absent when recorded without pillar figures.") Map<Pillar, BigDecimal> pillars,
            @Schema(description = "Programmes per pillar from the region's submitted self-assessment; absent when not reported.")
            Map<Pillar, Integer> programmesPerPillar,
            boolean firstEvaluation, DeltaView delta, String deltaNote,
            @Schema(examples = "22") Integer nationalRank, @Schema(description = "How many regions the national rank is among.") Integer rankedNationally,
            @Schema(examples = "4") Integer provincialRank, Integer rankedInProvince,
            @Schema(examples = "B-1003/DJAI/AI.01.04/12/2022") String letterNumber,
            @Schema(description = "The day the result letter was issued.", examples = "2022-12-05") LocalDate letterIssuedOn,
            @Schema(description = "The result letter as a PDF (absent without a letter).") String letterPdf,
            String sourceTitle, String sourceUrl, String note, OffsetDateTime publishedAt, String publishedBy,
            @Schema(description = "When the result was published: " + ApiDocs.OCCURRED_OUT + " A recorded result is "
                    + "dated by its letter (DAY), else the `occurred` it was recorded with, else its year (YEAR).")
            Occurred occurred,
            @Schema(description = "The check of the published index against the published dimensions and the "
                    + "framework's weights; absent when the dimensions are not published.") CheckView check,
            @Schema(description = "`LIVE`: computed by a cycle's publication here (`source` COMPUTED); `RECORDED`: "
                    + "recorded from its `sources` (`source` RECORDED).") Origin origin,
            @Schema(description = "Where a RECORDED result comes from (`sourceTitle`/`sourceUrl` repeat the first); "
                    + "empty for a LIVE one.") List<Source> sources,
            @Schema(description = "1 as recorded or computed, + 1 with each correction or withdrawal; the ETag is "
                    + "`\"<revision>\"`.", examples = "1") int revision,
            @Schema(description = "Set when the result was withdrawn: it stays readable here, but has left the table, "
                    + "the distribution and the histories (unless `includeWithdrawn=true`).") WithdrawnView withdrawn) {

        static ResultView of(EvaluationResults.WithPrevious w) {
            return of(w.evaluation(), w.previous(), w.check());
        }

        static ResultView of(Evaluation e, Evaluation previous) {
            return of(e, previous, null);
        }

        static ResultView of(Evaluation e, Evaluation previous, IndexCheck check) {
            DeltaView delta = null;
            if (previous != null) {
                Map<EvaluationDimension, BigDecimal> dims = new LinkedHashMap<>();
                Map<EvaluationDimension, BigDecimal> before = previous.dimensionScores();
                e.dimensionScores().forEach((d, v) -> {
                    if (v != null && before.get(d) != null) {
                        dims.put(d, v.subtract(before.get(d)));
                    }
                });
                delta = new DeltaView(previous.year, previous.index, e.index.subtract(previous.index), dims);
            }
            return new ResultView(e.id, e.year, e.regionCode, e.regionName, e.regionLevel, e.provinceCode, e.provinceName,
                    e.source, e.cycleId, e.frameworkCode, e.frameworkVersion, e.index,
                    e.dimensionScores().isEmpty() ? null : e.dimensionScores(),
                    e.pillarScores(), e.programmeCounts(), previous == null, delta, previous == null ? FIRST : null,
                    e.nationalRank, e.rankedNationally, e.provincialRank, e.rankedInProvince, e.letterNumber,
                    e.letterDate, e.letterNumber == null ? null : "/api/v1/evaluations/" + e.id + "/letter",
                    e.sourceTitle, e.sourceUrl, e.note, e.publishedAt, e.publishedBy, e.publishedOccurred(),
                    CheckView.of(check), e.origin(), e.sourceList(), e.revision, WithdrawnView.of(e));
        }
    }

    @Schema(name = "EvaluationWithdrawn", description = "When, by whom, why and from which sources a result was withdrawn.")
    public record WithdrawnView(OffsetDateTime at, @Schema(examples = "ministry") String by,
            @Schema(examples = "Recorded twice: the 2022 result was entered as 2023") String reason, List<Source> sources) {

        static WithdrawnView of(Evaluation e) {
            return e.withdrawnAt == null ? null : new WithdrawnView(e.withdrawnAt, e.withdrawnBy, e.withdrawalReason,
                    e.withdrawalSources == null ? List.of() : e.withdrawalSources.items());
        }
    }

    @Schema(name = "EvaluationCorrectionChanges", description = """
            The fields to change, with the same names and rules as when recording (`POST /evaluations`); only those \
            given change (a field given as null becomes unknown, e.g. a rank). The region and year are the result's \
            identity: withdraw the result and record it again instead. The correction names the changed fields as the \
            events do (`letterDate` for `letterIssuedOn`).""")
    public record ChangesDoc(@Schema(examples = "3.31", minimum = "0", maximum = "5") BigDecimal index,
            @Schema(description = "All five.") Map<String, BigDecimal> dimensions,
            @Schema(description = "All six, or null.") Map<String, BigDecimal> pillars,
            @Schema(minimum = "1", maximum = "600") Integer nationalRank,
            @Schema(minimum = "1", maximum = "100") Integer provincialRank,
            @Schema(maxLength = 60, pattern = ResultLetterNumber.EVALUATION_PATTERN) String letterNumber,
            @Schema(description = "Formerly `letterDate`, still accepted.") LocalDate letterIssuedOn, Occurred occurred,
            @Schema(maxItems = 20) List<Source> sources,
            @Schema(maxLength = 2000) String note) {
    }

    @Schema(name = "EvaluationCorrection", description = "A correction of a recorded result: why, from which sources, and the fields to change.",
            requiredProperties = { "reason", "sources", "changes" })
    public record CorrectionRequest(
            @Schema(description = "Why, in a sentence (at most 2000 characters).", maxLength = 2000,
                    examples = "The source gives OUTPUT 3.12, not 3.21") String reason,
            @Schema(description = "What shows the correct figures: at least one.", maxItems = 20) List<Source> sources,
            @Schema(implementation = ChangesDoc.class) com.fasterxml.jackson.databind.node.ObjectNode changes) {
    }

    @Schema(name = "EvaluationWithdrawal", description = "Why a recorded result is withdrawn (platform `Withdrawal`): a "
            + "reason and the sources that show it (required).", requiredProperties = { "reason", "sources" })
    public record WithdrawalRequest(
            @Schema(description = "Why, in a sentence (at most 2000 characters).", maxLength = 2000,
                    examples = "Recorded twice: the 2022 result was entered as 2023") String reason,
            @Schema(description = "What shows it: at least one.", maxItems = 20) List<Source> sources) {
    }

    @Schema(name = "EvaluationRevisionPage", description = "One page of a result's earlier values, oldest first.")
    public record RevisionPage(List<RevisionView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static RevisionPage of(List<RevisionView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new RevisionPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "EvaluationRevision", description = """
            An earlier value of a result: its revision, when and by whom it was made, the reason and sources of the \
            correction that made it (none for revision 1, the recording: `sources` are then the result's own), and the \
            result as it was (`value`).""")
    public record RevisionView(@Schema(examples = "1") int revision, @Schema(examples = "2026-12-07T09:00:00+00:00") String at,
            @Schema(examples = "history-importer") String by, String reason, List<Source> sources,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "The result's fields as they were: revision, year, regionCode, origin, index, dimensions, pillars, nationalRank, provincialRank, letterNumber, letterDate, occurred, sources, note.")
            Object value) {
    }

    @Schema(name = "EvaluationTablePage", description = """
            One page of a year's national table: the published results, by default by national rank (best index \
            first); the year and filters it was asked for and the ranking rule beside the page.""")
    public record TablePage(@Schema(examples = "2023") int evaluationYear, String provinceCode, String level, String rule,
            List<ResultView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole table {@code all}. */
        static TablePage of(int year, String provinceCode, String level, String rule, List<ResultView> all,
                id.kotacerdas.platform.web.PageParams paging) {
            return new TablePage(year, provinceCode, level, rule, paging.slice(all), paging.page, paging.size, all.size(),
                    paging.totalPages(all.size()));
        }
    }

    @Schema(name = "EvaluationRecording", description = """
            A past year's published figures: index and the five dimension scores on the published 0–5 scale (2 \
            decimals), optionally the six pillar scores, the ranks and the result letter, and the source they come from.""")
    public record RecordRequest(
            @com.fasterxml.jackson.annotation.JsonAlias("year")
            @NotNull @Min(2000) @Max(2100) @Schema(description = "The year the result evaluates (formerly `year`, still accepted).",
                    examples = "2022") Integer evaluationYear,
            @NotNull @Size(max = 5) @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE)
            @Schema(examples = "35.71") String regionCode,
            @NotNull @Digits(integer = 1, fraction = 2) @Schema(examples = "3.31") BigDecimal index,
            @Schema(description = "BASELINE, OUTPUT, OUTCOME, IMPACT, QUICK_WIN: all five, or none when the record gives only the index.") Map<String, @NotNull BigDecimal> dimensions,
            @Schema(description = "GOVERNANCE, BRANDING, ECONOMY, LIVING, SOCIETY, ENVIRONMENT: all six, or none.") Map<String, @NotNull BigDecimal> pillars,
            @Min(1) @Max(600) @Schema(examples = "22") Integer nationalRank,
            @Min(1) @Max(100) @Schema(examples = "4") Integer provincialRank,
            @Size(max = 60) @Pattern(regexp = ResultLetterNumber.EVALUATION_PATTERN, message = "must look like B-1003/DJAI/AI.01.04/12/2022")
            @Schema(examples = "B-1003/DJAI/AI.01.04/12/2022") String letterNumber,
            @com.fasterxml.jackson.annotation.JsonAlias("letterDate")
            @Schema(description = "The day the result letter was issued (formerly `letterDate`, still accepted).",
                    examples = "2022-12-05") LocalDate letterIssuedOn,
            @Size(max = 500) @Schema(description = "The older form of one source (its title): beside `sources` it must "
                    + "be the first's; alone it stands for `sources` = [{title, url}].", deprecated = true,
                    examples = "Nusadaily: Indeks Smart City Kota Kediri 2022") String sourceTitle,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
            @Schema(description = "The older form of one source (its url); see `sourceTitle`.", deprecated = true,
                    examples = "https://bangsaonline.com/berita/113379/") String sourceUrl,
            @Schema(description = "Where the figures come from: at least one, at most 20, each with an absolute http(s) "
                    + "`url` (`400` naming `sources` or `sources[i].url`). Required unless the older `sourceUrl` is given.",
                    maxItems = 20)
            List<Source> sources,
            @Size(max = 2000) String note,
            @Schema(description = "When the result was published, when there is no letter to date it: "
                    + ApiDocs.OCCURRED_IN + " The result's date is `letterIssuedOn` (DAY) when given (an `occurred` must "
                    + "then agree with it), else this, else the year (YEAR).") Occurred occurred) {

        EvaluationResults.Recording toRecording() {
            return new EvaluationResults.Recording(evaluationYear, regionCode, index, dimensions, pillars, nationalRank,
                    provincialRank, letterNumber, letterIssuedOn, sourceTitle, sourceUrl, sources, note, occurred);
        }
    }

    @Schema(name = "EvaluationBucket", description = "Results with an index from `from` (inclusive) to `to` (exclusive; the last bucket includes 5).")
    public record Bucket(BigDecimal from, BigDecimal to, int count) {
    }

    @Schema(name = "EvaluationDistribution", description = "The distribution of a year's index: histogram buckets over the 0–5 scale, with mean and median.")
    public record Distribution(@Schema(examples = "2023") int evaluationYear, String provinceCode, String level, int count, BigDecimal bucketWidth,
            BigDecimal min, BigDecimal max, BigDecimal mean, BigDecimal median, List<Bucket> buckets) {

        static Distribution of(int year, String provinceCode, String level, BigDecimal width, List<BigDecimal> values) {
            List<Bucket> buckets = new ArrayList<>();
            BigDecimal top = EvaluationResults.SCALE_MAX;
            for (BigDecimal from = BigDecimal.ZERO; from.compareTo(top) < 0; from = from.add(width)) {
                BigDecimal lo = from;
                BigDecimal hi = from.add(width).min(top);
                boolean last = hi.compareTo(top) >= 0;
                int n = (int) values.stream().filter(v -> v.compareTo(lo) >= 0 && (last ? v.compareTo(top) <= 0
                        : v.compareTo(hi) < 0)).count();
                buckets.add(new Bucket(lo, hi, n));
            }
            List<BigDecimal> sorted = values.stream().sorted().toList();
            BigDecimal mean = null;
            BigDecimal median = null;
            if (!sorted.isEmpty()) {
                mean = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(sorted.size()), ScoreCalculator.DECIMALS, RoundingMode.HALF_UP);
                int mid = sorted.size() / 2;
                median = sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).add(sorted.get(mid))
                        .divide(BigDecimal.valueOf(2), ScoreCalculator.DECIMALS, RoundingMode.HALF_UP);
            }
            return new Distribution(year, provinceCode, level, sorted.size(), width,
                    sorted.isEmpty() ? null : sorted.get(0), sorted.isEmpty() ? null : sorted.get(sorted.size() - 1),
                    mean, median, buckets);
        }
    }

    @Schema(name = "EvaluationPoint", description = "One year's value of a series.")
    public record Point(int year, BigDecimal value) {
    }

    @Schema(name = "EvaluationHistory", description = """
            A region's evaluations year by year, from the first on record (computed or recorded): every result with its \
            delta, and time series of the index, each dimension and each pillar (a year without pillar figures is \
            absent from the pillar series).""")
    public record HistoryView(@Schema(examples = "35.71") String regionCode, @Schema(examples = "Kota Kediri") String regionName,
            Integer firstYear, List<ResultView> evaluations, List<Point> index,
            Map<EvaluationDimension, List<Point>> dimensions, Map<Pillar, List<Point>> pillars) {

        static HistoryView of(EvaluationResults.History h) {
            List<ResultView> results = h.entries().stream().map(ResultView::of).toList();
            List<Point> index = new ArrayList<>();
            Map<EvaluationDimension, List<Point>> dims = new LinkedHashMap<>();
            Map<Pillar, List<Point>> pillars = new LinkedHashMap<>();
            for (EvaluationDimension d : EvaluationDimension.values()) {
                dims.put(d, new ArrayList<>());
            }
            for (Pillar p : Pillar.values()) {
                pillars.put(p, new ArrayList<>());
            }
            for (EvaluationResults.WithPrevious w : h.entries()) {
                Evaluation e = w.evaluation();
                index.add(new Point(e.year, e.index));
                e.dimensionScores().forEach((d, v) -> dims.get(d).add(new Point(e.year, v)));
                if (e.pillarScores() != null) {
                    e.pillarScores().forEach((p, v) -> pillars.get(p).add(new Point(e.year, v)));
                }
            }
            return new HistoryView(h.region().code(), h.region().name(),
                    results.isEmpty() ? null : results.get(0).evaluationYear(), results, index, dims, pillars);
        }
    }
}
