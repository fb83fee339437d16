package org.tracelab.core.imagehash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile pictures, all made here: none holds anything real. */
class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void aPngHeaderOfFiftyThousandPixelsSquareIsRefusedBeforeDecoding() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeader(50_000, 50_000));
        ImageRefused e = assertThrows(ImageRefused.class, () -> new ImageDecoder().decode(bomb));
        assertEquals(ImageRefused.Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("50000 x 50000"), e.getMessage());
    }

    @Test
    void aJpegHeaderOfFiftyThousandPixelsSquareIsRefusedBeforeDecoding() throws Exception {
        byte[] jpeg = TestPictures.jpeg(TestPictures.shapes(1, 64, 48), 0.8f);
        int sof = sof(jpeg);
        jpeg[sof + 5] = (byte) (50_000 >> 8);
        jpeg[sof + 6] = (byte) 50_000;
        jpeg[sof + 7] = (byte) (50_000 >> 8);
        jpeg[sof + 8] = (byte) 50_000;
        Path bomb = Files.write(dir.resolve("bomb.jpg"), jpeg);
        assertEquals(ImageRefused.Kind.TOO_LARGE,
                assertThrows(ImageRefused.class, () -> new ImageDecoder().decode(bomb)).kind());
    }

    @Test
    void aTruncatedJpegIsDamaged() throws Exception {
        byte[] jpeg = TestPictures.jpeg(TestPictures.shapes(2, 400, 300), 0.9f);
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        assertEquals(ImageRefused.Kind.DAMAGED,
                assertThrows(ImageRefused.class, () -> new ImageDecoder().decode(cut)).kind());
    }

    @Test
    void textNamedLikeAPictureHasNoDecoder() throws Exception {
        Path fake = Files.writeString(dir.resolve("photo.jpg"), "not a picture at all", StandardCharsets.UTF_8);
        assertEquals(ImageRefused.Kind.UNSUPPORTED,
                assertThrows(ImageRefused.class, () -> new ImageDecoder().decode(fake)).kind());
    }

    @Test
    void aPngNamedJpegIsReadByItsBytes() throws Exception {
        Path misnamed = Files.write(dir.resolve("photo.jpg"), TestPictures.png(TestPictures.shapes(3, 120, 90)));
        assertEquals(120, new ImageDecoder().decode(misnamed).image().getWidth());
    }

    @Test
    void aGifOfTenThousandFramesIsReadByItsFirstFrame() throws Exception {
        Path gif = dir.resolve("many.gif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(gif.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            BufferedImage frame = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED);
            for (int i = 0; i < 10_000; i++) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        assertEquals(4, new ImageDecoder().decode(gif).image().getWidth());
    }

    @Test
    void aLargePictureIsReadSubsampled() throws Exception {
        Path big = Files.write(dir.resolve("big.png"), TestPictures.png(new BufferedImage(6000, 1500,
                BufferedImage.TYPE_BYTE_GRAY)));
        BufferedImage read = new ImageDecoder().decode(big).image();
        assertTrue((long) read.getWidth() * read.getHeight() <= ImageDecoder.DECODE_PIXELS,
                read.getWidth() + " x " + read.getHeight());
        assertEquals(3000, read.getWidth());
    }

    /** A PNG signature and header chunk claiming {@code w x h} RGB pixels, then an empty data chunk and the end. */
    private static byte[] pngHeader(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The offset of the baseline frame header marker (FFC0) in a JPEG. */
    private static int sof(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                return i;
            }
        }
        throw new AssertionError("no SOF0 marker");
    }
}
