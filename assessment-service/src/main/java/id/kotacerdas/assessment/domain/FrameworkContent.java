package id.kotacerdas.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an assessment framework says: criteria (dimensions) with weights, optional sub-dimensions, indicators with
 * their weight, type, unit, direction and scale, and the scales with their levels. One version of a framework holds
 * one content; a published version's content never changes ({@link FrameworkVersion}).
 *
 * <p>Weights are percentages: the criteria of a framework, the sub-dimensions of a criterion and the indicators of a
 * criterion or sub-dimension each add up to exactly {@value FrameworkRules#WEIGHT_TOTAL} ({@link FrameworkRules}).
 * A criterion has either sub-dimensions or indicators, not both. This is the domain's own type; it is stored as
 * JSON and mapped explicitly from and to the import/export document of the REST layer.
 */
public record FrameworkContent(String name, String description, Metadata metadata, List<Scale> scales,
        List<Criterion> criteria, FrameworkPurpose purpose) {

    public FrameworkContent {
        purpose = purpose == null ? FrameworkPurpose.READINESS : purpose;
        metadata = metadata == null ? new Metadata(List.of(), null, null, List.of()) : metadata;
        scales = scales == null ? List.of() : List.copyOf(scales);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** A readiness framework. */
    public FrameworkContent(String name, String description, Metadata metadata, List<Scale> scales,
            List<Criterion> criteria) {
        this(name, description, metadata, scales, criteria, FrameworkPurpose.READINESS);
    }

    public boolean evaluation() {
        return purpose == FrameworkPurpose.EVALUATION;
    }

    /** Where the framework comes from and what is known to be missing from its published form. */
    public record Metadata(List<Source> sources, String weightNote, String scaleNote, List<String> notes) {
        public Metadata {
            sources = sources == null ? List.of() : List.copyOf(sources);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** A published source of the framework. */
    public record Source(String title, String url) {
    }

    /** A named scale that indicators refer to, e.g. the SPBE maturity levels 1–5. */
    public record Scale(String id, List<ScaleLevel> levels) {
        public Scale {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }

        public BigDecimal min() {
            return levels.stream().map(ScaleLevel::value).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }

        public BigDecimal max() {
            return levels.stream().map(ScaleLevel::value).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }

        /** Whether a score lies on the scale (between its lowest and its highest level, both included). */
        public boolean contains(BigDecimal value) {
            return value.compareTo(min()) >= 0 && value.compareTo(max()) <= 0;
        }

        /** The level whose thresholds hold a measurement ({@code from} ≤ m &lt; {@code to}), if any. */
        public Optional<ScaleLevel> levelFor(BigDecimal measurement) {
            return levels.stream().filter(level -> level.holds(measurement)).findFirst();
        }
    }

    /**
     * One level of a scale. Values run with the measurement: thresholds rise with the value whatever the direction
     * of the indicator. {@code from} is inclusive, {@code to} exclusive; an open end is {@code null}.
     */
    public record ScaleLevel(BigDecimal value, String label, BigDecimal from, BigDecimal to) {

        public boolean hasThresholds() {
            return from != null || to != null;
        }

        boolean holds(BigDecimal measurement) {
            return hasThresholds() && (from == null || measurement.compareTo(from) >= 0)
                    && (to == null || measurement.compareTo(to) < 0);
        }
    }

    /** A criterion (dimension) with its weight among the criteria. */
    public record Criterion(String code, String name, String description, BigDecimal weight,
            List<SubDimension> subDimensions, List<Indicator> indicators) {
        public Criterion {
            subDimensions = subDimensions == null ? List.of() : List.copyOf(subDimensions);
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }

        /** Every indicator of the criterion, directly or through its sub-dimensions, in framework order. */
        public Stream<Indicator> allIndicators() {
            return Stream.concat(indicators.stream(), subDimensions.stream().flatMap(s -> s.indicators().stream()));
        }
    }

    /**
     * A sub-dimension (aspect, category) of a criterion, with its weight within the criterion; in an evaluation
     * framework, the {@link Pillar} it measures within its dimension (null otherwise).
     */
    public record SubDimension(String code, String name, String description, BigDecimal weight,
            List<Indicator> indicators, Pillar pillar) {
        public SubDimension {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }

        /** A sub-dimension of a readiness framework (no pillar). */
        public SubDimension(String code, String name, String description, BigDecimal weight, List<Indicator> indicators) {
            this(code, name, description, weight, indicators, null);
        }
    }

    /** An indicator with its weight within its criterion or sub-dimension, scored on the scale it names. */
    public record Indicator(String code, String name, String description, BigDecimal weight, IndicatorType type,
            String unit, Direction direction, String scale) {
    }

    /** Every indicator in framework order. */
    public List<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        criteria.forEach(c -> c.allIndicators().forEach(all::add));
        return all;
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Scale> scale(String id) {
        return scales.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The scale of an indicator of this framework (validated content always has it). */
    public Scale scaleOf(Indicator indicator) {
        return scale(indicator.scale()).orElseThrow(() -> new IllegalStateException(
                "Indicator " + indicator.code() + " names the unknown scale " + indicator.scale()));
    }
}
