package id.kotacerdas.assessment.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.security.Visibility;
import id.kotacerdas.platform.time.Occurred;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events of the yearly evaluation (monev) on {@value #TOPIC}, the topic assessment-service declares beside
 * {@link AssessmentEvents#TOPIC}: {@code EvaluationCycleOpened} keyed by the cycle id, {@code EvaluationPublished}
 * keyed by the region's Kemendagri code (one per region when a cycle publishes, and one per recorded past result).
 * Types {@code id.kotacerdas.assessment.<Name>.v1}; JSON Schemas and the AsyncAPI document under {@code /events/}.
 * The payloads are records of their own, mapped from the domain by {@link EvaluationEventMapper}.
 */
public final class EvaluationEvents {

    public static final String TOPIC = "kotacerdas.evaluation.v1";
    public static final String CYCLE = "EvaluationCycle";
    public static final String EVALUATION = "Evaluation";

    public static final EventSpec CYCLE_OPENED = spec(CYCLE, "EvaluationCycleOpened", Visibility.PUBLIC);
    public static final EventSpec PUBLISHED = spec(EVALUATION, "EvaluationPublished", Visibility.PUBLIC);
    public static final EventSpec CORRECTED = spec(EVALUATION, "EvaluationCorrected", Visibility.PUBLIC);
    public static final EventSpec WITHDRAWN = spec(EVALUATION, "EvaluationWithdrawn", Visibility.PUBLIC);
    public static final EventSpec CYCLE_CANCELLED = spec(CYCLE, "EvaluationCycleCancelled", Visibility.PUBLIC);

    private EvaluationEvents() {
    }

    private static EventSpec spec(String aggregate, String name, Visibility visibility) {
        return new EventSpec(TOPIC, aggregate, "id.kotacerdas.assessment." + name + ".v1",
                "/events/schemas/" + name + ".v1.json", visibility);
    }

    /**
     * An evaluation cycle was opened: its regions due are fixed (key: cycle id). {@code frameworkKey} is the old name
     * of {@code frameworkCode} (the same value), kept while v1 lives.
     */
    public record CycleOpened(UUID cycleId, @Deprecated int year, int evaluationYear, @Deprecated String frameworkKey, String frameworkCode, int frameworkVersion, int regionsDue,
            String openedBy, OffsetDateTime openedAt) {
    }

    /** The five dimension scores. */
    public record Dimensions(@JsonProperty("BASELINE") BigDecimal baseline, @JsonProperty("OUTPUT") BigDecimal output,
            @JsonProperty("OUTCOME") BigDecimal outcome, @JsonProperty("IMPACT") BigDecimal impact,
            @JsonProperty("QUICK_WIN") BigDecimal quickWin) {
    }

    /** The six pillar scores. */
    public record Pillars(@JsonProperty("GOVERNANCE") BigDecimal governance, @JsonProperty("BRANDING") BigDecimal branding,
            @JsonProperty("ECONOMY") BigDecimal economy, @JsonProperty("LIVING") BigDecimal living,
            @JsonProperty("SOCIETY") BigDecimal society, @JsonProperty("ENVIRONMENT") BigDecimal environment) {
    }

    /** The change of the index against the region's previous evaluation. */
    public record Delta(int previousYear, BigDecimal index) {
    }

    /**
     * A region's evaluation result was published (key: region code): computed by a cycle's publication, or recorded
     * from a past year's published figures ({@code source} RECORDED: {@code cycleId} null, no indicator detail).
     */
    public record Published(UUID evaluationId, UUID cycleId, int year, String regionCode, String regionName,
            String provinceCode, String level, String source, @Deprecated String frameworkKey, String frameworkCode,
            Integer frameworkVersion,
            BigDecimal index, Dimensions dimensions, Pillars pillars, Delta delta, Integer nationalRank,
            Integer provincialRank, String letterNumber, LocalDate letterDate, OffsetDateTime publishedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, String origin, UUID recordId,
            List<Source> sources) {
    }

    /**
     * A recorded result was corrected (key: region code): the result as it now stands, in the fields of
     * {@link Published}, and the {@code correction}.
     */
    public record Corrected(UUID evaluationId, UUID cycleId, int year, String regionCode, String regionName,
            String provinceCode, String level, String source, @Deprecated String frameworkKey, String frameworkCode,
            Integer frameworkVersion,
            BigDecimal index, Dimensions dimensions, Pillars pillars, Delta delta, Integer nationalRank,
            Integer provincialRank, String letterNumber, LocalDate letterDate, OffsetDateTime publishedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Occurred occurred, String origin, UUID recordId,
            List<Source> sources, Correction correction) {
    }

    /** The correction: the new revision, why, from which sources, when, and the changed fields' earlier values. */
    public record Correction(int revision, String reason, List<Source> sources, OffsetDateTime at, String by,
            List<String> changed, Previous previous) {
    }

    /** The earlier values of the changed fields ({@code changed} names them; a field absent here was null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Previous(BigDecimal index, Dimensions dimensions, Pillars pillars, Integer nationalRank,
            Integer provincialRank, String letterNumber, LocalDate letterDate, Occurred occurred, List<Source> sources,
            String note) {
    }

    /** A recorded result was withdrawn (key: region code): its identity and the withdrawal. */
    public record Withdrawn(UUID evaluationId, UUID cycleId, UUID recordId, int year, String regionCode, String origin,
            WithdrawalNote withdrawal) {
    }

    /** The withdrawal: the new revision, why, from which sources, when. */
    public record WithdrawalNote(int revision, String reason, List<Source> sources, OffsetDateTime at, String by) {
    }

    /** An evaluation cycle was cancelled (key: cycle id): from which state, why. */
    /** {@code year} is deprecated, the old name of {@code evaluationYear} (the same value). */
    public record CycleCancelled(UUID cycleId, @Deprecated int year, int evaluationYear, String fromState, String reason, String cancelledBy,
            OffsetDateTime cancelledAt) {
    }
}
