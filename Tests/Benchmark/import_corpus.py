#!/usr/bin/env python3
"""Writes a Jekyll site of N posts for timing `generate import` (not part of the tests).

    python3 Tests/Benchmark/import_corpus.py OUT [N]

Seeded, so every run writes the same files: posts over ten years in three categories, each
with front matter as Jekyll blogs carry it, a highlight block, {% raw %}, a {% post_url %} to an
earlier post, a link relative to the post's old URL, an absolute link into the old site, a
root-relative image (one of twenty shared PNGs) and an include left for a person.
"""
import os
import random
import struct
import sys
import zlib


def png(path, seed):
    raw = b"".join(b"\x00" + bytes([seed * 11 % 256, seed * 37 % 256, seed * 73 % 256]) * 8 for _ in range(6))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 6, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(16)
    os.makedirs(os.path.join(out, "_posts"), exist_ok=True)
    os.makedirs(os.path.join(out, "assets", "img"), exist_ok=True)
    with open(os.path.join(out, "_config.yml"), "w") as f:
        f.write("title: Benchmark News\nurl: https://old.bench.example\npermalink: pretty\ntimezone: Europe/Paris\n")
    for i in range(20):
        png(os.path.join(out, "assets", "img", f"photo-{i}.png"), i)
    words = ("court ruling shelter families rights appeal volunteers report council housing "
             "workers clinic advice migrants winter campaign vigil").split()
    posts = []
    for i in range(count):
        year = 2015 + i * 10 // count
        month = 1 + (i * 7) % 12
        day = 1 + (i * 13) % 28
        title = " ".join(rng.choice(words) for _ in range(5)).capitalize()
        name = f"{year:04d}-{month:02d}-{day:02d}-post-{i:05d}"
        category = ["news", "campaigns", "press"][i % 3]
        posts.append((name, category, year, month, day, f"post-{i:05d}"))
        lines = [
            "---",
            "layout: post",
            f'title: "{title}"',
            f"categories: [{category}]",
            f"tags: {rng.choice(words)} {rng.choice(words)}",
            f'excerpt: "{title} in brief."',
            "comments: true",
            "---",
            f"{title}. " + " ".join(rng.choice(words) for _ in range(60)) + ".",
            "",
            f"![Photo {i}](/assets/img/photo-{i % 20}.png)",
            "",
        ]
        if i > 0:
            earlier = posts[rng.randrange(0, i)]
            lines.append(f"See also [an earlier post]({{% post_url {earlier[0]} %}}) and "
                         f"[the same](https://old.bench.example/{earlier[1]}/{earlier[2]:04d}/{earlier[3]:02d}/{earlier[4]:02d}/{earlier[5]}/).")
            lines.append(f"And [relative](../../../../../{earlier[1]}/{earlier[2]:04d}/{earlier[3]:02d}/{earlier[4]:02d}/{earlier[5]}/).")
            lines.append("")
        lines += [
            "{% highlight python %}",
            f"print({i})",
            "{% endhighlight %}",
            "",
            "{% raw %}{{ not liquid }}{% endraw %}",
            "",
            "{% include share-buttons.html %}",
            "",
        ]
        with open(os.path.join(out, "_posts", name + ".md"), "w") as f:
            f.write("\n".join(lines))


main()
