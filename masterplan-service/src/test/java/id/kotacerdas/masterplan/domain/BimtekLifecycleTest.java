package id.kotacerdas.masterplan.domain;

import static id.kotacerdas.masterplan.domain.BimtekStageState.CANCELLED;
import static id.kotacerdas.masterplan.domain.BimtekStageState.HELD;
import static id.kotacerdas.masterplan.domain.BimtekStageState.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BimtekLifecycleTest {

    @Test
    void aPlannedStageIsHeldOrCancelledAndACancelledOneRescheduled() {
        assertThat(BimtekLifecycle.apply(1, PLANNED, BimtekAction.HOLD)).isEqualTo(HELD);
        assertThat(BimtekLifecycle.apply(1, PLANNED, BimtekAction.CANCEL)).isEqualTo(CANCELLED);
        assertThat(BimtekLifecycle.apply(1, CANCELLED, BimtekAction.RESCHEDULE)).isEqualTo(PLANNED);
        assertThat(BimtekLifecycle.apply(1, PLANNED, BimtekAction.RESCHEDULE)).isEqualTo(PLANNED);
        assertThat(BimtekLifecycle.apply(1, HELD, BimtekAction.RECORD_ATTENDANCE)).isEqualTo(HELD);
    }

    @Test
    void aHeldStageCannotBeHeldAgainRescheduledOrCancelled() {
        for (BimtekAction action : new BimtekAction[] { BimtekAction.HOLD, BimtekAction.RESCHEDULE, BimtekAction.CANCEL }) {
            assertThatThrownBy(() -> BimtekLifecycle.apply(3, HELD, action))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("bimtek stage 3 is HELD");
        }
        assertThatThrownBy(() -> BimtekLifecycle.apply(2, CANCELLED, BimtekAction.HOLD)).hasMessageContaining("PLANNED");
        assertThatThrownBy(() -> BimtekLifecycle.apply(2, CANCELLED, BimtekAction.RECORD_ATTENDANCE))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void stageNPlusOneCannotBeHeldBeforeStageN() {
        assertThat(BimtekLifecycle.holdBlockedBy(1, Optional.empty())).isEmpty();
        assertThat(BimtekLifecycle.holdBlockedBy(2, Optional.of(new BimtekLifecycle.Previous(HELD, LocalDate.of(2022, 6, 15)))))
                .isEmpty();
        assertThat(BimtekLifecycle.holdBlockedBy(3, Optional.of(new BimtekLifecycle.Previous(PLANNED, LocalDate.of(2022, 7, 13)))))
                .get().satisfies(e -> {
                    assertThat(e.state()).isEqualTo("PLANNED");
                    assertThat(e.subject()).isEqualTo("bimtek stage 2");
                    assertThat(e.getMessage()).contains("stage 3 cannot be held before stage 2");
                });
        assertThat(BimtekLifecycle.holdBlockedBy(4, Optional.of(new BimtekLifecycle.Previous(CANCELLED, null)))).isPresent();
        assertThat(BimtekLifecycle.holdBlockedBy(2, Optional.empty())).get()
                .satisfies(e -> assertThat(e.state()).isEqualTo("NOT_SCHEDULED"));
    }

    @Test
    void aStageStartsAfterTheStageBeforeEndsAndEndsBeforeTheNextStarts() {
        var stage1 = Optional.of(new BimtekLifecycle.Previous(PLANNED, LocalDate.of(2022, 6, 15)));
        assertThat(BimtekLifecycle.startBlockedBy(2, LocalDate.of(2022, 6, 15), stage1)).isPresent();
        assertThat(BimtekLifecycle.startBlockedBy(2, LocalDate.of(2022, 6, 16), stage1)).isEmpty();
        assertThat(BimtekLifecycle.startBlockedBy(2, LocalDate.of(2022, 6, 1),
                Optional.of(new BimtekLifecycle.Previous(CANCELLED, LocalDate.of(2022, 6, 15))))).as("cancelled stages aside").isEmpty();
        var stage3 = Optional.of(new BimtekLifecycle.Next(PLANNED, LocalDate.of(2022, 8, 16)));
        assertThat(BimtekLifecycle.endBlockedBy(2, LocalDate.of(2022, 8, 16), stage3)).isPresent();
        assertThat(BimtekLifecycle.endBlockedBy(2, LocalDate.of(2022, 8, 15), stage3)).isEmpty();
    }

    @Test
    void everyStageHasItsPurpose() {
        assertThat(BimtekLifecycle.purposeOf(1)).contains("SWOT", "vision");
        assertThat(BimtekLifecycle.purposeOf(2)).contains("Buku 1", "quick-win");
        assertThat(BimtekLifecycle.purposeOf(3)).contains("roadmap");
        assertThat(BimtekLifecycle.purposeOf(4)).contains("commitment");
        assertThatThrownBy(() -> BimtekLifecycle.purposeOf(5)).isInstanceOf(IllegalArgumentException.class);
    }
}
