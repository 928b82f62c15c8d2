package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.web.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of an evaluation framework, the evaluation cycle's states, competition ranks and the evaluation letters'
 * numbers.
 */
class EvaluationRulesTest {

    static List<String> fields(FrameworkContent content) {
        return FrameworkRules.check(content).stream().map(Violation::field).toList();
    }

    @Test
    void theShippedShapeIsValidAndTheWeightsMustAddUp() {
        assertThat(FrameworkRules.check(TestFrameworks.sleman())).isEmpty();
        assertThat(FrameworkRules.check(TestFrameworks.evaluation("15", "15", "30", "20", "20"))).isEmpty();
        assertThat(FrameworkRules.check(TestFrameworks.evaluation("10", "20", "30", "30", "20")))
                .extracting(Violation::message).anyMatch(m -> m.contains("add up to 100") && m.contains("110"));
    }

    @Test
    void anEvaluationFrameworkHasExactlyTheFiveDimensionsAndEveryPillar() {
        FrameworkContent sleman = TestFrameworks.sleman();
        List<FrameworkContent.Criterion> four = new ArrayList<>(sleman.criteria().subList(0, 4));
        FrameworkContent.Criterion last = sleman.criteria().get(4);
        four.add(new FrameworkContent.Criterion("INNOVATION", "x", null, last.weight(), last.subDimensions(), List.of()));
        FrameworkContent renamed = new FrameworkContent("x", null, null, sleman.scales(), four, FrameworkPurpose.EVALUATION);
        assertThat(FrameworkRules.check(renamed)).extracting(Violation::field).contains("criteria[4].code", "criteria");
        assertThat(FrameworkRules.check(renamed)).extracting(Violation::message)
                .anyMatch(m -> m.contains("needs the dimension QUICK_WIN"));

        // a pillar twice in one dimension, and so ENVIRONMENT nowhere in it
        List<FrameworkContent.Criterion> criteria = new ArrayList<>();
        for (FrameworkContent.Criterion c : sleman.criteria()) {
            List<FrameworkContent.SubDimension> cells = new ArrayList<>();
            for (FrameworkContent.SubDimension s : c.subDimensions()) {
                cells.add(new FrameworkContent.SubDimension(s.code(), s.name(), null, s.weight(), s.indicators(),
                        s.pillar() == Pillar.ENVIRONMENT ? Pillar.SOCIETY : s.pillar()));
            }
            criteria.add(new FrameworkContent.Criterion(c.code(), c.name(), null, c.weight(), cells, List.of()));
        }
        FrameworkContent twice = new FrameworkContent("x", null, null, sleman.scales(), criteria, FrameworkPurpose.EVALUATION);
        assertThat(FrameworkRules.check(twice)).extracting(Violation::field).contains("criteria[0].subDimensions[5].pillar");
        assertThat(FrameworkRules.check(twice)).extracting(Violation::message)
                .anyMatch(m -> m.contains("ENVIRONMENT is in no dimension"));
    }

    @Test
    void onlyEvaluationFrameworksNamePillars() {
        FrameworkContent nested = TestFrameworks.nested();
        FrameworkContent.Criterion a = nested.criteria().get(0);
        FrameworkContent.SubDimension s = a.subDimensions().get(0);
        FrameworkContent withPillar = new FrameworkContent("x", null, null, nested.scales(), List.of(
                new FrameworkContent.Criterion(a.code(), a.name(), null, a.weight(), List.of(
                        new FrameworkContent.SubDimension(s.code(), s.name(), null, s.weight(), s.indicators(), Pillar.LIVING),
                        a.subDimensions().get(1)), List.of()), nested.criteria().get(1)));
        assertThat(fields(withPillar)).containsExactly("criteria[0].subDimensions[0].pillar");
    }

    @Test
    void anEvaluationCycleGoesThroughItsStatesInOrderAndPublishesOnlyByPublication() {
        CycleStateMachine<EvaluationState> machine = CycleStateMachine.EVALUATION;
        EvaluationState state = EvaluationState.DRAFT;
        List<EvaluationState> seen = new ArrayList<>(List.of(state));
        while (machine.next(state).isPresent()) {
            EvaluationState next = machine.next(state).get();
            machine.verify(state, next, next == EvaluationState.PUBLISHED);
            state = next;
            seen.add(state);
        }
        assertThat(seen).containsExactly(EvaluationState.values());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> machine.verify(EvaluationState.SCORING,
                EvaluationState.PUBLISHED, false)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("publishing the results");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> machine.verify(EvaluationState.DRAFT,
                EvaluationState.SCORING, false)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("state DRAFT").hasMessageContaining("only move to SELF_ASSESSMENT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> machine.verify(EvaluationState.CLOSED,
                EvaluationState.DRAFT, false)).isInstanceOf(StateConflictException.class)
                .satisfies(e -> assertThat(((StateConflictException) e).state()).isEqualTo("CLOSED"));
    }

    @Test
    void equalScoresShareARankAndTheNextRankCountsEveryoneAhead() {
        record R(String code, BigDecimal index) {
        }
        List<R> regions = List.of(new R("c", new BigDecimal("3.10")), new R("a", new BigDecimal("3.50")),
                new R("d", new BigDecimal("3.10")), new R("b", new BigDecimal("3.20")), new R("e", new BigDecimal("2.00")),
                new R("f", new BigDecimal("3.1")));
        var placed = Ranking.competition(regions, R::index, java.util.Comparator.comparing(R::code));
        assertThat(placed).extracting(p -> p.item().code() + "=" + p.rank())
                .containsExactly("a=1", "b=2", "c=3", "d=3", "f=3", "e=6");
        assertThat(Ranking.competition(List.<R>of(), R::index, java.util.Comparator.comparing(R::code))).isEmpty();
    }

    @Test
    void evaluationLettersAreNumberedUnderAi0104() {
        ResultLetterNumber n = ResultLetterNumber.of(1003, ResultLetterNumber.EVALUATION_RESULT, LocalDate.of(2022, 12, 5));
        assertThat(n).hasToString("B-1003/DJAI/AI.01.04/12/2022");
        assertThat(ResultLetterNumber.parse("B-1003/DJAI/AI.01.04/12/2022", ResultLetterNumber.EVALUATION_RESULT, "letterNumber"))
                .isEqualTo(n);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultLetterNumber.parse("B-349/DJAI/AI.01.02/06/2022",
                ResultLetterNumber.EVALUATION_RESULT, "letterNumber")).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("letterNumber").hasMessageContaining("AI.01.04");
        assertThat(ResultLetterNumber.parse("B-349/DJAI/AI.01.02/06/2022", "number").classification())
                .isEqualTo(ResultLetterNumber.ASSESSMENT_RESULT);
        assertThat("B-1003/DJAI/AI.01.04/12/2022").matches(ResultLetterNumber.EVALUATION_PATTERN);
    }
}
