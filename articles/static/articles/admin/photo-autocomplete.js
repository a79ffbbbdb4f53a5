'use strict';
// The lead photo autocomplete (issue #10): each photo in the dropdown shows its thumbnail
// (the list cards' crop), its caption and its credit, so three "Cảng Hải Phòng" photos
// can be told apart. Django's autocomplete.js starts select2 with text results only; this
// file, loaded after it (PhotoAutocompleteSelect.media), gives the photo selects a result
// template once Django has started them. The keys come from PhotoAdmin.autocomplete_details.
{
    const $ = django.jQuery;
    const start = $.fn.djangoAdminSelect2;

    function element(tag, className, text) {
        const node = document.createElement(tag);
        node.className = className;
        if (text !== undefined) {
            node.textContent = text; // captions are text, never markup
        }
        return node;
    }

    function photoResult(result) {
        if (result.loading || !result.thumbnail) {
            return result.text; // "Đang tìm…" and the like
        }
        const row = element('span', 'photo-result');
        const image = element('img', 'photo-result-thumbnail');
        image.src = result.thumbnail;
        image.alt = '';
        image.width = 72;
        image.height = 48;
        image.loading = 'lazy';
        const text = element('span', 'photo-result-text');
        text.append(
            element('span', 'photo-result-caption', result.caption),
            element('span', 'photo-result-credit', `${result.credit} · ${result.size}`),
        );
        row.append(image, text);
        return $(row);
    }

    $.fn.djangoAdminSelect2 = function () {
        start.call(this);
        this.filter('.photo-autocomplete').each((i, select) => {
            const select2 = $(select).data('select2');
            if (select2) {
                // the results read their template from these options when shown
                select2.options.set('templateResult', photoResult);
            }
        });
        return this;
    };
}
