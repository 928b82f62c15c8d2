package id.kotacerdas.platform.web;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * Names of the API that changed, so that a caller using an old one keeps working while it moves (issue 25: one name
 * per concept, one naming rule for actions). Each service lists its own in {@code application.properties}:
 *
 * <pre>
 * kotacerdas.api.renamed-paths."/api/v1/mous/{id}/schedule"=/api/v1/mous/{id}/scheduling
 * kotacerdas.api.renamed-parameters.parentCode=provinceCode
 * </pre>
 *
 * The old names are not in the OpenAPI document; a request that uses one is served as if it had used the new one
 * and answered with {@code Deprecation: true} and a {@code Link} to the new form ({@code rel="successor-version"},
 * RFC 9745 and RFC 8288). Giving an old and a new parameter together is a {@code 400} naming both.
 */
@ConfigMapping(prefix = "kotacerdas.api")
public interface RenamedApi {

    /** Old path template → new path template; {@code {name}} matches one path segment and is carried over. */
    Map<String, String> renamedPaths();

    /** Old query parameter → new one, for every path of the service. */
    Map<String, String> renamedParameters();
}
