#!/usr/bin/python3
"""Generates a synthetic news corpus in English, Russian and Arabic for the
benchmarks, and the query set that goes with it.

The text is not meant to be read: it is meant to have the statistical shape
of news, so that index sizes, posting lists and query costs resemble those of
a real archive. Each article has a topic (military bases, sanctions,
contracts, politics, conflict, economy) whose words recur in it; the rest of
its words follow a Zipf distribution over real word lists shipped by Debian
(wamerican, hunspell-ru, hunspell-ar), with the frequent function words of
each language on top; place and person names appear in their many spellings
(Khmeimim / Hmeimim / Хмеймим / حميميم) at the rates of a regional news feed.

Output is JSON Lines, one article per line, with the keys id, url, title,
author, published, lang, source and body (paragraphs separated by a blank
line). The same seed always gives the same corpus.

    bench/generate_corpus.py --articles 10000 --out corpus.jsonl.zst
    bench/generate_corpus.py --queries bench/queries.tsv

Standard library only; run bench/install-deps.sh first for the word lists.
"""

import argparse
import datetime
import json
import math
import random
import re
import subprocess
import sys

ENGLISH_WORDS = "/usr/share/dict/american-english"
RUSSIAN_DIC = "/usr/share/hunspell/ru_RU.dic"
RUSSIAN_AFF = "/usr/share/hunspell/ru_RU.aff"
ARABIC_DIC = "/usr/share/hunspell/ar.dic"

LANGUAGES = ("en", "ru", "ar")

# Share of running text taken by function words; English news is close to
# half, the more inflected languages somewhat less.
FUNCTION_SHARE = {"en": 0.45, "ru": 0.35, "ar": 0.35}

# Content vocabulary size per language after sampling the word lists.
CONTENT_WORDS = 40000

# Frequent function words, most frequent first.
FUNCTION_WORDS = {
    "en": """the of and to a in that is for on was with said by as at it from he be
        has have are were an which not this but its they after will had also been
        their who would more than about or over new one two last year could into
        there up what when all can out other some we his her no them so if against
        under while such before between during where most only may since because
        these those many three through any both then our told where very each""".split(),
    "ru": """и в на не что с по о к из за а как это для от его он также был была было
        будет уже году при до после который которые которая только но или так все
        же ее их они мы бы когда еще этом этой этого того том над под между через
        более без чем где если может там сейчас словам заявил сообщил отметил
        время года лет однако пока этот эти своих свою своей было один два три""".split(),
    "ar": """في من على إلى أن عن مع التي الذي هذا هذه كان كانت قد لا ما بين بعد قال
        وقال أو حتى كما ذلك إن وفي ومن لم لن عام خلال منذ حيث أي كل بعض تلك هناك
        وأن عند ثم لكن قبل أمس اليوم وهو وهي أنه أنها التى الذين إلا يوم وقد
        فقد ضمن نحو أيضا وكان وأضاف وأكد مشيرا وذكر""".split(),
}

