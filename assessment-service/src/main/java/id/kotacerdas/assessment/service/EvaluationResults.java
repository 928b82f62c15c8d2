package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.Evaluation;
import id.kotacerdas.assessment.domain.EvaluationDimension;
import id.kotacerdas.assessment.domain.FrameworkContent;
import id.kotacerdas.assessment.domain.IndexCheck;
import id.kotacerdas.assessment.domain.Pillar;
import id.kotacerdas.assessment.domain.RecordedFigures;
import id.kotacerdas.assessment.domain.ResultLetterNumber;
import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.messaging.EvaluationEventMapper;
import id.kotacerdas.assessment.messaging.EvaluationEvents;
import id.kotacerdas.assessment.repository.EvaluationRepository;
import id.kotacerdas.assessment.repository.FrameworkVersionRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.registry.RegisteredRegion;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Published evaluation results, readable by every role: one region's result, a year's national table (optionally of
 * one province or level), the distribution of the index, and a region's history year by year (each with the change
 * against the evaluation before it). Past years' published figures are recorded here (source RECORDED: index and
 * dimensions, optionally pillars, ranks and the letter, with the source they come from), so a region's history starts
 * where the records start; each recording is audited and published as {@code EvaluationPublished}.
 */
@ApplicationScoped
public class EvaluationResults {

    public static final String AUDIT_RESOURCE = "Evaluation";
    /** The scale the published results are given on. */
    public static final BigDecimal SCALE_MAX = BigDecimal.valueOf(5);

    @Inject
    EvaluationRepository evaluations;

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

    @Inject
    FrameworkVersionRepository frameworkVersions;

    /**
     * A result with the region's evaluation before it (null at its first) and the check of its index against its
     * dimensions (null when its dimensions are not published).
     */
    public record WithPrevious(Evaluation evaluation, Evaluation previous, IndexCheck check) {
        public WithPrevious(Evaluation evaluation, Evaluation previous) {
            this(evaluation, previous, null);
        }
    }

    /** The framework whose dimension weights check a RECORDED result (it names none): Kabupaten Sleman's 10/20/30/30/10. */
    public static final String RECORDED_CHECK_FRAMEWORK = "kominfo-evaluation";
    public static final int RECORDED_CHECK_VERSION = 1;

    /** What is recorded of a past year. */
    public record Recording(int year, String regionCode, BigDecimal index, Map<String, BigDecimal> dimensions,
            Map<String, BigDecimal> pillars, Integer nationalRank, Integer provincialRank, String letterNumber,
            LocalDate letterDate, String sourceTitle, String sourceUrl, List<Source> sources, String note,
            Occurred occurred) {
    }

