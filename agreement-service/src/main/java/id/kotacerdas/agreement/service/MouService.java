package id.kotacerdas.agreement.service;

import id.kotacerdas.agreement.config.AgreementConfig;
import id.kotacerdas.agreement.domain.ActDates;
import id.kotacerdas.agreement.domain.CeremonyState;
import id.kotacerdas.agreement.domain.DocumentKind;
import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.domain.MouAction;
import id.kotacerdas.agreement.domain.MouCeremony;
import id.kotacerdas.agreement.domain.MouDocument;
import id.kotacerdas.agreement.domain.MouLifecycle;
import id.kotacerdas.agreement.domain.MouOrigin;
import id.kotacerdas.agreement.domain.MouRevision;
import id.kotacerdas.agreement.domain.MouState;
import id.kotacerdas.agreement.domain.RecordedSigning;
import id.kotacerdas.agreement.domain.RegionalHeadTitle;
import id.kotacerdas.agreement.domain.ScopeItem;
import id.kotacerdas.agreement.domain.SigningRules;
import id.kotacerdas.agreement.domain.Validity;
import id.kotacerdas.agreement.messaging.AgreementEventMapper;
import id.kotacerdas.agreement.messaging.AgreementEvents;
import id.kotacerdas.agreement.repository.MouCeremonyRepository;
import id.kotacerdas.agreement.repository.MouRepository;
import id.kotacerdas.agreement.repository.MouRevisionRepository;
import id.kotacerdas.agreement.service.MouCommands.Amendment;
import id.kotacerdas.agreement.service.MouCommands.Draft;
import id.kotacerdas.agreement.service.MouCommands.LocalSide;
import id.kotacerdas.agreement.service.MouCommands.Schedule;
import id.kotacerdas.agreement.service.MouCommands.Signing;
import id.kotacerdas.agreement.service.MouCommands.Terms;
import id.kotacerdas.agreement.service.MouCommands.Termination;
import id.kotacerdas.agreement.service.MouCommands.Withdrawal;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.registry.RegionLevel;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The MoU's use cases. Every change checks, in this order, that the MoU exists for the caller (404), that the caller
 * may change it (403), the preconditions ({@code If-Match}, 428), the request (400) and its version (412), then that
 * its state allows the change (409, {@link MouLifecycle}) and the rules that depend on other records (409/422); then
 * it commits the change, its audit entry and its event together. Returns domain results; the resources speak HTTP.
 * <p>
 * Request bodies come as a {@code Supplier}: the resource validates the body and maps it to a command when the
 * supplier is called, which happens at the 400 step, after the MoU and the caller were checked.
 */
@ApplicationScoped
public class MouService {

    public static final String AUDIT_RESOURCE = "Mou";

    @Inject
    MouRepository mous;

    @Inject
    MouRevisionRepository revisions;

    @Inject
    MouCeremonyRepository ceremonies;

    @Inject
    RegionRegistry registry;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    @Inject
    AgreementConfig config;

    @Inject
    Clock clock;

    @Inject
    RecordedMouService recordedMous;

    /** An MoU with the ceremony it is signed at, if any. */
    public record Current(Mou mou, MouCeremony ceremony) {
    }

    /** How many MoUs there are per state. */
    public record Counts(long total, Map<MouState, Long> byState) {
    }

    // ------------------------------------------------------------------ reads

    @WithSession
    public Uni<Current> get(Caller caller, UUID id) {
        return mous.findById(id).map(m -> MouAccess.readable(caller, m, id)).flatMap(this::withCeremony);
    }

    @WithSession
    public Uni<MouRepository.Page> list(Caller caller, MouRepository.Filter filter, MouRepository.SortField sort,
            boolean descending, int page, int size) {
        MouRepository.Filter allowed = MouAccess.restrict(caller, filter);
        return mous.search(allowed, sort, descending, page, size);
    }

    @WithSession
    public Uni<Counts> counts(Caller caller, MouRepository.Filter filter) {
        MouRepository.Filter allowed = MouAccess.restrict(caller, filter);
        return mous.countByState(allowed).map(byState -> {
            if (allowed.states() != null) {
                byState.keySet().retainAll(allowed.states());
            }
            return new Counts(byState.values().stream().mapToLong(Long::longValue).sum(), byState);
        });
    }

    /** Every signed text of the MoU, first first. */
    @WithSession
    public Uni<List<MouRevision>> revisions(Caller caller, UUID id) {
        return mous.findById(id).map(m -> MouAccess.readable(caller, m, id)).flatMap(m -> revisions.of(m.id));
    }

    // ------------------------------------------------------------------ drafts

