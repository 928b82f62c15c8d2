package id.kotacerdas.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.BrokerServer;

/**
 * The one PostgreSQL server and the one Kafka broker of a test JVM.
 * <p>
 * Not API: use {@link id.kotacerdas.testing.InfrastructureTestResource}. This class only takes and returns JDK types
 * because it is deliberately used from the <em>system</em> class loader (see
 * {@code InfrastructureTestResource#shared()}): Quarkus loads test resources in a class loader per application, and
 * a restart of Quarkus (another test profile, another set of test resources) would otherwise see fresh static fields
 * and start a second PostgreSQL and a second broker, or leave a broker running on a closed class loader.
 */
public final class SharedInfrastructure {

    private static final Logger LOG = Logger.getLogger("id.kotacerdas.testing");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(60);

    /** Strong references: a JUL logger's level is forgotten when the logger is garbage-collected. */
    private static final List<java.util.logging.Logger> QUIETED = new ArrayList<>();

    private static final Object PG_LOCK = new Object();
    private static final Object KAFKA_LOCK = new Object();

    private static EmbeddedPostgres postgres;
    private static java.nio.file.Path postgresData;
    private static int postgresFixedPort;
    private static boolean postgresStopped;
    private static long postgresStartMillis = -1;
    private static KafkaClusterTestKit kafka;
    private static String kafkaBootstrap;
    private static long kafkaStartMillis = -1;
    private static boolean kafkaStopped;
    private static boolean shutdownHookRegistered;

    private SharedInfrastructure() {
    }

    /** Starts PostgreSQL and Kafka (in parallel) unless they run already. */
    public static void startAll() {
        withOwnClassLoader(() -> {
            CompletableFuture<Integer> pg = CompletableFuture.supplyAsync(SharedInfrastructure::postgresPort0, task -> {
                Thread t = new Thread(task, "kotacerdas-test-postgres-start"); // inherits the context class loader
                t.setDaemon(true);
                t.start();
            });
            kafkaBootstrapServers0();
            try {
                return pg.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        });
    }

    // ---------------------------------------------------------------- PostgreSQL

    public static int postgresPort() {
        return withOwnClassLoader(SharedInfrastructure::postgresPort0);
    }

    private static int postgresPort0() {
        synchronized (PG_LOCK) {
            if (postgres == null && !postgresStopped) {
                quietLogs();
                long start = System.nanoTime();
                try {
                    // a data directory of our own (not Zonky's throw-away one), so that stopPostgres()/startPostgres()
                    // bring the same server back with its data, on the same port
                    postgresData = Files.createTempDirectory("kotacerdas-postgres-");
                    postgres = postgresBuilder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
                }
                postgresFixedPort = postgres.getPort();
                postgresStartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                registerShutdownHook();
                LOG.infof("PostgreSQL %s started on port %d in %d ms", serverVersion(), postgres.getPort(),
                        postgresStartMillis);
            }
            return postgresFixedPort;
        }
    }

    private static EmbeddedPostgres.Builder postgresBuilder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                // the defaults are timezone=UTC, synchronous_commit=off, max_connections=300
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setRegisterShutdownHook(false);
        if (postgresFixedPort > 0) {
            builder.setPort(postgresFixedPort);
        }
        return builder;
    }

    /**
     * Stops PostgreSQL ("fast" shutdown: open connections are closed): clients get "connection refused" at the same
     * port until {@link #startPostgres()}. Idempotent.
     */
    public static void stopPostgres() {
        withOwnClassLoader(() -> {
            stopPostgres0();
            return null;
        });
    }

