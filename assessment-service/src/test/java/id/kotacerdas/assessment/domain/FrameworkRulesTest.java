package id.kotacerdas.assessment.domain;

import static id.kotacerdas.assessment.domain.TestFrameworks.criterion;
import static id.kotacerdas.assessment.domain.TestFrameworks.d;
import static id.kotacerdas.assessment.domain.TestFrameworks.indicator;
import static id.kotacerdas.assessment.domain.TestFrameworks.oneToFive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.assessment.domain.FrameworkContent.Criterion;
import id.kotacerdas.assessment.domain.FrameworkContent.Indicator;
import id.kotacerdas.assessment.domain.FrameworkContent.Scale;
import id.kotacerdas.assessment.domain.FrameworkContent.ScaleLevel;
import id.kotacerdas.assessment.domain.FrameworkContent.SubDimension;
import id.kotacerdas.platform.web.Violation;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworkRulesTest {

    @Test
    void weightsThatAddUpToExactlyOneHundredAtEveryLevelAreValid() {
        assertThat(FrameworkRules.check(TestFrameworks.nested())).isEmpty();
        assertThat(FrameworkRules.check(TestFrameworks.equalThirds())).isEmpty();
    }

    @Test
    void criteriaWeightsThatDoNotAddUpAreNamedWithTheirSum() {
        FrameworkContent content = new FrameworkContent("x", null, null, List.of(oneToFive()), List.of(
                criterion("A", "50", indicator("a", "100")), criterion("B", "40", indicator("b", "100"))));
        assertThat(FrameworkRules.check(content)).extracting(Violation::field, Violation::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("criteria",
                        "the weights of the criteria must add up to 100 (percent); they add up to 90"));
    }

    @Test
    void subDimensionAndIndicatorWeightsAreCheckedAtTheirOwnLevel() {
        Criterion a = new Criterion("A", "A", null, d("100"), List.of(
                new SubDimension("A1", "A1", null, d("60"), List.of(indicator("a1", "50"), indicator("a2", "49.99"))),
                new SubDimension("A2", "A2", null, d("30"), List.of(indicator("a3", "100")))), List.of());
        List<Violation> violations = FrameworkRules.check(
                new FrameworkContent("x", null, null, List.of(oneToFive()), List.of(a)));
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder(
                "criteria[0].subDimensions", "criteria[0].subDimensions[0].indicators");
        assertThat(violations.get(0).message()).contains("sub-dimensions of A").contains("90");
    }

    @Test
    void weightsMustBePositiveWithAtMostFourDecimals() {
        FrameworkContent content = new FrameworkContent("x", null, null, List.of(oneToFive()), List.of(
                criterion("A", "100.00001", indicator("a", "0"), indicator("b", "100"))));
        assertThat(FrameworkRules.check(content)).extracting(Violation::field).contains(
                "criteria[0].weight", "criteria[0].indicators[0].weight");
    }

    @Test
    void duplicateCodesUnknownScalesAndMixedChildrenAreRefused() {
        Criterion mixed = new Criterion("A", "A", null, d("100"),
                List.of(new SubDimension("A1", "A1", null, d("100"), List.of(indicator("x", "100")))),
                List.of(new Indicator("x", "dup", null, d("100"), IndicatorType.ORDINAL, null, Direction.HIGHER_IS_BETTER,
                        "nope")));
        List<Violation> violations = FrameworkRules.check(
                new FrameworkContent("x", null, null, List.of(oneToFive()), List.of(mixed)));
        assertThat(violations).extracting(Violation::field).contains("criteria[0]",
                "criteria[0].indicators[0].code", "criteria[0].indicators[0].scale");
    }

    @Test
    void measuredIndicatorsNeedContiguousThresholds() {
        Scale gap = new Scale("pct", List.of(new ScaleLevel(d("1"), "low", null, d("33")),
                new ScaleLevel(d("2"), "mid", d("34"), d("66")), new ScaleLevel(d("3"), "high", d("66"), null)));
        Indicator share = new Indicator("s", "share", null, d("100"), IndicatorType.PERCENTAGE, "%",
                Direction.HIGHER_IS_BETTER, "pct");
        Indicator unscaled = new Indicator("n", "count", null, d("100"), IndicatorType.NUMERIC, "apps",
                Direction.HIGHER_IS_BETTER, "five");
        List<Violation> violations = FrameworkRules.check(new FrameworkContent("x", null, null, List.of(oneToFive(), gap),
                List.of(new Criterion("A", "A", null, d("50"), List.of(), List.of(share)),
                        new Criterion("B", "B", null, d("50"), List.of(), List.of(unscaled)))));
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("scales[1].levels[1].from",
                "criteria[1].indicators[0].scale");
        Scale ok = new Scale("pct", List.of(new ScaleLevel(d("1"), "low", null, d("33")),
                new ScaleLevel(d("2"), "mid", d("33"), d("66")), new ScaleLevel(d("3"), "high", d("66"), null)));
        assertThat(ok.levelFor(d("33")).orElseThrow().value()).isEqualByComparingTo("2");
        assertThat(ok.levelFor(d("-5")).orElseThrow().value()).isEqualByComparingTo("1");
        assertThat(ok.levelFor(d("99")).orElseThrow().value()).isEqualByComparingTo("3");
    }

    @Test
    void aPublishedVersionNeverChangesAndSaysWhy() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        FrameworkVersion version = FrameworkVersion.draft("demo", 1, TestFrameworks.nested(), "ministry", now);
        assertThat(version.replace(TestFrameworks.equalThirds(), "ministry", now)).isTrue();
        assertThat(version.replace(TestFrameworks.equalThirds(), "ministry", now)).as("unchanged").isFalse();
        version.publish("ministry", now);
        assertThatThrownBy(() -> version.replace(TestFrameworks.nested(), "ministry", now))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("PUBLISHED")
                .hasMessageContaining("new version");
        assertThatThrownBy(() -> version.publish("ministry", now)).isInstanceOf(StateConflictException.class);
        assertThat(version.content).isEqualTo(TestFrameworks.equalThirds());
    }

    @Test
    void aDraftWithBrokenRulesIsNotCreated() {
        FrameworkContent broken = new FrameworkContent("x", null, null, List.of(oneToFive()),
                List.of(criterion("A", "99", indicator("a", "100"))));
        assertThatThrownBy(() -> FrameworkVersion.draft("demo", 1, broken, "m", OffsetDateTime.now()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("add up to 99");
    }
}