# Words of each topic per language, with the inflected and prefixed forms a
# real article would use, and a few fixed phrases that recur in such articles.
TOPICS = {
    "bases": {
        "weight": 0.2,
        "en": """base bases airbase naval military troops deployment garrison facility
            lease airfield fleet warships port runway hangars aircraft bombers""".split(),
        "ru": """база базы базе базу базой авиабаза авиабазы авиабазе авиабазу военная
            военной военные военных флот флота корабли кораблей пункт размещение
            аренда аренды аэродром аэродрома самолеты""".split(),
        "ar": """قاعدة القاعدة قواعد القواعد العسكرية عسكرية الجوية البحرية الأسطول
            السفن القوات قوات نشر مطار المطار استئجار الطائرات الحربية""".split(),
        "phrases": {
            "en": ["naval base", "air base", "military base", "Russian forces"],
            "ru": ["военная база", "военно-морская база", "российские военные",
                   "пункт материально-технического обеспечения"],
            "ar": ["القاعدة العسكرية", "القاعدة الجوية", "القاعدة البحرية", "القوات الروسية"],
        },
    },
    "sanctions": {
        "weight": 0.2,
        "en": """sanctions sanctioned embargo restrictions treasury penalties frozen
            assets banks exports waiver designation blacklist evasion measures""".split(),
        "ru": """санкции санкций санкциям санкциями санкциях санкционный санкционного
            ограничения ограничений эмбарго активы активов банки банков заморозка
            экспорт экспорта меры""".split(),
        "ar": """العقوبات عقوبات والعقوبات بالعقوبات الحظر حظر الأصول المجمدة البنوك
            المصارف قيود تصدير قانون قيصر الخزانة الأمريكية""".split(),
        "phrases": {
            "en": ["economic sanctions", "Caesar Act", "sanctions relief", "frozen assets"],
            "ru": ["экономические санкции", "снятие санкций", "замороженные активы"],
            "ar": ["العقوبات الاقتصادية", "قانون قيصر", "رفع العقوبات", "الأصول المجمدة"],
        },
    },
    "contracts": {
        "weight": 0.2,
        "en": """contract contracts agreement deal signed investment port terminal
            phosphate oil grain wheat currency banknotes printing infrastructure
            concession reconstruction shipments supplies""".split(),
        "ru": """контракт контракта контракты контрактов соглашение соглашения договор
            подписали инвестиции порт порта порту терминал фосфаты нефть нефти зерно
            зерна пшеница пшеницы валюта банкноты печать инфраструктура
            восстановление поставки""".split(),
        "ar": """عقد العقد عقود العقود اتفاقية الاتفاقية اتفاق وقعت استثمار الاستثمارات
            ميناء الميناء مرفأ الفوسفات النفط القمح الحبوب العملة طباعة البنية
            التحتية الإعمار شحنات""".split(),
        "phrases": {
            "en": ["port of Tartus", "grain supplies", "currency printing", "phosphate mines"],
            "ru": ["порт Тартус", "поставки зерна", "печать денег", "фосфатные рудники"],
            "ar": ["ميناء طرطوس", "طباعة العملة", "إعادة الإعمار", "شحنات القمح"],
        },
    },
    "politics": {
        "weight": 0.15,
        "en": """talks minister president government election parliament ceremony
            visit delegation ambassador envoy summit negotiations""".split(),
        "ru": """переговоры переговоров министр министра президент президента
            правительство выборы парламент визит визита делегация посол саммит""".split(),
        "ar": """المحادثات المفاوضات وزير الوزير الرئيس الحكومة الانتخابات البرلمان
            زيارة وفد السفير المبعوث القمة""".split(),
        "phrases": {
            "en": ["foreign minister", "peace talks"],
            "ru": ["министр иностранных дел", "мирные переговоры"],
            "ar": ["وزير الخارجية", "محادثات السلام"],
        },
    },
    "conflict": {
        "weight": 0.15,
        "en": """ceasefire strikes attack refugees aid humanitarian casualties
            offensive militants drones shelling convoy""".split(),
        "ru": """перемирие удары удар атака беженцы беженцев помощь гуманитарная
            жертвы наступление боевики боевиков беспилотники обстрел""".split(),
        "ar": """وقف إطلاق النار غارات هجوم اللاجئين المساعدات الإنسانية ضحايا
            المسلحين الطائرات المسيرة قصف قافلة""".split(),
        "phrases": {
            "en": ["humanitarian aid", "drone strikes"],
            "ru": ["гуманитарная помощь", "удары беспилотников"],
            "ar": ["المساعدات الإنسانية", "وقف إطلاق النار"],
        },
    },
    "economy": {
        "weight": 0.1,
        "en": """inflation prices economy market budget growth trade imports
            electricity fuel shortages pound""".split(),
        "ru": """инфляция инфляции цены цен экономика экономики рынок бюджет рост
            торговля импорт электроэнергия топливо дефицит""".split(),
        "ar": """التضخم الأسعار الاقتصاد السوق الميزانية النمو التجارة الواردات
            الكهرباء الوقود نقص الليرة""".split(),
        "phrases": {
            "en": ["fuel shortages", "exchange rate"],
            "ru": ["дефицит топлива", "обменный курс"],
            "ar": ["نقص الوقود", "سعر الصرف"],
        },
    },
}

