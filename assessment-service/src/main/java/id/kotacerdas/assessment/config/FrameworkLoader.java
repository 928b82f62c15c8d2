package id.kotacerdas.assessment.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.assessment.service.FrameworkService;
import id.kotacerdas.assessment.rest.FrameworkDocument;
import id.kotacerdas.assessment.rest.FrameworkMapper;
import id.kotacerdas.platform.security.Caller;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Loads the frameworks shipped with the service ({@link AssessmentConfig#frameworks()}: the Kominfo readiness
 * criteria, the SPBE structure) as published versions at start. A version that exists is left alone, so restarts
 * and several instances starting together add nothing twice. A shipped document that is invalid stops the start.
 */
@ApplicationScoped
public class FrameworkLoader {

    private static final Logger LOG = Logger.getLogger(FrameworkLoader.class);
    static final Caller SYSTEM = new Caller("system", "assessment-service", Set.of(), null);

    @Inject
    AssessmentConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    FrameworkService frameworks;

    void onStart(@Observes StartupEvent event) throws Throwable {
        int loaded = load();
        LOG.infof("Shipped frameworks: %d loaded, %d already there", loaded, config.frameworks().size() - loaded);
    }

    /** Loads what is missing; returns how many versions were added. */
    public int load() throws Throwable {
        int loaded = 0;
        for (String resource : config.frameworks()) {
            FrameworkDocument doc = read(resource);
            boolean added = VertxContextSupport.subscribeAndAwait(() -> frameworks.loadPublished(SYSTEM, doc.code(),
                    doc.version(), FrameworkMapper.toContent(doc)));
            loaded += added ? 1 : 0;
        }
        return loaded;
    }

    FrameworkDocument read(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Shipped framework " + resource + " is not on the class path");
            }
            FrameworkDocument doc = mapper.readValue(in, FrameworkDocument.class);
            Set<ConstraintViolation<FrameworkDocument>> violations = validator.validate(doc);
            if (!violations.isEmpty() || doc.version() == null) {
                throw new IllegalStateException("Shipped framework " + resource + " is invalid: " + (doc.version() == null
                        ? "it names no version"
                        : violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                                .collect(Collectors.joining("; "))));
            }
            return doc;
        }
    }
}
