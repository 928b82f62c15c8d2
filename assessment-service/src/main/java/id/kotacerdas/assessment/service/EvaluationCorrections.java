package id.kotacerdas.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.assessment.domain.Evaluation;
import id.kotacerdas.assessment.domain.EvaluationChanges;
import id.kotacerdas.assessment.domain.EvaluationDimension;
import id.kotacerdas.assessment.domain.Pillar;
import id.kotacerdas.assessment.domain.RecordedFigures;
import id.kotacerdas.assessment.domain.ResultLetterNumber;
import id.kotacerdas.assessment.messaging.EvaluationEventMapper;
import id.kotacerdas.assessment.messaging.EvaluationEvents;
import id.kotacerdas.assessment.repository.EvaluationRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.record.Withdrawal;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Corrections and withdrawals of RECORDED evaluation results, in the open (issue 18 item 3): under {@code If-Match}
 * (428 without, 412 stale), with a reason and sources, each a new revision whose earlier value stays readable
 * ({@code evaluation_revision}), audited, and published as {@code EvaluationCorrected} / {@code EvaluationWithdrawn}.
 * A LIVE result (computed by a cycle's publication) and a withdrawn one are {@code 409}. A refused write changes
 * nothing. The table, the distribution and the histories read the results as they now stand; a withdrawn one leaves
 * them, and the next year's delta is read against the region's previous remaining result.
 */
@ApplicationScoped
public class EvaluationCorrections {

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationResults results;

    @Inject
    LetterNumbers letterNumbers;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** An earlier value of a result. */
    public record Revision(int revision, String at, String by, String reason, List<Source> sources, JsonNode value) {
    }

    @WithTransaction
    public Uni<EvaluationResults.WithPrevious> correct(Caller caller, UUID id, Long expectedRevision, String reason,
            List<Source> sources, EvaluationChanges changes) {
        List<Violation> bad = new ArrayList<>(new Withdrawal(reason, sources).check(true));
        if (changes == null || changes.fields().isEmpty()) {
            bad.add(new Violation("changes", "is required: name at least one field to change"));
        }
        refuse(bad);
        return require(id).chain(e -> {
            Revisions.require(expectedRevision, e.revision, "evaluation result");
            e.requireCorrectable("corrected");
            RecordedFigures before = RecordedFigures.of(e);
            String letterNumber = changes.has("letterNumber") ? changes.letterNumber() : e.letterNumber;
            java.time.LocalDate letterDate = changes.has("letterDate") ? changes.letterDate() : e.letterDate;
            Occurred occurred = changes.has("occurred") ? changes.occurred()
                    : letterDate != null ? null : e.publishedOccurred();
            EvaluationResults.Recording merged = new EvaluationResults.Recording(e.year, e.regionCode,
                    changes.has("index") ? changes.index() : e.index,
                    changes.has("dimensions") ? changes.dimensions() : e.dimensions,
                    changes.has("pillars") ? changes.pillars() : e.pillars,
                    changes.has("nationalRank") ? changes.nationalRank() : e.nationalRank,
                    changes.has("provincialRank") ? changes.provincialRank() : e.provincialRank,
                    letterNumber, letterDate, null, null,
                    changes.has("sources") ? changes.sources() : e.sourceList(),
                    changes.has("note") ? changes.note() : e.note, occurred);
            List<Source> factSources = EvaluationResults.sourcesOf(merged);
            EvaluationResults.check(merged);
            Occurred act = EvaluationResults.actDate(merged, clock);
            RecordedFigures after = new RecordedFigures(merged.index(), merged.dimensions(), merged.pillars(),
                    merged.nationalRank(), merged.provincialRank(), letterNumber, letterDate, act, factSources,
                    merged.note());
            List<String> changed = before.differences(after);
            if (changed.isEmpty()) {
                throw ProblemException.badRequest("changes", "changes nothing: every field given already has that value");
            }
            Map<String, Object> was = before.values(changed);
            Uni<ResultLetterNumber> number = letterNumber == null || !changed.contains("letterNumber")
                    ? Uni.createFrom().nullItem()
                    : letterNumbers.record(LetterNumbers.parse(letterNumber, ResultLetterNumber.EVALUATION_RESULT,
                            letterDate, "changes.letterNumber"));
            if (letterNumber != null && !changed.contains("letterNumber") && changed.contains("letterDate")) {
                LetterNumbers.parse(letterNumber, ResultLetterNumber.EVALUATION_RESULT, letterDate, "changes.letterDate");
            }
            return number.chain(n -> keep(e).chain(() -> {
                e.index = merged.index();
                e.dimensions = merged.dimensions() == null ? null : ordered(merged.dimensions(), EvaluationDimension.values());
                e.pillars = merged.pillars() == null ? null : ordered(merged.pillars(), Pillar.values());
                e.nationalRank = merged.nationalRank();
                e.provincialRank = merged.provincialRank();
                if (letterNumber == null) {
                    e.letterNumber = null;
                    e.letterYear = null;
                    e.letterSeq = null;
                    e.letterDate = null;
                } else if (n != null) {
                    e.setLetter(n, letterDate);
                } else {
                    e.letterDate = letterDate;
                }
                e.setSources(factSources);
                e.note = merged.note();
                e.setPublishedOccurred(act);
                e.corrected(reason, sources, caller.username(), Revisions.now(clock));
                Map<String, Object> now = after.values(changed);
                now.put("revision", e.revision);
                now.put("reason", reason);
                Map<String, Object> earlier = new LinkedHashMap<>(was);
                earlier.put("revision", e.revision - 1);
                return evaluations.flush()
                        .chain(() -> auditTrail.record(caller, "EVALUATION_CORRECTED", EvaluationResults.AUDIT_RESOURCE,
                                e.regionCode + "/" + e.year, earlier, now))
                        .chain(() -> evaluations.previous(List.of(e.regionCode), e.year))
                        .chain(previous -> outbox.append(EvaluationEvents.CORRECTED, e.regionCode,
                                EvaluationEventMapper.corrected(e, previous.get(e.regionCode), changed, was)))
                        .chain(() -> results.withPrevious(e));
            }));
        });
    }

    @WithTransaction
    public Uni<EvaluationResults.WithPrevious> withdraw(Caller caller, UUID id, Long expectedRevision, Withdrawal body) {
        refuse(body == null ? List.of(new Violation("reason", "is required")) : body.check(true));
        return require(id).chain(e -> {
            Revisions.require(expectedRevision, e.revision, "evaluation result");
            e.requireCorrectable("withdrawn");
            return keep(e).chain(() -> {
                e.withdraw(body.reason(), body.sources(), caller.username(), Revisions.now(clock));
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("revision", e.revision);
                after.put("withdrawn", true);
                after.put("reason", body.reason());
                after.put("sources", body.sources());
                return evaluations.flush()
                        .chain(() -> auditTrail.record(caller, "EVALUATION_WITHDRAWN", EvaluationResults.AUDIT_RESOURCE,
                                e.regionCode + "/" + e.year, Map.of("revision", e.revision - 1, "withdrawn", false), after))
                        .chain(() -> outbox.append(EvaluationEvents.WITHDRAWN, e.regionCode,
                                EvaluationEventMapper.withdrawn(e)))
                        .chain(() -> results.withPrevious(e));
            });
        });
    }

    /** Every earlier value of the result, oldest first; {@code 404} for an unknown id. */
    @WithSession
    public Uni<List<Revision>> revisions(UUID id) {
        return require(id).chain(e -> Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT CAST(json_build_object('revision', revision, 'at', made_at, 'by', made_by, 'reason', reason,
                    'sources', COALESCE(sources -> 'items', '[]'::jsonb), 'value', value) AS TEXT)
                FROM evaluation_revision WHERE evaluation_id = :id ORDER BY revision""", String.class)
                .setParameter("id", id).getResultList()))
                .map(rows -> rows.stream().map(this::revision).toList());
    }

    private Revision revision(String row) {
        try {
            JsonNode n = json.readTree(row);
            List<Source> sources = new ArrayList<>();
            n.get("sources").forEach(s -> sources.add(json.convertValue(s, Source.class)));
            return new Revision(n.get("revision").asInt(), n.get("at").asText(), n.get("by").asText(),
                    n.get("reason").isNull() ? null : n.get("reason").asText(), sources, n.get("value"));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Uni<Evaluation> require(UUID id) {
        return evaluations.findById(id).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("No evaluation result has the id " + id + ".");
            }
            return found;
        });
    }

    /** Keeps the result's current value as an earlier revision, before it changes. */
    private Uni<Void> keep(Evaluation e) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("revision", e.revision);
        value.put("year", e.year);
        value.put("regionCode", e.regionCode);
        value.put("origin", e.origin());
        value.putAll(RecordedFigures.of(e).values(RecordedFigures.FIELDS));
        String text;
        String sources;
        try {
            text = json.writeValueAsString(value);
            List<Source> made = e.revisionSources != null ? e.revisionSources.items() : e.sourceList();
            sources = json.writeValueAsString(Map.of("items", made));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        // the client binds a String as a JSON string: #>> '{}' takes its text, which is then read as JSON
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO evaluation_revision (evaluation_id, revision, made_at, made_by, reason, sources, value)
                VALUES (:id, :revision, :at, :by, :reason, CAST(CAST(:sources AS JSONB) #>> '{}' AS JSONB),
                    CAST(CAST(:value AS JSONB) #>> '{}' AS JSONB))""")
                .setParameter("id", e.id).setParameter("revision", e.revision)
                .setParameter("at", e.revisedAt != null ? e.revisedAt : e.publishedAt)
                .setParameter("by", e.revisedBy != null ? e.revisedBy : e.publishedBy)
                .setParameter("reason", e.revisionReason).setParameter("sources", sources)
                .setParameter("value", text).executeUpdate()).replaceWithVoid();
    }

    private static void refuse(List<Violation> bad) {
        if (!bad.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", bad.get(0).field() + ": "
                    + bad.get(0).message(), bad, Map.of());
        }
    }

    private static Map<String, BigDecimal> ordered(Map<String, BigDecimal> values, Enum<?>[] keys) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Enum<?> k : keys) {
            out.put(k.name(), values.get(k.name()));
        }
        return out;
    }
}
