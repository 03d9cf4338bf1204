from django.core import checks

from sharing.cards import missing_fonts


@checks.register()
def share_card_fonts(app_configs, **kwargs):
    """Warn at start-up when share cards cannot be drawn: links would be shared without one."""
    missing = missing_fonts()
    if not missing:
        return []
    return [
        checks.Warning(
            f"Share cards need a CJK font; none at {', '.join(missing)}.",
            hint="Install Debian's fonts-noto-cjk (make fonts) or set SHARE_CARD_FONT_SERIF "
            "and SHARE_CARD_FONT_SANS to Noto Serif/Sans CJK files.",
            id="sharing.W001",
        )
    ]
