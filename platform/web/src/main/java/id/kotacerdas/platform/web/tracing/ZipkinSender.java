package id.kotacerdas.platform.web.tracing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;

/**
 * Posts encoded spans to a Zipkin server with the JDK's HTTP client, in place of the exporter's default OkHttp sender
 * (which would bring OkHttp and Kotlin into every application). Called by the batch span processor's own thread.
 */
final class ZipkinSender implements BytesMessageSender {

    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient client;

    ZipkinSender(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Encoding encoding() {
        return Encoding.JSON;
    }

    @Override
    public int messageMaxBytes() {
        return MAX_BYTES;
    }

    @Override
    public int messageSizeInBytes(List<byte[]> spans) {
        return Encoding.JSON.listSizeInBytes(spans);
    }

    @Override
    public int messageSizeInBytes(int spanSize) {
        return Encoding.JSON.listSizeInBytes(spanSize);
    }

    @Override
    public void send(List<byte[]> spans) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", Encoding.JSON.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(Encoding.JSON.encode(spans))).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending spans to " + endpoint, e);
        }
        if (response.statusCode() >= 300) {
            throw new IOException("Zipkin at " + endpoint + " answered " + response.statusCode());
        }
    }

    @Override
    public void close() {
        // the JDK client needs no closing on Java 17
    }
}
