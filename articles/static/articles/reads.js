// "Đọc nhiều" (issue #13): tells the site this article was read, once, when it is shown.
// The page may come from the page cache, nginx or a CDN: the count still happens, because
// the reader's browser sends it. One bodiless POST to the article's data-read-url, no
// cookie of ours, no identifier; a page prerendered or opened in a background tab counts
// only when the reader actually sees it.
(function () {
    'use strict';
    const article = document.querySelector('[data-read-url]');
    if (!article || typeof navigator.sendBeacon !== 'function') {
        return;
    }
    let sent = false;
    function send() {
        if (sent || document.prerendering || document.visibilityState !== 'visible') {
            return;
        }
        sent = true;
        navigator.sendBeacon(article.dataset.readUrl);
    }
    document.addEventListener('prerenderingchange', send);
    document.addEventListener('visibilitychange', send);
    send();
})();
