'use strict';
// The article form (issue #10): live counts of title, sapo and body; and autosave
// (articles/autosave.py): what the form holds is
// sent three seconds after the last keystroke, and when the page is hidden or left, as the
// person's autosave of this article; leaving with unsaved changes asks first; the workflow
// buttons, which do not save the form, are disabled while it holds unsaved changes.
{
    const QUIET_MS = 3000;
    const FIELDS = [
        'title',
        'location',
        'sapo',
        'body',
        'lead_photo',
        'section',
        'tags',
        'authors',
        'byline',
        'version',
    ];

    function start(status) {
        const form = status.closest('form');
        const idField = form.querySelector('input[name="_autosave"]');
        const url = status.dataset.url;
        const article = status.dataset.article;
        let timer = null;
        let dirty = false; // differs from what the page was loaded with
        let submitting = false;
        let lastSent = null;
        let loaded = null; // the form as loaded, once the editor and select2 are up

        function payload() {
            const data = new FormData(form);
            const out = new FormData();
            for (const name of FIELDS) {
                for (const value of data.getAll(name)) {
                    out.append(name, value);
                }
            }
            out.append('csrfmiddlewaretoken', data.get('csrfmiddlewaretoken'));
            if (article) {
                out.append('article', article);
            } else if (idField.value) {
                out.append('autosave', idField.value);
            }
            return out;
        }

        function signature(data) {
            // the form's own fields, not the token or the row's id
            return JSON.stringify([...data.entries()].filter(([name]) => FIELDS.includes(name)));
        }

        async function send() {
            timer = null;
            const data = payload();
            const sig = signature(data);
            if (sig === lastSent) {
                return;
            }
            try {
                const response = await fetch(url, {
                    method: 'POST',
                    body: data,
                    credentials: 'same-origin',
                });
                const answer = await response.json();
                if (!response.ok) {
                    status.textContent = `Chưa lưu tự động được: ${answer.error || response.status}`;
                    return;
                }
                lastSent = sig;
                status.textContent = answer.message;
                if (!article && !idField.value) {
                    // A new article: later autosaves update the same row, and reopening this
                    // address (or "Bản nháp của tôi") brings it back.
                    idField.value = answer.id;
                    const address = new URL(window.location.href);
                    address.searchParams.set('autosave', answer.id);
                    window.history.replaceState(null, '', address);
                }
            } catch (error) {
                status.textContent =
                    'Chưa lưu tự động được: mất kết nối tới máy chủ. ' +
                    'Đừng đóng trang; sẽ thử lại khi bạn gõ tiếp.';
            }
        }

        function changed() {
            if (loaded === null) {
                return; // the widgets setting themselves up, not the person typing
            }
            const now = signature(payload());
            if (now === loaded) {
                dirty = false; // typed, then undone
                setWorkflowEnabled(true);
                window.clearTimeout(timer);
                return;
            }
            if (!dirty) {
                dirty = true;
                setWorkflowEnabled(false);
            }
            window.clearTimeout(timer);
            timer = window.setTimeout(send, QUIET_MS);
        }

        // The editor and select2 rewrite their fields as they start (the editor's HTML is
        // normalised): "unchanged" is what the form holds when the person first focuses,
        // presses a key or a pointer in it, before that changes anything.
        const begin = () => {
            if (loaded === null) {
                loaded = signature(payload());
                lastSent = loaded;
            }
        };
        for (const type of ['focusin', 'pointerdown', 'keydown']) {
            form.addEventListener(type, begin, true);
        }

        function sendNow() {
            if (!dirty || submitting) {
                return;
            }
            const data = payload();
            if (signature(data) !== lastSent) {
                navigator.sendBeacon(url, data);
                lastSent = signature(data);
            }
        }

        form.addEventListener('input', changed);
        form.addEventListener('change', changed);
        // select2 (tags) changes its hidden <select> through jQuery only.
        if (window.django && django.jQuery) {
            django.jQuery(form).on('change', 'select', changed);
        }
        form.addEventListener('submit', () => {
            submitting = true;
            window.clearTimeout(timer);
        });
        document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'hidden') {
                sendNow();
            }
        });
        window.addEventListener('pagehide', sendNow);
        window.addEventListener('beforeunload', (event) => {
            if (dirty && !submitting) {
                sendNow();
                event.preventDefault();
                event.returnValue = '';
            }
        });
    }

    const LOCKED =
        'Bạn có thay đổi chưa lưu, nên các nút dưới đây tạm khoá: ' +
        'bấm “Lưu và gửi duyệt” hoặc “Lưu và tiếp tục chỉnh sửa” ở cuối trang trước.';

    function setWorkflowEnabled(enabled) {
        const panel = document.querySelector('.workflow-panel');
        if (!panel) {
            return;
        }
        for (const button of panel.querySelectorAll('button[type="submit"]')) {
            button.disabled = !enabled;
        }
        const help = document.getElementById('workflow-help');
        if (help) {
            help.dataset.unlocked = help.dataset.unlocked || help.textContent;
            help.textContent = enabled ? help.dataset.unlocked : LOCKED;
            help.setAttribute('role', 'status');
        }
    }

    // "Đang mở bài này" (articles/presence.py): a beat while the form is open, a goodbye
    // when it is left; the answer names the others whose form is open now.
    function keepPresence(banner) {
        const form = document.getElementById('article_form');
        const token = form && form.querySelector('[name=csrfmiddlewaretoken]');
        if (!token) {
            return;
        }
        const body = (extra) => {
            const data = new FormData();
            data.append('csrfmiddlewaretoken', token.value);
            if (extra) {
                data.append(extra, '1');
            }
            return data;
        };
        async function beat() {
            try {
                const response = await fetch(banner.dataset.url, {
                    method: 'POST',
                    body: body(),
                    credentials: 'same-origin',
                });
                if (response.ok) {
                    const others = (await response.json()).others;
                    banner.querySelector('.names').textContent = others.join(', ');
                    banner.hidden = others.length === 0;
                }
            } catch (error) {
                // Offline for a moment: the next beat tells.
            }
        }
        window.setInterval(beat, Number(banner.dataset.beat) * 1000);
        window.addEventListener('pagehide', () => {
            navigator.sendBeacon(banner.dataset.url, body('roi'));
        });
    }

    // Live counts: title and sapo against their limits, the body's words and reading time.
    const WORDS_PER_MINUTE = 230; // Vietnamese syllables read silently in a minute

    function countChars(field) {
        const limit = Number(field.getAttribute('maxlength'));
        const output = document.createElement('span');
        output.className = 'live-count';
        output.setAttribute('aria-live', 'polite');
        field.after(output);
        const update = () => {
            const used = field.value.length;
            output.textContent = limit
                ? `${used}/${limit} ký tự` + (used > limit ? ' (vượt giới hạn)' : '')
                : `${used} ký tự`;
            output.classList.toggle('over', Boolean(limit) && used > limit);
        };
        field.addEventListener('input', update);
        update();
    }

    function countWords(textarea) {
        const output = document.createElement('p');
        output.className = 'live-count help';
        output.setAttribute('aria-live', 'polite');
        const box = textarea.closest('.prose-editor') || textarea;
        box.after(output);
        const update = () => {
            const editor = box.querySelector('.ProseMirror');
            // Before the editor is up, the stored HTML's text (DOMParser runs no script).
            const text = editor
                ? editor.textContent
                : new DOMParser().parseFromString(textarea.value, 'text/html').body.textContent;
            const words = (text.match(/[\p{L}\p{M}\p{N}]+/gu) || []).length; // marks: NFD text
            const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
            output.textContent = `${words} chữ, khoảng ${minutes} phút đọc`;
        };
        textarea.addEventListener('input', update);
        window.addEventListener('load', update);
        update();
    }

    document.addEventListener('DOMContentLoaded', () => {
        for (const id of ['id_title', 'id_sapo']) {
            const field = document.getElementById(id);
            if (field && !field.readOnly) {
                countChars(field);
            }
        }
        const body = document.getElementById('id_body');
        if (body) {
            countWords(body);
        }
        const status = document.getElementById('autosave-status');
        if (status) {
            start(status);
        }
        const banner = document.getElementById('also-editing');
        if (banner && banner.dataset.url) {
            keepPresence(banner);
        }
    });
}
