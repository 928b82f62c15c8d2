package id.kotacerdas.assessment.domain;

import id.kotacerdas.assessment.domain.FrameworkContent.Criterion;
import id.kotacerdas.assessment.domain.FrameworkContent.Indicator;
import id.kotacerdas.assessment.domain.FrameworkContent.Scale;
import id.kotacerdas.assessment.domain.FrameworkContent.ScaleLevel;
import id.kotacerdas.assessment.domain.FrameworkContent.SubDimension;
import id.kotacerdas.platform.web.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules a framework's content must keep before it can be stored, beyond the shape of each field:
 * <ul>
 * <li>weights are percentages greater than 0 with at most 4 decimals, and at each level they add up to exactly
 * {@value #WEIGHT_TOTAL}: the criteria; the sub-dimensions of a criterion; the indicators of a criterion or of a
 * sub-dimension (no tolerance: {@code 33.33 + 33.33 + 33.34});</li>
 * <li>a criterion has sub-dimensions or indicators, not both and not neither; a sub-dimension has indicators;</li>
 * <li>codes are unique across criteria, sub-dimensions and indicators; scale ids are unique;</li>
 * <li>an indicator names a scale of the framework; a scale has at least two levels with distinct values, listed
 * from the lowest value up;</li>
 * <li>a NUMERIC or PERCENTAGE indicator's scale has thresholds on every level that run without gap or overlap
 * from the lowest level up (the first may be open below, the last open above; PERCENTAGE within 0–100); a YES_NO
 * indicator's scale has exactly the levels 0 and 1;</li>
 * <li>only an evaluation framework's sub-dimensions name a pillar. An {@link FrameworkPurpose#EVALUATION evaluation
 * framework} has exactly the five {@link EvaluationDimension}s as its criteria (their codes), each with
 * sub-dimensions that each name a {@link Pillar}, a pillar at most once per dimension and every pillar in at least
 * one dimension; all its indicators are scored on one scale (the scale its results are given on).</li>
 * </ul>
 * Each broken rule is reported with the JSON path of the field in the framework document.
 */
public final class FrameworkRules {

    /** What the weights at each level add up to: percent. */
    public static final int WEIGHT_TOTAL = 100;
    public static final int WEIGHT_MAX_DECIMALS = 4;
    private static final BigDecimal TOTAL = BigDecimal.valueOf(WEIGHT_TOTAL);

    private FrameworkRules() {
    }

    /** Every broken rule; empty when the content is valid. */
    public static List<Violation> check(FrameworkContent content) {
        List<Violation> out = new ArrayList<>();
        Set<String> scaleIds = new HashSet<>();
        for (int s = 0; s < content.scales().size(); s++) {
            Scale scale = content.scales().get(s);
            String path = "scales[" + s + "]";
            if (!scaleIds.add(scale.id())) {
                out.add(new Violation(path + ".id", "scale id " + scale.id() + " is used twice"));
            }
            checkLevels(out, path, scale);
        }
        if (content.criteria().isEmpty()) {
            out.add(new Violation("criteria", "a framework needs at least one criterion"));
        }
        Set<String> codes = new HashSet<>();
        checkWeights(out, "criteria", content.criteria(), Criterion::weight, "criteria");
        for (int c = 0; c < content.criteria().size(); c++) {
            Criterion criterion = content.criteria().get(c);
            String path = "criteria[" + c + "]";
            unique(out, codes, path, criterion.code());
            boolean subs = !criterion.subDimensions().isEmpty();
            boolean direct = !criterion.indicators().isEmpty();
            if (subs && direct) {
                out.add(new Violation(path, "has both sub-dimensions and indicators; give it one or the other"));
            } else if (!subs && !direct) {
                out.add(new Violation(path, "needs sub-dimensions or indicators"));
            }
            checkWeights(out, path + ".subDimensions", criterion.subDimensions(), SubDimension::weight,
                    "sub-dimensions of " + criterion.code());
            for (int d = 0; d < criterion.subDimensions().size(); d++) {
                SubDimension sub = criterion.subDimensions().get(d);
                String subPath = path + ".subDimensions[" + d + "]";
                unique(out, codes, subPath, sub.code());
                if (sub.indicators().isEmpty()) {
                    out.add(new Violation(subPath + ".indicators", "a sub-dimension needs at least one indicator"));
                }
                checkIndicators(out, codes, content, subPath, sub.code(), sub.indicators());
            }
            checkIndicators(out, codes, content, path, criterion.code(), criterion.indicators());
        }
        if (content.evaluation()) {
            checkEvaluation(out, content);
        } else {
            for (int c = 0; c < content.criteria().size(); c++) {
                List<SubDimension> subs = content.criteria().get(c).subDimensions();
                for (int d = 0; d < subs.size(); d++) {
                    if (subs.get(d).pillar() != null) {
                        out.add(new Violation("criteria[" + c + "].subDimensions[" + d + "].pillar",
                                "only an EVALUATION framework's sub-dimensions name a pillar"));
                    }
                }
            }
        }
        return out;
    }

