package id.kotacerdas.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.region.domain.RegistryPublication;
import id.kotacerdas.region.domain.RegistryPublication.Decision;
import org.junit.jupiter.api.Test;

/** When the reference data found at start-up are published (plain unit test of the rule). */
class RegistryPublicationDecisionTest {

    private static RegistryPublication published(long version, String digest) {
        RegistryPublication p = new RegistryPublication();
        p.registryVersion = version;
        p.digest = digest;
        p.registrySize = 578;
        return p;
    }

    @Test
    void nothingPublishedYetPublishes() {
        assertThat(RegistryPublication.decide(null, 2, "a")).isEqualTo(Decision.PUBLISH);
    }

    @Test
    void theSameVersionWithTheSameDataIsNotPublishedAgain() {
        assertThat(RegistryPublication.decide(published(2, "a"), 2, "a")).isEqualTo(Decision.ALREADY_PUBLISHED);
    }

    @Test
    void aNewVersionIsPublished() {
        assertThat(RegistryPublication.decide(published(2, "a"), 7, "b")).isEqualTo(Decision.PUBLISH);
        assertThat(RegistryPublication.decide(published(2, "a"), 7, "a")).isEqualTo(Decision.PUBLISH);
    }

    @Test
    void dataChangedWithoutANewReferenceMigrationArePublishedAgain() {
        assertThat(RegistryPublication.decide(published(2, "a"), 2, "b")).isEqualTo(Decision.PUBLISH);
    }

    @Test
    void anOlderVersionIsNotPublishedOverANewerOne() {
        assertThat(RegistryPublication.decide(published(7, "b"), 2, "a")).isEqualTo(Decision.OLDER_THAN_PUBLISHED);
    }
}