    /** Drafts an MoU by hand (the ministry; e.g. a past year's); with an idempotency key a retry gets the first answer. */
    @WithTransaction
    public <T> Uni<IdempotentResult<T>> create(Caller caller, Supplier<Draft> input, String idempotencyKey,
            Function<Current, IdempotentResult.Created<T>> answer) {
        Idempotency.validateKey(idempotencyKey);
        Draft draft = input.get();
        Occurred drafted = checked("occurred", draft.occurred());
        Problems.badRequestIfAny(checkTerms(draft.terms()));
        DocumentKind kind = kindOf(draft.terms().documentName());
        return region(draft.regionCode()).flatMap(region -> idempotency.execute(caller, idempotencyKey, draft,
                () -> requireYearFree(region, draft.programmeYear())
                        .chain(() -> requireNumbersFree(null, region.code(), draft.terms().firstPartyNumber(), null))
                        .chain(() -> {
                            Mou mou = newDraft(region, draft.programmeYear(), draft.track(), draft.cycleId(),
                                    MouOrigin.MINISTRY, null, drafted, caller);
                            mou.kind = kind;
                            mou.firstPartyNumber = draft.terms().firstPartyNumber();
                            mou.content = applyTerms(mou.content, draft.terms());
                            return persistDraft(caller, mou).map(saved -> answer.apply(new Current(saved, null)));
                        })));
    }

