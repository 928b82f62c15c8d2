package id.kotacerdas.region.messaging;

import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.region.domain.ProfileDocument;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionProfile;
import java.util.List;
import java.util.function.Function;

/** The stored profile to the event payload, field by field (the event contract is not the storage format). */
public final class RegionEventMapper {

    private RegionEventMapper() {
    }

    public static RegionEvents.ProfileChanged profileChanged(Region region, RegionProfile profile, Caller caller) {
        return new RegionEvents.ProfileChanged(region.code, region.name, region.level, profile.version,
                toEvent(profile.data), new RegionEvents.Actor(caller.subject(), caller.username()), profile.updatedAt);
    }

    public static RegionEvents.ProfileUpdated profileUpdated(Region region, RegionProfile profile, Caller caller,
            RegionEvents.Correction correction) {
        return new RegionEvents.ProfileUpdated(region.code, region.name, region.level, profile.version,
                toEvent(profile.data), new RegionEvents.Actor(caller.subject(), caller.username()), profile.updatedAt,
                correction);
    }

    public static RegionEvents.Profile toEvent(ProfileDocument d) {
        if (d == null) {
            return null;
        }
        return new RegionEvents.Profile(official(d.regionalHead()), official(d.sekda()), kominfo(d.kominfoContact()),
                list(d.rpjmdPeriods(), p -> new RegionEvents.RpjmdPeriod(p.startYear(), p.endYear(), p.regulation())),
                dewan(d.dewanSmartCity()), d.website());
    }

    private static RegionEvents.Official official(ProfileDocument.Official o) {
        return o == null ? null : new RegionEvents.Official(o.name(), o.position(), o.termStart(), o.termEnd());
    }

    private static RegionEvents.KominfoContact kominfo(ProfileDocument.KominfoContact k) {
        return k == null ? null
                : new RegionEvents.KominfoContact(k.officeName(), k.headName(), k.email(), k.phone(), k.address());
    }

    private static RegionEvents.DewanSmartCity dewan(ProfileDocument.DewanSmartCity d) {
        return d == null ? null : new RegionEvents.DewanSmartCity(d.skNumber(), d.skDate(),
                list(d.members(), m -> new RegionEvents.Member(m.name(), m.role())),
                list(d.sources(), s -> new RegionEvents.Source(s.title(), s.url())));
    }

    private static <A, B> List<B> list(List<A> items, Function<A, B> map) {
        return items == null ? null : items.stream().map(map).toList();
    }
}
