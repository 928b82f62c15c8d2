package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.AssessorSheet;
import id.kotacerdas.assessment.domain.Invitation;
import id.kotacerdas.assessment.domain.Ranking;
import id.kotacerdas.assessment.domain.ScoreCalculator;
import id.kotacerdas.assessment.domain.Scoresheet;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.repository.InvitationRepository;
import id.kotacerdas.assessment.repository.ScoresheetRepository;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ranking of a cycle, computed on every read from the scoresheets and the framework ({@link ScoreCalculator},
 * {@link Ranking}): every invited region that did not decline and has at least one scoresheet, per track.
 * Staff read it from INTERVIEWS on; integrators and region officers once the results are published.
 */
@ApplicationScoped
public class CycleRanking {

    @Inject
    CycleService cycles;

    @Inject
    InvitationRepository invitations;

    @Inject
    ScoresheetRepository sheets;

    /** The ranking with what it was computed from. */
    public record Computed(CycleService.Loaded cycle, Map<Track, List<Ranking.Entry>> ranking, List<Invitation> unscored) {
    }

    @WithSession
    public Uni<Computed> read(Caller caller, UUID cycleId) {
        return cycles.load(caller, cycleId).chain(loaded -> {
            var state = loaded.cycle().state;
            if (!Access.staff(caller) && !state.resultsPublished()) {
                throw ProblemException.forbidden("The cycle is in state " + state
                        + "; the ranking is published once the selection is confirmed.");
            }
            loaded.cycle().require(state.ranks(), "a ranking exists from INTERVIEWS on");
            return compute(loaded);
        });
    }

    /** Computes the ranking of a loaded cycle (inside the caller's session). */
    Uni<Computed> compute(CycleService.Loaded loaded) {
        UUID cycleId = loaded.cycle().id;
        return invitations.ofCycle(cycleId).chain(all -> sheets.ofCycle(cycleId).map(cycleSheets -> {
            Map<String, List<Scoresheet>> byRegion = new LinkedHashMap<>();
            cycleSheets.forEach(s -> byRegion.computeIfAbsent(s.regionCode, k -> new ArrayList<>()).add(s));
            List<Ranking.Candidate> candidates = new ArrayList<>();
            List<Invitation> unscored = new ArrayList<>();
            for (Invitation invitation : all) {
                if (!invitation.takesPart()) {
                    continue;
                }
                List<Scoresheet> regionSheets = byRegion.get(invitation.regionCode);
                if (regionSheets == null) {
                    unscored.add(invitation);
                    continue;
                }
                candidates.add(new Ranking.Candidate(invitation.regionCode, invitation.regionName,
                        invitation.provinceCode, invitation.track,
                        ScoreCalculator.score(loaded.framework(), sheets(regionSheets))));
            }
            return new Computed(loaded, Ranking.rankByTrack(loaded.framework(), candidates), unscored);
        }));
    }

    /** Assessors' sheets (of either kind of cycle) as the calculator reads them. */
    static List<ScoreCalculator.Sheet> sheets(List<? extends AssessorSheet> sheets) {
        return sheets.stream().map(s -> new ScoreCalculator.Sheet(s.assessorUsername, s.scores())).toList();
    }
}
