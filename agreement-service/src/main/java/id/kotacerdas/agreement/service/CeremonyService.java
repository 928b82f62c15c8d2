package id.kotacerdas.agreement.service;

import id.kotacerdas.agreement.domain.ActDates;
import id.kotacerdas.agreement.domain.CeremonyState;
import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.domain.MouAction;
import id.kotacerdas.agreement.domain.MouCeremony;
import id.kotacerdas.agreement.domain.MouLifecycle;
import id.kotacerdas.agreement.domain.MouState;
import id.kotacerdas.agreement.domain.SigningRules;
import id.kotacerdas.agreement.domain.Validity;
import id.kotacerdas.agreement.repository.MouCeremonyRepository;
import id.kotacerdas.agreement.repository.MouRepository;
import id.kotacerdas.agreement.service.MouCommands.CeremonyHeld;
import id.kotacerdas.agreement.service.MouCommands.CohortSchedule;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * National signing ceremonies and the ministry's batch operations on them: schedule a cohort's drafts into one
 * ceremony, and record that the ceremony took place (which signs every MoU of it whose record is complete). Each
 * batch is one transaction: its MoUs change, are audited and are published together, or not at all.
 */
@ApplicationScoped
public class CeremonyService {

    public static final String AUDIT_RESOURCE = "MouCeremony";

    @Inject
    MouCeremonyRepository ceremonies;

    @Inject
    MouRepository mous;

    @Inject
    MouService mouService;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Idempotency idempotency;

    /** The outcome of scheduling a cohort: the MoUs scheduled now. */
    public record Scheduled(MouCeremony ceremony, List<Mou> scheduled) {
    }

    /** An MoU the ceremony could not sign, and what its record lacks. */
    public record NotSigned(Mou mou, List<Violation> missing) {
    }

    /** The outcome of recording a ceremony: the MoUs signed at it, and those whose record was not complete. */
    public record Held(MouCeremony ceremony, List<Mou> signed, List<NotSigned> notSigned) {
    }

