from django_tasks import task

from sharing import services


@task()
def draw_share_card(article_id):
    """Draw (or redraw) a story's share card in the background worker."""
    card = services.make_share_card(article_id=article_id)
    return card.image.name if card else ""
