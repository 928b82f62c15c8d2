package id.kotacerdas.region.messaging;

import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.platform.security.Visibility;
import id.kotacerdas.region.domain.RegionLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The events region-service publishes on {@value #TOPIC} and {@value #REGISTRY_TOPIC}, keyed by region code, and
 * their payload types: the event contract, described exactly by the JSON schemas served under
 * {@code /events/schemas/} (a test holds them equal). The payload has types of its own, mapped from the stored
 * profile by {@link RegionEventMapper}, so that neither an API change nor a storage change alters what consumers
 * receive.
 */
public final class RegionEvents {

    public static final String TOPIC = "kotacerdas.region.v1";
    public static final String AGGREGATE = "Region";

    public static final EventSpec PROFILE_CREATED = new EventSpec(TOPIC, AGGREGATE,
            "id.kotacerdas.region.RegionProfileCreated.v1", "/events/schemas/RegionProfileCreated.v1.json", Visibility.PUBLIC);
    public static final EventSpec PROFILE_UPDATED = new EventSpec(TOPIC, AGGREGATE,
            "id.kotacerdas.region.RegionProfileUpdated.v1", "/events/schemas/RegionProfileUpdated.v1.json", Visibility.PUBLIC);

    /** The region registry: compacted, one record per code, so a consumer reading from the start has every region. */
    public static final String REGISTRY_TOPIC = "kotacerdas.region-registry.v1";
    public static final EventSpec REGION_REGISTERED = new EventSpec(REGISTRY_TOPIC, AGGREGATE,
            "id.kotacerdas.region.RegionRegistered.v1", "/events/schemas/RegionRegistered.v1.json", Visibility.PUBLIC);

    private RegionEvents() {
    }

    /** The data of both profile events: the profile as it is after the change. */
    public record ProfileChanged(String regionCode, String regionName, RegionLevel level, long version,
            Profile profile, Actor changedBy, OffsetDateTime changedAt) {
    }

    /**
     * The data of {@code RegionProfileUpdated}: the profile as it is after the change, and for a correction
     * ({@code POST …/profile/corrections}) its open record; {@code correction} is null for a PUT.
     */
    public record ProfileUpdated(String regionCode, String regionName, RegionLevel level, long version,
            Profile profile, Actor changedBy, OffsetDateTime changedAt, Correction correction) {
    }

    /**
     * A correction of the profile: the profile's revision (version) after it, why, what shows it, when, and the
     * earlier values of the parts it changed ({@code previous}: only the parts named in {@code changed} are set).
     */
    public record Correction(long revision, String reason, List<id.kotacerdas.platform.record.Source> sources,
            OffsetDateTime at, List<String> changed, Profile previous) {
    }

    public record Actor(String subject, String username) {
    }

    /**
     * One entry of the region registry: a province, a kabupaten/kota, or a replaced code that names its successor.
     * {@code registrySize} is the number of records of {@code registryVersion}, so a consumer can tell when it has
     * them all.
     */
    public record RegionRegistered(String code, String name, RegionLevel level, String parentCode,
            String provinceCode, String provinceName, boolean administrative, String replacedBy,
            List<String> replaces, long registryVersion, int registrySize) {

        public RegionRegistered withVersion(long version, int size) {
            return new RegionRegistered(code, name, level, parentCode, provinceCode, provinceName, administrative,
                    replacedBy, replaces, version, size);
        }
    }

    /** The region's own facts after the change. */
    public record Profile(Official regionalHead, Official sekda, KominfoContact kominfoContact,
            List<RpjmdPeriod> rpjmdPeriods, DewanSmartCity dewanSmartCity, String website) {
    }

    public record Official(String name, String position, LocalDate termStart, LocalDate termEnd) {
    }

    public record KominfoContact(String officeName, String headName, String email, String phone, String address) {
    }

    public record RpjmdPeriod(Integer startYear, Integer endYear, String regulation) {
    }

    public record DewanSmartCity(String skNumber, LocalDate skDate, List<Member> members, List<Source> sources) {
    }

    public record Source(String title, String url) {
    }

    public record Member(String name, String role) {
    }
}
