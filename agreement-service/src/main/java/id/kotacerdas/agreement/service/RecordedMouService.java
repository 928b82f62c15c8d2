package id.kotacerdas.agreement.service;

import id.kotacerdas.agreement.config.AgreementConfig;
import id.kotacerdas.agreement.domain.DocumentKind;
import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.domain.MouDocument;
import id.kotacerdas.agreement.domain.MouRevision;
import id.kotacerdas.agreement.domain.MouState;
import id.kotacerdas.agreement.domain.RecordSources;
import id.kotacerdas.agreement.domain.RecordedSigning;
import id.kotacerdas.agreement.domain.RegionalHeadTitle;
import id.kotacerdas.agreement.messaging.AgreementEventMapper;
import id.kotacerdas.agreement.messaging.AgreementEvents;
import id.kotacerdas.agreement.repository.MouRepository;
import id.kotacerdas.agreement.repository.MouRevisionRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * MoUs recorded from their sources (issue 18, item 2): an MoU of the past known only by its signing. A path of its
 * own beside the live workflow, which it never weakens: the MoU is stored {@code SIGNED} with origin
 * {@code RECORDED}, everything its sources do not give unknown, and it publishes {@code MouSigned} (origin
 * {@code RECORDED}, its sources, its {@code occurred}). Idempotent by its natural key (region, programme year): the
 * same fact again changes nothing, a different one is a {@code 409} that says to correct it.
 */
@ApplicationScoped
public class RecordedMouService {

    @Inject
    MouRepository mous;

    @Inject
    MouRevisionRepository revisions;

    @Inject
    RegionRegistry registry;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    AgreementConfig config;

    @Inject
    Clock clock;

    /** What to record, as the resource read it. */
    public record Record(String regionCode, int programmeYear, Occurred signedOn, String number, Boolean numberKnown,
            String ceremony, List<Source> sources) {
    }

    /** A correction: why, on what sources, and the fields to change ({@code null}: unchanged). */
    public record Correction(String reason, List<Source> sources, Changes changes) {
    }

    /** The fields of a recorded MoU a correction may change, with the names and rules of the record path. */
    public record Changes(Occurred signedOn, String number, Boolean numberKnown, String ceremony, List<Source> sources) {
    }

    /** The MoU as recorded, and whether this request created it ({@code false}: the same fact was there). */
    public record Recorded(Mou mou, boolean created) {
    }

