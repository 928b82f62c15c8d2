package id.kotacerdas.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidityTest {

    static final LocalDate SIGNED = LocalDate.of(2022, 4, 21);

    @Test
    void yearsRunFromTheSigningDateToTheDayBeforeTheAnniversary() {
        Validity v = Validity.ofYears(SIGNED, 3);
        assertThat(v.from()).isEqualTo(SIGNED);
        assertThat(v.until()).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(v.years()).isEqualTo(3);
        assertThat(v.expiresOn()).isEqualTo(LocalDate.of(2025, 4, 21));
    }

    @Test
    void itIsInForceThroughItsLastDayAndExpiredTheDayAfter() {
        Validity v = Validity.ofYears(SIGNED, 1);
        assertThat(v.inForceOn(SIGNED)).isTrue();
        assertThat(v.inForceOn(LocalDate.of(2023, 4, 20))).isTrue();
        assertThat(v.expiredBy(LocalDate.of(2023, 4, 20))).isFalse();
        assertThat(v.expiredBy(LocalDate.of(2023, 4, 21))).isTrue();
        assertThat(v.inForceOn(LocalDate.of(2023, 4, 21))).isFalse();
        assertThat(v.inForceOn(SIGNED.minusDays(1))).as("not before it was signed").isFalse();
    }

    @Test
    void aLeapDaySigningEndsTheDayBeforeItsAnniversaryWhichJavaPutsOnThe28th() {
        Validity v = Validity.ofYears(LocalDate.of(2024, 2, 29), 1);
        assertThat(v.until()).isEqualTo(LocalDate.of(2025, 2, 27));
        assertThat(v.expiredBy(LocalDate.of(2025, 2, 28))).isTrue();
    }

    @Test
    void anEndDateTheDocumentNamesIsKeptAsItIs() {
        Validity v = Validity.until(SIGNED, LocalDate.of(2024, 12, 31));
        assertThat(v.years()).isNull();
        assertThat(v.until()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(v.expiresOn()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aValidityCannotEndBeforeOrOnTheSigningDay() {
        assertThatThrownBy(() -> Validity.until(SIGNED, SIGNED.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Validity.until(SIGNED, SIGNED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Validity.ofYears(SIGNED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Validity.ofYears(SIGNED, 11)).isInstanceOf(IllegalArgumentException.class);
    }
}
