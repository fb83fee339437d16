package org.tracelab.core.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.tracelab.core.internal.DocumentOrder;
import org.tracelab.core.internal.KeptAnswers;

/**
 * The main content of an HTML page, the text a reader would call the page's text, without its furniture (menus,
 * footers, cookie banners, share bars, "related" blocks). Mozilla Readability's algorithm on jsoup: paragraphs
 * score their ancestors by length and commas, candidates are discounted by their link density and weighted by
 * class and id hints, the best one is widened to its scoring siblings and then cleaned of link-heavy and
 * form-like blocks; when that leaves too little text the run is repeated with fewer of those rules. Consumes the
 * document it is given.
 */
public final class MainText {
    /** Below this many characters a run is retried with fewer rules, as Readability does. */
    static final int ENOUGH_CHARS = 500;
    /** Pages with more elements, or nested deeper, get no main text: their full text serves. */
    static final int MAX_ELEMENTS = 50_000;
    static final int MAX_DEPTH = 256;
    private static final int TOP_CANDIDATES = 5;
    private static final int MIN_TOP_CANDIDATES = 3;

    private static final LiteralAlternatives UNLIKELY = new LiteralAlternatives("-ad-|ai2html|banner|breadcrumbs"
            + "|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies"
            + "|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup"
            + "|yom-remote|cookie|consent|newsletter|subscribe|share|sharing|signup|promo|outbrain|taboola"
            + "|breaking-news|trending|most-popular|paywall");
    private static final LiteralAlternatives MAYBE_CANDIDATE =
            new LiteralAlternatives("and|article|body|column|content|main|shadow");
    private static final LiteralAlternatives POSITIVE = new LiteralAlternatives("article|body|content|entry|hentry"
            + "|h-entry|main|page|pagination|post|text|blog|story");
    private static final LiteralAlternatives NEGATIVE = new LiteralAlternatives("-ad-|hidden|^hid$| hid$| hid |^hid "
            + "|banner|combx|comment|com-|footer|gdpr|masthead|media|outbrain|promo|related|scroll|share|shoutbox"
            + "|sidebar|skyscraper|sponsor|shopping|tags|widget|cookie|consent|newsletter|byline|author|caption"
            + "|credit|toolbar|subscribe");
    /** Small blocks that introduce, credit or point away from the text rather than being it. */
    // Not "ad", "meta" or "contact": on a classifieds site the ad, its price and place and its contacts are the text.
    private static final LiteralAlternatives FURNITURE = new LiteralAlternatives("caption|credit|byline|dateline"
            + "|timestamp|author|share|social|related|advert|promo|newsletter|breadcrumb|crumbs|tags");
    private static final int FURNITURE_CHARS = 250;
    /** Never the page's own text, whatever the attempt: comments, consent banners, share bars, "similar" blocks. */
    private static final LiteralAlternatives NEVER =
            new LiteralAlternatives("comment|disqus|cookie|consent|gdpr|share|sharing|similar");
    /**
     * Which hint patterns a class or id matches, by the string, the least recently used dropped first: templates
     * repeat their classes on every page, and a page's own ids recur through its passes.
     */
    private static final KeptAnswers<String, Integer> HINTS = new KeptAnswers<>(10_000);
    static final int IS_UNLIKELY = 1;
    static final int IS_MAYBE_CANDIDATE = 2;
    static final int IS_POSITIVE = 4;
    static final int IS_NEGATIVE = 8;
    static final int IS_FURNITURE = 16;
    static final int IS_NEVER = 32;
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private static final List<String> UNLIKELY_ROLES = List.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog", "banner", "contentinfo", "search");
    /**
     * Tags never the page's text, and figures' captions: the names jsoup's query of them matches by (an element's
     * normal name), looked up at once rather than compared one by one.
     */
    private static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "iframe", "svg",
            "canvas", "object", "embed", "button", "input", "select", "textarea", "nav", "aside", "footer", "dialog",
            "link", "meta", "head", "figcaption");
    // Queries parsed once, not for every element of every page; jsoup's evaluators are safe to share between threads.
    private static final Evaluator MEDIA = QueryParser.parse("img, picture, video");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator TOP_HEADINGS = QueryParser.parse("h1, h2, h3");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");
    /** The blocks the cleaning judges, in the order it judges their tags. */
    private static final List<String> CLEANED = List.of("form", "fieldset", "table", "ul", "ol", "div", "section");
    private static final Set<String> TO_SCORE = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    private static final Set<String> BLOCKS = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre",
            "table", "ul", "section", "article", "header", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "li");

    private final boolean stripUnlikely;
    private final boolean weighClasses;
    private final boolean cleanConditionally;
    /**
     * Whether the cleaning reads texts, and the blocks of each tag it judges, from one walk of the article, or walks
     * again for each block it asks about and each tag.
     */
    private final boolean walkOnce;
    private final Map<Element, Double> scores = new IdentityHashMap<>();
    // Whether each rule changed anything in this run: a rule that never did leaves the next, laxer run the same.
    private boolean stripped;
    private boolean weighed;
    private boolean cleaned;
    /** The texts of the tree while it holds still (from scoring to gathering); null while it changes. */
    private PageText texts;
    /** While cleaning: the article's texts from one walk, and the elements whose text a removal has changed since. */
    private PageText cleanTexts;
    private final Set<Element> changed = Collections.newSetFromMap(new IdentityHashMap<>());

    private MainText(boolean stripUnlikely, boolean weighClasses, boolean cleanConditionally, boolean walkOnce) {
        this.stripUnlikely = stripUnlikely;
        this.weighClasses = weighClasses;
        this.cleanConditionally = cleanConditionally;
        this.walkOnce = walkOnce;
    }

    /**
     * The body as the attempts that keep unlikely blocks prepare it, with what they score and its texts: their
     * preparing does not depend on the rules they relax, so it is done once, and they read it without changing it
     * (each cleans a copy of its own article).
     */
    private record Prepared(Element body, List<Element> toScore, PageText texts) {
    }

    /**
     * The main text of {@code doc}, blocks separated by line breaks; empty when the page is too deep or too large to
     * judge within bounds (its full text then serves). The document is changed (furniture removed): take its full
     * text first.
     */
    public static Optional<String> of(Document doc) {
        return of(doc, true);
    }

    /**
     * {@link #of} as it was before session 19: every attempt prepares, scores and cleans its own copy of the body,
     * and the cleaning walks each block it asks about and the article for each tag it judges (one walk since session
     * 21). Kept as the specification that {@code MainTextSharedTest} holds the shared way to.
     */
    static Optional<String> eachOnItsOwnCopy(Document doc) {
        return of(doc, false);
    }

    private static Optional<String> of(Document doc, boolean share) {
        Element body = doc.body();
        if (body == null) {
            return Optional.of("");
        }
        if (!withinBounds(body)) {
            return Optional.empty();
        }
        removeNeverText(body);
        // The rules are relaxed one by one while the result stays too short. An attempt that relaxes only rules which
        // changed nothing in the last run would repeat it, and is skipped. The first attempt strips the unlikely
        // blocks from a copy of its own; the later ones keep them, and share the body prepared once (an ad's text is
        // under the length that ends the attempts: most ads run three).
        String best = "";
        boolean[][] attempts = {{true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
        MainText last = null;
        Prepared lax = null;
        for (boolean[] flags : attempts) {
            if (last != null && last.sameAs(flags[0], flags[1], flags[2])) {
                continue;
            }
            last = new MainText(flags[0], flags[1], flags[2], share);
            String text;
            if (!share || flags[0]) {
                text = last.extract(body.clone());
            } else {
                if (lax == null) {
                    lax = last.prepare(standAlone(body)); // the document is consumed: the body itself serves
                }
                text = last.extract(lax);
            }
            if (text.length() >= ENOUGH_CHARS) {
                return Optional.of(text);
            }
            if (text.length() > best.length()) {
                best = text;
            }
        }
        return Optional.of(best);
    }

    /**
     * {@code body} placed as jsoup places a copy of it: under an empty copy of its document, or alone when it has none
     * (a hidden body, already taken out). The scoring climbs to the root's child, so the body scores as a copy's does,
     * and never the html element.
     */
    private static Element standAlone(Element body) {
        Document owner = body.ownerDocument();
        body.remove();
        if (owner != null) {
            owner.shallowClone().appendChild(body);
        }
        return body;
    }

    /** True when a run with these rules would take exactly the steps this run took: the rules it drops did nothing. */
    private boolean sameAs(boolean strip, boolean weigh, boolean clean) {
        return (strip == stripUnlikely || !stripped) && (weigh == weighClasses || !weighed)
                && (clean == cleanConditionally || !cleaned);
    }

    /**
     * True when the page is shallow and small enough for the scoring, whose passes walk subtrees (time grows with
     * elements times depth); real pages are far inside, pages built to hurt (100,000 nested divs) are not.
     */
    private static boolean withinBounds(Element body) {
        int[] elements = {0};
        int[] depth = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int d) {
                if (node instanceof Element) {
                    elements[0]++;
                    depth[0] = Math.max(depth[0], d);
                }
                return elements[0] > MAX_ELEMENTS || depth[0] > MAX_DEPTH ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int d) {
                return FilterResult.CONTINUE;
            }
        }, body);
        return elements[0] <= MAX_ELEMENTS && depth[0] <= MAX_DEPTH;
    }

    /** The main text of a body of this attempt's own, which it changes. */
    private String extract(Element body) {
        return extract(prepare(body), false);
    }

    /** The main text of a prepared body shared with other attempts, which it leaves as it is. */
    private String extract(Prepared prepared) {
        return extract(prepared, true);
    }

    private String extract(Prepared prepared, boolean shared) {
        Element body = prepared.body();
        List<Element> candidates = new ArrayList<>();
        texts = prepared.texts();
        for (Element e : prepared.toScore()) {
            if (e.parent() == null) {
                continue;
            }
            String text = text(e);
            if (text.length() < 25) {
                continue;
            }
            double contentScore = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element ancestor = e.parent();
            for (int level = 0; level < 5 && ancestor != null && ancestor.parent() != null; level++) {
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor));
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, contentScore / divider, Double::sum);
                ancestor = ancestor.parent();
            }
        }
        for (Element c : candidates) {
            scores.put(c, scores.get(c) * (1 - linkDensity(c)));
        }
        candidates.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        List<Element> top = candidates.subList(0, Math.min(TOP_CANDIDATES, candidates.size()));
        Element best = top.isEmpty() ? null : top.get(0);
        if (best == null || best == body) {
            texts = null;
            return blockText(body);
        }
        best = widen(best, top, body);
        Element article = gatherSiblings(best, shared);
        texts = null;
        clean(article);
        return blockText(article);
    }

    /** {@link #prepare(Element, List)} of {@code body}, with the texts of the result. */
    private Prepared prepare(Element body) {
        List<Element> toScore = new ArrayList<>();
        prepare(body, toScore);
        return new Prepared(body, toScore, PageText.of(body));
    }

    /** Removes unlikely blocks and lists what to score, turning runs of loose text in a div into paragraphs. */
    private void prepare(Element body, List<Element> toScore) {
        Element e = body.firstElementChild();
        while (e != null) {
            String tag = e.normalName();
            int hints = stripUnlikely ? hints(e) : 0; // looked up once for the three hints the stripping reads
            if (stripUnlikely && !tag.equals("body") && !tag.equals("a") && !tag.equals("article")
                    && !tag.equals("main") && (unlikelyRole(e) || (hints & IS_UNLIKELY) != 0
                    && (hints & IS_MAYBE_CANDIDATE) == 0 && !hasAncestor(e, "table", "code"))) {
                stripped = true;
                e = removeAndNext(e, body);
                continue;
            }
            if (stripUnlikely && isFurniture(e, hints)) {
                stripped = true;
                e = removeAndNext(e, body);
                continue;
            }
            if ((tag.equals("div") || tag.equals("section") || tag.equals("header") || isHeading(tag))
                    && !e.hasText() && !has(e, MEDIA)) {
                e = removeAndNext(e, body);
                continue;
            }
            if (TO_SCORE.contains(tag)) {
                toScore.add(e);
            }
            if (tag.equals("div")) {
                wrapLooseText(e);
                if (!hasBlockChild(e)) {
                    toScore.add(e);
                }
            }
            e = DocumentOrder.next(e, body);
        }
    }

    /** Furniture by its tag or its {@code hints} ({@link #hints}), and short. */
    private static boolean isFurniture(Element e, int hints) {
        return ((hints & IS_FURNITURE) != 0 || e.nameIs("time"))
                && PageText.elementText(e).length() < FURNITURE_CHARS && !e.nameIs("body");
    }

    private static boolean unlikelyRole(Element e) {
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        return !role.isEmpty() && UNLIKELY_ROLES.contains(role);
    }

    /** Wraps runs of text and inline elements directly under {@code div}, beside blocks, in paragraphs. */
    private static void wrapLooseText(Element div) {
        if (!hasBlockChild(div)) {
            return;
        }
        List<Node> run = new ArrayList<>();
        for (Node n : new ArrayList<>(div.childNodes())) {
            // An inline element the parser wrapped around blocks (a <b> left open over a div) is not phrasing.
            boolean phrasing = n instanceof TextNode
                    || n instanceof Element el && !isBlock(el) && !el.nameIs("br") && !hasBlockChild(el);
            if (phrasing) {
                run.add(n);
            } else {
                wrap(run);
                run.clear();
            }
        }
        wrap(run);
    }

    private static void wrap(List<Node> run) {
        StringBuilder text = new StringBuilder();
        for (Node n : run) {
            if (n instanceof TextNode t) {
                PageText.appendCollapsed(text, t.getWholeText(), false); // TextNode.text()
            } else {
                text.append(PageText.elementText((Element) n));
            }
        }
        if (text.toString().isBlank()) {
            return;
        }
        Element p = new Element("p");
        run.get(0).before(p);
        for (Node n : run) {
            p.appendChild(n);
        }
    }

    private static boolean hasBlockChild(Element e) {
        for (Element c = e.firstElementChild(); c != null; c = c.nextElementSibling()) {
            if (isBlock(c) || hasBlockChild(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    private static boolean isBlock(Element e) {
        return BLOCKS.contains(e.normalName());
    }

    private double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(e);
    }

    private int classWeight(Element e) {
        if (!weighClasses) {
            return 0;
        }
        int weight = 0;
        for (String s : List.of(e.className(), e.id())) {
            if (s.isEmpty()) {
                continue;
            }
            int hints = hints(s);
            if ((hints & IS_NEGATIVE) != 0) {
                weight -= 25;
            }
            if ((hints & IS_POSITIVE) != 0) {
                weight += 25;
            }
        }
        if (e.nameIs("article") || e.nameIs("main") || e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            weight += 25;
        }
        weighed |= weight != 0;
        return weight;
    }

    /** Climbs from the best candidate to an ancestor that holds more of the article, as Readability does. */
    private Element widen(Element best, List<Element> top, Element body) {
        double bestScore = scores.get(best);
        List<Element> alternatives = new ArrayList<>();
        for (Element c : top.subList(1, top.size())) {
            if (scores.get(c) / bestScore >= 0.75) {
                alternatives.add(c);
            }
        }
        if (alternatives.size() >= MIN_TOP_CANDIDATES) {
            Element parent = best.parent();
            while (parent != null && parent != body) {
                int lists = 0;
                for (Element a : alternatives) {
                    if (isAncestor(parent, a)) {
                        lists++;
                    }
                }
                if (lists >= MIN_TOP_CANDIDATES) {
                    best = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        scores.putIfAbsent(best, initialScore(best));
        Element parent = best.parent();
        double last = scores.get(best);
        double threshold = last / 3;
        while (parent != null && parent != body) {
            Double parentScore = scores.get(parent);
            if (parentScore == null) {
                parent = parent.parent();
                continue;
            }
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > last) {
                best = parent;
                break;
            }
            last = parentScore;
            parent = parent.parent();
        }
        parent = best.parent();
        while (parent != null && parent != body && onlyChild(parent)) {
            best = parent;
            parent = best.parent();
        }
        scores.putIfAbsent(best, initialScore(best));
        return best;
    }

    /** Whether {@code e.childrenSize() == 1}, without the list of children jsoup streams to count them. */
    static boolean onlyChild(Element e) {
        Element first = e.firstElementChild();
        return first != null && first.nextElementSibling() == null;
    }

    /** Whether {@code e.parents().contains(ancestor)}, without the list of parents (which ends below the document). */
    static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null && !p.nameIs("#root"); p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * The best candidate with those of its siblings that score well or read as paragraphs of the same text; moved
     * into the article, or copied there from a {@code shared} tree.
     */
    private Element gatherSiblings(Element best, boolean shared) {
        Element parent = best.parent();
        if (parent == null) {
            return shared ? copy(best) : best;
        }
        double bestScore = scores.get(best);
        double threshold = Math.max(10, bestScore * 0.2);
        Element article = new Element("div");
        // The siblings one after another rather than jsoup's list of them (streamed and kept on the parent); the next
        // is taken before a kept one moves into the article.
        for (Element sibling = parent.firstElementChild(), next; sibling != null; sibling = next) {
            next = sibling.nextElementSibling();
            boolean keep = sibling == best;
            if (!keep) {
                double bonus = !best.className().isEmpty() && sibling.className().equals(best.className())
                        ? bestScore * 0.2 : 0;
                Double score = scores.get(sibling);
                if (score != null && score + bonus >= threshold) {
                    keep = true;
                } else if (sibling.nameIs("p")) {
                    String text = text(sibling);
                    double density = linkDensity(sibling);
                    keep = text.length() > 80 && density < 0.25
                            || !text.isEmpty() && text.length() <= 80 && density == 0
                            && SENTENCE_END.matcher(text).find();
                } else {
                    // The heading, facts and contacts around an ad's text are part of it: a block of plain words
                    // beside the best candidate, not links, not marked as furniture.
                    keep = sibling.hasText() && linkDensity(sibling) == 0 && classWeight(sibling) >= 0;
                }
            }
            if (keep) {
                article.appendChild(shared ? copy(sibling) : sibling);
            }
        }
        return article;
    }

    /** A copy of {@code e}'s subtree whose elements keep the scores of those they copy, as the cleaning asks them. */
    private Element copy(Element e) {
        Element copy = e.clone();
        // The two trees have the same shape: walked side by side, each element meets its copy.
        for (Element o = e, c = copy; o != null; o = DocumentOrder.next(o, e), c = DocumentOrder.next(c, copy)) {
            Double score = scores.get(o);
            if (score != null) {
                scores.put(c, score);
            }
        }
        return copy;
    }

    /** Removes what is left of furniture inside the article: link lists, forms, headings that say "share". */
    private void clean(Element article) {
        for (Element h : select(article, TOP_HEADINGS)) {
            if (classWeight(h) < 0) {
                h.remove();
            }
        }
        if (walkOnce) {
            cleanTexts = PageText.elementTexts(article);
        }
        if (cleanConditionally) {
            // Each tag's blocks as byTag would list them after the removals of the tags before it: listed by one walk,
            // less those a removal has since taken out of the article (judging those would change nothing seen, as
            // the removal that took them out already marked the run as cleaned, but the walk per tag never judged
            // them); the specification walks again for each tag.
            List<List<Element>> byTags = walkOnce ? byTags(article, CLEANED) : null;
            for (int t = 0; t < CLEANED.size(); t++) {
                List<Element> found = walkOnce ? byTags.get(t) : byTag(article, CLEANED.get(t));
                for (int i = found.size() - 1; i >= 0; i--) {
                    Element e = found.get(i);
                    if (e.parent() != null && e != article && within(e, article) && shouldRemove(e)) {
                        cleaned = true;
                        removeCleaned(e);
                    }
                }
            }
        }
        for (Element p : select(article, PARAGRAPHS)) {
            if (text(p).isBlank() && !has(p, MEDIA)) {
                removeCleaned(p);
            }
        }
        cleanTexts = null;
        changed.clear();
    }

    /** Whether {@code e} is still in {@code root}'s tree: nothing on its way up has been taken out. */
    private static boolean within(Element e, Element root) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    /** Removes {@code e}, noting that the texts of its ancestors are no longer those of the cleaning's walk. */
    private void removeCleaned(Element e) {
        // An ancestor already noted has had its own ancestors noted with it.
        Element p = e.parent();
        while (p != null && changed.add(p)) {
            p = p.parent();
        }
        e.remove();
    }

    private boolean shouldRemove(Element e) {
        if (hasAncestor(e, "code", "pre")) {
            return false;
        }
        int weight = classWeight(e);
        double score = scores.getOrDefault(e, 0.0);
        if (weight + score < 0) {
            return true;
        }
        String text = text(e);
        if (commas(text) >= 10) {
            return false;
        }
        boolean list = e.nameIs("ul") || e.nameIs("ol");
        // One walk of the block (itself included, in document order, as getElementsByTag counts) for what
        // Readability counts in it, rather than one walk per count.
        int p = 0;
        int img = 0;
        int li = -100;
        int inputs = 0;
        int embeds = 0;
        List<Element> links = new ArrayList<>();
        for (Element x = e; x != null; x = DocumentOrder.next(x, e)) {
            switch (x.normalName()) {
                case "p" -> p++;
                case "img" -> img++;
                case "li" -> li++;
                case "input" -> inputs++;
                case "a" -> links.add(x);
                case "object", "embed", "iframe", "video" -> embeds++; // what "object, embed, iframe, video" selects
                default -> { }
            }
        }
        int length = text.length();
        double density = linkDensity(length, links);
        boolean inFigure = hasAncestor(e, "figure");
        return img > 1 && (double) p / img < 0.5 && !inFigure
                || !list && li > p
                || inputs > p / 3
                || !list && length < 25 && headingDensity(e, length) < 0.9 && (img == 0 || img > 2) && !inFigure
                || !list && weight < 25 && density > 0.2
                || weight >= 25 && density > 0.5
                || embeds == 1 && length < 75 || embeds > 1;
    }

    /** Share of an element's text that sits in headings (asked only of short blocks: it walks the block again). */
    private static double headingDensity(Element e, int length) {
        return length == 0 ? 0 : (double) new Elements(select(e, HEADINGS)).text().length() / length;
    }

    /** Share of an element's text that sits inside links; in-page links ({@code #…}) count for less. */
    private double linkDensity(Element e) {
        return linkDensity(textLength(e), byTag(e, "a"));
    }

    /** {@link #linkDensity(Element)} of an element whose text is {@code length} long and holds {@code anchors}. */
    private double linkDensity(int length, List<Element> anchors) {
        if (length == 0) {
            return 0;
        }
        double links = 0;
        for (Element a : anchors) {
            double coefficient = a.attr("href").startsWith("#") ? 0.3 : 1;
            links += textLength(a) * coefficient;
        }
        return links / length;
    }

    /**
     * The element's text: from the one walk of the tree while it holds still, where candidates nest; while cleaning,
     * from the walk of the article unless a removal inside the element has changed it since.
     */
    private String text(Element e) {
        PageText walked = walked(e);
        String t = walked == null ? null : walked.text(e);
        return t == null ? PageText.elementText(e) : t;
    }

    /** The length of {@link #text(Element)}. */
    private int textLength(Element e) {
        PageText walked = walked(e);
        int n = walked == null ? -1 : walked.length(e);
        return n < 0 ? PageText.elementText(e).length() : n;
    }

    private PageText walked(Element e) {
        return texts != null ? texts : changed.contains(e) ? null : cleanTexts;
    }

    private static boolean hasAncestor(Element e, String... tags) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            for (String t : tags) {
                if (p.nameIs(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Removes what is never the page's text, in one walk: elements that are never content, figures' captions, hidden
     * elements, and those whose class or id is hinted as never the text. What four queries and their removals did one
     * after another ({@code MainTextWalksTest} holds it to them): each decides by the element alone, and whatever
     * lies inside a removed element goes with it, so the walk need not enter it. The root itself is only ever hidden
     * or hinted (a body or frameset); it leaves its parent then, and its children are still judged.
     */
    static void removeNeverText(Element body) {
        if (body.parent() != null && (hidden(body) || hint(body, IS_NEVER))) {
            body.remove();
        }
        Element e = body.firstElementChild();
        while (e != null) {
            if (NEVER_CONTENT.contains(e.normalName()) || hidden(e) || hint(e, IS_NEVER)) {
                e = removeAndNext(e, body);
            } else {
                e = DocumentOrder.next(e, body);
            }
        }
    }

    /** Hidden by its attributes: {@code hidden}, {@code aria-hidden="true"}, or a style that hides it. */
    private static boolean hidden(Element e) {
        return e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")
                || HIDDEN_STYLE.matcher(asciiLower(e.attr("style"))).find();
    }


    private static Element removeAndNext(Element e, Element root) {
        Element after = DocumentOrder.skip(e, root);
        e.remove();
        return after;
    }

    /** The commas of {@code text}, in the scripts that write them differently (Arabic, Chinese, small forms). */
    static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case ',', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C' -> n++;
                default -> { }
            }
        }
        return n;
    }

    /**
     * Whether an element's class and id, read as one string ({@code class + " " + id}, as Readability reads them),
     * match the hint pattern {@code which}, one of the bits of patterns written without spaces or anchors: a match in
     * the joined string then lies in the class or in the id, never across the space, so the two are looked up apart
     * and a template's classes stay known however many pages give their ads an id of their own. (NEGATIVE's
     * {@code ^hid$}-like alternatives are read on the class and the id alone, in {@link #classWeight}.)
     */
    static boolean hint(Element e, int which) {
        return (hints(e.className()) & which) != 0 || (hints(e.id()) & which) != 0;
    }

    /** The hint patterns an element's class or id matches, as {@code IS_} bits: {@link #hint} of every pattern at once. */
    static int hints(Element e) {
        return hints(e.className()) | hints(e.id());
    }

    /** The hint patterns {@code classOrId} matches, as {@code IS_} bits, from the kept answers. */
    private static int hints(String classOrId) {
        if (classOrId.isEmpty()) {
            return 0; // none of the patterns matches an empty string
        }
        return HINTS.get(classOrId, MainText::hintBits);
    }

    static int hintBits(String classOrId) {
        // The patterns are written in lower case: lower-casing ASCII is what CASE_INSENSITIVE would do, once.
        String s = asciiLower(classOrId);
        return (UNLIKELY.foundIn(s) ? IS_UNLIKELY : 0)
                | (MAYBE_CANDIDATE.foundIn(s) ? IS_MAYBE_CANDIDATE : 0)
                | (POSITIVE.foundIn(s) ? IS_POSITIVE : 0)
                | (NEGATIVE.foundIn(s) ? IS_NEGATIVE : 0)
                | (FURNITURE.foundIn(s) ? IS_FURNITURE : 0)
                | (NEVER.foundIn(s) ? IS_NEVER : 0);
    }

    /**
     * The elements of {@code root}'s subtree, {@code root} first, in document order, that {@code query} matches: what
     * {@code root.select(query)} gives, without the stream jsoup builds for each call (a third of main text's time
     * under C1, session 12's profile).
     */
    static List<Element> select(Element root, Evaluator query) {
        List<Element> out = new ArrayList<>();
        for (Element e = root; e != null; e = DocumentOrder.next(e, root)) {
            if (query.matches(root, e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** What {@code root.getElementsByTag(tag)} gives, for a tag name in lower case. */
    static List<Element> byTag(Element root, String tag) {
        List<Element> out = new ArrayList<>();
        for (Element e = root; e != null; e = DocumentOrder.next(e, root)) {
            if (e.nameIs(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@link #byTag} of each of {@code tags} (names in lower case), from one walk. */
    static List<List<Element>> byTags(Element root, List<String> tags) {
        List<List<Element>> out = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            out.add(new ArrayList<>());
        }
        for (Element e = root; e != null; e = DocumentOrder.next(e, root)) {
            int i = tags.indexOf(e.normalName());
            if (i >= 0) {
                out.get(i).add(e);
            }
        }
        return out;
    }

    /** What {@code root.selectFirst(query)} gives: the first element {@link #select} would list, or null. */
    static Element first(Element root, Evaluator query) {
        for (Element e = root; e != null; e = DocumentOrder.next(e, root)) {
            if (query.matches(root, e)) {
                return e;
            }
        }
        return null;
    }

    /** Whether {@code root.select(query)} would find anything, stopping at the first. */
    static boolean has(Element root, Evaluator query) {
        return first(root, query) != null;
    }

    /**
     * ASCII letters in lower case, others as they are: what a case-insensitive pattern without Unicode case folding
     * matches, without folding every character at every attempted offset.
     */
    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** Text with a line break between blocks, so that paragraphs never run together. */
    static String blockText(Element root) {
        return BlockText.of(root);
    }
}
