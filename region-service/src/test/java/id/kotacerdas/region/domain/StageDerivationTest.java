package id.kotacerdas.region.domain;

import static id.kotacerdas.region.domain.StageDerivation.Fact.of;
import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.region.domain.StageDerivation.Fact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StageDerivationTest {

    static final String MOU = "mou-1";
    static final String PLAN = "plan-1";

    static Fact mou(TimelineKind kind, int year) {
        return new Fact(kind, year, null, MOU, null, null);
    }

    static Fact plan(TimelineKind kind, int year) {
        return new Fact(kind, year, null, PLAN, null, null);
    }

    static ProgrammeStage stage(Fact... facts) {
        return StageDerivation.derive(List.of(facts)).stage();
    }

    @Test
    void aRegionWithoutFactsIsNotInTheProgramme() {
        StageDerivation.Result r = StageDerivation.derive(List.of());
        assertThat(r.stage()).isEqualTo(ProgrammeStage.NOT_IN_PROGRAMME);
        assertThat(r.stageYear()).isNull();
        assertThat(r.programmeYears()).isEmpty();
    }

    @Test
    void assessmentStagesTakeTheirYearFromTheCycle() {
        Fact invited = new Fact(TimelineKind.INVITED, 2023, "c1", null, null, null);
        Fact submitted = new Fact(TimelineKind.SELF_ASSESSMENT_SUBMITTED, null, "c1", null, null, null);
        assertThat(stage(invited)).isEqualTo(ProgrammeStage.INVITED);
        StageDerivation.Result assessed = StageDerivation.derive(List.of(submitted, invited));
        assertThat(assessed.stage()).isEqualTo(ProgrammeStage.ASSESSED);
        assertThat(assessed.stageYear()).isEqualTo(2023);
        assertThat(assessed.programmeYears()).as("an assessment is no programme year").isEmpty();
        assertThat(stage(invited, submitted, new Fact(TimelineKind.NOT_SELECTED, 2023, "c1", null, null, null)))
                .isEqualTo(ProgrammeStage.NOT_SELECTED);
    }

    @Test
    void aLaterAssessmentWithoutSelectionDoesNotHideAnEarlierParticipation() {
        assertThat(stage(of(TimelineKind.SELECTED, 2022), mou(TimelineKind.MOU_SIGNED, 2022),
                new Fact(TimelineKind.INVITED, 2024, "c9", null, null, null),
                new Fact(TimelineKind.NOT_SELECTED, 2024, "c9", null, null, null)))
                .isEqualTo(ProgrammeStage.MOU_SIGNED);
    }

    @Test
    void theStageFollowsTheProgrammeThroughItsSteps() {
        List<Fact> facts = new ArrayList<>();
        facts.add(of(TimelineKind.SELECTED, 2022));
        assertThat(StageDerivation.derive(facts).stage()).isEqualTo(ProgrammeStage.SELECTED);
        facts.add(mou(TimelineKind.MOU_SIGNED, 2022));
        assertThat(StageDerivation.derive(facts).stage()).isEqualTo(ProgrammeStage.MOU_SIGNED);
        facts.add(plan(TimelineKind.BIMTEK_STAGE_1_HELD, 2022));
        assertThat(StageDerivation.derive(facts).stage()).isEqualTo(ProgrammeStage.BIMTEK);
        facts.add(plan(TimelineKind.BIMTEK_COMPLETED, 2022));
        assertThat(StageDerivation.derive(facts).stage()).isEqualTo(ProgrammeStage.BIMTEK_COMPLETED);
        facts.add(plan(TimelineKind.MASTERPLAN_REVISION_REQUESTED, 2022));
        assertThat(StageDerivation.derive(facts).stage()).isEqualTo(ProgrammeStage.MASTERPLAN_SUBMITTED);
        facts.add(plan(TimelineKind.MASTERPLAN_APPROVED, 2022));
        assertThat(StageDerivation.derive(facts).stage()).isEqualTo(ProgrammeStage.MASTERPLAN_APPROVED);
        facts.add(plan(TimelineKind.MASTERPLAN_RATIFIED, 2022));
        assertThat(StageDerivation.derive(facts).stage()).isEqualTo(ProgrammeStage.MASTERPLAN_RATIFIED);
        facts.add(mou(TimelineKind.MOU_EXPIRED, 2022));
        assertThat(StageDerivation.derive(facts).stage()).as("a ratified masterplan outlives its MoU")
                .isEqualTo(ProgrammeStage.MASTERPLAN_RATIFIED);
        facts.add(new Fact(TimelineKind.EVALUATED, null, null, null, null, 2021));
        assertThat(StageDerivation.derive(facts).stage()).as("an evaluation before the programme year does not count")
                .isEqualTo(ProgrammeStage.MASTERPLAN_RATIFIED);
        facts.add(new Fact(TimelineKind.EVALUATED, null, null, null, null, 2023));
        StageDerivation.Result evaluated = StageDerivation.derive(facts);
        assertThat(evaluated.stage()).isEqualTo(ProgrammeStage.EVALUATED);
        assertThat(evaluated.stageYear()).isEqualTo(2022);
        assertThat(evaluated.programmeYears()).containsExactly(2022);
    }

    @Test
    void allFourBimtekStagesHeldCountAsCompleted() {
        assertThat(stage(plan(TimelineKind.BIMTEK_STAGE_1_HELD, 2022), plan(TimelineKind.BIMTEK_STAGE_2_HELD, 2022),
                plan(TimelineKind.BIMTEK_STAGE_3_HELD, 2022), plan(TimelineKind.BIMTEK_STAGE_4_HELD, 2022)))
                .isEqualTo(ProgrammeStage.BIMTEK_COMPLETED);
    }

    @Test
    void anMouEndedBeforeRatificationEndsTheStageUnlessAnotherIsInForce() {
        assertThat(stage(of(TimelineKind.SELECTED, 2022), mou(TimelineKind.MOU_SIGNED, 2022),
                plan(TimelineKind.BIMTEK_STAGE_2_HELD, 2022), mou(TimelineKind.MOU_TERMINATED, 2022)))
                .isEqualTo(ProgrammeStage.MOU_ENDED);
        assertThat(stage(mou(TimelineKind.MOU_SIGNED, 2022), mou(TimelineKind.MOU_EXPIRED, 2022),
                new Fact(TimelineKind.MOU_SIGNED, 2022, null, "mou-2", null, null)))
                .as("a second MoU of the year in force").isEqualTo(ProgrammeStage.MOU_SIGNED);
    }

    @Test
    void theLatestProgrammeYearDecidesAndEveryYearIsListed() {
        StageDerivation.Result r = StageDerivation.derive(List.of(of(TimelineKind.COHORT_RECORDED, 2019),
                plan(TimelineKind.MASTERPLAN_RATIFIED, 2019), of(TimelineKind.RESULT_LETTER, 2023)));
        assertThat(r.stage()).isEqualTo(ProgrammeStage.SELECTED);
        assertThat(r.stageYear()).isEqualTo(2023);
        assertThat(r.programmeYears()).containsExactly(2019, 2023);
    }

    @Test
    void aSelfMadeMasterplanIsNoProgrammeYear() {
        Fact opened = new Fact(TimelineKind.MASTERPLAN_OPENED, 2021, null, "own", "SELF_MADE", null);
        Fact ratified = new Fact(TimelineKind.MASTERPLAN_RATIFIED, 2021, null, "own", null, null);
        StageDerivation.Result r = StageDerivation.derive(List.of(opened, ratified));
        assertThat(r.stage()).isEqualTo(ProgrammeStage.NOT_IN_PROGRAMME);
        assertThat(r.programmeYears()).isEmpty();
        assertThat(StageDerivation.derive(List.of(opened, ratified, of(TimelineKind.SELECTED, 2022))).stage())
                .isEqualTo(ProgrammeStage.SELECTED);
    }

    @Test
    void anEvaluatedMemberWithoutRecordedCohortIsEvaluated() {
        assertThat(stage(new Fact(TimelineKind.EVALUATED, null, null, null, null, 2022))).isEqualTo(ProgrammeStage.EVALUATED);
    }

    @Test
    void theOrderOfTheFactsNeverChangesTheResult() {
        List<Fact> facts = new ArrayList<>(List.of(of(TimelineKind.SELECTED, 2022), mou(TimelineKind.MOU_SIGNED, 2022),
                plan(TimelineKind.BIMTEK_STAGE_1_HELD, 2022), plan(TimelineKind.BIMTEK_STAGE_2_HELD, 2022),
                new Fact(TimelineKind.INVITED, 2022, "c1", null, null, null),
                new Fact(TimelineKind.SCORED, null, "c1", null, null, null), plan(TimelineKind.MASTERPLAN_SUBMITTED, 2022)));
        StageDerivation.Result expected = StageDerivation.derive(facts);
        assertThat(expected.stage()).isEqualTo(ProgrammeStage.MASTERPLAN_SUBMITTED);
        Random random = new Random(12);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(facts, random);
            assertThat(StageDerivation.derive(facts)).isEqualTo(expected);
        }
    }
}
