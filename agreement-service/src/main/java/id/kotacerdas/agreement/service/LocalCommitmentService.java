package id.kotacerdas.agreement.service;

import id.kotacerdas.agreement.domain.LocalCommitment;
import id.kotacerdas.agreement.domain.LocalCommitmentRevision;
import id.kotacerdas.agreement.domain.MouDocument;
import id.kotacerdas.agreement.domain.RecordSources;
import id.kotacerdas.agreement.domain.SigningRules;
import id.kotacerdas.agreement.messaging.AgreementEventMapper;
import id.kotacerdas.agreement.messaging.AgreementEvents;
import id.kotacerdas.agreement.repository.LocalCommitmentRepository;
import id.kotacerdas.agreement.repository.MouRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Local commitments (komitmen bersama): a region officer records their own region's, never another's; the ministry
 * may record any (past years) and reads all. Recording one publishes {@code LocalCommitmentSigned}.
 */
@ApplicationScoped
public class LocalCommitmentService {

    public static final String AUDIT_RESOURCE = "LocalCommitment";

    @Inject
    LocalCommitmentRepository commitments;

    @Inject
    MouRepository mous;

    @Inject
    RegionRegistry registry;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    MouService mouService;

    @Inject
    id.kotacerdas.agreement.repository.LocalCommitmentRevisionRepository revisions;

    /** A correction: why, on what sources, and the fields to change ({@code null}: unchanged). */
    public record Correction(String reason, List<Source> sources, Changes changes) {
    }

    /**
     * The fields of a commitment a correction may change, with the names and rules of its creation. {@code regionCode}
     * and {@code origin} are taken only to be refused (withdraw it and record it anew).
     */
    public record Changes(String regionCode, Origin origin, UUID mouId, String title, LocalDate signedOn, String venue,
            LocalCommitment.Official regionalHead, LocalCommitment.Official sekda, List<LocalCommitment.Opd> opds,
            LocalCommitment.Bimtek bimtek, List<Source> sources, String notes) {

        boolean empty() {
            return regionCode == null && origin == null && mouId == null && title == null && signedOn == null
                    && venue == null && regionalHead == null && sekda == null && opds == null && bimtek == null
                    && sources == null && notes == null;
        }
    }

    /** A commitment to record: where and when, who signed, and optionally the MoU and the bimtek it follows. */
    public record Record(String regionCode, Origin origin, UUID mouId, LocalDate signedOn, String venue,
            LocalCommitment.Document document) {
    }