# Topics whose articles are mostly about the region, and so full of its names.
REGIONAL_SHARE = {"bases": 0.75, "sanctions": 0.6, "contracts": 0.7,
                  "politics": 0.35, "conflict": 0.45, "economy": 0.3}

# Named entities in the spellings each language's press uses, with relative
# frequencies; Russian forms include case endings, Arabic ones clitics.
NAMES = [
    # (weight, {lang: [(spelling, weight), ...]})
    (10, {"en": [("Syria", 8), ("Syrian", 5)], "ru": [("Сирия", 5), ("Сирии", 6), ("Сирию", 2)],
          "ar": [("سوريا", 7), ("سورية", 3), ("السورية", 3)]}),
    (9, {"en": [("Russia", 8), ("Russian", 6)], "ru": [("Россия", 5), ("России", 6), ("Россию", 2)],
         "ar": [("روسيا", 8), ("الروسية", 3)]}),
    (6, {"en": [("Damascus", 1)], "ru": [("Дамаск", 5), ("Дамаске", 2), ("Дамаска", 2)],
         "ar": [("دمشق", 8), ("ودمشق", 1)]}),
    (5, {"en": [("Khmeimim", 6), ("Hmeimim", 3), ("Humaymim", 1)],
         "ru": [("Хмеймим", 6), ("Хмеймиме", 2), ("Хмеймима", 2)],
         "ar": [("حميميم", 8), ("وحميميم", 1)]}),
    (5, {"en": [("Tartus", 6), ("Tartous", 3)], "ru": [("Тартус", 6), ("Тартусе", 2), ("Тартуса", 2)],
         "ar": [("طرطوس", 8), ("وطرطوس", 1)]}),
    (4, {"en": [("Latakia", 6), ("Lattakia", 3), ("Ladhiqiyah", 1)],
         "ru": [("Латакия", 5), ("Латакии", 3), ("Латакию", 1), ("Латтакия", 1)],
         "ar": [("اللاذقية", 8), ("واللاذقية", 1), ("باللاذقية", 1)]}),
    (4, {"en": [("Assad", 7), ("al-Assad", 3)], "ru": [("Асад", 6), ("Асада", 3), ("Асаду", 1)],
         "ar": [("الأسد", 7), ("الاسد", 3)]}),
    (4, {"en": [("Putin", 1)], "ru": [("Путин", 6), ("Путина", 3), ("Путину", 1)], "ar": [("بوتين", 1)]}),
    (3, {"en": [("Moscow", 1)], "ru": [("Москва", 5), ("Москвы", 3), ("Москве", 2)], "ar": [("موسكو", 1)]}),
    (3, {"en": [("Aleppo", 8), ("Halab", 1)], "ru": [("Алеппо", 8), ("Халеб", 2)], "ar": [("حلب", 1)]}),
    (2, {"en": [("Homs", 1)], "ru": [("Хомс", 6), ("Хомсе", 2), ("Хомса", 2)], "ar": [("حمص", 1)]}),
    (2, {"en": [("Hama", 8), ("Hamah", 2)], "ru": [("Хама", 6), ("Хаме", 2), ("Хамы", 2)],
         "ar": [("حماة", 8), ("حماه", 2)]}),
    (2, {"en": [("Hamas", 1)], "ru": [("ХАМАС", 8), ("Хамас", 2)], "ar": [("حماس", 1)]}),
    (2, {"en": [("Idlib", 8), ("Idleb", 2)], "ru": [("Идлиб", 6), ("Идлибе", 3)],
         "ar": [("إدلب", 7), ("ادلب", 3)]}),
    (1, {"en": [("Palmyra", 7), ("Tadmur", 3)], "ru": [("Пальмира", 5), ("Пальмире", 2), ("Пальмиры", 2)],
         "ar": [("تدمر", 1)]}),
    (1, {"en": [("Deir ez-Zor", 5), ("Deir al-Zour", 3), ("Deir Ezzor", 2)],
         "ru": [("Дейр-эз-Зор", 7), ("Дейр-эз-Зоре", 3)], "ar": [("دير الزور", 1)]}),
    (2, {"en": [("Lavrov", 1)], "ru": [("Лавров", 6), ("Лаврова", 3), ("Лавровым", 1)], "ar": [("لافروف", 1)]}),
    (1, {"en": [("Shoigu", 8), ("Shoygu", 2)], "ru": [("Шойгу", 1)], "ar": [("شويغو", 1)]}),
    (2, {"en": [("Tehran", 1)], "ru": [("Тегеран", 6), ("Тегерана", 2), ("Тегеране", 2)], "ar": [("طهران", 1)]}),
    (2, {"en": [("Ankara", 1)], "ru": [("Анкара", 5), ("Анкары", 3), ("Анкаре", 2)],
         "ar": [("أنقرة", 7), ("انقرة", 3)]}),
    (1, {"en": [("Hormuz", 1)], "ru": [("Ормуз", 5), ("Ормузский", 5)], "ar": [("هرمز", 1)]}),
    (1, {"en": [("Baniyas", 6), ("Banias", 4)], "ru": [("Банияс", 1)], "ar": [("بانياس", 1)]}),
    (1, {"en": [("Qamishli", 6), ("Qamishly", 2), ("Kamishli", 2)], "ru": [("Камышлы", 1)],
         "ar": [("القامشلي", 1)]}),
    (2, {"en": [("al-Sharaa", 6), ("Sharaa", 4)], "ru": [("аш-Шараа", 6), ("Шараа", 4)], "ar": [("الشرع", 1)]}),
    (1, {"en": [("Goznak", 1)], "ru": [("Гознак", 6), ("Гознака", 4)], "ar": [("غوزناك", 1)]}),
    (1, {"en": [("Stroytransgaz", 7), ("Stroitransgaz", 3)], "ru": [("Стройтрансгаз", 6), ("Стройтрансгаза", 4)],
         "ar": [("ستروي ترانس غاز", 1)]}),
]

