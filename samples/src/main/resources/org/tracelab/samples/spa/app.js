// Fictitious training data: the script of the script-rendered Bozor Demo, a made-up classifieds site for a
// Tracelab lab. Like real classifieds, its pages arrive as empty shells and fill themselves from the site's JSON
// API: a plain HTTP fetch of a page captures the shell only; a real browser shows the ads.
(function () {
  'use strict';
  var app = document.getElementById('app');
  var ad = app.getAttribute('data-ad');
  var page = app.getAttribute('data-page');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function link(cls, href, text) {
    var a = el('a', cls, text);
    a.href = href;
    return a;
  }

  function renderAd(a) {
    document.title = a.title + ' | Bozor Demo';
    document.documentElement.lang = a.lang;
    var crumbs = el('div', 'crumbs');
    crumbs.append(link('', '../index.html', 'Bozor Demo'), ' \u203a ', link('', 'page-' + a.page + '.html', a.labels.ads));
    var box = el('div', 'ad');
    box.id = a.id;
    box.append(el('h1', 'ad-title', a.title));
    var meta = el('div', 'ad-meta');
    var posted = el('time', 'ad-posted', a.postedShown);
    posted.setAttribute('datetime', a.posted);
    meta.append(a.labels.price + ': ', el('span', 'ad-price', a.price), ' \u00b7 ', a.labels.location + ': ',
      el('span', 'ad-location', a.city), ' \u00b7 ', a.labels.posted + ': ', posted);
    box.append(meta);
    var body = el('div', 'ad-body');
    a.paragraphs.forEach(function (p) { body.append(el('p', '', p)); });
    box.append(body);
    if (a.pictures && a.pictures.length) {
      var photos = el('div', 'ad-photos');
      a.pictures.forEach(function (src) {
        var img = el('img');
        img.src = src;
        img.alt = 'photo';
        photos.append(img);
      });
      box.append(photos);
    }
    var contact = el('div', 'ad-contact', a.labels.contact + ':');
    a.contacts.forEach(function (c) { contact.append(el('br'), c); });
    box.append(contact);
    app.replaceChildren(crumbs, box);
  }

  function renderListing(p) {
    document.title = 'Ads, page ' + p.page + ' | Bozor Demo';
    var list = el('ul', 'ad-list');
    p.ads.forEach(function (a) {
      var card = el('li', 'ad-card');
      card.lang = a.lang;
      card.append(link('ad-link', a.id + '.html', a.title), ' ', el('span', 'card-price', a.price), ' ',
        el('span', 'card-city', a.city));
      list.append(card);
    });
    var pager = el('div', 'pager');
    if (p.page > 1) { pager.append(link('prev', 'page-' + (p.page - 1) + '.html', '\u00ab Previous'), ' '); }
    if (p.page < p.pages) { pager.append(link('next', 'page-' + (p.page + 1) + '.html', 'Next \u00bb')); }
    app.replaceChildren(el('h1', '', 'Bozor Demo: ads, page ' + p.page + ' of ' + p.pages), list, pager);
  }

  var api = ad ? '../api/ads/' + ad + '.json' : '../api/pages/' + page + '.json';
  fetch(api).then(function (r) {
    if (!r.ok) { throw new Error('HTTP ' + r.status); }
    return r.json();
  }).then(ad ? renderAd : renderListing).catch(function (e) {
    app.textContent = 'Could not load ' + api + ': ' + e.message;
  });
}());