    @WithSession
    public Uni<LocalCommitment> get(Caller caller, UUID id) {
        return commitments.findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("No local commitment has the id " + id + ".");
            }
            if (MouAccess.onlyOwnRegion(caller) && !c.regionCode.equals(caller.regionCode())) {
                throw ProblemException.forbidden("A region officer may read only their own region's commitments ("
                        + caller.regionCode() + "), not " + c.regionName + "'s (" + c.regionCode + ").");
            }
            return c;
        });
    }

    @WithSession
    public Uni<LocalCommitmentRepository.Page> list(Caller caller, String regionCode, String provinceCode, Integer year,
            boolean includeWithdrawn, LocalCommitmentRepository.SortField sort, boolean descending, int page, int size) {
        String region = regionCode;
        if (MouAccess.onlyOwnRegion(caller)) {
            if (regionCode != null && !regionCode.equals(caller.regionCode())) {
                throw ProblemException.forbidden("A region officer may list only their own region's commitments ("
                        + caller.regionCode() + "), not " + regionCode + "'s.");
            }
            region = caller.regionCode() == null ? "none" : caller.regionCode();
        }
        return commitments.search(region, provinceCode, year, includeWithdrawn, sort, descending, page, size);
    }

    /**
     * Records a commitment. The caller must be allowed to change the region named in the body (403 before anything
     * else is looked at), then the body must be valid (400), name a region that exists (422) and, if it names an MoU,
     * that region's MoU (422).
     */
    @WithTransaction
    public <T> Uni<IdempotentResult<T>> create(Caller caller, String claimedRegion, Supplier<Record> input,
            String idempotencyKey, Function<LocalCommitment, IdempotentResult.Created<T>> answer) {
        Idempotency.validateKey(idempotencyKey);
        boolean importer = caller.hasRole(Caller.IMPORTER) && !caller.hasRole(Caller.MINISTRY_ADMIN);
        if (claimedRegion != null && !importer && !caller.mayChangeRegion(claimedRegion)) {
            throw ProblemException.forbidden(caller.hasRole(Caller.REGION_OFFICER)
                    ? "A region officer may record only their own region's commitments (" + caller.regionCode()
                            + "), not " + claimedRegion + "'s."
                    : "Only the ministry and the region's own officers may record its commitments.");
        }
        Record record = input.get();
        List<Violation> problems = new ArrayList<>();
        problems.add(SigningRules.checkNotFuture("signedOn", record.signedOn(), mouService.today()));
        problems.add(SigningRules.checkNotBeforeProgramme("signedOn", record.signedOn()));
        LocalCommitment.Bimtek bimtek = record.document().bimtek();
        if (bimtek != null && bimtek.closingOn() != null && record.signedOn() != null
                && bimtek.closingOn().isAfter(record.signedOn())) {
            problems.add(new Violation("bimtek.closingOn", "must not be after signedOn: the commitment is signed at"
                    + " or after the bimtek's closing"));
        }
        Origin origin = record.origin() != null ? record.origin() : importer ? Origin.RECORDED : Origin.LIVE;
        if (importer && origin != Origin.RECORDED) {
            problems.add(new Violation("origin", "must be RECORDED: the importer records the past from its sources"));
        }
        if (origin == Origin.RECORDED) {
            problems.addAll(Source.check("sources", sources(record.document())));
        }
        Problems.badRequestIfAny(problems);
        return registry.current(record.regionCode()).map(found -> found.orElseThrow(
                () -> ProblemException.unprocessable("regionCode", "no region has the code " + record.regionCode())))
                .flatMap(region -> idempotency.execute(caller, idempotencyKey, record, () -> requireMou(record, region.code(), "mouId")
                        .chain(() -> {
                            LocalCommitment c = new LocalCommitment();
                            c.id = UUID.randomUUID();
                            c.regionCode = region.code();
                            c.regionName = region.name();
                            c.provinceCode = region.provinceCode();
                            c.origin = origin;
                            c.mouId = record.mouId();
                            c.signedOn = record.signedOn();
                            c.venue = record.venue();
                            c.content = record.document();
                            c.createdAt = MouService.now();
                            c.createdBy = caller.username();
                            c.updatedAt = c.createdAt;
                            c.updatedBy = caller.username();
                            return commitments.persistAndFlush(c)
                                    .call(saved -> auditTrail.record(caller, "LOCAL_COMMITMENT_RECORDED",
                                            AUDIT_RESOURCE, saved.id.toString(), null, saved.content))
                                    .call(saved -> outbox.append(AgreementEvents.LOCAL_COMMITMENT_SIGNED,
                                            saved.regionCode, AgreementEventMapper.commitmentSigned(saved, caller)))
                                    .map(answer);
                        })));
    }

    /**
     * Corrects a commitment in the open: 404/403 as for reading it; 409 when withdrawn; 428 without {@code If-Match};
     * 400 for the body (naming {@code reason}, {@code sources}, {@code changes}, {@code changes.signedOn} ...); 412 when
     * {@code If-Match} is not its revision; 422 for an MoU that is not the region's. Keeps the earlier value as a
     * revision, audits, publishes {@code LocalCommitmentCorrected}.
     */
    @WithTransaction
    public Uni<LocalCommitment> correct(Caller caller, UUID id, Long expectedRevision, Supplier<Correction> input) {
        return standing(caller, id).flatMap(c -> {
            if (expectedRevision == null) {
                throw Problems.ifMatchRequired("local commitment");
            }
            Correction correction = input.get();
            LocalCommitment.Value before = c.value();
            LocalCommitment.Value after = corrected(c, correction);
            requireRevision(c, expectedRevision);
            if (after.equals(before)) {
                Problems.badRequestIfAny(List.of(new Violation("changes", "changes nothing: every field given has the"
                        + " value the commitment has")));
            }
            List<MouDocument.Source> sources = stored(correction.sources());
            Record asRecord = new Record(c.regionCode, c.origin, after.mouId(), after.signedOn(), after.venue(), after.content());
            return requireMou(asRecord, c.regionCode, "changes.mouId").chain(() -> firstRevision(c)).chain(() -> {
                c.mouId = after.mouId();
                c.signedOn = after.signedOn();
                c.venue = after.venue();
                c.content = after.content();
                c.revision = c.revision + 1;
                c.updatedAt = MouService.now();
                c.updatedBy = caller.username();
                LocalCommitmentRevision revision = revision(c, LocalCommitmentRevision.Kind.CORRECTION,
                        correction.reason(), sources, c.updatedAt, caller.username());
                return commitments.flush().chain(() -> revisions.persist(revision)).replaceWith(c)
                        .call(saved -> auditTrail.record(caller, "LOCAL_COMMITMENT_CORRECTED", AUDIT_RESOURCE,
                                saved.id.toString(), before, saved.value()))
                        .call(saved -> outbox.append(AgreementEvents.LOCAL_COMMITMENT_CORRECTED, saved.regionCode,
                                AgreementEventMapper.commitmentCorrected(saved, before, correction.reason(), sources, caller)));
            });
        });
    }

    /**
     * Withdraws a commitment (it should never have been recorded): it stays readable by id, in its revisions and in
     * the audit, and leaves lists. Sources are required for a recorded one. Publishes {@code LocalCommitmentWithdrawn}.
     */
    @WithTransaction
    public Uni<LocalCommitment> withdraw(Caller caller, UUID id, Long expectedRevision,
            Supplier<id.kotacerdas.platform.record.Withdrawal> input) {
        return standing(caller, id).flatMap(c -> {
            if (expectedRevision == null) {
                throw Problems.ifMatchRequired("local commitment");
            }
            id.kotacerdas.platform.record.Withdrawal w = input.get();
            if (w == null) {
                throw ProblemException.badRequest("reason", "is required");
            }
            Problems.badRequestIfAny(w.check(c.origin == Origin.RECORDED));
            requireRevision(c, expectedRevision);
            LocalCommitment.Value before = c.value();
            return firstRevision(c).chain(() -> {
                c.revision = c.revision + 1;
                c.updatedAt = MouService.now();
                c.updatedBy = caller.username();
                c.withdrawnAt = c.updatedAt;
                c.withdrawnBy = caller.username();
                c.withdrawnReason = w.reason();
                c.withdrawnSources = RecordSources.of(stored(w.sources()));
                LocalCommitmentRevision revision = revision(c, LocalCommitmentRevision.Kind.WITHDRAWAL, w.reason(),
                        RecordSources.itemsOf(c.withdrawnSources), c.updatedAt, caller.username());
                return commitments.flush().chain(() -> revisions.persist(revision)).replaceWith(c)
                        .call(saved -> auditTrail.record(caller, "LOCAL_COMMITMENT_WITHDRAWN", AUDIT_RESOURCE,
                                saved.id.toString(), before, new Withdrawn(saved.withdrawnAt, saved.withdrawnBy,
                                        saved.withdrawnReason, RecordSources.itemsOf(saved.withdrawnSources))))
                        .call(saved -> outbox.append(AgreementEvents.LOCAL_COMMITMENT_WITHDRAWN, saved.regionCode,
                                AgreementEventMapper.commitmentWithdrawn(saved, caller)));
            });
        });
    }

    /** What the audit keeps of a withdrawal. */
    record Withdrawn(java.time.OffsetDateTime at, String by, String reason, List<MouDocument.Source> sources) {
    }

    /** The commitment and every value it had, first first (revision 1 as recorded; the last is the current one). */
    @WithSession
    public Uni<Revisions> revisions(Caller caller, UUID id) {
        return get(caller, id).flatMap(c -> revisions.of(id).map(stored -> new Revisions(c,
                stored.isEmpty() ? List.of(revision(c, LocalCommitmentRevision.Kind.RECORDED, null, null, c.createdAt,
                        c.createdBy)) : stored)));
    }

    public record Revisions(LocalCommitment commitment, List<LocalCommitmentRevision> items) {
    }

    /** A commitment that still stands, for a correction or a withdrawal. */
    private Uni<LocalCommitment> standing(Caller caller, UUID id) {
        return get(caller, id).map(c -> {
            if (c.withdrawnAt != null) {
                throw Problems.withdrawn("the commitment was withdrawn on " + c.withdrawnAt + ": a withdrawn"
                        + " commitment is neither corrected nor withdrawn again");
            }
            return c;
        });
    }

    private static void requireRevision(LocalCommitment c, long expected) {
        if (c.revision != expected) {
            throw Problems.stale("local commitment", c.revision, expected);
        }
    }

    /** Revision 1 (as recorded) is kept at the first correction or withdrawal. */
    private Uni<Void> firstRevision(LocalCommitment c) {
        if (c.revision != 1) {
            return Uni.createFrom().voidItem();
        }
        return revisions.persist(revision(c, LocalCommitmentRevision.Kind.RECORDED, null, null, c.createdAt, c.createdBy))
                .replaceWithVoid();
    }

    private static LocalCommitmentRevision revision(LocalCommitment c, LocalCommitmentRevision.Kind kind, String reason,
            List<MouDocument.Source> sources, java.time.OffsetDateTime at, String by) {
        LocalCommitmentRevision r = new LocalCommitmentRevision();
        r.id = UUID.randomUUID();
        r.commitmentId = c.id;
        r.revision = c.revision;
        r.kind = kind;
        r.reason = reason;
        r.sources = sources == null ? null : RecordSources.of(sources);
        r.value = c.value();
        r.recordedAt = at;
        r.recordedBy = by;
        return r;
    }

    /** The correction's fields checked (400 naming each) and applied to the commitment as it stands. */
    LocalCommitment.Value corrected(LocalCommitment c, Correction correction) {
        List<Violation> problems = new ArrayList<>();
        if (correction.reason() == null || correction.reason().isBlank()) {
            problems.add(new Violation("reason", "is required"));
        } else if (correction.reason().length() > 2000) {
            problems.add(new Violation("reason", "must be at most 2000 characters"));
        }
        if (c.origin == Origin.RECORDED || correction.sources() != null && !correction.sources().isEmpty()) {
            problems.addAll(Source.check("sources", correction.sources()));
        }
        Changes ch = correction.changes();
        if (ch == null || ch.empty()) {
            problems.add(new Violation("changes", "names no field to change (mouId, title, signedOn, venue,"
                    + " regionalHead, sekda, opds, bimtek, sources, notes)"));
            Problems.badRequestIfAny(problems);
        }
        if (ch.regionCode() != null && !ch.regionCode().equals(c.regionCode)) {
            problems.add(new Violation("changes.regionCode", "is not corrected: withdraw the commitment and record it"
                    + " for the right region"));
        }
        if (ch.origin() != null && ch.origin() != c.origin) {
            problems.add(new Violation("changes.origin", "is not corrected: a commitment stays " + c.origin));
        }
        LocalCommitment.Document d = c.content;
        LocalDate signedOn = ch.signedOn() != null ? ch.signedOn() : c.signedOn;
        if (ch.signedOn() != null) {
            problems.add(SigningRules.checkNotFuture("changes.signedOn", ch.signedOn(), mouService.today()));
            problems.add(SigningRules.checkNotBeforeProgramme("changes.signedOn", ch.signedOn()));
        }
        LocalCommitment.Bimtek bimtek = ch.bimtek() != null ? ch.bimtek() : d.bimtek();
        if (bimtek != null && bimtek.closingOn() != null && bimtek.closingOn().isAfter(signedOn)) {
            problems.add(new Violation(ch.bimtek() != null ? "changes.bimtek.closingOn" : "changes.signedOn",
                    "the bimtek's closing must not be after signedOn: the commitment is signed at or after it"));
        }
        List<MouDocument.Source> newSources = ch.sources() == null ? d.sources()
                : ch.sources().stream().map(s -> new MouDocument.Source(s.title(),
                        s.url() == null ? null : s.url().strip(), s.publishedOn())).toList();
        if (ch.sources() != null && c.origin == Origin.RECORDED) {
            problems.addAll(Source.check("changes.sources", ch.sources()));
        }
        problems.removeIf(java.util.Objects::isNull);
        Problems.badRequestIfAny(problems);
        LocalCommitment.Document content = new LocalCommitment.Document(
                ch.title() != null ? ch.title() : d.title(),
                ch.regionalHead() != null ? ch.regionalHead() : d.regionalHead(),
                ch.sekda() != null ? ch.sekda() : d.sekda(),
                ch.opds() != null ? ch.opds() : d.opds(),
                bimtek, newSources,
                ch.notes() != null ? ch.notes() : d.notes());
        return new LocalCommitment.Value(ch.mouId() != null ? ch.mouId() : c.mouId, signedOn,
                ch.venue() != null ? ch.venue() : c.venue, content);
    }

    private static List<MouDocument.Source> stored(List<Source> sources) {
        return sources == null ? List.of()
                : sources.stream().map(s -> new MouDocument.Source(s.title(), s.url() == null ? null : s.url().strip(),
                        s.publishedOn())).toList();
    }

    static List<Source> sources(LocalCommitment.Document d) {
        return d.sources() == null ? null
                : d.sources().stream().map(s -> new Source(s.title(), s.url(), s.publishedOn())).toList();
    }

    private Uni<Void> requireMou(Record record, String regionCode, String field) {
        if (record.mouId() == null) {
            return Uni.createFrom().voidItem();
        }
        return mous.findById(record.mouId()).map(mou -> {
            if (mou == null || !mou.regionCode.equals(regionCode)) {
                throw ProblemException.unprocessable(field, "no MoU of " + regionCode + " has the id " + record.mouId());
            }
            return null;
        });
    }
}
