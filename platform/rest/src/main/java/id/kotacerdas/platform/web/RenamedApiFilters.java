package id.kotacerdas.platform.web;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Serves the old names of {@link RenamedApi}: before matching, a request on an old path or with an old query parameter
 * is rewritten to the new one; its answer says the old form is deprecated and links to the new.
 */
@Singleton
public class RenamedApiFilters {

    static final String SUCCESSOR = RenamedApiFilters.class.getName() + ".successor";

    /** Read on the first request: Quarkus REST creates its filters at static init, before runtime configuration. */
    private final Provider<RenamedApi> config;
    private volatile Renames renames;

    public RenamedApiFilters(Provider<RenamedApi> config) {
        this.config = config;
    }

    private record Renames(List<PathRename> paths, Map<String, String> parameters) {
    }

    private Renames renames() {
        Renames r = renames;
        if (r == null) {
            RenamedApi renamed = config.get();
            List<PathRename> paths = new ArrayList<>();
            renamed.renamedPaths().forEach((from, to) -> paths.add(PathRename.of(from, to)));
            r = new Renames(List.copyOf(paths), Map.copyOf(renamed.renamedParameters()));
            renames = r;
        }
        return r;
    }

    @ServerRequestFilter(preMatching = true)
    public void rename(ContainerRequestContext request) {
        Renames r = renames();
        List<PathRename> paths = r.paths();
        Map<String, String> parameters = r.parameters();
        if (paths.isEmpty() && parameters.isEmpty()) {
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        String newPath = path;
        for (PathRename rename : paths) {
            String renamed = rename.apply(path);
            if (renamed != null) {
                newPath = renamed;
                break;
            }
        }
        UriBuilder builder = UriBuilder.fromUri(uri).replacePath(newPath);
        boolean changed = !newPath.equals(path);
        var query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, String> rename : parameters.entrySet()) {
            List<String> values = query.get(rename.getKey());
            if (values == null) {
                continue;
            }
            if (query.containsKey(rename.getValue())) {
                throw ProblemException.badRequest(rename.getKey(),
                        "was renamed to " + rename.getValue() + "; give only " + rename.getValue());
            }
            builder.replaceQueryParam(rename.getKey());
            builder.queryParam(rename.getValue(), values.toArray());
            changed = true;
        }
        if (changed) {
            URI successor = builder.build();
            request.setProperty(SUCCESSOR, successor);
            request.setRequestUri(successor);
        }
    }

    @ServerResponseFilter
    public void deprecate(ContainerRequestContext request, ContainerResponseContext response) {
        Object successor = request.getProperty(SUCCESSOR);
        if (successor instanceof URI uri) {
            response.getHeaders().putSingle("Deprecation", "true");
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            response.getHeaders().add("Link", "<" + target + ">; rel=\"successor-version\"");
        }
    }

    /** One renamed path template, e.g. {@code /api/v1/mous/{id}/schedule} → {@code /api/v1/mous/{id}/scheduling}. */
    record PathRename(Pattern from, String to) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

        static PathRename of(String from, String to) {
            StringBuilder regex = new StringBuilder();
            Matcher m = VARIABLE.matcher(from);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(from.substring(last, m.start())));
                regex.append("(?<").append(m.group(1)).append(">[^/]+)");
                last = m.end();
            }
            regex.append(Pattern.quote(from.substring(last)));
            return new PathRename(Pattern.compile(regex + "/?"), to);
        }

        /** The new path for {@code path}, or {@code null} when this rename does not apply. */
        String apply(String path) {
            Matcher m = from.matcher(path);
            if (!m.matches()) {
                return null;
            }
            Matcher variables = VARIABLE.matcher(to);
            StringBuilder out = new StringBuilder();
            while (variables.find()) {
                variables.appendReplacement(out, Matcher.quoteReplacement(m.group(variables.group(1))));
            }
            variables.appendTail(out);
            return out.toString();
        }
    }
}
