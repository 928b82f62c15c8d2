package id.kotacerdas.assessment.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the RFC 4180 CSV files of {@code reference-data/cohorts/} (a header row; fields optionally quoted, {@code ""}
 * inside quotes; quoted fields may hold commas and line breaks) into rows keyed by the header's column names.
 */
public final class CohortCsv {

    private CohortCsv() {
    }

    public static List<Map<String, String>> read(Reader source) throws IOException {
        List<List<String>> records = records(new BufferedReader(source));
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw new IllegalStateException("CSV record " + i + " has " + fields.size() + " fields; the header has "
                        + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), fields.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> records(BufferedReader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int ch;
        while ((ch = in.read()) != -1) {
            char c = (char) ch;
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (any) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
