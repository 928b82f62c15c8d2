package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.Answer;
import id.kotacerdas.assessment.domain.EvaluationRegion;
import id.kotacerdas.assessment.domain.EvaluationScoresheet;
import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.domain.ScoreCalculator;
import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import id.kotacerdas.assessment.domain.Scoresheet;
import id.kotacerdas.assessment.repository.EvaluationRegionRepository;
import id.kotacerdas.assessment.repository.EvaluationScoresheetRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A region's part in an evaluation cycle: its self-assessment (the region's own officer, token claim
 * {@code region_code}: answers with evidence per indicator and programmes per pillar, while the cycle is
 * SELF_ASSESSMENT and before its deadline, submitted once), the assessors' sheets after the interview (INTERVIEWS,
 * SCORING; every indicator on the framework's scale; one per assessor and region) and its provisional score. A region
 * not due in the cycle is refused. Until publication a region officer sees only their own region.
 */
@ApplicationScoped
public class EvaluationScoring {

    public static final String AUDIT_RESOURCE = "EvaluationRegion";

    @Inject
    EvaluationService cycles;

    @Inject
    EvaluationRegionRepository regions;

    @Inject
    EvaluationScoresheetRepository sheets;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Clock clock;

    /** A region of a loaded cycle. */
    public record Current(EvaluationService.Loaded cycle, EvaluationRegion region) {
    }

    public record Recorded(EvaluationScoresheet sheet, RegionScore regionScore) {
    }

    /** A region's provisional score with its sheets. */
    public record RegionResult(EvaluationService.Loaded cycle, EvaluationRegion region, List<EvaluationScoresheet> sheets,
            RegionScore score) {
    }

    @WithSession
    public Uni<Current> selfAssessment(Caller caller, UUID cycleId, String regionCode) {
        Access.requireOwnRegionOrStaff(caller, regionCode);
        return current(caller, cycleId, regionCode);
    }

    @WithTransaction
    public Uni<Current> saveDraft(Caller caller, UUID cycleId, String regionCode, Long expectedRevision,
            List<Answer> answers, List<EvaluationRegion.Programme> programmes) {
        Access.requireOwnOfficer(caller, regionCode);
        return current(caller, cycleId, regionCode).chain(current -> {
            EvaluationRegion region = current.region();
            Revisions.require(expectedRevision, region.revision, "self-assessment");
            OffsetDateTime at = requireOpen(current);
            Map<String, Object> before = Map.of("answers", region.answers(), "programmes", region.programmes());
            if (!region.saveDraft(answers, programmes, current.cycle().framework(), caller.username(), at)) {
                return Uni.createFrom().item(current);
            }
            return regions.flush().chain(() -> auditTrail.record(caller, "EVALUATION_SELF_ASSESSMENT_SAVED",
                    AUDIT_RESOURCE, resourceId(region), before,
                    Map.of("answers", region.answers(), "programmes", region.programmes()))).replaceWith(current);
        });
    }

    @WithTransaction
    public Uni<Current> submit(Caller caller, UUID cycleId, String regionCode, Long expectedRevision) {
        Access.requireOwnOfficer(caller, regionCode);
        return current(caller, cycleId, regionCode).chain(current -> {
            EvaluationRegion region = current.region();
            Revisions.require(expectedRevision, region.revision, "self-assessment");
            OffsetDateTime at = requireOpen(current);
            var from = region.status;
            region.submit(caller.username(), at);
            return regions.flush().chain(() -> auditTrail.record(caller, "EVALUATION_SELF_ASSESSMENT_SUBMITTED",
                    AUDIT_RESOURCE, resourceId(region), Map.of("status", from), Map.of("status", region.status)))
                    .replaceWith(current);
        });
    }

    private OffsetDateTime requireOpen(Current current) {
        var cycle = current.cycle().cycle();
        cycle.require(cycle.state.acceptsSelfAssessments(), "self-assessments are filled in only while it is SELF_ASSESSMENT");
        OffsetDateTime at = Revisions.now(clock);
        if (!cycle.inTime(at)) {
            throw new RuleViolationException("selfAssessmentDeadline", "the deadline " + cycle.selfAssessmentDeadline
                    + " has passed");
        }
        return at;
    }

