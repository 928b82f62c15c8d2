package id.kotacerdas.region.service;

import id.kotacerdas.platform.inbox.ConsumerRebuild;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.region.repository.ProgrammeBuildRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A rebuild the service did not finish (it stopped before the replay caught up and swapped): at start-up, each
 * programme topic still marked {@code BUILDING} is rebuilt again from the beginning, as {@code POST
 * /admin/consumers/{channel}/rebuild} would. Until that rebuild swaps, readers keep the live timeline, which the stop
 * left untouched; what the stopped replay had written into the rebuild tables is cleared by the new rebuild. The
 * rebuild needs the consumer's partitions: it is tried again every few seconds while the consumer has none yet
 * ({@code 503}, up to {@link #GIVE_UP_AFTER}). A {@code 409} (another instance holds partitions, or a rebuild of the
 * channel already runs) is not retried: logged, and readers keep the live timeline.
 */
@ApplicationScoped
public class ProgrammeRebuilds {

    private static final Logger LOG = Logger.getLogger(ProgrammeRebuilds.class);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    @Inject
    ProgrammeBuildRepository builds;

    @Inject
    ConsumerRebuild rebuild;

    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        List<String> channels = interrupted();
        if (!channels.isEmpty()) {
            LOG.warnf("Rebuild of %s was interrupted (the service stopped before the swap): rebuilding again; readers "
                    + "keep the live timeline until it swaps", channels);
        }
        channels.forEach(channel -> restart(channel).subscribe().with(
                report -> LOG.infof("Interrupted rebuild of %s started again: replaying %s", channel, report.partitions()),
                failure -> LOG.errorf("Interrupted rebuild of %s could not be started again (%s); readers keep the live "
                        + "timeline; run POST /admin/consumers/%s/rebuild", channel, failure.toString(), channel)));
    }

    /** The channels whose rebuild did not swap. */
    public List<String> interrupted() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(builds::interruptedChannels));
    }

    /** Starts the rebuild of {@code channel} again, retrying while its consumer cannot be rebuilt yet. */
    public Uni<id.kotacerdas.platform.inbox.RebuildReport> restart(String channel) {
        return Uni.createFrom().deferred(() -> rebuild.rebuild(channel))
                .onFailure(ProgrammeRebuilds::notYet).retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .expireIn(GIVE_UP_AFTER.toMillis());
    }

    private static boolean notYet(Throwable failure) {
        return failure instanceof ProblemException problem && problem.status() == 503;
    }
}
