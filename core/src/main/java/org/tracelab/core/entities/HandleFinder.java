package org.tracelab.core.entities;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds messenger identities: Telegram names ({@code @name}, {@code t.me/name}, {@code name.t.me},
 * {@code tg://resolve?domain=name}, {@code Telegram: name}) and invite links ({@code t.me/+CODE},
 * {@code t.me/joinchat/CODE}); WhatsApp numbers ({@code wa.me/NUMBER}, {@code api.whatsapp.com/send?phone=NUMBER},
 * and phone numbers labelled WhatsApp) and group invites ({@code chat.whatsapp.com/CODE}); Instagram accounts
 * ({@code instagram.com/name}, or {@code @name} after "insta"); VK pages ({@code vk.com/name}); Facebook pages and
 * TikTok accounts from their links. A bare {@code @name} is a Telegram name, the usual meaning in the region's ads,
 * only where the text makes it one (see {@link #fromText}), unless a nearer label names another network. Spaced forms are read too: {@code t . me / name},
 * and {@code @ name} after a contact word ("пишите", "yozing", "Telegram"…). Immutable and thread-safe.
 */
final class HandleFinder {

    private static final Pattern TELEGRAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern INSTAGRAM_NAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final Pattern VK_NAME = Pattern.compile("[A-Za-z0-9_.]{2,32}");
    private static final Pattern INVITE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d{7,15}");

    private static final Set<String> TELEGRAM_HOSTS = Set.of("t.me", "telegram.me", "telegram.dog");
    private static final Set<String> TELEGRAM_RESERVED = Set.of("share", "addstickers", "addemoji", "addtheme",
            "proxy", "socks", "iv", "login", "setlanguage", "confirmphone", "bg", "c", "invoice", "boost", "addlist",
            "contact", "m", "joinchat", "s", "nft", "giftcode", "premium", "stars");
    private static final Set<String> WHATSAPP_HOSTS = Set.of("api.whatsapp.com", "whatsapp.com", "web.whatsapp.com");
    private static final Set<String> INSTAGRAM_HOSTS = Set.of("instagram.com", "instagr.am");
    private static final Set<String> INSTAGRAM_RESERVED = Set.of("p", "reel", "reels", "tv", "explore", "accounts",
            "direct", "about", "legal", "developer", "web", "challenge", "s", "_u", "_n", "privacy", "help", "oauth",
            "emails", "api", "graphql", "stories", "static", "ar", "session", "download");
    private static final Set<String> VK_HOSTS = Set.of("vk.com", "vk.ru", "vkontakte.ru", "new.vk.com", "vk.me");
    private static final Set<String> VK_RESERVED = Set.of("im", "feed", "search", "friends", "groups", "away.php",
            "share.php", "login", "settings", "audio", "audios", "video", "videos", "music", "apps", "clips", "docs",
            "photos", "albums", "support", "dev", "about", "terms", "privacy", "blog", "jobs", "mail", "messages",
            "bookmarks", "services", "gifts", "notifications", "restore", "join", "wall");
    private static final Set<String> FACEBOOK_HOSTS = Set.of("facebook.com", "fb.com", "web.facebook.com",
            "business.facebook.com");
    private static final Set<String> FACEBOOK_RESERVED = Set.of("sharer", "sharer.php", "share", "share.php", "dialog",
            "plugins", "tr", "login", "login.php", "help", "policies", "privacy", "watch", "events", "marketplace",
            "hashtag", "photo.php", "photo", "photos", "story.php", "permalink.php", "home.php", "l.php", "ads",
            "business", "settings", "messages", "notifications", "search", "gaming", "legal", "pages", "reel",
            "reels", "video.php", "videos", "about", "terms", "recover", "r.php", "profile.php", "people", "media",
            "stories", "fundraisers", "bookmarks", "friends", "saved", "me");
    private static final Pattern FACEBOOK_NAME = Pattern.compile("[A-Za-z0-9.]{5,50}");
    private static final Set<String> TIKTOK_HOSTS = Set.of("tiktok.com");
    private static final Pattern TIKTOK_NAME = Pattern.compile("[A-Za-z0-9_.]{2,24}");
    private static final Pattern VK_OBJECT = Pattern.compile(
            "(?:wall|photo|video|audio|album|topic|doc|market|note|poll|clip|board|app|write|product|story)-?\\d.*");

    static final Pattern AT_HANDLE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@/+\\-])@([A-Za-z][A-Za-z0-9_.]{0,31})");
    /** "@ name": a space after the @, which people type too; read only after a contact word. */
    static final Pattern AT_SPACED = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@/+\\-])@[ \\t\u00A0]{1,3}([A-Za-z][A-Za-z0-9_]{0,31})(?![A-Za-z0-9_@]|\\.[A-Za-z0-9])");
    /** Words that announce a contact; one must stand a few words before a spaced "@ name". */
    private static final Pattern CONTACT_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:telegram\\p{L}*|телеграм\\p{L}*|tg|тг|yozing\\p{L}*|ёзинг\\p{L}*|пишите|write"
                    + "|contact\\p{L}*|aloqa\\p{L}*|алоқа\\p{L}*|связь|связи)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How many words before a spaced "@ name" a contact word may stand. */
    private static final int CONTACT_WORD_REACH = 4;
    /** "t . me / name": a Telegram link written with spaces, which is no link to the URL finder. */
    static final Pattern SPACED_TME = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.])t[ \\t\u00A0]{0,3}\\.[ \\t\u00A0]{0,3}me[ \\t\u00A0]{0,3}/[ \\t\u00A0]{0,3}"
                    + "([A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_])",
            Pattern.CASE_INSENSITIVE);

    /** A name after a colon or dash; whether a Telegram or Instagram label stands before it is checked apart. */
    /** What {@link #AFTER_LABEL} opens with. */
    static final String LABEL_SEPARATORS = ":-–—";
    static final Pattern AFTER_LABEL = Pattern.compile(
            "[:\\-–—]\\s*([A-Za-z0-9_][A-Za-z0-9_.]{1,31})(?![A-Za-z0-9_@/]|\\.[A-Za-z])");
    /**
     * The labels a name after a colon or dash may follow, each a whole word ending, past ASCII whitespace, where the
     * colon or dash stands ({@link #labelBefore}).
     */
    static final Pattern LABEL_WORD = Pattern.compile(
            "(?<tg>telegram|telegramm|телеграм\\p{L}*|телега|tg|тг)"
                    + "|(?<ig>instagram|insta|inst|инстаграм\\p{L}*|инста|инст|ig)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Labels naming a network near a handle or number; group names say which. */
    static final Pattern LABEL = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                    + "(?<tg>telegram\\p{L}*|телеграм\\p{L}*|телег\\p{L}*|tg(?!\\p{L})|тг(?!\\p{L}))"
                    + "|(?<wa>whats\\s?app\\p{L}*|what['’]s\\s?app|wh?ats?app?|vats?app?\\p{L}*|вотсап\\p{L}*|ватсап\\p{L}*|вацап\\p{L}*"
                    + "|ватцап\\p{L}*|уатсап\\p{L}*|wa(?!\\p{L}))"
                    + "|(?<ig>instagram\\p{L}*|insta(?!\\p{L})|inst(?!\\p{L})|инстаграм\\p{L}*|инст\\p{L}*|ig(?!\\p{L}))"
                    + "|(?<vk>vkontakte|вконтакте|vk(?!\\p{L})|вк(?!\\p{L}))"
                    + "|(?<other>tik\\s?tok|тик\\s?ток|twitter|твиттер|youtube|ютуб|facebook|фейсбук|fb(?!\\p{L})|threads"
                    + "|skype|скайп|viber|вайбер|github|linkedin|snapchat|discord|дискорд|signal|сигнал|x\\.com)"
                    + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final PhoneFinder phones;

    HandleFinder(PhoneFinder phones) {
        this.phones = phones;
    }

    /** Messenger entities read from links (and the phone numbers inside WhatsApp and Telegram links). */
    List<Entity> fromLinks(String text, List<UrlFinder.Link> links) {
        List<Entity> out = new ArrayList<>();
        for (UrlFinder.Link link : links) {
            String host = stripPrefix(link.host());
            String path = link.rest();
            String query = "";
            int q = path.indexOf('?');
            if (q >= 0) {
                query = path.substring(q + 1);
                path = path.substring(0, q);
            }
            int hash = path.indexOf('#');
            if (hash >= 0) {
                path = path.substring(0, hash);
            }
            String[] segs = path.isEmpty() ? new String[0] : path.substring(1).split("/");
            String seg0 = segs.length > 0 ? segs[0] : "";
            String seg1 = segs.length > 1 ? segs[1] : "";
            if ("tg".equals(link.scheme())) {
                String domain = queryParam(query, "domain");
                String invite = queryParam(query, "invite");
                if (host.equals("resolve") && domain != null && TELEGRAM_NAME.matcher(domain).matches()) {
                    out.add(link(EntityType.TELEGRAM, domain.toLowerCase(Locale.ROOT), text, link));
                } else if (host.equals("join") && invite != null && INVITE.matcher(invite).matches()) {
                    out.add(link(EntityType.TELEGRAM_INVITE, invite, text, link));
                }
            } else if ("whatsapp".equals(link.scheme())) {
                whatsapp(text, link, queryParam(query, "phone"), out);
            } else if (TELEGRAM_HOSTS.contains(host)) {
                if (seg0.startsWith("+")) {
                    String code = seg0.substring(1);
                    if (code.chars().allMatch(Character::isDigit) && DIGITS.matcher(code).matches()) {
                        PhoneNumber n = phones.valid("+" + code);
                        if (n != null) {
                            int s = link.start() + link.raw().indexOf(seg0);
                            out.add(phones.entity(text, s, s + seg0.length(), n));
                        }
                    } else if (INVITE.matcher(code).matches()) {
                        out.add(link(EntityType.TELEGRAM_INVITE, code, text, link));
                    }
                } else if (seg0.equalsIgnoreCase("joinchat") && INVITE.matcher(seg1).matches()) {
                    out.add(link(EntityType.TELEGRAM_INVITE, seg1, text, link));
                } else {
                    String name = seg0.equalsIgnoreCase("s") ? seg1 : seg0;
                    if (!TELEGRAM_RESERVED.contains(name.toLowerCase(Locale.ROOT))
                            && TELEGRAM_NAME.matcher(name).matches()) {
                        out.add(link(EntityType.TELEGRAM, name.toLowerCase(Locale.ROOT), text, link));
                    }
                }
            } else if (host.endsWith(".t.me") && host.indexOf('.') == host.length() - 5) {
                String name = host.substring(0, host.length() - 5);
                if (TELEGRAM_NAME.matcher(name).matches()) {
                    out.add(link(EntityType.TELEGRAM, name, text, link));
                }
            } else if (host.equals("wa.me")) {
                whatsapp(text, link, seg0, out);
            } else if (host.equals("chat.whatsapp.com") && INVITE.matcher(seg0).matches()
                    && !seg0.equalsIgnoreCase("invite")) {
                out.add(link(EntityType.WHATSAPP_INVITE, seg0, text, link));
            } else if (host.equals("chat.whatsapp.com") && seg0.equalsIgnoreCase("invite")
                    && INVITE.matcher(seg1).matches()) {
                out.add(link(EntityType.WHATSAPP_INVITE, seg1, text, link));
            } else if (WHATSAPP_HOSTS.contains(host) && (seg0.equals("send") || seg0.isEmpty())) {
                whatsapp(text, link, queryParam(query, "phone"), out);
            } else if (INSTAGRAM_HOSTS.contains(host)) {
                String name = seg0.equalsIgnoreCase("stories") ? seg1 : seg0;
                name = trimDots(name);
                if (!INSTAGRAM_RESERVED.contains(name.toLowerCase(Locale.ROOT))
                        && INSTAGRAM_NAME.matcher(name).matches()) {
                    out.add(link(EntityType.INSTAGRAM, name.toLowerCase(Locale.ROOT), text, link));
                }
            } else if (FACEBOOK_HOSTS.contains(host)) {
                String name = facebookName(seg0, seg1, query);
                if (name != null) {
                    out.add(link(EntityType.FACEBOOK, name, text, link));
                }
            } else if (TIKTOK_HOSTS.contains(host) && seg0.startsWith("@")
                    && TIKTOK_NAME.matcher(trimDots(seg0.substring(1))).matches()) {
                out.add(link(EntityType.TIKTOK, trimDots(seg0.substring(1)).toLowerCase(Locale.ROOT), text, link));
            } else if (VK_HOSTS.contains(host)) {
                String name = trimDots(seg0);
                String lower = name.toLowerCase(Locale.ROOT);
                if (!VK_RESERVED.contains(lower) && !VK_OBJECT.matcher(lower).matches()
                        && VK_NAME.matcher(name).matches() && !lower.endsWith(".php")) {
                    out.add(link(EntityType.VK, lower, text, link));
                }
            }
        }
        return out;
    }

    /** The page a Facebook link names: {@code name}, {@code groups/name}, or a profile's number; else null. */
    private static String facebookName(String seg0, String seg1, String query) {
        String lower = seg0.toLowerCase(Locale.ROOT);
        if (lower.equals("profile.php")) {
            String id = queryParam(query, "id");
            return id != null && id.chars().allMatch(Character::isDigit) && !id.isEmpty() ? id : null;
        }
        if (lower.equals("groups")) {
            return FACEBOOK_NAME.matcher(seg1).matches() || seg1.chars().allMatch(Character::isDigit) && !seg1.isEmpty()
                    ? "groups/" + seg1.toLowerCase(Locale.ROOT) : null;
        }
        String name = trimDots(seg0);
        return !FACEBOOK_RESERVED.contains(lower) && FACEBOOK_NAME.matcher(name).matches()
                ? name.toLowerCase(Locale.ROOT) : null;
    }

    private void whatsapp(String text, UrlFinder.Link link, String number, List<Entity> out) {
        if (number == null) {
            return;
        }
        String digits = number.startsWith("%2B") ? number.substring(3) : number.startsWith("+") ? number.substring(1)
                : number;
        if (!DIGITS.matcher(digits).matches()) {
            return;
        }
        PhoneNumber n = phones.valid("+" + digits);
        if (n != null) {
            int s = link.start() + link.raw().lastIndexOf(number);
            Entity phone = phones.entity(text, s, s + number.length(), n);
            out.add(phone);
            out.add(new Entity(EntityType.WHATSAPP, phone.value(), link.raw(), link.start(), link.end(), phone.region(),
                    phone.numberType(), false));
        } else {
            out.add(link(EntityType.WHATSAPP, "+" + digits, text, link));
        }
    }

    /**
     * Handles written in the text: {@code @name} and {@code Telegram: name}, outside links and e-mails. An
     * {@code @name} is a Telegram name only where the text makes it one: a Telegram label before it, a contact word
     * ("пишите", "yozing"…) or a Telegram word or link near it, or a text that is a Telegram channel's
     * ({@code telegramChannel}); never a CSS at-rule or a JSON-LD keyword.
     */
    List<Entity> fromText(String text, List<Span> excluded, boolean telegramChannel) {
        List<Entity> out = new ArrayList<>();
        List<Span> taken = new ArrayList<>(excluded);
        AnchoredMatches.Starts ats = AnchoredMatches.Starts.ofChars(text, "@");
        AnchoredMatches found = ats.over(AT_HANDLE.matcher(text));
        Matcher m = found.matcher();
        while (found.find()) {
            String name = trimDots(m.group(1));
            int s = m.start();
            int e = m.start(1) + name.length();
            if (Span.overlapsAny(taken, s, e)) {
                continue;
            }
            if (notAHandle(text, s, name)) {
                continue;
            }
            String label = nearestLabel(text, s, false);
            if (label == null) {
                label = labelAfter(text, e); // "@sample_agency в Instagram"
            }
            EntityType type = null;
            if (label == null && !telegramChannel && !telegramContext(text, s, e)) {
                if (name.indexOf('.') > 0 && INSTAGRAM_NAME.matcher(name).matches() && near(text, s, e, "ig")) {
                    type = EntityType.INSTAGRAM; // Telegram names have no dots; Instagram's do
                }
            } else if (label == null || label.equals("tg")) {
                if (telegramName(name)) {
                    type = EntityType.TELEGRAM;
                }
            } else if (label.equals("ig") && INSTAGRAM_NAME.matcher(name).matches()) {
                type = EntityType.INSTAGRAM;
            } else if (label.equals("vk") && VK_NAME.matcher(name).matches()) {
                type = EntityType.VK;
            }
            if (type != null) {
                out.add(Entity.of(type, name.toLowerCase(Locale.ROOT), text, s, e, false));
                taken.add(new Span(s, e));
            }
        }
        found = ats.over(AT_SPACED.matcher(text));
        m = found.matcher();
        while (found.find()) {
            String name = m.group(1);
            int s = m.start();
            int e = m.end(1);
            String label = nearestLabel(text, s, false);
            if ((label == null || label.equals("tg")) && telegramName(name) && !Span.overlapsAny(taken, s, e)
                    && contactWordBefore(text, s)) {
                out.add(Entity.of(EntityType.TELEGRAM, name.toLowerCase(Locale.ROOT), text, s, e, false));
                taken.add(new Span(s, e));
            }
        }
        found = spacedTmeStarts(text).over(SPACED_TME.matcher(text));
        m = found.matcher();
        while (found.find()) {
            String name = m.group(1);
            if (telegramName(name) && !TELEGRAM_RESERVED.contains(name.toLowerCase(Locale.ROOT))
                    && !Span.overlapsAny(taken, m.start(), m.end())) {
                out.add(Entity.of(EntityType.TELEGRAM, name.toLowerCase(Locale.ROOT), text, m.start(), m.end(), false));
                taken.add(new Span(m.start(), m.end()));
            }
        }
        found = AnchoredMatches.Starts.ofChars(text, LABEL_SEPARATORS).over(AFTER_LABEL.matcher(text));
        m = found.matcher();
        while (found.find()) {
            String name = trimDots(m.group(1));
            int s = m.start(1);
            int e = s + name.length();
            if (name.length() < 2 || Span.overlapsAny(taken, s, e)) {
                continue;
            }
            int from = Math.max(0, m.start() - 24);
            if (!letterBefore(text, m.start())) {
                continue; // every label ends in a letter: "90 123-45-67" has none before its dashes
            }
            Matcher label = labelBefore(text, from, m.start());
            EntityType type = null;
            if (label == null) {
                continue;
            } else if (label.group("tg") != null) {
                type = TELEGRAM_NAME.matcher(name).matches() && name.length() >= 5 ? EntityType.TELEGRAM : null;
            } else if (INSTAGRAM_NAME.matcher(name).matches()) {
                type = EntityType.INSTAGRAM;
            }
            if (type != null) {
                out.add(Entity.of(type, name.toLowerCase(Locale.ROOT), text, s, e, false));
                taken.add(new Span(s, e));
            }
        }
        return out;
    }

    /**
     * Where "t . me / name" can start: a {@code t} or {@code T} at most three blanks before a dot (which the
     * pattern's look-behind then checks).
     */
    static AnchoredMatches.Starts spacedTmeStarts(String text) {
        AnchoredMatches.Starts starts = new AnchoredMatches.Starts();
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            int t = dot - 1;
            while (t >= 0 && dot - t <= 3 && isBlank(text.charAt(t))) {
                t--;
            }
            if (t >= 0 && (text.charAt(t) == 't' || text.charAt(t) == 'T')) {
                starts.add(t);
            }
        }
        return starts;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /**
     * The label word ({@link #LABEL_WORD}, matched whole) that ends at {@code at} past ASCII whitespace and starts
     * within {@code text[from,at)} after no letter or number, or null. The word can only be the run of letters before
     * that whitespace, all of it (or its end after a letter beyond the Basic Multilingual Plane): the pattern searched from every offset of the 24 chars before each colon and dash
     * ({@code (?<![\\p{L}\\p{N}])(?:LABEL_WORD)\\s*$}) was a fifth of the handle finder's time.
     */
    static Matcher labelBefore(String text, int from, int at) {
        int end = at;
        if (end > from && "\u0085\u2028\u2029".indexOf(text.charAt(end - 1)) >= 0) {
            end--; // "$" matches before a final line terminator too; the others are ASCII whitespace
        }
        while (end > from && isAsciiSpace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > from) {
            int cp = codePointBefore(text, start, from);
            if (!Character.isLetter(cp)) {
                break;
            }
            start -= Character.charCount(cp);
        }
        // the look-behind reads the char before a start, not the code point: after a letter beyond the Basic
        // Multilingual Plane (two chars) a word may start too
        for (int p = start; p < end; p++) {
            if (p == 0 || !letterOrNumber(text.charAt(p - 1))) {
                Matcher m = LABEL_WORD.matcher(text).region(p, end);
                if (m.matches()) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The code point before {@code i}, not reading before {@code from}, as a matcher's region reads it. */
    private static int codePointBefore(String text, int i, int from) {
        char c = text.charAt(i - 1);
        if (Character.isLowSurrogate(c) && i - 2 >= from && Character.isHighSurrogate(text.charAt(i - 2))) {
            return Character.toCodePoint(text.charAt(i - 2), c);
        }
        return c;
    }

    private static boolean letterOrNumber(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether a letter stands before {@code at}, past ASCII whitespace (the whitespace a label may end with). */
    private static boolean letterBefore(String text, int at) {
        int i = at;
        while (i > 0 && " \t\n\u000B\f\r".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        return i > 0 && Character.isLetter(Character.codePointBefore(text, i));
    }

    /** CSS at-rules and JSON-LD keywords: an {@code @} word of markup that leaked into a text, never a handle. */
    private static final Set<String> MARKUP_AT_WORDS = Set.of("import", "media", "font", "keyframes", "charset",
            "supports", "page", "namespace", "layer", "container", "property", "document", "viewport", "counter",
            "scope", "starting", "context", "type", "id", "graph", "vocab", "language", "value", "list", "set",
            "reverse", "base", "index", "nest", "version", "included", "json", "none", "direction", "protected",
            "propagate");
    /** How far around an {@code @name} (in chars, within its paragraph) a Telegram word or link makes it one. */
    private static final int CONTEXT_BEFORE = 160;
    private static final int CONTEXT_AFTER = 80;

    /** Whether the {@code @name} at {@code at} is markup: a CSS at-rule, a JSON-LD key or value ({@code "@id"}). */
    private static boolean notAHandle(String text, int at, String name) {
        String word = name.toLowerCase(Locale.ROOT);
        int dash = word.indexOf('-');
        if (MARKUP_AT_WORDS.contains(dash > 0 ? word.substring(0, dash) : word)) {
            return true;
        }
        return at > 0 && (text.charAt(at - 1) == '"' || text.charAt(at - 1) == '\'');
    }

    /** Whether a Telegram label, a contact word or a Telegram link stands near {@code text[s,e)}. */
    private static boolean telegramContext(String text, int s, int e) {
        return contactWordBefore(text, s) || near(text, s, e, "tg");
    }

    /**
     * Whether a label of network {@code group} ("tg", "ig") or a link to it stands near {@code text[s,e)}: on its
     * line, the line before or the line after, at most {@value #CONTEXT_BEFORE} chars before and
     * {@value #CONTEXT_AFTER} after.
     */
    private static boolean near(String text, int s, int e, String group) {
        int from = Math.max(0, s - CONTEXT_BEFORE);
        int lineStart = text.lastIndexOf('\n', s - 1);
        int prevStart = lineStart <= 0 ? -1 : text.lastIndexOf('\n', lineStart - 1);
        from = Math.max(from, prevStart + 1);
        int to = Math.min(text.length(), e + CONTEXT_AFTER);
        int lineEnd = text.indexOf('\n', e);
        int nextEnd = lineEnd < 0 ? -1 : text.indexOf('\n', lineEnd + 1);
        if (nextEnd >= 0) {
            to = Math.min(to, nextEnd);
        }
        Matcher m = LABEL.matcher(text).region(from, to);
        while (m.find()) {
            if (m.group(group) != null) {
                return true;
            }
        }
        String window = text.substring(from, to).toLowerCase(Locale.ROOT);
        return group.equals("tg") ? window.contains("t.me/") || window.contains("telegram.me/")
                : window.contains("instagram.com/");
    }

    /** The label ("tg", "ig", "vk", "other") right after {@code at} on its line, within 40 chars; null if none. */
    private static String labelAfter(String text, int at) {
        int to = at;
        while (to < text.length() && to - at < 40) {
            char c = text.charAt(to);
            if (c == '\n' || c == '\r' || c == '@' || Character.isDigit(c)) {
                break;
            }
            to++;
        }
        Matcher m = LABEL.matcher(text).region(at, to);
        if (!m.find()) {
            return null;
        }
        return m.group("tg") != null ? "tg" : m.group("wa") != null ? null : m.group("ig") != null ? "ig"
                : m.group("vk") != null ? "vk" : "other";
    }

    /** A Telegram username: 5 to 32 letters, digits and underscores, opening with a letter. */
    private static boolean telegramName(String name) {
        return name.length() >= 5 && TELEGRAM_NAME.matcher(name).matches();
    }

    /** Whether a contact word stands within {@link #CONTACT_WORD_REACH} words before {@code at} on its line. */
    private static boolean contactWordBefore(String text, int at) {
        int from = at;
        int words = 0;
        boolean inWord = false;
        while (from > 0) {
            char c = text.charAt(from - 1);
            if (c == '\n' || c == '\r') {
                break;
            }
            boolean wordChar = Character.isLetterOrDigit(c);
            if (wordChar && !inWord && ++words > CONTACT_WORD_REACH) {
                break;
            }
            inWord = wordChar;
            from--;
        }
        return CONTACT_WORD.matcher(text).region(from, at).useTransparentBounds(true).find();
    }

    /** A WhatsApp entity for each phone labelled WhatsApp on its line ("WhatsApp: +998 …", "Tel/WhatsApp …"). */
    List<Entity> whatsappLabelled(String text, List<Entity> phoneEntities) {
        List<Entity> out = new ArrayList<>();
        for (Entity p : phoneEntities) {
            if (p.type() == EntityType.PHONE && "wa".equals(nearestLabel(text, p.start(), true))) {
                out.add(new Entity(EntityType.WHATSAPP, p.value(), p.raw(), p.start(), p.end(), p.region(),
                        p.numberType(), p.obfuscated()));
            }
        }
        return out;
    }

    /**
     * The label ("tg", "wa", "ig", "vk", "other") nearest before {@code at} on its line within 40 chars, not reaching
     * back past a digit (which belongs to an earlier number); null if none. With {@code anyWhatsApp}, "wa" wins if
     * present at all ("WhatsApp, Telegram: …"); otherwise WhatsApp labels are passed over (WhatsApp has no @names).
     */
    static String nearestLabel(String text, int at, boolean anyWhatsApp) {
        int from = at;
        while (from > 0 && at - from < 40) {
            char c = text.charAt(from - 1);
            if (c == '\n' || c == '\r' || Character.isDigit(c) || c == '@') {
                break;
            }
            from--;
        }
        Matcher m = LABEL.matcher(text).region(from, at);
        m.useTransparentBounds(true);
        String last = null;
        while (m.find()) {
            String g = m.group("tg") != null ? "tg" : m.group("wa") != null ? "wa" : m.group("ig") != null ? "ig"
                    : m.group("vk") != null ? "vk" : "other";
            if (anyWhatsApp && g.equals("wa")) {
                return g;
            }
            if (!g.equals("wa")) {
                last = g;
            }
        }
        return anyWhatsApp ? null : last;
    }

    private static Entity link(EntityType type, String value, String text, UrlFinder.Link link) {
        return Entity.of(type, value, text, link.start(), link.end(), false);
    }

    private static String stripPrefix(String host) {
        for (String p : new String[] {"www.", "m.", "mobile."}) {
            if (host.startsWith(p) && host.indexOf('.', p.length()) > 0) {
                return host.substring(p.length());
            }
        }
        return host;
    }

    private static String queryParam(String query, String name) {
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equalsIgnoreCase(name)) {
                return kv.substring(eq + 1);
            }
        }
        return null;
    }

    private static String trimDots(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == '.') {
            e--;
        }
        return s.substring(0, e);
    }
}
