# ruff: noqa: RUF001, RUF002  (the characters of mojibake are this module's subject)
"""Repair mojibake: UTF-8 text that was decoded with the wrong codec, once or twice.

"â€™" for "’", "Ã©" for "é", "√©" from Mac Roman, "Ã¢â‚¬â„¢" after two rounds: each is the UTF-8
encoding of a character read back as Windows-1252, Latin-1 or Mac Roman. The repair is ftfy's
(``ftfy.fix_encoding``), run only on the segments that need it, so that correct text around a
broken quote stays exactly as it was; HTML entities left in the text are decoded too.

Correct text is never changed: quotes stay curly, widths and normal forms stay as they are (that
is the ``unicode`` cleaner's business).
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from functools import cache

import ftfy
import ftfy.badness
import regex

from textclean import _native
from textclean.edits import Edit, apply_edits, derive_edits, merge_edits
from textclean.registry import NativeStep
from textclean.rounds import find_until_settled
from textclean.text import mojibake_chars
from textclean.text.markup_tokens import tokenize_links, tokenize_markup

# A segment is the line around a suspect spot, cut to this many characters on either side of it
# (a 10 MB line must not go to ftfy whole).
_REACH = 2000
_IMPLAUSIBLE_CATEGORIES = frozenset(("Cc", "Cn", "Co", "Cs"))
# UTF-8 of Syriac, Thaana and N'Ko starts with the bytes that Latin-1 reads as "Ü", "Ý", "Þ" and "ß":
# "Ü§" in German text reads as a Syriac letter. A misread word of those scripts is a run of such pairs,
# so a repair to fewer than three of their letters in a row is taken for clean text and not made.
_RARE_SCRIPT_LETTER = regex.compile(r"[\u0700-\u07ff]")
_RARE_SCRIPT_WORD = regex.compile(r"[\u0700-\u07ff]{3}")


@dataclass(frozen=True)
class MojibakeOptions:
    """Options of :func:`fix_mojibake`."""

    html_entities: bool = True  # entities in scraped text are escapes that the extractor forgot

    def __post_init__(self) -> None:
        if not isinstance(self.html_entities, bool):
            raise ValueError(f"html_entities must be True or False, not {self.html_entities!r}")


def find_mojibake_edits(text: str, options: MojibakeOptions = MojibakeOptions()) -> list[Edit]:
    """Find the encoding repairs of ``text`` (see :func:`fix_mojibake`)."""
    if text.isascii() and (not options.html_entities or "&" not in text):
        return []
    # a round of entities, lost bytes and encodings until nothing changes: "&amp;#195;&amp;#169;" needs two
    return find_until_settled(text, lambda current: _one_round(current, options))


def _one_round(text: str, options: MojibakeOptions) -> list[Edit]:
    found = _entity_edits(text) if options.html_entities else []
    for find_more in (_lost_punctuation_edits, _encoding_edits):
        found = merge_edits(text, found, find_more(apply_edits(text, found)))
    return found


def native_step(options: MojibakeOptions) -> NativeStep:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``).

    The core runs it only where the tests this cleaner starts with find nothing to repair: no HTML character
    reference (where they are decoded), no contraction that lost its apostrophe, nothing the gate finds;
    elsewhere it hands the text back for this step.
    """
    return ("mojibake", (options.html_entities, _gate()))


def fix_mojibake(text: str, *, html_entities: bool = True) -> str:
    """Repair text that was decoded with the wrong codec, and decode leftover HTML entities.

    Scraped text is often UTF-8 read as Windows-1252, Latin-1 or Mac Roman, sometimes twice,
    sometimes in one quoted line only. Only the broken segments are repaired; correct text comes
    back exactly as it was.

    Args:
        html_entities: decode ``&amp;``, ``&#8217;``, ``&rsquo;`` and the like where they are
            escapes (not where the text talks about them, in quotes or code).

    >>> fix_mojibake("Itâ€™s a cafÃ©.")
    'It’s a café.'
    >>> fix_mojibake("He said ‚ÄúHi‚Äù. She said “bye”.")
    'He said “Hi”. She said “bye”.'
    >>> fix_mojibake("donÃ¢â‚¬â„¢t")
    'don’t'
    >>> fix_mojibake("Tom &amp;amp; Jerry&#8217;s")
    'Tom & Jerry’s'
    >>> fix_mojibake("NESTLÉ® … Všetko")
    'NESTLÉ® … Všetko'
    """
    return apply_edits(text, find_mojibake_edits(text, MojibakeOptions(html_entities=html_entities)))


