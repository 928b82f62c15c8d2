package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.ActDates;
import id.kotacerdas.assessment.domain.DueBasis;
import id.kotacerdas.assessment.domain.Evaluation;
import id.kotacerdas.assessment.domain.EvaluationCancellation;
import id.kotacerdas.assessment.domain.EvaluationCycle;
import id.kotacerdas.assessment.domain.EvaluationDimension;
import id.kotacerdas.assessment.domain.EvaluationRanks;
import id.kotacerdas.assessment.domain.EvaluationRegion;
import id.kotacerdas.assessment.domain.EvaluationScoresheet;
import id.kotacerdas.assessment.domain.EvaluationState;
import id.kotacerdas.assessment.domain.FrameworkContent;
import id.kotacerdas.assessment.domain.FrameworkPurpose;
import id.kotacerdas.assessment.domain.ResultLetterNumber;
import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.domain.ScoreCalculator;
import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import id.kotacerdas.assessment.messaging.EvaluationEventMapper;
import id.kotacerdas.assessment.messaging.EvaluationEvents;
import id.kotacerdas.assessment.repository.EvaluationCycleRepository;
import id.kotacerdas.assessment.repository.EvaluationDueRepository;
import id.kotacerdas.assessment.repository.EvaluationRegionRepository;
import id.kotacerdas.assessment.repository.EvaluationRepository;
import id.kotacerdas.assessment.repository.EvaluationScoresheetRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.registry.RegisteredRegion;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluation (monev) cycles: planned by the ministry as a DRAFT (year, a published EVALUATION framework version),
 * opened (DRAFT → SELF_ASSESSMENT: the regions due are fixed from the due facts of the events, plus those added by
 * hand; publishes {@code EvaluationCycleOpened}), scored by the assessors and published: every region's index,
 * dimension and pillar scores, its national and provincial rank and a numbered result letter, stored as its
 * {@link Evaluation} of the year and published as {@code EvaluationPublished}. A publication with a region unscored
 * is refused and changes nothing. Every change is audited with its events in one transaction.
 */
@ApplicationScoped
public class EvaluationService {

    public static final String AUDIT_RESOURCE = "EvaluationCycle";
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Inject
    EvaluationCycleRepository cycles;

    @Inject
    EvaluationRegionRepository regions;

    @Inject
    EvaluationScoresheetRepository sheets;

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationDueRepository due;

    @Inject
    FrameworkService frameworks;

    @Inject
    InvitationService invitations;

    @Inject
    RegionRegistry registry;

    @Inject
    LetterNumbers letterNumbers;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A cycle with the content of its framework version. */
    public record Loaded(EvaluationCycle cycle, FrameworkContent framework) {
    }

    /** A region of a cycle: a row when it is due there; in DRAFT, the regions the due facts will add at the opening. */
    public record DueRegion(String regionCode, String regionName, String regionLevel, String provinceCode,
            String provinceName, DueBasis basis, Integer dueFromYear, boolean preview, EvaluationRegion row) {

        public static DueRegion of(EvaluationRegion r) {
            return new DueRegion(r.regionCode, r.regionName, r.regionLevel, r.provinceCode, r.provinceName, r.basis,
                    r.dueFromYear, false, r);
        }
    }

    /** The regions added by hand, and those that were due before. */
    public record Added(EvaluationCycle cycle, List<EvaluationRegion> added, List<String> alreadyDue) {
    }

    /** A publication: the cycle and every region's result. */
    public record Published(EvaluationCycle cycle, List<Evaluation> results) {
    }

    /** What the audit trail keeps of a cycle. */
    record Audited(int year, String name, String framework, EvaluationState state) {
        static Audited of(EvaluationCycle c) {
            return new Audited(c.year, c.name, c.frameworkCode + " v" + c.frameworkVersion, c.state);
        }
    }

    @WithSession
    public Uni<List<EvaluationCycle>> list(Caller caller) {
        return cycles.all(FrameworkService.seesDrafts(caller));
    }

