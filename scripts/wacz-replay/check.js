// Replays a WACZ in Webrecorder's ReplayWeb.page inside headless Debian chromium and checks a captured page shows.
//
//   node scripts/wacz-replay/check.js FILE.wacz URL TEXT [SCREENSHOT.png]
//
// Serves ReplayWeb.page (ui.js, replay/sw.js), an embedding page and the WACZ from a temporary folder on 127.0.0.1
// (with HTTP Range support: ReplayWeb.page reads a WACZ by ranges), opens the page in /usr/bin/chromium driven by
// playwright-core, and waits up to 60 s (then reloads once and waits 60 s more) for a frame whose text contains
// TEXT: the capture of URL, replayed. Nothing is fetched from anywhere else. Exit 0 replayed, 1 not replayed, 2 could
// not run; when not replayed it prints what each frame showed. Needs ./install first.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const here = __dirname;
const modules = path.join(here, 'node_modules');
const [wacz, url, expected, shot] = process.argv.slice(2);
if (!wacz || !url || !expected) {
  console.error('usage: check.js FILE.wacz URL TEXT [SCREENSHOT.png]');
  process.exit(2);
}
if (!fs.existsSync(path.join(modules, 'replaywebpage', 'sw.js'))) {
  console.error('ReplayWeb.page is not installed: run ' + path.join(here, 'install'));
  process.exit(2);
}
const { chromium } = require(path.join(modules, 'playwright-core'));

const escape = s => s.replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');

function site() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tracelab-replay-'));
  fs.mkdirSync(path.join(root, 'replay'));
  fs.copyFileSync(path.join(modules, 'replaywebpage', 'ui.js'), path.join(root, 'ui.js'));
  fs.copyFileSync(path.join(modules, 'replaywebpage', 'sw.js'), path.join(root, 'replay', 'sw.js'));
  fs.copyFileSync(wacz, path.join(root, 'archive.wacz'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!DOCTYPE html><html><head><meta charset="utf-8">'
    + '<script src="ui.js"></script></head><body><replay-web-page source="archive.wacz" url="' + escape(url)
    + '" replayBase="./replay/" embed="replayonly" style="display:block;width:100%;height:600px">'
    + '</replay-web-page></body></html>');
  return root;
}

function serve(root) {
  const types = { '.html': 'text/html', '.js': 'application/javascript', '.wacz': 'application/wacz' };
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      return res.end();
    }
    const size = fs.statSync(file).size;
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream',
      'Accept-Ranges': 'bytes' };
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range || '');
    let start = 0;
    let end = size - 1;
    if (m) {
      start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
      end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      if (start > end) {
        res.writeHead(416, { 'Content-Range': 'bytes */' + size });
        return res.end();
      }
      headers['Content-Range'] = 'bytes ' + start + '-' + end + '/' + size;
    }
    headers['Content-Length'] = end - start + 1;
    res.writeHead(m ? 206 : 200, headers);
    if (req.method === 'HEAD' || size === 0) {
      return res.end();
    }
    fs.createReadStream(file, { start, end }).pipe(res);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// The text of every frame, for the failure message: what the replay showed instead of the page.
async function frameTexts(page) {
  const texts = [];
  for (const frame of page.frames()) {
    try {
      const text = await frame.evaluate(() => (document.body ? document.body.innerText : ''));
      texts.push(frame.url() + ': ' + JSON.stringify(text.slice(0, 300)));
    } catch (e) {
      texts.push(frame.url() + ': (navigating)');
    }
  }
  return texts;
}

async function replayed(page, until) {
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      try {
        const text = await frame.evaluate(() => (document.body ? document.body.innerText : ''));
        if (text.includes(expected)) {
          return frame.url();
        }
      } catch (e) {
        // the frame is navigating; look again
      }
    }
    await page.waitForTimeout(500);
  }
  return null;
}

(async () => {
  const root = site();
  const server = await serve(root);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tracelab-replay-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run'],
  });
  let found = null;
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', e => console.error('page error: ' + e.message));
    const start = 'http://127.0.0.1:' + server.address().port + '/index.html';
    await page.goto(start);
    found = await replayed(page, Date.now() + 60000);
    if (!found) {
      // On a loaded machine ReplayWeb.page's first load can race its own service worker's start and stay on an
      // empty or "not found" frame; a reader would reload, and so does the check, once, before saying no.
      console.error('not shown after 60 s; frames: ' + (await frameTexts(page)).join(' | ') + '; reloading once');
      await page.goto(start);
      found = await replayed(page, Date.now() + 60000);
    }
    if (!found) {
      console.error('frames: ' + (await frameTexts(page)).join(' | '));
    }
    if (shot) {
      await page.screenshot({ path: shot });
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (!found) {
    console.log('NOT replayed: no frame shows "' + expected + '" for ' + url);
    process.exit(1);
  }
  console.log('replayed ' + url + ' in ' + found);
})().catch(e => {
  console.error('could not run the replay check: ' + e.message);
  process.exit(2);
});
