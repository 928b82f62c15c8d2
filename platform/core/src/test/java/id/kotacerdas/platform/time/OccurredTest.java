package id.kotacerdas.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.platform.time.Occurred.Precision;
import id.kotacerdas.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The rules of a programme act's date: form, precision, future, programme start, order. */
class OccurredTest {

    /** 2024-03-10 17:30 UTC is already 2024-03-11 in Jakarta. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T17:30:00Z"), ZoneOffset.UTC);

    @Test
    void precisionFollowsTheFormWhenOmitted() {
        assertThat(new Occurred("2022-06-03", null).checked("occurred", CLOCK).precision()).isEqualTo(Precision.DAY);
        assertThat(new Occurred("2022-06", null).checked("occurred", CLOCK).precision()).isEqualTo(Precision.MONTH);
        assertThat(new Occurred("2019", null).checked("occurred", CLOCK).precision()).isEqualTo(Precision.YEAR);
    }

    @Test
    void aPrecisionThatDisagreesWithTheFormIsRefusedOnThePrecision() {
        assertThatThrownBy(() -> new Occurred("2022-06", Precision.DAY).checked("signing.occurred", CLOCK))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.violations().get(0).field()).isEqualTo("signing.occurred.precision");
                });
    }

    @Test
    void malformedAndImpossibleDatesAreRefusedOnTheDate() {
        for (String bad : new String[] { "22-06-03", "2022/06/03", "2022-13", "2022-02-30", "", "2022-6-3" }) {
            assertThatThrownBy(() -> new Occurred(bad, null).checked("occurred", CLOCK))
                    .as(bad).isInstanceOfSatisfying(ProblemException.class,
                            p -> assertThat(p.violations().get(0).field()).isEqualTo("occurred.date"));
        }
    }

    @Test
    void todayIsTodayInJakartaAndTomorrowIsTheFuture() {
        assertThat(Occurred.onDay(LocalDate.of(2024, 3, 11)).checked("occurred", CLOCK).date()).isEqualTo("2024-03-11");
        assertThatThrownBy(() -> Occurred.onDay(LocalDate.of(2024, 3, 12)).checked("occurred", CLOCK))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.violations().get(0).message()).contains("future"));
        // the month and the year that contain today are not in the future
        assertThat(new Occurred("2024-03", null).checked("occurred", CLOCK).precision()).isEqualTo(Precision.MONTH);
        assertThat(new Occurred("2024", null).checked("occurred", CLOCK).precision()).isEqualTo(Precision.YEAR);
        assertThatThrownBy(() -> new Occurred("2025", null).checked("occurred", CLOCK))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aProgrammeActBeforeTheProgrammeIsRefusedButARegionsOwnWorkMayBeOlder() {
        assertThatThrownBy(() -> new Occurred("2016-12-31", null).checked("occurred", CLOCK))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.violations().get(0).message()).contains("before the programme"));
        assertThat(new Occurred("2017", null).checked("occurred", CLOCK).firstDay()).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(new Occurred("2015-08", null).checkedSince("occurred", CLOCK, null).lastDay())
                .isEqualTo(LocalDate.of(2015, 8, 31));
    }

    @Test
    void orderIsPrecisionAware() {
        Occurred invited = Occurred.onDay(LocalDate.of(2022, 6, 3));
        new Occurred("2022-06", Precision.MONTH).notBefore("occurred", invited, "the invitation");
        new Occurred("2022", Precision.YEAR).notBefore("occurred", invited, "the invitation");
        assertThatThrownBy(() -> new Occurred("2022-05", Precision.MONTH).notBefore("occurred", invited,
                "the invitation")).isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.violations().get(0).message()).isEqualTo("lies before the invitation (2022-06-03)"));
        assertThatThrownBy(() -> Occurred.onDay(LocalDate.of(2022, 6, 2)).notBefore("occurred",
                OffsetDateTime.parse("2022-06-02T18:00:00Z"), "the invitation"))
                .as("18:00 UTC is the 3rd in Jakarta").isInstanceOf(ProblemException.class);
        Occurred.onDay(LocalDate.of(2022, 6, 2)).notBefore("occurred", (Occurred) null, "nothing");
    }

    @Test
    void boundsOfEachPrecision() {
        assertThat(new Occurred("2024-02", null).lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(new Occurred("2019", null).lastDay()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(Occurred.at(OffsetDateTime.parse("2022-06-02T18:00:00Z")).date()).isEqualTo("2022-06-03");
        assertThat(Occurred.inYear(2019).year()).isEqualTo(2019);
    }

    @Test
    void aDateIsStoredAsItsFirstDayWithItsPrecisionAndReadBackTheSame() {
        for (Occurred date : new Occurred[] { Occurred.onDay(LocalDate.of(2023, 2, 28)),
                Occurred.inMonth(java.time.YearMonth.of(2023, 2)), Occurred.inYear(2022) }) {
            assertThat(Occurred.stored(Occurred.firstDayOf(date), Occurred.precisionOf(date))).isEqualTo(date);
        }
        assertThat(Occurred.firstDayOf(Occurred.inYear(2022))).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(Occurred.stored(LocalDate.of(2022, 4, 21), null)).as("no precision stored: a day")
                .isEqualTo(Occurred.onDay(LocalDate.of(2022, 4, 21)));
        assertThat(Occurred.stored(null, null)).isNull();
        assertThat(Occurred.firstDayOf(null)).isNull();
        assertThat(Occurred.precisionOf(null)).isNull();
    }

    @Test
    void anActsDateIsTheOneGivenElseTheDayInJakartaItWasRecorded() {
        OffsetDateTime recorded = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);
        Occurred given = Occurred.inYear(2022);
        assertThat(Occurred.orDayOf(given, recorded)).isEqualTo(given);
        assertThat(Occurred.orDayOf(null, recorded)).isEqualTo(Occurred.onDay(LocalDate.of(2026, 12, 7)));
        // 20:00 UTC is 03:00 the next day in Jakarta
        assertThat(Occurred.orDayOf(null, OffsetDateTime.of(2023, 2, 27, 20, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo(Occurred.onDay(LocalDate.of(2023, 2, 28)));
        assertThat(Occurred.orDayOf(null, null)).isNull();
    }

}
