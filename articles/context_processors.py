from articles.models import HotlineBanner


def hotline_banner(request):
    return {"hotline_banner": HotlineBanner.objects.active().first()}
