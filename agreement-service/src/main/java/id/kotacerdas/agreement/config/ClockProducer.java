package id.kotacerdas.agreement.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the service, in the ministry's time zone, so that "today" is a dependency and not a global. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(AgreementConfig config) {
        return Clock.system(config.zone());
    }
}
