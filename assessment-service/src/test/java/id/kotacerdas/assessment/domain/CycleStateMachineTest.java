package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CycleStateMachineTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2022-01-10T09:00:00+07:00");

    static AssessmentCycle cycle() {
        Schedule schedule = new Schedule(LocalDate.parse("2022-01-10"), OffsetDateTime.parse("2022-02-15T23:59:59+07:00"),
                List.of(LocalDate.parse("2022-02-21")), List.of(LocalDate.parse("2022-02-22")));
        return AssessmentCycle.draft(new AssessmentCycle.Plan("Asesmen 2022", 2022, 2023, "kominfo-readiness", 2,
                schedule, new Quotas(50, 2, null)), "ministry", NOW);
    }

    @Test
    void aCycleGoesThroughEveryStateInOrder() {
        AssessmentCycle cycle = cycle();
        assertThat(cycle.state).isEqualTo(CycleState.DRAFT);
        for (CycleState target : List.of(CycleState.INVITING, CycleState.SELF_ASSESSMENT, CycleState.INTERVIEWS,
                CycleState.SCORING)) {
            cycle.moveTo(target, false, "ministry", NOW);
        }
        cycle.moveTo(CycleState.SELECTED, true, "ministry", NOW);
        cycle.moveTo(CycleState.CLOSED, false, "ministry", NOW);
        assertThat(cycle.state).isEqualTo(CycleState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(CycleState.class)
    void onlyTheNextStateIsAllowedAndRefusalsNameTheCurrentState(CycleState from) {
        for (CycleState to : CycleState.values()) {
            boolean next = from.next().map(to::equals).orElse(false);
            if (next) {
                assertThatNoException().isThrownBy(() -> CycleStateMachine.check(from, to, true));
            } else {
                assertThatThrownBy(() -> CycleStateMachine.check(from, to, true))
                        .isInstanceOf(StateConflictException.class)
                        .hasMessageContaining("state " + from)
                        .satisfies(e -> assertThat(((StateConflictException) e).state()).isEqualTo(from.name()));
            }
        }
    }

    @Test
    void selectedIsReachedOnlyByConfirmingTheSelection() {
        assertThatThrownBy(() -> CycleStateMachine.check(CycleState.SCORING, CycleState.SELECTED, false))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("confirming the selection");
        assertThatNoException().isThrownBy(() -> CycleStateMachine.check(CycleState.SCORING, CycleState.SELECTED, true));
    }

    @Test
    void aRefusedTransitionLeavesTheCycleAsItWas() {
        AssessmentCycle cycle = cycle();
        assertThatThrownBy(() -> cycle.moveTo(CycleState.SCORING, false, "x", NOW))
                .hasMessage("The cycle is in state DRAFT; from DRAFT it can only move to INVITING, not to SCORING.");
        assertThat(cycle.state).isEqualTo(CycleState.DRAFT);
        assertThat(cycle.updatedBy).isEqualTo("ministry");
    }

    @Test
    void whatEachStateAllows() {
        assertThat(CycleState.INVITING.acceptsInvitations()).isTrue();
        assertThat(CycleState.SELF_ASSESSMENT.acceptsInvitations()).isFalse();
        assertThat(CycleState.SELF_ASSESSMENT.acceptsSelfAssessments()).isTrue();
        assertThat(CycleState.INTERVIEWS.acceptsSelfAssessments()).isFalse();
        assertThat(CycleState.INTERVIEWS.acceptsScores()).isTrue();
        assertThat(CycleState.SELECTED.acceptsScores()).isFalse();
        assertThat(CycleState.SCORING.acceptsSelection()).isTrue();
        assertThat(CycleState.SCORING.resultsPublished()).isFalse();
        assertThat(CycleState.SELECTED.resultsPublished()).isTrue();
        assertThat(CycleState.CLOSED.next()).isEmpty();
    }

    @Test
    void thePlanChangesOnlyWhilePreparingAndTheFrameworkOnlyInDraft() {
        AssessmentCycle cycle = cycle();
        AssessmentCycle.Plan plan = cycle.plan();
        AssessmentCycle.Plan otherFramework = new AssessmentCycle.Plan(plan.name(), plan.assessmentYear(),
                plan.programmeYear(), "spbe", 1, plan.schedule(), plan.quotas());
        assertThat(cycle.replan(plan, "m", NOW)).isFalse();
        cycle.moveTo(CycleState.INVITING, false, "m", NOW);
        assertThatThrownBy(() -> cycle.replan(otherFramework, "m", NOW)).hasMessageContaining("only in DRAFT");
        cycle.moveTo(CycleState.SELF_ASSESSMENT, false, "m", NOW);
        assertThatThrownBy(() -> cycle.replan(plan, "m", NOW)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("state SELF_ASSESSMENT");
    }

    @Test
    void programmeYearAndScheduleRules() {
        Schedule backwards = new Schedule(LocalDate.parse("2022-03-01"), OffsetDateTime.parse("2022-02-15T23:59:59+07:00"),
                List.of(LocalDate.parse("2022-02-01")), List.of());
        var plan = new AssessmentCycle.Plan("x", 2021, 2023, "f", 1, backwards, new Quotas(0, 0, null));
        assertThat(plan.check()).extracting(id.kotacerdas.platform.web.Violation::field).containsExactlyInAnyOrder(
                "programmeYear", "quotas", "schedule.selfAssessmentDeadline", "schedule.interviewDays[0]");
        assertThat(cycle().plan().check()).isEmpty();
        assertThat(backwards.inTime(OffsetDateTime.parse("2022-02-15T23:59:59+07:00"))).isTrue();
        assertThat(backwards.inTime(OffsetDateTime.parse("2022-02-15T17:00:00Z"))).isFalse();
    }
}
