package id.kotacerdas.assessment.config;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** {@code kotacerdas.history.import-at-start=false}: the start imports nothing (the importer loads the history). */
class CohortImporterSwitchTest {

    @Test
    void switchedOffTheStartImportsNothing() {
        CohortImporter importer = new CohortImporter();
        importer.importAtStart = false;
        // no cohort service at all: importing anything would fail
        assertThatCode(() -> importer.onStart(null)).doesNotThrowAnyException();
    }
}
