package id.kotacerdas.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.kotacerdas.assessment.domain.Direction;
import id.kotacerdas.assessment.domain.FrameworkPurpose;
import id.kotacerdas.assessment.domain.Pillar;
import id.kotacerdas.assessment.domain.IndicatorType;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The import/export format of a framework, described by the JSON Schema {@code /schemas/framework.v1.json}: what
 * {@code POST /api/v1/frameworks} takes and {@code GET .../document} gives, so an exported version imports again as
 * the next version. Mapped explicitly to the domain's {@code FrameworkContent} ({@link FrameworkMapper}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FrameworkDocument", description = """
        An assessment framework as a document (JSON Schema `/schemas/framework.v1.json`): criteria (dimensions) with \
        weights, optional sub-dimensions, indicators (weight, type, unit, direction, scale) and named scales with their \
        levels. **Weights are percentages: at each level they add up to exactly 100** — the criteria; the \
        sub-dimensions of a criterion; the indicators of a criterion or of a sub-dimension. A criterion has either \
        sub-dimensions or indicators.""")
public record FrameworkDocument(
        @JsonProperty("$schema")
        @Schema(description = "The document's JSON Schema (optional; ignored on import).", examples = "/schemas/framework.v1.json")
        @Size(max = 500) String schema,
        @NotBlank @Size(max = 50) @Pattern(regexp = CODE, message = "must be 2-50 lower-case letters, digits or '-', starting with a letter or digit")
        @Schema(description = "The framework's code, shared by all its versions.", examples = "kominfo-readiness", pattern = CODE)
        String code,
        @Min(1) @Max(10_000)
        @Schema(description = "The version number. On import, leave it out to create the next version; when given it must be the next one.", examples = "3")
        Integer version,
        @NotBlank @Size(max = 200)
        @Schema(examples = "Kominfo readiness criteria (2023)")
        String name,
        @Size(max = 4000)
        String description,
        @Valid
        Metadata metadata,
        @NotEmpty @Size(max = 20)
        @Schema(description = "The named scales the indicators refer to.")
        List<@NotNull @Valid ScaleDoc> scales,
        @NotEmpty @Size(max = 50)
        List<@NotNull @Valid CriterionDoc> criteria,
        @Schema(description = """
                What the framework measures (absent: READINESS). READINESS ranks an assessment cycle's candidates on \
                0–100 of their scales. EVALUATION is the yearly evaluation (monev): its criteria are exactly the five \
                dimensions BASELINE, OUTPUT, OUTCOME, IMPACT, QUICK_WIN, each divided into sub-dimensions that name \
                one of the six pillars (every pillar in some dimension, at most once per dimension), all indicators on \
                one scale, and the results (index, dimensions, pillars) are given on that scale.""")
        FrameworkPurpose purpose) {

    public static final String CODE = "^[a-z0-9][a-z0-9-]{1,49}$";
    public static final String PART_CODE = "^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$";
    static final String PART_CODE_MESSAGE = "must be 1-30 letters, digits, '.', '_' or '-', starting with a letter or digit";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FrameworkMetadata", description = "Where the framework comes from and what its published form leaves open.")
    public record Metadata(
            @Size(max = 20) List<@NotNull @Valid SourceDoc> sources,
            @Size(max = 2000)
            @Schema(description = "How the weights were chosen, e.g. that the real ones are not published.")
            String weightNote,
            @Size(max = 2000)
            @Schema(description = "Where the scale comes from, or that it is assumed.")
            String scaleNote,
            @Size(max = 20) List<@NotBlank @Size(max = 2000) String> notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FrameworkSource", description = "A published source of the framework.")
    public record SourceDoc(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
            @Schema(examples = "https://warta.jogjakota.go.id/detail/index/26209")
            String url) {
    }

    @Schema(name = "FrameworkScale", description = "A named scale: its levels from the lowest value up.")
    public record ScaleDoc(
            @NotBlank @Size(max = 30) @Pattern(regexp = PART_CODE, message = PART_CODE_MESSAGE)
            @Schema(examples = "maturity") String id,
            @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid LevelDoc> levels) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FrameworkScaleLevel", description = """
            One level of a scale. `from` (inclusive) and `to` (exclusive) map a measured answer (NUMERIC, PERCENTAGE \
            indicators) to the level; values and thresholds rise together whatever the indicator's direction.""")
    public record LevelDoc(
            @NotNull @Digits(integer = 6, fraction = 4) @Schema(examples = "3") BigDecimal value,
            @NotBlank @Size(max = 100) @Schema(examples = "Terstandarisasi") String label,
            @Digits(integer = 12, fraction = 4) BigDecimal from,
            @Digits(integer = 12, fraction = 4) BigDecimal to) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "FrameworkCriterion", description = "A criterion (dimension): sub-dimensions or indicators, with its weight among the criteria (percent).")
    public record CriterionDoc(
            @NotBlank @Size(max = 30) @Pattern(regexp = PART_CODE, message = PART_CODE_MESSAGE) @Schema(examples = "K4") String code,
            @NotBlank @Size(max = 300) @Schema(examples = "SPBE index") String name,
            @Size(max = 4000) String description,
            @NotNull @Schema(description = "Percent of the framework; the criteria add up to 100.", examples = "20") BigDecimal weight,
            @Size(max = 50) List<@NotNull @Valid SubDimensionDoc> subDimensions,
            @Size(max = 200) List<@NotNull @Valid IndicatorDoc> indicators) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "FrameworkSubDimension", description = "A sub-dimension (aspect) with its weight within the criterion (percent).")
    public record SubDimensionDoc(
            @NotBlank @Size(max = 30) @Pattern(regexp = PART_CODE, message = PART_CODE_MESSAGE) @Schema(examples = "A3") String code,
            @NotBlank @Size(max = 300) @Schema(examples = "Teknologi Informasi dan Komunikasi") String name,
            @Size(max = 4000) String description,
            @NotNull @Schema(examples = "33.33") BigDecimal weight,
            @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid IndicatorDoc> indicators,
            @Schema(description = "The pillar this sub-dimension measures within its dimension: EVALUATION frameworks only.")
            Pillar pillar) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FrameworkIndicator", description = "An indicator with its weight within its criterion or sub-dimension (percent).")
    public record IndicatorDoc(
            @NotBlank @Size(max = 30) @Pattern(regexp = PART_CODE, message = PART_CODE_MESSAGE) @Schema(examples = "K4.1") String code,
            @NotBlank @Size(max = 300) @Schema(examples = "SPBE index") String name,
            @Size(max = 4000) String description,
            @NotNull @Schema(examples = "100") BigDecimal weight,
            @NotNull IndicatorType type,
            @Size(max = 50) @Schema(examples = "%") String unit,
            @NotNull Direction direction,
            @NotBlank @Size(max = 50) @Schema(description = "The id of a scale of this framework.", examples = "readiness") String scale) {
    }
}
