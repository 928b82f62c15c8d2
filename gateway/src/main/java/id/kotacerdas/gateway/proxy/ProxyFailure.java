package id.kotacerdas.gateway.proxy;

import io.vertx.httpproxy.ProxyResponse;

/** Why a forwarded exchange did not get an upstream response; each maps to one problem the caller sees. */
public abstract class ProxyFailure extends RuntimeException {

    ProxyFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The caller went away (aborted the request or closed the connection): nobody to answer. */
    public static final class ClientGone extends ProxyFailure {
        ClientGone() {
            super("The client closed the connection", null);
        }
    }

    /** The route's pool and its wait queue are full: shed at once. */
    public static final class PoolBusy extends ProxyFailure {
        PoolBusy(Throwable cause) {
            super("All connections to the upstream are busy and the wait queue is full", cause);
        }
    }

    /** No pooled connection became free within the wait timeout: the gateway's own pool is saturated. */
    public static final class NoConnection extends ProxyFailure {
        NoConnection(Throwable cause) {
            super("No pooled connection to the upstream became free in time", cause);
        }
    }

    /** The upstream did not accept a TCP connection within the connect timeout. */
    public static final class ConnectTimedOut extends ProxyFailure {
        ConnectTimedOut(Throwable cause) {
            super("The upstream did not accept a connection in time", cause);
        }
    }

    /** The upstream refused the connection, reset it or closed it before answering. */
    public static final class Unreachable extends ProxyFailure {
        Unreachable(Throwable cause) {
            super("The upstream could not be reached: " + cause, cause);
        }
    }

    /** No response headers within the route's timeout. */
    public static final class TimedOut extends ProxyFailure {
        TimedOut() {
            super("The upstream did not answer in time", null);
        }
    }

    /** The request body passed the size limit while streaming. */
    public static final class TooLarge extends ProxyFailure {
        TooLarge() {
            super("The request body is too large", null);
        }
    }

    /**
     * The upstream answered {@code 5xx} (its own failure, or 502/503/504 from something behind it): a failure for the
     * circuit breaker, but its response still goes to the caller.
     */
    public static final class UpstreamUnavailable extends ProxyFailure {
        private final transient ProxyResponse response;
        private final int status;

        UpstreamUnavailable(ProxyResponse response) {
            super("The upstream answered " + response.getStatusCode(), null);
            this.response = response;
            this.status = response.getStatusCode();
        }

        /** The service's own answer, passed on to the caller. */
        public ProxyResponse response() {
            return response;
        }

        public int status() {
            return status;
        }
    }
}
