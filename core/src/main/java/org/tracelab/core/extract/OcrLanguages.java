package org.tracelab.core.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which languages OCR reads, as Tesseract names them ({@code uzb}, {@code uzb_cyrl}, {@code rus}, …): those of the
 * case's region unless the examiner chose others ({@code --ocr-lang}), or none to leave images unread.
 *
 * @param chosen the languages chosen for this run, empty to use the region's; an empty list chosen means no OCR
 */
public record OcrLanguages(Optional<List<String>> chosen) {
    /** The region's languages. */
    public static final OcrLanguages OF_REGION = new OcrLanguages(Optional.empty());
    /** What {@code --ocr-lang} takes to turn OCR off. */
    public static final String NONE = "none";

    /** What a region's recruiters write in, the local languages first; English last, for the Latin in every ad. */
    private static final Map<String, List<String>> BY_REGION = Map.of(
            "UZ", List.of("uzb", "uzb_cyrl", "rus", "eng"),
            "KZ", List.of("kaz", "rus", "eng"),
            "KG", List.of("kir", "rus", "eng"),
            "TJ", List.of("tgk", "rus", "eng"),
            "TM", List.of("tuk", "rus", "eng"),
            "TR", List.of("tur", "eng"),
            "RU", List.of("rus", "eng"),
            "AZ", List.of("aze", "aze_cyrl", "rus", "eng"),
            "AF", List.of("fas", "pus", "eng"));
    private static final List<String> ELSEWHERE = List.of("eng");
    /** A traineddata name: three letters, and a script or variant after an underscore. */
    private static final Pattern CODE = Pattern.compile("[a-z]{3}(_[a-z]{3,5})?");

    public OcrLanguages {
        chosen = chosen.map(List::copyOf);
        chosen.ifPresent(list -> list.forEach(OcrLanguages::check));
    }

    /**
     * Reads {@code --ocr-lang}: Tesseract codes joined by {@code +} or commas ({@code uzb+rus}, {@code kaz,eng}), or
     * {@value #NONE}.
     *
     * @throws IllegalArgumentException naming the code that is no Tesseract language
     */
    public static OcrLanguages parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals(NONE)) {
            return new OcrLanguages(Optional.of(List.of()));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : v.split("[+,]")) {
            if (!code.isBlank()) {
                codes.add(code.strip());
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("no OCR language in '" + value + "'; give Tesseract codes such as"
                    + " uzb+uzb_cyrl+rus+eng, or " + NONE);
        }
        return new OcrLanguages(Optional.of(new ArrayList<>(codes)));
    }

    /** The languages OCR reads in a case of {@code region} (ISO 3166, e.g. {@code UZ}). */
    public List<String> resolve(String region) {
        return chosen.orElseGet(() -> forRegion(region));
    }

    /** The languages of {@code region}; English alone where Tracelab knows of no others. */
    public static List<String> forRegion(String region) {
        return BY_REGION.getOrDefault(region.toUpperCase(Locale.ROOT), ELSEWHERE);
    }

    /** The Debian package holding a language's traineddata, e.g. {@code tesseract-ocr-uzb-cyrl}. */
    public static String debianPackage(String code) {
        return "tesseract-ocr-" + code.replace('_', '-');
    }

    private static void check(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is no Tesseract language code (such as uzb, uzb_cyrl,"
                    + " rus, eng)");
        }
        if (code.equals("osd")) {
            throw new IllegalArgumentException("osd finds a page's orientation and script; it reads no language");
        }
    }
}
