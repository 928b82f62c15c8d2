package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.ActDates;
import id.kotacerdas.assessment.domain.AssessmentCycle;
import id.kotacerdas.assessment.domain.CycleState;
import id.kotacerdas.assessment.domain.EarlierCohort;
import id.kotacerdas.assessment.domain.EarlierCohorts;
import id.kotacerdas.assessment.domain.Invitation;
import id.kotacerdas.assessment.domain.Selection;
import id.kotacerdas.assessment.domain.SelectionEntry;
import id.kotacerdas.assessment.domain.SelectionOutcome;
import id.kotacerdas.assessment.domain.SelectionPlanner;
import id.kotacerdas.assessment.messaging.AssessmentEventMapper;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.repository.AssessmentCycleRepository;
import id.kotacerdas.assessment.repository.ScoresheetRepository;
import id.kotacerdas.assessment.repository.SelectionRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.registry.RegisteredRegion;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The selection of a cycle: proposed by the system from the ranking and the quotas ({@link SelectionPlanner}),
 * confirmed by the ministry with or without adjustments (each with a reason). Confirming stores the selection with
 * a decision for every invited region that did not decline, moves the cycle to SELECTED (results are published), and
 * publishes {@code RegionSelected} or {@code RegionNotSelected} per region — a selected region learns its earlier
 * cohorts from every {@link EarlierCohorts} source.
 */
@ApplicationScoped
public class SelectionService {

    public static final String AUDIT_RESOURCE = "Selection";

    @Inject
    CycleRanking rankings;

    @Inject
    CycleService cycles;

    @Inject
    AssessmentCycleRepository cycleRepository;

    @Inject
    SelectionRepository selections;

    @Inject
    ScoresheetRepository sheets;

    @Inject
    @Any
    Instance<EarlierCohorts> cohortSources;

    @Inject
    RegionRegistry registry;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public record Proposal(CycleRanking.Computed ranking, List<SelectionPlanner.Decision> decisions) {
    }

    public record Confirmed(AssessmentCycle cycle, Selection selection, List<SelectionEntry> entries) {
    }

    @WithSession
    public Uni<Proposal> propose(Caller caller, UUID cycleId) {
        return rankings.read(caller, cycleId).map(computed -> {
            var cycle = computed.cycle().cycle();
            cycle.require(cycle.state.acceptsSelection(), "a selection is proposed in SCORING"
                    + (cycle.state.resultsPublished() ? "; read the confirmed one at .../selection" : ""));
            return new Proposal(computed, SelectionPlanner.propose(computed.ranking(), cycle.quotas));
        });
    }

    @WithTransaction
    public Uni<Confirmed> confirm(Caller caller, UUID cycleId, Long expectedRevision,
            List<SelectionPlanner.Adjustment> adjustments, Occurred occurred) {
        return cycles.load(caller, cycleId).chain(loaded -> {
            AssessmentCycle cycle = loaded.cycle();
            Revisions.require(expectedRevision, cycle.revision, "cycle");
            cycle.require(cycle.state.acceptsSelection(), "the selection is confirmed in SCORING");
            Occurred given = occurred == null ? null : occurred.checked("occurred", clock);
            return afterScoring(cycleId, given).chain(() -> rankings.compute(loaded)).chain(computed -> {
                List<SelectionPlanner.Decision> decisions = SelectionPlanner.confirm(computed.ranking(), cycle.quotas,
                        adjustments);
                var now = Revisions.now(clock);
                Selection selection = new Selection();
                selection.id = UUID.randomUUID();
                selection.cycleId = cycle.id;
                selection.programmeYear = cycle.programmeYear;
                selection.frameworkCode = cycle.frameworkCode;
                selection.frameworkVersion = cycle.frameworkVersion;
                selection.confirmedAt = now;
                selection.confirmedBy = caller.username();
                selection.setSelectedOccurred(given);
                List<SelectionEntry> entries = new ArrayList<>();
                for (SelectionPlanner.Decision d : decisions) {
                    entries.add(entry(selection, d));
                }
                for (Invitation unscored : computed.unscored()) {
                    entries.add(unscoredEntry(selection, unscored));
                }
                CycleState from = cycle.state;
                return repeats(cycle.programmeYear, entries)
                        .chain(() -> selections.persist(selection))
                        .chain(() -> selections.persistEntries(entries))
                        .chain(() -> {
                            cycle.moveTo(CycleState.SELECTED, true, caller.username(), now);
                            return cycleRepository.flush();
                        })
                        .chain(() -> auditTrail.record(caller, "SELECTION_CONFIRMED", AUDIT_RESOURCE, cycle.id.toString(),
                                null, confirmedAudit(selection, entries)))
                        .chain(() -> cycles.recordTransition(caller, cycle, from))
                        .chain(() -> publish(caller, cycle, selection, entries))
                        .replaceWith(new Confirmed(cycle, selection, entries));
            });
        });
    }

