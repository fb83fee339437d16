package org.tracelab.samples.classroom;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tracelab.core.Case;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.ingest.TextScope;
import org.tracelab.core.links.CaseLinks;
import org.tracelab.core.links.Cluster;
import org.tracelab.core.links.Identifier;
import org.tracelab.core.links.ImageLinks;
import org.tracelab.core.patterns.RecordedScan;

/**
 * The trainee's side of a hand-in: the findings of their case (its last scan and its links, as {@code scan --json}
 * and {@code links --json} print them), packed with their signed bag into one ZIP and sent to the class service.
 */
public final class Handin {
    private Handin() {
    }

    /** What the class service answered. */
    public record Answer(int status, String body) {
    }

    /**
     * Writes the findings of {@code c}: each item its last scan scored at or above that scan's minimum, with its
     * indicators, then each cluster of items sharing an identifier (any contact and image, not URLs).
     *
     * @throws TracelabException bad input when the case was never scanned
     */
    public static void writeFindings(Case c, Path out) {
        RecordedScan scan = RecordedScan.last(c).orElseThrow(() -> TracelabException.badInput(c.dir().toString(),
                "the case was never scanned; run 'tracelab scan' (and look at 'tracelab links') before handing in"));
        double min = scan.entry().params().path("minScore").asDouble(0);
        TextScope scope = "full".equals(scan.entry().params().path("text").asText()) ? TextScope.FULL
                : TextScope.MAIN;
        CaseLinks.Result links = CaseLinks.run(c, t -> !t.equals("url"), scope, ImageLinks.MAX_DISTANCE);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                StandardCharsets.UTF_8))) {
            for (RecordedScan.Scored s : scan.ranked()) {
                if (s.score() >= min) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("item", s.itemId());
                    j.put("source", s.source());
                    j.put("score", s.score());
                    j.put("indicators", s.indicators());
                    w.write(Json.write(j) + "\n");
                }
            }
            int n = 0;
            for (Cluster cl : links.links().clusters()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("cluster", ++n);
                j.put("items", cl.items().stream().map(Long::parseLong).toList());
                j.put("sources", cl.items().stream().map(i -> links.sources().get(i)).toList());
                j.put("shared", cl.shared().stream().map(Identifier::toString).toList());
                w.write(Json.write(j) + "\n");
            }
        } catch (IOException e) {
            throw TracelabException.io("writing findings to " + out, e);
        }
    }

    /** Packs {@code bag} (a folder of plain files) and {@code findings} into the ZIP {@code out} (new). */
    public static void pack(Path bag, Path findings, Path out) {
        if (!Files.isRegularFile(bag.resolve("bagit.txt"))) {
            throw TracelabException.badInput(bag.toString(), "is not a bag: no bagit.txt (make one with 'tracelab "
                    + "export bag')");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(bag)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isSymbolicLink(p) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw TracelabException.badInput(p.toString(), "is not a plain file; a bag holds plain files "
                            + "only");
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw TracelabException.io("reading bag " + bag, e);
        }
        try (OutputStream file = Files.newOutputStream(out, java.nio.file.StandardOpenOption.CREATE_NEW);
             ZipOutputStream zip = new ZipOutputStream(file)) {
            add(zip, HandinArchive.FINDINGS, findings);
            for (Path f : files) {
                add(zip, HandinArchive.BAG + bag.relativize(f).toString().replace('\\', '/'), f);
            }
        } catch (IOException e) {
            throw TracelabException.io("packing the hand-in " + out, e);
        }
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    /**
     * Sends the ZIP {@code handin} to the class at {@code server} under {@code code}.
     *
     * @throws TracelabException I/O when the server cannot be reached
     */
    public static Answer send(URI server, String given, Path handin) {
        String code = given.strip().toLowerCase(java.util.Locale.ROOT);
        if (!JoinCodes.FORM.matcher(code).matches()) {
            throw TracelabException.badInput("--code " + code, "is not a join code (xxxx-xxxx-xxxx, from your "
                    + "instructor)");
        }
        String scheme = server.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || server.getHost() == null) {
            throw TracelabException.badInput("--server " + server, "must be the class's http:// address");
        }
        URI target = server.resolve(ClassService.PREFIX + "t/" + code + "/handin");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(30))
                    .header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofFile(handin)).build();
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (ConnectException e) {
            throw TracelabException.io("connecting to the class at " + server, e);
        } catch (IOException e) {
            throw TracelabException.io("handing in to " + server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TracelabException.io("handing in to " + server, e);
        } finally {
            client.close();
        }
    }
}
