package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResultLetterNumberTest {

    @Test
    void formatsTheMinistrysNumberWithATwoDigitMonth() {
        assertThat(ResultLetterNumber.of(349, LocalDate.of(2022, 6, 3))).hasToString("B-349/DJAI/AI.01.02/06/2022");
        assertThat(ResultLetterNumber.of(1, LocalDate.of(2023, 12, 31))).hasToString("B-1/DJAI/AI.01.02/12/2023");
    }

    @Test
    void parsesWhatItFormatsAndChecksTheDate() {
        ResultLetterNumber n = ResultLetterNumber.parse("B-454/DJAI/AI.01.02/05/2023", "number");
        assertThat(n).isEqualTo(new ResultLetterNumber(454, 5, 2023));
        assertThat(n.fits(LocalDate.of(2023, 5, 31))).isTrue();
        assertThat(n.fits(LocalDate.of(2023, 6, 1))).isFalse();
        assertThat(n.fits(LocalDate.of(2022, 5, 31))).isFalse();
        assertThat(ResultLetterNumber.parse(n.toString(), "number")).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(strings = { "B.116/DJAI/AI.01.05/02/2019", "B-0/DJAI/AI.01.02/06/2022", "B-349/DJAI/AI.01.02/6/2022",
            "B-349/DJAI/AI.01.02/13/2022", "B-1003/DJAI/AI.01.04/12/2022", "b-349/djai/ai.01.02/06/2022", "" })
    void rejectsOtherFormatsNamingTheField(String text) {
        assertThatThrownBy(() -> ResultLetterNumber.parse(text, "number")).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations().get(0).field()).isEqualTo("number"));
    }
}