    /**
     * Records the MoU: {@code 400} for an invalid body (naming each field), {@code 422} for an unknown region,
     * {@code 409} when a live MoU of the region and year exists or a recorded one that differs (naming the first
     * differing field).
     */
    @WithTransaction
    public Uni<Recorded> record(Caller caller, Supplier<Record> input) {
        Record r = input.get();
        RecordedSigning signing = checked(r);
        return registry.current(r.regionCode()).map(found -> found.orElseThrow(
                () -> ProblemException.unprocessable("regionCode", "no region has the code " + r.regionCode())))
                .flatMap(region -> mous.findCurrent(region.code(), r.programmeYear()).flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new Recorded(same(existing, signing, region), false));
                    }
                    return create(caller, region, r.programmeYear(), signing).map(m -> new Recorded(m, true));
                }));
    }

    /** The request's fields checked (400 naming each) and normalized. */
    RecordedSigning checked(Record r) {
        List<Violation> problems = new ArrayList<>(Source.check("sources", r.sources()));
        Boolean numberKnown = RecordedSigning.numberKnown(r.number(), r.numberKnown());
        if (numberKnown == null) {
            problems.add(r.number() != null && !r.number().isBlank()
                    ? new Violation("numberKnown", "must not be false when a number is given")
                    : new Violation("number", "is required when numberKnown is true"));
        }
        Occurred signedOn = null;
        try {
            signedOn = r.signedOn().checked("signedOn", clock);
        } catch (ProblemException e) {
            problems.addAll(e.violations());
        }
        Problems.badRequestIfAny(problems);
        List<MouDocument.Source> sources = r.sources().stream()
                .map(s -> new MouDocument.Source(s.title(), s.url().strip(), s.publishedOn())).toList();
        String number = Boolean.TRUE.equals(numberKnown) ? r.number().strip() : null;
        return new RecordedSigning(signedOn, number, numberKnown, r.ceremony(), sources);
    }

    /** The MoU already there for the key: the same recorded fact, else a 409. */
    private static Mou same(Mou existing, RecordedSigning signing, RegisteredRegion region) {
        if (!existing.recorded()) {
            throw Problems.conflict("programmeYear", region.name() + " (" + region.code() + ") has a live MoU for "
                    + existing.programmeYear + " (" + existing.id + ", " + existing.state + "): one per region per "
                    + "programme year; a live MoU is recorded through its workflow, not from sources");
        }
        Optional<String> differs = RecordedSigning.of(existing).firstDifference(signing);
        if (differs.isPresent()) {
            String field = differs.get();
            throw Problems.conflict(field, "differs from the MoU of " + region.name() + " for " + existing.programmeYear
                    + " recorded already (" + existing.id + "): " + RecordedSigning.of(existing).valueOf(field)
                    + " there, " + signing.valueOf(field) + " here; use a correction (POST /api/v1/mous/"
                    + existing.id + "/corrections)");
        }
        return existing;
    }

    private Uni<Mou> create(Caller caller, RegisteredRegion region, int programmeYear, RecordedSigning signing) {
        Mou mou = new Mou();
        mou.id = UUID.randomUUID();
        mou.regionCode = region.code();
        mou.regionName = region.name();
        mou.regionLevel = region.level();
        mou.provinceCode = region.provinceCode();
        mou.programmeYear = programmeYear;
        mou.origin = Origin.RECORDED;
        mou.state = MouState.SIGNED;
        mou.kind = DocumentKind.NOTA_KESEPAKATAN;
        apply(mou, signing);
        mou.revision = 1;
        // the programme's parties are certain (DOMAIN.md §3); who held the offices and who signed is not known
        String headPosition = RegionalHeadTitle.of(region.level()).positionIn(region.name());
        MouDocument.Signatory unknown = new MouDocument.Signatory(false, null, null, null);
        mou.content = new MouDocument(null, null, new MouDocument.Party(config.firstPartyPosition(), null),
                new MouDocument.Party(headPosition, null), unknown, unknown, List.of(), List.of(),
                new MouDocument.Scope(List.of(), List.of()), null, null, false, null, signing.sources(), null);
        mou.createdAt = MouService.now();
        mou.createdBy = caller.username();
        mou.updatedAt = mou.createdAt;
        mou.updatedBy = caller.username();
        return mous.persistAndFlush(mou)
                .call(saved -> revisions.persist(MouService.revision(saved, MouRevision.Kind.SIGNED, saved.signedOn,
                        null, caller)))
                .call(saved -> auditTrail.record(caller, "MOU_RECORDED", MouService.AUDIT_RESOURCE, saved.id.toString(),
                        null, MouService.Snapshot.of(saved)))
                .call(saved -> outbox.append(AgreementEvents.MOU_SIGNED, saved.regionCode,
                        AgreementEventMapper.signed(saved, null, caller, saved.createdAt)));
    }

    /**
     * Corrects a recorded MoU in the open: 404/403 as for reading it; 409 for a live MoU (amend it) or a withdrawn
     * record; 428 without {@code If-Match}; 400 for the body (naming {@code reason}, {@code sources},
     * {@code changes}, {@code changes.signedOn.date} ...); 412 when {@code If-Match} is not its revision. Keeps the
     * new value as a revision, audits, publishes {@code MouRecordCorrected}.
     */
    @WithTransaction
    public Uni<Mou> correct(Caller caller, UUID id, Long expectedRevision, Supplier<Correction> input) {
        return record(caller, id).flatMap(mou -> {
            if (expectedRevision == null) {
                throw Problems.ifMatchRequired("MoU record");
            }
            Correction c = input.get();
            RecordedSigning before = RecordedSigning.of(mou);
            RecordedSigning after = corrected(before, c);
            requireRevision(mou, expectedRevision);
            if (after.equals(before)) {
                Problems.badRequestIfAny(List.of(new Violation("changes", "changes nothing: every field given has the"
                        + " value the record has")));
            }
            MouService.Snapshot snapshot = MouService.Snapshot.of(mou);
            List<MouDocument.Source> sources = stored(c.sources());
            apply(mou, after);
            mou.revision = mou.revision + 1;
            mou.updatedAt = MouService.now();
            mou.updatedBy = caller.username();
            MouRevision revision = MouService.revision(mou, MouRevision.Kind.CORRECTION, mou.signedOn, c.reason(), caller);
            revision.sources = RecordSources.of(sources);
            return mous.flush().chain(() -> revisions.persist(revision)).replaceWith(mou)
                    .call(m -> auditTrail.record(caller, "MOU_RECORD_CORRECTED", MouService.AUDIT_RESOURCE,
                            m.id.toString(), snapshot, MouService.Snapshot.of(m)))
                    .call(m -> outbox.append(AgreementEvents.MOU_RECORD_CORRECTED, m.regionCode,
                            AgreementEventMapper.corrected(m, before, c.reason(), sources, caller, m.updatedAt)));
        });
    }

    /**
     * Withdraws a recorded MoU (it should never have been recorded): it stays readable by id and in the audit, leaves
     * lists and counts, and frees its region and year. Checks as {@link #correct}; publishes {@code MouRecordWithdrawn}.
     */
    @WithTransaction
    public Uni<Mou> withdraw(Caller caller, UUID id, Long expectedRevision,
            Supplier<id.kotacerdas.platform.record.Withdrawal> input) {
        return record(caller, id).flatMap(mou -> {
            if (expectedRevision == null) {
                throw Problems.ifMatchRequired("MoU record");
            }
            id.kotacerdas.platform.record.Withdrawal w = input.get();
            Problems.badRequestIfAny(w.check(true));
            requireRevision(mou, expectedRevision);
            MouService.Snapshot snapshot = MouService.Snapshot.of(mou);
            mou.revision = mou.revision + 1;
            mou.updatedAt = MouService.now();
            mou.updatedBy = caller.username();
            mou.withdrawnAt = mou.updatedAt;
            mou.withdrawnBy = caller.username();
            mou.withdrawnReason = w.reason();
            mou.withdrawnSources = RecordSources.of(stored(w.sources()));
            MouRevision revision = MouService.revision(mou, MouRevision.Kind.WITHDRAWAL, mou.signedOn, w.reason(), caller);
            revision.sources = mou.withdrawnSources;
            return mous.flush().chain(() -> revisions.persist(revision)).replaceWith(mou)
                    .call(m -> auditTrail.record(caller, "MOU_RECORD_WITHDRAWN", MouService.AUDIT_RESOURCE,
                            m.id.toString(), snapshot, MouService.Snapshot.of(m)))
                    .call(m -> outbox.append(AgreementEvents.MOU_RECORD_WITHDRAWN, m.regionCode,
                            AgreementEventMapper.recordWithdrawn(m, caller)));
        });
    }

    /** A recorded MoU that still stands, for a correction or a withdrawal. */
    private Uni<Mou> record(Caller caller, UUID id) {
        return mous.findById(id).map(m -> MouAccess.readable(caller, m, id)).map(m -> {
            if (!m.recorded()) {
                throw Problems.conflict("origin", m.regionName + "'s MoU of " + m.programmeYear + " is live (origin"
                        + " LIVE): it is changed through its workflow; to change a signed MoU, amend it (POST"
                        + " /api/v1/mous/" + m.id + "/amendments)");
            }
            if (m.withdrawnAt != null) {
                throw Problems.withdrawn("the record was withdrawn on " + m.withdrawnAt + ": a withdrawn"
                        + " record is neither corrected nor withdrawn again");
            }
            return m;
        });
    }

    private static void requireRevision(Mou mou, long expected) {
        if (mou.revision != expected) {
            throw Problems.stale("MoU record", mou.revision, expected);
        }
    }

    /** The correction's fields checked (400 naming each) and applied to the record as it stands. */
    RecordedSigning corrected(RecordedSigning before, Correction c) {
        List<Violation> problems = new ArrayList<>();
        if (c.reason() == null || c.reason().isBlank()) {
            problems.add(new Violation("reason", "is required"));
        } else if (c.reason().length() > 2000) {
            problems.add(new Violation("reason", "must be at most 2000 characters"));
        }
        problems.addAll(Source.check("sources", c.sources()));
        Changes ch = c.changes();
        if (ch == null || ch.signedOn() == null && ch.number() == null && ch.numberKnown() == null
                && ch.ceremony() == null && ch.sources() == null) {
            problems.add(new Violation("changes", "names no field to change (signedOn, number, numberKnown, ceremony,"
                    + " sources)"));
            Problems.badRequestIfAny(problems);
        }
        Occurred signedOn = null;
        if (ch.signedOn() != null) {
            try {
                signedOn = ch.signedOn().checked("changes.signedOn", clock);
            } catch (ProblemException e) {
                problems.addAll(e.violations());
            }
        }
        if (ch.sources() != null) {
            problems.addAll(Source.check("changes.sources", ch.sources()));
        }
        Problems.badRequestIfAny(problems);
        RecordedSigning after = before.with(signedOn, ch.number(), ch.numberKnown(), ch.ceremony(),
                ch.sources() == null ? null : stored(ch.sources()));
        if (after == null) {
            Problems.badRequestIfAny(List.of(ch.number() != null
                    ? new Violation("changes.numberKnown", "must not be false when a number is given")
                    : new Violation("changes.number", "is required when numberKnown is true and the record has none")));
        }
        return after;
    }

    private static List<MouDocument.Source> stored(List<Source> sources) {
        return sources == null ? List.of()
                : sources.stream().map(s -> new MouDocument.Source(s.title(), s.url().strip(), s.publishedOn())).toList();
    }

    /** Puts what is recorded of the signing into the MoU (its validity stays unknown: no source gives it). */
    static void apply(Mou mou, RecordedSigning signing) {
        mou.signedOn = signing.signedOn().firstDay();
        mou.signedPrecision = signing.signedOn().precision();
        mou.validUntil = null;
        mou.stateChangedOn = mou.signedOn;
        mou.stateChangedPrecision = mou.signedPrecision;
        mou.recordedNumber = signing.number();
        mou.numberKnown = signing.numberKnown();
        mou.recordedCeremony = signing.ceremony();
        if (mou.content != null) {
            mou.content = new MouDocument(mou.content.title(), mou.content.documentName(), mou.content.firstParty(),
                    mou.content.secondParty(), mou.content.firstPartySignatory(), mou.content.secondPartySignatory(),
                    mou.content.witnesses(), mou.content.attendees(), mou.content.scope(), null,
                    mou.content.localVenue(), mou.content.localVenueKnown(), mou.content.localMode(), signing.sources(),
                    mou.content.notes());
        }
    }
}
