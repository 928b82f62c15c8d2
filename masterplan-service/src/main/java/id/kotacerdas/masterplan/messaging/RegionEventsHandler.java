package id.kotacerdas.masterplan.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.masterplan.domain.Alignment;
import id.kotacerdas.masterplan.domain.RegionRpjmd;
import id.kotacerdas.masterplan.repository.RegionRpjmdRepository;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes region-service's {@code kotacerdas.region.v1}: each profile event carries the region's RPJMD periods,
 * kept in {@code region_rpjmd} to check masterplan roadmaps against. The newest profile version per region wins, in
 * whatever order the events arrive (an upsert that only ever moves forward); a rebuild forgets the table and replays.
 */
@ApplicationScoped
public class RegionEventsHandler implements InboxHandler {

    public static final String CHANNEL = "region-events";
    public static final String PROFILE_CREATED = "id.kotacerdas.region.RegionProfileCreated.v1";
    public static final String PROFILE_UPDATED = "id.kotacerdas.region.RegionProfileUpdated.v1";
    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2})?");
    /** Writes the periods as the JSON column holds them; independent of the REST layer's JSON settings. */
    private static final ObjectMapper COLUMN_JSON = new ObjectMapper();

    /** The part of region-service's profile events this service reads. */
    public record ProfileChanged(String regionCode, Long version, Profile profile, OffsetDateTime changedAt) {
    }

    public record Profile(List<RpjmdPeriod> rpjmdPeriods) {
    }

    public record RpjmdPeriod(Integer startYear, Integer endYear, String regulation) {
    }

    @Inject
    Inbox inbox;

    @Inject
    RegionRpjmdRepository rpjmd;

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(this, message);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventRoutes routes() {
        return EventRoutes.builder()
                .on(PROFILE_CREATED, ProfileChanged.class, this::profileChanged)
                .on(PROFILE_UPDATED, ProfileChanged.class, this::profileChanged)
                .build();
    }

    @Override
    public Uni<Void> clearDerivedState() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("DELETE FROM region_rpjmd").executeUpdate())
                .replaceWithVoid();
    }

    Uni<Void> profileChanged(IncomingEvent<ProfileChanged> event) {
        ProfileChanged data = event.data();
        if (data.regionCode() == null || !REGION_CODE.matcher(data.regionCode()).matches()) {
            throw new PoisonEventException("Profile event " + event.id() + " has no valid regionCode: " + data.regionCode());
        }
        if (data.version() == null) {
            throw new PoisonEventException("Profile event " + event.id() + " has no version");
        }
        List<Alignment.RpjmdPeriod> periods = new ArrayList<>();
        if (data.profile() != null && data.profile().rpjmdPeriods() != null) {
            for (RpjmdPeriod p : data.profile().rpjmdPeriods()) {
                if (p == null || p.startYear() == null || p.endYear() == null) {
                    throw new PoisonEventException("Profile event " + event.id() + " has an RPJMD period without years");
                }
                periods.add(new Alignment.RpjmdPeriod(p.startYear(), p.endYear(), p.regulation()));
            }
        }
        String json;
        try {
            json = COLUMN_JSON.writeValueAsString(new RegionRpjmd.Periods(periods));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        OffsetDateTime changedAt = data.changedAt() != null ? data.changedAt() : event.time();
        return rpjmd.upsertIfNewer(data.regionCode(), data.version(), json, changedAt, event.id()).replaceWithVoid();
    }
}