    @WithSession
    public Uni<WithPrevious> get(UUID id) {
        return evaluations.findById(id).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("No evaluation result has the id " + id + ".");
            }
            return evaluations.previous(List.of(found.regionCode), found.year)
                    .map(previous -> new WithPrevious(found, previous.get(found.regionCode)))
                    .chain(w -> checked(List.of(w))).map(all -> all.get(0));
        });
    }

    /** A year's results, best index first (then by code), each with its previous evaluation. */
    @WithSession
    public Uni<List<WithPrevious>> ofYear(int year, String provinceCode, String level) {
        return ofYear(year, provinceCode, level, false);
    }

    /** The same; {@code includeWithdrawn}: withdrawn results too (each with its delta against the standing ones). */
    @WithSession
    public Uni<List<WithPrevious>> ofYear(int year, String provinceCode, String level, boolean includeWithdrawn) {
        return evaluations.ofYear(year, provinceCode, level, includeWithdrawn).chain(found -> evaluations
                .previous(found.stream().map(e -> e.regionCode).toList(), year)
                .map(previous -> found.stream().map(e -> new WithPrevious(e, previous.get(e.regionCode))).toList()))
                .chain(this::checked);
    }

    /** A region's results, oldest year first, each with the one before it; {@code 404} for an unknown code. */
    @WithSession
    public Uni<History> history(String regionCode) {
        return history(regionCode, false);
    }

    /**
     * The same; {@code includeWithdrawn}: withdrawn results too, each with the standing result before it (a
     * withdrawn result is never another's previous).
     */
    @WithSession
    public Uni<History> history(String regionCode, boolean includeWithdrawn) {
        return registry.require(regionCode).chain(region -> evaluations.ofRegion(region.code(), includeWithdrawn).chain(found -> {
            List<WithPrevious> out = new ArrayList<>();
            for (Evaluation e : found) {
                out.add(new WithPrevious(e, lastBefore(out, e)));
            }
            return checked(out).map(all -> new History(region, all));
        }));
    }

    /**
     * The results with the check of each index against its dimensions and the dimension weights of its framework
     * version (a RECORDED result names none: {@value #RECORDED_CHECK_FRAMEWORK} v{@value #RECORDED_CHECK_VERSION}).
     */
    Uni<List<WithPrevious>> checked(List<WithPrevious> results) {
        List<String> keys = results.stream().map(w -> frameworkKey(w.evaluation())).distinct().toList();
        Map<String, Map<String, BigDecimal>> weights = new LinkedHashMap<>();
        Uni<Void> loading = Uni.createFrom().voidItem();
        for (String key : keys) {
            String code = key.substring(0, key.lastIndexOf(" v"));
            int version = Integer.parseInt(key.substring(key.lastIndexOf(" v") + 2));
            loading = loading.chain(() -> frameworkVersions.find(code, version)).invoke(found -> {
                if (found != null && found.content != null) {
                    weights.put(key, dimensionWeights(found.content));
                }
            }).replaceWithVoid();
        }
        return loading.map(x -> results.stream().map(w -> {
            String key = frameworkKey(w.evaluation());
            return new WithPrevious(w.evaluation(), w.previous(), IndexCheck.of(w.evaluation().index,
                    w.evaluation().dimensions == null ? null : w.evaluation().dimensionScores(), weights.get(key), key));
        }).toList());
    }

    /** The latest standing result of {@code entries} before {@code e}'s year. */
    private static Evaluation lastBefore(List<WithPrevious> entries, Evaluation e) {
        Evaluation out = null;
        for (WithPrevious w : entries) {
            if (w.evaluation().withdrawnAt == null && w.evaluation().year < e.year) {
                out = w.evaluation();
            }
        }
        return out;
    }

    static String frameworkKey(Evaluation e) {
        return e.frameworkCode != null && e.frameworkVersion != null ? e.frameworkCode + " v" + e.frameworkVersion
                : RECORDED_CHECK_FRAMEWORK + " v" + RECORDED_CHECK_VERSION;
    }

    static Map<String, BigDecimal> dimensionWeights(FrameworkContent content) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (FrameworkContent.Criterion c : content.criteria()) {
            out.put(c.code(), c.weight());
        }
        return out;
    }

    public record History(RegisteredRegion region, List<WithPrevious> entries) {
    }

    /** What a recording did: {@code created} a new result, or found the same figures already recorded (a replay). */
    public record Recorded(WithPrevious result, boolean created) {
    }

    /**
     * Records a past year's published figures, idempotent by the natural key (region, year): the same figures again
     * are a replay (the stored result, no event, no audit entry); different figures are {@code 409} naming the first
     * differing field ("use a correction"); a COMPUTED (LIVE) result of that year is {@code 409}. A withdrawn result
     * does not hold the key: the same figures as a withdrawn one replay it (an import run again does not bring back
     * what the ministry withdrew), other figures are recorded anew.
     */
    @WithTransaction
    public Uni<Recorded> record(Caller caller, Recording r) {
        List<Source> sources = sourcesOf(r);
        check(r);
        Occurred act = actDate(r, clock);
        ResultLetterNumber given = r.letterNumber() == null ? null
                : LetterNumbers.parse(r.letterNumber(), ResultLetterNumber.EVALUATION_RESULT, r.letterDate(), "letterNumber");
        RecordedFigures asked = new RecordedFigures(r.index(), r.dimensions(), r.pillars(), r.nationalRank(),
                r.provincialRank(), r.letterNumber(), r.letterDate(), act, sources, r.note());
        return registry.current(r.regionCode()).chain(found -> {
            if (found.isEmpty()) {
                throw new RuleViolationException("regionCode", "no region has the code " + r.regionCode());
            }
            RegisteredRegion region = found.get();
            return evaluations.allOf(region.code(), r.year()).chain(existing -> {
                for (Evaluation e : existing) {
                    if (e.withdrawnAt != null) {
                        continue;
                    }
                    if (e.source == Evaluation.Source.COMPUTED) {
                        throw ProblemException.conflict(region.name() + " (" + region.code() + ") already has a LIVE "
                                + "result for " + r.year() + ", computed by the publication of evaluation cycle "
                                + e.cycleId + " (evaluation " + e.id + "); recorded figures do not replace it.");
                    }
                    Optional<String> differs = RecordedFigures.of(e).firstDifference(asked);
                    if (differs.isPresent()) {
                        throw differing(region, r.year(), e, differs.get());
                    }
                    return replayed(e);
                }
                for (Evaluation e : existing) {
                    if (RecordedFigures.of(e).firstDifference(asked).isEmpty()) {
                        return replayed(e);
                    }
                }
                Uni<ResultLetterNumber> number = given == null ? Uni.createFrom().nullItem() : letterNumbers.record(given);
                return number.chain(n -> {
                    Evaluation e = recorded(caller, r, region, n, sources);
                    e.setPublishedOccurred(act);
                    return evaluations.persistAndFlush(e)
                            .chain(() -> evaluations.previous(List.of(e.regionCode), e.year))
                            .chain(previous -> auditTrail.record(caller, "EVALUATION_RECORDED", AUDIT_RESOURCE,
                                    e.regionCode + "/" + e.year, null, audited(e))
                                    .chain(() -> outbox.append(EvaluationEvents.PUBLISHED, e.regionCode,
                                            EvaluationEventMapper.published(e, previous.get(e.regionCode))))
                                    .replaceWith(new WithPrevious(e, previous.get(e.regionCode))))
                            .chain(w -> checked(List.of(w))).map(all -> new Recorded(all.get(0), true));
                });
            });
        });
    }

    private Uni<Recorded> replayed(Evaluation e) {
        return withPrevious(e).map(w -> new Recorded(w, false));
    }

    /** A result with its previous remaining result and its check. */
    Uni<WithPrevious> withPrevious(Evaluation e) {
        return evaluations.previous(List.of(e.regionCode), e.year)
                .map(previous -> new WithPrevious(e, previous.get(e.regionCode)))
                .chain(w -> checked(List.of(w))).map(all -> all.get(0));
    }

    static ProblemException differing(RegisteredRegion region, int year, Evaluation e, String field) {
        String message = "differs from the result recorded for " + region.code() + " " + year + " (evaluation " + e.id
                + ", revision " + e.revisionNumber() + "); use a correction (POST /api/v1/evaluations/" + e.id
                + "/corrections)";
        return new ProblemException(409, "conflict", "Conflict", region.name() + " (" + region.code() + ") " + year
                + " is already recorded with other figures: " + field + " " + message + ".",
                List.of(new Violation(field, message)), Map.of());
    }

    /**
     * The sources of a recording: {@code sources} (required, at least one: {@link Source#check}); the older single
     * source ({@code sourceTitle}, {@code sourceUrl}) alone stands for a list of that one source, and beside
     * {@code sources} must be its first. {@code 400} naming {@code sources} (or {@code sources[i].url},
     * {@code sourceUrl}) otherwise.
     */
    static List<Source> sourcesOf(Recording r) {
        List<Violation> out = new ArrayList<>();
        List<Source> list;
        if (r.sources() != null) {
            list = r.sources();
            out.addAll(Source.check("sources", list));
            if (out.isEmpty() && r.sourceUrl() != null && !r.sourceUrl().strip().equals(list.get(0).url().strip())) {
                out.add(new Violation("sourceUrl", "must be the url of the first of sources when both are given "
                        + "(sourceTitle/sourceUrl are the older form of one source; leave them out)"));
            }
        } else if (r.sourceUrl() != null && !r.sourceUrl().isBlank()) {
            list = List.of(new Source(r.sourceTitle(), r.sourceUrl().strip(), null));
            out.addAll(Source.check("sources", list));
        } else {
            list = List.of();
            out.addAll(Source.check("sources", list));
        }
        if (!out.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", out.get(0).field() + ": "
                    + out.get(0).message(), out, Map.of());
        }
        return list;
    }

    private Evaluation recorded(Caller caller, Recording r, RegisteredRegion region, ResultLetterNumber number,
            List<Source> sources) {
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.year = r.year();
        e.regionCode = region.code();
        e.regionName = region.name();
        e.regionLevel = region.level().name();
        e.provinceCode = region.provinceCode();
        e.provinceName = region.provinceName();
        e.source = Evaluation.Source.RECORDED;
        e.index = r.index();
        e.dimensions = r.dimensions() == null ? null : ordered(r.dimensions(), EvaluationDimension.values());
        e.pillars = r.pillars() == null ? null : ordered(r.pillars(), Pillar.values());
        e.nationalRank = r.nationalRank();
        e.provincialRank = r.provincialRank();
        if (number != null) {
            e.setLetter(number, r.letterDate());
        }
        e.setSources(sources);
        e.note = r.note();
        e.publishedAt = Revisions.now(clock);
        e.publishedBy = caller.username();
        return e;
    }

    /**
     * The date of a recorded result's publication: its letter's date (DAY) when it has one, else the {@code occurred}
     * given, else its year (YEAR; none for a year still to come). A given {@code occurred} must agree with the letter's
     * date; each is checked (not in the future, not before 2017) and refused with a {@code 400} naming it.
     */
    static Occurred actDate(Recording r, Clock clock) {
        Occurred given = r.occurred() == null ? null : r.occurred().checked("occurred", clock);
        if (r.letterDate() != null) {
            Occurred letter = Occurred.onDay(r.letterDate()).checked("letterDate", clock);
            if (given != null && (r.letterDate().isBefore(given.firstDay()) || r.letterDate().isAfter(given.lastDay()))) {
                throw ProblemException.badRequest("occurred", "disagrees with letterDate " + r.letterDate()
                        + ", which is the publication's date; give one of them");
            }
            return letter;
        }
        if (given != null) {
            return given;
        }
        Occurred year = Occurred.inYear(r.year());
        return year.firstDay().isAfter(LocalDate.now(clock.withZone(Occurred.JAKARTA))) ? null : year;
    }

    private static Map<String, BigDecimal> ordered(Map<String, BigDecimal> values, Enum<?>[] keys) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Enum<?> k : keys) {
            out.put(k.name(), values.get(k.name()));
        }
        return out;
    }

    /** Every figure on the published 0–5 scale with at most 2 decimals; all five dimensions or none, all six pillars or none. */
    static void check(Recording r) {
        List<Violation> out = new ArrayList<>();
        figure(out, "index", r.index());
        if (r.dimensions() != null) {
            keys(out, "dimensions", r.dimensions(), EvaluationDimension.values());
        }
        if (r.pillars() != null) {
            keys(out, "pillars", r.pillars(), Pillar.values());
        }
        if (r.letterNumber() != null && r.letterDate() == null) {
            out.add(new Violation("letterDate", "is required with letterNumber"));
        }
        if (r.letterNumber() == null && r.letterDate() != null) {
            out.add(new Violation("letterNumber", "is required with letterDate"));
        }
        if (!out.isEmpty()) {
            throw new RuleViolationException(out);
        }
    }

    private static void keys(List<Violation> out, String field, Map<String, BigDecimal> values, Enum<?>[] keys) {
        for (String k : values.keySet()) {
            if (java.util.Arrays.stream(keys).noneMatch(e -> e.name().equals(k))) {
                out.add(new Violation(field + "." + k, "is not one of " + java.util.Arrays.toString(keys)));
            }
        }
        for (Enum<?> k : keys) {
            if (!values.containsKey(k.name())) {
                out.add(new Violation(field + "." + k.name(), "is required"));
            } else {
                figure(out, field + "." + k.name(), values.get(k.name()));
            }
        }
    }

    private static void figure(List<Violation> out, String field, BigDecimal value) {
        if (value == null) {
            out.add(new Violation(field, "is required"));
        } else if (value.signum() < 0 || value.compareTo(SCALE_MAX) > 0) {
            out.add(new Violation(field, "must lie on the published scale 0–5; " + value.toPlainString() + " is outside it"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            out.add(new Violation(field, "has at most 2 decimals (the published figures)"));
        }
    }

    private static Map<String, Object> audited(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", e.year);
        m.put("regionCode", e.regionCode);
        m.put("index", e.index);
        m.put("dimensions", e.dimensions);
        if (e.pillars != null) {
            m.put("pillars", e.pillars);
        }
        if (e.letterNumber != null) {
            m.put("letterNumber", e.letterNumber);
        }
        m.put("sources", e.sourceList());
        if (e.publishedOccurred() != null) {
            m.put("occurred", e.publishedOccurred());
        }
        return m;
    }
}
