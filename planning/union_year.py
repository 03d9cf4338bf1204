"""The union year of a municipal federation (市总工会): the default campaigns a new desk starts
with. The desk edits them afterwards (dates vary a little by place and, for the festivals of
the lunar calendar, by year); the data migration adds them once, by name, and never again."""

# name, (start month, day), (end month, day), themes, note
DEFAULT_CAMPAIGNS = [
    (
        "两节送温暖",
        (12, 1),
        (2, 28),
        ["送温暖", "困难职工帮扶"],
        "元旦、春节期间走访慰问困难职工、劳模和一线职工,到元宵节前后结束;按当年元宵节调整结束日。",
    ),
    ("春风行动", (1, 1), (3, 31), ["就业服务"], "春节后的招聘会和农民工就业服务。"),
    ("三八国际妇女节", (3, 1), (3, 10), ["女职工"], "女职工权益保护、巾帼建功。"),
    (
        "五一国际劳动节",
        (4, 20),
        (5, 5),
        ["劳模", "劳动竞赛"],
        "四月下旬表彰劳动模范和五一劳动奖章;5月1日也是中华全国总工会成立纪念日(1925年)。",
    ),
    ("五四青年节", (4, 28), (5, 6), ["青年职工"], "青年职工、青年文明号、青年岗位能手。"),
    ("安全生产月", (6, 1), (6, 30), ["安全生产"], "全国安全生产月,工会劳动保护监督检查。"),
    ("七一", (6, 25), (7, 3), ["党建带工建"], "建党纪念日前后的党建带工建报道。"),
    ("夏送清凉", (6, 1), (8, 31), ["户外劳动者", "夏送清凉"], "高温季节慰问户外劳动者和一线职工。"),
    ("金秋助学", (7, 1), (9, 30), ["关爱职工子女", "金秋助学"], "资助困难职工家庭子女入学。"),
    ("安康杯竞赛", (1, 1), (12, 31), ["安全生产"], "全年开展的安康杯竞赛活动。"),
    (
        "职工职业技能大赛",
        (1, 1),
        (12, 31),
        ["技能竞赛", "劳动竞赛"],
        "职工职业技能大赛和劳动和技能竞赛,全年分项目举办。",
    ),
    ("12·4普法宣传", (12, 1), (12, 10), ["普法"], "国家宪法日前后的工会普法宣传。"),
]


def add_default_campaigns(apps):
    """Creates the default campaigns that are missing (by name), with their themes."""
    from django.utils.text import slugify

    Campaign = apps.get_model("planning", "Campaign")
    CampaignTheme = apps.get_model("planning", "CampaignTheme")
    Tag = apps.get_model("taggit", "Tag")
    for name, (start_month, start_day), (end_month, end_day), themes, note in DEFAULT_CAMPAIGNS:
        campaign, created = Campaign.objects.get_or_create(
            name=name,
            defaults={
                "start_month": start_month,
                "start_day": start_day,
                "end_month": end_month,
                "end_day": end_day,
                "note": note,
            },
        )
        if not created:
            continue
        for theme in themes:
            tag = Tag.objects.filter(name__iexact=theme).first()
            if tag is None:
                tag = Tag.objects.create(name=theme, slug=slugify(theme, allow_unicode=True))
            CampaignTheme.objects.get_or_create(content_object=campaign, tag=tag)
