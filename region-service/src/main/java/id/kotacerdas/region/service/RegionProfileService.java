package id.kotacerdas.region.service;

import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import id.kotacerdas.region.domain.ProfileDocument;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionProfile;
import id.kotacerdas.region.domain.RegionProfileRevision;
import id.kotacerdas.region.messaging.RegionEventMapper;
import id.kotacerdas.region.messaging.RegionEvents;
import id.kotacerdas.region.repository.RegionProfileRepository;
import id.kotacerdas.region.repository.RegionProfileRevisionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A region's own facts. Every change checks, in this order, that the region exists (404), that the caller may change
 * it (403), the preconditions (428), the profile (400) and its version (412); then it commits the change, its audit
 * entry and its event together. Returns domain results; the resources speak HTTP.
 * <p>
 * The profile comes as a {@code Supplier}: the resource validates the request body and maps it to the stored
 * document when the supplier is called, which happens only at the 400 step, after the region and the caller were
 * checked.
 */
@ApplicationScoped
public class RegionProfileService {

    public static final String AUDIT_RESOURCE = "RegionProfile";

    @Inject
    RegionService regionService;

    @Inject
    RegionProfileRepository profiles;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    ProfileTimeline profileTimeline;

    @Inject
    RegionProfileRevisionRepository revisions;

    /** A profile with the region it belongs to. */
    public record Current(Region region, RegionProfile profile) {
    }

    @WithSession
    public Uni<Current> get(String code) {
        return regionService.current(code).flatMap(region -> profiles.findById(code).map(profile -> {
            if (profile == null) {
                throw ProblemException.notFound(region.name + " (" + code + ") has no profile yet; create it with POST.");
            }
            return new Current(region, profile);
        }));
    }

    /**
     * Creates the profile; with an idempotency key a retry gets the first answer again.
     *
     * @param answer what the caller answers for the new profile (its location, version and representation), stored
     *     with the key so that a retry gets exactly that answer
     */
    @WithTransaction
    public <T> Uni<IdempotentResult<T>> create(Caller caller, String code, Supplier<ProfileDocument> input,
            String idempotencyKey, Function<Current, IdempotentResult.Created<T>> answer) {
        Idempotency.validateKey(idempotencyKey);
        return regionService.current(code).flatMap(region -> {
            authorize(caller, region);
            ProfileDocument data = input.get();
            validate(region, data);
            return idempotency.execute(caller, idempotencyKey, List.of(code, data),
                    () -> profiles.findById(code).flatMap(existing -> {
                        if (existing != null) {
                            return Uni.createFrom().failure(ProblemException.conflict(region.name + " (" + code
                                    + ") already has a profile; update it with PUT and If-Match."));
                        }
                        OffsetDateTime now = now();
                        RegionProfile profile = new RegionProfile();
                        profile.regionCode = code;
                        profile.data = data;
                        profile.createdAt = now;
                        profile.createdBy = caller.username();
                        profile.updatedAt = now;
                        profile.updatedBy = caller.username();
                        return profiles.persistAndFlush(profile)
                                .call(saved -> record(caller, "REGION_PROFILE_CREATED", RegionEvents.PROFILE_CREATED,
                                        region, null, saved))
                                .map(saved -> answer.apply(new Current(region, saved)));
                    }));
        });
    }

    /** Replaces the profile if the caller's version (from If-Match) is still the current one. */
    @WithTransaction
    public Uni<Current> update(Caller caller, String code, Long expectedVersion, Supplier<ProfileDocument> input) {
        return regionService.current(code).flatMap(region -> {
            authorize(caller, region);
            if (expectedVersion == null) {
                throw new ProblemException(428, "if-match-required", "Precondition required",
                        "Send If-Match with the ETag of the profile you read, so no one else's change is overwritten.",
                        List.of(new Violation("If-Match", "is required")), Map.of());
            }
            ProfileDocument data = input.get();
            validate(region, data);
            return profiles.findById(code).flatMap(profile -> {
                if (profile == null) {
                    throw ProblemException.notFound(region.name + " (" + code + ") has no profile yet; create it with POST.");
                }
                if (profile.version != expectedVersion) {
                    throw new ProblemException(412, "stale-version", "Precondition failed",
                            "The profile is at version " + profile.version + ", not " + expectedVersion
                                    + "; read it again and reapply your change.",
                            List.of(new Violation("If-Match", "does not match the current version")), Map.of());
                }
                if (Objects.equals(profile.data, data)) {
                    return Uni.createFrom().item(new Current(region, profile)); // nothing changed: no audit, no event
                }
                ProfileDocument before = profile.data;
                long beforeVersion = profile.version;
                OffsetDateTime now = now();
                profile.data = data;
                profile.updatedAt = now;
                profile.updatedBy = caller.username();
                return profiles.flush()
                        .call(() -> keepRevision(code, beforeVersion, before, now, caller, null, null))
                        .call(() -> auditTrail.record(caller, "REGION_PROFILE_UPDATED", AUDIT_RESOURCE, region.code,
                                before, profile.data))
                        .call(() -> outbox.append(RegionEvents.PROFILE_UPDATED, region.code,
                                RegionEventMapper.profileUpdated(region, profile, caller, null)))
                        .call(() -> profileTimeline.profileChanged(profile))
                        .replaceWith(new Current(region, profile));
            });
        });
    }

