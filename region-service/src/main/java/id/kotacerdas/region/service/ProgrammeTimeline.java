package id.kotacerdas.region.service;

import id.kotacerdas.platform.security.Visibility;
import java.util.EnumMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.PoisonEventException;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.region.domain.FactRevisions;
import id.kotacerdas.region.domain.ProgrammeProjection;
import id.kotacerdas.region.domain.RegionProgramme;
import id.kotacerdas.region.domain.StageDerivation;
import id.kotacerdas.region.domain.TimelineEntry;
import id.kotacerdas.region.repository.ProgrammeBuildRepository;
import id.kotacerdas.region.repository.ProgrammeRepository;
import id.kotacerdas.region.repository.RegionCodeChangeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Writes what the consumers read into the regions' timelines, the dossier's projections and the derived stages.
 * Runs inside the inbox's transaction (one per event): the regions an event touches are locked in code order, their
 * entries upserted, the projection merged, and each region's stage derived again from all of its entries — so the
 * stage depends on the set of facts, never on which event came last.
 * <p>
 * Region codes replaced in the 2022 Papua recoding (events of older cohorts may carry them) are stored under the
 * current code; the code the event used stays in the entry's facts ({@code eventRegionCode}).
 */
@ApplicationScoped
public class ProgrammeTimeline {

    @Inject
    ProgrammeRepository repository;

    @Inject
    RegionCodeChangeRepository codeChanges;

    @Inject
    ProgrammeBuildRepository builds;

    private static final Logger LOG = Logger.getLogger(ProgrammeTimeline.class);

    /** A change of one projection, given the resolver of replaced region codes. */
    public interface Projection extends Function<Function<String, String>, Uni<Void>> {
        Projection NONE = resolve -> Uni.createFrom().voidItem();
    }

    /**
     * Records the entries an event gives and applies its projection change. While the event's topic is being rebuilt
     * ({@link #beginRebuild}) they go into the rebuild tables beside the live ones, and no stage is derived: the
     * swap derives the stages once the replay has caught up ({@link #swap}).
     */
    public Uni<Void> record(IncomingEvent<?> event, List<EntryDraft> drafts, Projection projection,
            String projectionRegion) {
        return record(event, drafts, projection, projectionRegion, null);
    }

    /**
     * As {@link #record(IncomingEvent, List, Projection, String)}, for a {@code …Corrected} event: the entries of
     * {@code replaced} whose key none of the drafts has any more (a region the corrected letter no longer lists, a
     * cohort member moved to another track) are removed, and their regions' stages derived again.
     */
    public Uni<Void> record(IncomingEvent<?> event, List<EntryDraft> drafts, Projection projection,
            String projectionRegion, EntryTarget replaced) {
        return builds.building(event.topic()).flatMap(building -> building
                ? builds.writeIntoRebuild().chain(() -> apply(event, drafts, projection, projectionRegion, replaced, false))
                : apply(event, drafts, projection, projectionRegion, replaced, true));
    }

