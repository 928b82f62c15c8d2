package id.kotacerdas.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bytes of every request body, before Jackson reads them ({@link StrictJson} checks what they say): a body must
 * say what it is ({@code Content-Type}; none is a {@code 415}), be UTF-8 (a {@code charset} other than UTF-8 is a
 * {@code 415}; UTF-16 or UTF-32 bytes, which Jackson would otherwise detect and accept, are a {@code 415}) and start
 * with its JSON, not with a byte-order mark ({@code 400}). Invalid UTF-8 sequences and bytes after the JSON value are
 * refused by Jackson itself ({@code 400}). An empty body is the use case's to refuse ("a request body is required").
 */
@Provider
public class RequestBodyPolicy implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 4);
        byte[] head = new byte[4];
        int n = readUpTo(in, head);
        if (n > 0) {
            in.unread(head, 0, n);
            check(context.getHeaders().getFirst("Content-Type"), head, n);
        }
        context.setInputStream(in);
        return context.proceed();
    }

    /** Refuses what the body's type and first bytes show; package-private for the unit test. */
    static void check(String contentType, byte[] head, int n) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("A request body needs a Content-Type; send application/json.");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported("Content-Type " + contentType + " cannot be read; send application/json.");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.replace("\"", "").trim().toLowerCase(Locale.ROOT).matches("utf-?8")) {
            throw unsupported("The charset " + charset + " is not accepted; request bodies are UTF-8.");
        }
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        if (b0 == 0xEF && b1 == 0xBB && n > 2 && (head[2] & 0xff) == 0xBF) {
            throw new ProblemException(400, "malformed-json", "Malformed request body",
                    "body: must not start with a byte-order mark (UTF-8 without BOM)",
                    List.of(new Violation("body", "must not start with a byte-order mark (UTF-8 without BOM)")), Map.of());
        }
        boolean utf16or32 = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || b0 == 0 || (n > 1 && b1 == 0);
        if (utf16or32) {
            throw unsupported("The body is not UTF-8 (it looks like UTF-16 or UTF-32); request bodies are UTF-8.");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", detail,
                List.of(new Violation("Content-Type", detail)), Map.of());
    }

    private static int readUpTo(InputStream in, byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int read = in.read(buffer, n, buffer.length - n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        return n;
    }
}
