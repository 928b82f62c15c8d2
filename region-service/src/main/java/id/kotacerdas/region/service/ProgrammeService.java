package id.kotacerdas.region.service;

import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.security.Visibility;
import id.kotacerdas.region.domain.ProgrammeProjection;
import id.kotacerdas.region.domain.RegionProgramme;
import id.kotacerdas.region.domain.StageDerivation;
import id.kotacerdas.region.domain.TimelineEntry;
import java.util.Set;
import id.kotacerdas.region.domain.ProgrammeStage;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionProfile;
import id.kotacerdas.region.repository.ProgrammeRepository;
import id.kotacerdas.region.repository.RegionProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the programme: a region's timeline and stage, and its dossier — all composed from what region-service
 * keeps from the events and its own tables, never by asking another service.
 */
@ApplicationScoped
public class ProgrammeService {

    @Inject
    RegionService regions;

    @Inject
    ProgrammeRepository programme;

    @Inject
    RegionProfileRepository profiles;

    /** A region's stage, the programme year it is about, and its programme years. */
    public record Status(ProgrammeStage stage, Integer stageYear, List<Integer> programmeYears) {
        public static final Status NONE = new Status(ProgrammeStage.NOT_IN_PROGRAMME, null, List.of());
    }

    public record TimelinePage(Region region, Status status, List<TimelineEntry> entries, long total) {
    }

    public record Dossier(Region region, RegionProfile profile, Status status, List<TimelineEntry> timeline,
            List<ProgrammeProjection.Mou> mous, List<ProgrammeProjection.Masterplan> masterplans,
            List<ProgrammeProjection.Evaluation> evaluations) {
    }

    /**
     * The region's timeline as the caller may see it (platform-web {@link Visibility}: the facts whose producer lets
     * this caller see them), and the stage derived from exactly those facts, so that the stage never reveals a fact
     * the caller cannot read.
     */
    @WithSession
    public Uni<TimelinePage> timeline(Caller caller, String code, int page, int size) {
        return timeline(caller, code, false, page, size);
    }

    /**
     * As {@link #timeline(Caller, String, int, int)}; with {@code includeWithdrawn} the page also holds the withdrawn
     * entries and those of cancelled cycles or invitations (marked so), while the stage is still derived without them.
     */
    @WithSession
    public Uni<TimelinePage> timeline(Caller caller, String code, boolean includeWithdrawn, int page, int size) {
        return regions.current(code).flatMap(region -> {
            Set<Visibility> visible = Visibility.visibleTo(caller, region.code);
            return programme.timeline(region.code, visible, includeWithdrawn)
                    .flatMap(all -> programme.timelinePage(region.code, visible, includeWithdrawn, page, size)
                            .map(entries -> new TimelinePage(region, statusOf(all), entries, all.size())));
        });
    }

    /** The dossier as the caller may see it: the visible facts, and of the MoUs those the owner would show it. */
    @WithSession
    public Uni<Dossier> dossier(Caller caller, String code) {
        return regions.current(code).flatMap(region -> {
            Set<Visibility> visible = Visibility.visibleTo(caller, region.code);
            return profiles.findById(region.code)
                    .flatMap(profile -> programme.timeline(region.code, visible)
                            .flatMap(timeline -> programme.mous(region.code)
                                    .flatMap(mous -> programme.masterplans(region.code)
                                            .flatMap(plans -> programme.evaluations(region.code)
                                                    .map(evaluations -> new Dossier(region, profile, statusOf(timeline), timeline,
                                                            mous.stream().filter(m -> visible.contains(visibilityOf(m)))
                                                                    .filter(m -> counts(m.details)).toList(),
                                                            plans, evaluations.stream().filter(e -> counts(e.details)).toList()))))));
        });
    }

    /**
     * Who agreement-service shows an MoU: staff and the region's own officers always; integrators once it was signed
     * (SIGNED, AMENDED, EXPIRED, TERMINATED); another region's officer never.
     */
    static Visibility visibilityOf(ProgrammeProjection.Mou mou) {
        return SIGNED_MOU_STATES.contains(mou.state) ? Visibility.REGION_AND_INTEGRATORS : Visibility.REGION;
    }

    static final Set<String> SIGNED_MOU_STATES = Set.of("SIGNED", "AMENDED", "EXPIRED", "TERMINATED");

    /** Whether a dossier projection still counts: not withdrawn, not of a cancelled cycle (its details say so). */
    static boolean counts(Map<String, Object> details) {
        return details == null || (details.get("withdrawn") == null && details.get("cancelled") == null);
    }

    static Status statusOf(List<TimelineEntry> entries) {
        List<TimelineEntry> counting = entries.stream().filter(TimelineEntry::counts).toList();
        if (counting.isEmpty()) {
            return Status.NONE;
        }
        StageDerivation.Result result = StageDerivation.derive(counting.stream().map(TimelineEntry::toFact).toList());
        return new Status(result.stage(), result.stageYear(), result.programmeYears());
    }

    /**
     * The status of each of these regions as the caller sees it (one query each way; regions without facts are not in
     * programme): staff every fact, an officer every fact of their own region, others the stage of their audience.
     */
    @WithSession
    public Uni<Map<String, Status>> statuses(Caller caller, Collection<String> codes) {
        Map<String, Status> result = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String code : codes) {
            Visibility.Audience audience = audienceFor(caller, code);
            chain = chain.chain(() -> status(code, audience).invoke(s -> result.put(code, s)).replaceWithVoid());
        }
        return chain.replaceWith(result);
    }

    /** The audience whose derived stage the caller sees for this region. */
    public static Visibility.Audience audienceFor(Caller caller, String code) {
        if (caller.hasRole(Caller.REGION_OFFICER) && code.equals(caller.regionCode())) {
            return Visibility.Audience.STAFF; // no fact is staff-only: the own officer sees what staff see
        }
        return Visibility.audienceOf(caller);
    }

    private Uni<Status> status(String code, Visibility.Audience audience) {
        return programme.programme(code).flatMap(p -> p == null ? Uni.createFrom().item(Status.NONE)
                : programme.programmeYears(code, RegionProgramme.rank(audience))
                        .map(years -> new Status(p.stageFor(audience), p.stageYearFor(audience), years)));
    }
}
