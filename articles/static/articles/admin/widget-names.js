'use strict';
// Names a screen reader needs on the article form that Django's own widgets leave out
// (axe, tests/browser/test_page_quality.py), mended once they have started:
// - an autocomplete (select2, single choice: the lead photo, a related article's row) is a
//   combobox named only by its current text, empty until chosen, around a text that calls
//   itself a read-only textbox; it takes its field's label as well, and the text its place;
// - the search icons of the authors' two lists (SelectFilter2.js) carry an aria-label that
//   a plain <span> may not have; they are images with that name.
{
    function nameAutocompletes(root) {
        for (const selection of root.querySelectorAll('.select2-selection--single')) {
            const container = selection.closest('.select2-container');
            const select = container && container.previousElementSibling;
            const rendered = selection.querySelector('.select2-selection__rendered');
            if (!select || !select.id || !rendered) continue;
            rendered.removeAttribute('role');
            rendered.removeAttribute('aria-readonly');
            const label = document.querySelector(`label[for="${select.id}"]`);
            if (label) {
                label.id ||= `${select.id}_label`;
                selection.setAttribute('aria-labelledby', `${label.id} ${rendered.id}`);
            }
        }
    }

    function nameSearchIcons(root) {
        for (const icon of root.querySelectorAll('.help-tooltip[aria-label]:not([role])')) {
            icon.setAttribute('role', 'img');
        }
    }

    function mend(root) {
        nameAutocompletes(root);
        nameSearchIcons(root);
    }

    // Django starts select2 when the page is ready and SelectFilter on its load, and a new
    // inline row's autocomplete on formset:added; each is mended after its listeners ran.
    window.addEventListener('load', () => setTimeout(() => mend(document)));
    document.addEventListener('formset:added', (event) => setTimeout(() => mend(event.target)));
}
