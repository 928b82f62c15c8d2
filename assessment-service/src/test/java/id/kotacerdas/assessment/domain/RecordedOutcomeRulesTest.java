package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedOutcomeRulesTest {

    static List<String> fields(List<Violation> v) {
        return v.stream().map(Violation::field).toList();
    }

    @Test
    void anUnknownScoreOrRankIsNotGivenAndAKnownOneIs() {
        assertThat(RecordedOutcomeRules.knownValues(null, false, null, false)).isEmpty();
        assertThat(RecordedOutcomeRules.knownValues(null, null, null, null)).isEmpty();
        assertThat(RecordedOutcomeRules.knownValues(new BigDecimal("65.0"), null, 3, null)).isEmpty();
        assertThat(fields(RecordedOutcomeRules.knownValues(new BigDecimal("65.0"), false, 3, false)))
                .containsExactly("score", "rank");
        assertThat(fields(RecordedOutcomeRules.knownValues(null, true, null, true))).containsExactly("score", "rank");
        assertThat(fields(RecordedOutcomeRules.knownValues(new BigDecimal("100.5"), true, 0, true)))
                .containsExactly("score", "rank");
        assertThat(fields(RecordedOutcomeRules.knownValues(new BigDecimal("65.123"), true, null, false)))
                .containsExactly("score");
    }

    @Test
    void theActsAreInOrderWithTheBenefitOfTheDoubt() {
        Occurred jan = Occurred.onDay(java.time.LocalDate.of(2022, 1, 10));
        Occurred feb = Occurred.onDay(java.time.LocalDate.of(2022, 2, 10));
        Occurred year = Occurred.inYear(2022);
        assertThatCode(() -> RecordedOutcomeRules.inOrder(jan, feb, year)).doesNotThrowAnyException();
        assertThatCode(() -> RecordedOutcomeRules.inOrder(null, null, year)).doesNotThrowAnyException();
        // the 2022 outcome may be the day of a February submission: the same year
        assertThatCode(() -> RecordedOutcomeRules.inOrder(null, feb, year)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RecordedOutcomeRules.inOrder(feb, jan, year)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("before the invitation");
        assertThatThrownBy(() -> RecordedOutcomeRules.inOrder(null, feb, jan)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("before the submission");
        assertThatThrownBy(() -> RecordedOutcomeRules.inOrder(feb, null, jan)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("before the invitation");
    }
}
