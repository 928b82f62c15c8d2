package id.kotacerdas.gateway.proxy;

import java.net.URI;

/** One instance of a route's service: where it listens, and whether it took connections lately ({@link Instances}). */
public final class Instance {

    private final URI url;
    private final String origin;
    private final String basePath;
    private final boolean ssl;
    private final int port;
    volatile boolean up = true;

    Instance(String route, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("gateway.routes." + route + ".upstream must be absolute http(s) URLs: " + url);
        }
        this.url = url;
        this.ssl = scheme.equals("https");
        this.port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        this.origin = scheme + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public URI url() {
        return url;
    }

    /** {@code http://host:port}, as the instance writes it into absolute {@code Location}s. */
    public String origin() {
        return origin;
    }

    /** The URL's path without a trailing slash ({@code ""} for a bare origin). */
    public String basePath() {
        return basePath;
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return port;
    }

    public boolean ssl() {
        return ssl;
    }

    /** False while the instance is skipped because it refused a connection and has not answered since. */
    public boolean up() {
        return up;
    }

    @Override
    public String toString() {
        return origin + basePath;
    }
}