    private static void stopPostgres0() {
        postgresPort();
        synchronized (PG_LOCK) {
            if (postgresStopped) {
                return;
            }
            long start = System.nanoTime();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
            }
            postgres = null;
            postgresStopped = true;
            LOG.infof("PostgreSQL on port %d stopped in %d ms", postgresFixedPort,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    /** Starts PostgreSQL again on the same port with its data and returns once it accepts connections. Idempotent. */
    public static void startPostgres() {
        withOwnClassLoader(() -> {
            startPostgres0();
            return null;
        });
    }

    private static void startPostgres0() {
        synchronized (PG_LOCK) {
            if (!postgresStopped) {
                return;
            }
            long start = System.nanoTime();
            try {
                postgres = postgresBuilder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot restart the embedded PostgreSQL on port " + postgresFixedPort, e);
            }
            postgresStopped = false;
            LOG.infof("PostgreSQL restarted on port %d in %d ms", postgresFixedPort,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    public static boolean postgresRunning() {
        synchronized (PG_LOCK) {
            return postgres != null && !postgresStopped;
        }
    }

    /** Creates the database and a login role of the same name and password, unless they exist. */
    public static void ensureDatabase(String name) {
        withOwnClassLoader(() -> {
            ensureDatabase0(name);
            return null;
        });
    }

    private static void ensureDatabase0(String name) {
        checkIdentifier(name);
        postgresPort();
        synchronized (PG_LOCK) {
            if (postgresStopped) {
                throw new IllegalStateException("PostgreSQL is stopped (stopPostgres()); startPostgres() first");
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                if (!exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                    s.execute("create role \"" + name + "\" login password '" + name + "'");
                }
                if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                    s.execute("create database \"" + name + "\" owner \"" + name + "\"");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }

    public static String jdbcUrl(String database) {
        checkIdentifier(database);
        return "jdbc:postgresql://localhost:" + postgresPort() + "/" + database;
    }

    public static String reactiveUrl(String database) {
        checkIdentifier(database);
        return "postgresql://localhost:" + postgresPort() + "/" + database;
    }

    public static long postgresStartMillis() {
        return postgresStartMillis;
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String serverVersion() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    private static void checkIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Database name must match " + IDENTIFIER.pattern() + " (it is also the user and password): " + name);
        }
    }

    // ---------------------------------------------------------------- Kafka

    /** Bootstrap address of the broker, starting it on first use. Stays the same across {@link #stopKafka()}/{@link #startKafka()}. */
    public static String kafkaBootstrapServers() {
        return withOwnClassLoader(SharedInfrastructure::kafkaBootstrapServers0);
    }

    private static String kafkaBootstrapServers0() {
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                quietLogs();
                long start = System.nanoTime();
                try {
                    kafka = newKafkaCluster();
                    kafka.format();
                    kafka.startup();
                    kafka.waitForReadyBrokers();
                    kafkaBootstrap = kafka.bootstrapServers();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start the Kafka broker", e);
                }
                kafkaStartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                registerShutdownHook();
                LOG.infof("Kafka broker (KRaft, metadata version %s) started at %s in %d ms",
                        MetadataVersion.latestProduction(), kafkaBootstrap, kafkaStartMillis);
            }
            return kafkaBootstrap;
        }
    }

    /**
     * Shuts the broker down (the KRaft controller of the node keeps running). Clients get "connection refused" at the
     * bootstrap address until {@link #startKafka()}.
     */
    public static void stopKafka() {
        withOwnClassLoader(() -> {
            stopKafka0();
            return null;
        });
    }

    private static void stopKafka0() {
        kafkaBootstrapServers();
        synchronized (KAFKA_LOCK) {
            if (kafkaStopped) {
                return;
            }
            long start = System.nanoTime();
            broker().shutdown();
            kafkaStopped = true;
            LOG.infof("Kafka broker at %s stopped in %d ms", kafkaBootstrap,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    /** Starts the broker again on the same address (its log directory is kept) and waits until it serves clients. */
    public static void startKafka() {
        withOwnClassLoader(() -> {
            startKafka0();
            return null;
        });
    }

    private static void startKafka0() {
        kafkaBootstrapServers();
        synchronized (KAFKA_LOCK) {
            if (!kafkaStopped) {
                return;
            }
            long start = System.nanoTime();
            try {
                broker().startup();
                kafka.waitForReadyBrokers();
                awaitClientsServed();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot restart the Kafka broker at " + kafkaBootstrap, e);
            }
            kafkaStopped = false;
            LOG.infof("Kafka broker restarted at %s in %d ms", kafkaBootstrap,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    public static boolean kafkaRunning() {
        synchronized (KAFKA_LOCK) {
            return kafka != null && !kafkaStopped;
        }
    }

    public static long kafkaStartMillis() {
        return kafkaStartMillis;
    }

    private static BrokerServer broker() {
        return kafka.brokers().values().iterator().next();
    }

    private static KafkaClusterTestKit newKafkaCluster() throws Exception {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, f -> f.defaultLevel(version), (a, b) -> a, TreeMap::new));
        TestKitNodes nodes = new TestKitNodes.Builder(BootstrapMetadata.fromVersions(version, features, "kotacerdas-test"))
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(Files.createTempDirectory("kotacerdas-kafka-"))
                .build();
        return new KafkaClusterTestKit.Builder(nodes)
                // like a production broker, not like Kafka's own tests
                .setConfigProp("unstable.api.versions.enable", "false")
                .setConfigProp("unstable.feature.versions.enable", "false")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("default.replication.factor", "1")
                .setConfigProp("min.insync.replicas", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "3")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // The controller refuses a restarted broker's registration while the old one's session lasts
                // (DuplicateBrokerRegistrationException): keep it short so startKafka() takes ~3 s, not ~10 s.
                .setConfigProp("broker.session.timeout.ms", "3000")
                .setConfigProp("broker.heartbeat.interval.ms", "500")
                .build();
    }

    private static void awaitClientsServed() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(KAFKA_READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // ---------------------------------------------------------------- lifecycle and logs

    /**
     * Kafka loads plugins (e.g. the share-group state persister) through the thread context class loader, and every
     * thread the servers create inherits it: it must be the loader of these classes, not a Quarkus application's.
     */
    private static <T> T withOwnClassLoader(java.util.function.Supplier<T> action) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(SharedInfrastructure.class.getClassLoader());
        try {
            return action.get();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static synchronized void registerShutdownHook() {
        if (shutdownHookRegistered) {
            return;
        }
        shutdownHookRegistered = true;
        Thread hook = new Thread(SharedInfrastructure::shutdown, "kotacerdas-test-infrastructure-stop");
        hook.setContextClassLoader(SharedInfrastructure.class.getClassLoader());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static void shutdown() {
        synchronized (KAFKA_LOCK) {
            if (kafka != null) {
                try {
                    kafka.close();
                } catch (Exception e) {
                    LOG.warn("Kafka broker did not stop cleanly", e);
                }
                kafka = null;
            }
        }
        synchronized (PG_LOCK) {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (Exception e) {
                    LOG.warn("PostgreSQL did not stop cleanly", e);
                }
                postgres = null;
            }
            if (postgresData != null) {
                deleteRecursively(postgresData);
                postgresData = null;
            }
        }
    }

    private static void deleteRecursively(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", dir, e.getMessage());
        }
    }

    /**
     * Kafka's broker logs every setting at INFO, and Zonky every line of initdb and postgres. Both log through SLF4J to
     * the JBoss log manager in Quarkus tests, so lowering the levels on the log manager's loggers quiets them.
     */
    private static synchronized void quietLogs() {
        if (!QUIETED.isEmpty()) {
            return;
        }
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky")) {
            java.util.logging.Logger logger = logger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    private static java.util.logging.Logger logger(String name) {
        try {
            // Where SLF4J ends up (slf4j-jboss-logmanager), even if java.util.logging.manager is not set.
            return org.jboss.logmanager.Logger.getLogger(name);
        } catch (LinkageError e) {
            return java.util.logging.Logger.getLogger(name);
        }
    }
}
