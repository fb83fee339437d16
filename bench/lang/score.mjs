// Scores Tracelab's and franc-all's answers on the UDHR samples: per named language, the share of paragraphs and of
// pages each names right, and over the other declarations' pages, how often each names one of the issue's languages
// wrongly. Prints a Markdown table, then one "BENCH-LINE language accuracy" line per language for the results file.
// Usage: node score.mjs SAMPLES_TSV TRACELAB_TSV FRANC_TSV
// Tracelab must name the script of Uzbek (uz-Latn, uz-Cyrl); franc has one Uzbek, so "uz" counts right for franc.
import {readFileSync} from 'node:fs'

const rows = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'))
const answers = (file) => new Map(rows(file).map(([id, a]) => [id, a]))
const samples = rows(process.argv[2])
const ours = answers(process.argv[3])
const franc = answers(process.argv[4])
const base = (tag) => tag.split('-')[0]
/** ISO 639-3 codes of declarations outside the named set that are still one of the named languages. */
const SAME = {tuk: 'tk', uzn: 'uz', kaz: 'kk', rus: 'ru', deu: 'de', por: 'pt', cmn: 'zh', pes: 'fa', prs: 'fa'}
const named = [...new Set(samples.map((s) => s[1]).filter((t) => !t.startsWith('other:')))].sort()
const stats = new Map()
const add = (key, ok) => {
  const s = stats.get(key) || {n: 0, ok: 0}
  s.n++
  if (ok) s.ok++
  stats.set(key, s)
}
const namedBases = new Set(named.map(base))
for (const [id, expected, unit] of samples) {
  const o = ours.get(id) || 'missing'
  const f = franc.get(id) || 'missing'
  if (expected.startsWith('other:')) {
    const own = SAME[expected.slice(6)]
    const wrongClaim = (a) => namedBases.has(base(a)) && base(a) !== own
    add('other|ours', wrongClaim(o))
    add('other|franc', wrongClaim(f))
    add('other|ours-und', o === 'und')
    add('other|franc-und', f === 'und')
    continue
  }
  add(`${expected}|${unit}|ours`, o === expected)
  add(`${expected}|${unit}|franc`, f === expected || f === base(expected) && base(expected) === 'uz')
}
const share = (key) => {
  const s = stats.get(key)
  return s ? s.ok / s.n : NaN
}
const n = (key) => (stats.get(key) || {n: 0}).n
const f3 = (x) => (Number.isNaN(x) ? '-' : x.toFixed(3))
const out = ['| language | paragraphs | Tracelab | franc-all | pages | Tracelab | franc-all |', '|---|---:|---:|---:|---:|---:|---:|']
for (const t of named) {
  out.push(`| ${t} | ${n(`${t}|paragraph|ours`)} | ${f3(share(`${t}|paragraph|ours`))} | ${f3(share(`${t}|paragraph|franc`))} | ${n(`${t}|page|ours`)} | ${f3(share(`${t}|page|ours`))} | ${f3(share(`${t}|page|franc`))} |`)
}
const mean = (unit, who) => named.reduce((sum, t) => sum + share(`${t}|${unit}|${who}`), 0) / named.length
const min = (unit, who) => Math.min(...named.map((t) => share(`${t}|${unit}|${who}`)))
out.push(`| **mean** | | **${f3(mean('paragraph', 'ours'))}** | **${f3(mean('paragraph', 'franc'))}** | | **${f3(mean('page', 'ours'))}** | **${f3(mean('page', 'franc'))}** |`)
out.push(`| lowest | | ${f3(min('paragraph', 'ours'))} | ${f3(min('paragraph', 'franc'))} | | ${f3(min('page', 'ours'))} | ${f3(min('page', 'franc'))} |`)
out.push('')
out.push(`Pages of the ${n('other|ours')} other declarations' pages (${new Set(samples.filter((s) => s[1].startsWith('other:')).map((s) => s[3])).size} declarations): named one of the languages above wrongly, Tracelab ${f3(share('other|ours'))}, franc-all ${f3(share('other|franc'))}; answered und, Tracelab ${f3(share('other|ours-und'))}, franc-all ${f3(share('other|franc-und'))}.`)
console.log(out.join('\n'))
for (const t of named) {
  for (const unit of ['paragraph', 'page']) {
    console.log(`BENCH-LINE\tlanguage-${unit}\t${t}\taccuracy\t${share(`${t}|${unit}|ours`)}\tfranc-all\t${share(`${t}|${unit}|franc`)}\tshare`)
  }
}
