from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        import reversion

        from articles.models import Article, ArticleTheme, Byline
        from editorial import signals  # noqa: F401  (announces steps to the apps above)
        from editorial.library_strings import rename_library_apps
        from photos.models import Photo

        # A story's revision holds its bylines and photos too, so a version is the whole story.
        for model in (Byline, Photo, ArticleTheme):
            if not reversion.is_registered(model):
                reversion.register(model)
        if not reversion.is_registered(Article):
            reversion.register(Article, follow=["bylines", "photos", "theme_links"])
        rename_library_apps()
