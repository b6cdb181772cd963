#!/usr/bin/env python3
"""Makes the fuzz targets' seed corpora in tests/fuzz/corpus/ from the sample content and the
end-to-end test content, so the seeds are real files staff wrote. Run by hand after the content
format changes: tests/fuzz/make-corpus.py (then commit what changed). The image seeds come from
fuzz_images itself: KIOSK_FUZZ_WRITE_SEEDS=tests/fuzz/corpus/fuzz_images build/asan/tests/fuzz/fuzz_images,
and the sample's content/logo.png."""
import hashlib
import pathlib
import tomllib

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent
content = root / "content"
corpus = here / "corpus"
SEP = b"\n@@@ "

# Must match kLanguages in fuzz_text_layout.cpp.
LANGUAGES = ["zh-Hans", "zh-Hant", "en", "ja", "ko", "ru", "mn", "vi", "th", "ar",
             "he", "hi", "km", "lo", "my", "fa", "ka", "am", "el", "ms"]


def write(target, name, data):
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def cut_utf8(b, limit):
    """At most `limit` bytes of b, cut at a character boundary."""
    if len(b) <= limit:
        return b
    b = b[:limit]
    while b and (b[-1] & 0xC0) == 0x80:
        b = b[:-1]
    return b[:-1] if b and b[-1] >= 0xC0 else b


def folder(files):
    """A content folder as one fuzz input: kiosk.toml first, then '@@@ path' and each file."""
    out = files[0][1]
    for name, data in files[1:]:
        out += SEP + name.encode() + b"\n" + data
    return out


def content_seeds():
    kiosk = (content / "kiosk.toml").read_bytes()
    logo = (content / "logo.png").read_bytes()[:64]  # its header: the loader's checks read no more
    for sdir in sorted((content / "sections").iterdir()):
        rel = sdir.relative_to(content).as_posix()
        files = [("kiosk.toml", kiosk), ("logo.png", logo)]
        for f in sorted(sdir.glob("*.toml")):
            files.append((f"{rel}/{f.name}", f.read_bytes()))
        # Two bodies per section (Cyrillic and Japanese), cut short: real Markdown, small seeds.
        for f in sorted(sdir.glob("*.ru.md"))[:1] + sorted(sdir.glob("*.ja.md"))[:1]:
            files.append((f"{rel}/{f.name}", cut_utf8(f.read_bytes(), 1500)))
        for f in sorted((sdir / "images").glob("*"))[:2]:
            files.append((f"{rel}/images/{f.name}", f.read_bytes()[:600]))
        write("fuzz_content", f"sample-{sdir.name}", folder(files))
    scripts = root / "tests/e2e/scripts-content"
    files = [("kiosk.toml", (scripts / "kiosk.toml").read_bytes())]
    for f in sorted(scripts.rglob("*")):
        if f.is_file() and f.name != "kiosk.toml":
            files.append((f.relative_to(scripts).as_posix(), f.read_bytes()))
    write("fuzz_content", "scripts-content", folder(files))
    minimal = [
        ("kiosk.toml", b'[kiosk]\nlanguages = ["en", "zh-Hans"]\ndefault_language = "en"\n'),
        ("sections/01-a/section.toml", b'title = { en = "A", zh-Hans = "\xe7\x94\xb2" }\n'),
        ("sections/01-a/01-b.toml",
         b'title = "B"\nsummary = { en = "s" }\nbody = """\n# H\n\n- **x**\n"""\n[[images]]\nfile = "images/p.png"\ncaption = "c"\n'),
        ("sections/01-a/01-b.zh-Hans.md", b"\xe6\xad\xa3\xe6\x96\x87 **\xe7\xb2\x97**\n"),
        ("sections/01-a/images/p.png", logo),
    ]
    write("fuzz_content", "minimal", folder(minimal))


def markdown_seeds():
    for lang in ["zh-Hant", "ja", "ko", "ru", "mn", "vi"]:
        for i, f in enumerate(sorted(content.glob(f"sections/*/*.{lang}.md"))[:2]):
            write("fuzz_markdown", f"{lang}-{i}.md", cut_utf8(f.read_bytes(), 4000))
    write("fuzz_markdown", "constructs.md",
          b"## Visiting\n\nOpen **daily** from 9.\nSecond line.  \nHard break.\n\n1. first\n2. second\n\n"
          b"- a\n  - nested\n    - deeper **bold *both***\n\n> quote\n\n```\ncode\n```\n\n"
          b"See [site](https://a.b) ![img](x.png) <b>html</b> &amp; &#x4E2D;\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
          b"Setext\n======\n\n***\n\n3) three\n4) four\n")


