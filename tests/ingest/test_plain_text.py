"""Plain-text articles: headline, site name above it, furniture lines, byte-true paragraphs."""
from __future__ import annotations

from pathlib import Path

from hadath.ingest import IngestDefaults, Skipped, read_one
from hadath.ingest.furniture import is_furniture
from hadath.ingest.layout import assemble_article
from hadath.record import ArticleMeta

SEED_HEADLINE = "“التجهيز لهجوم مضاد”.. الجيش السوري يعترف بالانسحاب من حلب"


def _only_article(path: Path, defaults: IngestDefaults | None = None) -> ArticleMeta:
    items = read_one(path, defaults)
    assert len(items) == 1 and isinstance(items[0], ArticleMeta), items
    return items[0]


def test_seed_page_headline_outlet_and_furniture(shared: Path) -> None:
    seed = shared / "seed" / "aleppo_2024-11-30.txt"
    meta = _only_article(seed)
    assert meta.title == SEED_HEADLINE
    assert meta.outlet == "العرب"
    assert meta.language == "ar"
    assert meta.text.startswith(SEED_HEADLINE + "\n\nيتواصل التصعيد المفاجئ في سوريا")
    assert "مقالات ذات صلة" not in meta.text
    assert "زر الذهاب إلى الأعلى" not in meta.text
    assert meta.text.endswith("اتفاق لوقف التصعيد في المنطقة.")
    # Paragraphs are the page's own characters: the article is one stretch of the file.
    original = seed.read_text(encoding="utf-8")
    assert meta.text in original


def test_seed_defaults_fill_missing_metadata(shared: Path) -> None:
    seed = shared / "seed" / "aleppo_2024-11-30.txt"
    defaults = IngestDefaults(published="2024-11-30", outlet="ignored", url="https://alarab.example/a")
    meta = _only_article(seed, defaults)
    assert meta.published == "2024-11-30"
    assert meta.outlet == "العرب"  # the page's own site line outranks the default
    assert meta.url == "https://alarab.example/a"


def test_ids_are_stable_across_runs(shared: Path) -> None:
    seed = shared / "seed" / "aleppo_2024-11-30.txt"
    first, second = _only_article(seed), _only_article(seed)
    assert first.id == second.id and first.id.startswith("aleppo_2024-11-30-")


def test_short_first_line_without_site_layout_is_the_headline() -> None:
    page = "انفجار في بيروت\n\nقتل خمسة أشخاص في انفجار هز مرفأ بيروت مساء اليوم، وفق الدفاع المدني."
    article = assemble_article(page)
    assert article is not None
    assert article.title == "انفجار في بيروت" and article.site_name is None


def test_site_name_needs_a_blank_line_after_it() -> None:
    page = "الجزيرة\nمقتل جنديين في هجوم شمال سيناء\n\nقالت مصادر أمنية إن جنديين قتلا."
    article = assemble_article(page)
    assert article is not None and article.site_name is None
    assert article.title == "الجزيرة"


def test_site_name_above_headline_is_the_outlet() -> None:
    page = ("سكاي نيوز عربية\n\nمقتل جنديين في هجوم شمال سيناء\n\n"
            "قالت مصادر أمنية مصرية إن جنديين قتلا وأصيب ثلاثة آخرون في هجوم على كمين.")
    article = assemble_article(page)
    assert article is not None
    assert article.site_name == "سكاي نيوز عربية"
    assert article.title == "مقتل جنديين في هجوم شمال سيناء"


def test_furniture_lines_anywhere_are_dropped_and_the_rest_kept(tmp_path: Path) -> None:
    page = (
        "الرئيسية > أخبار > العراق\n\n"
        "البرلمان العراقي يصوت على قانون الانتخابات\n"
        "السبت 25 مارس 2023 - 10:15\n"
        "شارك\n"
        "فيسبوك تويتر واتساب\n\n"
        "صوت مجلس النواب العراقي، فجر الاثنين، على تعديل قانون الانتخابات وسط احتجاجات.\n\n"
        "اقرأ أيضاً: الصدر يدعو أنصاره إلى التظاهر\n\n"
        "وقال نواب مستقلون إن التعديل يخدم الأحزاب الكبيرة.\n\n"
        "الوسوم: العراق، البرلمان، الانتخابات\n"
        "تابعونا على تطبيق تلغرام\n"
        "جميع الحقوق محفوظة © 2023\n"
    )
    path = tmp_path / "iraq.txt"
    path.write_text(page, encoding="utf-8")
    meta = _only_article(path)
    assert meta.title == "البرلمان العراقي يصوت على قانون الانتخابات"
    assert meta.text.split("\n\n") == [
        "البرلمان العراقي يصوت على قانون الانتخابات",
        "صوت مجلس النواب العراقي، فجر الاثنين، على تعديل قانون الانتخابات وسط احتجاجات.",
        "وقال نواب مستقلون إن التعديل يخدم الأحزاب الكبيرة.",
    ]


def test_article_sentences_that_open_with_cue_words_are_not_furniture() -> None:
    assert not is_furniture("تابع الجيش تقدمه في ريف إدلب الجنوبي وسط قصف مكثف.")
    assert not is_furniture("شارك آلاف المتظاهرين في مسيرة بالعاصمة الخرطوم.")
    assert not is_furniture("وقالت مصادر عسكرية لرويترز إن دمشق تلقت تعهدا بتقديم مساعدات.")
    assert is_furniture("اقرأ أيضا: الجيش السوري يستعيد السيطرة على بلدة في ريف حماة")
    assert is_furniture("يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك")
    assert is_furniture("للتواصل مع الكاتب ارسل رسالة SMS")
    assert is_furniture("Next Previous")