    /** A selection recorded after the fact is not before the cycle's last scoring (by its date: given, else recorded). */
    private Uni<Void> afterScoring(UUID cycleId, Occurred given) {
        if (given == null) {
            return Uni.createFrom().voidItem();
        }
        return sheets.ofCycle(cycleId).invoke(all -> given.notBefore("occurred", ActDates.latest(all.stream()
                .map(s -> Occurred.orDayOf(s.scoredOccurred(), s.updatedAt)).toList()), "the last scoring"))
                .replaceWithVoid();
    }

    private static Map<String, Object> confirmedAudit(Selection selection, List<SelectionEntry> entries) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("selectionId", selection.id);
        out.put("programmeYear", selection.programmeYear);
        if (selection.selectedOccurred() != null) {
            out.put("occurred", selection.selectedOccurred());
        }
        out.put("entries", audited(entries));
        return out;
    }

    @WithSession
    public Uni<Confirmed> get(Caller caller, UUID cycleId) {
        return cycles.get(caller, cycleId).chain(cycle -> selections.ofCycle(cycleId).chain(selection -> {
            if (selection == null) {
                throw ProblemException.notFound("The cycle is in state " + cycle.state
                        + "; no selection has been confirmed yet.");
            }
            return selections.entries(selection.id).map(entries -> new Confirmed(cycle, selection, entries));
        }));
    }

    /** Earlier cohorts of each selected entry, from every source, under the region's current and former codes. */
    private Uni<Void> repeats(int programmeYear, List<SelectionEntry> entries) {
        List<EarlierCohorts> sources = cohortSources.stream().toList();
        return Multi.createFrom().iterable(entries.stream().filter(e -> e.selected).toList())
                .onItem().transformToUniAndConcatenate(entry -> registry.find(entry.regionCode).chain(found -> {
                    List<String> codes = new ArrayList<>();
                    codes.add(entry.regionCode);
                    found.map(RegisteredRegion::replaces).ifPresent(codes::addAll);
                    return earlier(programmeYear, codes, sources);
                }).invoke(cohorts -> entry.repeatOf = new SelectionEntry.Cohorts(cohorts)))
                .collect().last().replaceWithVoid();
    }

    private Uni<List<EarlierCohort>> earlier(int programmeYear, List<String> codes, List<EarlierCohorts> sources) {
        Map<String, EarlierCohort> found = new LinkedHashMap<>();
        return Multi.createFrom().iterable(sources)
                .onItem().transformToUniAndConcatenate(source -> source.before(programmeYear, codes))
                .invoke(cohorts -> cohorts.forEach(c -> found.putIfAbsent(c.programmeYear() + "/" + c.track(), c)))
                .collect().last()
                .map(ignored -> found.values().stream().sorted(Comparator.comparingInt(EarlierCohort::programmeYear))
                        .toList());
    }

    private Uni<Void> publish(Caller caller, AssessmentCycle cycle, Selection selection, List<SelectionEntry> entries) {
        return Multi.createFrom().iterable(entries).onItem().transformToUniAndConcatenate(entry -> entry.selected
                ? outbox.append(AssessmentEvents.REGION_SELECTED, entry.regionCode,
                        AssessmentEventMapper.selected(cycle, selection, entry, caller))
                : outbox.append(AssessmentEvents.REGION_NOT_SELECTED, entry.regionCode,
                        AssessmentEventMapper.notSelected(cycle, selection, entry, caller)))
                .collect().last().replaceWithVoid();
    }

    private static SelectionEntry entry(Selection selection, SelectionPlanner.Decision d) {
        SelectionEntry e = new SelectionEntry();
        e.id = UUID.randomUUID();
        e.selectionId = selection.id;
        e.regionCode = d.entry().regionCode();
        e.regionName = d.entry().candidate().regionName();
        e.provinceCode = d.entry().candidate().provinceCode();
        e.track = d.track();
        e.rank = d.entry().rank();
        e.score = d.entry().score();
        e.outcome = d.outcome();
        e.selected = d.selected();
        e.reason = d.reason();
        e.repeatOf = new SelectionEntry.Cohorts(List.of());
        return e;
    }

    private static SelectionEntry unscoredEntry(Selection selection, Invitation invitation) {
        SelectionEntry e = new SelectionEntry();
        e.id = UUID.randomUUID();
        e.selectionId = selection.id;
        e.regionCode = invitation.regionCode;
        e.regionName = invitation.regionName;
        e.provinceCode = invitation.provinceCode;
        e.track = invitation.track;
        e.outcome = SelectionOutcome.NOT_SCORED;
        e.selected = false;
        e.reason = "Invited, but not scored (no submitted self-assessment, or no assessor's scoresheet).";
        e.repeatOf = new SelectionEntry.Cohorts(List.of());
        return e;
    }

    private static List<Map<String, Object>> audited(List<SelectionEntry> entries) {
        return entries.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("regionCode", e.regionCode);
            m.put("track", e.track);
            m.put("rank", e.rank);
            m.put("score", e.score);
            m.put("outcome", e.outcome);
            m.put("reason", e.reason);
            return m;
        }).toList();
    }
}