def _encoding_edits(text: str) -> list[Edit]:
    """Repair each segment that holds a suspect pair of characters."""
    edits: list[Edit] = []
    has_c1, has_pair = _gate().read(text)
    if not has_c1 and not has_pair:
        return edits
    pos = 0
    candidates = mojibake_chars.SUSPECT if has_c1 else mojibake_chars.CANDIDATE
    while (candidate := candidates.search(text, pos)) is not None:
        match = mojibake_chars.SUSPECT.match(text, candidate.start())
        if match is None:
            pos = candidate.start() + 1
            continue
        start, end = _segment(text, match.start(), match.end())
        segment = text[start:end]
        fixed, rule = _fix_segment(segment)
        edits.extend(_shifted(edit, start) for edit in derive_edits(segment, fixed, rule))
        pos = end
    return edits


@cache
def _gate() -> _native.MojibakeGate:
    """Return the native gate (native/src/mojibake.rs): does a text hold a C1 control, or a pair of one codec.

    A text holds one of them where :data:`~textclean.text.mojibake_chars.SUSPECT` finds a match.
    """
    return _native.MojibakeGate(list(mojibake_chars.CODEC_CHARACTERS))


def _undo_lone_rare_letters(original: str, fixed: str) -> str:
    """Keep the words of ``original`` whose repair gives fewer than three Syriac, Thaana or N'Ko letters in a row.

    >>> _undo_lone_rare_letters("Ã© Ü§", "é \u0727")
    'é Ü§'
    """
    if _RARE_SCRIPT_LETTER.search(fixed) is None:
        return fixed
    words, repaired = original.split(" "), fixed.split(" ")
    if len(words) != len(repaired):
        return original
    return " ".join(
        old if _RARE_SCRIPT_LETTER.search(new) and not _RARE_SCRIPT_WORD.search(new) else new
        for old, new in zip(words, repaired, strict=True)
    )