SOURCES = {
    "en": [("Levant Ledger", "levantledger.example"), ("Eastern Wire", "easternwire.example"),
           ("Gulf Observer", "gulfobserver.example"), ("Harbour Times", "harbourtimes.example")],
    "ru": [("Северный вестник", "vestnik.example"), ("Ближневосточное обозрение", "bvo.example"),
           ("Деловая неделя", "nedelya.example")],
    "ar": [("الصباح الإخباري", "alsabah.example"), ("مرآة الشرق", "mirat.example"),
           ("البوابة اليومية", "albawaba-daily.example")],
}

AUTHORS = {
    "en": ("Anna Miles Tom Reid Sara Okafor Daniel Kerr Lina Haddad Peter Novak "
           "Grace Lin Omar Farouk Helen Price Mark Ellison").split(),
    "ru": ("Ирина Соколова Павел Громов Анна Белова Дмитрий Крылов Ольга Ветрова "
           "Сергей Лапин Мария Зуева Алексей Рябов").split(),
    "ar": ("سارة الحلبي محمد الخطيب ليلى منصور أحمد العلي رنا يوسف خالد النجار "
           "هدى سليمان عمر الشامي").split(),
}

FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2026, 12, 31)

ARABIC_LETTERS = re.compile("^[\u0621-\u064A]+$")
ARABIC_MARKS = re.compile("[\u064B-\u0652\u0640]")  # short vowels, shadda, sukun, tatweel
CYRILLIC_WORD = re.compile("^[А-Яа-яЁё]+(-[А-Яа-яЁё]+)?$")
LATIN_WORD = re.compile("^[A-Za-z]+$")


