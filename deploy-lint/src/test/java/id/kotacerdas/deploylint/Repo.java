package id.kotacerdas.deploylint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the repository the tests check (surefire passes its root as kotacerdas.root). */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("kotacerdas.root", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("deploy/k8s/kotacerdas");
    static final Path SCHEMAS = ROOT.resolve("deploy/k8s/schemas");
    static final Path REALM = ROOT.resolve("deploy/keycloak/kotacerdas-realm.json");
    static final Path COMPOSE = ROOT.resolve("deploy/compose/compose.yaml");
    static final String RELEASE = "kotacerdas";

    private static SchemaCatalog catalog;

    private Repo() {
    }

    static synchronized SchemaCatalog schemas() {
        if (catalog == null) {
            catalog = new SchemaCatalog(SCHEMAS);
        }
        return catalog;
    }

    /** The chart's values files: values.yaml (always the base) and every values-*.yaml beside it. */
    static List<Path> valuesFiles() {
        try (Stream<Path> files = Files.list(CHART)) {
            return files.filter(f -> f.getFileName().toString().matches("values(-[a-z0-9-]+)?\\.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart rendered with values.yaml and, unless it is values.yaml itself, this values file. */
    static List<tools.jackson.databind.JsonNode> render(Path values) {
        List<Path> files = values.getFileName().toString().equals("values.yaml") ? List.of() : List.of(values);
        String rendered = new Chart(CHART).render(RELEASE, files);
        // kept for reading: deploy-lint/target/rendered/<values file>
        try {
            Path out = Path.of("target/rendered").resolve(values.getFileName().toString());
            Files.createDirectories(out.getParent());
            Files.writeString(out, rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Manifests.parse(rendered);
    }

    /** The applications: the modules with a src/main/resources/application.properties (the images profile's rule). */
    static java.util.SortedSet<String> applicationModules() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("src/main/resources/application.properties")))
                    .map(d -> d.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
