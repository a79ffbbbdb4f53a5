'use strict';
// The article form's lead photo (issue #10): picking another one in the autocomplete shows
// it at once, as list cards will (PhotoAdmin.card_view), before the article is saved; and
// the note under it says which photo readers' shares will show: the lead photo, else the
// first photo placed in the body (Article.share_photo), else none.
{
    const BODY_PHOTO = /<figure\b[^>]*\bdata-photo-id="(\d+)"/gi;

    function start(preview) {
        const form = preview.closest('form');
        const select = form && form.querySelector('select[name="lead_photo"]');
        if (!select || !(window.django && django.jQuery)) {
            return; // shown read-only: nothing to pick
        }
        const body = form.querySelector('[name="body"]');
        const image = preview.querySelector('.lead-photo-image');
        const caption = preview.querySelector('.lead-photo-caption');
        const note = preview.querySelector('.share-photo-note');
        const cardUrl = (id) => preview.dataset.cardUrl.replace(/\/0\/card\/$/, `/${id}/card/`);
        let asked = 0; // answers to an earlier pick are dropped
        let bodyPhotoId = null;
        let timer = null;

        async function card(id) {
            const response = await fetch(cardUrl(id), { credentials: 'same-origin' });
            return response.ok ? (await response.json()).photo : null;
        }

        async function showLead(id) {
            const mine = ++asked;
            if (!id) {
                image.hidden = true;
                image.removeAttribute('src');
                caption.textContent = preview.dataset.noPhoto;
                bodyPhotoId = null;
                showShareFromBody();
                return;
            }
            const photo = await card(id);
            if (mine !== asked || !photo) {
                return;
            }
            image.src = photo.card.src;
            image.width = photo.card.width;
            image.height = photo.card.height;
            image.alt = photo.alt;
            image.hidden = false;
            caption.textContent = `${photo.caption} ${photo.credit_line || preview.dataset.noCredit}`;
            note.textContent = note.dataset.lead;
        }

        // No lead photo: the first photo of the body as it is now, saved or not.
        async function showShareFromBody() {
            if (select.value) {
                return;
            }
            const ids = body ? [...body.value.matchAll(BODY_PHOTO)].map((m) => m[1]) : [];
            const key = ids.join(',');
            if (key === bodyPhotoId) {
                return;
            }
            bodyPhotoId = key;
            const mine = asked;
            for (const id of ids) {
                const photo = await card(id);
                if (mine !== asked || select.value) {
                    return;
                }
                if (photo) {
                    note.textContent = note.dataset.body.replace('{caption}', photo.caption);
                    return;
                }
            }
            note.textContent = note.dataset.none;
        }

        // select2 tells its hidden <select> through jQuery only.
        django.jQuery(select).on('change', () => showLead(select.value));
        form.addEventListener('input', () => {
            window.clearTimeout(timer);
            timer = window.setTimeout(showShareFromBody, 800);
        });
    }

    document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('.lead-photo-preview').forEach(start);
    });
}
