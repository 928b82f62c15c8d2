package id.kotacerdas.region.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the region registry at start-up when the reference data are a version not published yet. Start-up waits
 * for the transaction (a few hundred milliseconds when it writes), not for Kafka: the outbox relay sends the events.
 */
@ApplicationScoped
public class RegistryPublicationAtStart {

    private static final Logger LOG = Logger.getLogger(RegistryPublicationAtStart.class);

    @Inject
    RegionRegistryPublisher publisher;

    @Inject
    ReferenceDataVersion referenceData;

    @ConfigProperty(name = "region.registry.publish-at-start", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes @Priority(10) StartupEvent event) throws Throwable {
        if (!enabled) {
            LOG.info("Region registry publication at start-up disabled");
            return;
        }
        RegionRegistryPublisher.Result result = run();
        LOG.infof("Region registry version %d (%d records): %s", result.registryVersion(), result.registrySize(),
                result.decision());
    }

    /** One start-up run: publish the current reference data unless they are published. */
    public RegionRegistryPublisher.Result run() throws Throwable {
        long version = referenceData.current();
        return VertxContextSupport.subscribeAndAwait(() -> publisher.publish(version));
    }
}