    /** What a correction asks: why, what shows it, and the parts of the profile to change. */
    public record CorrectionRequest(String reason, List<Source> sources, boolean changesGiven) {
    }

    /**
     * Corrects parts of the profile (ministry only): the region (404), the caller (403), If-Match (428), the reason,
     * sources and changes (400), the version (412), the corrected profile's rules (400; a no-op is 400 naming
     * {@code changes}); then the profile, its earlier value (revisions), the audit entry with reason and sources, and
     * {@code RegionProfileUpdated} with its {@code correction} are committed together.
     *
     * @param merge the corrected profile from the current one (the resource applies the body's {@code changes} and
     *     validates them as the PUT does)
     */
    @WithTransaction
    public Uni<Current> correct(Caller caller, String code, Long expectedVersion, CorrectionRequest request,
            Function<ProfileDocument, ProfileDocument> merge) {
        return regionService.current(code).flatMap(region -> {
            if (!caller.hasRole(Caller.MINISTRY_ADMIN)) {
                throw ProblemException.forbidden("Only the ministry may correct " + region.name + "'s profile.");
            }
            if (expectedVersion == null) {
                throw new ProblemException(428, "if-match-required", "Precondition required",
                        "Send If-Match with the ETag of the profile you read, so no one else's change is overwritten.",
                        List.of(new Violation("If-Match", "is required")), Map.of());
            }
            List<Violation> problems = new ArrayList<>();
            if (request.reason() == null || request.reason().isBlank()) {
                problems.add(new Violation("reason", "is required: say why the profile is corrected"));
            } else if (request.reason().length() > 2000) {
                problems.add(new Violation("reason", "must be at most 2000 characters"));
            }
            problems.addAll(Source.check("sources", request.sources()));
            if (!request.changesGiven()) {
                problems.add(new Violation("changes", "is required: name at least one part of the profile to change"));
            }
            invalid(problems);
            return profiles.findById(code).flatMap(profile -> {
                if (profile == null) {
                    throw ProblemException.notFound(region.name + " (" + code + ") has no profile yet; create it with POST.");
                }
                if (profile.version != expectedVersion) {
                    throw new ProblemException(412, "stale-version", "Precondition failed",
                            "The profile is at version " + profile.version + ", not " + expectedVersion
                                    + "; read it again and reapply your change.",
                            List.of(new Violation("If-Match", "does not match the current version")), Map.of());
                }
                ProfileDocument before = profile.data;
                ProfileDocument data = merge.apply(before);
                validate(region, data);
                List<String> changed = changedParts(before, data);
                if (changed.isEmpty()) {
                    invalid(List.of(new Violation("changes", "changes nothing: every part given is as the profile already has it")));
                }
                long beforeVersion = profile.version;
                OffsetDateTime now = now();
                profile.data = data;
                profile.updatedAt = now;
                profile.updatedBy = caller.username();
                return profiles.flush().call(() -> {
                    RegionEvents.Correction correction = new RegionEvents.Correction(profile.version, request.reason(),
                            request.sources(), now, changed, RegionEventMapper.toEvent(onlyParts(before, changed)));
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("profile", data);
                    after.put("correction", Map.of("revision", profile.version, "reason", request.reason(),
                            "sources", request.sources(), "changed", changed));
                    return keepRevision(code, beforeVersion, before, now, caller, request.reason(), request.sources())
                            .call(() -> auditTrail.record(caller, "REGION_PROFILE_CORRECTED", AUDIT_RESOURCE,
                                    region.code, before, after))
                            .call(() -> outbox.append(RegionEvents.PROFILE_UPDATED, region.code,
                                    RegionEventMapper.profileUpdated(region, profile, caller, correction)))
                            .call(() -> profileTimeline.profileChanged(profile));
                }).replaceWith(new Current(region, profile));
            });
        });
    }

    /** The region's earlier profile values, oldest first (kept from migration V10 on). */
    @WithSession
    public Uni<List<RegionProfileRevision>> revisions(String code) {
        return get(code).flatMap(current -> revisions.of(code));
    }

    private Uni<?> keepRevision(String code, long version, ProfileDocument value, OffsetDateTime at, Caller caller,
            String reason, List<Source> sources) {
        RegionProfileRevision revision = new RegionProfileRevision();
        revision.id = new RegionProfileRevision.Key(code, version);
        revision.value = value;
        revision.replacedAt = at;
        revision.replacedBy = caller.username();
        revision.reason = reason;
        revision.sources = sources == null ? null : new RegionProfileRevision.Sources(sources);
        return revisions.persist(revision);
    }