    @WithTransaction
    public Uni<Recorded> createSheet(Caller caller, UUID cycleId, String regionCode, Scoresheet.Content content) {
        return cycles.load(caller, cycleId).chain(loaded -> {
            var cycle = loaded.cycle();
            cycle.require(cycle.state.acceptsScores(), "assessors score only while it is INTERVIEWS or SCORING");
            return regions.find(cycleId, regionCode).chain(region -> {
                if (region == null) {
                    throw new RuleViolationException("regionCode", regionCode + " is not due in evaluation " + cycle.year
                            + "; the ministry adds regions by hand while the cycle is DRAFT or SELF_ASSESSMENT");
                }
                return sheets.find(cycleId, regionCode, caller.subject()).chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict(caller.username() + " has already scored " + regionCode
                                + " in evaluation " + cycle.year + " (scoresheet " + existing.id
                                + "); revise it with PUT and If-Match.");
                    }
                    EvaluationScoresheet sheet = EvaluationScoresheet.of(cycleId, regionCode, caller.subject(),
                            caller.username(), content, loaded.framework(), Revisions.now(clock));
                    return sheets.persistAndFlush(sheet).chain(saved -> recorded(caller, loaded, saved, null,
                            "EVALUATION_SCORESHEET_CREATED"));
                });
            });
        });
    }

    @WithTransaction
    public Uni<Recorded> reviseSheet(Caller caller, UUID cycleId, UUID sheetId, String regionCode, Long expectedRevision,
            Scoresheet.Content content) {
        return cycles.load(caller, cycleId).chain(loaded -> requireSheet(cycleId, sheetId).chain(sheet -> {
            if (!sheet.assessorSubject.equals(caller.subject())) {
                throw ProblemException.forbidden("Scoresheet " + sheetId + " is " + sheet.assessorUsername
                        + "'s; an assessor revises only their own.");
            }
            if (regionCode != null && !regionCode.equals(sheet.regionCode)) {
                throw ProblemException.badRequest("regionCode", "must be the sheet's region " + sheet.regionCode
                        + ", or left out");
            }
            Revisions.require(expectedRevision, sheet.revision, "scoresheet");
            var cycle = loaded.cycle();
            cycle.require(cycle.state.acceptsScores(), "assessors score only while it is INTERVIEWS or SCORING");
            Scoresheet.Content before = sheet.content();
            if (!sheet.revise(content, loaded.framework(), Revisions.now(clock))) {
                return sheets.ofRegion(cycleId, sheet.regionCode).map(all -> new Recorded(sheet,
                        ScoreCalculator.score(loaded.framework(), CycleRanking.sheets(all))));
            }
            return sheets.flush().chain(() -> recorded(caller, loaded, sheet, before, "EVALUATION_SCORESHEET_REVISED"));
        }));
    }

    private Uni<Recorded> recorded(Caller caller, EvaluationService.Loaded loaded, EvaluationScoresheet sheet,
            Scoresheet.Content before, String action) {
        return sheets.ofRegion(sheet.cycleId, sheet.regionCode).chain(all -> auditTrail.record(caller, action,
                "EvaluationScoresheet", sheet.cycleId + "/" + sheet.regionCode + "/" + sheet.assessorUsername, before,
                sheet.content()).replaceWith(new Recorded(sheet,
                        ScoreCalculator.score(loaded.framework(), CycleRanking.sheets(all)))));
    }

    @WithSession
    public Uni<List<EvaluationScoresheet>> listSheets(Caller caller, UUID cycleId, String regionCode) {
        return cycles.get(caller, cycleId).chain(cycle -> regionCode == null ? sheets.ofCycle(cycleId)
                : sheets.ofRegion(cycleId, regionCode));
    }

    @WithSession
    public Uni<EvaluationScoresheet> sheet(Caller caller, UUID cycleId, UUID sheetId) {
        return cycles.get(caller, cycleId).chain(cycle -> requireSheet(cycleId, sheetId));
    }

    /**
     * A region's score from its sheets so far (index, dimensions, pillars, indicators). Staff always; the region's
     * own officer from INTERVIEWS on; every role once the results are published.
     */
    @WithSession
    public Uni<RegionResult> regionScore(Caller caller, UUID cycleId, String regionCode) {
        return cycles.load(caller, cycleId).chain(loaded -> {
            var cycle = loaded.cycle();
            boolean own = caller.hasRole(Caller.REGION_OFFICER) && regionCode.equals(caller.regionCode());
            if (!Access.staff(caller) && !own && !cycle.state.resultsPublished()) {
                throw ProblemException.forbidden("Evaluation " + cycle.year + " is in state " + cycle.state
                        + "; its results are published at PUBLISHED. Until then a region officer sees only their own "
                        + "region's scores.");
            }
            cycle.require(cycle.state.scores() || cycle.state.resultsPublished(), "scores exist from INTERVIEWS on");
            return requireRegion(cycleId, regionCode, cycle.year).chain(region -> sheets.ofRegion(cycleId, regionCode)
                    .map(all -> new RegionResult(loaded, region, all,
                            ScoreCalculator.score(loaded.framework(), CycleRanking.sheets(all)))));
        });
    }

    private Uni<Current> current(Caller caller, UUID cycleId, String regionCode) {
        return cycles.load(caller, cycleId).chain(loaded -> requireRegion(cycleId, regionCode, loaded.cycle().year)
                .map(region -> new Current(loaded, region)));
    }

    private Uni<EvaluationRegion> requireRegion(UUID cycleId, String regionCode, int year) {
        return regions.find(cycleId, regionCode).map(found -> {
            if (found == null) {
                throw ProblemException.notFound(regionCode + " is not due in evaluation " + year + ".");
            }
            return found;
        });
    }

    private Uni<EvaluationScoresheet> requireSheet(UUID cycleId, UUID sheetId) {
        return sheets.findById(sheetId).map(sheet -> {
            if (sheet == null || !sheet.cycleId.equals(cycleId)) {
                throw ProblemException.notFound("Evaluation cycle " + cycleId + " has no scoresheet " + sheetId + ".");
            }
            return sheet;
        });
    }

    static String resourceId(EvaluationRegion r) {
        return r.cycleId + "/" + r.regionCode;
    }
}
