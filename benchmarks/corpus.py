"""Generate a corpus of any size from the seed articles: perturbed copies with the damage scraped text has.

Each document is a random selection of seed paragraphs (raw pages with their menus and footers, and
clean article text), shuffled, and each paragraph may be hard-wrapped (with words hyphenated at the
wrap), turned into mojibake, given link and image markup, or given stray whitespace and CRLF line
ends. The same seed number gives the same corpus, so runs can be compared.

    python -m benchmarks.corpus --size-mb 50 -o corpus.jsonl      # also .jsonl.gz, .jsonl.zst

writes JSONL records ``{"id": "gen-0000001", "text": ...}`` as they are made, so a corpus of any size
needs no more memory than one document.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_paragraphs(seeds: Path = SEEDS) -> list[str]:
    """The paragraphs of the raw seeds and of their clean versions."""
    paths = sorted(seeds.glob("*.txt")) + sorted((seeds / "expected").glob("*.txt"))
    paragraphs: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        paragraphs.extend(p.strip() for p in text.split("\n\n") if p.strip())
    if not paragraphs:
        raise SystemExit(f"no seed paragraphs found in {seeds}")
    return paragraphs


def hard_wrap(paragraph: str, rng: random.Random) -> str:
    """Wrap at 60-80 columns, as a mail client or a text extractor does, hyphenating some long words."""
    width = rng.randint(60, 80)
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if len(word) >= 8 and room >= 3 and word.isalpha() and rng.random() < 0.3:
                cut = rng.randint(3, min(room, len(word) - 3))
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
            else:
                lines.append(line)
                line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def mojibake(paragraph: str, rng: random.Random) -> str:
    """UTF-8 bytes read as a legacy single-byte encoding, once or twice."""
    encoding = rng.choice(["cp1252", "latin-1", "mac_roman"])
    for _ in range(rng.choice([1, 1, 1, 2])):
        paragraph = paragraph.encode("utf-8").decode(encoding, errors="replace")
    return paragraph


def link_markup(paragraph: str, rng: random.Random, number: int) -> str:
    """Make a few runs of words into markdown or HTML links, and maybe put an image before the paragraph."""
    words = paragraph.split(" ")
    for _ in range(rng.randint(1, 3)):
        if len(words) < 6:
            break
        start = rng.randrange(len(words) - 4)
        end = start + rng.randint(1, 4)
        anchor = " ".join(words[start:end])
        url = f"https://example.org/{rng.choice(['news', 'world', 'tag', 'p'])}/{number}-{start}"
        markdown = rng.random() < 0.7
        words[start:end] = [f"[{anchor}]({url})" if markdown else f'<a href="{url}">{anchor}</a>']
    text = " ".join(words)
    if rng.random() < 0.2:
        text = f"![photo {number}](https://example.org/img/{number}.jpg)\n\n{text}"
    return text


def stray_whitespace(paragraph: str, rng: random.Random) -> str:
    """Trailing spaces and tabs, and Windows line ends."""
    lines = [line + rng.choice(["", " ", "   ", "\t"]) for line in paragraph.split("\n")]
    return ("\r\n" if rng.random() < 0.5 else "\n").join(lines)


def documents(seed: int = 0, seeds: Path = SEEDS) -> Iterator[str]:
    """Yield perturbed documents, without end."""
    rng = random.Random(seed)
    pool = seed_paragraphs(seeds)
    number = 0
    while True:
        number += 1
        parts = []
        for _ in range(rng.randint(10, 80)):
            paragraph = rng.choice(pool)
            if rng.random() < 0.2:
                paragraph = link_markup(paragraph, rng, number)
            if rng.random() < 0.25:
                paragraph = hard_wrap(paragraph, rng)
            if rng.random() < 0.1:
                paragraph = mojibake(paragraph, rng)
            if rng.random() < 0.2:
                paragraph = stray_whitespace(paragraph, rng)
            parts.append(paragraph)
            parts.append(rng.choice(["\n\n", "\n\n", "\n\n", "\n", "\n\n\n\n"]))
        yield "".join(parts)


def build(size_bytes: int, seed: int = 0) -> list[str]:
    """Documents whose UTF-8 size adds up to at least ``size_bytes``."""
    texts = []
    total = 0
    for text in documents(seed):
        if total >= size_bytes:
            break
        texts.append(text)
        total += len(text.encode("utf-8"))
    return texts


def open_output(path: Path) -> IO[str]:
    """A text file for writing, compressed by its suffix (.gz, or .zst with the zstandard package)."""
    if path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8")
    if path.suffix == ".zst":
        try:
            import zstandard
        except ImportError:
            raise SystemExit("writing .zst needs the zstandard package: pip install zstandard") from None
        return io.TextIOWrapper(zstandard.ZstdCompressor().stream_writer(path.open("wb")), encoding="utf-8")
    return path.open("w", encoding="utf-8")


def write_jsonl(path: Path, size_bytes: int, seed: int = 0) -> tuple[int, int]:
    """Write records until their text adds up to ``size_bytes``; return (records, bytes of text)."""
    count = total = 0
    with open_output(path) as handle:
        for text in documents(seed):
            if total >= size_bytes:
                break
            count += 1
            handle.write(json.dumps({"id": f"gen-{count:07d}", "text": text}, ensure_ascii=False) + "\n")
            total += len(text.encode("utf-8"))
    return count, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=50.0, help="text to generate, in MB (default: 50)")
    parser.add_argument("--seed", type=int, default=0, help="the random seed (default: 0)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="a .jsonl, .jsonl.gz or .jsonl.zst file")
    args = parser.parse_args(argv)
    count, total = write_jsonl(args.output, int(args.size_mb * 1e6), args.seed)
    print(f"{args.output}: {count} records, {total / 1e6:.1f} MB of text", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
