package id.kotacerdas.agreement.domain;

import static id.kotacerdas.agreement.domain.MouAction.AMEND;
import static id.kotacerdas.agreement.domain.MouAction.EDIT_LOCAL_SIDE;
import static id.kotacerdas.agreement.domain.MouAction.EDIT_TERMS;
import static id.kotacerdas.agreement.domain.MouAction.EXPIRE;
import static id.kotacerdas.agreement.domain.MouAction.SCHEDULE;
import static id.kotacerdas.agreement.domain.MouAction.SIGN;
import static id.kotacerdas.agreement.domain.MouAction.TERMINATE;
import static id.kotacerdas.agreement.domain.MouAction.WITHDRAW;
import static id.kotacerdas.agreement.domain.MouState.DRAFT;
import static id.kotacerdas.agreement.domain.MouState.EXPIRED;
import static id.kotacerdas.agreement.domain.MouState.SCHEDULED;
import static id.kotacerdas.agreement.domain.MouState.SIGNED;
import static id.kotacerdas.agreement.domain.MouState.TERMINATED;
import static id.kotacerdas.agreement.domain.MouState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MouLifecycleTest {

    @Test
    void theHappyPathLeadsFromDraftThroughSchedulingAndSigningToExpiry() {
        MouState s = DRAFT;
        s = MouLifecycle.apply(s, SCHEDULE);
        assertThat(s).isEqualTo(SCHEDULED);
        s = MouLifecycle.apply(s, SIGN);
        assertThat(s).isEqualTo(SIGNED);
        s = MouLifecycle.apply(s, AMEND);
        assertThat(s).as("an amendment keeps it signed").isEqualTo(SIGNED);
        assertThat(MouLifecycle.apply(s, EXPIRE)).isEqualTo(EXPIRED);
        assertThat(MouLifecycle.apply(s, TERMINATE)).isEqualTo(TERMINATED);
    }

    @Test
    void signingADraftThatWasNeverScheduledIsRefusedNamingTheState() {
        assertThatThrownBy(() -> MouLifecycle.apply(DRAFT, SIGN))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("DRAFT")
                .hasMessageContaining("schedule it first")
                .satisfies(e -> {
                    IllegalTransitionException t = (IllegalTransitionException) e;
                    assertThat(t.state()).isEqualTo(DRAFT);
                    assertThat(t.action()).isEqualTo(SIGN);
                    assertThat(t.allowedFrom()).containsExactly(SCHEDULED);
                });
    }

    @Test
    void onlyUnsignedMousCanBeWithdrawnAndOnlySignedOnesTerminatedOrAmended() {
        assertThat(MouLifecycle.apply(DRAFT, WITHDRAW)).isEqualTo(WITHDRAWN);
        assertThat(MouLifecycle.apply(SCHEDULED, WITHDRAW)).isEqualTo(WITHDRAWN);
        assertThatThrownBy(() -> MouLifecycle.apply(SIGNED, WITHDRAW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("SIGNED");
        assertThatThrownBy(() -> MouLifecycle.apply(SCHEDULED, TERMINATE)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> MouLifecycle.apply(DRAFT, AMEND)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> MouLifecycle.apply(SCHEDULED, EXPIRE)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aScheduledMouCanBeMovedToAnotherSigning() {
        assertThat(MouLifecycle.apply(SCHEDULED, SCHEDULE)).isEqualTo(SCHEDULED);
    }

    @Test
    void termsAndTheRegionsSideChangeOnlyBeforeSigning() {
        for (MouAction edit : new MouAction[] { EDIT_TERMS, EDIT_LOCAL_SIDE }) {
            assertThat(MouLifecycle.allowedFrom(edit)).containsExactlyInAnyOrder(DRAFT, SCHEDULED);
            assertThat(MouLifecycle.apply(DRAFT, edit)).isEqualTo(DRAFT);
            assertThatThrownBy(() -> MouLifecycle.apply(SIGNED, edit)).isInstanceOf(IllegalTransitionException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = MouState.class, names = { "EXPIRED", "TERMINATED", "WITHDRAWN" })
    void finalStatesAllowNothing(MouState state) {
        assertThat(state.isFinal()).isTrue();
        for (MouAction action : MouAction.values()) {
            assertThat(MouLifecycle.allows(state, action)).as(state + " " + action).isFalse();
            assertThatThrownBy(() -> MouLifecycle.apply(state, action)).isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(state.name());
        }
    }

    @Test
    void everyActionIsAllowedSomewhereAndTheSignedStatesAreKnown() {
        for (MouAction action : MouAction.values()) {
            assertThat(MouLifecycle.allowedFrom(action)).as(action.name()).isNotEmpty();
        }
        Set<MouState> signed = EnumSet.noneOf(MouState.class);
        for (MouState s : MouState.values()) {
            if (s.wasSigned()) {
                signed.add(s);
            }
        }
        assertThat(signed).containsExactlyInAnyOrder(SIGNED, EXPIRED, TERMINATED);
    }
}
