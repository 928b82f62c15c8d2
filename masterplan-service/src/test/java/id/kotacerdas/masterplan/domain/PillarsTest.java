package id.kotacerdas.masterplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PillarsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "GOVERNANCE, GOVERNANCE", "Smart Governance, GOVERNANCE", "smart governance, GOVERNANCE",
            "Smart Branding, BRANDING", "ECONOMY, ECONOMY", "Smart-Living, LIVING", "SMART_SOCIETY, SOCIETY",
            "Smart Environment, ENVIRONMENT",
            "Smart People, SOCIETY", "People, SOCIETY", "smartpeople, SOCIETY",
            "Smart Mobility, LIVING", "Mobility, LIVING" })
    void namesFoundInTheWildMapOntoTheSixPillars(String name, Pillar pillar) {
        assertThat(Pillars.resolve(name)).contains(pillar);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Smart Infrastructure", "Infrastructure", "Smart Life", "Smart", "", " ", "Smart City" })
    void namesNoSourceSupportsMapToNoPillar(String name) {
        assertThat(Pillars.resolve(name)).isEmpty();
    }

    @Test
    void theAcceptedNamesListTheCodesTheProgrammesNamesAndTheAliases() {
        assertThat(Pillars.acceptedNames()).startsWith("GOVERNANCE", "Smart Governance")
                .contains("ENVIRONMENT", "Smart Society", "Smart People", "Smart Mobility").doesNotContain("Smart Infrastructure");
        assertThat(Pillars.aliasesOf(Pillar.SOCIETY)).containsExactly("Smart People");
        assertThat(Pillars.aliasesOf(Pillar.LIVING)).containsExactly("Smart Mobility");
        assertThat(Pillars.aliasesOf(Pillar.GOVERNANCE)).isEmpty();
    }

    @Test
    void everyPillarHasThreeSubDimensionsOfItsOwn() {
        for (Pillar p : Pillar.values()) {
            assertThat(p.subDimensions()).hasSize(3);
            p.subDimensions().forEach(s -> assertThat(s.pillar()).isEqualTo(p));
        }
        assertThat(Pillar.LIVING.has(Pillar.SubDimension.TRANSPORTATION)).isTrue();
        assertThat(Pillar.GOVERNANCE.has(Pillar.SubDimension.WASTE_MANAGEMENT)).isFalse();
    }
}
