package id.kotacerdas.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a service's AsyncAPI document states, for every event it publishes, the visibility its producer declares
 * (the {@code visibility} of each {@code Outbox.EventSpec} constant of its events class, sent as {@code ce_visibility}):
 * the message named like the event type carries {@code x-visibility: <value>}.
 */
public final class AsyncApiVisibility {

    private AsyncApiVisibility() {
    }

    /** What disagrees; empty when the document and the declarations agree. */
    public static List<String> problems(Class<?> eventsClass, InputStream asyncApi) throws IOException {
        String document = new String(asyncApi.readAllBytes(), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Field field : eventsClass.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !field.getType().getSimpleName().equals("EventSpec")) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object spec = field.get(null);
                String type = (String) spec.getClass().getMethod("type").invoke(spec);
                Object visibility = spec.getClass().getMethod("visibility").invoke(spec);
                String expected = (String) visibility.getClass().getMethod("attributeValue").invoke(visibility);
                String name = type.replaceAll("^id\\.kotacerdas\\.[a-z]+\\.", "").replaceAll("\\.v\\d+$", "");
                Matcher message = Pattern.compile("(?m)^    " + Pattern.quote(name) + ":\\n((?:      .*\\n|\\s*\\n)*)")
                        .matcher(document);
                if (!message.find()) {
                    problems.add(name + ": no message in the AsyncAPI document");
                } else if (!message.group(1).contains("      x-visibility: " + expected + "\n")) {
                    problems.add(name + ": the document does not state x-visibility: " + expected);
                }
                checked++;
            } catch (ReflectiveOperationException e) {
                problems.add(field.getName() + ": " + e);
            }
        }
        if (checked == 0) {
            problems.add(eventsClass.getName() + " declares no EventSpec");
        }
        return problems;
    }
}