    @WithSession
    public Uni<EvaluationCycle> get(Caller caller, UUID id) {
        return require(id).map(cycle -> {
            if (cycle.state == EvaluationState.DRAFT && !FrameworkService.seesDrafts(caller)) {
                throw notFound(id);
            }
            return cycle;
        });
    }

    @WithSession
    public Uni<Loaded> load(Caller caller, UUID id) {
        return get(caller, id).chain(cycle -> frameworks.requirePublished(cycle.frameworkCode, cycle.frameworkVersion,
                "framework", FrameworkPurpose.EVALUATION).map(v -> new Loaded(cycle, v.content)));
    }

    Uni<EvaluationCycle> require(UUID id) {
        return cycles.findById(id).map(cycle -> {
            if (cycle == null) {
                throw notFound(id);
            }
            return cycle;
        });
    }

    /** A DRAFT cycle for a year that has none ({@code 409} otherwise), with a published EVALUATION framework. */
    @WithTransaction
    public Uni<EvaluationCycle> create(Caller caller, int year, String name, String frameworkCode, int frameworkVersion,
            OffsetDateTime selfAssessmentDeadline) {
        return frameworks.requirePublished(frameworkCode, frameworkVersion, "framework", FrameworkPurpose.EVALUATION)
                .chain(framework -> cycles.ofYear(year)).chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("Evaluation " + year + " already exists (cycle " + existing.id
                                + "); there is one evaluation cycle per year.");
                    }
                    EvaluationCycle cycle = EvaluationCycle.draft(year, name == null ? "Evaluasi Smart City " + year : name,
                            frameworkCode, frameworkVersion, selfAssessmentDeadline, caller.username(), now());
                    return cycles.persistAndFlush(cycle).call(saved -> auditTrail.record(caller,
                            "EVALUATION_CYCLE_CREATED", AUDIT_RESOURCE, saved.id.toString(), null, Audited.of(saved)));
                });
    }

    /**
     * Moves the cycle one state on. Opening (DRAFT → SELF_ASSESSMENT) adds every region the due facts make due in the
     * cycle's year and publishes {@code EvaluationCycleOpened}; PUBLISHED is reached only by {@link #publish}.
     */
    @WithTransaction
    public Uni<EvaluationCycle> transition(Caller caller, UUID id, Long expectedRevision, EvaluationState target) {
        return require(id).chain(cycle -> {
            Revisions.require(expectedRevision, cycle.revision, "evaluation cycle");
            EvaluationState from = cycle.state;
            cycle.moveTo(target, false, caller.username(), now());
            Uni<Void> opening = target == EvaluationState.SELF_ASSESSMENT ? open(caller, cycle) : Uni.createFrom().voidItem();
            return opening.chain(() -> cycles.flush())
                    .chain(() -> auditTrail.record(caller, "EVALUATION_CYCLE_STATE_CHANGED", AUDIT_RESOURCE,
                            cycle.id.toString(), Map.of("state", from), Map.of("state", cycle.state)))
                    .replaceWith(cycle);
        });
    }

    /**
     * Cancels a cycle that got stuck, with a reason, from any state but CLOSED and CANCELLED ({@code 409} naming the
     * state); {@code If-Match} as for a transition. Audited; publishes {@code EvaluationCycleCancelled}. Results it
     * published stay.
     */
    @WithTransaction
    public Uni<EvaluationCycle> cancel(Caller caller, UUID id, Long expectedRevision, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("reason", "is required");
        }
        if (reason.length() > EvaluationCancellation.MAX_REASON) {
            throw ProblemException.badRequest("reason", "must be at most " + EvaluationCancellation.MAX_REASON + " characters");
        }
        return require(id).chain(cycle -> {
            Revisions.require(expectedRevision, cycle.revision, "evaluation cycle");
            EvaluationState from = cycle.state;
            cycle.cancel(reason.strip(), caller.username(), now());
            return cycles.flush()
                    .chain(() -> auditTrail.record(caller, "EVALUATION_CYCLE_CANCELLED", AUDIT_RESOURCE,
                            cycle.id.toString(), Map.of("state", from),
                            Map.of("state", cycle.state, "reason", cycle.cancellationReason)))
                    .chain(() -> outbox.append(EvaluationEvents.CYCLE_CANCELLED, cycle.id.toString(),
                            EvaluationEventMapper.cancelled(cycle, from.name(), cycle.cancellationReason)))
                    .replaceWith(cycle);
        });
    }

    private Uni<Void> open(Caller caller, EvaluationCycle cycle) {
        return preview(cycle).chain(previewed -> {
            OffsetDateTime at = cycle.openedAt;
            List<EvaluationRegion> rows = previewed.stream().filter(DueRegion::preview)
                    .map(d -> EvaluationRegion.due(cycle.id, d.regionCode(), d.regionName(), d.regionLevel(),
                            d.provinceCode(), d.provinceName(), d.basis(), d.dueFromYear(), caller.username(), at))
                    .toList();
            return persistRegions(caller, rows).chain(() -> regions.countOf(cycle.id))
                    .chain(count -> outbox.append(EvaluationEvents.CYCLE_OPENED, cycle.id.toString(),
                            EvaluationEventMapper.opened(cycle, count.intValue())))
                    .replaceWithVoid();
        });
    }

    /**
     * The cycle's regions and those the due facts make due in its year and that it does not have yet
     * ({@code preview}): what the opening adds, and what a DRAFT cycle shows.
     */
    private Uni<List<DueRegion>> preview(EvaluationCycle cycle) {
        return regions.ofCycle(cycle.id).chain(rows -> {
            List<DueRegion> out = new ArrayList<>(rows.stream().map(DueRegion::of).toList());
            Set<String> present = rows.stream().map(r -> r.regionCode).collect(Collectors.toSet());
            return due.dueIn(cycle.year).chain(facts -> {
                List<EvaluationDueRepository.Due> missing = facts.stream()
                        .filter(f -> !present.contains(f.regionCode())).toList();
                if (missing.isEmpty()) {
                    return Uni.createFrom().item(out);
                }
                return registry.regions().map(all -> {
                    Map<String, RegisteredRegion> byCode = all.stream()
                            .collect(Collectors.toMap(RegisteredRegion::code, Function.identity()));
                    for (EvaluationDueRepository.Due fact : missing) {
                        RegisteredRegion region = byCode.get(fact.regionCode());
                        if (region != null && !present.contains(region.code())) {
                            present.add(region.code());
                            out.add(new DueRegion(region.code(), region.name(), region.level().name(),
                                    region.provinceCode(), region.provinceName(), fact.basis(), fact.dueFromYear(), true,
                                    null));
                        }
                    }
                    out.sort(Comparator.comparing(DueRegion::regionCode));
                    return out;
                });
            });
        });
    }

    /** The regions of a cycle; a region officer sees only their own. */
    @WithSession
    public Uni<List<DueRegion>> regions(Caller caller, UUID cycleId) {
        return get(caller, cycleId).chain(cycle -> (cycle.state == EvaluationState.DRAFT ? preview(cycle)
                : regions.ofCycle(cycleId).map(rows -> rows.stream().map(DueRegion::of).toList()))
                .map(all -> Access.officerOnly(caller)
                        ? all.stream().filter(r -> r.regionCode().equals(caller.regionCode())).toList()
                        : all));
    }

    /** Adds regions by hand (DRAFT or SELF_ASSESSMENT); unknown or replaced codes are {@code 422} naming each. */
    @WithTransaction
    public Uni<Added> addRegions(Caller caller, UUID cycleId, List<String> codes) {
        return require(cycleId).chain(cycle -> {
            cycle.require(cycle.state.acceptsRegions(), "regions are added only while it is DRAFT or SELF_ASSESSMENT");
            return invitations.resolve(new InvitationService.Whom(codes, null, null)).chain(found -> regions
                    .ofCycle(cycleId).chain(existing -> {
                        Set<String> before = existing.stream().map(r -> r.regionCode).collect(Collectors.toSet());
                        OffsetDateTime at = now();
                        List<EvaluationRegion> added = new ArrayList<>();
                        List<String> already = new ArrayList<>();
                        for (RegisteredRegion r : found) {
                            if (!before.add(r.code())) {
                                already.add(r.code());
                                continue;
                            }
                            added.add(EvaluationRegion.due(cycleId, r.code(), r.name(), r.level().name(), r.provinceCode(),
                                    r.provinceName(), DueBasis.MANUAL, null, caller.username(), at));
                        }
                        return persistRegions(caller, added).replaceWith(new Added(cycle, added, already));
                    }));
        });
    }

    private Uni<Void> persistRegions(Caller caller, List<EvaluationRegion> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(r -> regions.persist(r)
                .chain(() -> auditTrail.record(caller, "EVALUATION_REGION_DUE", AUDIT_RESOURCE, r.cycleId + "/" + r.regionCode,
                        null, Map.of("regionCode", r.regionCode, "regionName", r.regionName, "basis", r.basis))))
                .collect().last().chain(() -> regions.flush());
    }

    /**
     * Publishes the results (SCORING → PUBLISHED): every region due needs at least one assessor's sheet ({@code 422}
     * naming each one that has none) and no published result of the year yet ({@code 409}). Each region gets its
     * {@link Evaluation} with the rounded figures, its ranks ({@link EvaluationRanks}) and the next letter number
     * (AI.01.04, dated {@code letterDate}, by default today in Jakarta), in the order of the national ranks.
     */
    @WithTransaction
    public Uni<Published> publish(Caller caller, UUID cycleId, Long expectedRevision, LocalDate letterDate,
            Occurred occurred) {
        return require(cycleId).chain(cycle -> {
            Revisions.require(expectedRevision, cycle.revision, "evaluation cycle");
            cycle.require(cycle.state.acceptsPublication(), "results are published from SCORING");
            Occurred given = occurred == null ? null : occurred.checked("occurred", clock);
            if (letterDate != null) {
                Occurred.onDay(letterDate).checked("letterDate", clock).notBefore("letterDate", given, "the publication");
            }
            return frameworks.requirePublished(cycle.frameworkCode, cycle.frameworkVersion, "framework",
                    FrameworkPurpose.EVALUATION).chain(version -> regions.ofCycle(cycleId)
                    .chain(due -> sheets.ofCycle(cycleId).chain(all -> {
                        Map<String, List<EvaluationScoresheet>> byRegion = new HashMap<>();
                        all.forEach(s -> byRegion.computeIfAbsent(s.regionCode, k -> new ArrayList<>()).add(s));
                        List<Violation> unscored = due.stream().filter(r -> !byRegion.containsKey(r.regionCode))
                                .map(r -> new Violation("regions[" + r.regionCode + "]", r.regionName + " ("
                                        + r.regionCode + ") has no assessor's scoresheet"))
                                .toList();
                        if (due.isEmpty()) {
                            throw new RuleViolationException("regions", "evaluation " + cycle.year + " has no region due");
                        }
                        if (!unscored.isEmpty()) {
                            throw new RuleViolationException(unscored);
                        }
                        List<String> codes = due.stream().map(r -> r.regionCode).toList();
                        return evaluations.taken(codes, cycle.year).chain(taken -> {
                            if (!taken.isEmpty()) {
                                throw ProblemException.conflict("These regions already have a result for " + cycle.year
                                        + " (recorded): " + String.join(", ", taken) + ".");
                            }
                            return evaluations.previous(codes, cycle.year);
                        }).chain(previous -> {
                            OffsetDateTime at = now();
                            LocalDate date = letterDate != null ? letterDate
                                    : given != null && given.precision() == Occurred.Precision.DAY ? given.firstDay()
                                    : at.atZoneSameInstant(JAKARTA).toLocalDate();
                            // the publication's date: given, else the letters' own day when before today, else now
                            Occurred act = given != null ? given : ActDates.ofOwnDay(date, at);
                            List<Evaluation> results = new ArrayList<>(due.size());
                            for (EvaluationRegion region : due) {
                                RegionScore score = ScoreCalculator.score(version.content,
                                        CycleRanking.sheets(byRegion.get(region.regionCode)));
                                Evaluation result = computed(cycle, region, score, caller, at);
                                result.setPublishedOccurred(act);
                                results.add(result);
                            }
                            EvaluationRanks.assign(results);
                            results.sort(LETTER_ORDER);
                            return letterNumbers.next(ResultLetterNumber.EVALUATION_RESULT, date, results.size())
                                    .chain(numbers -> {
                                        for (int i = 0; i < results.size(); i++) {
                                            results.get(i).setLetter(numbers.get(i), date);
                                        }
                                        cycle.moveTo(EvaluationState.PUBLISHED, true, caller.username(), at);
                                        cycle.letterDate = date;
                                        cycle.setPublishedOccurred(act);
                                        return persistResults(results, previous);
                                    })
                                    .chain(() -> cycles.flush())
                                    .chain(() -> auditTrail.record(caller, "EVALUATION_PUBLISHED", AUDIT_RESOURCE,
                                            cycle.id.toString(), Map.of("state", EvaluationState.SCORING),
                                            publishedAudit(cycle, results)))
                                    .replaceWith(new Published(cycle, results));
                        });
                    })));
        });
    }

    /** Letters go out by national rank (kabupaten/kota first, then provinces), then by code. */
    static final Comparator<Evaluation> LETTER_ORDER = Comparator
            .comparing((Evaluation e) -> "PROVINCE".equals(e.regionLevel))
            .thenComparing(e -> e.nationalRank).thenComparing(e -> e.regionCode);

    private Uni<Void> persistResults(List<Evaluation> results, Map<String, Evaluation> previous) {
        return Multi.createFrom().iterable(results).onItem().transformToUniAndConcatenate(e -> evaluations.persist(e)
                .chain(() -> outbox.append(EvaluationEvents.PUBLISHED, e.regionCode,
                        EvaluationEventMapper.published(e, previous.get(e.regionCode)))))
                .collect().last().chain(() -> evaluations.flush()).replaceWithVoid();
    }

    private static Map<String, Object> publishedAudit(EvaluationCycle cycle, List<Evaluation> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", cycle.state);
        out.put("letterDate", cycle.letterDate.toString());
        if (cycle.publishedOccurred() != null) {
            out.put("occurred", cycle.publishedOccurred());
        }
        out.put("regions", results.size());
        Map<String, Object> indices = new LinkedHashMap<>();
        results.forEach(e -> indices.put(e.regionCode, e.index));
        out.put("index", indices);
        return out;
    }

    static Evaluation computed(EvaluationCycle cycle, EvaluationRegion region, RegionScore score, Caller caller,
            OffsetDateTime at) {
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.year = cycle.year;
        e.regionCode = region.regionCode;
        e.regionName = region.regionName;
        e.regionLevel = region.regionLevel;
        e.provinceCode = region.provinceCode;
        e.provinceName = region.provinceName;
        e.source = Evaluation.Source.COMPUTED;
        e.cycleId = cycle.id;
        e.frameworkCode = cycle.frameworkCode;
        e.frameworkVersion = cycle.frameworkVersion;
        e.index = score.score();
        e.dimensions = new LinkedHashMap<>();
        for (EvaluationDimension d : EvaluationDimension.values()) {
            score.criteria().stream().filter(c -> c.code().equals(d.name())).findFirst()
                    .ifPresent(c -> e.dimensions.put(d.name(), c.score()));
        }
        e.pillars = new LinkedHashMap<>();
        score.pillars().forEach(p -> e.pillars.put(p.code(), p.score()));
        Map<id.kotacerdas.assessment.domain.Pillar, Integer> programmes = region.programmeCounts();
        if (programmes != null) {
            e.programmes = new LinkedHashMap<>();
            programmes.forEach((p, n) -> e.programmes.put(p.name(), n));
        }
        e.publishedAt = at;
        e.publishedBy = caller.username();
        return e;
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No evaluation cycle has the id " + id + ".");
    }

    private OffsetDateTime now() {
        return Revisions.now(clock);
    }
}
