package id.kotacerdas.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.security.Visibility;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** platform-web Visibility: who may see a fact about a region, and how the header reads. */
class VisibilityTest {

    static Caller caller(String role, String region) {
        return new Caller("s", "u", Set.of(role), region);
    }

    @Test
    void staffSeeEverythingOfEveryRegion() {
        for (String role : new String[] { Caller.MINISTRY_ADMIN, Caller.ASSESSOR, Caller.AUDITOR }) {
            assertThat(Visibility.visibleTo(caller(role, null), "18.72")).containsExactlyInAnyOrder(Visibility.values());
            assertThat(Visibility.audienceOf(caller(role, null))).isEqualTo(Visibility.Audience.STAFF);
        }
    }

    @Test
    void anOfficerSeesTheirOwnRegionButOnlyPublicFactsOfOthers() {
        Caller metro = caller(Caller.REGION_OFFICER, "18.72");
        assertThat(Visibility.visibleTo(metro, "18.72")).containsExactlyInAnyOrder(Visibility.PUBLIC,
                Visibility.REGION_AND_INTEGRATORS, Visibility.REGION);
        assertThat(Visibility.visibleTo(metro, "52.07")).containsExactly(Visibility.PUBLIC);
        assertThat(Visibility.REGION.allows(metro, "52.07")).isFalse();
        assertThat(Visibility.STAFF.allows(metro, "18.72")).isFalse();
        assertThat(Visibility.audienceOf(metro)).isEqualTo(Visibility.Audience.PUBLIC);
    }

    @Test
    void integratorsSeePublicFactsAndSignedMous() {
        Caller integrator = caller(Caller.INTEGRATOR, null);
        assertThat(Visibility.visibleTo(integrator, "52.07")).containsExactlyInAnyOrder(Visibility.PUBLIC,
                Visibility.REGION_AND_INTEGRATORS);
        assertThat(Visibility.audienceOf(integrator)).isEqualTo(Visibility.Audience.INTEGRATORS);
        assertThat(Visibility.Audience.INTEGRATORS.sees(Visibility.REGION)).isFalse();
    }

    @Test
    void theHeaderReadsCautiously() {
        assertThat(Visibility.parse("region-and-integrators")).isEqualTo(Visibility.REGION_AND_INTEGRATORS);
        assertThat(Visibility.parse("PUBLIC")).isEqualTo(Visibility.PUBLIC);
        assertThat(Visibility.parse(null)).as("events from before the attribute").isEqualTo(Visibility.REGION);
        assertThat(Visibility.parse("everyone")).isEqualTo(Visibility.REGION);
        for (Visibility v : Visibility.values()) {
            assertThat(Visibility.parse(v.attributeValue())).isEqualTo(v);
        }
    }
}
