package id.kotacerdas.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The dates of an MoU's acts and their order (issue 18), without a database. */
class ActDatesTest {

    /** The day the tests "record" things: long after the acts they record. */
    static final OffsetDateTime RECORDED = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);



    @Test
    void aSigningIsNotBeforeTheDraftNorTheSchedulingPrecisionAware() {
        Mou mou = mou(Occurred.inYear(2022), Occurred.inMonth(java.time.YearMonth.of(2023, 2)));
        assertThatCode(() -> ActDates.requireSigningInOrder("signedOn", LocalDate.of(2023, 2, 28), mou))
                .doesNotThrowAnyException();
        assertThatCode(() -> ActDates.requireSigningInOrder("signedOn", LocalDate.of(2023, 2, 1), mou))
                .as("the month it was scheduled in may be the same day").doesNotThrowAnyException();
        refused(() -> ActDates.requireSigningInOrder("signedOn", LocalDate.of(2023, 1, 31), mou), "signedOn",
                "scheduling");
        refused(() -> ActDates.requireSigningInOrder("heldOn", LocalDate.of(2021, 12, 31), mou), "heldOn", "draft");
    }

    @Test
    void withoutOccurredTheDraftAndTheSchedulingHappenedWhenRecorded() {
        // a draft recorded today without occurred: a signing of 2023 is before it
        Mou mou = mou(null, null);
        refused(() -> ActDates.requireSigningInOrder("signedOn", LocalDate.of(2023, 2, 28), mou), "signedOn", "draft");
        assertThatCode(() -> ActDates.requireSigningInOrder("signedOn", LocalDate.of(2026, 12, 7), mou))
                .doesNotThrowAnyException();
        // dated draft, scheduling recorded today without occurred
        Mou scheduledToday = mou(Occurred.inYear(2022), null);
        scheduledToday.scheduledAt = RECORDED;
        refused(() -> ActDates.requireSigningInOrder("signedOn", LocalDate.of(2023, 2, 28), scheduledToday),
                "signedOn", "scheduling");
        // scheduled before this was kept (no date, no instant): only the draft is compared
        Mou unknownScheduling = mou(Occurred.inYear(2022), null);
        assertThat(unknownScheduling.scheduled()).isNull();
        assertThatCode(() -> ActDates.requireSigningInOrder("signedOn", LocalDate.of(2023, 2, 28), unknownScheduling))
                .doesNotThrowAnyException();
    }

    @Test
    void aSchedulingIsNotBeforeTheDraft() {
        Mou mou = mou(Occurred.onDay(LocalDate.of(2022, 6, 3)), null);
        assertThatCode(() -> ActDates.requireSchedulingInOrder("occurred", Occurred.inMonth(java.time.YearMonth.of(2022, 6)), mou))
                .doesNotThrowAnyException();
        refused(() -> ActDates.requireSchedulingInOrder("occurred", Occurred.inMonth(java.time.YearMonth.of(2022, 5)), mou),
                "occurred", "draft");
    }

    @Test
    void aWithdrawalIsNotBeforeTheDraftNorTheSchedulingOfAScheduledMou() {
        Mou mou = mou(Occurred.inYear(2022), Occurred.onDay(LocalDate.of(2023, 1, 10)));
        mou.state = MouState.SCHEDULED;
        refused(() -> ActDates.requireWithdrawalInOrder("occurred", Occurred.onDay(LocalDate.of(2023, 1, 9)), mou),
                "occurred", "scheduling");
        assertThatCode(() -> ActDates.requireWithdrawalInOrder("occurred", Occurred.inYear(2023), mou))
                .doesNotThrowAnyException();
        mou.state = MouState.DRAFT; // a draft's earlier scheduling (none here) does not count
        assertThatCode(() -> ActDates.requireWithdrawalInOrder("occurred", Occurred.onDay(LocalDate.of(2022, 5, 1)), mou))
                .doesNotThrowAnyException();
    }

    @Test
    void programmeActsAreNotBefore2017() {
        assertThat(SigningRules.checkNotBeforeProgramme("signedOn", LocalDate.of(2016, 12, 31)))
                .extracting(Violation::field).isEqualTo("signedOn");
        assertThat(SigningRules.checkNotBeforeProgramme("signedOn", LocalDate.of(2017, 1, 1))).isNull();
        assertThat(SigningRules.checkNotBeforeProgramme("signedOn", null)).isNull();
    }

    @Test
    void theMouReadsItsActDates() {
        Mou mou = mou(Occurred.inYear(2022), Occurred.inMonth(java.time.YearMonth.of(2023, 2)));
        assertThat(mou.draftedGiven()).isEqualTo(Occurred.inYear(2022));
        assertThat(mou.drafted()).isEqualTo(Occurred.inYear(2022));
        assertThat(mou.scheduled()).isEqualTo(Occurred.inMonth(java.time.YearMonth.of(2023, 2)));
        assertThat(mou.stateChanged()).isNull();
        mou.stateChangedOn = LocalDate.of(2022, 8, 1);
        mou.stateChangedPrecision = Occurred.Precision.MONTH;
        assertThat(mou.stateChanged()).isEqualTo(Occurred.inMonth(java.time.YearMonth.of(2022, 8)));
        Mou undated = mou(null, null);
        assertThat(undated.draftedGiven()).isNull();
        assertThat(undated.drafted()).isEqualTo(Occurred.onDay(LocalDate.of(2026, 12, 7)));
    }

    static Mou mou(Occurred drafted, Occurred scheduled) {
        Mou mou = new Mou();
        mou.regionName = "Kota Metro";
        mou.state = scheduled == null ? MouState.DRAFT : MouState.SCHEDULED;
        mou.createdAt = RECORDED;
        mou.draftedOn = Occurred.firstDayOf(drafted);
        mou.draftedPrecision = Occurred.precisionOf(drafted);
        mou.scheduledOn = Occurred.firstDayOf(scheduled);
        mou.scheduledPrecision = Occurred.precisionOf(scheduled);
        mou.scheduledAt = scheduled == null ? null : RECORDED;
        return mou;
    }

    static void refused(ThrowingCallable call, String field, String what) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.violations()).extracting(Violation::field).containsExactly(field);
            assertThat(e.getMessage()).contains(what);
        });
    }
}
