package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CohortWarningsTest {

    @Test
    void moreMembersThanDeclaredIsSaidWithBothFigures() {
        List<CohortWarnings.Warning> w = CohortWarnings.of(2022, Track.KAB_KOTA, 50, 0, 52, 0, List.of());
        assertThat(w).extracting(CohortWarnings.Warning::code).containsExactly(CohortWarnings.MORE_MEMBERS_THAN_DECLARED);
        assertThat(w.get(0).declared()).isEqualTo(50);
        assertThat(w.get(0).identified()).isEqualTo(52);
        assertThat(w.get(0).message()).contains("52 members", "2 more than the 50", "2022 KAB_KOTA");
    }

    @Test
    void asManyOrFewerThanDeclaredIsNoWarning() {
        assertThat(CohortWarnings.of(2017, Track.KAB_KOTA, 25, 0, 25, 0, List.of())).isEmpty();
        assertThat(CohortWarnings.of(2021, Track.KAB_KOTA, 48, 7, 11, 4, List.of())).isEmpty();
        assertThat(CohortWarnings.of(2045, Track.KAB_KOTA, null, null, 3, 1, null)).isEmpty(); // nothing declared
    }

    @Test
    void moreRepeatsThanDeclaredAsIn2019() {
        List<CohortWarnings.Warning> w = CohortWarnings.of(2019, Track.KAB_KOTA, 25, 0, 25, 2, List.of());
        assertThat(w).extracting(CohortWarnings.Warning::code).containsExactly(CohortWarnings.MORE_REPEATS_THAN_DECLARED);
        assertThat(w.get(0).message()).contains("overcounted by 2");
    }

    @Test
    void membersOnAnUncertainSourceAreNamed() {
        List<CohortWarnings.Warning> w = CohortWarnings.of(2021, Track.KAB_KOTA, 48, 7, 11, 4, List.of("74.07"));
        assertThat(w).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(CohortWarnings.UNCERTAIN_MEMBERS);
            assertThat(x.regionCodes()).containsExactly("74.07");
            assertThat(x.declared()).isNull();
            assertThat(x.message()).startsWith("1 member of");
        });
        assertThat(CohortWarnings.of(2030, Track.PROVINCE, 1, 0, 3, 1, List.of("34", "32")))
                .extracting(CohortWarnings.Warning::code).containsExactly(CohortWarnings.MORE_MEMBERS_THAN_DECLARED,
                        CohortWarnings.MORE_REPEATS_THAN_DECLARED, CohortWarnings.UNCERTAIN_MEMBERS);
    }
}
