'use strict';
// Tags picked with select2: suggestions from the admin's autocomplete view
// (articles.Tag), values are tag names, and a new name becomes a new tag.
{
    const $ = django.jQuery;

    function init(element) {
        $(element).select2({
            tags: true,
            tokenSeparators: [','],
            width: '100%',
            placeholder: element.dataset.placeholder,
            ajax: {
                url: element.dataset.url,
                dataType: 'json',
                delay: 250,
                data: (params) => ({
                    term: params.term,
                    page: params.page,
                    app_label: element.dataset.appLabel,
                    model_name: element.dataset.modelName,
                    field_name: element.dataset.fieldName,
                }),
                processResults: (data) => ({
                    results: data.results.map((tag) => ({ id: tag.text, text: tag.text })),
                    pagination: data.pagination,
                }),
            },
        });
    }

    $(function () {
        $('select.tag-autocomplete').each(function () {
            init(this);
        });
    });
}
