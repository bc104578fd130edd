"""Generate N synthetic Arabic news pages for the benchmark: realistic site chrome, meta tags,
and bodies built from varied sentences (so extraction, dedup and NLP do real work).

    python benchmarks/make_pages.py OUT_DIR N [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from html import escape
from pathlib import Path

PEOPLE = [
    "فلاديمير بوتين",
    "فولوديمير زيلينسكي",
    "دونالد ترامب",
    "ستيف ويتكوف",
    "جاريد كوشنر",
    "كيريل دميترييف",
    "دميتري بيسكوف",
    "رستم أوميروف",
    "سيرغي لافروف",
    "ماركو روبيو",
    "هاكان فيدان",
    "يوري أوشاكوف",
]
PLACES = ["إسطنبول", "جنيف", "الرياض", "جدة", "أبوظبي", "ميامي", "برلين", "موسكو", "دافوس", "أنكوريج", "الدوحة"]
SIDES = [("روسيا", "الولايات المتحدة"), ("أوكرانيا", "الولايات المتحدة"), ("روسيا", "أوكرانيا")]
TRIGGERS = ["محادثات", "مباحثات", "مفاوضات", "اجتماع", "لقاء", "جولة جديدة من المحادثات"]
VERBS = ["عقدت", "ستعقد", "تتواصل", "انطلقت", "من المتوقع أن تعقد", "اختتمت"]
WHEN = ["يوم الخميس", "الأسبوع المقبل", "نهاية هذا الأسبوع", "أمس", "غدا", "في وقت سابق من هذا الأسبوع"]
FILLER = [
    "وتأتي هذه التطورات وسط استمرار الأزمة وتداعياتها على أمن الطاقة في أوروبا.",
    "وقال مراقبون إن فرص التوصل إلى اتفاق شامل ما زالت محدودة في ظل الخلافات العميقة.",
    "وتشمل الملفات المطروحة تبادل الأسرى والضمانات الأمنية ووقف الهجمات على البنية التحتية.",
    "وأكدت مصادر دبلوماسية أن الوفود ستواصل العمل على المسودة خلال الأيام المقبلة.",
    "وأعربت عواصم أوروبية عن أملها في أن تؤدي المفاوضات إلى تهدئة الوضع الميداني.",
    "وفي المقابل تواصل القوات هجماتها على جبهات عدة في الشرق والجنوب.",
]
CHROME_TOP = (
    '<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>'
    '<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav>'
    '<div class="breaking">عاجل: متابعة مستمرة للأحداث</div></header>'
)
CHROME_BOTTOM = (
    '<aside><h3>اقرأ أيضا</h3><ul><li><a href="/a/1">تقارير عن الاقتصاد العالمي</a></li>'
    '<li><a href="/a/2">أسعار النفط اليوم</a></li></ul></aside>'
    '<footer><p>جميع الحقوق محفوظة © 2026</p><a href="/about">من نحن</a></footer>'
)


def sentence(rng: random.Random) -> str:
    a, b = rng.choice(SIDES)
    return (
        f"{rng.choice(VERBS)} {rng.choice(TRIGGERS)} بين {a} و{b} في {rng.choice(PLACES)} {rng.choice(WHEN)}، "
        f"بمشاركة {rng.choice(PEOPLE)} و{rng.choice(PEOPLE)}، بحسب ما أعلن المتحدث {rng.choice(PEOPLE)}."
    )


def page(i: int, rng: random.Random, start: date) -> str:
    day = start + timedelta(days=rng.randrange(0, 400))
    title = f"{rng.choice(TRIGGERS)} في {rng.choice(PLACES)}: تطورات جديدة رقم {i}"
    paras = []
    for _ in range(rng.randint(6, 12)):
        body = [sentence(rng) if rng.random() < 0.4 else rng.choice(FILLER) for _ in range(rng.randint(2, 4))]
        body.append(f"وذكر التقرير رقم {i}-{rng.randrange(10**6)} أن {rng.choice(PEOPLE)} سيتابع الملف.")
        paras.append("<p>" + escape(" ".join(body)) + "</p>")
    return (
        f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="og:site_name" content="الخبر اليوم">'
        f'<meta property="article:published_time" content="{day.isoformat()}T09:00:00+03:00">'
        f'<link rel="canonical" href="https://news.example/{day.year}/article-{i}"></head><body>{CHROME_TOP}'
        f'<main><article><h1>{escape(title)}</h1><div class="share"><a>فيسبوك</a> <a>تويتر</a> <a>واتساب</a></div>'
        f"{''.join(paras)}<p>شاركها.</p></article></main>{CHROME_BOTTOM}</body></html>"
    )


def generate(out: Path, n: int, seed: int = 7) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    paths = []
    for i in range(n):
        path = out / f"page-{i:06d}.html"
        if not path.exists():
            path.write_text(page(i, rng, start), encoding="utf-8")
        else:
            page(i, rng, start)  # keep the random stream identical whether or not files exist
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    generate(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