    private Uni<Void> apply(IncomingEvent<?> event, List<EntryDraft> drafts, Projection projection,
            String projectionRegion, EntryTarget replaced, boolean deriveStages) {
        TreeSet<String> named = new TreeSet<>();
        drafts.forEach(d -> named.add(d.regionCode()));
        if (projectionRegion != null) {
            named.add(projectionRegion);
        }
        Uni<List<TimelineEntry>> stale = replaced == null ? Uni.createFrom().item(List.<TimelineEntry>of())
                : repository.entries(replaced);
        return stale.flatMap(staleEntries -> resolve(named).flatMap(current -> {
            TreeSet<String> regions = new TreeSet<>(current.values());
            java.util.Set<String> kept = new java.util.HashSet<>();
            drafts.forEach(d -> kept.add(TimelineEntry.key(current.get(d.regionCode()), d.factKey())));
            List<TimelineEntry> dropped = staleEntries.stream().filter(e -> !kept.contains(e.entryKey)).toList();
            dropped.forEach(e -> regions.add(e.regionCode));
            Uni<Void> chain = Uni.createFrom().voidItem();
            // the locks serialise the derivation of the live stages; the rebuild tables have one writer (the replay)
            for (String region : deriveStages ? regions : new TreeSet<String>()) {
                chain = chain.chain(() -> repository.lockRegion(region));
            }
            for (TimelineEntry gone : dropped) {
                chain = chain.chain(() -> repository.remove(gone));
            }
            for (EntryDraft draft : drafts) {
                chain = chain.chain(() -> upsert(event, draft, current.get(draft.regionCode())));
            }
            chain = chain.chain(() -> projection.apply(code -> current.getOrDefault(code, code)))
                    .chain(repository::flush);
            if (deriveStages) {
                for (String region : regions) {
                    chain = chain.chain(() -> derive(region));
                }
            }
            return chain;
        }));
    }

    /**
     * Marks the entries {@code target} finds as withdrawn or cancelled ({@link FactRevisions#mark}: the first mark
     * stays, a repeated one changes nothing) and applies the projection change; the stages of the regions concerned
     * are derived again without them. No entry found (the fact never reached this topic's timeline): nothing to mark.
     */
    public Uni<Void> mark(IncomingEvent<?> event, EntryTarget target, FactRevisions.Mark mark, Map<String, Object> value,
            Function<List<TimelineEntry>, Projection> projection) {
        return builds.building(event.topic()).flatMap(building -> building
                ? builds.writeIntoRebuild().chain(() -> applyMark(event, target, mark, value, projection, false))
                : applyMark(event, target, mark, value, projection, true));
    }