def zipf_weights(count, exponent=1.05, offset=2.7):
    """Zipf-Mandelbrot weights for ranks 0..count-1, summing to 1."""
    raw = [1.0 / (rank + offset) ** exponent for rank in range(count)]
    total = sum(raw)
    return [w / total for w in raw]


def cumulative(weights):
    out, running = [], 0.0
    for w in weights:
        running += w
        out.append(running)
    return out


def read_english_words():
    with open(ENGLISH_WORDS, encoding="utf-8") as f:
        return [w for w in (line.strip() for line in f) if LATIN_WORD.match(w)]


def read_russian_suffix_rules():
    """Hunspell SFX rules of the Russian dictionary: flag -> [(strip, add, condition)]."""
    rules = {}
    with open(RUSSIAN_AFF, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            # Rule lines have five fields or more; a flag's header line has four.
            if len(fields) < 5 or fields[0] != "SFX":
                continue
            flag, strip, add, condition = fields[1], fields[2], fields[3], fields[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/")[0]
            rules.setdefault(flag, []).append((strip, add, re.compile("(?:" + condition + ")$")))
    return rules


def read_russian_words():
    """Russian lemmas with their flags, as (word, flags)."""
    words = []
    with open(RUSSIAN_DIC, encoding="utf-8") as f:
        next(f)  # the entry count
        for line in f:
            word, _, flags = line.strip().partition("/")
            if CYRILLIC_WORD.match(word):
                words.append((word, flags))
    return words


def russian_forms(word, flags, rules, rng, limit=8):
    """The lemma plus up to `limit` inflected forms produced by its suffix rules."""
    forms = set()
    for flag in flags:
        for strip, add, condition in rules.get(flag, ()):
            if condition.search(word) and word.endswith(strip):
                forms.add(word[: len(word) - len(strip)] + add)
    forms.discard(word)
    forms = sorted(forms)
    if len(forms) > limit:
        forms = rng.sample(forms, limit)
    return [word] + forms


def read_arabic_words():
    """Arabic words of the hunspell list without flags, counts, section headers
    or diacritics. The file is several lists joined together ("::::" banners
    and a file name between them), and some entries carry a count after a tab."""
    words = set()
    with open(ARABIC_DIC, encoding="utf-8") as f:
        for line in f:
            word = line.split("\t")[0].split("/")[0].strip()
            word = ARABIC_MARKS.sub("", word)
            if len(word) >= 2 and ARABIC_LETTERS.match(word):
                words.add(word)
    return sorted(words)


class Language:
    """The word distribution of one language: function words and a sampled,
    Zipf-ranked content vocabulary, with cumulative weights for fast draws."""

    def __init__(self, code, content, rng):
        self.code = code
        function = FUNCTION_WORDS[code]
        share = FUNCTION_SHARE[code]
        weights = [w * share for w in zipf_weights(len(function), exponent=1.0, offset=1.5)]
        # Content words: shorter words tend to be more frequent, so rank by
        # length with noise rather than at random.
        ranked = sorted(content, key=lambda item: len(item[0]) + rng.gauss(0, 2.5))
        content_weights = zipf_weights(len(ranked))
        self.content = []
        self.content_weights = []
        for (forms, form_weights), w in zip(ranked, content_weights):
            for form, fw in zip(forms, form_weights):
                self.content.append(form)
                self.content_weights.append(w * fw)
        self.vocabulary = function + self.content
        weights += [w * (1 - share) for w in self.content_weights]
        self.cum_weights = cumulative(weights)
        self.content_cum = cumulative(self.content_weights)
        self.topics = {name: topic[code] for name, topic in TOPICS.items()}
        self.phrases = {name: topic["phrases"][code] for name, topic in TOPICS.items()}
        self.entity_spellings = []
        for _, spellings in NAMES:
            forms = [s for s, _ in spellings[code]]
            self.entity_spellings.append((forms, cumulative([w for _, w in spellings[code]])))
        self.entity_cum = cumulative([w for w, _ in NAMES])
        self.sources = SOURCES[code]
        authors = AUTHORS[code]
        self.authors = [authors[i] + " " + authors[i + 1] for i in range(0, len(authors) - 1, 2)]

    def words(self, rng, count):
        return rng.choices(self.vocabulary, cum_weights=self.cum_weights, k=count)

    def content_words(self, rng, count):
        return rng.choices(self.content, cum_weights=self.content_cum, k=count)

    def name(self, rng):
        forms, cum = rng.choices(self.entity_spellings, cum_weights=self.entity_cum)[0]
        return rng.choices(forms, cum_weights=cum)[0]


def build_languages(rng):
    """Reads the word lists and builds the three languages (a few seconds)."""
    english = read_english_words()
    english = rng.sample(english, min(CONTENT_WORDS, len(english)))
    english_content = [([w], [1.0]) for w in english]

    rules = read_russian_suffix_rules()
    russian = read_russian_words()
    russian = rng.sample(russian, min(CONTENT_WORDS // 4, len(russian)))
    russian_content = []
    for word, flags in russian:
        forms = russian_forms(word, flags, rules, rng)
        # The lemma (usually the nominative or infinitive) is the most frequent form.
        weights = [0.4] + [0.6 / (len(forms) - 1)] * (len(forms) - 1) if len(forms) > 1 else [1.0]
        russian_content.append((forms, weights))

    arabic = read_arabic_words()
    arabic = rng.sample(arabic, min(CONTENT_WORDS, len(arabic)))
    # A conjunction is written joined to the next word: وقال, فإن.
    arabic_content = [([w, "و" + w], [0.85, 0.15]) for w in arabic]

    return {
        "en": Language("en", english_content, rng),
        "ru": Language("ru", russian_content, rng),
        "ar": Language("ar", arabic_content, rng),
    }


def capitalised(word):
    return word[:1].upper() + word[1:]


class ArticleMaker:
    def __init__(self, languages, mix, seed, count):
        self.languages = languages
        self.lang_codes = list(mix)
        self.lang_cum = cumulative([mix[c] for c in self.lang_codes])
        self.topic_names = list(TOPICS)
        self.topic_cum = cumulative([TOPICS[t]["weight"] for t in self.topic_names])
        self.seed = seed
        self.count = count
        self.days = (LAST_DAY - FIRST_DAY).days

    def sentence_text(self, lang, words, rng):
        """Cuts a list of words into sentences of 6 to 24 words."""
        sentences = []
        start = 0
        comma = "،" if lang == "ar" else ","
        while start < len(words):
            length = min(len(words) - start, max(6, int(rng.gauss(15, 5))))
            if len(words) - start - length < 5:
                length = len(words) - start
            chunk = words[start:start + length]
            chunk[0] = capitalised(chunk[0])
            if length > 10 and rng.random() < 0.4:
                chunk[length // 2] += comma
            sentences.append(" ".join(chunk) + ".")
            start += length
        return " ".join(sentences)

    def paragraph(self, language, rng, keywords, regional, phrases):
        n = min(120, max(30, int(rng.lognormvariate(math.log(58), 0.38))))
        words = language.words(rng, n)
        # Bursty topic words: an article repeats its own keywords.
        for position in rng.sample(range(n), n // 9):
            words[position] = rng.choice(keywords)
        name_count = 0
        if regional:
            name_count = rng.choices((0, 1, 2, 3), cum_weights=(0.3, 0.75, 0.93, 1.0))[0]
        elif rng.random() < 0.08:
            name_count = 1
        for _ in range(name_count):
            words[rng.randrange(n)] = language.name(rng)
        if rng.random() < 0.2:
            position = rng.randrange(n)
            words[position:position] = rng.choice(phrases).split()
        return self.sentence_text(language.code, words, rng)

    def article(self, index):
        # Each article has its own generator, so that any article can be made
        # alone and the corpus is identical however it is produced.
        rng = random.Random(f"{self.seed}:{index}")
        code = rng.choices(self.lang_codes, cum_weights=self.lang_cum)[0]
        language = self.languages[code]
        topic = rng.choices(self.topic_names, cum_weights=self.topic_cum)[0]
        regional = rng.random() < REGIONAL_SHARE[topic]
        keywords = rng.sample(language.topics[topic], 5) + language.content_words(rng, 5)
        if regional:
            keywords += [language.name(rng) for _ in range(2)]
        phrases = language.phrases[topic]

        paragraphs = min(15, max(3, round(rng.lognormvariate(math.log(6), 0.45))))
        body = "\n\n".join(self.paragraph(language, rng, keywords, regional, phrases)
                           for _ in range(paragraphs))

        title_words = rng.sample(keywords, 3) + language.words(rng, rng.randint(3, 7))
        rng.shuffle(title_words)
        title = capitalised(" ".join(title_words))

        # Archive order: later articles are newer, with a few days of jitter.
        day = int(index * self.days / max(1, self.count - 1)) - rng.randint(0, 3)
        date = FIRST_DAY + datetime.timedelta(days=min(self.days, max(0, day)))
        if rng.random() < 0.3:
            published = f"{date.isoformat()}T{rng.randint(5, 23):02d}:{rng.randint(0, 59):02d}:00Z"
        else:
            published = date.isoformat()
        source, domain = rng.choice(language.sources)
        author = rng.choice(language.authors) if rng.random() < 0.85 else ""
        return {
            "id": f"s{self.seed}-{index:07d}",
            "url": f"https://{domain}/{date.year}/{date.month:02d}/{date.day:02d}/{index:07d}.html",
            "title": title,
            "author": author,
            "published": published,
            "lang": code,
            "source": source,
            "body": body,
        }


def parse_mix(text):
    mix = {}
    for part in text.split(","):
        code, _, share = part.partition("=")
        if code not in LANGUAGES:
            raise SystemExit(f"generate_corpus: unknown language {code!r} in --mix (use en, ru, ar)")
        try:
            mix[code] = float(share)
        except ValueError:
            raise SystemExit(f"generate_corpus: --mix wants LANG=SHARE pairs, got {part!r}")
    if sum(mix.values()) <= 0:
        raise SystemExit("generate_corpus: --mix shares must add up to more than zero")
    return mix


def write_corpus(maker, count, out_path):
    """Writes the articles as JSON Lines; a .zst path is compressed as it is
    written, by a zstd process fed through a pipe."""
    compressor = None
    if out_path is None or out_path == "-":
        sink = sys.stdout
    elif out_path.endswith(".zst"):
        out_file = open(out_path, "wb")
        compressor = subprocess.Popen(["zstd", "-q", "-T0", "-c"], stdin=subprocess.PIPE, stdout=out_file)
        out_file.close()
        sink = open(compressor.stdin.fileno(), "w", encoding="utf-8", closefd=False)
    else:
        sink = open(out_path, "w", encoding="utf-8")

    batch = []
    for index in range(count):
        batch.append(json.dumps(maker.article(index), ensure_ascii=False))
        if len(batch) == 500:
            sink.write("\n".join(batch) + "\n")
            batch.clear()
    if batch:
        sink.write("\n".join(batch) + "\n")
    sink.flush()
    if compressor is not None:
        sink.close()
        compressor.stdin.close()
        if compressor.wait() != 0:
            raise SystemExit("generate_corpus: zstd failed")
    elif sink is not sys.stdout:
        sink.close()


# Queries written by hand from the same names, topic words and phrases the
# corpus uses, so that they all find articles.
FIXED_QUERIES = {
    "N": """Khmeimim Hmeimim Humaymim Хмеймим حميميم Tartus Tartous Тартус طرطوس
        Latakia Lattakia Латакия اللاذقية Hama Хама حماة Hamas ХАМАС حماس Idlib
        Идлиб إدلب Palmyra Пальмира تدمر Goznak Гознак Qamishli Камышлы القامشلي
        Aleppo حلب""".split(),
    "T": [
        "Russian naval base Tartus", "sanctions Syria banks", "grain contract port",
        "currency printing Goznak", "Khmeimim air base lease", "oil contract Latakia",
        "frozen assets sanctions", "phosphate concession", "ceasefire Idlib drones",
        "wheat shipments Latakia", "Assad Putin talks", "Hmeimim bombers",
        "Tartous port terminal", "treasury sanctions waiver",
        "санкции Сирия банки", "военная база Тартус", "контракт порт Тартус",
        "поставки зерна Латакия", "авиабаза Хмеймим", "Гознак банкноты Сирии",
        "Путин Асад переговоры", "санкций против банков", "аренда базы флота",
        "фосфаты контракт", "беспилотники Идлиб",
        "العقوبات سوريا المصارف", "القاعدة الجوية حميميم", "عقود ميناء طرطوس",
        "طباعة العملة روسيا", "شحنات القمح اللاذقية", "الأصول المجمدة البنوك",
        "بوتين الأسد المحادثات", "اتفاقية الفوسفات", "غارات إدلب",
        "Syria sanctions", "Россия Сирия", "روسيا سوريا",
    ],
    "P": [
        '"naval base"', '"economic sanctions" Syria', '"Caesar Act"', '"port of Tartus"',
        '"военная база"', '"экономические санкции"', '"порт Тартус"',
        '"العقوبات الاقتصادية"', '"ميناء طرطوس"', '"إعادة الإعمار"',
    ],
    "L": [
        "what did Russia agree about the lease of the naval base in Tartus",
        "which banks were hit by the new sanctions on Syria",
        "how much wheat was shipped to Latakia under the grain contract",
        "who signed the contract for printing Syrian banknotes",
        "why were Russian bombers moved to the Hmeimim air base",
        "какие санкции ввели против сирийских банков",
        "кто подписал контракт на порт Тартус и на какой срок",
        "сколько пшеницы Россия поставила в Латакию",
        "ما هي العقوبات الجديدة على المصارف السورية",
        "من وقع عقد ميناء طرطوس مع روسيا",
    ],
}


def write_queries(languages, seed, path):
    """Writes "QID<TAB>QUERY" lines: names (N), topic words (T), phrases (P),
    long questions (L), and pairs of mid-frequency words of each language (V)."""
    rows = []
    for kind in ("N", "T", "P", "L"):
        rows += [(f"{kind}{i + 1:02d}", q) for i, q in enumerate(FIXED_QUERIES[kind])]
    rng = random.Random(f"{seed}:queries")
    number = 1
    for code in LANGUAGES:
        content = languages[code].content
        for _ in range(4):
            # Ranks 30-600: words frequent enough to co-occur, rare enough to select.
            words = [content[rng.randrange(30, 600)] for _ in range(2)]
            rows.append((f"V{number:02d}", " ".join(words)))
            number += 1
    with open(path, "w", encoding="utf-8") as f:
        for qid, query in rows:
            f.write(f"{qid}\t{query}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100000, help="number of articles (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--mix", default="en=0.5,ru=0.25,ar=0.25", help="language shares (default en=0.5,ru=0.25,ar=0.25)")
    parser.add_argument("--out", help="output file (.jsonl, or .jsonl.zst to compress); default stdout")
    parser.add_argument("--queries", metavar="FILE", help="also write the query set to FILE")
    args = parser.parse_args()
    if args.articles < 0:
        parser.error("--articles must not be negative")
    mix = parse_mix(args.mix)

    for path in (ENGLISH_WORDS, RUSSIAN_DIC, RUSSIAN_AFF, ARABIC_DIC):
        try:
            open(path).close()
        except OSError:
            raise SystemExit(f"generate_corpus: {path} is missing; run bench/install-deps.sh")

    languages = build_languages(random.Random(f"{args.seed}:vocabulary"))
    if args.queries:
        write_queries(languages, args.seed, args.queries)
    if args.out is not None or args.queries is None:
        write_corpus(ArticleMaker(languages, mix, args.seed, args.articles), args.articles, args.out)


if __name__ == "__main__":
    main()
