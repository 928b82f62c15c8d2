package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dates of the programme's acts: stored, judged against a deadline, ordered. */
class ActDatesTest {

    static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2022-02-15T23:59:59+07:00");



    @Test
    void theDeadlineJudgesTheActsDateNotTheRecordingsWhenOneIsGiven() {
        OffsetDateTime today = OffsetDateTime.parse("2026-12-07T03:00:00Z");
        assertThat(ActDates.inTime(null, today, DEADLINE)).isFalse();
        assertThat(ActDates.inTime(null, DEADLINE, DEADLINE)).isTrue();
        assertThat(ActDates.inTime(Occurred.onDay(LocalDate.of(2022, 2, 10)), today, DEADLINE)).isTrue();
        assertThat(ActDates.inTime(Occurred.onDay(LocalDate.of(2022, 2, 15)), today, DEADLINE)).isTrue();
        assertThat(ActDates.inTime(Occurred.onDay(LocalDate.of(2022, 2, 16)), today, DEADLINE)).isFalse();
        // a month that may be before the deadline gets the benefit of the doubt; a later month does not
        assertThat(ActDates.inTime(new Occurred("2022-02", null).normalized(), today, DEADLINE)).isTrue();
        assertThat(ActDates.inTime(new Occurred("2022-03", null).normalized(), today, DEADLINE)).isFalse();
    }

    @Test
    void theLatestOfSomeActsIsTheOneThatMayStartLatest() {
        Occurred march = Occurred.onDay(LocalDate.of(2022, 3, 15));
        Occurred april = new Occurred("2022-04", null).normalized();
        Occurred year = Occurred.inYear(2022);
        assertThat(ActDates.latest(List.of(march, april, year))).isEqualTo(april);
        assertThat(ActDates.latest(Arrays.asList(null, march))).isEqualTo(march);
        assertThat(ActDates.latest(List.of())).isNull();
        // on the same first day, the one that may end later
        assertThat(ActDates.latest(List.of(Occurred.onDay(LocalDate.of(2022, 1, 1)), year))).isEqualTo(year);
    }

    @Test
    void aLettersOwnDayDatesItsActOnlyWhenItLiesBeforeTheRecordingDay() {
        OffsetDateTime recorded = OffsetDateTime.parse("2026-12-07T03:00:00Z");
        assertThat(ActDates.ofOwnDay(LocalDate.of(2022, 6, 3), recorded)).isEqualTo(Occurred.onDay(LocalDate.of(2022, 6, 3)));
        assertThat(ActDates.ofOwnDay(LocalDate.of(2026, 12, 7), recorded)).isNull();
        assertThat(ActDates.ofOwnDay(null, recorded)).isNull();
    }
}
