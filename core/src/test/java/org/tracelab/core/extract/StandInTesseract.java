package org.tracelab.core.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A shell script that answers as Tesseract does (version, languages, hOCR), both as Tika runs it (one picture, an
 * output file) and as {@link KeptTesseract} does (paths on stdin, pages on stdout), and reads of every picture one
 * word: {@code omp-} and the value of {@code OMP_THREAD_LIMIT} in its environment. A picture {@link #HANGS} pixels
 * wide makes it hang, one {@link #CRASHES} wide kills it by a segmentation fault, as a hostile picture could.
 */
final class StandInTesseract {
    static final int HANGS = 321;
    static final int CRASHES = 322;

    private static final String SCRIPT = """
            #!/bin/bash
            case "$1" in
              --version) echo "tesseract 5.3.0"; exit 0 ;;
              --list-langs) echo "List of available languages in \\"$(dirname "$0")/\\" (1):"; echo eng; exit 0 ;;
              "") exit 1 ;;
            esac
            header() {
              printf '<?xml version="1.0" encoding="UTF-8"?>\\n<html xmlns="http://www.w3.org/1999/xhtml">\\n'
              printf ' <head>\\n  <title></title>\\n </head>\\n <body>\\n'
            }
            page() {
              local size
              size=$(head -c 64 "$1" | sed -n 2p)
              case "$size" in
                321\\ *) exec sleep 600 ;;
                322\\ *) kill -SEGV $$ ;;
              esac
              printf "  <div class='ocr_page' id='page_%d' title='image \\"%s\\"; bbox 0 0 %s; ppageno %d'>\\n" \\
                "$2" "$1" "$size" "$(($2 - 1))"
              printf "   <div class='ocr_carea' id='block_%d_1'><p class='ocr_par' id='par_%d_1'>" "$2" "$2"
              printf "<span class='ocr_line' id='line_%d_1'><span class='ocrx_word' id='word_%d_1'" "$2" "$2"
              printf " title='bbox 0 0 9 9; x_wconf 90'>omp-%s</span></span></p></div>\\n" "${OMP_THREAD_LIMIT:-unset}"
              printf '  </div>\\n'
            }
            footer() { printf ' </body>\\n</html>\\n'; }
            if [ "$1" = "-" ]; then
              header
              n=0
              while IFS= read -r picture; do n=$((n + 1)); page "$picture" "$n"; done
              footer
            else
              { header; page "$1" 1; footer; } > "$2.hocr"
            fi
            """;

    private StandInTesseract() {
    }

    /** Writes the stand-in as {@code dir/tesseract}, the name Tika runs. */
    static Path install(Path dir) throws IOException {
        Path program = dir.resolve(Tesseract.PROGRAM);
        Files.writeString(program, SCRIPT, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }

    /** A grey picture {@code width} pixels wide, as {@link OcrPicture} writes one for Tesseract. */
    static Path picture(Path dir, String name, int width) throws IOException {
        BufferedImage image = new BufferedImage(width, 40, BufferedImage.TYPE_BYTE_GRAY);
        Path pgm = dir.resolve(name + ".pgm");
        OcrPicture.writePgm(image, pgm);
        return pgm;
    }
}
