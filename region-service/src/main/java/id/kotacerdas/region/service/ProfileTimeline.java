package id.kotacerdas.region.service;

import id.kotacerdas.region.domain.ProfileDocument;
import id.kotacerdas.region.domain.RegionProfile;
import id.kotacerdas.region.domain.TimelineEntry;
import id.kotacerdas.region.domain.TimelineKind;
import id.kotacerdas.region.repository.ProgrammeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one timeline entry region-service writes from its own data: the SK that formed the region's Dewan Smart City,
 * as the region's profile names it (number and date). Written in the profile change's transaction; a profile without
 * an SK date has no such entry. Not derived from a topic, so a rebuild of the consumers keeps it.
 */
@ApplicationScoped
public class ProfileTimeline {

    static final String FACT_KEY = "dewan-smart-city-sk";

    @Inject
    ProgrammeRepository repository;

    public Uni<Void> profileChanged(RegionProfile profile) {
        String key = TimelineEntry.key(profile.regionCode, FACT_KEY);
        ProfileDocument.DewanSmartCity dewan = profile.data == null ? null : profile.data.dewanSmartCity();
        return repository.entry(key).flatMap(existing -> {
            if (dewan == null || dewan.skDate() == null) {
                // the timeline holds dated facts: an SK whose date is not known stays in the profile (with its sources)
                return existing == null ? Uni.createFrom().voidItem() : repository.remove(existing);
            }
            TimelineEntry entry = existing != null ? existing : new TimelineEntry();
            entry.entryKey = key;
            entry.regionCode = profile.regionCode;
            entry.factKey = FACT_KEY;
            entry.kind = TimelineKind.DEWAN_SMART_CITY_FORMED;
            entry.kindOrder = TimelineKind.DEWAN_SMART_CITY_FORMED.order();
            entry.occurredOn = dewan.skDate();
            entry.occurredAt = null;
            entry.datePrecision = TimelineEntry.DatePrecision.DAY;
            entry.programmeYear = null;
            entry.summary = "Dewan Smart City formed by SK "
                    + (dewan.skNumber() == null ? "(number not known)" : dewan.skNumber());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("skNumber", dewan.skNumber());
            facts.put("skDate", dewan.skDate().toString());
            facts.put("members", dewan.members() == null ? 0 : dewan.members().size());
            if (dewan.sources() != null && !dewan.sources().isEmpty()) {
                facts.put("sources", dewan.sources());
            }
            entry.facts = facts;
            entry.sourceKind = TimelineEntry.SourceKind.PROFILE;
            entry.visibility = id.kotacerdas.platform.security.Visibility.PUBLIC; // profiles are every caller's to read
            entry.profileVersion = profile.version;
            return existing == null ? repository.persist(entry) : Uni.createFrom().voidItem();
        });
    }
}
