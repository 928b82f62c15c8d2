package id.kotacerdas.region.service;

import id.kotacerdas.region.domain.TimelineKind;
import java.util.Map;
import java.util.Set;

/**
 * The timeline entries a {@code …Corrected}, {@code …Withdrawn} or {@code …Cancelled} event concerns, found by the
 * facts the entries already keep: always of the event's own topic (a rebuild of one topic reproduces its marks),
 * optionally of one region, by fact key, by facts the entry contains ({@code probe}: {@code cycleId},
 * {@code recordId}, {@code mouId} …) and of some kinds.
 */
public record EntryTarget(String topic, String regionCode, String factKey, Map<String, Object> probe,
        Set<TimelineKind> kinds) {

    public static EntryTarget byFacts(String topic, String regionCode, Map<String, Object> probe, TimelineKind... kinds) {
        return new EntryTarget(topic, regionCode, null, probe, kinds.length == 0 ? null : Set.of(kinds));
    }

    public static EntryTarget byKey(String topic, String regionCode, String factKey) {
        return new EntryTarget(topic, regionCode, factKey, null, null);
    }

    public EntryTarget inRegion(String code) {
        return new EntryTarget(topic, code, factKey, probe, kinds);
    }
}