def test_only_furniture_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "footer.txt"
    path.write_text("مقالات ذات صلة\n\nزر الذهاب إلى الأعلى\n", encoding="utf-8")
    [item] = read_one(path)
    assert isinstance(item, Skipped) and item.reason == "only page furniture"


def test_date_lines_are_furniture_only_at_the_edges() -> None:
    page = (
        "“التجهيز لهجوم مضاد”.. الجيش السوري يعترف بالانسحاب من حلب\n"
        "السبت 30 نوفمبر 2024 - 10:15\n\n"
        "أعلنت وزارة الداخلية التونسية برنامج زيارات الوزير إلى الولايات خلال الأسبوع.\n\n"
        "الأحد 2 أفريل 2017 :\n\n"
        "يزور الوزير ولاية القصرين ويلتقي ممثلي المجتمع المدني والسلطات الجهوية.\n\n"
        "2024-11-30 12:40\n"
    )
    article = assemble_article(page)
    assert article is not None
    # The timestamp under the headline and at the foot go; the day heading inside stays.
    assert article.text.split("\n\n") == [
        "“التجهيز لهجوم مضاد”.. الجيش السوري يعترف بالانسحاب من حلب",
        "أعلنت وزارة الداخلية التونسية برنامج زيارات الوزير إلى الولايات خلال الأسبوع.",
        "الأحد 2 أفريل 2017 :",
        "يزور الوزير ولاية القصرين ويلتقي ممثلي المجتمع المدني والسلطات الجهوية.",
    ]


def test_related_headlines_under_a_footer_heading_are_dropped() -> None:
    page = (
        "نزوح 50 ألف شخص من خان يونس خلال يومين\n\n"
        "قال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية إن نحو 50 ألف شخص نزحوا من شرق خان يونس.\n\n"
        "مقالات ذات صلة\n\n"
        "الاحتلال يقصف مدرسة تؤوي نازحين في دير البلح\n"
        "منذ يومين\n"
        "مصر تستضيف جولة جديدة من مفاوضات وقف إطلاق النار\n\n"
        "اترك تعليقاً\n"
        "زر الذهاب إلى الأعلى\n"
    )
    article = assemble_article(page)
    assert article is not None
    assert article.text.split("\n\n") == [
        "نزوح 50 ألف شخص من خان يونس خلال يومين",
        "قال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية إن نحو 50 ألف شخص نزحوا من شرق خان يونس.",
    ]


def test_a_related_box_inside_the_article_does_not_cut_what_follows() -> None:
    page = (
        "نزوح 50 ألف شخص من خان يونس خلال يومين\n\n"
        "قال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية إن نحو 50 ألف شخص نزحوا من شرق خان يونس.\n\n"
        "أخبار ذات صلة\n\n"
        "من جهتها، قالت وزارة الصحة في غزة إن 70 شخصا على الأقل قتلوا في القصف على خان يونس.\n"
    )
    article = assemble_article(page)
    assert article is not None
    paragraphs = article.text.split("\n\n")
    assert "أخبار ذات صلة" not in paragraphs
    assert paragraphs[-1].startswith("من جهتها، قالت وزارة الصحة في غزة")


def test_wordpress_style_page(fixtures: Path) -> None:
    meta = _only_article(fixtures / "wordpress_page.html")
    assert meta.title == "الأمم المتحدة: نزوح 50 ألف شخص من خان يونس خلال يومين"
    assert meta.outlet == "صحيفة المشرق"
    assert meta.published == "2024-07-24T16:05:12+00:00"  # published, not modified
    assert meta.url == "https://almashreq.example/2024/07/24/khan-younis/"
    paragraphs = meta.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[-1].endswith("إلى \"المنطقة الإنسانية\".")
    for furniture in ("منذ 5 ساعات", "دقائق للقراءة", "واتساب", "الوسوم", "مقالات ذات صلة", "دير البلح",
                      "تعليق", "ملفات تعريف الارتباط", "وزير الخارجية يصل"):
        assert furniture not in meta.text


def _ingest_jsonl_text(tmp_path, text: str) -> str:
    import json

    from hadath.ingest import read_inputs

    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "x", "text": text}, ensure_ascii=False), encoding="utf-8")
    (meta,) = list(read_inputs([path]))
    return meta.text


def test_trailing_story_link_and_contact_prompt_are_furniture(tmp_path) -> None:
    """A "link to this story" trailer glued to the last paragraph and a column's
    contact-the-writer prompt are the site's, not the article's."""
    body = (
        "تعاطفت شركة طيران مع حالة راكبة مريضة على رحلة من حائل إلى الرياض أمس الاثنين، "
        "بعد نسيانها العلاج داخل صالة الانتظار."
    )
    text = (
        f"طيران ناس تكرم طاقمها\n\n{body} رابط الخبر بصحيفة الوئام: طيران ناس تكرم طاقم طائرة\n\n"
        "للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (100) ثم مسافة ثم نص الرسالة إلى 88591"
    )
    assert _ingest_jsonl_text(tmp_path, text) == f"طيران ناس تكرم طاقمها\n\n{body}"


def test_a_story_that_mentions_a_link_midway_keeps_it(tmp_path) -> None:
    text = (
        "وزارة الصحة تحذر\n\nنشرت الوزارة رابط الخبر: على موقعها ودعت المواطنين إلى قراءته بعناية "
        "والالتزام بالتعليمات الصادرة عن الجهات المختصة في جميع المحافظات والمدن خلال الأسابيع "
        "المقبلة حفاظا على سلامتهم وسلامة أسرهم."
    )
    assert _ingest_jsonl_text(tmp_path, text) == text
