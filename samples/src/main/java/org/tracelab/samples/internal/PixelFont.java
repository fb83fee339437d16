package org.tracelab.samples.internal;

import java.awt.Graphics2D;
import java.util.HashMap;
import java.util.Map;

/**
 * A 5x7 pixel font drawn with rectangles: system fonts differ between machines, and the flyer must have the same
 * bytes everywhere for a seed.
 */
public final class PixelFont {
    private static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$@_.:!-+/ ";
    private static final String[] ROWS = {
        ".###. ####. .#### ####. ##### ##### .#### #...# .###. ..### #...# #.... #...# #...# .###. ####. .###. ####. .#### ##### #...# #...# #...# #...# #...# ##### .###. ..#.. .###. ####. ...#. ##### .###. ##### .###. .###. ..#.. .###. ..... ..... ..... ..#.. ..... ..... ....# .....",
        "#...# #...# #.... #...# #.... #.... #.... #...# ..#.. ...#. #..#. #.... ##.## ##..# #...# #...# #...# #...# #.... ..#.. #...# #...# #...# #...# #...# ....# #..## .##.. #...# ....# ..##. #.... #.... ....# #...# #...# .####. #...# ..... ..... ..#.. ..#.. ..... ..#.. ...#. .....",
        "#...# #...# #.... #...# #.... #.... #.... #...# ..#.. ...#. #.#.. #.... #.#.# #.#.# #...# #...# #...# #...# #.... ..#.. #...# #...# #...# .#.#. .#.#. ...#. #.#.# ..#.. ....# ...#. .#.#. ####. #.... ...#. #...# #...# #.#.. #.### ..... ..#.. ..#.. ..#.. ..#.. ..#.. ..#.. .....",
        "##### ####. #.... #...# ####. ####. #.### ##### ..#.. ...#. ##... #.... #...# #..## #...# ####. #.#.# ####. .###. ..#.. #...# #...# #.#.# ..#.. ..#.. ..#.. ##..# ..#.. ..##. ..##. #..#. ....# ####. ..#.. .###. .#### .###. #.#.# ..... ..... ..#.. ##### ##### ..#.. .....",
        "#...# #...# #.... #...# #.... #.... #...# #...# ..#.. ...#. #.#.. #.... #...# #...# #...# #.... #..#. #.#.. ....# ..#.. #...# .#.#. #.#.# .#.#. ..#.. .#... #...# ..#.. .#... ....# ##### ....# #...# .#... #...# ....# ..#.# #.##. ..... ..... ..#.. ..#.. ..... ..#.. .#... .....",
        "#...# #...# #.... #...# #.... #.... #...# #...# ..#.. #..#. #..#. #.... #...# #...# #...# #.... #...# #..#. ....# ..#.. #...# .#.#. ##.## #...# ..#.. #.... #...# ..#.. #.... #...# ...#. #...# #...# .#... #...# ...#. ####. #.... ..... ..##. ..... ..#.. ..... ..... #.... .....",
        "#...# ####. .#### ####. ##### #.... .###. #...# .###. .##.. #...# ##### #...# #...# .###. #.... .##.# #...# ####. ..#.. .###. ..#.. #...# #...# ..#.. ##### .###. .###. ##### .###. ...#. .###. .###. .#... .###. .##.. ..#.. .###. ##### ..##. ..#.. ..#.. ..... ..... ..... .....",
    };
    private static final Map<Character, boolean[][]> GLYPHS = build();

    private PixelFont() {
    }

    /** Draws upper-cased text with its top-left corner at (x, y) and pixels of {@code scale} by {@code scale}. */
    public static void draw(Graphics2D g, String text, int x, int y, int scale) {
        int cx = x;
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            boolean[][] glyph = GLYPHS.getOrDefault(c, GLYPHS.get(' '));
            for (int row = 0; row < 7; row++) {
                for (int col = 0; col < 5; col++) {
                    if (glyph[row][col]) {
                        g.fillRect(cx + col * scale, y + row * scale, scale, scale);
                    }
                }
            }
            cx += 6 * scale;
        }
    }

    /** The width in pixels of a text at a scale. */
    public static int width(String text, int scale) {
        return text.length() * 6 * scale - scale;
    }

    private static Map<Character, boolean[][]> build() {
        Map<Character, boolean[][]> out = new HashMap<>();
        String[][] cells = new String[7][];
        for (int r = 0; r < 7; r++) {
            cells[r] = ROWS[r].split(" ");
        }
        for (int i = 0; i < CHARS.length(); i++) {
            boolean[][] glyph = new boolean[7][5];
            for (int r = 0; r < 7; r++) {
                String cell = i < cells[r].length ? cells[r][i] : ".....";
                for (int col = 0; col < 5 && col < cell.length(); col++) {
                    glyph[r][col] = cell.charAt(col) == '#';
                }
            }
            out.put(CHARS.charAt(i), glyph);
        }
        // punctuation drawn explicitly, row by row, top to bottom
        punct(out, '!', "..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#..");
        punct(out, '-', ".....", ".....", ".....", "#####", ".....", ".....", ".....");
        punct(out, '+', ".....", "..#..", "..#..", "#####", "..#..", "..#..", ".....");
        punct(out, '.', ".....", ".....", ".....", ".....", ".....", ".##..", ".##..");
        punct(out, ':', ".....", ".##..", ".##..", ".....", ".##..", ".##..", ".....");
        punct(out, '_', ".....", ".....", ".....", ".....", ".....", ".....", "#####");
        punct(out, '/', "....#", "...#.", "...#.", "..#..", ".#...", ".#...", "#....");
        punct(out, ' ', ".....", ".....", ".....", ".....", ".....", ".....", ".....");
        return out;
    }

    private static void punct(Map<Character, boolean[][]> out, char c, String... rows) {
        boolean[][] glyph = new boolean[7][5];
        for (int r = 0; r < 7; r++) {
            for (int col = 0; col < 5; col++) {
                glyph[r][col] = rows[r].charAt(col) == '#';
            }
        }
        out.put(c, glyph);
    }
}