def _segment(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the line around ``start:end``, cut at spaces to at most ``_REACH`` on either side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    if start - line_start > _REACH:
        space = text.find(" ", start - _REACH, start)
        line_start = space + 1 if space >= 0 else start - _REACH
    if line_end - end > _REACH:
        space = text.rfind(" ", end, end + _REACH)
        line_end = space if space >= 0 else end + _REACH
    return line_start, line_end


def _fix_segment(segment: str) -> tuple[str, str]:
    """Repair one segment; return it and the rule that names what was done.

    ftfy runs on the segment as it is, and on the segment with its Mac Roman runs decoded first
    (ftfy would misread "‚Ä¶" as Windows-1252 "Ä¶"); the result with fewer suspect pairs and less
    ftfy badness wins; on a tie, the codec whose sequences cover more of the segment. A closing
    quote that lost its last byte gets it back first. A repair that leaves more control characters
    than it found is no repair, and the segment stays as it was; so is a lone letter of a rare script.
    """
    original = segment
    segment = mojibake_chars.LOST_QUOTE_END.sub(lambda match: match.group() + "\x9d", segment)
    fixed, plan = _fix_with_ftfy(segment)
    mac, mac_plan = _fix_mac_sequences(segment)
    if mac_plan:
        mac, more = _fix_with_ftfy(mac)
        mac_damage, plain_damage = _damage(mac), _damage(fixed)
        if mac_damage < plain_damage or (
            mac_damage == plain_damage and _mac_evidence(segment) > _windows_evidence(segment)
        ):
            fixed, plan = mac, mac_plan + more
    fixed = _undo_lone_rare_letters(original, fixed)
    if _count_controls(fixed) > _count_controls(original) or fixed == original:
        return original, ""
    return fixed, _rule(plan)


def _fix_with_ftfy(segment: str) -> tuple[str, list[tuple[str, str]]]:
    """Run ftfy on the segment, then word by word on what it left (mixed text)."""
    result = ftfy.fix_encoding_and_explain(segment)
    fixed, plan = result.text, _steps(result)
    if any(_gate().read(fixed)):  # what SUSPECT finds, read natively
        fixed, word_plan = _fix_words(fixed)
        plan.extend(word_plan)
    return fixed, plan


def _windows_evidence(segment: str) -> int:
    """Count the characters of ``segment`` in runs that decode as UTF-8 read as Windows-1252."""
    return sum(
        len(match.group())
        for match in mojibake_chars.WINDOWS_SEQUENCES.finditer(segment)
        if _is_windows_mojibake(match.group())
    )


def _mac_evidence(segment: str) -> int:
    """Count the characters of ``segment`` in runs that decode as UTF-8 read as Mac Roman."""
    return sum(
        len(run)
        for run in (m.group() for m in mojibake_chars.MAC_SEQUENCES.finditer(segment))
        if _decodes(run, mojibake_chars.MAC_CODEC)
    )


def _count_controls(text: str) -> int:
    """Count the control characters of ``text`` other than tab and line breaks."""
    return len(mojibake_chars.CONTROL.findall(text))


def _damage(text: str) -> tuple[int, int]:
    """How broken ``text`` still looks: suspect pairs, then ftfy's badness."""
    return len(mojibake_chars.SUSPECT.findall(text)), ftfy.badness.badness(text)


def _fix_words(segment: str) -> tuple[str, list[tuple[str, str]]]:
    """Run ftfy on each space-separated word that holds a suspect pair.

    The ``re`` scan of :data:`~textclean.text.mojibake_chars.CANDIDATE` (a superset of the pairs) passes
    over the words that hold none, unless the segment holds a C1 control, which only ``SUSPECT`` finds.
    """
    words = segment.split(" ")
    plan: list[tuple[str, str]] = []
    screen = mojibake_chars.SUSPECT if mojibake_chars.C1_CONTROL.search(segment) else mojibake_chars.CANDIDATE
    for index, word in enumerate(words):
        if screen.search(word) and mojibake_chars.SUSPECT.search(word):
            result = ftfy.fix_encoding_and_explain(word)
            if _count_controls(result.text) <= _count_controls(word):
                words[index] = result.text
                plan.extend(_steps(result))
    return " ".join(words), plan


def _steps(result: ftfy.ExplainedText) -> list[tuple[str, str]]:
    """Return ftfy's explanation of a repair as ``(action, parameter)`` pairs."""
    return [(step.action, step.parameter) for step in result.explanation or []]


def _fix_mac_sequences(segment: str) -> tuple[str, list[tuple[str, str]]]:
    """Decode runs of UTF-8 sequences read as Mac Roman, where they decode to plausible text.

    Runs that are also Windows-1252 mojibake are left to ftfy. A lone pair is decoded when it starts
    with a math sign that no accented letter follows in correct text, inside a word ("Reflex√£o"),
    or when longer runs of the same segment were decoded ("–∏" between Cyrillic words).
    """
    runs = []
    for match in mojibake_chars.MAC_SEQUENCES.finditer(segment):
        run = match.group()
        try:
            decoded = run.encode(mojibake_chars.MAC_CODEC).decode("utf-8")
        except UnicodeError:
            continue
        before = segment[match.start() - 1 : match.start()]
        after = segment[match.end() : match.end() + 1]
        if _plausible(decoded, before) and not _is_windows_mojibake(run):
            in_word = before.isalnum() or after.isalnum()
            sure = len(run) > 2 or (run[0] in mojibake_chars.MAC_LATIN_LEADS and in_word)
            runs.append((match.start(), match.end(), decoded, sure))
    if not any(sure for *_, sure in runs):
        return segment, []
    parts = []
    pos = 0
    for start, end, decoded, _ in runs:
        parts.append(segment[pos:start])
        parts.append(decoded)
        pos = end
    parts.append(segment[pos:])
    return "".join(parts), [("encode", mojibake_chars.MAC_CODEC)]


def _plausible(decoded: str, before: str) -> bool:
    """Tell whether ``decoded`` can be text.

    It holds no control, unassigned or private-use character, and a combining mark only after a letter.
    """
    if any(unicodedata.category(char) in _IMPLAUSIBLE_CATEGORIES for char in decoded):
        return False
    return unicodedata.category(decoded[0]) not in ("Mn", "Me") or before.isalpha()


def _is_windows_mojibake(run: str) -> bool:
    """Whether ``run`` is also UTF-8 read as Windows-1252 ("Ã§" for "ç"), which ftfy judges."""
    return _decodes(run, mojibake_chars.WINDOWS_CODEC)


def _decodes(run: str, codec: str) -> bool:
    """Whether ``run`` is UTF-8 read as ``codec``."""
    try:
        run.encode(codec).decode("utf-8")
    except UnicodeError:
        return False
    return True


def _rule(plan: list[tuple[str, str]]) -> str:
    """Name a repair after the codecs that misread the text: ``utf8-read-as-macroman``."""
    codecs = [
        "windows-1252" if step in ("decode_inconsistent_utf8", "fix_c1_controls") else step.replace("sloppy-", "")
        for kind, step in plan
        if kind == "encode" or step in ("decode_inconsistent_utf8", "fix_c1_controls")
    ]
    names = list(dict.fromkeys(codecs)) or ["windows-1252"]
    return "utf8-read-as-" + "+".join(names)


def _lost_punctuation_edits(text: str) -> list[Edit]:
    """Guess the punctuation that Latin-1 mojibake lost with its C1 bytes, where the text shows it.

    Only a text with a broken English contraction ("Theyâll") qualifies; there, each contraction
    gets its apostrophe and each other lone "â" outside a word is guessed from its neighbours:
    between spaces a dash, before a word an opening quote, after one a closing quote; "â¦" is "…"
    and "â¢" is "•". An "â" inside a word may be a letter ("château") and stays.
    """
    if "â" not in text or mojibake_chars.LOST_C1_CONTRACTION.search(text) is None:
        return []
    edits = []
    contractions = {match.start() for match in mojibake_chars.LOST_C1_CONTRACTION.finditer(text)}
    for match in mojibake_chars.LOST_C1_PUNCTUATION.finditer(text):
        start, end = match.span()
        if start in contractions:
            new = "’"
        elif end - start == 2:
            new = "…" if match.group() == "â¦" else "•"
        else:
            before = text[start - 1 : start]
            after = text[end : end + 1]
            if before.isalpha() and after.isalpha():
                continue  # inside a word: "â" may be a letter ("château")
            if before.strip() and not after.isalnum():
                new = "”"
            elif after.isalnum():
                new = "“"
            else:
                new = "—"
        edits.append(Edit(start, end, new, "lost-c1-bytes-guessed", match.group()))
    return edits


_STRAY_TAGS = frozenset({"tag"})


def _entity_edits(text: str) -> list[Edit]:
    """Decode the HTML entities of ``text`` that are escapes, each chain in one step."""
    if "&" not in text:
        return []
    edits = []
    code_lines: dict[int, tuple[bool, list[tuple[int, int]]]] = {}  # per line: has a tag, code spans
    for match in mojibake_chars.ENTITY.finditer(text):
        start, end = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        if line_start not in code_lines:
            line_end = text.find("\n", end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            spans = [(line_start + m.start(), line_start + m.end()) for m in mojibake_chars.CODE_SPAN.finditer(line)]
            code_lines[line_start] = (_has_html_source(line), spans)
        has_tag, spans = code_lines[line_start]
        if has_tag or any(low < start < high for low, high in spans) or _is_mention(text, start, end):
            continue
        new = _unescape(match.group())
        if new != match.group():
            edits.append(Edit(start, end, new, "html-entity", match.group()))
    return edits


def _has_html_source(line: str) -> bool:
    """Whether a line holds HTML tags that are code, not leftover markup that later steps strip.

    Stray tags (``<br>``, ``<span>``) and links and images (``<a>``, ``<img>``) are markup the
    ``markup`` and ``links`` steps remove; an entity beside them is an escape all the same, and
    decoding it now keeps a second run from finding it on a line cleared of tags.
    """
    if "<" not in line:
        return False
    removable = [(token.start, token.end) for token in tokenize_markup(line, _STRAY_TAGS)]
    removable += [(t.start, t.end) for t in tokenize_links(line) if t.kind in ("html_link", "html_image")]
    return any(
        not any(low <= tag.start() and tag.end() <= high for low, high in removable)
        for tag in mojibake_chars.HTML_TAG.finditer(line)
    )


def _is_mention(text: str, start: int, end: int) -> bool:
    """Whether the entity at ``start:end`` is named rather than used: quoted, or called an entity."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before and after and before in mojibake_chars.MENTION_OPENERS and after in mojibake_chars.MENTION_CLOSERS:
        return True
    return mojibake_chars.ENTITY_WORD_AFTER.match(text, end) is not None


def _unescape(chain: str) -> str:
    """Decode an entity and the ``&amp;`` escapes in front of it; unknown or invalid ones stay."""
    body = chain[1:-1].rsplit(";", 1)[-1]  # the last entity of the chain: "&amp;amp;lt;" -> "lt"
    if body.startswith("#"):
        char = html.unescape(f"&{body};")
        code = ord(char) if len(char) == 1 else -1
        if char == "\ufffd" or code < 0 or (unicodedata.category(char) == "Cc" and char not in "\t\n"):
            char = f"&{body};"
    else:
        char = mojibake_chars.NAMED_ENTITIES.get(body, f"&{body};")
    return char


def _shifted(edit: Edit, by: int) -> Edit:
    return Edit(edit.start + by, edit.end + by, edit.new, edit.rule, edit.old)