    @WithSession
    public Uni<MouCeremony> get(UUID id) {
        return ceremonies.findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("No ceremony has the id " + id + ".");
            }
            return c;
        });
    }

    @WithSession
    public Uni<MouCeremonyRepository.Page> list(Integer programmeYear, CeremonyState state,
            MouCeremonyRepository.SortField sort, boolean descending, int page, int size) {
        return ceremonies.search(programmeYear, state, sort, descending, page, size);
    }

    @WithTransaction
    public <T> Uni<IdempotentResult<T>> create(Caller caller, Supplier<MouCommands.Ceremony> input,
            String idempotencyKey, Function<MouCeremony, IdempotentResult.Created<T>> answer) {
        Idempotency.validateKey(idempotencyKey);
        MouCommands.Ceremony c = input.get();
        return idempotency.execute(caller, idempotencyKey, c, () -> {
            MouCeremony ceremony = new MouCeremony();
            ceremony.origin = id.kotacerdas.platform.record.Origin.LIVE;
            ceremony.id = UUID.randomUUID();
            ceremony.programmeYear = c.programmeYear();
            ceremony.state = CeremonyState.PLANNED;
            apply(ceremony, c);
            ceremony.createdAt = MouService.now();
            ceremony.createdBy = caller.username();
            ceremony.updatedAt = ceremony.createdAt;
            ceremony.updatedBy = caller.username();
            return ceremonies.persistAndFlush(ceremony)
                    .call(saved -> auditTrail.record(caller, "CEREMONY_CREATED", AUDIT_RESOURCE, saved.id.toString(),
                            null, Snapshot.of(saved)))
                    .map(answer);
        });
    }

    /** Replaces a planned ceremony's facts (its programme year stays). */
    @WithTransaction
    public Uni<MouCeremony> update(Caller caller, UUID id, Long expectedVersion, Supplier<MouCommands.Ceremony> input) {
        return load(id).flatMap(ceremony -> {
            if (expectedVersion == null) {
                throw Problems.ifMatchRequired("ceremony");
            }
            MouCommands.Ceremony c = input.get();
            if (c.programmeYear() != ceremony.programmeYear) {
                throw ProblemException.unprocessable("programmeYear", "a ceremony's programme year does not change"
                        + " (it is " + ceremony.programmeYear + "); plan another ceremony instead");
            }
            if (ceremony.version != expectedVersion) {
                throw Problems.stale("ceremony", ceremony.version, expectedVersion);
            }
            requirePlanned(ceremony, "changed");
            Snapshot before = Snapshot.of(ceremony);
            apply(ceremony, c);
            if (Snapshot.of(ceremony).equals(before)) {
                return Uni.createFrom().item(ceremony);
            }
            ceremony.updatedAt = MouService.now();
            ceremony.updatedBy = caller.username();
            return ceremonies.flush().replaceWith(ceremony)
                    .call(saved -> auditTrail.record(caller, "CEREMONY_UPDATED", AUDIT_RESOURCE, saved.id.toString(),
                            before, Snapshot.of(saved)));
        });
    }

    /**
     * Schedules MoUs into the ceremony: the listed ones, or every draft of its programme year. All or nothing: an
     * MoU that cannot be scheduled (another year, already signed) fails the whole batch, naming it.
     */
    @WithTransaction
    public Uni<Scheduled> scheduleCohort(Caller caller, UUID id, Supplier<CohortSchedule> input) {
        return load(id).flatMap(ceremony -> {
            CohortSchedule request = input.get();
            Occurred scheduledOn = mouService.checked("occurred", request.occurred());
            boolean listed = request.mouIds() != null && !request.mouIds().isEmpty();
            if (listed == request.allDrafts()) {
                throw ProblemException.badRequest("mouIds", "give either mouIds or allDrafts: true, not both and not"
                        + " neither");
            }
            requirePlanned(ceremony, "given more MoUs");
            Uni<List<Mou>> chosen = listed ? listed(new ArrayList<>(new LinkedHashSet<>(request.mouIds())))
                    : mous.draftsOf(ceremony.programmeYear);
            return chosen.flatMap(list -> {
                for (int i = 0; i < list.size(); i++) {
                    Mou mou = list.get(i);
                    String field = listed ? "mouIds[" + i + "]" : "allDrafts";
                    if (!MouLifecycle.allows(mou.state, MouAction.SCHEDULE)) {
                        throw new ProblemException(409, "illegal-transition", "Illegal state transition",
                                field + ": " + mou.regionName + "'s MoU (" + mou.id + ") is " + mou.state
                                        + "; only DRAFT or SCHEDULED MoUs can be scheduled",
                                List.of(new Violation(field, "is " + mou.state)), Map.of());
                    }
                    if (mou.programmeYear != ceremony.programmeYear) {
                        throw ProblemException.unprocessable(field, mou.regionName + "'s MoU is for "
                                + mou.programmeYear + ", the ceremony for " + ceremony.programmeYear);
                    }
                    if (scheduledOn != null) {
                        ActDates.requireSchedulingInOrder("occurred", scheduledOn, mou);
                    }
                }
                List<Mou> scheduled = new ArrayList<>();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Mou mou : list) {
                    chain = chain.chain(() -> mouService.scheduleInto(caller, mou, ceremony, null, scheduledOn)
                            .invoke(scheduled::add).replaceWithVoid());
                }
                return chain.replaceWith(() -> new Scheduled(ceremony, scheduled));
            });
        });
    }

    private Uni<List<Mou>> listed(List<UUID> ids) {
        return mous.list("id in ?1", ids).map(found -> {
            for (int i = 0; i < ids.size(); i++) {
                UUID wanted = ids.get(i);
                if (found.stream().noneMatch(m -> m.id.equals(wanted))) {
                    throw ProblemException.unprocessable("mouIds[" + i + "]", "no MoU has the id " + wanted);
                }
            }
            return ids.stream().map(wanted -> found.stream().filter(m -> m.id.equals(wanted)).findFirst().orElseThrow())
                    .toList();
        });
    }

    /**
     * Records that the ceremony took place on {@code heldOn}, and signs on that day every scheduled MoU of it whose
     * record is complete (local venue, both signatories, how long it is in force). The others stay scheduled and are
     * reported with what they lack, to be completed and signed one by one.
     */
    @WithTransaction
    public Uni<Held> recordHeld(Caller caller, UUID id, Long expectedVersion, Supplier<CeremonyHeld> input) {
        return load(id).flatMap(ceremony -> {
            if (expectedVersion == null) {
                throw Problems.ifMatchRequired("ceremony");
            }
            CeremonyHeld held = input.get();
            List<Violation> problems = new ArrayList<>();
            problems.add(SigningRules.checkNotFuture("heldOn", held.heldOn(), mouService.today()));
            problems.add(SigningRules.checkNotBeforeProgramme("heldOn", held.heldOn()));
            Problems.badRequestIfAny(problems);
            if (ceremony.version != expectedVersion) {
                throw Problems.stale("ceremony", ceremony.version, expectedVersion);
            }
            requirePlanned(ceremony, "recorded as held");
            return mous.ofCeremony(ceremony.id, MouState.SCHEDULED).flatMap(scheduled -> {
                // the ceremony signs its MoUs on heldOn: not before any of their drafts or schedulings
                scheduled.forEach(mou -> ActDates.requireSigningInOrder("heldOn", held.heldOn(), mou));
                Snapshot before = Snapshot.of(ceremony);
                ceremony.state = CeremonyState.HELD;
                ceremony.heldOn = held.heldOn();
                if (held.note() != null) {
                    ceremony.note = held.note();
                }
                ceremony.updatedAt = MouService.now();
                ceremony.updatedBy = caller.username();
                return ceremonies.flush()
                        .call(() -> auditTrail.record(caller, "CEREMONY_HELD", AUDIT_RESOURCE, ceremony.id.toString(),
                                before, Snapshot.of(ceremony)))
                        .chain(() -> signAll(caller, ceremony, held.heldOn(), scheduled));
            });
        });
    }

    private Uni<Held> signAll(Caller caller, MouCeremony ceremony, LocalDate heldOn, List<Mou> scheduled) {
        List<Mou> signed = new ArrayList<>();
        List<NotSigned> notSigned = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Mou mou : scheduled) {
            List<Violation> missing = new ArrayList<>(SigningRules.missingForSigning(mou.content));
            if (mou.content.validityYears() == null) {
                missing.add(new Violation("validityYears", "how long it is in force is not in its terms"));
            }
            if (!missing.isEmpty()) {
                notSigned.add(new NotSigned(mou, missing));
                continue;
            }
            Validity validity = Validity.ofYears(heldOn, mou.content.validityYears());
            chain = chain.chain(() -> mouService.signNow(caller, mou, ceremony, validity).invoke(signed::add)
                    .replaceWithVoid());
        }
        return chain.replaceWith(() -> new Held(ceremony, signed, notSigned));
    }

    private Uni<MouCeremony> load(UUID id) {
        return ceremonies.findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("No ceremony has the id " + id + ".");
            }
            return c;
        });
    }

    private static void requirePlanned(MouCeremony ceremony, String what) {
        if (ceremony.state != CeremonyState.PLANNED) {
            throw new ProblemException(409, "illegal-transition", "Illegal state transition",
                    "The ceremony of " + ceremony.date() + " is " + ceremony.state + " (held on " + ceremony.heldOn
                            + "): only a PLANNED ceremony can be " + what + ".",
                    List.of(new Violation("state", "is " + ceremony.state)), Map.of());
        }
    }

    private static void apply(MouCeremony ceremony, MouCommands.Ceremony c) {
        ceremony.title = c.title();
        ceremony.plannedOn = c.plannedOn();
        ceremony.host = c.host();
        ceremony.mode = c.mode();
        ceremony.venue = c.venue();
        ceremony.note = c.note();
    }

    /** What the audit trail keeps of a ceremony. */
    record Snapshot(int programmeYear, String title, LocalDate plannedOn, LocalDate heldOn, CeremonyState state,
            String host, String mode, String venue, String note) {

        static Snapshot of(MouCeremony c) {
            return new Snapshot(c.programmeYear, c.title, c.plannedOn, c.heldOn, c.state, c.host,
                    c.mode == null ? null : c.mode.name(), c.venue, c.note);
        }
    }
}
