package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluationCancellationTest {

    @Test
    void everyStateButTheFinalOnesMayBeCancelled() {
        for (EvaluationState s : EvaluationState.values()) {
            if (s.isFinal()) {
                assertThatThrownBy(() -> EvaluationCancellation.verify(s)).isInstanceOf(StateConflictException.class)
                        .hasMessageContaining(s.name());
            } else {
                assertThatCode(() -> EvaluationCancellation.verify(s)).doesNotThrowAnyException();
            }
        }
        assertThat(EvaluationState.CLOSED.isFinal()).isTrue();
        assertThat(EvaluationState.PUBLISHED.isFinal()).isFalse();
    }

    @Test
    void aPlainTransitionNeitherReachesCancelledNorLeavesAFinalState() {
        assertThatThrownBy(() -> EvaluationCancellation.refuseAsTransition(EvaluationState.CLOSED, EvaluationState.CANCELLED))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> EvaluationCancellation.refuseAsTransition(EvaluationState.DRAFT, EvaluationState.CANCELLED))
                .hasMessageContaining("cancellation");
        assertThatCode(() -> EvaluationCancellation.refuseAsTransition(EvaluationState.DRAFT, EvaluationState.SELF_ASSESSMENT))
                .doesNotThrowAnyException();
        assertThat(EvaluationCancellation.next(EvaluationState.CLOSED)).isNull();
        assertThat(EvaluationCancellation.next(EvaluationState.CANCELLED)).isNull();
        assertThat(EvaluationCancellation.next(EvaluationState.SCORING)).isEqualTo(EvaluationState.PUBLISHED);
    }

    @Test
    void aCancelledCycleKeepsWhoAndWhy() {
        EvaluationCycle c = EvaluationCycle.draft(2030, "x", "kominfo-evaluation", 1, null, "ministry",
                java.time.OffsetDateTime.parse("2030-01-01T00:00:00Z"));
        c.cancel("Opened twice", "ministry", java.time.OffsetDateTime.parse("2030-01-02T00:00:00Z"));
        assertThat(c.state).isEqualTo(EvaluationState.CANCELLED);
        assertThat(c.cancellationReason).isEqualTo("Opened twice");
        assertThatThrownBy(() -> c.moveTo(EvaluationState.SELF_ASSESSMENT, false, "ministry", c.cancelledAt))
                .isInstanceOf(StateConflictException.class);
    }
}
