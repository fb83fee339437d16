package org.tracelab.samples.internal;

import java.util.Locale;
import java.util.Objects;
import org.tracelab.samples.Language;
import org.tracelab.samples.photos.PhotoGenerator;

/**
 * One picture an ad shows, decided before it is drawn: a photo (a room, a building, a vehicle: never people) or a
 * recruiter's flyer whose text carries a contact.
 *
 * @param path     where the site serves it, relative to the site root, e.g. {@code media/ad000042-1.jpg}
 * @param kind     photo or flyer
 * @param picture  the picture it shows: the same for every near copy of one photo, and for every flyer of one
 *                 recruiter (it names the tie in the answer key)
 * @param seed     what the drawing follows from: the original photo's seed, the flyer's layout
 * @param subject  what a photo shows (a room, a building, a vehicle); null for a flyer
 * @param copy     how a reused photo was altered in this ad; {@link Copy#NONE} for an original
 * @param flyer    what a flyer says (language and contact); null for a photo
 */
public record PicturePlan(String path, Kind kind, String picture, long seed, PhotoGenerator.Subject subject,
                          Copy copy, Flyer flyer) {
    /** What a picture is. */
    public enum Kind {
        /** A photo of a place or a thing. */
        PHOTO,
        /** A recruiter's flyer: text on a picture, its contact in the text. */
        FLYER;

        /** The word the answer key uses. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How a photo reused in another ad was altered, as re-uploading does: scaled, cropped a little, recompressed.
     *
     * @param scale     the factor the picture was resized by (1 for none)
     * @param crop      the share of width and height cut away (0 for none)
     * @param leftShare how the crop is split between left/top and right/bottom
     * @param quality   the JPEG quality it was saved at
     */
    public record Copy(double scale, double crop, double leftShare, float quality) {
        /** An original, saved as sites save uploads. */
        public static final Copy NONE = new Copy(1, 0, 0.5, 0.82f);

        /** Checks the bounds the drawing accepts. */
        public Copy {
            if (scale < 0.1 || scale > 4 || crop < 0 || crop > 0.25 || leftShare < 0 || leftShare > 1
                    || quality < 0.05f || quality > 1) {
                throw new IllegalArgumentException("copy out of bounds: " + scale + ", " + crop + ", " + leftShare
                        + ", " + quality);
            }
        }

        /** What was done, for the answer key. */
        public String describe() {
            return String.format(Locale.ROOT, "scaled %.2f, cropped %.0f%%, JPEG quality %.2f", scale, crop * 100,
                    quality);
        }
    }

    /**
     * What a flyer says.
     *
     * @param language the language and script of its text (Uzbek in Latin or Cyrillic, Russian)
     * @param contact  the contact its text carries
     */
    public record Flyer(Language language, Contact contact) {
        /** Checks both are given. */
        public Flyer {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(contact, "contact");
        }
    }

    /** Checks that a flyer says something and a photo does not. */
    public PicturePlan {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(copy, "copy");
        if ((kind == Kind.FLYER) != (flyer != null) || (kind == Kind.PHOTO) != (subject != null)) {
            throw new IllegalArgumentException("a flyer and only a flyer says something: " + path);
        }
    }
}
