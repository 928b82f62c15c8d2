package id.kotacerdas.platform.registry;

import java.util.List;

/**
 * The data of a {@code RegionRegistered} v1 event as this module reads it (schema:
 * region-service {@code /events/schemas/RegionRegistered.v1.json}). Fields it does not know are ignored, so
 * region-service may add optional ones.
 */
record RegionRegisteredEvent(String code, String name, RegionLevel level, String parentCode, String provinceCode,
        String provinceName, Boolean administrative, String replacedBy, List<String> replaces, Long registryVersion,
        Integer registrySize) {

    static final String TYPE = "id.kotacerdas.region.RegionRegistered.v1";

    /** What makes the record unusable, or {@code null} when it is complete. */
    String problem() {
        if (blank(code) || code.length() > 20) {
            return "code is missing or longer than 20 characters";
        }
        if (blank(name)) {
            return "name is missing";
        }
        if (level == null) {
            return "level is missing";
        }
        if (blank(provinceCode) || blank(provinceName)) {
            return "provinceCode or provinceName is missing";
        }
        if (administrative == null) {
            return "administrative is missing";
        }
        if (registryVersion == null || registryVersion < 1 || registrySize == null || registrySize < 1) {
            return "registryVersion and registrySize must be positive";
        }
        if (replacedBy != null && replacedBy.equals(code)) {
            return "a code cannot replace itself";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
