// Runs franc-all (every language franc knows, its defaults) on each sample of udhr-samples.mjs's TSV and writes
// "id<TAB>answer" with franc's ISO 639-3 answer mapped to Tracelab's tags where they name the same language.
// Usage: node franc.mjs SAMPLES_TSV OUT_TSV    (run from the folder whose node_modules holds franc-all)
// Prints "franc-all SECONDS SAMPLES" on stdout: the time of the one pass over all samples.
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import {join} from 'node:path'

const require = createRequire(join(process.cwd(), 'noop.js'))
const {franc} = await import(pathToFileURL(require.resolve('franc-all')).href)
/** franc's codes for the languages Tracelab names; franc has one Uzbek (uzn) for both scripts, and Dari (prs). */
const TAGS = {
  uzn: 'uz', rus: 'ru', kaz: 'kk', kir: 'ky', tgk: 'tg', tuk: 'tk', eng: 'en', tur: 'tr', pol: 'pl', deu: 'de',
  kor: 'ko', arb: 'ar', cmn: 'zh', jpn: 'ja', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', ukr: 'uk', ces: 'cs',
  lit: 'lt', heb: 'he', pes: 'fa', prs: 'fa'
}
const samples = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'))
const t0 = process.hrtime.bigint()
const answers = samples.map(([id, , , , text]) => [id, franc(text)])
const seconds = Number(process.hrtime.bigint() - t0) / 1e9
writeFileSync(process.argv[3], answers.map(([id, a]) => `${id}\t${TAGS[a] || a}`).join('\n') + '\n')
console.log(`franc-all ${seconds} ${samples.length}`)
