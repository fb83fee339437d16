package org.tracelab.core.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lingua's steps run on the calling thread give what Lingua's own call gives, for every model and sample length. */
class LinguaTrigramsTest {
    /** Fictitious job-offer lines and short bits the rules decide alone (a script, one letter, digits only). */
    private static final List<String> TEXTS = List.of(
            "Nous recherchons des serveurs pour un hôtel à Dubaï, billet d'avion payé par l'employeur",
            "Buscamos personal de limpieza para trabajar en España, contrato y alojamiento incluidos",
            "Poszukujemy pracowników do fabryki w Polsce, zakwaterowanie zapewnia pracodawca",
            "Cerchiamo camerieri per un ristorante a Milano, vitto e alloggio compresi nel contratto",
            "We are hiring cooks for a hotel abroad, visa and flights paid, salary 1200 USD a month",
            "Yurt dışında otel için aşçı arıyoruz, vize ve uçak bileti ödenir",
            "Требуются повара в гостиницу за рубежом, виза и перелёт оплачиваются",
            "Потрібні кухарі до готелю за кордоном, віза та переліт оплачуються",
            "Шетелдегі қонақүйге аспаздар қажет, виза мен ұшақ билеті төленеді",
            "Хүн бүр төрж мэндлэхэд эрх чөлөөтэй, адилхан нэр төртэй",
            "مطلوب طهاة لفندق في الخارج، التأشيرة وتذاكر الطيران مدفوعة",
            "برای هتلی در خارج از کشور آشپز استخدام می‌کنیم، ویزا و بلیت پرداخت می‌شود",
            "ab", "123 456", "ñ", "Ja", "ok ok", "Dubaï", "hotel", "", "   ", "łódź");

    @Test
    void answersAreLinguasOwn() {
        for (NgramModel model : NgramModel.values()) {
            List<String> samples = new ArrayList<>(TEXTS);
            for (String t : TEXTS) {
                for (int n : new int[] {5, 17, 40}) {
                    samples.add(t.substring(0, Math.min(n, t.length())));
                }
            }
            for (String text : samples) {
                // In order: the identifier reads the first two.
                assertEquals(List.copyOf(model.detector().computeLanguageConfidenceValues(text).entrySet()),
                        List.copyOf(LinguaTrigrams.confidenceValues(model.detector(), text).entrySet()),
                        () -> model + ": '" + text + "'");
            }
        }
    }
}
