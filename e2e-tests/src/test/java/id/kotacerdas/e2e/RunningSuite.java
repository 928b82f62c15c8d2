package id.kotacerdas.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real suite for the end-to-end tests, started exactly as a user starts it: {@code deploy/local/up}
 * (with {@code SKIP_BUILD=1}: the reactor has just packaged every service), with two instances of every service and
 * of the gateway ({@code REPLICAS=2}; {@code -Dkotacerdas.e2e.replicas=1} for one), so every test runs against
 * replicas through the one address of the gateways, and {@link FailoverTest} kills some at the end. Started once per test JVM;
 * stopped with {@code deploy/local/down} when the last test class is done, or by a shutdown hook if the
 * JVM ends early, even when tests fail. A suite that was already running (a developer's) is used as it
 * is and left running.
 */
public final class RunningSuite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String REGION_SERVICE = "http://localhost:8081";
    public static final String KEYCLOAK = "http://localhost:8180";
    public static final String KAFKA = "127.0.0.1:9092";

    static final Path ROOT = Path.of(System.getProperty("kotacerdas.root", "..")).toAbsolutePath().normalize();
    /** The instances of each service and of the gateway when this JVM starts the suite. */
    static final String REPLICAS = System.getProperty("kotacerdas.e2e.replicas", "2");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Object LOCK = new Object();
    private static boolean started;
    private static boolean startedByUs;
    private static Thread shutdownHook;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            if (ready(GATEWAY) && ready(REGION_SERVICE)) {
                System.out.println("[e2e] using the suite that is already running (it will be left running)");
            } else {
                startedByUs = true;
                shutdownHook = new Thread(RunningSuite::down, "e2e-suite-down");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
                run(List.of(ROOT.resolve("deploy/local/up").toString()), "up", 900);
            }
            started = true;
            // stop the suite once, after the last test class of this JVM
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningSuite.class.getName(), this);
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (startedByUs) {
                down();
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
                startedByUs = false;
            }
        }
    }

    /**
     * {@code deploy/local/up} with the REPLICAS of the running suite: starts what is not running (e.g. an instance
     * killed by a test) and waits until it is ready; what runs is left alone.
     */
    static void restart(String logName) throws IOException, InterruptedException {
        run(List.of(ROOT.resolve("deploy/local/up").toString()), logName, 900, String.valueOf(replicas()));
    }

    /** The instances of each service the running suite was started with (deploy/local/up writes .local/replicas). */
    static int replicas() {
        try {
            return Integer.parseInt(Files.readString(ROOT.resolve(".local/replicas")).trim());
        } catch (IOException | NumberFormatException e) {
            return 1;
        }
    }

    private static void down() {
        try {
            run(List.of(ROOT.resolve("deploy/local/down").toString()), "down", 180);
        } catch (Exception e) {
            System.err.println("[e2e] deploy/local/down failed: " + e.getMessage());
        }
    }

    private static void run(List<String> command, String name, int timeoutSeconds) throws IOException, InterruptedException {
        run(command, name, timeoutSeconds, REPLICAS);
    }

    private static void run(List<String> command, String name, int timeoutSeconds, String replicas)
            throws IOException, InterruptedException {
        Path log = ROOT.resolve("e2e-tests/target/e2e-" + name + ".log");
        Files.createDirectories(log.getParent());
        System.out.println("[e2e] " + String.join(" ", command) + " (log: " + log + ")");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SKIP_BUILD", "1");
        builder.environment().put("REPLICAS", replicas);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("deploy/local/" + name + " did not finish in " + timeoutSeconds + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("deploy/local/" + name + " failed (exit " + process.exitValue() + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    static boolean ready(String base) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