    private static void checkEvaluation(List<Violation> out, FrameworkContent content) {
        Set<String> dimensions = new HashSet<>();
        Set<Pillar> covered = EnumSet.noneOf(Pillar.class);
        for (int c = 0; c < content.criteria().size(); c++) {
            Criterion criterion = content.criteria().get(c);
            String path = "criteria[" + c + "]";
            if (Arrays.stream(EvaluationDimension.values()).noneMatch(d -> d.name().equals(criterion.code()))) {
                out.add(new Violation(path + ".code", "an EVALUATION framework's criteria are the dimensions "
                        + Arrays.toString(EvaluationDimension.values()) + "; " + criterion.code() + " is none of them"));
            } else if (!dimensions.add(criterion.code())) {
                continue; // reported as a code used twice
            }
            if (criterion.subDimensions().isEmpty()) {
                out.add(new Violation(path + ".subDimensions", "a dimension of an EVALUATION framework is divided into pillars"));
            }
            Set<Pillar> pillars = EnumSet.noneOf(Pillar.class);
            for (int d = 0; d < criterion.subDimensions().size(); d++) {
                Pillar pillar = criterion.subDimensions().get(d).pillar();
                String field = path + ".subDimensions[" + d + "].pillar";
                if (pillar == null) {
                    out.add(new Violation(field, "is required in an EVALUATION framework"));
                } else if (!pillars.add(pillar)) {
                    out.add(new Violation(field, "pillar " + pillar + " is used twice in dimension " + criterion.code()));
                }
            }
            covered.addAll(pillars);
        }
        for (EvaluationDimension d : EvaluationDimension.values()) {
            if (!dimensions.contains(d.name())) {
                out.add(new Violation("criteria", "an EVALUATION framework needs the dimension " + d));
            }
        }
        for (Pillar p : Pillar.values()) {
            if (!covered.contains(p)) {
                out.add(new Violation("criteria", "an EVALUATION framework measures every pillar; " + p + " is in no dimension"));
            }
        }
        Set<String> scales = new HashSet<>();
        content.indicators().forEach(i -> scales.add(i.scale()));
        if (scales.size() > 1) {
            out.add(new Violation("scales", "an EVALUATION framework scores every indicator on one scale (its results' "
                    + "scale); its indicators use " + new java.util.TreeSet<>(scales)));
        }
    }

    /** The content, or a {@link RuleViolationException} naming every broken rule. */
    public static FrameworkContent require(FrameworkContent content) {
        List<Violation> violations = check(content);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return content;
    }

