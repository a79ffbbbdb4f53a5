from django.shortcuts import get_object_or_404, redirect, render

from articles.models import Article, Section, Tag


def home(request):
    articles = Article.objects.live().for_listing()[:20]
    return render(request, "articles/home.html", {"articles": articles})


def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    articles = Article.objects.live().for_listing().filter(section=section)[:20]
    return render(
        request, "articles/section_detail.html", {"section": section, "articles": articles}
    )


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = Article.objects.live().for_listing().filter(tags=tag)[:20]
    return render(request, "articles/tag_detail.html", {"tag": tag, "articles": articles})


def article_detail(request, section_slug, slug, pk):
    article = get_object_or_404(Article.objects.live().select_related("section"), pk=pk)
    if (section_slug, slug) != (article.section.slug, article.slug):
        return redirect(article, permanent=True)
    return render(request, "articles/article_detail.html", {"article": article})
