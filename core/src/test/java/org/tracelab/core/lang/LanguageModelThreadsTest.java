package org.tracelab.core.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Texts our own evidence cannot place go to Lingua's n-gram model, whose models load lazily into shared maps: ingest's
 * preparers call it from two threads at once, and each must get the answer it would get alone.
 */
class LanguageModelThreadsTest {
    /** Fictitious job-offer lines in languages the own evidence leaves to the model. */
    private static final List<String> TEXTS = List.of(
            "Nous recherchons des serveurs pour un hôtel à Dubaï, billet d'avion payé par l'employeur",
            "Buscamos personal de limpieza para trabajar en España, contrato y alojamiento incluidos",
            "Poszukujemy pracowników do fabryki w Polsce, zakwaterowanie zapewnia pracodawca",
            "Cerchiamo camerieri per un ristorante a Milano, vitto e alloggio compresi nel contratto");

    @Test
    void answersFromManyThreadsAreTheAnswersOfOne() throws Exception {
        LanguageIdentifier identifier = LanguageIdentifier.standard();
        List<String> alone = new ArrayList<>();
        for (String t : TEXTS) {
            alone.add(identifier.identify(t).tag());
        }
        assertEquals(List.of("fr", "es", "pl", "it"), alone, "each text is placed by the model");
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                runs.add(threads.submit(() -> {
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        for (String t : TEXTS) {
                            got.add(identifier.identify(t).tag());
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<String>> run : runs) {
                List<String> got = run.get();
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(alone.get(i % TEXTS.size()), got.get(i), "answer " + i);
                }
            }
        }
    }
}
