package org.tracelab.samples.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.tracelab.samples.Flyer;

/** Letters a recruiter's flyer from its lines ({@link FlyerText}) as the samples' {@link Flyer} draws one. */
final class Flyers {
    private Flyers() {
    }

    /**
     * The flyer with {@code lines} top to bottom: the first as its headline, the last (the fictitious-data notice
     * in the flyer's language) in its band above Flyer's own notice, the others as body text. DejaVu Sans where the
     * machine has it (OCR reads it), else the pixel font.
     */
    static BufferedImage draw(List<String> lines) {
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a flyer has a headline and a notice at least, not " + lines);
        }
        List<Flyer.Line> card = new ArrayList<>();
        card.add(Flyer.Line.headline(lines.get(0)));
        for (String line : lines.subList(1, lines.size() - 1)) {
            card.add(Flyer.Line.body(line));
        }
        List<Flyer.Line> band = List.of(new Flyer.Line(lines.get(lines.size() - 1), 22, true),
                new Flyer.Line(Flyer.FICTITIOUS, 18, false));
        return Flyer.of(card, band).render();
    }
}
