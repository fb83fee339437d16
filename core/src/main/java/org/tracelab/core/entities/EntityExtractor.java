package org.tracelab.core.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracelab.core.internal.KeptAnswers;

/**
 * Finds phones, e-mails, links, messenger identities and wallet addresses in a text.
 *
 * <pre>{@code
 * EntityExtractor x = new EntityExtractor("UZ");
 * for (Entity e : x.extract(adText)) { ... e.type(), e.value(), e.start(), e.end() ... }
 * }</pre>
 *
 * <p>Numbers without a country code are read in the default region given at construction (the case's). Results are
 * ordered by start offset, then end offset, then type, and offsets are UTF-16 indexes into the text given. One
 * extractor is thread-safe and meant to be shared, e.g. by all workers ingesting a case; it changes only in the
 * answers it keeps for links seen before.
 *
 * <p>The same span can carry more than one entity: a {@code https://t.me/name} link is a {@link EntityType#URL} and a
 * {@link EntityType#TELEGRAM}; a {@code wa.me/998…} link is a URL and a {@link EntityType#WHATSAPP}, and its digits a
 * {@link EntityType#PHONE}; a number labelled WhatsApp is a PHONE and a WHATSAPP.
 */
public final class EntityExtractor {

    private static final Comparator<Entity> ORDER = Comparator.comparingInt(Entity::start)
            .thenComparingInt(Entity::end).thenComparing(Entity::type).thenComparing(Entity::value);

    /** What a markup link can name: every type but the link itself. */
    private static final Set<EntityType> LINKED_IDENTIFIERS = EnumSet.complementOf(EnumSet.of(EntityType.URL));

    /** A 4 opening a run of digits that goes on with a neighbourhood calling code: a + as OCR may read it. */
    private static final Pattern PLUS_READ_AS_FOUR = Pattern.compile(
            "(?<![\\p{L}\\p{N}+])4(?=(?:998|996|992|993|7)[ \\-.(]*\\d)");
    /** Links whose identifiers are kept: a few sites' menus and footers, far more than one page holds. */
    static final int KEPT_LINKS = 4_096;
    private final PhoneFinder phones;
    private final EmailFinder emails = new EmailFinder();
    private final UrlFinder urls = new UrlFinder();
    private final WalletFinder wallets = new WalletFinder();
    private final HandleFinder handles;
    private final Deobfuscator deobfuscator = new Deobfuscator();
    /**
     * What each link names, by URL as written: a site's menus, footers and share buttons repeat the same links on
     * every page, and their identifiers depend on the URL alone.
     */
    private final KeptAnswers<String, List<Entity>> linkAnswers = new KeptAnswers<>(KEPT_LINKS);

    /**
     * @param defaultRegion ISO 3166 region (e.g. "UZ") in which to read numbers written without a country code
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public EntityExtractor(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        this.phones = new PhoneFinder(defaultRegion, deobfuscator);
        this.handles = new HandleFinder(phones);
    }

    /** The region numbers without a country code are read in, upper case. */
    public String defaultRegion() {
        return phones.region();
    }

    /** The decoder the phone finder uses, e.g. to index the decoded form of obfuscated ads. */
    public Deobfuscator deobfuscator() {
        return deobfuscator;
    }

    /** All entities in {@code text}, ordered by offset. */
    public List<Entity> extract(String text) {
        return extract(text, EnumSet.allOf(EntityType.class));
    }

