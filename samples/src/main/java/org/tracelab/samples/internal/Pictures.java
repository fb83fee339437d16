package org.tracelab.samples.internal;

import java.awt.image.BufferedImage;
import java.util.HexFormat;
import org.tracelab.samples.photos.NearCopies;
import org.tracelab.samples.photos.PhotoGenerator;

/**
 * The bytes of each picture a scenario serves: photos drawn by {@link PhotoGenerator} and altered as re-uploads alter
 * them ({@link NearCopies}), flyers lettered.
 */
public final class Pictures {
    /** The size photos are drawn at, as a site's upload form scales them. */
    static final int PHOTO_WIDTH = 400;
    static final int PHOTO_HEIGHT = 300;
    /** A transparent 1x1 GIF: the placeholder lazy-loading pages show until a script swaps the photo in. */
    public static final byte[] BLANK_GIF = HexFormat.of().parseHex(
            "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b");

    private Pictures() {
    }

    /** The file's bytes: a JPEG for a photo, a PNG for a flyer; the same plan always gives the same bytes. */
    public static byte[] bytes(PicturePlan p) {
        return switch (p.kind()) {
            case PHOTO -> photo(p);
            case FLYER -> NearCopies.png(Flyers.draw(FlyerText.lines(p.flyer(), p.seed())));
        };
    }

    private static byte[] photo(PicturePlan p) {
        BufferedImage img = PhotoGenerator.draw(p.subject(), p.seed(), PHOTO_WIDTH, PHOTO_HEIGHT);
        return p.copy().bytes(img);
    }
}
