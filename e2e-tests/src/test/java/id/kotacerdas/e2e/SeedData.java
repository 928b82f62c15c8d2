package id.kotacerdas.e2e;

import id.kotacerdas.demo.DemoData;
import id.kotacerdas.demo.HistoryImport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What a user loads into a fresh suite, in the order they load it: the public record 2017–2024 through the importer
 * client ({@code deploy/local/import-history}), then the 2022–2023 story ({@code deploy/local/demo-data}). The suite
 * of {@code deploy/local/up} imports no history at start, so every test that reads the programme loads both.
 */
final class SeedData {

    record Loaded(HistoryImport.Result history, DemoData.Result story) {
    }

    private SeedData() {
    }

    static Loaded load() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            DemoData demo = new DemoData(URI.create(RunningSuite.GATEWAY), URI.create(RunningSuite.KEYCLOAK), out);
            HistoryImport.Result history = new HistoryImport(demo, out).run(HistoryImport.readDefault());
            DemoData.Result story = demo.load(RunningSuite.ROOT.resolve("demo/programme-2022-2023.json"));
            return new Loaded(history, story);
        } finally {
            System.out.print(log.toString(StandardCharsets.UTF_8));
        }
    }
}