    /**
     * The identifiers in the URLs of a page's markup ({@link MarkupLinks}): messenger names and invites, WhatsApp
     * numbers, Instagram, VK, Facebook and TikTok pages, e-mail addresses ({@code mailto:}) and phone numbers
     * ({@code tel:}, {@code wa.me/…}), but not the links themselves (every page links to its own site). Each
     * entity's raw text is the whole URL, and its offsets are the URL's in the markup.
     */
    public List<Entity> extractFromLinks(List<MarkupLinks.Link> links) {
        List<Entity> out = new ArrayList<>();
        for (MarkupLinks.Link link : links) {
            for (Entity e : linkAnswers.get(link.url(), this::identifiersOf)) {
                out.add(new Entity(e.type(), e.value(), link.url(), link.start(), link.start() + link.url().length(),
                        e.region(), e.numberType(), e.obfuscated()));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** The identifiers one link's URL names, at their offsets in it (decoded for {@code tel:} and {@code mailto:}). */
    private List<Entity> identifiersOf(String url) {
        String read = url;
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("tel:") || lower.startsWith("mailto:")) {
            read = url.substring(0, url.indexOf(':') + 1) + percentDecoded(url.substring(url.indexOf(':') + 1));
        }
        return List.copyOf(extract(read, LINKED_IDENTIFIERS));
    }

    /** {@code s} with its %XX escapes decoded as UTF-8; as it is when they are malformed. */
    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * Phones whose opening {@code +} OCR read as {@code 4}: where {@code readByOcr} says a character was read from
     * a picture and a {@code 4} opens a run of digits that goes on with a calling code of the region's neighbourhood
     * (998, 996, 992, 993, 7), it is read as {@code +} again, and the phones that begin there are returned, their
     * {@code raw} what OCR read. Tesseract's Uzbek and Russian models make {@code +7} into {@code 47} on clean
     * flyers (docs/BENCHMARKS.md, "OCR after straightening"); the same character count keeps every offset.
     */
    public List<Entity> phonesWithPlusReadAsFour(String text, IntPredicate readByOcr) {
        Objects.requireNonNull(text, "text");
        Matcher m = PLUS_READ_AS_FOUR.matcher(text);
        char[] reread = null;
        while (m.find()) {
            if (readByOcr.test(m.start())) {
                if (reread == null) {
                    reread = text.toCharArray();
                }
                reread[m.start()] = '+';
            }
        }
        if (reread == null) {
            return List.of();
        }
        List<Entity> out = new ArrayList<>();
        for (Entity e : phones.find(new String(reread), List.of())) {
            if (reread[e.start()] == '+' && text.charAt(e.start()) == '4') {
                out.add(new Entity(e.type(), e.value(), text.substring(e.start(), e.end()), e.start(), e.end(),
                        e.region(), e.numberType(), e.obfuscated()));
            }
        }
        return out;
    }

    /** The entities of the given types in {@code text}, ordered by offset. */
    public List<Entity> extract(String text, Set<EntityType> types) {
        return extract(text, types, false);
    }

    /**
     * The entities of the given types in {@code text}, ordered by offset.
     *
     * @param telegramChannel whether the text is a Telegram channel's (its posts, a t.me page), where a bare
     *                        {@code @name} is a Telegram name; elsewhere it is one only where the text makes it one
     */
    public List<Entity> extract(String text, Set<EntityType> types, boolean telegramChannel) {
        Objects.requireNonNull(text, "text");
        List<Entity> all = new ArrayList<>();
        if (text.isEmpty() || types.isEmpty()) {
            return all;
        }
        List<Span> taken = new ArrayList<>();
        List<Entity> mails = emails.find(text);
        all.addAll(mails);
        for (Entity e : mails) {
            taken.add(new Span(e.start(), e.end()));
        }
        List<UrlFinder.Link> links = urls.find(text, taken);
        for (UrlFinder.Link l : links) {
            all.add(Entity.of(EntityType.URL, l.normalized(), text, l.start(), l.end(), false));
            taken.add(new Span(l.start(), l.end()));
        }
        all.addAll(handles.fromLinks(text, links));
        all.addAll(handles.fromText(text, taken, telegramChannel));
        if (types.contains(EntityType.BTC) || types.contains(EntityType.ETH) || types.contains(EntityType.TRON)
                || types.contains(EntityType.PHONE) || types.contains(EntityType.WHATSAPP)) {
            for (Entity w : wallets.find(text)) {
                all.add(w);
                taken.add(new Span(w.start(), w.end()));
            }
        }
        if (types.contains(EntityType.PHONE) || types.contains(EntityType.WHATSAPP)) {
            List<Entity> found = phones.find(text, taken);
            all.addAll(found);
            all.addAll(handles.whatsappLabelled(text, found));
        }
        all.removeIf(e -> !types.contains(e.type()));
        all.sort(ORDER);
        return all;
    }
}
