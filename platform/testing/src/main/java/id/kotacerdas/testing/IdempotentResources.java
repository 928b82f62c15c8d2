package id.kotacerdas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform's OpenAPI filter documents an {@code Idempotency-Key} on every {@code POST}; this check keeps the
 * promise true: every class of a service's REST package with a {@code POST} method carries platform-core's
 * {@code @Idempotent} (or the method does, or it reads the header itself). Plain reflection over the compiled
 * classes, no Quarkus.
 */
public final class IdempotentResources {

    private static final String IDEMPOTENT = "id.kotacerdas.platform.idempotency.Idempotent";

    private IdempotentResources() {
    }

    /** The POST methods of {@code anyRestClass}'s package (and below) that would ignore an Idempotency-Key. */
    public static List<String> postsWithoutIdempotency(Class<?> anyRestClass) {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : classesBeside(anyRestClass)) {
            boolean classIdempotent = annotated(type.getAnnotations());
            for (Method method : type.getDeclaredMethods()) {
                if (!Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().getName().equals("jakarta.ws.rs.POST"))) {
                    continue;
                }
                boolean ownKey = Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                        .anyMatch(a -> a.annotationType().getName().equals("jakarta.ws.rs.HeaderParam")
                                && "Idempotency-Key".equalsIgnoreCase(value(a)));
                if (!classIdempotent && !annotated(method.getAnnotations()) && !ownKey) {
                    missing.add(type.getSimpleName() + "#" + method.getName());
                }
            }
        }
        return missing;
    }

    private static String value(java.lang.annotation.Annotation annotation) {
        try {
            return String.valueOf(annotation.annotationType().getMethod("value").invoke(annotation));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean annotated(java.lang.annotation.Annotation[] annotations) {
        return Arrays.stream(annotations).anyMatch(a -> a.annotationType().getName().equals(IDEMPOTENT));
    }

    private static List<Class<?>> classesBeside(Class<?> anchor) {
        try {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            String packagePath = anchor.getPackageName().replace('.', '/');
            Path dir = root.resolve(packagePath);
            try (Stream<Path> files = Files.walk(dir)) {
                List<Class<?>> classes = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    classes.add(Class.forName(name, false, anchor.getClassLoader()));
                }
                return classes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
