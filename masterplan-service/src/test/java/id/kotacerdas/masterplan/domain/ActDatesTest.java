package id.kotacerdas.masterplan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The dates of a masterplan's acts, on a fixed clock (7 December 2026). */
class ActDatesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    static final OffsetDateTime RECORDED = OffsetDateTime.parse("2026-12-07T03:00:00Z");

    static Occurred on(String date) {
        return new Occurred(date, null).normalized();
    }

    static String fieldOf(Throwable e) {
        return ((ProblemException) e).violations().get(0).field();
    }

    @Test
    void aSelfMadePlanHasNoFloorOtherPlansStartIn2017() {
        assertThat(ActDates.floorOf(MasterplanKind.SELF_MADE)).isNull();
        assertThat(ActDates.floorOf(MasterplanKind.GUIDED)).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(ActDates.checked(on("2015"), "occurred", MasterplanKind.SELF_MADE, CLOCK)).isEqualTo(on("2015"));
        assertThatThrownBy(() -> ActDates.checked(on("2016-12"), "occurred", MasterplanKind.GUIDED, CLOCK))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("occurred"))
                .hasMessageContaining("before the programme began");
        assertThatThrownBy(() -> ActDates.checked(on("2027"), "occurred", MasterplanKind.SELF_MADE, CLOCK))
                .hasMessageContaining("future");
        assertThat(ActDates.checked(null, "occurred", MasterplanKind.GUIDED, CLOCK)).isNull();
    }



    @Test
    void anExplicitDateIsJudgedAgainstTheEarlierActsGivenDateOrItsRecording() {
        assertThatThrownBy(() -> ActDates.notBefore("occurred", on("2022-03-01"), true, on("2022-04-21"), RECORDED,
                "the opening")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("occurred"))
                .hasMessageContaining("the opening (2022-04-21)");
        assertThatThrownBy(() -> ActDates.notBefore("occurred", on("2022-10-03"), true, null, RECORDED, "the opening"))
                .hasMessageContaining("2026-12-07");
        assertThatCode(() -> ActDates.notBefore("occurred", on("2022-04"), true, on("2022-04-21"), RECORDED, "x"))
                .as("a month may be the same day").doesNotThrowAnyException();
        assertThatCode(() -> ActDates.notBefore("occurred", on("2022-04-21"), true, on("2022-04-21"), RECORDED, "x"))
                .doesNotThrowAnyException();
    }

    @Test
    void anActsOwnDayIsJudgedOnlyAgainstEarlierActsDatedAfterTheFact() {
        assertThatCode(() -> ActDates.notBefore("date", on("2022-12-20"), false, null, RECORDED, "the approval"))
                .as("an approval typed in later does not refuse it").doesNotThrowAnyException();
        assertThatThrownBy(() -> ActDates.notBefore("date", on("2022-12-20"), false, on("2023-01-05"), RECORDED,
                "the approval")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("date"));
        assertThatCode(() -> ActDates.notBefore("date", null, false, on("2023"), RECORDED, "x")).doesNotThrowAnyException();
    }

    @Test
    void aRatificationIsDatedByItsDayElseTheDateGivenElseItsYear() {
        assertThat(ActDates.ratified(2022, LocalDate.of(2022, 12, 20), null)).isEqualTo(on("2022-12-20"));
        assertThat(ActDates.ratified(2022, LocalDate.of(2022, 12, 20), on("2022-12"))).isEqualTo(on("2022-12-20"));
        assertThat(ActDates.ratified(2019, null, on("2019-07"))).isEqualTo(on("2019-07"));
        assertThat(ActDates.ratified(2019, null, null)).isEqualTo(new Occurred("2019", Occurred.Precision.YEAR));
        assertThatThrownBy(() -> ActDates.ratified(2019, null, on("2020-01")))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("occurred")).hasMessageContaining("year 2019");
        assertThatThrownBy(() -> ActDates.ratified(2022, LocalDate.of(2022, 12, 20), on("2022-11")))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("occurred")).hasMessageContaining("2022-12-20");
    }

    @Test
    void aStageIsHeldWithinItsDays() {
        LocalDate start = LocalDate.of(2022, 6, 14), end = LocalDate.of(2022, 6, 15);
        assertThatCode(() -> ActDates.withinStage("occurred", on("2022-06"), start, end, 1)).doesNotThrowAnyException();
        assertThatCode(() -> ActDates.withinStage("occurred", on("2022-06-15"), start, end, 1)).doesNotThrowAnyException();
        assertThatCode(() -> ActDates.withinStage("occurred", null, start, end, 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ActDates.withinStage("occurred", on("2022-06-16"), start, end, 1))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("occurred"))
                .hasMessageContaining("2022-06-14 to 2022-06-15");
        assertThatThrownBy(() -> ActDates.withinStage("occurred", on("2022-05"), start, end, 1))
                .hasMessageContaining("stage 1");
    }
}
