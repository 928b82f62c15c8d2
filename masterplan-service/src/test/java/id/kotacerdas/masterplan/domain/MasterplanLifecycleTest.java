package id.kotacerdas.masterplan.domain;

import static id.kotacerdas.masterplan.domain.MasterplanAction.APPROVE;
import static id.kotacerdas.masterplan.domain.MasterplanAction.EDIT;
import static id.kotacerdas.masterplan.domain.MasterplanAction.RATIFY;
import static id.kotacerdas.masterplan.domain.MasterplanAction.REQUEST_REVISION;
import static id.kotacerdas.masterplan.domain.MasterplanAction.START_REVIEW;
import static id.kotacerdas.masterplan.domain.MasterplanAction.SUBMIT;
import static id.kotacerdas.masterplan.domain.MasterplanState.APPROVED;
import static id.kotacerdas.masterplan.domain.MasterplanState.DRAFT;
import static id.kotacerdas.masterplan.domain.MasterplanState.IN_REVIEW;
import static id.kotacerdas.masterplan.domain.MasterplanState.RATIFIED;
import static id.kotacerdas.masterplan.domain.MasterplanState.REVISION_REQUESTED;
import static id.kotacerdas.masterplan.domain.MasterplanState.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MasterplanLifecycleTest {

    @Test
    void theWayFromDraftToRatifiedPassesReviewAndMayLoopThroughRevisions() {
        MasterplanState s = DRAFT;
        s = MasterplanLifecycle.apply(s, SUBMIT);
        assertThat(s).isEqualTo(SUBMITTED);
        s = MasterplanLifecycle.apply(s, START_REVIEW);
        assertThat(s).isEqualTo(IN_REVIEW);
        s = MasterplanLifecycle.apply(s, REQUEST_REVISION);
        assertThat(s).isEqualTo(REVISION_REQUESTED);
        assertThat(MasterplanLifecycle.apply(s, EDIT)).isEqualTo(REVISION_REQUESTED);
        s = MasterplanLifecycle.apply(s, SUBMIT);
        s = MasterplanLifecycle.apply(s, START_REVIEW);
        s = MasterplanLifecycle.apply(s, APPROVE);
        assertThat(s).isEqualTo(APPROVED);
        assertThat(MasterplanLifecycle.apply(s, RATIFY)).isEqualTo(RATIFIED);
        assertThat(MasterplanLifecycle.apply(RATIFIED, MasterplanAction.WITHDRAW_RATIFICATION)).isEqualTo(APPROVED);
    }

    @Test
    void onlyDraftsAndPlansSentBackCanBeEdited() {
        Set<MasterplanState> editable = EnumSet.noneOf(MasterplanState.class);
        for (MasterplanState state : MasterplanState.values()) {
            if (MasterplanLifecycle.allows(state, EDIT)) {
                editable.add(state);
            }
        }
        assertThat(editable).containsExactlyInAnyOrder(DRAFT, REVISION_REQUESTED);
    }

    @Test
    void aRefusedActionNamesTheStateAndWhatWouldAllowIt() {
        assertThatThrownBy(() -> MasterplanLifecycle.apply(SUBMITTED, EDIT))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("SUBMITTED").hasMessageContaining("DRAFT or REVISION_REQUESTED")
                .extracting(e -> ((IllegalTransitionException) e).state()).isEqualTo("SUBMITTED");
        assertThatThrownBy(() -> MasterplanLifecycle.apply(DRAFT, RATIFY)).hasMessageContaining("APPROVED");
        assertThatThrownBy(() -> MasterplanLifecycle.apply(SUBMITTED, APPROVE)).hasMessageContaining("IN_REVIEW");
        assertThatThrownBy(() -> MasterplanLifecycle.apply(RATIFIED, SUBMIT)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aRatifiedMasterplanAllowsNothingMoreButTheWithdrawalOfItsRatification() {
        for (MasterplanAction action : MasterplanAction.values()) {
            assertThat(MasterplanLifecycle.allows(RATIFIED, action)).as(action.name())
                    .isEqualTo(action == MasterplanAction.WITHDRAW_RATIFICATION);
        }
    }
}
