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

    @Test
    void aRecordedNumberIsReadAsTheMinistryWritesIt() {
        ResultLetterNumber dotted = ResultLetterNumber.parseAsWritten("B.116/DJAI/AI.01.05/02/2019", "number");
        assertThat(dotted).isEqualTo(new ResultLetterNumber(116, "AI.01.05", 2, 2019));
        assertThat(dotted.fits(LocalDate.of(2019, 2, 28))).isTrue();
        assertThat(ResultLetterNumber.parseAsWritten("B-349/DJAI/AI.01.02/06/2022", "number"))
                .isEqualTo(new ResultLetterNumber(349, 6, 2022));
        assertThat(ResultLetterNumber.parseAsWritten("B-1003/DJAI/AI.01.04/12/2022", "number").classification())
                .isEqualTo("AI.01.04");
        // the live form stays strict: a dotted number or another classification is not an assessment result's number
        assertThatThrownBy(() -> ResultLetterNumber.parse("B.116/DJAI/AI.01.02/02/2019", "number"))
                .isInstanceOf(RuleViolationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "B 116/DJAI/AI.01.05/02/2019", "B.0/DJAI/AI.01.05/02/2019", "B.116/DJAI/AI.1.05/02/2019",
            "B.116/DJAI/AI.01.05/2/2019", "B.116/DJAI/AI.01.05/00/2019", "B.116/DJAI/AI.01.05/02/19", "B.116/DJ/AI.01.05/02/2019",
            "b.116/djai/ai.01.05/02/2019", "B.116/DJAI/AI.01.05/02/2019 ", "B..116/DJAI/AI.01.05/02/2019", "" })
    void aRecordedNumberInAnotherFormIsRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> ResultLetterNumber.parseAsWritten(text, "changes.number"))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations().get(0).field())
                        .isEqualTo("changes.number"));
        assertThat(text.matches(ResultLetterNumber.AS_WRITTEN_PATTERN)).isFalse();
    }

    @Test
    void theBeanValidationPatternAcceptsWhatTheParserReads() {
        for (String text : new String[] { "B.116/DJAI/AI.01.05/02/2019", "B-349/DJAI/AI.01.02/06/2022",
                "B-999999/DJAI/AI.99.99/12/2030" }) {
            assertThat(text.matches(ResultLetterNumber.AS_WRITTEN_PATTERN)).as(text).isTrue();
            ResultLetterNumber.parseAsWritten(text, "number");
        }
    }

    @Test
    void aRecordedNumberMustNameTheLettersMonthAndYear() {
        assertThatThrownBy(() -> id.kotacerdas.assessment.service.LetterNumbers.parseAsWritten(
                "B.116/DJAI/AI.01.05/02/2019", LocalDate.of(2019, 3, 1), "number"))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations().get(0).field()).isEqualTo("number"));
        assertThat(id.kotacerdas.assessment.service.LetterNumbers.parseAsWritten("B.116/DJAI/AI.01.05/02/2019",
                LocalDate.of(2019, 2, 1), "number").sequence()).isEqualTo(116);
    }
}
