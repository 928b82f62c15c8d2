package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cancelling a stuck assessment cycle or one invitation (issue 18 item 3): a separate act, not a step of the order. */
class AssessmentCancellationTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2095-03-01T09:00:00+07:00");
    static final Set<CycleState> NOT_CANCELLABLE = EnumSet.of(CycleState.SELECTED, CycleState.CLOSED,
            CycleState.CANCELLED);

    @ParameterizedTest
    @EnumSource(CycleState.class)
    void everyStateBeforeTheConfirmedSelectionMayBeCancelledAndNoOtherNamingTheState(CycleState state) {
        if (NOT_CANCELLABLE.contains(state)) {
            assertThatThrownBy(() -> AssessmentCancellation.verify(state)).isInstanceOf(StateConflictException.class)
                    .hasMessageContaining("state " + state)
                    .satisfies(e -> assertThat(((StateConflictException) e).state()).isEqualTo(state.name()));
        } else {
            assertThatCode(() -> AssessmentCancellation.verify(state)).doesNotThrowAnyException();
        }
        assertThat(state.cancellable()).isEqualTo(!NOT_CANCELLABLE.contains(state));
    }

    @Test
    void cancelledIsNoOnesNextStateAndTheForwardOrderIsUnchanged() {
        for (CycleState s : CycleState.values()) {
            assertThat(s.next()).as("next of %s", s).isNotEqualTo(java.util.Optional.of(CycleState.CANCELLED));
        }
        assertThat(CycleState.SCORING.next()).contains(CycleState.SELECTED);
        assertThat(CycleState.SELECTED.next()).contains(CycleState.CLOSED);
        assertThat(CycleState.CLOSED.next()).isEmpty();
        assertThat(CycleState.CANCELLED.next()).isEmpty();
        assertThat(Arrays.stream(CycleState.values()).filter(CycleState::isFinal))
                .containsExactly(CycleState.CLOSED, CycleState.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(CycleState.class)
    void noTransitionReachesCancelledEvenWithTheGate(CycleState from) {
        assertThatThrownBy(() -> CycleStateMachine.check(from, CycleState.CANCELLED, true))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("state " + from);
        if (from.next().isPresent()) {
            assertThatThrownBy(() -> CycleStateMachine.check(from, CycleState.CANCELLED, false))
                    .hasMessageContaining("POST .../cancellation");
        }
    }

    @Test
    void aCancelledCycleKeepsWhoAndWhyAndAllowsNothing() {
        AssessmentCycle cycle = CycleStateMachineTest.cycle();
        cycle.moveTo(CycleState.INVITING, false, "ministry", AT);
        cycle.cancel("Opened with the wrong framework", "ministry-2", AT);
        assertThat(cycle.state).isEqualTo(CycleState.CANCELLED);
        assertThat(cycle.cancellationReason).isEqualTo("Opened with the wrong framework");
        assertThat(cycle.cancelledBy).isEqualTo("ministry-2");
        assertThat(cycle.cancelledAt).isEqualTo(AT);
        assertThat(cycle.updatedBy).isEqualTo("ministry-2");
        CycleState s = cycle.state;
        assertThat(s.acceptsInvitations() || s.acceptsDeclines() || s.acceptsSelfAssessments() || s.acceptsScores()
                || s.acceptsSelection() || s.ranks() || s.resultsPublished() || s.editable()).isFalse();
        assertThatThrownBy(() -> cycle.moveTo(CycleState.CLOSED, false, "ministry", AT))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> cycle.cancel("again", "ministry", AT)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("CANCELLED");
        assertThat(cycle.cancellationReason).isEqualTo("Opened with the wrong framework");
    }

    @Test
    void aCycleCancelledAsADraftWasNeverOpenedAndOneCancelledLaterWas() {
        AssessmentCycle draft = CycleStateMachineTest.cycle();
        assertThat(draft.opened()).isFalse();
        draft.cancel("Planned twice", "ministry", AT);
        assertThat(draft.cancelledFrom).isEqualTo(CycleState.DRAFT);
        assertThat(draft.opened()).isFalse();
        AssessmentCycle opened = CycleStateMachineTest.cycle();
        opened.moveTo(CycleState.INVITING, false, "ministry", AT);
        assertThat(opened.opened()).isTrue();
        opened.cancel("Stuck", "ministry", AT);
        assertThat(opened.cancelledFrom).isEqualTo(CycleState.INVITING);
        assertThat(opened.opened()).isTrue();
    }

    @Test
    void aRefusedCancellationLeavesTheCycleAsItWas() {
        AssessmentCycle cycle = CycleStateMachineTest.cycle();
        cycle.state = CycleState.SELECTED;
        assertThatThrownBy(() -> cycle.cancel("too late", "x", AT)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("SELECTED");
        assertThat(cycle.state).isEqualTo(CycleState.SELECTED);
        assertThat(cycle.cancelledAt).isNull();
        assertThat(cycle.updatedBy).isEqualTo("ministry");
    }

    static Invitation invitation() {
        return Invitation.of(java.util.UUID.randomUUID(), "18.72", "Kota Metro", "KOTA", "18", "Lampung", "ministry", AT);
    }

    @Test
    void anInvitationIsCancelledWhileTheSelectionIsOpenAndTheRegionTakesNoFurtherPart() {
        Invitation i = invitation();
        assertThat(i.takesPart()).isTrue();
        i.cancel(CycleState.SELF_ASSESSMENT, "Invited by mistake", "ministry", AT);
        assertThat(i.status).isEqualTo(InvitationStatus.CANCELLED);
        assertThat(i.takesPart()).isFalse();
        assertThat(i.cancellationReason).isEqualTo("Invited by mistake");
        assertThatThrownBy(() -> i.requireTakesPart(" and is not scored")).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("CANCELLED").hasMessageContaining("18.72");
        assertThatThrownBy(() -> i.decline("no", false, "officer", AT)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("CANCELLED");
        assertThatThrownBy(() -> i.cancel(CycleState.SELF_ASSESSMENT, "again", "ministry", AT))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("CANCELLED");
        assertThat(i.cancellationReason).isEqualTo("Invited by mistake");
    }

    @ParameterizedTest
    @EnumSource(value = CycleState.class, names = { "SELECTED", "CLOSED", "CANCELLED" })
    void anInvitationIsNotCancelledOnceTheCycleIsSelectedOrOver(CycleState state) {
        Invitation i = invitation();
        assertThatThrownBy(() -> i.cancel(state, "late", "ministry", AT)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("state " + state)
                .satisfies(e -> assertThat(((StateConflictException) e).state()).isEqualTo(state.name()));
        assertThat(i.status).isEqualTo(InvitationStatus.INVITED);
    }

    @Test
    void aDeclinedInvitationIsNotCancelled() {
        Invitation i = invitation();
        i.decline("term ends", false, "officer", AT);
        assertThatThrownBy(() -> i.cancel(CycleState.SELF_ASSESSMENT, "x", "ministry", AT))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("DECLINED");
        assertThat(i.status).isEqualTo(InvitationStatus.DECLINED);
        assertThat(i.cancelledAt).isNull();
    }
}