    private static void checkIndicators(List<Violation> out, Set<String> codes, FrameworkContent content,
            String parentPath, String parentCode, List<Indicator> indicators) {
        checkWeights(out, parentPath + ".indicators", indicators, Indicator::weight, "indicators of " + parentCode);
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String path = parentPath + ".indicators[" + i + "]";
            unique(out, codes, path, indicator.code());
            var scale = content.scale(indicator.scale());
            if (scale.isEmpty()) {
                out.add(new Violation(path + ".scale", "names no scale of this framework: " + indicator.scale()));
                continue;
            }
            checkScaleFits(out, path, indicator, scale.get());
        }
    }

    private static void checkScaleFits(List<Violation> out, String path, Indicator indicator, Scale scale) {
        List<ScaleLevel> levels = scale.levels();
        if (indicator.type() == IndicatorType.YES_NO) {
            boolean zeroOne = levels.size() == 2 && levels.get(0).value().compareTo(BigDecimal.ZERO) == 0
                    && levels.get(1).value().compareTo(BigDecimal.ONE) == 0;
            if (!zeroOne) {
                out.add(new Violation(path + ".scale", "a YES_NO indicator needs a scale with exactly the levels 0 and 1"));
            }
        }
        if (indicator.type() != null && indicator.type().measured()) {
            if (levels.stream().anyMatch(l -> !l.hasThresholds())) {
                out.add(new Violation(path + ".scale", "a " + indicator.type()
                        + " indicator needs thresholds (from/to) on every level of scale " + scale.id()));
            } else if (indicator.type() == IndicatorType.PERCENTAGE && levels.stream().anyMatch(
                    l -> l.from() != null && (l.from().signum() < 0 || l.from().compareTo(TOTAL) > 0)
                            || l.to() != null && (l.to().signum() < 0 || l.to().compareTo(TOTAL) > 0))) {
                out.add(new Violation(path + ".scale", "a PERCENTAGE indicator's thresholds must lie within 0–100"));
            }
        }
    }

    private static void checkLevels(List<Violation> out, String path, Scale scale) {
        List<ScaleLevel> levels = scale.levels();
        if (levels.size() < 2) {
            out.add(new Violation(path + ".levels", "a scale needs at least two levels"));
            return;
        }
        for (int l = 1; l < levels.size(); l++) {
            if (levels.get(l).value().compareTo(levels.get(l - 1).value()) <= 0) {
                out.add(new Violation(path + ".levels[" + l + "].value",
                        "levels must be listed from the lowest value up, each value once"));
            }
        }
        if (levels.stream().noneMatch(ScaleLevel::hasThresholds)) {
            return;
        }
        for (int l = 0; l < levels.size(); l++) {
            ScaleLevel level = levels.get(l);
            String levelPath = path + ".levels[" + l + "]";
            if (level.from() == null && l > 0) {
                out.add(new Violation(levelPath + ".from", "only the lowest level may be open below"));
            }
            if (level.to() == null && l < levels.size() - 1) {
                out.add(new Violation(levelPath + ".to", "only the highest level may be open above"));
            }
            if (level.from() != null && level.to() != null && level.from().compareTo(level.to()) >= 0) {
                out.add(new Violation(levelPath + ".to", "must be greater than from"));
            }
            if (l > 0 && level.from() != null && levels.get(l - 1).to() != null
                    && level.from().compareTo(levels.get(l - 1).to()) != 0) {
                out.add(new Violation(levelPath + ".from", "must equal the previous level's to (" + levels.get(l - 1).to()
                        + "): thresholds run without gap or overlap"));
            }
        }
    }

    private static <T> void checkWeights(List<Violation> out, String path, List<T> items, Function<T, BigDecimal> weight,
            String what) {
        if (items.isEmpty()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean complete = true;
        for (int i = 0; i < items.size(); i++) {
            BigDecimal w = weight.apply(items.get(i));
            String field = path + "[" + i + "].weight";
            if (w == null) {
                out.add(new Violation(field, "is required"));
                complete = false;
                continue;
            }
            if (w.signum() <= 0 || w.compareTo(TOTAL) > 0) {
                out.add(new Violation(field, "must be greater than 0 and at most " + WEIGHT_TOTAL + " (percent)"));
            }
            if (w.stripTrailingZeros().scale() > WEIGHT_MAX_DECIMALS) {
                out.add(new Violation(field, "must have at most " + WEIGHT_MAX_DECIMALS + " decimals"));
            }
            sum = sum.add(w);
        }
        if (complete && sum.compareTo(TOTAL) != 0) {
            out.add(new Violation(path, "the weights of the " + what + " must add up to " + WEIGHT_TOTAL
                    + " (percent); they add up to " + sum.stripTrailingZeros().toPlainString()));
        }
    }

    private static void unique(List<Violation> out, Set<String> codes, String path, String code) {
        if (code != null && !codes.add(code)) {
            out.add(new Violation(path + ".code", "code " + code + " is used twice in this framework"));
        }
    }
}
