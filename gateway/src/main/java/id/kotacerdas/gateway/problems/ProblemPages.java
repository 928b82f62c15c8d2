package id.kotacerdas.gateway.problems;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The catalogue as HTML pages for people: the list, and one page per problem type. Plain HTML, no script. */
final class ProblemPages {

    private ProblemPages() {
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;\
            border-bottom:1px solid #ddd}code{background:#f3f3f3;padding:0 .2rem}dt{font-weight:600;margin-top:.8rem}\
            dd{margin-left:0}""";

    static String list(JsonObject catalogue) {
        StringBuilder rows = new StringBuilder();
        for (Object item : catalogue.getJsonArray("problems")) {
            JsonObject entry = (JsonObject) item;
            rows.append("<tr><td><a href=\"").append(escape(entry.getString("href"))).append("\"><code>")
                    .append(escape(entry.getString("slug"))).append("</code></a></td><td>")
                    .append(statuses(entry.getJsonArray("status"))).append("</td><td>")
                    .append(escape(entry.getString("title"))).append("</td><td>")
                    .append(escape(String.join(", ", entry.getJsonArray("emittedBy").stream().map(String::valueOf).toList())))
                    .append("</td></tr>\n");
        }
        return page(catalogue.getString("title"), "<h1>" + escape(catalogue.getString("title")) + "</h1>\n<p>"
                + escape(catalogue.getString("description")) + "</p>\n<p>As JSON: <a href=\"" + ProblemCatalogue.PATH
                + "?format=json\">" + ProblemCatalogue.PATH + "</a> with <code>Accept: application/json</code>.</p>\n"
                + "<table>\n<thead><tr><th>Type</th><th>Status</th><th>Title</th><th>Emitted by</th></tr></thead>\n<tbody>\n"
                + rows + "</tbody>\n</table>");
    }

    static String entry(JsonObject entry, Map<String, JsonObject> all) {
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"").append(ProblemCatalogue.PATH).append("\">All problem types</a></p>\n<h1>")
                .append(escape(entry.getString("title"))).append("</h1>\n<p><code>")
                .append(escape(entry.getString("type"))).append("</code></p>\n<dl>\n")
                .append("<dt>Status</dt><dd>").append(statuses(entry.getJsonArray("status"))).append("</dd>\n")
                .append("<dt>What it means</dt><dd>").append(escape(entry.getString("meaning"))).append("</dd>\n")
                .append("<dt>What to do</dt><dd>").append(escape(entry.getString("clientAction"))).append("</dd>\n")
                .append("<dt>Emitted by</dt><dd>")
                .append(escape(String.join(", ", entry.getJsonArray("emittedBy").stream().map(String::valueOf).toList())))
                .append("</dd>\n");
        JsonArray same = entry.getJsonArray("sameKindAs", new JsonArray());
        if (!same.isEmpty()) {
            body.append("<dt>The same kind of failure as</dt><dd>");
            for (int i = 0; i < same.size(); i++) {
                String other = same.getString(i);
                JsonObject target = all.get(other);
                body.append(i == 0 ? "" : ", ").append("<a href=\"").append(escape(target.getString("href")))
                        .append("\"><code>").append(escape(other)).append("</code></a>");
            }
            body.append("</dd>\n");
        }
        body.append("</dl>\n<p>As JSON: <a href=\"").append(escape(entry.getString("href"))).append("?format=json\">")
                .append(escape(entry.getString("href"))).append("</a> with <code>Accept: application/json</code>.</p>");
        return page(entry.getString("title") + " (" + entry.getString("slug") + ")", body.toString());
    }

    private static String statuses(JsonArray statuses) {
        return escape(String.join(", ", statuses.stream().map(String::valueOf).toList()));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }

    /** Text as HTML: the five characters that could open markup or end an attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
