package id.kotacerdas.masterplan.service;

import id.kotacerdas.masterplan.config.MasterplanConfig;
import id.kotacerdas.masterplan.domain.ActDates;
import id.kotacerdas.masterplan.domain.Alignment;
import id.kotacerdas.masterplan.domain.BimtekStage;
import id.kotacerdas.masterplan.domain.Completeness;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanAction;
import id.kotacerdas.masterplan.domain.MasterplanDocument;
import id.kotacerdas.masterplan.domain.MasterplanKind;
import id.kotacerdas.masterplan.domain.MasterplanLifecycle;
import id.kotacerdas.masterplan.domain.MasterplanOrigin;
import id.kotacerdas.masterplan.domain.MasterplanState;
import id.kotacerdas.masterplan.domain.MasterplanVersion;
import id.kotacerdas.masterplan.domain.RatificationInstrument;
import id.kotacerdas.masterplan.domain.RatificationRevision;
import id.kotacerdas.masterplan.domain.RegionRpjmd;
import id.kotacerdas.masterplan.messaging.MasterplanEventMapper;
import id.kotacerdas.masterplan.messaging.MasterplanEvents;
import id.kotacerdas.masterplan.repository.BimtekStageRepository;
import id.kotacerdas.masterplan.repository.MasterplanRepository;
import id.kotacerdas.masterplan.repository.MasterplanVersionRepository;
import id.kotacerdas.masterplan.repository.RatificationRevisionRepository;
import id.kotacerdas.masterplan.repository.RegionRpjmdRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.registry.RegisteredRegion;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A region's masterplan from its opening to its ratification. Every change checks, in this order, that the masterplan
 * exists (404), that the caller may change it (403), the preconditions (428), that its state allows the change (409
 * naming the state), the input (400, 422) and the version (412); then it commits the change, its audit entry and its
 * event together. Returns domain results; the resources speak HTTP.
 */
@ApplicationScoped
public class MasterplanService {

