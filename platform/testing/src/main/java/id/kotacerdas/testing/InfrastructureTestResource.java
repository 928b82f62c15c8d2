package id.kotacerdas.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import id.kotacerdas.testing.internal.SharedInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL 17 (Zonky embedded binaries) and a real single-node KRaft Kafka broker (Kafka's
 * {@code KafkaClusterTestKit}), both started inside the test JVM: no Docker, no Dev Services.
 * <p>
 * Both servers start once per JVM, on first use, on free ports, and stop when the JVM exits. Every test class, test
 * profile and Quarkus restart of the JVM shares them (each restart only re-runs {@link #init} and {@link #start}).
 * Each service gets its own database and a login role of the same name and password. Kafka's and Zonky's loggers
 * ({@code kafka}, {@code org.apache.kafka}, {@code state.change.logger}, {@code io.zonky}) are set to WARN on the JBoss
 * log manager before the servers start; Quarkus's start leaves those levels alone.
 * <p>
 * Use it either on every {@code @QuarkusTest} class, with the same arguments (classes with the same set of test resources
 * share one Quarkus start; another set restarts Quarkus, the servers stay):
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
 * @WithTestResource(OidcWiremockTestResource.class)
 * class RegionResourceTest { ... }
 * }</pre>
 *
 * or once per test module on any class under {@code src/test/java} ({@code @QuarkusTestResource} applies to all tests):
 *
 * <pre>{@code
 * @QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
 * @QuarkusTestResource(OidcWiremockTestResource.class)
 * public class TestResources {
 * }
 * }</pre>
 *
 * See {@link Tokens} for the OIDC lines of {@code application.properties}.
 * <p>
 * {@link #start()} returns {@code quarkus.datasource.reactive.url}, {@code quarkus.datasource.jdbc.url},
 * {@code quarkus.datasource.username}, {@code quarkus.datasource.password}, {@code kafka.bootstrap.servers} and
 * {@code quarkus.devservices.enabled=false}.
 * <p>
 * The broker auto-creates topics (3 partitions), uses replication factor 1 for internal topics and
 * {@code group.initial.rebalance.delay.ms=0}. {@link #stopKafka()} and {@link #startKafka()} take the broker down
 * and bring it back at the same bootstrap address with its data (the KRaft controller keeps running), e.g. to show
 * that an outbox keeps events while Kafka is down and sends them afterwards. {@link #stopPostgres()} and
 * {@link #startPostgres()} do the same for PostgreSQL (same port, same data). A test that stops either should start it
 * again in {@code finally} (or {@code @AfterEach}) and live in a class of its own; {@link #start()} also brings back a
 * server that an earlier test left down.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument naming the database (also its user and password). */
    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "app";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.get(DATABASE_ARG);
        if (value != null && !value.isBlank()) {
            database = value.trim();
        }
    }

    /**
     * Starts the servers unless they run, brings back a broker or a PostgreSQL that an earlier test stopped and left
     * down, creates the database and returns the service's configuration.
     */
    @Override
    public Map<String, String> start() {
        call("startAll");
        call("startKafka");
        call("startPostgres");
        call("ensureDatabase", database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    /** The servers outlive the Quarkus application: they stop with the JVM. */
    @Override
    public void stop() {
    }

    // ------------------------------------------------------------------ for tests

    /** {@code localhost:PORT} of the broker, starting it if needed. The same before and after {@link #stopKafka()}. */
    public static String kafkaBootstrapServers() {
        return (String) call("kafkaBootstrapServers");
    }

    /** Takes the broker down: clients see "connection refused" at {@link #kafkaBootstrapServers()}. Idempotent. */
    public static void stopKafka() {
        call("stopKafka");
    }

    /** Brings the broker back at the same address (with its data) and returns once it serves clients. Idempotent. */
    public static void startKafka() {
        call("startKafka");
    }

    public static boolean kafkaRunning() {
        return (Boolean) call("kafkaRunning");
    }

    /**
     * Stops PostgreSQL ("fast" shutdown: open connections are closed): clients get "connection refused" at
     * {@link #postgresPort()} until {@link #startPostgres()}. Idempotent.
     */
    public static void stopPostgres() {
        call("stopPostgres");
    }

    /** Starts PostgreSQL again on the same port with its data; returns once it accepts connections. Idempotent. */
    public static void startPostgres() {
        call("startPostgres");
    }

    public static boolean postgresRunning() {
        return (Boolean) call("postgresRunning");
    }

    /** Creates the database and its user (same name and password) unless they exist. */
    public static void ensureDatabase(String database) {
        call("ensureDatabase", database);
    }

    /** {@code jdbc:postgresql://localhost:PORT/DATABASE}; log in with user and password = {@code database}. */
    public static String jdbcUrl(String database) {
        return (String) call("jdbcUrl", database);
    }

    /** {@code postgresql://localhost:PORT/DATABASE}, the form of {@code quarkus.datasource.reactive.url}. */
    public static String reactiveUrl(String database) {
        return (String) call("reactiveUrl", database);
    }

    public static int postgresPort() {
        return (Integer) call("postgresPort");
    }

    /** How long the first start of PostgreSQL took in this JVM, -1 if it has not started. */
    public static long postgresStartMillis() {
        return (Long) call("postgresStartMillis");
    }

    /** How long the first start of the Kafka broker took in this JVM, -1 if it has not started. */
    public static long kafkaStartMillis() {
        return (Long) call("kafkaStartMillis");
    }

    // ------------------------------------------------------------------ one copy per JVM

    /**
     * The servers live in {@link SharedInfrastructure} as loaded by the system class loader, never in a Quarkus
     * class loader: Quarkus loads test resources and test classes in a class loader of each application, so static
     * state here would be per Quarkus start, and a class loader that Quarkus closes must not own running brokers.
     * Outside a flat class path (where the system class loader cannot see this library) the local copy is used.
     */
    private static Class<?> shared() {
        try {
            return Class.forName(SharedInfrastructure.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return SharedInfrastructure.class;
        }
    }

    private static Object call(String method, String... args) {
        Class<?>[] types = new Class<?>[args.length];
        java.util.Arrays.fill(types, String.class);
        try {
            Method m = shared().getMethod(method, types);
            return m.invoke(null, (Object[]) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call SharedInfrastructure." + method, e);
        }
    }
}
