package org.tracelab.samples.photos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.imagehash.ImageDecoder;
import org.tracelab.core.imagehash.Pdq;
import org.tracelab.core.imagehash.PdqHash;
import org.tracelab.core.links.ImageLinks;

/** Photos made by the generator under test: fictitious rooms, buildings and vehicles. */
class PhotoGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedDrawsTheSamePixels() {
        for (PhotoGenerator.Subject s : PhotoGenerator.Subject.values()) {
            assertArrayEquals(pixels(PhotoGenerator.draw(s, 7, 320, 240)), pixels(PhotoGenerator.draw(s, 7, 320, 240)),
                    s.name());
        }
    }

    @Test
    void anotherSeedDrawsAnotherPhoto() {
        assertFalse(java.util.Arrays.equals(pixels(PhotoGenerator.draw(1, 320, 240)),
                pixels(PhotoGenerator.draw(2, 320, 240))));
    }

    @Test
    void webpCopiesDecodeToTheSamePixels() throws Exception {
        for (PhotoGenerator.Subject s : PhotoGenerator.Subject.values()) {
            BufferedImage photo = PhotoGenerator.draw(s, 11, 300, 200);
            byte[] webp = NearCopies.encode(photo, NearCopies.Format.WEBP, 1f);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(webp));
            assertEquals(300, back.getWidth());
            assertArrayEquals(pixels(photo), pixels(back), s.name());
        }
    }

    @Test
    void nearCopiesHashCloseAndOtherPhotosFar() throws Exception {
        BufferedImage photo = PhotoGenerator.draw(PhotoGenerator.Subject.BUILDING, 3, 800, 600);
        PdqHash original = hash(NearCopies.png(photo));
        int jpeg = original.distance(hash(NearCopies.jpeg(photo, 0.3f)));
        int small = original.distance(hash(NearCopies.jpeg(NearCopies.resized(photo, 0.5), 0.7f)));
        int cropped = original.distance(hash(NearCopies.png(NearCopies.cropped(photo, 0.03, 0.5))));
        int other = original.distance(hash(NearCopies.png(PhotoGenerator.draw(PhotoGenerator.Subject.BUILDING, 4,
                800, 600))));
        assertTrue(jpeg <= 16 && small <= 16 && cropped <= 31, jpeg + " " + small + " " + cropped);
        assertTrue(other > 31, "distinct photos " + other);
    }

    @Test
    void repostsStayWithinTheLinksDistanceOfTheirPhoto() throws Exception {
        for (long seed = 1; seed <= 6; seed++) {
            BufferedImage photo = PhotoGenerator.draw(seed, 640, 480);
            NearCopies.Repost r = NearCopies.repost(photo, seed * 31);
            int d = hash(NearCopies.png(photo)).distance(hash(r.bytes()));
            assertTrue(d <= ImageLinks.MAX_DISTANCE, r.how() + ": " + d);
            assertArrayEquals(r.bytes(), NearCopies.repost(photo, seed * 31).bytes(), "deterministic");
        }
    }

    @Test
    void aRepostersMarkAlongTheFootKeepsThePhotoNear() throws Exception {
        BufferedImage photo = PhotoGenerator.draw(PhotoGenerator.Subject.ROOM, 5, 400, 300);
        BufferedImage marked = NearCopies.watermarked(photo, "ISH BOR", 0.4, true);
        int d = hash(NearCopies.png(photo)).distance(hash(NearCopies.png(marked)));

        assertTrue(d > 0 && d <= 31, "marked copy at " + d);
        assertEquals(photo.getWidth(), marked.getWidth());
        assertNotEquals(photo.getRGB(390, 295), marked.getRGB(390, 295), "the strip is at the right foot");
        assertEquals(photo.getRGB(10, 295), marked.getRGB(10, 295), "and not at the left");
    }

    private PdqHash hash(byte[] file) throws Exception {
        Path p = Files.write(dir.resolve("p" + System.nanoTime()), file);
        return Pdq.hash(new ImageDecoder().decode(p).image()).hash();
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
