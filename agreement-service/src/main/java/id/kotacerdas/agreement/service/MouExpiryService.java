package id.kotacerdas.agreement.service;

import id.kotacerdas.agreement.config.AgreementConfig;
import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.repository.MouRepository;
import id.kotacerdas.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Expires signed MoUs by themselves: a scheduled check ({@code kotacerdas.agreement.expiry-check.every}, hourly by
 * default) finds every signed MoU whose last day in force is before today (in the ministry's time zone) and moves
 * it to {@code EXPIRED}, with its audit entry and a {@code MouExpired} event, in one transaction per batch. Two
 * replicas that run at once cannot expire one MoU twice: the second's version check fails and its batch rolls back.
 */
@ApplicationScoped
public class MouExpiryService {

    private static final Logger LOG = Logger.getLogger(MouExpiryService.class);
    /** Who expires MoUs in the audit trail. */
    static final Caller SYSTEM = new Caller("system", "system", Set.of(), null);

    @Inject
    MouRepository mous;

    @Inject
    MouService mouService;

    @Inject
    AgreementConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "mou-expiry-check", every = "${kotacerdas.agreement.expiry-check.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        LocalDate today = LocalDate.now(clock);
        return expireDue(today)
                .invoke(expired -> {
                    if (!expired.isEmpty()) {
                        LOG.infof("Expired %d MoU(s) whose validity ended before %s", expired.size(), today);
                    }
                })
                .onFailure().invoke(e -> LOG.warn("The MoU expiry check failed; the next run tries again", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Expires every signed MoU (at most one batch) whose last day in force is before {@code today}; returns them. */
    @WithTransaction
    public Uni<List<Mou>> expireDue(LocalDate today) {
        return mous.dueToExpire(today, config.expiryCheck().batchSize()).flatMap(due -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Mou mou : due) {
                chain = chain.chain(() -> mouService.expire(SYSTEM, mou).replaceWithVoid());
            }
            return chain.replaceWith(due);
        });
    }
}
