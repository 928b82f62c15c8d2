package id.kotacerdas.masterplan.service;

import id.kotacerdas.masterplan.domain.ActDates;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanDocument;
import id.kotacerdas.masterplan.domain.MasterplanOrigin;
import id.kotacerdas.masterplan.domain.MasterplanRecord;
import id.kotacerdas.masterplan.domain.MasterplanState;
import id.kotacerdas.masterplan.domain.RatificationInstrument;
import id.kotacerdas.masterplan.messaging.MasterplanEventMapper;
import id.kotacerdas.masterplan.messaging.MasterplanEvents;
import id.kotacerdas.masterplan.repository.MasterplanRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.registry.RegisteredRegion;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Records a masterplan known only by its ratification from its sources (issue 18, item 2): a separate path that never
 * enters, nor weakens, the live workflow. Idempotent by the record's natural key: the same fact again is answered with
 * the stored masterplan and writes nothing; the same key with other content is a {@code 409} naming the first field
 * that differs (a correction's job); a LIVE masterplan of the region and year is a {@code 409}.
 */
@ApplicationScoped
public class RecordedMasterplanService {

    @Inject
    MasterplanRepository masterplans;

    @Inject
    RegionRegistry registry;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The masterplan recorded, or the one that held the same fact already ({@code created} false). */
    public record Recorded(Masterplan masterplan, boolean created) {
    }

    @WithTransaction
    public Uni<Recorded> record(Caller caller, MasterplanRecord given) {
        Occurred date = ActDates.checked(given.occurred(), "ratification.occurred", given.kind(), clock);
        MasterplanRecord rec = given.withOccurred(date);
        return registry.find(rec.regionCode()).chain(found -> {
            RegisteredRegion region = found.orElseThrow(
                    () -> ProblemException.notFound("No region has the code " + rec.regionCode() + "."));
            if (region.replaced()) {
                throw ProblemException.notFound("The code " + region.code() + " was replaced by " + region.replacedBy()
                        + "; use " + region.replacedBy() + ".");
            }
            checkLevel(region.code(), rec.instrument(), "ratification.instrument");
            return existing(region.code(), rec).chain(e -> {
                if (e != null) {
                    return Uni.createFrom().item(same(e, rec, region));
                }
                return create(caller, region, rec);
            });
        });
    }

    private Uni<Masterplan> existing(String regionCode, MasterplanRecord rec) {
        if (rec.programmeYear() != null) {
            return masterplans.findByRegionAndYear(regionCode, rec.programmeYear());
        }
        return masterplans.recordedWithoutYear(regionCode).map(all -> all.stream()
                .filter(m -> m.ratification != null && Objects.equals(m.ratification.number(), rec.number()))
                .findFirst().orElse(null));
    }

    /** The stored masterplan when it holds the same fact; otherwise a {@code 409}. */
    private static Recorded same(Masterplan e, MasterplanRecord rec, RegisteredRegion region) {
        String key = rec.programmeYear() != null ? "programme year " + rec.programmeYear()
                : "self-made plan No. " + rec.number();
        if (e.origin != Origin.RECORDED) {
            throw new ProblemException(409, "conflict", "Conflict", region.name() + " (" + region.code()
                    + ") has a LIVE masterplan for " + key + " (" + e.id + "): its ratification is recorded through the "
                    + "live workflow (POST /api/v1/masterplans/" + e.id + "/ratification), not from sources.",
                    List.of(new Violation("programmeYear", "a LIVE masterplan exists: " + e.id)), Map.of());
        }
        String differs = rec.firstDifference(e);
        if (differs != null) {
            throw new ProblemException(409, "conflict", "Conflict", region.name() + " (" + region.code()
                    + ")'s masterplan of " + key + " is recorded already (" + e.id + ") and differs in " + differs
                    + ": use a correction (POST /api/v1/masterplans/" + e.id + "/ratification/corrections).",
                    List.of(new Violation(differs, "differs from the recorded masterplan " + e.id
                            + ": use a correction")), Map.of());
        }
        return new Recorded(e, false);
    }

    private Uni<Recorded> create(Caller caller, RegisteredRegion region, MasterplanRecord rec) {
        OffsetDateTime now = Preconditions.now();
        Masterplan m = new Masterplan();
        m.id = UUID.randomUUID();
        m.regionCode = region.code();
        m.regionName = region.name();
        m.programmeYear = rec.programmeYear();
        m.kind = rec.kind();
        m.title = rec.title();
        m.origin = Origin.RECORDED;
        m.openedFrom = MasterplanOrigin.RECORDED;
        m.state = MasterplanState.RATIFIED;
        m.document = MasterplanDocument.empty();
        m.contentRecorded = false;
        m.versionCount = 0;
        m.reviews = new Masterplan.Reviews(List.of());
        m.ratification = rec.ratification(caller.username(), now);
        m.openedAt = now;
        m.openedBy = caller.username();
        m.updatedAt = now;
        m.updatedBy = caller.username();
        return masterplans.persistAndFlush(m)
                .call(saved -> auditTrail.record(caller, "MASTERPLAN_RECORDED", MasterplanService.AUDIT_RESOURCE,
                        saved.id.toString(), null, MasterplanService.snapshot(saved)))
                .call(saved -> outbox.append(MasterplanEvents.MASTERPLAN_RATIFIED, saved.regionCode,
                        MasterplanEventMapper.ratified(saved, caller)))
                .map(saved -> new Recorded(saved, true));
    }

    /** The level rule of the live path: a Perwali for a kota, a Perbup for a kabupaten, a Pergub for a province. */
    static void checkLevel(String regionCode, RatificationInstrument instrument, String field) {
        if (instrument == null) {
            return;
        }
        String level = MasterplanService.levelOf(regionCode);
        if (instrument == RatificationInstrument.PERWALI && !level.equals("KOTA")
                || instrument == RatificationInstrument.PERBUP && !level.equals("KABUPATEN")
                || instrument == RatificationInstrument.PERGUB && !level.equals("PROVINCE")) {
            throw ProblemException.unprocessable(field, instrument + " does not fit a "
                    + level.toLowerCase() + " (" + regionCode + ")");
        }
    }
}
