package id.kotacerdas.platform.inbox.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The probe consumer of channel {@value #CHANNEL}. */
@ApplicationScoped
public class RebuildProbeConsumer extends ProbeHandler {

    public static final String CHANNEL = "probe-rebuild";

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(this, message);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }
}
