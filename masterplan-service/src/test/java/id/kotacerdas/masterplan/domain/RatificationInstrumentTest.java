package id.kotacerdas.masterplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatificationInstrumentTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PERWALI, PERWALI", "Perwali, PERWALI", "Perwal, PERWALI", "Perwa, PERWALI", "perwa, PERWALI",
            "Peraturan Walikota, PERWALI", "Peraturan Wali Kota, PERWALI", "PERATURAN WALI-KOTA, PERWALI",
            "Perbup, PERBUP", "Peraturan Bupati, PERBUP", "Pergub, PERGUB", "Peraturan Gubernur, PERGUB",
            "Perda, PERDA", "Peraturan Daerah, PERDA",
            "SK, SK", "S.K., SK", "Keputusan, SK", "Surat Keputusan, SK", "Keputusan Bupati, SK", "SK Walikota, SK" })
    void theNamesUsedInPracticeStandForOneKind(String name, RatificationInstrument kind) {
        assertThat(RatificationInstrument.resolve(name)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = { "PERPRES", "Peraturan Presiden", "Perwalikota2", "", " ", "Peraturan" })
    void otherNamesStandForNoKind(String name) {
        assertThat(RatificationInstrument.resolve(name)).isEmpty();
    }

    @Test
    void noNameIsNoKind() {
        assertThat(RatificationInstrument.resolve(null)).isEmpty();
    }

    @Test
    void theAcceptedNamesListEachCodeWithItsAliases() {
        assertThat(RatificationInstrument.acceptedNames()).startsWith("PERWALI", "Perwal", "Perwa")
                .contains("PERBUP", "PERGUB", "PERDA", "SK", "Keputusan").doesNotHaveDuplicates();
    }
}
