package id.kotacerdas.platform.web;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The path templates of the application's JAX-RS resources and the HTTP methods each one serves, read once from the
 * resource classes' annotations. {@link ProblemMappers} uses it to answer a wrong method on an existing path with
 * {@code 405} and {@code Allow}: Quarkus REST answers {@code 404} when several resource classes share a path prefix
 * ({@code /api/v1/regions} and {@code /api/v1/regions/{code}/profile}) and the method matches none of them.
 */
@ApplicationScoped
public class ResourceMethods {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private record Template(Pattern pattern, Set<String> methods) {
    }

    private volatile List<Template> templates;

    /** The methods allowed on this request path (raw, as received), {@code HEAD} and {@code OPTIONS} included; empty when no resource serves the path. */
    public Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        String normalised = normalise(path);
        for (Template template : templates()) {
            if (template.pattern().matcher(normalised).matches()) {
                methods.addAll(template.methods());
            }
        }
        if (!methods.isEmpty()) {
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
        }
        return methods;
    }

    private List<Template> templates() {
        List<Template> current = templates;
        if (current == null) {
            current = scan();
            templates = current;
        }
        return current;
    }

    private static List<Template> scan() {
        String root = ConfigProvider.getConfig().getOptionalValue("quarkus.rest.path", String.class).orElse("/");
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || !seen.add(type)) {
                continue;
            }
            for (Method method : type.getMethods()) {
                Optional<String> http = httpMethod(method);
                if (http.isEmpty()) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = normalise(root + "/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()));
                byTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(http.get());
            }
        }
        List<Template> result = new ArrayList<>();
        byTemplate.forEach((template, methods) -> result.add(new Template(compile(template), Set.copyOf(methods))));
        return List.copyOf(result);
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        return Optional.empty();
    }

    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())));
            String own = matcher.group(2);
            regex.append(own == null || own.isBlank() ? "[^/]+" : "(?:" + own.trim() + ")");
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    static String normalise(String path) {
        String collapsed = ("/" + path).replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
