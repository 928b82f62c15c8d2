package id.kotacerdas.agreement.service;

import id.kotacerdas.agreement.domain.LocalCommitment;
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
            int page, int size) {
        String region = regionCode;
        if (MouAccess.onlyOwnRegion(caller)) {
            if (regionCode != null && !regionCode.equals(caller.regionCode())) {
                throw ProblemException.forbidden("A region officer may list only their own region's commitments ("
                        + caller.regionCode() + "), not " + regionCode + "'s.");
            }
            region = caller.regionCode() == null ? "none" : caller.regionCode();
        }
        return commitments.search(region, provinceCode, year, page, size);
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
                .flatMap(region -> idempotency.execute(caller, idempotencyKey, record, () -> requireMou(record, region.code())
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

    static List<Source> sources(LocalCommitment.Document d) {
        return d.sources() == null ? null
                : d.sources().stream().map(s -> new Source(s.title(), s.url(), s.publishedOn())).toList();
    }

    private Uni<Void> requireMou(Record record, String regionCode) {
        if (record.mouId() == null) {
            return Uni.createFrom().voidItem();
        }
        return mous.findById(record.mouId()).map(mou -> {
            if (mou == null || !mou.regionCode.equals(regionCode)) {
                throw ProblemException.unprocessable("mouId", "no MoU of " + regionCode + " has the id " + record.mouId());
            }
            return null;
        });
    }
}
