package org.tracelab.samples.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;

/**
 * The findings a simulated trainee hands in, made from a scenario's key (for the class demo and the tests; a real
 * trainee's come from their scan and links): every deceptive ad with its indicators and every planted cluster, but
 * those of one tie, as the trainee who missed them would hand in.
 */
public final class SimulatedFindings {
    private SimulatedFindings() {
    }

    /**
     * Writes to {@code out} findings naming every deceptive ad of {@code key} and its clusters but those tied by
     * {@code leaveOutTie} (phone, handle, photo, flyer; null for none), by page path as {@code lab grade} reads them.
     */
    public static void write(Path key, String leaveOutTie, Path out) {
        try {
            JsonNode k = Json.MAPPER.readTree(key.toFile());
            Map<String, String> paths = new LinkedHashMap<>();
            List<Map<String, Object>> flagged = new ArrayList<>();
            for (JsonNode ad : k.path("ads")) {
                paths.put(ad.path("id").asText(), ad.path("path").asText());
                if (ad.path("deceptive").asBoolean()) {
                    List<String> indicators = new ArrayList<>();
                    ad.path("indicators").forEach(i -> indicators.add(i.asText()));
                    flagged.add(Map.of("path", ad.path("path").asText(), "indicators", indicators));
                }
            }
            List<Map<String, Object>> clusters = new ArrayList<>();
            for (JsonNode c : k.path("clusters")) {
                if (!c.path("tie").asText().equals(leaveOutTie)) {
                    List<String> members = new ArrayList<>();
                    c.path("ads").forEach(a -> members.add(paths.get(a.asText())));
                    clusters.add(Map.of("paths", members));
                }
            }
            Files.writeString(out, Json.write(Map.of("flagged", flagged, "clusters", clusters)));
        } catch (IOException e) {
            throw TracelabException.io("writing simulated findings from " + key + " to " + out, e);
        }
    }
}
