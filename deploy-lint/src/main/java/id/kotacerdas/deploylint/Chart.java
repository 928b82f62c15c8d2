package id.kotacerdas.deploylint;

import java.nio.file.Path;
import java.util.List;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/** A Helm chart rendered offline with the helm library that helm-java bundles (no helm binary, no cluster). */
public final class Chart {

    private final Path dir;

    public Chart(Path dir) {
        this.dir = dir;
    }

    /** {@code helm template <release> <chart> -n <release> -f <values>...}; a template error throws. */
    public String render(String release, List<Path> valuesFiles) {
        var template = new Helm(dir).template().withName(release).withNamespace(release);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        return template.call();
    }

    /** {@code helm lint --strict} with the chart's values.yaml: its messages, empty when the chart is clean. */
    public List<String> lint() {
        var lint = new Helm(dir).lint().strict();
        LintResult result = lint.call();
        return result.isFailed() ? result.getMessages() : List.of();
    }
}