def text_seeds():
    texts = []
    sample = tomllib.loads((root / "tests/e2e/scripts-content/sections/01-scripts/01-sample.toml").read_text())
    for key in ("title", "body"):
        for lang, value in sample.get(key, {}).items():
            texts.append((lang, value.strip().encode()))
    item = tomllib.loads((content / "sections/01-city-promotion/01-shenyang-at-a-glance.toml").read_text())
    for lang in ["zh-Hans", "en"]:
        texts.append((lang, cut_utf8(item["body"][lang].encode(), 600)))
    for lang in ["zh-Hant", "ja", "ko", "ru", "mn", "vi"]:
        f = sorted(content.glob(f"sections/*/*.{lang}.md"))[0]
        texts.append((lang, cut_utf8(f.read_bytes(), 600)))
    texts += [
        ("ar", "السعر ١٢٣ دولار (USD 123) في «شنيانغ» ٢٠٢٦".encode()),
        ("he", "שניאנג היא עיר בצפון-מזרח סין, 2026 — ברוכים הבאים!".encode()),
        ("hi", "शेनयांग उत्तर-पूर्वी चीन का एक शहर है।".encode()),
        ("km", "សូមស្វាគមន៍មកកាន់ទីក្រុងសេនយ៉ាង".encode()),
        ("my", "ရှန်ယန်မြို့မှ ကြိုဆိုပါသည်".encode()),
        ("en", "Emoji 👩‍👩‍👧 flags 🇨🇳🇬🇧, combining e\u0301\u0302\u0323, soft\u00adhyphen, zero\u200bwidth, "
               "\u202eRLO\u202c \u2067isolate\u2069 tab\tnewline\nend".encode()),
        ("en", b"Averyveryverylongwordwithoutanyplacetobreakitthatmustbecutsomewhereonthescreen " * 3),
        ("th", "ที่นี่น้ำใสสะอาด กรุงเทพมหานคร".encode()),
        ("ja", "「瀋陽」は、中国東北部の都市です。ーーー！？".encode()),
    ]
    for i, (lang, text) in enumerate(texts):
        index = LANGUAGES.index(lang)
        width = [120, 400, 900, 1700][i % 4]
        style = [0x03, 0x2B, 0x54, 0x9D, 0x06][i % 5]  # pixel size, alignment, line limit
        data = bytes([index, width >> 8, width & 0xFF, style]) + text
        write("fuzz_text_layout", f"{lang}-{hashlib.sha1(data).hexdigest()[:8]}", data)


def visit_seeds():
    day = b'{"v":1,"type":"session_start","date":"2026-12-15","time":"09:01","session":1,"lang":"zh-Hans"}\n' \
          b'{"v":1,"type":"language","date":"2026-12-15","time":"09:01","session":1,"lang":"en"}\n' \
          b'{"v":1,"type":"section","date":"2026-12-15","time":"09:02","session":1,"lang":"en","section":"investment","seconds":12.40}\n' \
          b'{"v":1,"type":"item","date":"2026-12-15","time":"09:02","session":1,"lang":"en","section":"investment","item":"industrial-base","seconds":31.25,"cut":true}\n' \
          b'{"v":1,"type":"qr_shown","date":"2026-12-15","time":"09:03","session":1,"lang":"en","section":"investment","item":"industrial-base"}\n' \
          b'{"v":1,"type":"idle_reset","date":"2026-12-15","time":"09:05","session":1,"lang":"en"}\n' \
          b'{"v":1,"type":"session_end","date":"2026-12-15","time":"09:05","session":1,"lang":"en","seconds":95.00,"items":1,"ended":"idle"}\n'
    write("fuzz_visit_log", "day.jsonl", day)
    write("fuzz_visit_log", "torn.jsonl",
          day[:200] + b'{"v":1,"type":"item","date":"2026-12-15","ti\n'
          b'{"v":1,"type":"session_end","date":"2026-12-16","time":"23:59","session":7,"lang":"ru","seconds":0.00,"items":0,"ended":"stopped"}\n'
          b'{"v":1,"type":"session_end","date":"2026-12-16","time":"00:00","session":8,"lang":"vi","seconds":1.5,"items":3,"ended":"visitor"}')
    write("fuzz_visit_log", "escapes.jsonl",
          b'{"v":1,"type":"item","date":"2026-02-28","time":"14:03","session":3,"lang":"zh-Hant","section":"tr\\"a\\\\de\\u4e2d",'
          b'"item":"\\ud83d\\ude00ftz","seconds":1e2}\n'
          b'{ "v" : 1 , "type" : "language" , "date" : "2024-02-29" , "time" : "00:00" , "session" : 1 , "lang" : "mn" }\n')


if __name__ == "__main__":
    content_seeds()
    markdown_seeds()
    text_seeds()
    visit_seeds()
