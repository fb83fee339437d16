package org.tracelab.collectors.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PictureUrlsTest {
    private static final String BASE = "http://lab.example/ads/ad000001.html";

    private static List<String> found(String html) {
        Document doc = Jsoup.parse(html, BASE);
        return PictureUrls.in(doc.body()).stream().map(URI::toString).toList();
    }

    @Test
    void lazyLoadedImagesGiveTheirRealAddressNotThePlaceholder() {
        assertEquals(List.of("http://lab.example/media/room.jpg"),
                found("<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/media/room.jpg\">"));
        assertEquals(List.of("http://lab.example/media/hall.jpg"),
                found("<img src=\"/static/blank.gif\" data-src=\"../media/hall.jpg\" loading=\"lazy\">"));
    }

    @Test
    void aSrcsetGivesItsLargestCandidateCommasInsideAddressesKept() {
        assertEquals(List.of("http://lab.example/cdn/w=1200,q=80/p/1.jpg"),
                found("<img src=\"/cdn/w=320,q=80/p/1.jpg\" srcset=\"/cdn/w=320,q=80/p/1.jpg 320w,"
                        + " /cdn/w=1200,q=80/p/1.jpg 1200w, /cdn/w=640,q=80/p/1.jpg 640w\">"));
        assertEquals(List.of("http://lab.example/p/2@2x.jpg"),
                found("<img srcset=\"/p/2.jpg 1x, /p/2@2x.jpg 2x\">"));
        assertEquals(List.of("http://lab.example/p/big.webp", "http://lab.example/p/fallback.jpg"),
                found("<picture><source srcset=\"/p/small.webp 400w, /p/big.webp 1600w\" type=\"image/webp\">"
                        + "<img src=\"/p/fallback.jpg\"></picture>"));
    }

    @Test
    void backgroundImagesInStylesAreReadAsTelegramDrawsItsPhotos() {
        assertEquals(Optional.of("https://cdn4.telesco.pe/file/abc.jpg"), PictureUrls.background(
                "width:800px;background-image:url('https://cdn4.telesco.pe/file/abc.jpg')"));
        assertEquals(Optional.of("/x.png"), PictureUrls.background("background: #fff url(\"/x.png\") no-repeat"));
        assertEquals(Optional.empty(), PictureUrls.background("color:red"));
        assertEquals(List.of("https://cdn4.telesco.pe/file/abc.jpg"), found("<a class=\"tgme_widget_message_photo_wrap\""
                + " style=\"width:800px;background-image:url('https://cdn4.telesco.pe/file/abc.jpg')\"></a>"));
    }

    @Test
    void repeatsNonHttpAndEmptyAddressesAreLeftOut() {
        assertEquals(List.of("http://lab.example/a.jpg"), found("<img src=\"/a.jpg\"><img src=\"/a.jpg#x\">"
                + "<img src=\"\"><img src=\"javascript:alert(1)\"><img src=\"data:image/png;base64,AAAA\">"
                + "<img src=\"ftp://lab.example/b.jpg\">"));
    }
}