    /**
     * Marks the entries of a cancelled cycle ({@code cycleId}; of one region, or of every region when
     * {@code regionCode} is null) and keeps the cancellation, so that entries of the cycle applied later (events keyed
     * by region, on other partitions; a replay) are marked as they are stored.
     */
    public Uni<Void> cancel(IncomingEvent<?> event, String cycleId, String regionCode, Map<String, Object> value,
            Function<List<TimelineEntry>, Projection> projection) {
        EntryTarget target = EntryTarget.byFacts(event.topic(), regionCode, Map.of("cycleId", cycleId));
        return builds.building(event.topic()).flatMap(building -> (building ? builds.writeIntoRebuild()
                : Uni.createFrom().voidItem())
                .chain(() -> resolve(regionCode == null ? List.of() : List.of(regionCode)))
                .chain(current -> repository.keepCancellation(event.topic(), cycleId,
                        regionCode == null ? null : current.get(regionCode), writeMap(value)))
                .chain(() -> applyMark(event, target, FactRevisions.Mark.CANCELLED, value, projection, !building)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            // the reactive client may bind the text parameter as a JSON string: the object is inside it
            return JSON.readValue(node.isTextual() ? node.asText() : json, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String writeMap(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<Void> applyMark(IncomingEvent<?> event, EntryTarget target, FactRevisions.Mark mark,
            Map<String, Object> value, Function<List<TimelineEntry>, Projection> projection, boolean deriveStages) {
        TreeSet<String> named = new TreeSet<>();
        if (target.regionCode() != null) {
            named.add(target.regionCode());
        }
        return resolve(named).flatMap(current -> {
            EntryTarget resolved = target.regionCode() == null ? target : target.inRegion(current.get(target.regionCode()));
            return repository.entries(resolved).flatMap(found -> {
                TreeSet<String> regions = new TreeSet<>();
                found.forEach(e -> regions.add(e.regionCode));
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (String region : deriveStages ? regions : new TreeSet<String>()) {
                    chain = chain.chain(() -> repository.lockRegion(region));
                }
                boolean[] changed = new boolean[1];
                chain = chain.invoke(() -> found.forEach(e -> changed[0] |= FactRevisions.mark(e, mark, value)));
                chain = chain.chain(() -> projection.apply(found).apply(code -> current.getOrDefault(code, code)))
                        .chain(repository::flush);
                if (deriveStages) {
                    for (String region : regions) {
                        chain = chain.chain(() -> derive(region));
                    }
                }
                return chain;
            });
        });
    }

    /**
     * For a rebuild of the consumer of {@code topic} (its {@code clearDerivedState}, in the rebuild's transaction):
     * starts building beside the live projection. The live tables keep the topic's entries, its {@code projection}
     * and the stages, and readers read them, until {@link #swap}; the replay writes into the rebuild tables.
     */
    public Uni<Void> beginRebuild(String topic, String channel, Class<?> projection) {
        LOG.infof("Rebuild of %s: building beside the live timeline; readers keep the live one until the swap", topic);
        return builds.begin(topic, channel, table(projection));
    }

    /**
     * When the replay of {@code topic} has caught up (its consumer's {@code replayCaughtUp}): in one transaction,
     * replaces the topic's live entries and {@code projection} by the rebuilt ones and derives the stages of every
     * region concerned again, so readers move from the old timeline to the new one at once. Waits for an event of the
     * topic being applied (and makes the next one wait), and locks the regions concerned in code order as every
     * consumer does. Nothing happens if the topic is not being rebuilt (a second caught-up notice).
     */
    public Uni<Void> swap(String topic, Class<?> projection) {
        long[] started = new long[1];
        return builds.lockForSwap(topic).flatMap(state -> {
            if (!"BUILDING".equals(state)) {
                return Uni.createFrom().voidItem();
            }
            started[0] = System.nanoTime();
            return builds.regionsOfEither(topic).flatMap(regions -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (String region : regions) {
                    chain = chain.chain(() -> repository.lockRegion(region));
                }
                chain = chain.chain(() -> builds.moveRebuilt(topic, table(projection)));
                for (String region : regions) {
                    chain = chain.chain(() -> derive(region));
                }
                return chain.chain(repository::flush).chain(() -> {
                    long ms = (System.nanoTime() - started[0]) / 1_000_000;
                    LOG.infof("Rebuild of %s: swapped in; %d region(s) derived again in a transaction of %d ms",
                            topic, regions.size(), ms);
                    return builds.swapped(topic, ms);
                });
            });
        });
    }

    private static String table(Class<?> projection) {
        return projection == null ? null : projection.getAnnotation(jakarta.persistence.Table.class).name();
    }

    /**
     * The date the producer's write gave the act ({@code data.occurred}, platform {@link Occurred}), or {@code null}
     * when the act happened when it was recorded. A malformed one is poison: no retry can mend a payload.
     */
    static Occurred givenDate(IncomingEvent<?> event) {
        if (!(event.data() instanceof JsonNode data) || !(data.get("occurred") instanceof ObjectNode node)) {
            return null;
        }
        JsonNode date = node.get("date");
        JsonNode precision = node.get("precision");
        try {
            return new Occurred(date == null ? null : date.asText(null),
                    precision == null || precision.isNull() ? null : Occurred.Precision.valueOf(precision.asText()))
                    .normalized();
        } catch (RuntimeException e) {
            throw new PoisonEventException("data.occurred is not a date with its precision: " + node);
        }
    }

    private Uni<Map<String, String>> resolve(Collection<String> codes) {
        Map<String, String> current = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String code : codes) {
            chain = chain.chain(() -> codeChanges.findById(code).invoke(change -> current.put(code,
                    change == null ? code : change.newCode)).replaceWithVoid());
        }
        return chain.replaceWith(current);
    }

    private Uni<Void> upsert(IncomingEvent<?> event, EntryDraft draft, String region) {
        TimelineEntry entry = new TimelineEntry();
        entry.regionCode = region;
        entry.factKey = draft.factKey();
        entry.entryKey = TimelineEntry.key(region, draft.factKey());
        entry.kind = draft.kind();
        entry.kindOrder = draft.kind().order();
        entry.occurredOn = draft.occurredOn();
        entry.occurredAt = draft.occurredAt() == null ? null : draft.occurredAt().withOffsetSameInstant(ZoneOffset.UTC);
        entry.datePrecision = draft.precision();
        entry.programmeYear = draft.programmeYear();
        entry.summary = draft.summary();
        Map<String, Object> facts = new LinkedHashMap<>(draft.facts());
        Occurred given = givenDate(event);
        if (given != null) {
            // recorded after the fact: the act's own date (with its precision) dates the entry; the recording stays a fact
            facts.put("recordedAt", draft.occurredAt() != null ? draft.occurredAt() : event.time());
            entry.occurredOn = given.firstDay();
            entry.occurredAt = null;
            entry.datePrecision = TimelineEntry.DatePrecision.valueOf(given.precision().name());
        }
        if (!region.equals(draft.regionCode())) {
            facts.put("eventRegionCode", draft.regionCode());
        }
        entry.facts = facts;
        entry.sourceKind = TimelineEntry.SourceKind.EVENT;
        entry.sourceTopic = event.topic();
        entry.sourceType = event.type();
        entry.sourceEventId = event.id();
        entry.sourceTime = event.time() == null ? null : event.time().withOffsetSameInstant(ZoneOffset.UTC);
        entry.sourcePartition = event.partition() < 0 ? null : event.partition();
        entry.sourceOffset = event.offset() < 0 ? null : event.offset();
        entry.visibility = event.visibility();
        Statement statement = statement(event);
        entry.origin = statement.origin();
        entry.sources = statement.sources();
        entry.revision = statement.revision();
        entry.corrected = statement.correction();
        boolean correction = statement.correction() != null;
        Uni<TimelineEntry> found = repository.entry(entry.entryKey).flatMap(byKey -> byKey != null || draft.identityValue() == null
                ? Uni.createFrom().item(byKey)
                // keyed by its event: the entry of the same fact (same region, topic, kind and identity) it corrects
                : repository.entries(EntryTarget.byFacts(event.topic(), region, Map.of(draft.identity(), draft.identityValue()),
                        draft.kind())).map(list -> list.isEmpty() ? null
                                : correction || list.get(0).revision > entry.revision ? list.get(0) : null));
        return found.flatMap(existing -> {
            switch (FactRevisions.decide(existing, entry.revision, correction, existing != null && entry.supersedes(existing))) {
                case INSERT -> {
                    // a cycle cancelled before this entry of it arrived (another partition): marked as it is stored
                    Object cycle = entry.facts.get("cycleId");
                    return (cycle == null ? Uni.createFrom().item((String) null)
                            : repository.cancellation(event.topic(), cycle.toString(), region)).flatMap(cancelled -> {
                                if (cancelled != null) {
                                    entry.cancelled = readMap(cancelled);
                                }
                                return repository.persist(entry);
                            });
                }
                case REPLACE -> copy(entry, existing);
                case KEEP -> {
                }
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** How an event states its fact: its origin and sources, and the revision and correction it makes. */
    record Statement(String origin, Map<String, Object> sources, int revision, Map<String, Object> correction) {
    }

    @SuppressWarnings("unchecked")
    static Statement statement(IncomingEvent<?> event) {
        if (!(event.data() instanceof JsonNode data)) {
            return new Statement("LIVE", null, 1, null);
        }
        String origin = "RECORDED".equals(data.path("origin").asText(null)) ? "RECORDED" : "LIVE";
        Map<String, Object> sources = data.get("sources") instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                ? new LinkedHashMap<>(Map.of("items", JSON.convertValue(a, List.class))) : null;
        Map<String, Object> correction = data.get("correction") instanceof ObjectNode c
                ? JSON.convertValue(c, LinkedHashMap.class) : null;
        int revision = 1;
        if (correction != null) {
            JsonNode r = data.get("correction").get("revision");
            if (r == null || !r.canConvertToInt() || r.asInt() < 2) {
                throw new PoisonEventException("data.correction.revision is missing or not an integer of at least 2");
            }
            revision = r.asInt();
        }
        return new Statement(origin, sources, revision, correction);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static void copy(TimelineEntry from, TimelineEntry to) {
        to.kind = from.kind;
        to.kindOrder = from.kindOrder;
        to.occurredOn = from.occurredOn;
        to.occurredAt = from.occurredAt;
        to.datePrecision = from.datePrecision;
        to.programmeYear = from.programmeYear;
        to.summary = from.summary;
        to.facts = from.facts;
        to.sourceKind = from.sourceKind;
        to.sourceTopic = from.sourceTopic;
        to.sourceType = from.sourceType;
        to.sourceEventId = from.sourceEventId;
        to.sourceTime = from.sourceTime;
        to.sourcePartition = from.sourcePartition;
        to.sourceOffset = from.sourceOffset;
        to.visibility = from.visibility;
        to.origin = from.origin;
        to.sources = from.sources;
        to.revision = from.revision;
        if (from.corrected != null) {
            to.corrected = from.corrected;
        }
        // the entry's key and its withdrawal or cancellation stay
    }

    /**
     * Derives the region's stage and programme years again from all of its entries, once for each audience from the
     * entries that audience may see ({@link Visibility.Audience}): a stage never reveals a fact its reader may not see.
     */
    Uni<Void> derive(String region) {
        return repository.flush().chain(() -> repository.timeline(region)).flatMap(entries -> {
            Map<Visibility.Audience, StageDerivation.Result> results = new EnumMap<>(Visibility.Audience.class);
            for (Visibility.Audience audience : Visibility.Audience.values()) {
                results.put(audience, StageDerivation.derive(entries.stream()
                        .filter(TimelineEntry::counts).filter(e -> audience.sees(e.visibility)).map(TimelineEntry::toFact).toList()));
            }
            StageDerivation.Result result = results.get(Visibility.Audience.STAFF);
            StageDerivation.Result integrators = results.get(Visibility.Audience.INTEGRATORS);
            StageDerivation.Result everyone = results.get(Visibility.Audience.PUBLIC);
            return repository.programme(region).flatMap(existing -> {
                RegionProgramme programme = existing != null ? existing : new RegionProgramme();
                boolean changed = existing == null || existing.stage != result.stage()
                        || !java.util.Objects.equals(existing.stageYear, result.stageYear())
                        || existing.integratorStage != integrators.stage() || existing.publicStage != everyone.stage();
                programme.regionCode = region;
                programme.stage = result.stage();
                programme.stageYear = result.stageYear();
                programme.integratorStage = integrators.stage();
                programme.integratorStageYear = integrators.stageYear();
                programme.publicStage = everyone.stage();
                programme.publicStageYear = everyone.stageYear();
                if (changed) {
                    programme.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                }
                // each year with the widest audience that sees it (public 0, integrators 1, staff 2)
                Map<Integer, Integer> years = new java.util.TreeMap<>();
                for (Visibility.Audience audience : Visibility.Audience.values()) {
                    for (Integer year : results.get(audience).programmeYears()) {
                        years.merge(year, RegionProgramme.rank(audience), Math::min);
                    }
                }
                Uni<Void> saved = existing == null ? repository.persist(programme) : Uni.createFrom().voidItem();
                return saved.chain(() -> repository.programmeYearRanks(region)).flatMap(stored -> {
                    if (stored.equals(years)) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> chain = repository.deleteProgrammeYears(region).replaceWithVoid().chain(repository::flush);
                    for (Map.Entry<Integer, Integer> year : years.entrySet()) {
                        chain = chain.chain(() -> repository.persist(new RegionProgramme.Year(region, year.getKey(), year.getValue())));
                    }
                    return chain;
                });
            });
        });
    }

    /**
     * Makes one entry of the region (its fact key) as visible as {@code visibility} when it is less so: the owner
     * published the fact later (a score once the selection is confirmed). A missing entry is left missing.
     */
    public Projection publish(String regionCode, String factKey, Visibility visibility) {
        return resolve -> repository.entry(TimelineEntry.key(resolve.apply(regionCode), factKey)).invoke(entry -> {
            if (entry != null && entry.visibility != null && entry.visibility.ordinal() > visibility.ordinal()) {
                entry.visibility = visibility;
            }
        }).replaceWithVoid();
    }

    // ---- projections ----------------------------------------------------------------------------------------

    /** Merges an agreement event into the MoU's projection; {@code state} null keeps the state. */
    public Projection mou(IncomingEvent<?> event, UUID mouId, String regionCode, Integer programmeYear, String state,
            Map<String, Object> details) {
        return resolve -> repository.mou(mouId).flatMap(existing -> {
            ProgrammeProjection.Mou mou = existing != null ? existing : new ProgrammeProjection.Mou();
            boolean newer = existing == null || !event.time().isBefore(existing.lastEventTime);
            mou.mouId = mouId;
            mou.regionCode = resolve.apply(regionCode);
            if (programmeYear != null && (newer || mou.programmeYear == null)) {
                mou.programmeYear = programmeYear;
            }
            if (state != null && (newer || mou.state == null)) {
                mou.state = state;
            }
            if (mou.state == null) {
                mou.state = "DRAFT";
            }
            mou.details = merge(mou.details, details, newer);
            stamp(event, newer, existing == null, () -> {
                mou.lastEventTime = event.time();
                mou.lastEventId = event.id();
            });
            return existing == null ? repository.persist(mou) : Uni.createFrom().voidItem();
        });
    }

    /** Merges a masterplan event into the masterplan's projection; {@code state} null keeps the state. */
    public Projection masterplan(IncomingEvent<?> event, UUID masterplanId, String regionCode, Integer programmeYear,
            String state, Function<Map<String, Object>, Map<String, Object>> details) {
        return resolve -> repository.masterplan(masterplanId).flatMap(existing -> {
            ProgrammeProjection.Masterplan plan = existing != null ? existing : new ProgrammeProjection.Masterplan();
            boolean newer = existing == null || !event.time().isBefore(existing.lastEventTime);
            plan.masterplanId = masterplanId;
            plan.regionCode = resolve.apply(regionCode);
            if (programmeYear != null && (newer || plan.programmeYear == null)) {
                plan.programmeYear = programmeYear;
            }
            if (state != null && (newer || plan.state == null)) {
                plan.state = state;
            }
            if (plan.state == null) {
                plan.state = "OPENED";
            }
            plan.details = merge(plan.details, details.apply(plan.details == null ? Map.of() : plan.details), newer);
            stamp(event, newer, existing == null, () -> {
                plan.lastEventTime = event.time();
                plan.lastEventId = event.id();
            });
            return existing == null ? repository.persist(plan) : Uni.createFrom().voidItem();
        });
    }

    /**
     * Keeps the evaluation as published; a later publication or correction of the same evaluation replaces its
     * figures. A withdrawal or a cancellation it already has stays; and an evaluation of a cycle whose cancellation
     * arrived first (another partition: the cancellation is keyed by the cycle, the publication by the region) is
     * marked cancelled as it is stored, as its timeline entry is, so the dossier does not depend on arrival order.
     */
    public Projection evaluation(IncomingEvent<?> event, UUID evaluationId, String regionCode, int year,
            Map<String, Object> details) {
        return resolve -> repository.evaluation(evaluationId).flatMap(existing -> {
            if (existing != null && event.time().isBefore(existing.lastEventTime)) {
                return Uni.createFrom().voidItem();
            }
            String region = resolve.apply(regionCode);
            Object cycle = details.get("cycleId");
            Uni<String> cancelled = cycle == null ? Uni.createFrom().item((String) null)
                    : repository.cancellation(event.topic(), cycle.toString(), region);
            return cancelled.flatMap(cancellation -> {
                ProgrammeProjection.Evaluation evaluation = existing != null ? existing : new ProgrammeProjection.Evaluation();
                Map<String, Object> kept = new LinkedHashMap<>(details);
                for (String mark : List.of("withdrawn", "cancelled")) {
                    if (existing != null && existing.details != null && existing.details.get(mark) != null) {
                        kept.put(mark, existing.details.get(mark));
                    }
                }
                if (cancellation != null && kept.get("cancelled") == null) {
                    kept.put("cancelled", readMap(cancellation));
                }
                evaluation.evaluationId = evaluationId;
                evaluation.regionCode = region;
                evaluation.evaluationYear = year;
                evaluation.details = kept;
                evaluation.lastEventTime = event.time();
                evaluation.lastEventId = event.id();
                return existing == null ? repository.persist(evaluation) : Uni.createFrom().voidItem();
            });
        });
    }

    /** No projection change for a mark. */
    public static Function<List<TimelineEntry>, Projection> noProjection() {
        return found -> Projection.NONE;
    }

    /**
     * Marks the dossier projections of the marked entries (by the id fact {@code idFact} they keep: {@code mouId},
     * {@code evaluationId}) as {@code details.<key>} (withdrawn, cancelled): the dossier leaves them out. The first
     * mark stays.
     */
    public Function<List<TimelineEntry>, Projection> markProjections(String idFact, String key, Map<String, Object> value) {
        return found -> resolve -> {
            java.util.Set<UUID> ids = new java.util.TreeSet<>();
            found.forEach(e -> {
                Object id = e.facts == null ? null : e.facts.get(idFact);
                if (id != null) {
                    ids.add(UUID.fromString(id.toString()));
                }
            });
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID id : ids) {
                chain = chain.chain(() -> ("mouId".equals(idFact) ? repository.mou(id).map(m -> m == null ? null : (Object) m)
                        : repository.evaluation(id).map(m -> m == null ? null : (Object) m)).invoke(p -> {
                            if (p instanceof ProgrammeProjection.Mou m && (m.details == null || !m.details.containsKey(key))) {
                                m.details = withKey(m.details, key, value);
                            } else if (p instanceof ProgrammeProjection.Evaluation ev
                                    && (ev.details == null || !ev.details.containsKey(key))) {
                                ev.details = withKey(ev.details, key, value);
                            }
                        }).replaceWithVoid());
            }
            return chain;
        };
    }

    private static Map<String, Object> withKey(Map<String, Object> details, String key, Object value) {
        Map<String, Object> copy = details == null ? new LinkedHashMap<>() : new LinkedHashMap<>(details);
        copy.put(key, value);
        return copy;
    }

    private static void stamp(IncomingEvent<?> event, boolean newer, boolean created, Runnable stamp) {
        if (newer || created) {
            stamp.run();
        }
    }

    /** A later event's fields replace the earlier ones; an older one (arriving late) only fills what is missing. */
    private static Map<String, Object> merge(Map<String, Object> before, Map<String, Object> fields, boolean newer) {
        Map<String, Object> merged = before == null ? new LinkedHashMap<>() : new LinkedHashMap<>(before);
        fields.forEach((k, v) -> {
            if (newer) {
                merged.put(k, v);
            } else {
                merged.putIfAbsent(k, v);
            }
        });
        return merged;
    }

    /** An empty draft list, for events that give no timeline entry. */
    public static List<EntryDraft> none() {
        return new ArrayList<>();
    }
}
