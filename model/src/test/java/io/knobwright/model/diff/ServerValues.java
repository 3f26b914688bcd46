package io.knobwright.model.diff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows read from real servers (test resources under server-values/, each file says how it was read): tab-separated,
 * '#' lines are comments, the first other line names the columns, \N is NULL.
 */
final class ServerValues {

    private ServerValues() {
    }

    static List<Map<String, String>> read(String file) {
        try (InputStream in = ServerValues.class.getResourceAsStream("/server-values/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No test resource server-values/" + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Map<String, String>> rows = new ArrayList<>();
            String[] header = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i].equals("\\N") ? null : cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
