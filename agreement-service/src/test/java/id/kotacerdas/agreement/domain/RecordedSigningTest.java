package id.kotacerdas.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedSigningTest {

    static final List<MouDocument.Source> SOURCES = List.of(new MouDocument.Source("Metro report 2023",
            "https://metrokota.go.id/a", LocalDate.of(2023, 3, 1)));
    static final RecordedSigning METRO = new RecordedSigning(Occurred.onDay(LocalDate.of(2023, 2, 28)), null, false,
            "Penandatanganan 2023", SOURCES);

    @Test
    void theSameFactHasNoDifference() {
        assertThat(METRO.firstDifference(new RecordedSigning(Occurred.onDay(LocalDate.of(2023, 2, 28)), null, false,
                "Penandatanganan 2023", List.copyOf(SOURCES)))).isEmpty();
    }

    @Test
    void theFirstDifferingFieldIsNamedInTheOrderOfTheRequest() {
        RecordedSigning other = new RecordedSigning(Occurred.inMonth(java.time.YearMonth.of(2023, 2)), "B-1", true,
                "other", List.of());
        assertThat(METRO.firstDifference(other)).contains("signedOn");
        assertThat(METRO.valueOf("signedOn")).isEqualTo("2023-02-28 (DAY)");
        assertThat(METRO.firstDifference(new RecordedSigning(METRO.signedOn(), "B-1", true, "other", List.of())))
                .contains("number");
        assertThat(METRO.firstDifference(new RecordedSigning(METRO.signedOn(), null, false, "other", List.of())))
                .contains("ceremony");
        assertThat(METRO.firstDifference(new RecordedSigning(METRO.signedOn(), null, false, "Penandatanganan 2023",
                List.of()))).contains("sources");
    }

    @Test
    void theNumberIsKnownWhenGivenAndAContradictionIsNoAnswer() {
        assertThat(RecordedSigning.numberKnown(null, null)).isFalse();
        assertThat(RecordedSigning.numberKnown("B-1", null)).isTrue();
        assertThat(RecordedSigning.numberKnown(null, false)).isFalse();
        assertThat(RecordedSigning.numberKnown("B-1", true)).isTrue();
        assertThat(RecordedSigning.numberKnown("B-1", false)).isNull();
        assertThat(RecordedSigning.numberKnown(null, true)).isNull();
        assertThat(RecordedSigning.numberKnown(" ", true)).isNull();
    }

    @Test
    void aCorrectionChangesOnlyWhatItGivesAndKeepsTheNumberHonest() {
        RecordedSigning numbered = METRO.with(null, " B-9/DJAI/2023 ", null, null, null);
        assertThat(numbered.number()).isEqualTo("B-9/DJAI/2023");
        assertThat(numbered.numberKnown()).isTrue();
        assertThat(numbered.signedOn()).isEqualTo(METRO.signedOn());
        assertThat(numbered.ceremony()).isEqualTo(METRO.ceremony());
        assertThat(numbered.sources()).isEqualTo(SOURCES);
        RecordedSigning unknownAgain = numbered.with(null, null, false, null, null);
        assertThat(unknownAgain.number()).isNull();
        assertThat(unknownAgain.numberKnown()).isFalse();
        assertThat(METRO.with(null, "B-1", false, null, null)).as("a number that is not known").isNull();
        assertThat(METRO.with(null, null, true, null, null)).as("known, but none given or recorded").isNull();
        assertThat(METRO.with(null, null, null, null, null)).isEqualTo(METRO);
    }
}