    static final List<String> PARTS = List.of("regionalHead", "sekda", "kominfoContact", "rpjmdPeriods",
            "dewanSmartCity", "website");

    private static List<Object> parts(ProfileDocument d) {
        return Arrays.asList(d.regionalHead(), d.sekda(), d.kominfoContact(), d.rpjmdPeriods(), d.dewanSmartCity(),
                d.website());
    }

    private static List<String> changedParts(ProfileDocument before, ProfileDocument after) {
        List<Object> a = parts(before), b = parts(after);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < PARTS.size(); i++) {
            if (!Objects.equals(a.get(i), b.get(i))) {
                changed.add(PARTS.get(i));
            }
        }
        return changed;
    }

    private static ProfileDocument onlyParts(ProfileDocument d, List<String> parts) {
        return new ProfileDocument(parts.contains("regionalHead") ? d.regionalHead() : null,
                parts.contains("sekda") ? d.sekda() : null,
                parts.contains("kominfoContact") ? d.kominfoContact() : null,
                parts.contains("rpjmdPeriods") ? d.rpjmdPeriods() : null,
                parts.contains("dewanSmartCity") ? d.dewanSmartCity() : null,
                parts.contains("website") ? d.website() : null);
    }

    private static void invalid(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    problems.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    problems, Map.of());
        }
    }

    private Uni<?> record(Caller caller, String action, EventSpec event, Region region, ProfileDocument before,
            RegionProfile after) {
        var payload = RegionEventMapper.profileChanged(region, after, caller);
        return auditTrail.record(caller, action, AUDIT_RESOURCE, region.code, before, after.data)
                .call(() -> outbox.append(event, region.code, payload))
                .call(() -> profileTimeline.profileChanged(after));
    }

    private static void authorize(Caller caller, Region region) {
        if (!caller.mayChangeRegion(region.code)) {
            throw ProblemException.forbidden(caller.hasRole(Caller.REGION_OFFICER)
                    ? "A region officer may change only their own region (" + caller.regionCode() + "), not "
                            + region.name + " (" + region.code + ")."
                    : "Only the ministry and the region's own officers may change " + region.name + "'s profile.");
        }
    }

    /** The rules that span fields or depend on the region (the field rules are the API's, checked by the resource). */
    void validate(Region region, ProfileDocument data) {
        List<Violation> problems = new ArrayList<>();
        checkTerm(problems, "regionalHead", data.regionalHead());
        checkTerm(problems, "sekda", data.sekda());
        List<ProfileDocument.RpjmdPeriod> periods = data.rpjmdPeriods() == null ? List.of() : data.rpjmdPeriods();
        for (int i = 0; i < periods.size(); i++) {
            ProfileDocument.RpjmdPeriod p = periods.get(i);
            if (p.endYear() <= p.startYear() || p.endYear() - p.startYear() > 6) {
                problems.add(new Violation("rpjmdPeriods[" + i + "].endYear",
                        "must be after startYear and at most 6 years later"));
            }
        }
        List<ProfileDocument.RpjmdPeriod> sorted = periods.stream()
                .sorted(Comparator.comparing(ProfileDocument.RpjmdPeriod::startYear)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startYear() < sorted.get(i - 1).endYear()) {
                problems.add(new Violation("rpjmdPeriods", "periods " + sorted.get(i - 1).startYear() + "–"
                        + sorted.get(i - 1).endYear() + " and " + sorted.get(i).startYear() + "–"
                        + sorted.get(i).endYear() + " overlap"));
            }
        }
        ProfileDocument.DewanSmartCity dewan = data.dewanSmartCity();
        if (dewan != null && (dewan.skNumber() == null || dewan.skDate() == null)
                && (dewan.sources() == null || dewan.sources().isEmpty())) {
            problems.add(new Violation("dewanSmartCity.sources", "required when the SK's "
                    + (dewan.skNumber() == null ? dewan.skDate() == null ? "number and date are" : "number is" : "date is")
                    + " not known: name the record of the SK"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    problems.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    problems, Map.of());
        }
        if (region.administrative && !periods.isEmpty()) {
            throw ProblemException.unprocessable("rpjmdPeriods", region.name
                    + " is an administrative unit of DKI Jakarta, not an autonomous region, and has no RPJMD of its own");
        }
    }

    private static void checkTerm(List<Violation> problems, String field, ProfileDocument.Official official) {
        if (official != null && official.termStart() != null && official.termEnd() != null
                && !official.termEnd().isAfter(official.termStart())) {
            problems.add(new Violation(field + ".termEnd", "must be after termStart"));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