    public static final String AUDIT_RESOURCE = "Masterplan";
    /** Who the service acts as when another service's event causes a change. */
    public static final Caller SYSTEM = new Caller("system", "masterplan-service", Set.of(), null);
    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2})?");

    @Inject
    MasterplanRepository masterplans;

    @Inject
    MasterplanVersionRepository versions;

    @Inject
    BimtekStageRepository stages;

    @Inject
    RegionRpjmdRepository rpjmd;

    @Inject
    RatificationRevisionRepository ratificationRevisions;

    @Inject
    RegionRegistry registry;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    MasterplanConfig config;

    @Inject
    Clock clock;

    /** A masterplan with what its views show beside it. */
    public record Details(Masterplan masterplan, List<BimtekStage> stages, List<Alignment.Finding> findings) {
    }

    /** Two frozen versions and what changed between them. */
    public record VersionPair(MasterplanVersion from, MasterplanVersion to) {
    }

    // ------------------------------------------------------------------ reads

    @WithSession
    public Uni<Masterplan> get(UUID id) {
        return require(id);
    }

    @WithSession
    public Uni<Details> details(UUID id) {
        return require(id).chain(m -> stages.of(m.id).chain(s -> findings(m, m.document).map(f -> new Details(m, s, f))));
    }

    @WithSession
    public Uni<MasterplanRepository.Page> search(MasterplanRepository.Filter filter, MasterplanRepository.SortField sort,
            boolean descending, int page, int size) {
        return masterplans.search(filter, sort, descending, page, size);
    }

    /** The alignment findings of the working document against the region's RPJMD periods. */
    @WithSession
    public Uni<List<Alignment.Finding>> alignment(UUID id) {
        return require(id).chain(m -> findings(m, m.document));
    }

    @WithSession
    public Uni<List<MasterplanVersion>> versions(UUID id) {
        return require(id).chain(m -> versions.of(m.id));
    }

    @WithSession
    public Uni<MasterplanVersion> version(UUID id, int number) {
        return require(id).chain(m -> versions.find(m.id, number).map(v -> {
            if (v == null) {
                throw ProblemException.notFound("Masterplan " + id + " has no version " + number + " (it has "
                        + m.versionCount + ").");
            }
            return v;
        }));
    }

    @WithSession
    public Uni<VersionPair> versionPair(UUID id, int from, int to) {
        return version(id, from).chain(a -> version(id, to).map(b -> new VersionPair(a, b)));
    }

    Uni<List<Alignment.Finding>> findings(Masterplan m, MasterplanDocument document) {
        return rpjmd.findById(m.regionCode).map(row -> Alignment.check(document, periodsOf(row)));
    }

    private static List<Alignment.RpjmdPeriod> periodsOf(RegionRpjmd row) {
        return row == null ? null : row.periods == null ? List.of() : row.periods.items();
    }

    // ------------------------------------------------------------------ opening

    /**
     * Opens a region's masterplan work by hand (the ministry: past years, an earlier self-made masterplan, a revision).
     * With an idempotency key a retry gets the first answer again.
     */
    @WithTransaction
    public <T> Uni<IdempotentResult<T>> open(Caller caller, MasterplanCommands.Open command, String idempotencyKey,
            Function<Masterplan, IdempotentResult.Created<T>> answer) {
        Idempotency.validateKey(idempotencyKey);
        return registry.find(command.regionCode()).chain(found -> {
            Occurred opened = ActDates.checked(command.occurred(), "occurred", command.kind(), clock);
            RegisteredRegion region = found.orElseThrow(
                    () -> ProblemException.notFound("No region has the code " + command.regionCode() + "."));
            if (region.replaced()) {
                throw ProblemException.notFound("The code " + region.code() + " was replaced by " + region.replacedBy()
                        + "; use " + region.replacedBy() + ".");
            }
            return idempotency.execute(caller, idempotencyKey, command,
                    () -> masterplans.findByRegionAndYear(region.code(), command.programmeYear()).chain(existing -> {
                        if (existing != null) {
                            throw ProblemException.conflict(region.name() + " (" + region.code()
                                    + ") already has a masterplan for " + command.programmeYear() + ": "
                                    + existing.id + ".");
                        }
                        Masterplan m = newMasterplan(region.code(), region.name(), command.programmeYear(),
                                command.kind(), command.title(), MasterplanOrigin.MANUAL, caller);
                        m.openedOn = Occurred.firstDayOf(opened);
                        m.openedPrecision = Occurred.precisionOf(opened);
                        return persistOpened(m, caller).map(answer);
                    }));
        });
    }

    /**
     * What a signed MoU tells this service; {@code occurred} is the signing's date (the event's {@code occurred} when
     * it has one, else its {@code signedOn}), the opening's date.
     */
    public record SignedMou(UUID mouId, String regionCode, String regionName, int programmeYear, LocalDate signedOn,
            Occurred occurred) {
    }

    /**
     * Opens the region's guided masterplan work for the MoU's programme year, inside the inbox's transaction (never
     * a transaction of its own). One per region and year: when the year's masterplan exists (opened by hand before
     * the MoU arrived) the MoU is linked to it; when it is linked already, nothing changes.
     *
     * @return the masterplan opened, or {@code null} when none was
     */
    public Uni<Masterplan> openFromMou(SignedMou mou) {
        return masterplans.findByRegionAndYear(mou.regionCode(), mou.programmeYear()).chain(existing -> {
            if (existing == null) {
                String name = mou.regionName();
                Masterplan m = newMasterplan(mou.regionCode(), name, mou.programmeYear(), MasterplanKind.GUIDED,
                        config.defaultTitle() + " " + (name == null ? mou.regionCode() : name) + " "
                                + mou.programmeYear(),
                        MasterplanOrigin.MOU_SIGNED, SYSTEM);
                m.mouId = mou.mouId();
                m.mouSignedOn = mou.signedOn();
                m.openedOn = Occurred.firstDayOf(mou.occurred());
                m.openedPrecision = Occurred.precisionOf(mou.occurred());
                return persistOpened(m, SYSTEM);
            }
            if (existing.mouId != null) {
                return Uni.createFrom().nullItem();
            }
            Map<String, Object> before = snapshot(existing);
            existing.mouId = mou.mouId();
            existing.mouSignedOn = mou.signedOn();
            existing.updatedAt = Preconditions.now();
            existing.updatedBy = SYSTEM.username();
            return masterplans.flush()
                    .call(() -> auditTrail.record(SYSTEM, "MASTERPLAN_MOU_LINKED", AUDIT_RESOURCE, existing.id.toString(),
                            before, snapshot(existing)))
                    .replaceWith((Masterplan) null);
        });
    }

    private Masterplan newMasterplan(String regionCode, String regionName, int year, MasterplanKind kind, String title,
            MasterplanOrigin origin, Caller caller) {
        OffsetDateTime now = Preconditions.now();
        Masterplan m = new Masterplan();
        m.id = UUID.randomUUID();
        m.regionCode = regionCode;
        m.regionName = regionName;
        m.programmeYear = year;
        m.kind = kind;
        m.title = title;
        m.openedFrom = origin;
        m.state = MasterplanState.DRAFT;
        m.document = MasterplanDocument.empty();
        m.versionCount = 0;
        m.reviews = new Masterplan.Reviews(List.of());
        m.openedAt = now;
        m.openedBy = caller.username();
        m.updatedAt = now;
        m.updatedBy = caller.username();
        return m;
    }

    private Uni<Masterplan> persistOpened(Masterplan m, Caller caller) {
        return masterplans.persistAndFlush(m)
                .call(saved -> auditTrail.record(caller, "MASTERPLAN_OPENED", AUDIT_RESOURCE, saved.id.toString(), null,
                        snapshot(saved)))
                .call(saved -> outbox.append(MasterplanEvents.MASTERPLAN_OPENED, saved.regionCode,
                        MasterplanEventMapper.opened(saved, caller)));
    }

    // ------------------------------------------------------------------ the document

    /** Replaces the working document if the caller's version (from If-Match) is current and the state allows it. */
    @WithTransaction
    public Uni<Masterplan> editDocument(Caller caller, UUID id, Long expectedVersion, Supplier<MasterplanDocument> input) {
        return require(id).map(m -> {
            MasterplanAccess.requireRegionWriter(caller, m);
            Preconditions.requireIfMatch(expectedVersion, "masterplan");
            MasterplanLifecycle.apply(m.state, MasterplanAction.EDIT);
            MasterplanDocument document = input.get();
            Preconditions.checkVersion(m.version, expectedVersion, "masterplan");
            return new Object[] { m, document };
        }).chain(pair -> {
            Masterplan m = (Masterplan) pair[0];
            MasterplanDocument document = (MasterplanDocument) pair[1];
            if (Objects.equals(m.document, document)) {
                return Uni.createFrom().item(m); // nothing changed: no audit entry
            }
            MasterplanDocument before = m.document;
            m.document = document;
            touch(m, caller);
            return masterplans.flush()
                    .call(() -> auditTrail.record(caller, "MASTERPLAN_DOCUMENT_EDITED", AUDIT_RESOURCE, m.id.toString(),
                            before, document))
                    .replaceWith(m);
        });
    }

    // ------------------------------------------------------------------ review and ratification

    /**
     * Submits the working document: checks it is complete, freezes it as the next version and hands it to the
     * reviewers. With an idempotency key a retry gets the first answer (the same version) again.
     */
    @WithTransaction
    public <T> Uni<IdempotentResult<T>> submit(Caller caller, UUID id, Long expectedVersion, String idempotencyKey,
            Supplier<Occurred> occurred, Function<Submitted, IdempotentResult.Created<T>> answer) {
        Idempotency.validateKey(idempotencyKey);
        return require(id).chain(m -> {
            MasterplanAccess.requireRegionWriter(caller, m);
            Occurred given = occurred.get();
            return idempotency.execute(caller, idempotencyKey,
                    given == null ? List.of("submit", id) : List.of("submit", id, given), () -> {
                MasterplanState next = MasterplanLifecycle.apply(m.state, MasterplanAction.SUBMIT);
                Occurred date = ActDates.checked(given, "occurred", m.kind, clock);
                ActDates.notBefore("occurred", date, true, m.openingGiven(), m.openedAt, "the masterplan's opening");
                Masterplan.Review sentBack = m.latest(Masterplan.ReviewDecision.REVISION_REQUESTED);
                if (sentBack != null) {
                    ActDates.notBefore("occurred", date, true, sentBack.occurred(), sentBack.at(),
                            "the revision request of version " + sentBack.versionNumber());
                }
                Preconditions.checkVersion(m.version, expectedVersion, "masterplan");
                List<Completeness.Missing> missing = Completeness.check(m.document, config.completeness().minQuickWins());
                if (!missing.isEmpty()) {
                    throw new ProblemException(422, "incomplete-masterplan", "Masterplan incomplete",
                            "The masterplan cannot be submitted yet: " + String.join("; ",
                                    missing.stream().map(x -> x.field() + ": " + x.message()).toList()) + ".",
                            missing.stream().map(x -> new Violation(x.field(), x.message())).toList(), Map.of());
                }
                Map<String, Object> before = snapshot(m);
                m.state = next;
                m.versionCount++;
                touch(m, caller);
                MasterplanVersion version = new MasterplanVersion();
                version.id = UUID.randomUUID();
                version.masterplanId = m.id;
                version.number = m.versionCount;
                version.document = m.document;
                version.submittedAt = m.updatedAt;
                version.submittedBy = caller.username();
                version.submittedOn = Occurred.firstDayOf(date);
                version.submittedPrecision = Occurred.precisionOf(date);
                return versions.persist(version)
                        .chain(() -> masterplans.flush())
                        .chain(() -> findings(m, m.document))
                        .call(findings -> auditTrail.record(caller, "MASTERPLAN_SUBMITTED", AUDIT_RESOURCE,
                                m.id.toString(), before, dated(snapshot(m), date)))
                        .call(findings -> outbox.append(MasterplanEvents.MASTERPLAN_SUBMITTED, m.regionCode,
                                MasterplanEventMapper.submitted(m, version, findings.size(), caller)))
                        .map(findings -> answer.apply(new Submitted(m, version)));
            });
        });
    }

    /** A submission's result: the masterplan and the version it froze. */
    public record Submitted(Masterplan masterplan, MasterplanVersion version) {
    }

    /** A reviewer takes up the submitted version. */
    @WithTransaction
    public Uni<Masterplan> startReview(Caller caller, UUID id, Long expectedVersion) {
        return require(id).chain(m -> {
            MasterplanState next = MasterplanLifecycle.apply(m.state, MasterplanAction.START_REVIEW);
            Preconditions.checkVersion(m.version, expectedVersion, "masterplan");
            return review(caller, m, next, Masterplan.ReviewDecision.STARTED, List.of(), null, "MASTERPLAN_REVIEW_STARTED",
                    null);
        });
    }

    /** The reviewers send the version back with their comments per section. */
    @WithTransaction
    public Uni<Masterplan> requestRevision(Caller caller, UUID id, Long expectedVersion,
            Supplier<MasterplanCommands.Decide> input) {
        return require(id).chain(m -> {
            MasterplanState next = MasterplanLifecycle.apply(m.state, MasterplanAction.REQUEST_REVISION);
            MasterplanCommands.Decide given = input.get();
            Occurred date = ActDates.checked(given.occurred(), "occurred", m.kind, clock);
            Preconditions.checkVersion(m.version, expectedVersion, "masterplan");
            return afterSubmission(m, date).chain(() -> review(caller, m, next,
                    Masterplan.ReviewDecision.REVISION_REQUESTED, given.comments(), date,
                    "MASTERPLAN_REVISION_REQUESTED", MasterplanEvents.MASTERPLAN_REVISION_REQUESTED));
        });
    }

    /** The reviewers approve the version under review. */
    @WithTransaction
    public Uni<Masterplan> approve(Caller caller, UUID id, Long expectedVersion, Supplier<MasterplanCommands.Decide> input) {
        return require(id).chain(m -> {
            MasterplanState next = MasterplanLifecycle.apply(m.state, MasterplanAction.APPROVE);
            MasterplanCommands.Decide given = input.get();
            Occurred date = ActDates.checked(given.occurred(), "occurred", m.kind, clock);
            Preconditions.checkVersion(m.version, expectedVersion, "masterplan");
            return afterSubmission(m, date).chain(() -> review(caller, m, next, Masterplan.ReviewDecision.APPROVED,
                    given.comments(), date, "MASTERPLAN_APPROVED", MasterplanEvents.MASTERPLAN_APPROVED));
        });
    }

    /** A reviewer's decision dated after the fact is not before the submission of the version it decides on. */
    private Uni<Void> afterSubmission(Masterplan m, Occurred date) {
        if (date == null) {
            return Uni.createFrom().voidItem();
        }
        return versions.find(m.id, m.versionCount).invoke(v -> {
            if (v != null) {
                ActDates.notBefore("occurred", date, true, v.submissionGiven(), v.submittedAt,
                        "the submission of version " + v.number);
            }
        }).replaceWithVoid();
    }

    private Uni<Masterplan> review(Caller caller, Masterplan m, MasterplanState next, Masterplan.ReviewDecision decision,
            List<Masterplan.Comment> comments, Occurred occurred, String action,
            id.kotacerdas.platform.outbox.Outbox.EventSpec event) {
        Map<String, Object> before = snapshot(m);
        m.state = next;
        touch(m, caller);
        Masterplan.Review review = new Masterplan.Review(m.versionCount, decision, List.copyOf(comments),
                caller.username(), m.updatedAt, occurred);
        List<Masterplan.Review> reviews = new ArrayList<>(m.reviews == null ? List.of() : m.reviews.items());
        reviews.add(review);
        m.reviews = new Masterplan.Reviews(reviews);
        return masterplans.flush()
                .call(() -> auditTrail.record(caller, action, AUDIT_RESOURCE, m.id.toString(), before,
                        dated(snapshot(m), occurred)))
                .call(() -> event == null ? Uni.createFrom().voidItem()
                        : outbox.append(event, m.regionCode, event == MasterplanEvents.MASTERPLAN_APPROVED
                                ? MasterplanEventMapper.approved(m, review, caller)
                                : MasterplanEventMapper.revisionRequested(m, review, caller)))
                .replaceWith(m);
    }

    /** The region records the instrument that enacted the approved masterplan. */
    @WithTransaction
    public Uni<Masterplan> ratify(Caller caller, UUID id, Long expectedVersion, Supplier<MasterplanCommands.Ratify> input) {
        return require(id).chain(m -> {
            MasterplanAccess.requireRegionWriter(caller, m);
            MasterplanState next = MasterplanLifecycle.apply(m.state, MasterplanAction.RATIFY);
            MasterplanCommands.Ratify r = input.get();
            checkRatification(m, r);
            Occurred given = ActDates.checked(r.occurred(), "occurred", m.kind, clock);
            String field = r.date() != null ? "ratifiedOn" : given != null ? "occurred" : "year";
            Occurred date = ActDates.ratified(r.year(), r.date(), given).checkedSince(field, clock,
                    ActDates.floorOf(m.kind));
            Masterplan.Review approval = m.latest(Masterplan.ReviewDecision.APPROVED);
            if (approval != null) {
                ActDates.notBefore(field, date, given != null, approval.occurred(), approval.at(),
                        "the approval of version " + approval.versionNumber());
            }
            Preconditions.checkVersion(m.version, expectedVersion, "masterplan");
            Map<String, Object> before = snapshot(m);
            m.state = next;
            touch(m, caller);
            // ratified again after a withdrawal: the withdrawn one stays among the earlier values, the revision goes on
            Masterplan.Ratification withdrawn = m.ratification;
            m.ratification = new Masterplan.Ratification(r.instrument(), r.number(), r.year(), r.date(), r.title(),
                    caller.username(), m.updatedAt, r.sources(), r.instrumentName(), given,
                    withdrawn == null ? null : withdrawn.currentRevision() + 1, null);
            Uni<Void> kept = Uni.createFrom().voidItem();
            if (withdrawn != null) {
                RatificationRevision earlier = new RatificationRevision();
                earlier.id = UUID.randomUUID();
                earlier.masterplanId = m.id;
                earlier.revision = withdrawn.currentRevision();
                earlier.changedAt = m.updatedAt;
                earlier.changedBy = caller.username();
                earlier.reason = "Ratified again after the withdrawal";
                earlier.sources = new RatificationRevision.Sources(r.sources());
                earlier.value = withdrawn;
                kept = ratificationRevisions.persist(earlier).replaceWithVoid();
            }
            return kept.chain(() -> masterplans.flush())
                    .call(() -> auditTrail.record(caller, "MASTERPLAN_RATIFIED", AUDIT_RESOURCE, m.id.toString(), before,
                            snapshot(m)))
                    .call(() -> outbox.append(MasterplanEvents.MASTERPLAN_RATIFIED, m.regionCode,
                            MasterplanEventMapper.ratified(m, caller)))
                    .replaceWith(m);
        });
    }

    /** The instrument must fit the region's level, and its date its year and the calendar. */
    void checkRatification(Masterplan m, MasterplanCommands.Ratify r) {
        List<Violation> problems = new ArrayList<>();
        String level = levelOf(m.regionCode);
        RatificationInstrument instrument = r.instrument();
        if (instrument == RatificationInstrument.PERWALI && !level.equals("KOTA")
                || instrument == RatificationInstrument.PERBUP && !level.equals("KABUPATEN")
                || instrument == RatificationInstrument.PERGUB && !level.equals("PROVINCE")) {
            problems.add(new Violation("instrument", instrument + " does not fit a " + level.toLowerCase()
                    + " (" + m.regionCode + "): use " + fitting(level) + ", PERDA or SK"));
        }
        if (r.date() != null && r.date().getYear() != r.year()) {
            problems.add(new Violation("ratifiedOn", "must fall in the instrument's year " + r.year()));
        }
        if (r.date() != null && r.date().isAfter(LocalDate.now(clock.withZone(config.zone())))) {
            problems.add(new Violation("ratifiedOn", "must not be in the future"));
        }
        if ((r.number() == null || r.date() == null) && r.sources().isEmpty()) {
            problems.add(new Violation("sources", "required when the "
                    + (r.number() == null ? r.date() == null ? "number and the date are" : "number is" : "date is")
                    + " not known: name the record of the ratification"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "unprocessable", "Request cannot be applied",
                    String.join("; ", problems.stream().map(v -> v.field() + ": " + v.message()).toList()), problems,
                    Map.of());
        }
    }

    /** PROVINCE, KABUPATEN (PP.01–PP.69) or KOTA (PP.71–PP.99) from the Kemendagri code. */
    static String levelOf(String code) {
        if (!REGION_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Not a region code: " + code);
        }
        if (code.length() == 2) {
            return "PROVINCE";
        }
        return Integer.parseInt(code.substring(3)) >= 71 ? "KOTA" : "KABUPATEN";
    }

    private static String fitting(String level) {
        return switch (level) {
            case "KOTA" -> "PERWALI";
            case "KABUPATEN" -> "PERBUP";
            default -> "PERGUB";
        };
    }

    // ------------------------------------------------------------------ helpers

    Uni<Masterplan> require(UUID id) {
        return masterplans.findById(id).map(m -> {
            if (m == null) {
                throw ProblemException.notFound("No masterplan has the id " + id + ".");
            }
            return m;
        });
    }

    private static void touch(Masterplan m, Caller caller) {
        m.updatedAt = Preconditions.now();
        m.updatedBy = caller.username();
    }

    /** An audit snapshot with the act's date when its write gave one. */
    private static Map<String, Object> dated(Map<String, Object> snapshot, Occurred occurred) {
        if (occurred != null) {
            snapshot.put("occurred", occurred);
        }
        return snapshot;
    }

    /** What the audit trail records of a masterplan besides its document. */
    static Map<String, Object> snapshot(Masterplan m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("regionCode", m.regionCode);
        s.put("programmeYear", m.programmeYear);
        s.put("kind", m.kind);
        s.put("title", m.title);
        s.put("openedFrom", m.openedFrom);
        s.put("origin", m.origin);
        s.put("openedOn", m.openedOn);
        s.put("openedPrecision", m.openedPrecision);
        s.put("mouId", m.mouId);
        s.put("state", m.state);
        s.put("versionCount", m.versionCount);
        s.put("ratification", m.ratification);
        s.put("bimtekCompletedOn", m.bimtekCompletedOn);
        return s;
    }
}
