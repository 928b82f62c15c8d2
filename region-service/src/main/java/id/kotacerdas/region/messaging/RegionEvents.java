package id.kotacerdas.region.messaging;

import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.region.domain.ProfileData;
import id.kotacerdas.region.domain.RegionLevel;
import java.time.OffsetDateTime;

/**
 * The events region-service publishes on {@value #TOPIC}, keyed by region code. Their JSON schemas
 * and the AsyncAPI document are served under {@code /events/}.
 */
public final class RegionEvents {

    public static final String TOPIC = "kotacerdas.region.v1";
    public static final String AGGREGATE = "Region";

    public static final EventSpec PROFILE_CREATED = new EventSpec(TOPIC, AGGREGATE,
            "id.kotacerdas.region.RegionProfileCreated.v1", "/events/schemas/RegionProfileCreated.v1.json");
    public static final EventSpec PROFILE_UPDATED = new EventSpec(TOPIC, AGGREGATE,
            "id.kotacerdas.region.RegionProfileUpdated.v1", "/events/schemas/RegionProfileUpdated.v1.json");

    private RegionEvents() {
    }

    /** The data of both profile events: the profile as it is after the change. */
    public record ProfileChanged(String regionCode, String regionName, RegionLevel level, long version,
            ProfileData profile, Actor changedBy, OffsetDateTime changedAt) {
    }

    public record Actor(String subject, String username) {
    }
}
