package org.tracelab.core.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The handle test pages (fictitious; {@code handle-pages/README.md}): each page, where it was captured, and every
 * identifier it holds in its text or markup. Read through {@link CaseEntities} as ingest reads an item, with the
 * page's scripts and styles leaked into its text as a careless extractor leaves them (CSS {@code @import}, JSON-LD
 * {@code @context}), so that they must be told from handles. {@link #main} prints the table.
 */
final class HandlePageSet {

    /** A page, the URL it stands for, and what it holds as {@code type:value}. */
    record Page(String file, String source, Set<String> expected) {
    }

    /** What reading one page found, against what it holds. */
    record Result(Page page, Set<String> found, Set<String> textOnly) {
        Set<String> missed() {
            Set<String> m = new TreeSet<>(page.expected());
            m.removeAll(found);
            return m;
        }

        Set<String> falseFinds() {
            Set<String> f = new TreeSet<>(found);
            f.removeAll(page.expected());
            return f;
        }

        int textOnlyRecalled() {
            return (int) page.expected().stream().filter(textOnly::contains).count();
        }
    }

    /** The identifier types the set is about: all but plain links. */
    static final Set<String> IDENTIFIERS = Set.of("phone", "email", "telegram", "telegram-invite", "whatsapp",
            "whatsapp-invite", "instagram", "vk", "facebook", "tiktok");

    static final List<Page> PAGES = List.of(
            new Page("ad-uz.html", "https://jobs.example/uz/ad/1", Set.of("telegram:sample_recruiter_demo",
                    "whatsapp:+998901234567", "phone:+998901234567", "email:hr.sample.demo@example.uz")),
            new Page("ad-ru.html", "https://jobs.example/ru/ad/2", Set.of("telegram:sample_hr_ru_demo",
                    "whatsapp-invite:AbCdEfGhIjKlMnOpQrStUv", "instagram:sample.insta.demo", "vk:sample_vk_demo",
                    "facebook:sample.fb.demo", "tiktok:sample_tiktok_demo", "phone:+79161234567",
                    "email:resume.sample.demo@example.ru")),
            new Page("news.html", "https://news.example/a/1", Set.of("telegram:sample_news_channel_demo",
                    "email:editor.demo@example.com", "instagram:sample_fake_agency_demo")),
            new Page("channel.html", "https://t.me/s/sample_channel_demo", Set.of("telegram:sample_admin_demo",
                    "telegram:sample_channel_demo", "telegram-invite:SampleInviteDemo01", "phone:+998937654321")));

    private HandlePageSet() {
    }

    /** Reads every page as ingest would in a case whose region is UZ. */
    static List<Result> run() {
        CaseEntities finder = new CaseEntities("UZ");
        List<Result> out = new ArrayList<>();
        for (Page p : PAGES) {
            Path file = file(p.file());
            try {
                String text = leakyText(Jsoup.parse(file.toFile(), null, ""));
                List<EntityMention> all = finder.find(new ItemContent(text, p.source(), "text/html; charset=UTF-8",
                        file));
                out.add(new Result(p, identifiers(all), identifiers(finder.find(text))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static Set<String> identifiers(List<EntityMention> mentions) {
        Set<String> out = new TreeSet<>();
        for (EntityMention m : mentions) {
            if (IDENTIFIERS.contains(m.type())) {
                out.add(m.type() + ":" + m.value());
            }
        }
        return out;
    }

    static Path file(String name) {
        try {
            return Path.of(HandlePageSet.class.getResource("/org/tracelab/core/entities/handle-pages/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The page's text, a line for each element's own text, with the contents of its scripts and styles: the worst
     * an extractor could hand over.
     */
    static String leakyText(Document doc) {
        StringBuilder sb = new StringBuilder();
        for (Element e : doc.getAllElements()) {
            String own = (e.ownText() + e.data()).strip();
            if (!own.isEmpty()) {
                sb.append(own).append('\n');
            }
        }
        return sb.toString();
    }

    /** The results as a Markdown table with totals. */
    static String table(List<Result> results) {
        StringBuilder b = new StringBuilder("| page | identifiers held | found | missed | false finds | found reading"
                + " the text alone |\n|---|---|---|---|---|---|\n");
        int held = 0;
        int found = 0;
        int falses = 0;
        int textOnly = 0;
        for (Result r : results) {
            int h = r.page().expected().size();
            int f = h - r.missed().size();
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %d |%n", r.page().file(), h, f,
                    r.missed().isEmpty() ? "none" : String.join(", ", r.missed()),
                    r.falseFinds().isEmpty() ? "none" : String.join(", ", r.falseFinds()), r.textOnlyRecalled()));
            held += h;
            found += f;
            falses += r.falseFinds().size();
            textOnly += r.textOnlyRecalled();
        }
        b.append(String.format(Locale.ROOT, "| all | %d | %d (recall %.2f) | %d | %d | %d |%n", held, found,
                (double) found / held, held - found, falses, textOnly));
        return b.toString();
    }

    /** Prints the table. */
    public static void main(String[] args) {
        System.out.print(table(run()));
    }
}