    /**
     * Drafts the MoU of a region that was selected, unless the region already has one for the year (drafted by hand,
     * or by an earlier delivery of the same selection). Returns the draft made, or {@code null} when none was needed.
     * Runs in the caller's transaction (the consumer records the event as processed in the same one). A code the
     * complete registry does not know is a {@code 404} problem; while the registry is still incomplete, the region
     * is taken from the event itself (its name and province; the level follows from the code). {@code occurred}: the
     * day of the selection when the event gives it (the draft's date), else {@code null} (drafted now).
     */
    public Uni<Mou> draftForSelection(Caller caller, String regionCode, int programmeYear, String track, UUID cycleId,
            String regionName, String provinceCode, String eventId, Occurred occurred) {
        return registry.require(regionCode)
                .onFailure(e -> e instanceof ProblemException p && p.status() == 503 && regionName != null)
                .recoverWithItem(() -> new RegisteredRegion(regionCode, regionName, levelOf(regionCode), null,
                        provinceCode != null ? provinceCode : regionCode.substring(0, 2), null, false, null, List.of(), 0))
                .flatMap(region -> mous.findCurrent(region.code(), programmeYear).flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().nullItem();
                    }
                    Mou mou = newDraft(region, programmeYear, track, cycleId, MouOrigin.REGION_SELECTED, eventId,
                            occurred, caller);
                    return persistDraft(caller, mou);
                }));
    }

    /** The level a Kemendagri code says: {@code PP} a province, {@code PP.01}–{@code PP.69} a kabupaten, else a kota. */
    static RegionLevel levelOf(String code) {
        if (code.length() == 2) {
            return RegionLevel.PROVINCE;
        }
        return Integer.parseInt(code.substring(3)) < 70 ? RegionLevel.KABUPATEN : RegionLevel.KOTA;
    }

    private Mou newDraft(RegisteredRegion region, int programmeYear, String track, UUID cycleId, MouOrigin origin,
            String eventId, Occurred drafted, Caller caller) {
        OffsetDateTime now = now();
        Mou mou = new Mou();
        mou.id = UUID.randomUUID();
        mou.regionCode = region.code();
        mou.regionName = region.name();
        mou.regionLevel = region.level();
        mou.provinceCode = region.provinceCode();
        mou.programmeYear = programmeYear;
        mou.track = track;
        mou.cycleId = cycleId;
        mou.origin = Origin.LIVE;
        mou.draftedFrom = origin;
        mou.originEventId = eventId;
        mou.state = MouState.DRAFT;
        mou.kind = DocumentKind.NOTA_KESEPAKATAN;
        mou.revision = 0;
        mou.draftedOn = Occurred.firstDayOf(drafted);
        mou.draftedPrecision = Occurred.precisionOf(drafted);
        String headPosition = RegionalHeadTitle.of(region.level()).positionIn(region.name());
        mou.content = new MouDocument(config.defaultTitle(), DocumentKind.NOTA_KESEPAKATAN.label(),
                new MouDocument.Party(config.firstPartyPosition(), null), new MouDocument.Party(headPosition, null),
                null, null, List.of(), List.of(), MouDocument.Scope.standard(), null, null, null, null, List.of(), null);
        mou.createdAt = now;
        mou.createdBy = caller.username();
        mou.updatedAt = now;
        mou.updatedBy = caller.username();
        return mou;
    }

    private Uni<Mou> persistDraft(Caller caller, Mou mou) {
        return mous.persistAndFlush(mou)
                .call(saved -> record(caller, "MOU_DRAFTED", null, saved, AgreementEvents.MOU_DRAFTED,
                        AgreementEventMapper.drafted(saved, caller)));
    }

    // ------------------------------------------------------------------ edits before signing

    /** Replaces the ministry's terms of a draft or scheduled MoU. */
    @WithTransaction
    public Uni<Current> updateTerms(Caller caller, UUID id, Long expectedVersion, Supplier<Terms> input) {
        return load(caller, id).flatMap(mou -> {
            requireIfMatch(expectedVersion);
            Terms terms = input.get();
            Problems.badRequestIfAny(checkTerms(terms));
            DocumentKind kind = kindOf(terms.documentName());
            requireVersion(mou, expectedVersion);
            MouLifecycle.apply(mou.state, MouAction.EDIT_TERMS);
            return requireNumbersFree(mou.id, mou.regionCode, terms.firstPartyNumber(), null).chain(() -> {
                MouDocument content = applyTerms(mou.content, terms);
                if (content.equals(mou.content) && kind == mou.kind
                        && Objects.equals(terms.firstPartyNumber(), mou.firstPartyNumber)) {
                    return withCeremony(mou); // nothing changed: no audit entry
                }
                Snapshot before = Snapshot.of(mou);
                mou.content = content;
                mou.kind = kind;
                mou.firstPartyNumber = terms.firstPartyNumber();
                return touchAndAudit(caller, mou, "MOU_TERMS_UPDATED", before).flatMap(this::withCeremony);
            });
        });
    }

    /** Replaces the region's side (the ministry, or the region's own officer). */
    @WithTransaction
    public Uni<Current> updateLocalSide(Caller caller, UUID id, Long expectedVersion, Supplier<LocalSide> input) {
        return load(caller, id).flatMap(mou -> {
            MouAccess.mayChangeLocalSide(caller, mou);
            requireIfMatch(expectedVersion);
            LocalSide side = input.get();
            Problems.badRequestIfAny(checkLocalSide(side));
            requireVersion(mou, expectedVersion);
            MouLifecycle.apply(mou.state, MouAction.EDIT_LOCAL_SIDE);
            return requireNumbersFree(mou.id, mou.regionCode, null, side.secondPartyNumber()).chain(() -> {
                MouDocument d = mou.content;
                MouDocument content = d.withLocalSide(new MouDocument.Party(d.secondParty().position(),
                        side.regionalHeadName()), side.localVenue(), side.localVenueKnown(), side.localMode(),
                        side.secondPartySignatory(), side.attendees() == null ? List.of() : side.attendees());
                if (content.equals(d) && Objects.equals(side.secondPartyNumber(), mou.secondPartyNumber)) {
                    return withCeremony(mou);
                }
                Snapshot before = Snapshot.of(mou);
                mou.content = content;
                mou.secondPartyNumber = side.secondPartyNumber();
                return touchAndAudit(caller, mou, "MOU_LOCAL_SIDE_UPDATED", before).flatMap(this::withCeremony);
            });
        });
    }

    // ------------------------------------------------------------------ lifecycle

    /** Attaches a draft (or moves a scheduled MoU) to a national ceremony, or gives it a date of its own. */
    @WithTransaction
    public Uni<Current> schedule(Caller caller, UUID id, Long expectedVersion, Supplier<Schedule> input) {
        return load(caller, id).flatMap(mou -> {
            requireIfMatch(expectedVersion);
            Schedule schedule = input.get();
            Occurred scheduled = checked("occurred", schedule.occurred());
            List<Violation> problems = new ArrayList<>();
            if ((schedule.ceremonyId() == null) == (schedule.plannedOn() == null)) {
                problems.add(new Violation("ceremonyId", "give either ceremonyId (a national ceremony) or plannedOn"
                        + " (a signing of its own), not both and not neither"));
            }
            Problems.badRequestIfAny(problems);
            requireVersion(mou, expectedVersion);
            MouLifecycle.apply(mou.state, MouAction.SCHEDULE);
            if (scheduled != null) {
                ActDates.requireSchedulingInOrder("occurred", scheduled, mou);
            }
            if (schedule.ceremonyId() == null) {
                return scheduleInto(caller, mou, null, schedule.plannedOn(), scheduled).flatMap(this::withCeremony);
            }
            return ceremonies.findById(schedule.ceremonyId()).flatMap(ceremony -> {
                requireSchedulable(mou, ceremony, schedule.ceremonyId());
                return scheduleInto(caller, mou, ceremony, null, scheduled).map(m -> new Current(m, ceremony));
            });
        });
    }

    /** That the MoU may be scheduled into this ceremony: it exists, is still planned and is of the MoU's year. */
    static void requireSchedulable(Mou mou, MouCeremony ceremony, UUID ceremonyId) {
        if (ceremony == null) {
            throw ProblemException.unprocessable("ceremonyId", "no ceremony has the id " + ceremonyId);
        }
        if (ceremony.state != CeremonyState.PLANNED) {
            throw Problems.conflict("ceremonyId", "the ceremony of " + ceremony.date() + " is " + ceremony.state
                    + ": it took place already; MoUs are scheduled into PLANNED ceremonies");
        }
        if (ceremony.programmeYear != mou.programmeYear) {
            throw ProblemException.unprocessable("ceremonyId", "the ceremony is for programme year "
                    + ceremony.programmeYear + ", the MoU of " + mou.regionName + " for " + mou.programmeYear);
        }
    }

    /**
     * Schedules the MoU (state and the order of its dates checked by the caller of this method), audits and publishes
     * it; {@code occurred}: the day it was scheduled when given (else now).
     */
    Uni<Mou> scheduleInto(Caller caller, Mou mou, MouCeremony ceremony, LocalDate plannedOn, Occurred occurred) {
        if (mou.state == MouState.SCHEDULED && Objects.equals(mou.ceremonyId, ceremony == null ? null : ceremony.id)
                && Objects.equals(mou.plannedOn, plannedOn)
                && (occurred == null || occurred.equals(Occurred.stored(mou.scheduledOn, mou.scheduledPrecision)))) {
            return Uni.createFrom().item(mou); // already so: nothing changes
        }
        Snapshot before = Snapshot.of(mou);
        mou.apply(MouAction.SCHEDULE);
        mou.ceremonyId = ceremony == null ? null : ceremony.id;
        mou.plannedOn = plannedOn;
        mou.scheduledOn = Occurred.firstDayOf(occurred);
        mou.scheduledPrecision = Occurred.precisionOf(occurred);
        mou.scheduledAt = now();
        mou.updatedAt = mou.scheduledAt;
        mou.updatedBy = caller.username();
        return mous.flush().replaceWith(mou)
                .call(m -> record(caller, "MOU_SCHEDULED", before, m, AgreementEvents.MOU_SCHEDULED,
                        AgreementEventMapper.scheduled(m, ceremony, occurred, caller, m.updatedAt)));
    }

    /** Records the signing of a scheduled MoU (e.g. a past signing, or one of its own). */
    @WithTransaction
    public Uni<Current> sign(Caller caller, UUID id, Long expectedVersion, Supplier<Signing> input) {
        return load(caller, id).flatMap(mou -> {
            requireIfMatch(expectedVersion);
            Signing signing = input.get();
            Problems.badRequestIfAny(checkSigning(signing));
            requireVersion(mou, expectedVersion);
            MouLifecycle.apply(mou.state, MouAction.SIGN);
            ActDates.requireSigningInOrder("signedOn", signing.signedOn(), mou);
            List<Violation> missing = SigningRules.missingForSigning(mou.content);
            if (!missing.isEmpty()) {
                throw Problems.unprocessable(mou.regionName + "'s MoU cannot be signed yet:", missing);
            }
            Validity validity = validity(signing.signedOn(), signing.validityYears(), signing.validUntil(),
                    mou.content.validityYears());
            return ceremonyOf(mou).flatMap(ceremony -> signNow(caller, mou, ceremony, validity)
                    .map(m -> new Current(m, ceremony)));
        });
    }

    /**
     * The validity of a signing: the end date given, else the years given, else the years of the terms; a
     * {@code 422} naming {@code validityYears} when none of them says.
     */
    static Validity validity(LocalDate signedOn, Integer years, LocalDate until, Integer termsYears) {
        if (until != null) {
            return Validity.until(signedOn, until);
        }
        Integer resolved = years != null ? years : termsYears;
        if (resolved == null) {
            throw ProblemException.unprocessable("validityYears", "how long the MoU is in force is not known: give"
                    + " validityYears or validUntil, or set validityYears in its terms");
        }
        return Validity.ofYears(signedOn, resolved);
    }

    /**
     * Signs the MoU (state and completeness checked by the caller of this method), keeps revision 1, publishes; an
     * MoU whose validity has already ended is then expired too ({@code MouSigned}, then {@code MouExpired}).
     */
    Uni<Mou> signNow(Caller caller, Mou mou, MouCeremony ceremony, Validity validity) {
        Snapshot before = Snapshot.of(mou);
        mou.apply(MouAction.SIGN);
        mou.signedOn = validity.from();
        mou.validUntil = validity.until();
        mou.content = mou.content.withValidityYears(validity.years());
        mou.revision = 1;
        mou.stateChangedOn = validity.from();
        mou.stateChangedPrecision = null;
        mou.updatedAt = now();
        mou.updatedBy = caller.username();
        return mous.flush()
                .chain(() -> revisions.persist(revision(mou, MouRevision.Kind.SIGNED, validity.from(), null, caller)))
                .replaceWith(mou)
                .call(m -> record(caller, "MOU_SIGNED", before, m, AgreementEvents.MOU_SIGNED,
                        AgreementEventMapper.signed(m, ceremony, caller, m.updatedAt)))
                // a signing recorded after its validity ended (an old MoU entered late) expires at once, in the same
                // transaction, as the expiry check would have on the day after its last day in force
                .flatMap(m -> validity.expiredBy(today()) ? expire(MouExpiryService.SYSTEM, m) : Uni.createFrom().item(m));
    }

    /** Records an amendment (adendum) of a signed MoU: a new revision; the old ones stay as they were. */
    @WithTransaction
    public <T> Uni<IdempotentResult<T>> amend(Caller caller, UUID id, Long expectedVersion, Supplier<Amendment> input,
            String idempotencyKey, Function<Current, IdempotentResult.Created<T>> answer) {
        Idempotency.validateKey(idempotencyKey);
        return load(caller, id).flatMap(loaded -> {
            requireIfMatch(expectedVersion);
            Amendment amendment = input.get();
            List<Violation> problems = new ArrayList<>();
            problems.add(SigningRules.checkNotFuture("amendedOn", amendment.amendedOn(), today()));
            problems.add(SigningRules.checkNotBeforeProgramme("amendedOn", amendment.amendedOn()));
            if (amendment.validityYears() != null && amendment.validUntil() != null) {
                problems.add(new Violation("validUntil", "give either validityYears or validUntil, not both"));
            }
            if (amendment.validityYears() == null && amendment.validUntil() == null && amendment.standardScope() == null
                    && amendment.otherScope() == null) {
                problems.add(new Violation("body", "an amendment changes the validity or the scope; it names neither"));
            }
            Problems.badRequestIfAny(problems);
            // the replay of a retried amendment comes first: its If-Match is stale by now
            return idempotency.execute(caller, idempotencyKey, List.of(id, expectedVersion, amendment), () -> {
                Mou mou = loaded;
                requireVersion(mou, expectedVersion);
                MouLifecycle.apply(mou.state, MouAction.AMEND);
                List<Violation> dates = new ArrayList<>();
                if (amendment.amendedOn().isBefore(mou.signedOn)) {
                    dates.add(new Violation("amendedOn", "must not be before the signing (" + mou.signedOn + ")"));
                }
                if (amendment.validUntil() != null && !amendment.validUntil().isAfter(mou.signedOn)) {
                    dates.add(new Violation("validUntil", "must be after the signing (" + mou.signedOn + ")"));
                }
                Problems.badRequestIfAny(dates);
                Validity validity = amendment.validUntil() != null ? Validity.until(mou.signedOn, amendment.validUntil())
                        : amendment.validityYears() != null ? Validity.ofYears(mou.signedOn, amendment.validityYears())
                                : mou.validity();
                MouDocument.Scope scope = mou.content.scope();
                if (amendment.standardScope() != null || amendment.otherScope() != null) {
                    scope = new MouDocument.Scope(
                            amendment.standardScope() != null ? distinct(amendment.standardScope()) : scope.standardItems(),
                            amendment.otherScope() != null ? amendment.otherScope() : scope.otherItems());
                }
                Snapshot before = Snapshot.of(mou);
                mou.content = mou.content.withScope(scope).withValidityYears(validity.years());
                mou.validUntil = validity.until();
                mou.revision = mou.revision + 1;
                mou.updatedAt = now();
                mou.updatedBy = caller.username();
                mou.apply(MouAction.AMEND);
                return mous.flush()
                        .chain(() -> revisions.persist(revision(mou, MouRevision.Kind.AMENDMENT, amendment.amendedOn(),
                                amendment.reason(), caller)))
                        .call(() -> record(caller, "MOU_AMENDED", before, mou, AgreementEvents.MOU_AMENDED,
                                AgreementEventMapper.amended(mou, amendment.amendedOn(), amendment.reason(), caller,
                                        mou.updatedAt)))
                        .chain(() -> withCeremony(mou))
                        .map(answer);
            });
        });
    }

    /** Ends a signed MoU before its validity runs out. */
    @WithTransaction
    public Uni<Current> terminate(Caller caller, UUID id, Long expectedVersion, Supplier<Termination> input) {
        return load(caller, id).flatMap(mou -> {
            requireIfMatch(expectedVersion);
            Termination termination = input.get();
            List<Violation> problems = new ArrayList<>();
            problems.add(SigningRules.checkNotFuture("terminatedOn", termination.terminatedOn(), today()));
            problems.add(SigningRules.checkNotBeforeProgramme("terminatedOn", termination.terminatedOn()));
            Problems.badRequestIfAny(problems);
            requireVersion(mou, expectedVersion);
            MouLifecycle.apply(mou.state, MouAction.TERMINATE);
            if (termination.terminatedOn().isBefore(mou.signedOn)) {
                Problems.badRequestIfAny(List.of(new Violation("terminatedOn",
                        "must not be before the signing (" + mou.signedOn + ")")));
            }
            Snapshot before = Snapshot.of(mou);
            mou.apply(MouAction.TERMINATE);
            mou.stateChangedOn = termination.terminatedOn();
            mou.stateChangedPrecision = null;
            mou.stateReason = termination.reason();
            mou.updatedAt = now();
            mou.updatedBy = caller.username();
            return mous.flush().replaceWith(mou)
                    .call(m -> record(caller, "MOU_TERMINATED", before, m, AgreementEvents.MOU_TERMINATED,
                            AgreementEventMapper.terminated(m, caller, m.updatedAt)))
                    .flatMap(this::withCeremony);
        });
    }

    /**
     * Drops a draft or scheduled MoU; the region may then be drafted again for the year. A recorded MoU is withdrawn
     * as a record instead ({@link RecordedMouService#withdraw}: {@code If-Match} its revision, sources required).
     */
    @WithTransaction
    public Uni<Current> withdraw(Caller caller, UUID id, Long expectedVersion, Supplier<Withdrawal> input) {
        return mous.findById(id).map(m -> MouAccess.readable(caller, m, id)).flatMap(found -> {
            if (!found.recorded()) {
                return withdrawLive(caller, id, expectedVersion, input);
            }
            return recordedMous.withdraw(caller, id, expectedVersion, () -> {
                Withdrawal w = input.get();
                if (w.occurred() != null) {
                    Problems.badRequestIfAny(List.of(new Violation("occurred", "is not taken for a recorded MoU: its"
                            + " withdrawal says it should never have been recorded, it is not an act of the programme")));
                }
                return new id.kotacerdas.platform.record.Withdrawal(w.reason(), w.sources());
            }).flatMap(this::withCeremony);
        });
    }

    private Uni<Current> withdrawLive(Caller caller, UUID id, Long expectedVersion, Supplier<Withdrawal> input) {
        return load(caller, id).flatMap(mou -> {
            requireIfMatch(expectedVersion);
            Withdrawal withdrawal = input.get();
            Occurred withdrawn = checked("occurred", withdrawal.occurred());
            requireVersion(mou, expectedVersion);
            MouState previous = mou.state;
            MouLifecycle.apply(mou.state, MouAction.WITHDRAW);
            if (withdrawn != null) {
                ActDates.requireWithdrawalInOrder("occurred", withdrawn, mou);
            }
            Snapshot before = Snapshot.of(mou);
            mou.apply(MouAction.WITHDRAW);
            mou.stateChangedOn = withdrawn != null ? withdrawn.firstDay() : today();
            mou.stateChangedPrecision = Occurred.precisionOf(withdrawn);
            mou.stateReason = withdrawal.reason();
            mou.updatedAt = now();
            mou.updatedBy = caller.username();
            return mous.flush().replaceWith(mou)
                    .call(m -> record(caller, "MOU_WITHDRAWN", before, m, AgreementEvents.MOU_WITHDRAWN,
                            AgreementEventMapper.withdrawn(m, previous, withdrawn, caller, m.updatedAt)))
                    .flatMap(this::withCeremony);
        });
    }

    /** Expires a signed MoU whose validity ended (the expiry check; state checked here). */
    Uni<Mou> expire(Caller system, Mou mou) {
        Snapshot before = Snapshot.of(mou);
        mou.apply(MouAction.EXPIRE);
        mou.stateChangedOn = mou.validity().expiresOn();
        mou.stateChangedPrecision = null;
        mou.updatedAt = now();
        mou.updatedBy = system.username();
        return mous.flush().replaceWith(mou)
                .call(m -> record(system, "MOU_EXPIRED", before, m, AgreementEvents.MOU_EXPIRED,
                        AgreementEventMapper.expired(m, m.stateChangedOn, m.updatedAt)));
    }

    // ------------------------------------------------------------------ rules

    /** The field rules of the terms that Bean Validation cannot say. */
    static List<Violation> checkTerms(Terms terms) {
        List<Violation> out = new ArrayList<>(SigningRules.checkSignatory("firstPartySignatory", terms.firstPartySignatory()));
        if (terms.documentName() != null && DocumentKind.ofName(terms.documentName()).isEmpty()) {
            out.add(new Violation("documentName", "must be one of " + DocumentKind.allAliases()));
        }
        if (terms.standardScope() != null && new LinkedHashSet<>(terms.standardScope()).size() != terms.standardScope().size()) {
            out.add(new Violation("scope.standardItems", "must not name an item twice"));
        }
        return out;
    }

    static List<Violation> checkLocalSide(LocalSide side) {
        List<Violation> out = new ArrayList<>(SigningRules.checkSignatory("secondPartySignatory", side.secondPartySignatory()));
        if (Boolean.FALSE.equals(side.localVenueKnown()) && side.localVenue() != null) {
            out.add(new Violation("localVenue", "must be absent when localVenueKnown is false"));
        }
        return out;
    }

    List<Violation> checkSigning(Signing signing) {
        List<Violation> out = new ArrayList<>();
        Violation future = SigningRules.checkNotFuture("signedOn", signing.signedOn(), today());
        if (future != null) {
            out.add(future);
        }
        Violation early = SigningRules.checkNotBeforeProgramme("signedOn", signing.signedOn());
        if (early != null) {
            out.add(early);
        }
        if (signing.validityYears() != null && signing.validUntil() != null) {
            out.add(new Violation("validUntil", "give either validityYears or validUntil, not both"));
        }
        if (signing.validUntil() != null && signing.signedOn() != null && !signing.validUntil().isAfter(signing.signedOn())) {
            out.add(new Violation("validUntil", "must be after signedOn (" + signing.signedOn() + "): an MoU cannot"
                    + " expire before it was signed"));
        }
        return out;
    }

    private static DocumentKind kindOf(String documentName) {
        return documentName == null ? DocumentKind.NOTA_KESEPAKATAN : DocumentKind.ofName(documentName).orElseThrow();
    }

    private MouDocument applyTerms(MouDocument d, Terms t) {
        MouDocument.Party firstParty = t.firstParty() == null
                ? new MouDocument.Party(config.firstPartyPosition(), null)
                : new MouDocument.Party(t.firstParty().position() == null ? config.firstPartyPosition()
                        : t.firstParty().position(), t.firstParty().name());
        MouDocument.Scope scope = t.standardScope() == null && t.otherScope() == null ? MouDocument.Scope.standard()
                : new MouDocument.Scope(t.standardScope() == null ? List.of() : List.copyOf(t.standardScope()),
                        t.otherScope() == null ? List.of() : List.copyOf(t.otherScope()));
        return d.withTerms(t.title() == null ? config.defaultTitle() : t.title(),
                t.documentName() == null ? DocumentKind.NOTA_KESEPAKATAN.label() : t.documentName(), firstParty,
                t.firstPartySignatory(), t.witnesses() == null ? List.of() : List.copyOf(t.witnesses()), scope,
                t.validityYears(), t.sources() == null ? List.of() : List.copyOf(t.sources()), t.notes());
    }

    private static List<ScopeItem> distinct(List<ScopeItem> items) {
        return List.copyOf(new LinkedHashSet<>(items));
    }

    /** The region of a code in a request body: {@code 422} naming {@code regionCode} when no region has it. */
    private Uni<RegisteredRegion> region(String code) {
        return registry.current(code).map(found -> found.orElseThrow(
                () -> ProblemException.unprocessable("regionCode", "no region has the code " + code)));
    }

    private Uni<Void> requireYearFree(RegisteredRegion region, int programmeYear) {
        return mous.findCurrent(region.code(), programmeYear).map(existing -> {
            if (existing != null) {
                throw Problems.conflict("programmeYear", region.name() + " (" + region.code() + ") already has an MoU"
                        + " for " + programmeYear + " (" + existing.id + ", " + existing.state + "): one per region"
                        + " per programme year");
            }
            return null;
        });
    }

    /** That the numbers given are no other MoU's: the Ditjen's across all, the region's within the region. */
    private Uni<Void> requireNumbersFree(UUID self, String regionCode, String firstPartyNumber, String secondPartyNumber) {
        UUID me = self == null ? new UUID(0, 0) : self;
        Uni<Void> first = firstPartyNumber == null ? Uni.createFrom().voidItem()
                : mous.findByFirstPartyNumber(firstPartyNumber, me).map(other -> {
                    if (other != null) {
                        throw Problems.conflict("firstPartyNumber", "is already the number of " + other.regionName
                                + "'s MoU of " + other.programmeYear + " (" + other.id + ")");
                    }
                    return null;
                });
        return first.chain(() -> secondPartyNumber == null ? Uni.createFrom().voidItem()
                : mous.findBySecondPartyNumber(regionCode, secondPartyNumber, me).map(other -> {
                    if (other != null) {
                        throw Problems.conflict("secondPartyNumber", "is already the number of the region's MoU of "
                                + other.programmeYear + " (" + other.id + ")");
                    }
                    return null;
                }));
    }

    // ------------------------------------------------------------------ plumbing

    /** A live MoU to change through its workflow; a recorded one is {@code 409} (it changes only as a record). */
    private Uni<Mou> load(Caller caller, UUID id) {
        return mous.findById(id).map(m -> MouAccess.readable(caller, m, id)).map(m -> {
            if (m.recorded()) {
                throw Problems.conflict("origin", m.regionName + "'s MoU of " + m.programmeYear + " is recorded from its"
                        + " sources (origin RECORDED): it is not part of the live workflow and changes only by a"
                        + " correction (POST /api/v1/mous/" + m.id + "/corrections) or a withdrawal of the record");
            }
            return m;
        });
    }

    private Uni<Current> withCeremony(Mou mou) {
        return ceremonyOf(mou).map(c -> new Current(mou, c));
    }

    Uni<MouCeremony> ceremonyOf(Mou mou) {
        return mou.ceremonyId == null ? Uni.createFrom().nullItem() : ceremonies.findById(mou.ceremonyId);
    }

    private static void requireIfMatch(Long expectedVersion) {
        if (expectedVersion == null) {
            throw Problems.ifMatchRequired("MoU");
        }
    }

    private static void requireVersion(Mou mou, Long expectedVersion) {
        if (mou.version != expectedVersion) {
            throw Problems.stale("MoU", mou.version, expectedVersion);
        }
    }

    private Uni<Mou> touchAndAudit(Caller caller, Mou mou, String action, Snapshot before) {
        mou.updatedAt = now();
        mou.updatedBy = caller.username();
        return mous.flush().replaceWith(mou)
                .call(m -> auditTrail.record(caller, action, AUDIT_RESOURCE, m.id.toString(), before, Snapshot.of(m)));
    }

    private Uni<?> record(Caller caller, String action, Snapshot before, Mou after, EventSpec event, Object payload) {
        return auditTrail.record(caller, action, AUDIT_RESOURCE, after.id.toString(), before, Snapshot.of(after))
                .call(() -> outbox.append(event, after.regionCode, payload));
    }

    static MouRevision revision(Mou mou, MouRevision.Kind kind, LocalDate effectiveOn, String reason,
            Caller caller) {
        MouRevision r = new MouRevision();
        r.id = UUID.randomUUID();
        r.mouId = mou.id;
        r.revision = mou.revision;
        r.kind = kind;
        r.effectiveOn = effectiveOn;
        r.reason = reason;
        r.document = new MouRevision.RevisionDocument(mou.content, mou.firstPartyNumber, mou.secondPartyNumber,
                mou.signedOn, mou.validUntil, mou.ceremonyId, mou.recorded() ? RecordedSigning.of(mou) : null);
        r.recordedAt = now();
        r.recordedBy = caller.username();
        return r;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A date a write gave ({@code occurred}) checked and normalized, 400 naming {@code field}; {@code null} for none. */
    Occurred checked(String field, Occurred given) {
        return given == null ? null : given.checked(field, clock);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** What the audit trail keeps of an MoU before and after a change. */
    record Snapshot(MouState state, UUID ceremonyId, LocalDate plannedOn, String firstPartyNumber,
            String secondPartyNumber, LocalDate signedOn, LocalDate validUntil, int revision, String stateReason,
            MouDocument content, Occurred drafted, Occurred scheduled, Occurred stateChanged) {

        static Snapshot of(Mou m) {
            return new Snapshot(m.state, m.ceremonyId, m.plannedOn, m.firstPartyNumber, m.secondPartyNumber, m.signedOn,
                    m.validUntil, m.revision, m.stateReason, m.content, m.drafted(), m.scheduled(), m.stateChanged());
        }
    }
}
