package id.kotacerdas.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** assessment-service's own settings ({@code kotacerdas.assessment.*}). */
@ConfigMapping(prefix = "kotacerdas.assessment")
public interface AssessmentConfig {

    /**
     * Framework documents (class-path resources, the JSON import format) loaded as published versions at start when
     * their code and version are not there yet; a version that exists is left alone, so a restart adds nothing.
     */
    @WithDefault("frameworks/kominfo-readiness.v1.json,frameworks/kominfo-readiness.v2.json,frameworks/spbe.v1.json,"
            + "frameworks/kominfo-evaluation.v1.json,frameworks/kominfo-evaluation.v2.json")
    List<String> frameworks();
}
